"""Which files and classes are TypeORM migrations, and which migration set each belongs to.

A migration is a class in a migration file (under a `migrations`/`migration` directory, matched
by the configured globs, or loaded by a `migrations:` option) that implements MigrationInterface
(or an interface ending in `Migration`), declares `up`/`down`, or extends a migration. The
directory alone is not enough (real repos keep helper DSLs there), and other tools' migrations
(MikroORM, knex, Kysely) are not TypeORM's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from migrationlint import globs
from migrationlint.extract.records import ClassFact, FileFacts, HeaderDamage

OTHER_MIGRATION_TOOLS = ("@mikro-orm/", "mikro-orm", "knex", "kysely", "umzug", "sequelize", "db-migrate",
                         "node-pg-migrate", "@adonisjs/lucid", "typeorm-seeding")
_MIGRATION_DIR = re.compile(r"(^|/)migrations?(/|$)")


def in_migration_dir(rel_path: str) -> bool:
    directory = rel_path.rsplit("/", 1)[0] if "/" in rel_path else ""
    return bool(_MIGRATION_DIR.search(directory))


def imported_from(facts: FileFacts, local: str) -> str | None:
    """The module a local name was imported from, if it was."""
    for imp in facts.imports:
        if local in imp.locals:
            return imp.specifier
    return None


def _other_tool(spec: str | None) -> bool:
    return spec is not None and any(spec == t or spec.startswith(t) for t in OTHER_MIGRATION_TOOLS)


def is_migration_class(cls: ClassFact, facts: FileFacts, local_migrations: set[str] | None = None) -> bool:
    """Whether a class in a migration file is a TypeORM migration."""
    if cls.extends:
        base = cls.extends.split("<", 1)[0].split(".")[-1]
        if _other_tool(imported_from(facts, cls.extends.split("<", 1)[0].split(".")[0])):
            return False
        if base.endswith("Migration") or (local_migrations and base in local_migrations):
            return True
    for iface in cls.implements:
        name = iface.split(".")[-1]
        if name == "MigrationInterface" or name.endswith("Migration"):
            return True
    if "up" in cls.methods or "down" in cls.methods:
        return not any(_other_tool(i.specifier) for i in facts.imports) or bool(facts.imports_from("typeorm"))
    return False


def migration_classes(facts: FileFacts) -> list[ClassFact]:
    """The TypeORM migration classes of a file (assumed to be a migration file)."""
    found: list[ClassFact] = []
    names: set[str] = set()
    for _ in range(2):  # second pass lets classes extend migrations declared in the same file
        found = [c for c in facts.classes if c.name and is_migration_class(c, facts, names)]
        names = {c.name for c in found}
    return found


def header_is_migration(h: HeaderDamage, facts: FileFacts) -> bool:
    """A damaged header counts as a migration when its heritage names one, or when the file is
    otherwise TypeORM's (imports typeorm) and no other migration tool."""
    words = [w for w in h.heritage if w not in ("implements", "extends", ",")]
    if any(w.endswith("MigrationInterface") or w.endswith("Migration") for w in words):
        return not any(_other_tool(imported_from(facts, w)) for w in words)
    return bool(facts.imports_from("typeorm")) and not any(_other_tool(i.specifier) for i in facts.imports)


@dataclass
class MigrationSet:
    """Files one `migrations:` option loads (or one package's migrations when there is none)."""

    key: str
    owner: str  # the file holding the option, or the package directory
    files: set[str] = field(default_factory=set)
    glob_files: set[str] = field(default_factory=set)  # loaded through a glob (MIG006 applies)
    option_start: int = -1


def _candidates(path: str) -> list[str]:
    """Forms of a source path a runtime glob may name: itself, built output, `.js`."""
    out = [path]
    stem, ext = os.path.splitext(path)
    if ext in (".ts", ".mts", ".cts"):
        out.append(stem + ".js")
    for src, dist in (("/src/", "/dist/"), ("/src/", "/dist/src/"), ("/src/", "/build/")):
        if src in path:
            built = path.replace(src, dist, 1)
            out.append(built)
            out.append(os.path.splitext(built)[0] + ".js")
    return out


def resolve_glob(pattern: str, owner_file: str, package_root: str) -> str:
    """An absolute glob for a `migrations:` string: `__dirname` is the config file's directory,
    a relative pattern is relative to the package root (the process's working directory)."""
    if pattern.startswith("{__dirname}"):
        rest = pattern[len("{__dirname}"):]
        absolute = os.path.dirname(owner_file) + ("/" if not rest.startswith("/") else "") + rest
    elif os.path.isabs(pattern):
        absolute = pattern
    else:
        absolute = os.path.join(package_root, pattern)
    parts: list[str] = []
    for part in absolute.replace(os.sep, "/").split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/" + "/".join(parts)


def glob_matches(pattern: str, path: str) -> bool:
    return any(globs.compile_glob(pattern).match(c.replace(os.sep, "/")) for c in _candidates(path))
