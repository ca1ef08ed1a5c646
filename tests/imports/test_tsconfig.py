"""tsconfig reading: JSONC, extends chains (relative and packages), and the covering tsconfig."""

from __future__ import annotations

import json
from pathlib import Path

from migrationlint.model.tsconfig import TsConfigIndex, find_extended, read_tsconfig


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_jsonc_with_comments_and_trailing_commas(tmp_path):
    write(tmp_path, {"tsconfig.json": '{\n  // paths for the service\n  "compilerOptions": {\n'
                                      '    /* block */ "baseUrl": ".",\n    "paths": {"@/*": ["src/*"],},\n  },\n}\n'})
    cfg = read_tsconfig(str(tmp_path / "tsconfig.json"))
    assert cfg.error is None
    assert cfg.paths == {"@/*": ["src/*"]}
    assert cfg.base_url == str(tmp_path)


def test_invalid_tsconfig_is_an_error_not_an_exception(tmp_path):
    write(tmp_path, {"tsconfig.json": '{"compilerOptions": {'})
    cfg = read_tsconfig(str(tmp_path / "tsconfig.json"))
    assert cfg.error and "invalid JSON" in cfg.error
    assert cfg.paths == {}


def test_extends_relative_chain_inherits_paths_relative_to_their_config(tmp_path):
    write(tmp_path, {
        "tsconfig.base.json": json.dumps({"compilerOptions": {"paths": {"@kernel/*": ["shared/kernel/src/*"]}}}),
        "services/api/tsconfig.json": json.dumps({"extends": "../../tsconfig.base", "compilerOptions": {"outDir": "dist"}}),
    })
    cfg = read_tsconfig(str(tmp_path / "services/api/tsconfig.json"))
    assert cfg.paths == {"@kernel/*": ["shared/kernel/src/*"]}
    assert cfg.paths_base == str(tmp_path)  # paths without baseUrl: relative to the config declaring them
    assert cfg.out_dir == str(tmp_path / "services/api/dist")


def test_child_baseurl_rebases_inherited_paths(tmp_path):
    write(tmp_path, {
        "base.json": json.dumps({"compilerOptions": {"paths": {"@/*": ["src/*"]}}}),
        "api/tsconfig.json": json.dumps({"extends": "../base.json", "compilerOptions": {"baseUrl": "."}}),
    })
    cfg = read_tsconfig(str(tmp_path / "api/tsconfig.json"))
    assert cfg.paths_base == str(tmp_path / "api")


def test_extends_package_from_node_modules(tmp_path):
    write(tmp_path, {
        "node_modules/@tsconfig/node20/tsconfig.json": json.dumps({"compilerOptions": {"rootDir": "lib"}}),
        "node_modules/@acme/tsconfig/package.json": json.dumps({"name": "@acme/tsconfig", "tsconfig": "nest.json"}),
        "node_modules/@acme/tsconfig/nest.json": json.dumps({"compilerOptions": {"outDir": "build"}}),
        "app/tsconfig.json": json.dumps({"extends": ["@tsconfig/node20/tsconfig.json", "@acme/tsconfig"]}),
    })
    cfg = read_tsconfig(str(tmp_path / "app/tsconfig.json"))
    assert cfg.root_dir == str(tmp_path / "node_modules/@tsconfig/node20/lib")
    assert cfg.out_dir == str(tmp_path / "node_modules/@acme/tsconfig/build")
    assert find_extended("@tsconfig/node18", str(tmp_path / "app")) is None


def test_a_relative_extends_through_node_modules_reads_the_linked_member(tmp_path):
    """`"extends": "./node_modules/node-rig/profiles/default/tsconfig.json"` (a Rush rig, linked
    with `workspace:*`): without node_modules, tsc would read the member's file, so the linter
    does; a path into node_modules naming no member stays unread, and a plain relative path is
    never re-read as a package."""
    write(tmp_path, {
        "rigs/node-rig/profiles/default/tsconfig.json": json.dumps({"compilerOptions": {"outDir": "${configDir}/lib"}}),
        "apps/tool/tsconfig.json": json.dumps({"extends": "./node_modules/node-rig/profiles/default/tsconfig.json"}),
    })
    members = {"node-rig": str(tmp_path / "rigs/node-rig")}
    cfg = read_tsconfig(str(tmp_path / "apps/tool/tsconfig.json"), member_dir=members.get)
    assert cfg.out_dir == str(tmp_path / "apps/tool/lib")
    tool = str(tmp_path / "apps/tool")
    assert find_extended("./node_modules/other-rig/tsconfig.json", tool, members.get) is None
    assert find_extended("../node-rig/profiles/default/tsconfig.json", tool, members.get) is None


def test_an_extends_of_a_members_subpath_goes_through_its_exports(tmp_path):
    """`"extends": "@x/app/config/tsconfig-base"`, a subpath the member's `exports` maps to
    `./src/config/tsconfig.base.json` (a CMS monorepo): TypeScript 5 reads it through `exports`, so the
    linter does, where a folder lookup finds nothing; a subpath no entry maps stays unread."""
    write(tmp_path, {
        "packages/app/package.json": json.dumps({"name": "@x/app", "exports": {
            "./config/tsconfig-base": "./src/config/tsconfig.base.json", "./config/strict": {"default": "./src/config/strict.json"}}}),
        "packages/app/src/config/tsconfig.base.json": json.dumps({"compilerOptions": {"outDir": "${configDir}/out"}}),
        "packages/app/src/config/strict.json": json.dumps({"compilerOptions": {"strict": True}}),
        "apps/web/tsconfig.json": json.dumps({"extends": "@x/app/config/tsconfig-base", "include": ["src"]}),
    })
    members = {"@x/app": str(tmp_path / "packages/app")}
    cfg = read_tsconfig(str(tmp_path / "apps/web/tsconfig.json"), member_dir=members.get)
    assert cfg.out_dir == str(tmp_path / "apps/web/out") and not cfg.unread_extends
    web = str(tmp_path / "apps/web")
    assert find_extended("@x/app/config/strict", web, members.get) == str(tmp_path / "packages/app/src/config/strict.json")
    assert find_extended("@x/app/config/none", web, members.get) is None


def test_extends_cycle_is_cut(tmp_path):
    write(tmp_path, {
        "a.json": json.dumps({"extends": "./b.json", "compilerOptions": {"baseUrl": "a"}}),
        "b.json": json.dumps({"extends": "./a.json"}),
    })
    assert read_tsconfig(str(tmp_path / "a.json")).base_url == str(tmp_path / "a")


def test_covering_prefers_nearest_config_that_includes_the_file(tmp_path):
    write(tmp_path, {
        "tsconfig.json": json.dumps({"include": ["packages/*/test"]}),
        "packages/api/tsconfig.json": json.dumps({"include": ["src"]}),
        "packages/api/src/main.ts": "",
        "packages/api/test/app.e2e-spec.ts": "",
        "packages/api/scripts/seed.ts": "",
    })
    index = TsConfigIndex(str(tmp_path))
    assert index.covering(str(tmp_path / "packages/api/src/main.ts")).path == str(tmp_path / "packages/api/tsconfig.json")
    assert index.covering(str(tmp_path / "packages/api/test/app.e2e-spec.ts")).path == str(tmp_path / "tsconfig.json")
    # covered by neither: the nearest one
    assert index.covering(str(tmp_path / "packages/api/scripts/seed.ts")).path == str(tmp_path / "packages/api/tsconfig.json")


def test_a_file_under_the_root_dir_is_compiled_with_its_package_config(tmp_path):
    """`include: ["src/*"]` names only the top of src/, but tsc compiles there whatever those files
    import, with the package's options (baseUrl `src`): a file deeper in the `rootDir` belongs to the
    package's config, not to a root tsconfig that covers everything by its default include (a real
    monorepo had 112 DEP001 for `import { Box } from 'components'`). Outside the rootDir the
    covering config still wins, and a rootDir that is the config's own folder says nothing."""
    write(tmp_path, {
        "tsconfig.json": json.dumps({"compilerOptions": {"noEmit": True}}),
        "packages/ui/tsconfig.json": json.dumps({"compilerOptions": {"rootDir": "src", "baseUrl": "src"},
                                                 "include": ["src/*"]}),
        "packages/ui/src/index.ts": "export * from './components';\n",
        "packages/ui/src/components/alert/alert.tsx": "",
        "packages/ui/scripts/build.ts": "",
        "packages/api/tsconfig.json": json.dumps({"compilerOptions": {"rootDir": "."}, "include": ["src/*"]}),
        "packages/api/src/deep/file.ts": "",
    })
    index = TsConfigIndex(str(tmp_path))
    ui = str(tmp_path / "packages/ui/tsconfig.json")
    assert index.covering(str(tmp_path / "packages/ui/src/index.ts")).path == ui
    assert index.covering(str(tmp_path / "packages/ui/src/components/alert/alert.tsx")).path == ui
    assert index.covering(str(tmp_path / "packages/ui/scripts/build.ts")).path == str(tmp_path / "tsconfig.json")
    assert index.covering(str(tmp_path / "packages/api/src/deep/file.ts")).path == str(tmp_path / "tsconfig.json")


def test_covering_honours_files_and_exclude(tmp_path):
    write(tmp_path, {
        "tsconfig.json": json.dumps({"files": ["tools/gen.ts"]}),
        "app/tsconfig.json": json.dumps({"include": ["**/*.ts"], "exclude": ["**/*.spec.ts"]}),
        "app/x.spec.ts": "", "app/x.ts": "",
    })
    index = TsConfigIndex(str(tmp_path))
    root_cfg = index.config(str(tmp_path / "tsconfig.json"))
    assert root_cfg.covers(str(tmp_path / "tools/gen.ts"))
    assert not root_cfg.covers(str(tmp_path / "tools/other.ts"))
    app = index.config(str(tmp_path / "app/tsconfig.json"))
    assert app.covers(str(tmp_path / "app/x.ts"))
    assert not app.covers(str(tmp_path / "app/x.spec.ts"))


def test_brackets_and_braces_in_include_patterns_are_literal(tmp_path):
    """TypeScript's `include` knows only `*`, `**` and `?`: `functions/[[path]].ts` (a Pages route) is
    that file, no character class (which also warned "Possible nested set" from the regex engine on
    a real repository), and `{a,b}` is no alternation."""
    import warnings

    write(tmp_path, {"tsconfig.json": json.dumps({"include": ["functions/[[path]].ts", "lib/{a,b}.ts"]})})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cfg = read_tsconfig(str(tmp_path / "tsconfig.json"))
        assert cfg.covers(str(tmp_path / "functions/[[path]].ts"))
        assert not cfg.covers(str(tmp_path / "functions/p.ts"))
        assert cfg.covers(str(tmp_path / "lib/{a,b}.ts")) and not cfg.covers(str(tmp_path / "lib/a.ts"))


def test_default_include_excludes_out_dir(tmp_path):
    write(tmp_path, {"tsconfig.json": json.dumps({"compilerOptions": {"outDir": "dist"}})})
    cfg = read_tsconfig(str(tmp_path / "tsconfig.json"))
    assert cfg.covers(str(tmp_path / "src/a.ts"))
    assert not cfg.covers(str(tmp_path / "dist/a.d.ts"))
    assert not cfg.covers(str(tmp_path / "node_modules/x/index.d.ts"))


def test_a_solution_style_tsconfig_leaves_its_files_to_its_references(tmp_path):
    """An Nx app's tsconfig.json lists no files (`"files": []`) and references tsconfig.app.json
    and tsconfig.spec.json, which hold the app's aliases: a source file is resolved with the one
    that includes it, as an editor and the build do, and the aliases are no packages."""
    from migrationlint import pipeline
    from migrationlint.settings import Settings

    app = tmp_path / "apps" / "auth"
    write(tmp_path, {rel: text if isinstance(text, str) else json.dumps(text) for rel, text in {
        "package.json": {"name": "repo", "private": True, "dependencies": {"@nestjs/common": "^10.4.0"}},
        "tsconfig.base.json": {"compilerOptions": {"strict": True}},
        "apps/auth/tsconfig.json": {"extends": "../../tsconfig.base.json", "files": [], "include": [],
                                    "references": [{"path": "./tsconfig.app.json"}, {"path": "./tsconfig.spec.json"}]},
        "apps/auth/tsconfig.app.json": {"extends": "./tsconfig.json",
                                        "compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}},
                                        "include": ["src/**/*.ts"], "exclude": ["src/**/*.spec.ts"]},
        "apps/auth/tsconfig.spec.json": {"extends": "./tsconfig.json",
                                         "compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}},
                                         "include": ["src/**/*.spec.ts"]},
        "apps/auth/src/auth/index.ts": "export const auth = 1;\n",
        "apps/auth/src/main.ts": "import { auth } from '@/auth';\nimport { gone } from '@/gone';\nexport const x = [auth, gone];\n",
        "apps/auth/src/main.spec.ts": "import { auth } from '@/auth';\nexport const y = auth;\n",
    }.items()})
    index = TsConfigIndex(str(tmp_path))
    assert index.covering(str(app / "src/main.ts")).path == str(app / "tsconfig.app.json")
    assert index.covering(str(app / "src/main.spec.ts")).path == str(app / "tsconfig.spec.json")
    found = pipeline.lint([str(tmp_path)], Settings(select=["IMP", "DEP"]), use_cache=False).diagnostics
    assert [(d.code, Path(d.path).name) for d in found] == [("IMP002", "main.ts")]  # only the missing @/gone


def test_a_config_beside_the_nearest_that_includes_what_it_excludes_covers_it(tmp_path):
    """An app's tsconfig.json excludes `src/**/__tests__/**`, and `tsconfig.jest.json` beside it
    extends it and includes them: the tests are that project's, with its `paths`, not the root
    tsconfig's, which covers everything and maps nothing (a real system: 104 DEP001 for its
    aliases, each advising `npm install core`)."""
    write(tmp_path, {
        "tsconfig.json": json.dumps({"compilerOptions": {"strict": True}}),
        "apps/api/tsconfig.json": json.dumps({"compilerOptions": {"baseUrl": ".", "paths": {"core": ["src/core/index"]}},
                                              "include": ["src/**/*"], "exclude": ["src/**/__tests__/**"]}),
        "apps/api/tsconfig.jest.json": json.dumps({"extends": "./tsconfig.json", "include": ["src/**/__tests__/**/*.ts"],
                                                   "exclude": []}),
        "apps/api/tsconfig.build.json": json.dumps({"extends": "./tsconfig.json", "exclude": ["**/*.spec.ts"]}),
        "apps/api/src/core/index.ts": "export const answer = 42;\n",
        "apps/api/src/__tests__/core.spec.ts": "import { answer } from 'core';\n",
        "apps/api/scripts/seed.ts": "",
    })
    index = TsConfigIndex(str(tmp_path))
    spec = index.covering(str(tmp_path / "apps/api/src/__tests__/core.spec.ts"))
    assert spec.path == str(tmp_path / "apps/api/tsconfig.jest.json") and "core" in spec.paths
    assert index.covering(str(tmp_path / "apps/api/src/core/index.ts")).path == str(tmp_path / "apps/api/tsconfig.json")
    assert index.covering(str(tmp_path / "apps/api/scripts/seed.ts")).path == str(tmp_path / "tsconfig.json")
    # a fragment other configs extend (no include, no files) is no project of its own
    write(tmp_path, {"apps/api/tsconfig.paths.json": json.dumps({"compilerOptions": {"paths": {"x/*": ["../x/*"]}}})})
    index = TsConfigIndex(str(tmp_path))
    assert index.covering(str(tmp_path / "apps/api/scripts/seed.ts")).path == str(tmp_path / "tsconfig.json")


def test_a_solution_config_gives_the_files_its_app_roots_import_to_the_app_config(tmp_path):
    """Angular's layout: tsconfig.json holds only `references` to tsconfig.app.json (`"files":
    ["src/main.ts"]`, `baseUrl` through `extends`) and tsconfig.spec.json. A component that main.ts
    imports is compiled by the app config, which `include`s none of it (tsc 5 resolves its
    `src/app/...` imports through that baseUrl; a real app: 293 DEP001 on them). A test file stays
    with the config that includes it."""
    configs = {
        "tsconfig": {"files": [], "references": [{"path": "./tsconfig.app.json"}, {"path": "./tsconfig.spec.json"}]},
        "tsconfig.base": {"compilerOptions": {"baseUrl": "./"}},
        "tsconfig.app": {"extends": "./tsconfig.base.json", "files": ["src/main.ts"], "include": ["src/**/*.d.ts"]},
        "tsconfig.spec": {"extends": "./tsconfig.base.json", "include": ["src/**/*.spec.ts"]},
    }
    sources = {"main": "import { greet } from './app/greeter';\n",
               "app/greeter": "import { now } from 'src/app/clock';\nexport const greet = now;\n",
               "app/greeter.spec": "import { greet } from './greeter';\n"}
    write(tmp_path, {**{f"web/{name}.json": json.dumps(data) for name, data in configs.items()},
                     **{f"web/src/{name}.ts": text for name, text in sources.items()}})
    index = TsConfigIndex(str(tmp_path))
    app = index.covering(str(tmp_path / "web/src/app/greeter.ts"))
    assert app is not None and app.path.endswith("tsconfig.app.json") and app.base_url == str(tmp_path / "web")
    spec = index.covering(str(tmp_path / "web/src/app/greeter.spec.ts"))
    assert spec is not None and spec.path.endswith("tsconfig.spec.json")


def test_a_file_with_no_tsconfig_json_above_takes_a_role_config_or_a_neighbours(tmp_path):
    """A file no tsconfig.json above covers is compiled by a role config above it (`tsc --project
    packages/backend/tsconfig.backend.prod.json`), or by a neighbouring folder's tsconfig whose
    `include` reaches over to it (`"../shared/src/**/*"`): their `paths` are its aliases (a real
    Electron app: 414 DEP001 on its own `@services/*` alias). A neighbour that does not include it,
    and folders such as node_modules, say nothing; the root base config stays the last resort."""
    paths = {"baseUrl": "../..", "paths": {"@services/*": ["packages/shared/src/*"]}}
    write(tmp_path, {
        "tsconfig.base.json": json.dumps({"compilerOptions": {"strict": True}}),
        "packages/backend/tsconfig.backend.prod.json": json.dumps({"include": ["./src/**/*"], "compilerOptions": paths}),
        "packages/backend/src/server.ts": "export {};\n",
        "packages/app/tsconfig.json": json.dumps({"include": ["src/**/*", "../shared/src/**/*"], "compilerOptions": paths}),
        "packages/web/tsconfig.json": json.dumps({"include": ["src/**/*"]}),
        "packages/node_modules/x/tsconfig.json": json.dumps({"include": ["../../**/*"]}),
        "packages/shared/src/models/user.ts": "export {};\n",
        "packages/tools/src/gen.ts": "export {};\n",
    })
    index = TsConfigIndex(str(tmp_path))
    role = index.covering(str(tmp_path / "packages/backend/src/server.ts"))
    assert role is not None and role.path.endswith("tsconfig.backend.prod.json") and "@services/*" in role.paths
    reached = index.covering(str(tmp_path / "packages/shared/src/models/user.ts"))
    assert reached is not None and reached.path == str(tmp_path / "packages/app/tsconfig.json")
    assert index.covering(str(tmp_path / "packages/tools/src/gen.ts")).path == str(tmp_path / "tsconfig.base.json")
