"""Lockfile parsing: every supported format yields resolved versions and (where recorded) peers."""

from __future__ import annotations

import json

import pytest

from migrationlint.model.lockfile_record import version_key
from migrationlint.model.lockfiles import find_lockfile, read_lockfile
from tests.helpers import TEST_DATA

DATA = TEST_DATA / "deps"


def lock(name: str, file: str):
    parsed = read_lockfile(str(DATA / name / file))
    assert parsed is not None
    return parsed


@pytest.mark.parametrize("name,file,kind,ioredis", [
    ("npm-v3", "package-lock.json", "npm", "5.4.1"),
    ("npm-v2", "package-lock.json", "npm", "5.3.2"),
    ("pnpm-v6", "pnpm-lock.yaml", "pnpm", "5.3.2"),
    ("pnpm-v9", "pnpm-lock.yaml", "pnpm", "5.4.1"),
    ("yarn-v1", "yarn.lock", "yarn-classic", "5.4.1"),
    ("yarn-berry", "yarn.lock", "yarn-berry", "5.4.2"),
    ("bun", "bun.lock", "bun", "5.4.1"),
])
def test_each_format_resolves_versions(name, file, kind, ioredis):
    parsed = lock(name, file)
    assert parsed.kind == kind
    assert parsed.resolved("ioredis") == ioredis
    assert parsed.resolved("@nestjs/common") == "10.4.15"
    assert parsed.knows("bullmq") and not parsed.knows("kafkajs")


@pytest.mark.parametrize("name,file", [
    ("npm-v3", "package-lock.json"), ("npm-v2", "package-lock.json"), ("pnpm-v6", "pnpm-lock.yaml"),
    ("pnpm-v9", "pnpm-lock.yaml"), ("yarn-berry", "yarn.lock"), ("bun", "bun.lock"),
])
def test_peers_with_optional_flags(name, file):
    parsed = lock(name, file)
    assert parsed.peer_deps("@nestjs-modules/ioredis") == {"@nestjs/common": False, "@nestjs/core": False,
                                                           "ioredis": False}
    common = parsed.peer_deps("@nestjs/common")
    assert common["rxjs"] is False
    if "class-validator" in common:
        assert common["class-validator"] is True
    assert parsed.peer_deps("bullmq") == {}


def test_yarn_classic_records_no_peers_and_keeps_every_version():
    parsed = lock("yarn-v1", "yarn.lock")
    assert parsed.peer_deps("@nestjs-modules/ioredis") is None
    assert sorted(parsed.versions["ioredis"], key=version_key) == ["4.28.5", "5.4.1"]


def test_importer_versions_win_over_the_hoisted_one():
    npm = lock("npm-v3", "package-lock.json")
    assert npm.resolved("ioredis", "services/api") == "5.3.2"  # nested services/api/node_modules/ioredis
    assert npm.resolved("ioredis", "services/worker") == "5.4.1"  # the hoisted copy
    pnpm = lock("pnpm-v9", "pnpm-lock.yaml")
    assert pnpm.importers["services/api"]["@nestjs-modules/ioredis"] == "2.0.2"  # peer suffix stripped
    assert "@acme/api" not in npm.versions  # workspace links are not registry packages


def test_pnpm_v6_keys_and_v5_keys():
    from migrationlint.model.lockfiles import pnpm_key

    assert pnpm_key("/@nestjs/common@10.4.15(reflect-metadata@0.2.2)(rxjs@7.8.1)") == ("@nestjs/common", "10.4.15")
    assert pnpm_key("@nestjs/common@10.4.15") == ("@nestjs/common", "10.4.15")
    assert pnpm_key("/@nestjs/common/10.4.15_rxjs@7.8.1") == ("@nestjs/common", "10.4.15")
    assert pnpm_key("/lodash/4.17.21") == ("lodash", "4.17.21")


def test_broken_lockfiles_are_absent_not_fatal(tmp_path):
    (tmp_path / "pnpm-lock.yaml").write_text("importers: [unclosed\n")
    (tmp_path / "package-lock.json").write_text("{ not json")
    (tmp_path / "yarn.lock").write_text("# yarn lockfile v1\n\n  version \"1.0.0\"\n")
    for name in ("pnpm-lock.yaml", "package-lock.json", "yarn.lock"):
        assert read_lockfile(str(tmp_path / name)) is None


def test_find_lockfile_prefers_the_declared_manager(tmp_path):
    (tmp_path / "yarn.lock").write_text("# yarn lockfile v1\n")
    (tmp_path / "package-lock.json").write_text("{}")
    assert find_lockfile(str(tmp_path), "yarn").endswith("yarn.lock")
    assert find_lockfile(str(tmp_path), "npm").endswith("package-lock.json")
    assert find_lockfile(str(tmp_path / "missing")) is None


def test_yarn_classic_quoted_multi_spec_headers(tmp_path):
    (tmp_path / "yarn.lock").write_text(
        '# yarn lockfile v1\n\n\n"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":\n'
        '  version "7.12.13"\n  dependencies:\n    "@babel/highlight" "^7.12.13"\n\n'
        'string-width-cjs@"npm:string-width@^4.2.0":\n  version "4.2.3"\n')
    parsed = read_lockfile(str(tmp_path / "yarn.lock"))
    assert parsed.versions == {"@babel/code-frame": ["7.12.13"], "string-width-cjs": ["4.2.3"]}


def test_bun_text_lockfile_keeps_nested_copies_and_records_no_peer_ranges():
    """bun.lock (JSONC with trailing commas): a copy nested under its dependent (`bullmq/ioredis`)
    is one more version, the top-level one is what the root resolves, and the peer lists hold
    resolved versions, not ranges, so no range is recorded; workspace packages are not packages
    to install."""
    parsed = lock("bun", "bun.lock")
    assert sorted(parsed.versions["ioredis"], key=version_key) == ["4.28.5", "5.4.1"]
    assert parsed.importers["."]["ioredis"] == "5.4.1" and not parsed.knows("@acme/api")
    assert parsed.peer_ranges == {} and parsed.manager == "bun"


def test_a_pnpm_11_lockfile_of_two_documents_reads_the_projects(tmp_path):
    """pnpm 11 writes a first YAML document for its own packageManagerDependencies, then `---` and
    the project's: the project's is read (a real repository's lockfile was rejected as invalid,
    and a locked package called "installed nowhere")."""
    text = ("---\nlockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    packageManagerDependencies:\n      pnpm:\n"
            "        specifier: 11.11.0\n        version: 11.11.0\n\n---\nlockfileVersion: '9.0'\n\nimporters:\n\n  .:\n"
            "    dependencies:\n      debug:\n        specifier: ^4.3.4\n        version: 4.3.4\n\npackages:\n\n"
            "  debug@4.3.4:\n    resolution: {integrity: sha512-BBBB}\n\n  ms@2.1.2:\n    resolution: {integrity: sha512-CCCC}\n\n"
            "snapshots:\n\n  debug@4.3.4:\n    dependencies:\n      ms: 2.1.2\n\n  ms@2.1.2: {}\n")
    (tmp_path / "pnpm-lock.yaml").write_text(text)
    parsed = read_lockfile(str(tmp_path / "pnpm-lock.yaml"))
    assert parsed is not None and parsed.resolved("debug") == "4.3.4" and parsed.knows("ms")
    assert not parsed.knows("pnpm")


def test_pnpm_records_the_peers_linked_beside_each_dependency(tmp_path):
    """A pnpm importer's dependency version carries the peers pnpm resolved for it; only its own
    (outermost) groups are linked beside it, not the peers of those peers."""
    (tmp_path / "pnpm-lock.yaml").write_text(
        "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n"
        "      '@nestjs/common':\n        specifier: ^10.0.0\n"
        "        version: 10.2.7(class-validator@0.14.0)(@scope/x@1.0.0(y@2.0.0))\n"
        "      rxjs:\n        specifier: ^7.8.1\n        version: 7.8.1\n")
    lock = read_lockfile(str(tmp_path / "pnpm-lock.yaml"))
    assert lock.linked_peers == {".": {"@nestjs/common": frozenset({"class-validator", "@scope/x"})}}
    assert set(lock.importer_peers["."]) == {"class-validator", "@scope/x", "y"}


ALIAS_LOCKFILES = {
    "package-lock.json": '{"lockfileVersion": 3, "packages": {"": {"name": "app"}, "node_modules/string-width-cjs":'
                         ' {"name": "string-width", "version": "4.2.3"}, "node_modules/string-width":'
                         ' {"version": "5.1.2"}}}',
    "pnpm-lock.yaml": "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      string-width-cjs:\n"
                      "        specifier: npm:string-width@^4.2.0\n        version: string-width@4.2.3\n"
                      "packages:\n  string-width@4.2.3:\n    resolution: {integrity: sha512-AAAA}\n",
    "yarn.lock": '__metadata:\n  version: 8\n\n"string-width-cjs@npm:string-width@^4.2.0":\n  version: 4.2.3\n'
                 '  resolution: "string-width@npm:4.2.3"\n  languageName: node\n  linkType: hard\n',
    "bun.lock": '{"lockfileVersion": 1, "workspaces": {"": {"name": "app"}}, "packages": {'
                '"string-width-cjs": ["string-width@4.2.3", "", {}, "sha512-AAAA"],'
                ' "wrap-ansi/string-width": ["string-width@5.1.2", "", {}, "sha512-BBBB"]}}',
}


@pytest.mark.parametrize("file", sorted(ALIAS_LOCKFILES))
def test_an_npm_alias_is_known_under_its_own_name_and_remembers_the_package(tmp_path, file):
    """`"string-width-cjs": "npm:string-width@^4.2.0"` installs string-width into
    node_modules/string-width-cjs: imports name the alias, so the lockfile knows the alias (a real
    repository's alias was called "installed nowhere"), and remembers the package behind it, which
    a fix's spec must name (a plain range would fetch whatever the registry calls string-width-cjs)."""
    (tmp_path / file).write_text(ALIAS_LOCKFILES[file])
    parsed = read_lockfile(str(tmp_path / file))
    assert parsed.knows("string-width-cjs") and parsed.resolved("string-width-cjs") == "4.2.3"
    assert parsed.aliases == {"string-width-cjs": "string-width"}


def test_a_yarn_berry_entry_shared_by_an_alias_and_the_package_is_known_under_both(tmp_path):
    """`"bullmq-v5@npm:bullmq@^5, bullmq@npm:^5.81.3"`: one entry serves the alias and the package
    itself (a real repository: both names imported)."""
    (tmp_path / "yarn.lock").write_text('__metadata:\n  version: 10\n\n"bullmq-v5@npm:bullmq@^5, bullmq@npm:^5.81.3":\n'
                                        '  version: 5.81.3\n  resolution: "bullmq@npm:5.81.3"\n  languageName: node\n'
                                        '  linkType: hard\n')
    parsed = read_lockfile(str(tmp_path / "yarn.lock"))
    assert parsed.resolved("bullmq") == parsed.resolved("bullmq-v5") == "5.81.3"
    assert parsed.aliases == {"bullmq-v5": "bullmq"}


def test_yarn_classic_remembers_an_alias_header(tmp_path):
    (tmp_path / "yarn.lock").write_text('# yarn lockfile v1\n\n\nstring-width-cjs@"npm:string-width@^4.2.0":\n'
                                        '  version "4.2.3"\n\nstring-width@^5.0.0:\n  version "5.1.2"\n')
    parsed = read_lockfile(str(tmp_path / "yarn.lock"))
    assert parsed.aliases == {"string-width-cjs": "string-width"}


def test_an_optional_peer_npm_records_but_never_installs_is_not_in_the_lockfile(tmp_path):
    """`"node_modules/class-transformer": {"version": "0.5.1", "optional": true, "peer": true}` with
    neither `resolved` nor `integrity`: npm keeps the optional peer of @nestjs/common as a placeholder
    and `npm ci` installs nothing there (checked with npm 10), so the package is not in the install (a
    fleet tracker's DEP004 said ValidationPipe's class-transformer "loads today"). An installed
    package whose lockfile omits `resolved` (`omit-lockfile-registry-resolved`) keeps its `integrity`."""
    (tmp_path / "package-lock.json").write_text(json.dumps({"name": "svc", "lockfileVersion": 3, "packages": {
        "": {"name": "svc", "dependencies": {"@nestjs/common": "^8.0.0"}},
        "node_modules/@nestjs/common": {"version": "8.4.7", "resolved": "https://registry.npmjs.org/@nestjs/common/-/common-8.4.7.tgz",
                                        "peerDependencies": {"class-transformer": "*", "class-validator": "*"},
                                        "peerDependenciesMeta": {"class-transformer": {"optional": True},
                                                                 "class-validator": {"optional": True}}},
        "node_modules/class-transformer": {"version": "0.5.1", "license": "MIT", "optional": True, "peer": True},
        "node_modules/class-validator": {"version": "0.14.1", "integrity": "sha512-AAAA", "optional": True, "peer": True}}}))
    parsed = read_lockfile(str(tmp_path / "package-lock.json"))
    assert not parsed.knows("class-transformer") and parsed.resolved("class-transformer") is None
    assert parsed.resolved("class-validator") == "0.14.1" and parsed.resolved("@nestjs/common") == "8.4.7"
