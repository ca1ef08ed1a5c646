"""Packages and folders a code generator writes itself: a Prisma `generator` block whose `output`
points into node_modules (`output = "../node_modules/@prisma/pgsql-client"`) or at a folder of the
repository (`output = "../generated/prisma/app"`, imported by path), or whose provider writes into
node_modules when no `output` is given (typegraphql-prisma: `@generated/type-graphql`).

`prisma generate` writes a client package under that name; the registry's package of the same
name, if any, is something else, so an import of it is no dependency to declare or install. The
schema is Prisma's own language, not TypeScript: its `generator` blocks are read by their
`output = "..."` lines, relative to the schema file's folder.
"""

from __future__ import annotations

import glob
import os
import re
from functools import lru_cache

from migrationlint.model.packages import package_name
from migrationlint.model.workspace import Manifest

_GENERATOR = re.compile(r"^\s*generator\s+\w+\s*\{(.*?)^\s*\}", re.MULTILINE | re.DOTALL)
_OUTPUT = re.compile(r'^\s*output\s*=\s*"([^"]+)"', re.MULTILINE)
_PROVIDER = re.compile(r'^\s*provider\s*=\s*"([^"]+)"', re.MULTILINE)
# where a generator writes with no `output`, by its package: into node_modules, under its own name
_DEFAULT_OUTPUTS = {"typegraphql-prisma": "node_modules/@generated/type-graphql"}
_MAX_BYTES = 1 << 20


def generated_packages(directory: str, schema_setting: object = None, scripts: object = None) -> frozenset[str]:
    """Names of the packages the Prisma schemas of the package at `directory` generate into a
    node_modules folder (`schema_setting`: package.json's `prisma.schema`, a file or folder; the
    schemas its `scripts` hand to the Prisma CLI, `prisma generate --schema=./libs/db/pg.prisma`)."""
    found = set()
    for target in _generator_outputs(directory, schema_setting, scripts):
        if "/node_modules/" in target:
            name = package_name(target.rsplit("/node_modules/", 1)[1])
            if name:
                found.add(name)
    return frozenset(found)


def in_generated_folder(manifest: Manifest | None, path: str) -> bool:
    """Whether `path` is, or lies in, a folder outside node_modules that a Prisma schema of the
    manifest's package generates its client into (`output = "../generated/prisma/app"`): absent
    from a checkout, written by `prisma generate` before anything builds, and imported by path (a
    tsconfig `baseUrl` name, `generated/prisma/app`)."""
    if manifest is None or manifest.error:
        return False
    schema = manifest.data.get("prisma")
    outputs = _generator_outputs(manifest.dir, schema.get("schema") if isinstance(schema, dict) else None,
                                 manifest.data.get("scripts"))
    # an output that is the package's own folder (or above it) is a generator's file beside the schema
    # (`prisma-dbml-generator`'s `output = "."`), no folder of generated code
    top = os.path.normpath(manifest.dir)
    folders = [f for f in (t.replace("/", os.sep) for t in outputs if "/node_modules/" not in t)
               if not (top == f or top.startswith(f.rstrip(os.sep) + os.sep))]
    return any(path == f or path.startswith(f + os.sep) for f in folders)


def _generator_outputs(directory: str, schema_setting: object, scripts: object) -> frozenset[str]:
    """Every `output` of a generator block of the package's schemas, absolute, with `/` separators."""
    found: set[str] = set()
    paths = _schemas(directory, schema_setting if isinstance(schema_setting, str) else None)
    paths += [os.path.join(directory, p) for p in _script_schemas(scripts) if os.path.isfile(os.path.join(directory, p))]
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        found.update(_outputs(path, st.st_mtime_ns, st.st_size))
    return frozenset(found)


_SCHEMA_FLAG = re.compile(r"\bprisma\b[^;&|]*?--schema(?:=|\s+)([^\s;&|]+)")


def _script_schemas(scripts: object) -> list[str]:
    """The schema paths package.json scripts give `prisma` with `--schema`."""
    commands = [c for c in scripts.values() if isinstance(c, str)] if isinstance(scripts, dict) else []
    return [m.group(1).strip("\"'") for c in commands for m in _SCHEMA_FLAG.finditer(c)]


def _schemas(directory: str, setting: str | None) -> list[str]:
    """Where Prisma looks: the configured schema (a file, or a folder of `.prisma` files), else
    `prisma/schema.prisma`, `schema.prisma`, and the multi-file `prisma/schema/` folder."""
    places = [os.path.join(directory, setting)] if setting else [
        os.path.join(directory, "prisma", "schema.prisma"), os.path.join(directory, "schema.prisma"),
        os.path.join(directory, "prisma", "schema")]
    found = []
    for place in places:
        if os.path.isdir(place):
            found += sorted(glob.glob(os.path.join(glob.escape(place), "*.prisma")))
        elif os.path.isfile(place):
            found.append(place)
    return found


@lru_cache(maxsize=64)
def _outputs(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    if size > _MAX_BYTES:
        return frozenset()
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return frozenset()
    folder = os.path.dirname(path)
    return frozenset(os.path.normpath(os.path.join(folder, output)).replace(os.sep, "/")
                     for block in _GENERATOR.finditer(text) for output in _block_outputs(block.group(1)))


def _block_outputs(block: str) -> list[str]:
    """A generator block's `output`, else the default its provider writes to (`provider = "typegraphql-prisma"`:
    `node_modules/@generated/type-graphql`), relative to the schema's folder; the provider may be a command
    that names the package (`node node_modules/typegraphql-prisma/lib/generator.js`)."""
    written = _OUTPUT.findall(block)
    if written:
        return written
    providers = _PROVIDER.findall(block)
    return [default for package, default in _DEFAULT_OUTPUTS.items()
            if any(re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", p) for p in providers)]
