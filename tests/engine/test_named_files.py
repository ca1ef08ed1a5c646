"""A run over named files (pre-commit, an editor, the incremental run) reports, for each of them,
exactly what a run over the whole tree reports there: the files around are context, read from
their facts, never a reason to say something else."""

from __future__ import annotations

import json
from pathlib import Path

from migrationlint import pipeline
from migrationlint.model.workspace import find_root
from migrationlint.settings import Settings
from tests.golden import copy_fixture
from tests.helpers import cli


def _key(d) -> tuple:
    return d.code, d.start, d.end, d.message, d.fix.message if d.fix else None


def _findings_by_file(result) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for d in result.diagnostics:
        out.setdefault(d.path, []).append(_key(d))
    return out


def test_every_file_of_the_golden_fixture_alone_reports_what_the_whole_run_reports(tmp_path: Path) -> None:
    root = copy_fixture("monorepo", tmp_path)
    settings = Settings()
    whole = pipeline.lint([str(root)], settings)
    expected = _findings_by_file(whole)
    assert expected, "the golden fixture has findings"
    for path in whole.files:
        alone = pipeline.lint([path], settings, files=[path], report={path})
        assert [_key(d) for d in alone.diagnostics] == expected.get(path, []), path


def _service(root: Path, files: dict[str, str]) -> None:
    (root / "package.json").write_text(json.dumps({"name": "repo", "private": True, "workspaces": ["services/*"]}))
    svc = root / "services" / "api"
    svc.mkdir(parents=True)
    (svc / "package.json").write_text(json.dumps({"name": "api", "version": "1.0.0", "dependencies": {}}))
    (root / "package-lock.json").write_text(json.dumps({"name": "repo", "lockfileVersion": 3, "packages": {
        "": {"name": "repo", "workspaces": ["services/*"]},
        "node_modules/prosemirror-model": {"version": "1.25.4"}}}))
    (svc / "src").mkdir()
    for rel, text in files.items():
        (svc / rel).write_text(text)


def test_dep001_suggests_the_section_the_whole_package_needs_in_a_run_over_one_file(tmp_path: Path) -> None:
    """A type-only import alone would go to devDependencies; another file of the package loads the
    package at runtime, so both runs must say `dependencies` (a named-files run once said
    devDependencies, and its fix would have broken the production install)."""
    _service(tmp_path, {
        "src/types.ts": "import { Node } from 'prosemirror-model';\nexport type Doc = Node;\n",
        "src/main.ts": "import { Schema } from 'prosemirror-model';\nexport const schema = new Schema({ nodes: {} });\n",
    })
    settings = Settings(select=["DEP001"])
    types_file = str(tmp_path / "services/api/src/types.ts")
    whole = [d for d in pipeline.lint([str(tmp_path)], settings).diagnostics if d.path == types_file]
    alone = pipeline.lint([types_file], settings, files=[types_file], report={types_file}).diagnostics
    assert [d.message for d in alone] == [d.message for d in whole]
    assert 'add "prosemirror-model": "^1.25.4" to dependencies' in alone[0].message
    assert "; services/api/src/main.ts loads it at runtime)" in alone[0].message  # why, at a type-only import
    assert alone[0].fix.edits == whole[0].fix.edits


def test_dep001_at_a_type_only_import_names_the_decorated_signature_that_needs_dependencies(tmp_path: Path) -> None:
    """`import type { Reply }` alone would go to devDependencies; a controller names the package's
    type in a decorated parameter, which decorator metadata loads at runtime when it is a class (tsc
    drops the import when it is an interface): the message says which file decides, in both runs."""
    _service(tmp_path, {
        "src/csrf.guard.ts": "import type { Reply } from 'prosemirror-model';\nexport type Sent = Reply;\n",
        "src/health.controller.ts": (
            "import { Body, Controller, Post } from '@nestjs/common';\nimport { Reply } from 'prosemirror-model';\n\n"
            "@Controller('health')\nexport class HealthController {\n  @Post()\n"
            "  check(@Body() reply: Reply): void {\n    return;\n  }\n}\n"),
        "src/zz-same.ts": ("import type { Node } from 'prosemirror-model';\nimport { Schema } from 'prosemirror-model';\n"
                           "export const s: Node | Schema = new Schema({ nodes: {} });\n"),
    })
    settings = Settings(select=["DEP001"])
    guard = str(tmp_path / "services/api/src/csrf.guard.ts")
    whole = [d for d in pipeline.lint([str(tmp_path)], settings).diagnostics if "prosemirror-model" in d.message]
    alone = pipeline.lint([guard], settings, files=[guard], report={guard}).diagnostics
    assert [d.message for d in alone] == [d.message for d in whole if d.path == guard]
    assert ("; services/api/src/health.controller.ts names it in a decorated signature, which decorator metadata "
            "loads at runtime unless each such name is an interface or a type)") in alone[0].message
    controller = [d for d in whole if d.path.endswith("health.controller.ts")]
    assert controller and all("decorated signature" not in d.message for d in controller)  # its own use decides


def test_a_type_only_import_alone_in_its_package_still_goes_to_dev_dependencies(tmp_path: Path) -> None:
    _service(tmp_path, {
        "src/types.ts": "import { Node } from 'prosemirror-model';\nexport type Doc = Node;\n",
        "src/main.ts": "export const x = 1;\n",
    })
    types_file = str(tmp_path / "services/api/src/types.ts")
    alone = pipeline.lint([types_file], Settings(select=["DEP001"]), files=[types_file], report={types_file})
    assert [d.code for d in alone.diagnostics] == ["DEP001"]
    assert "to devDependencies" in alone.diagnostics[0].message


def _nested_docs_site(root: Path, git: bool) -> str:
    """A repository whose workspace holds services, and a documentation site under `docs/` that is a
    workspace of its own (its own `workspaces` and lockfile), as real monorepos keep their websites."""
    if git:
        (root / ".git").mkdir()
    (root / "package.json").write_text(json.dumps({"name": "repo", "private": True, "workspaces": ["services/*"]}))
    site = root / "docs"
    (site / "apps" / "web" / "src").mkdir(parents=True)
    (site / "package.json").write_text(json.dumps({"name": "docs", "private": True, "workspaces": ["apps/*"]}))
    (site / "yarn.lock").write_text('# yarn lockfile v1\n\n\n"left-pad@^1.3.0":\n  version "1.3.0"\n')
    (site / "apps" / "web" / "package.json").write_text(json.dumps(
        {"name": "web", "version": "1.0.0", "main": "src/index.ts", "dependencies": {}}))
    page = site / "apps" / "web" / "src" / "index.ts"
    page.write_text("import pad from 'left-pad';\nexport const title = pad('docs', 8);\n")
    return str(page)


def test_a_named_file_in_a_nested_workspace_is_judged_as_the_repository_run_judges_it(tmp_path: Path) -> None:
    """pre-commit names files from the repository's top; a file of a workspace nested in the outer one
    must get the finding (and fix) the run over the repository gives it, as a run rooted at the nested
    workspace does: seen from the top the site is docs, an example project of its own, whose code is
    what its own install must hold (its dependencies), as it is seen from inside."""
    page = _nested_docs_site(tmp_path, git=True)
    tree = cli("check", ".", "--no-cache", "--output-format", "concise", "--select", "DEP001", cwd=tmp_path)
    named = cli("check", "docs/apps/web/src/index.ts", "--no-cache", "--output-format", "concise",
                "--select", "DEP001", cwd=tmp_path)
    inside = cli("check", "apps/web/src/index.ts", "--no-cache", "--output-format", "concise",
                 "--select", "DEP001", cwd=tmp_path / "docs")
    lines = [line for line in tree.stdout.decode().splitlines() if line.startswith("docs/apps/web/src/index.ts:")]
    assert len(lines) == 1 and 'add "left-pad": "^1.3.0" to dependencies' in lines[0], tree.stdout.decode()
    assert [line for line in named.stdout.decode().splitlines() if line.startswith("docs/")] == lines
    assert [line for line in inside.stdout.decode().splitlines() if line.startswith("apps/")] == \
        [lines[0][len("docs/"):]]
    assert find_root(page) == str(tmp_path)


def test_outside_a_repository_the_nearest_workspace_definition_is_the_root(tmp_path: Path) -> None:
    """Without a `.git` nothing bounds the climb (a home directory may hold anything): the nested
    workspace stays the root, as before."""
    page = _nested_docs_site(tmp_path, git=False)
    assert find_root(page) == str(tmp_path / "docs")


def test_a_repository_without_an_outer_definition_keeps_the_nested_workspace_as_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    app = tmp_path / "app"
    (app / "services" / "api").mkdir(parents=True)
    (app / "package.json").write_text(json.dumps({"name": "app", "private": True, "workspaces": ["services/*"]}))
    assert find_root(str(app / "services" / "api")) == str(app)
    assert find_root(str(tmp_path)) == str(tmp_path)


def test_named_services_without_a_root_around_them_are_each_judged_as_themselves(tmp_path: Path) -> None:
    """`check services/*` where nothing (no repository, no root manifest) holds the services together:
    each is judged from the folder they share, as one run over that folder judges them, not from the
    first service's root (where the second's baseUrl imports read as packages of the first)."""
    for name in ("orders", "users"):
        service = tmp_path / "services" / name
        (service / "src").mkdir(parents=True)
        (service / "package.json").write_text(json.dumps(
            {"name": name, "private": True, "dependencies": {"@nestjs/common": "^10.0.0"}}))
        (service / "tsconfig.json").write_text(json.dumps({"compilerOptions": {"baseUrl": "./"}}))
        (service / "src" / "main.ts").write_text("import { AppModule } from 'src/app.module';\nexport const m = AppModule;\n")
        (service / "src" / "app.module.ts").write_text(
            "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n")
    services = [str(tmp_path / "services" / n) for n in ("orders", "users")]
    named = pipeline.lint(services, Settings(select=["DEP", "IMP"]), use_cache=False)
    whole = pipeline.lint([str(tmp_path / "services")], Settings(select=["DEP", "IMP"]), use_cache=False)
    assert [_key(d) for d in named.diagnostics] == [_key(d) for d in whole.diagnostics] == []


def test_dep001_names_another_import_of_the_same_file_as_the_reason(tmp_path: Path) -> None:
    _service(tmp_path, {
        "src/main.ts": ("import type { Node } from 'prosemirror-model';\nimport { Schema } from 'prosemirror-model';\n"
                        "export const s: Node | Schema = new Schema({ nodes: {} });\n"),
    })
    found = pipeline.lint([str(tmp_path)], Settings(select=["DEP001"])).diagnostics
    first = min(found, key=lambda d: d.start)
    assert "to dependencies (package-lock.json resolves 1.25.4; another import in this file loads it at runtime)" \
        in first.message
