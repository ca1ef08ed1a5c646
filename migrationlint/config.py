"""Settings: `migrationlint.toml` or a `"migrationlint"` key in package.json, plus the command line.

The closest configuration above the linted path wins (no merging across levels: predictable, as in
ruff). Every key is validated: an unknown key or a bad value is a ConfigError naming the file, the
key and what is allowed, which the CLI turns into exit code 2.
"""

from __future__ import annotations

import re
import os

from migrationlint.catalog import is_known_pattern
from migrationlint.model.workspace import read_manifest
from migrationlint.settings import HOISTING, Settings

CONFIG_FILE = "migrationlint.toml"



class ConfigError(Exception):
    """A configuration problem the user must fix; the CLI exits with code 2."""


# key in the file -> (attribute, validator description, validator)
def _list_of_str(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _per_file(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and _list_of_str(v) for k, v in value.items())


def _str_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())


_VERSION = re.compile(r"[0-9]+(\.[0-9]+){0,2}(-[0-9A-Za-z.-]+)?")


def _version(value: object) -> bool:
    """A plain version number: a range or a word would be read as some other version silently."""
    return isinstance(value, str) and _VERSION.fullmatch(value.strip()) is not None


_KEYS: dict[str, tuple[str, str, object]] = {
    "select": ("select", "a list of rule codes or prefixes", _list_of_str),
    "ignore": ("ignore", "a list of rule codes or prefixes", _list_of_str),
    "extend-select": ("extend_select", "a list of rule codes or prefixes", _list_of_str),
    "per-file-ignores": ("per_file_ignores", "a table of glob -> list of rule codes", _per_file),
    "exclude": ("exclude", "a list of gitignore-style patterns", _list_of_str),
    "migrations": ("migrations", "a list of globs of migration files", _list_of_str),
    "test-files": ("test_files", "a list of globs of test files", _list_of_str),
    "typeorm-version": ("typeorm_version", "a version such as \"0.3.20\", \"0.3\" or \"1\"", lambda v: _version(v)),
    "cache-dir": ("cache_dir", "a directory path", lambda v: isinstance(v, str)),
    "hoisting": ("hoisting", "one of " + ", ".join(repr(h) for h in HOISTING), lambda v: v in HOISTING),
    "ignore-packages": ("ignore_packages", "a list of package names or globs", _list_of_str),
    "aliases": ("aliases", "a table of alias prefix -> directory", _str_map),
    "baseline": ("baseline", "the path of a baseline file (relative to this file)", lambda v: isinstance(v, str) and v != ""),
}


def find_config(start: str) -> tuple[str, dict] | None:
    """The closest `migrationlint.toml` or package.json with a "migrationlint" key at or above
    `start` (an absolute path)."""
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        toml_path = os.path.join(directory, CONFIG_FILE)
        if os.path.isfile(toml_path):
            return toml_path, _read_toml(toml_path)
        pkg = os.path.join(directory, "package.json")
        if os.path.isfile(pkg):
            manifest = read_manifest(pkg)
            if manifest.error is None and "migrationlint" in manifest.data:
                return pkg, _section(pkg, manifest.data)
            # a broken manifest is reported by the manifest rules (MAN001), not here
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _read_toml(path: str) -> dict:
    import tomllib  # here: most runs find no TOML configuration to read

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    # allow an optional [tool.migrationlint] / [migrationlint] table
    if "tool" in data and isinstance(data["tool"], dict) and "migrationlint" in data["tool"]:
        return data["tool"]["migrationlint"]
    return data


def apply_table(settings: Settings, table: dict, source: str) -> None:
    """Validate and copy one configuration table into `settings`."""
    # imported here, not at the top: importing the rule families can fail (a broken family module),
    # and the command line must still start to report that as an error with exit code 2
    from migrationlint.checks import RULES

    for key, value in table.items():
        if key not in _KEYS:
            allowed = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{source}: unknown key {key!r} (allowed keys: {allowed})")
        attr, desc, valid = _KEYS[key]
        if not valid(value):  # type: ignore[operator]
            raise ConfigError(f"{source}: key {key!r} must be {desc}, got {value!r}")
        if key in ("select", "ignore", "extend-select"):
            validate_codes(value, f"{source}: key {key!r}", RULES)
        if key == "per-file-ignores":
            for codes in value.values():
                validate_codes(codes, f"{source}: key 'per-file-ignores'", RULES)
        setattr(settings, attr, value)


def validate_codes(codes: list[str], where: str, rules: dict) -> None:
    for code in codes:
        if not is_known_pattern(code, rules):
            raise ConfigError(f"{where}: unknown rule code {code!r} (see `migrationlint rules`)")


def load(paths: list[str], config_file: str | None) -> Settings:
    """Settings for a run over `paths`: the explicit --config file, or the closest one found."""
    settings = Settings()
    if config_file:
        path = config_file
        if not os.path.isfile(path):
            raise ConfigError(f"{config_file}: configuration file not found")
        table = _read_toml(path) if path.endswith(".toml") else _package_section(path)
        found: tuple[str, dict] | None = (path, table)
    else:
        start = paths[0] if paths else os.getcwd()
        found = find_config(os.path.realpath(start) if os.path.exists(start) else os.getcwd())
    if found is not None:
        path, table = found
        apply_table(settings, table, path)
        settings.config_root = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    return settings


def _package_section(path: str) -> dict:
    manifest = read_manifest(path)
    if manifest.error is not None:
        raise ConfigError(f"{path}: cannot read configuration: {manifest.error}")
    return _section(path, manifest.data) if "migrationlint" in manifest.data else {}


def _section(path: str, data: dict) -> dict:
    section = data["migrationlint"]
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: \"migrationlint\" must be an object")
    return section
