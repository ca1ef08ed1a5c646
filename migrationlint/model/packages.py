"""Import specifiers as Node sees them: which ones name a package, and which package.

`@scope/name/sub/path` is package `@scope/name`, `name/sub` is `name`. Node builtins (with or
without `node:`), relative and absolute paths, `#imports` subpaths and URLs name no package.
"""

from __future__ import annotations

import re
from typing import Iterable

# `require('module').builtinModules` of Node 20 and 22 (the union), without the `node:` prefix.
BUILTINS = frozenset({
    "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
    "_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
    "_stream_writable", "_tls_common", "_tls_wrap",
    "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
    "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises",
    "http", "http2", "https", "inspector", "inspector/promises", "module", "net", "os", "path", "path/posix",
    "path/win32", "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl",
    "stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
    "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
    "worker_threads", "zlib",
})
# Builtins that exist only with the `node:` prefix (a bare `test` or `sqlite` is an npm package).
PREFIXED_ONLY = frozenset({"test", "test/reporters", "sea", "sqlite", "test/mock_loader"})

_NAME_PART = re.compile(r"^[A-Za-z0-9._~-]+$")
_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_builtin(specifier: str) -> bool:
    """`fs`, `fs/promises`, `node:fs`, `node:test`: a Node builtin module (Node 20/22); `bun` and
    `bun:test`, `bun:sqlite`: the modules of the Bun runtime, which scripts run by `bun` import."""
    if specifier == "bun" or specifier.startswith("bun:"):
        return True
    if specifier.startswith("node:"):
        rest = specifier[5:]
        return rest in BUILTINS or rest in PREFIXED_ONLY
    return specifier in BUILTINS


def package_name(specifier: str) -> str | None:
    """The package a bare specifier names (`@a/b/c` -> `@a/b`, `lodash/fp` -> `lodash`), or None
    when the specifier cannot be an npm package name (`@/x`, `~/x`, `.x`, empty parts). A path into
    a `node_modules` folder (`node_modules/@prisma/client/runtime/x.mjs`, which generated code
    reaches through `baseUrl`) names the package inside it, never one called `node_modules`."""
    parts = specifier.split("/")
    if parts[0] == "node_modules":
        return package_name("/".join(parts[1:])) if len(parts) > 1 else None
    if specifier.startswith("@"):
        if len(parts) < 2 or not _valid_part(parts[0][1:]) or not _valid_part(parts[1]):
            return None
        return parts[0] + "/" + parts[1]
    return parts[0] if _valid_part(parts[0]) else None


def _valid_part(part: str) -> bool:
    return bool(part) and part[0] not in "._~" and bool(_NAME_PART.match(part))


def scope_of(package: str) -> str | None:
    """`@acme` for `@acme/kernel`, None for an unscoped name."""
    return package.split("/", 1)[0] if package.startswith("@") else None


def is_relative(specifier: str) -> bool:
    """A path relative to the importer, or absolute, as Node and TypeScript read it: `.`, `..`,
    `./x`, `../x`, `/x`. A name that merely starts with a dot (`.prisma/client`, the client
    `prisma generate` writes into node_modules) is looked up in node_modules like any bare name."""
    return specifier in (".", "..") or specifier.startswith(("./", "../", "/", ".\\", "..\\")) \
        or specifier[1:3] == ":\\"


def classify(specifier: str) -> str:
    """relative | imports | builtin | url | package | invalid."""
    if not specifier:
        return "invalid"
    if is_relative(specifier):
        return "relative"
    if specifier.startswith("#"):
        return "imports"
    if is_builtin(specifier):
        return "builtin"
    if _URL_SCHEME.match(specifier):
        return "url"
    return "package" if package_name(specifier) else "invalid"


def untyped_name(types: str) -> str:
    """The library an `@types/...` package describes: `@types/lodash` -> lodash, `@types/babel__core`
    -> @babel/core (types_package's inverse)."""
    name = types[len("@types/"):] if types.startswith("@types/") else types
    return "@" + name.replace("__", "/", 1) if "__" in name else name


def types_package(package: str) -> str:
    """The DefinitelyTyped package for `package`: `@types/lodash`, `@types/babel__core`."""
    if package.startswith("@types/"):
        return package
    if package.startswith("@") and "/" in package:
        scope, name = package[1:].split("/", 1)
        return f"@types/{scope}__{name}"
    return f"@types/{package}"


# modules a runtime gives the scripts it runs, never installed from the registry (k6's `k6`,
# `k6/http`; the npm package of that name is not the runtime), or whose name only types use (AWS
# Lambda's handler types, `import { Handler } from 'aws-lambda'`; the npm `aws-lambda` is a deploy
# tool): what a repository declares for them is their types, for tsc. Name -> the runtime's name.
RUNTIME_MODULES = {"k6": "the k6 runtime", "aws-lambda": "AWS Lambda's Node.js runtime"}


_DECLARATION_SUBPATHS = frozenset({"types", "interfaces"})


def types_only_package(package: str) -> bool:
    """A package of type declarations only (`@types/node`, `openapi-types`): never loaded at runtime."""
    return package.startswith("@types/") or package.endswith("-types")


def declarations_module(specifier: str, package: str) -> bool:
    """Whether the module names itself a collection of declarations: a types-only package
    (`@octokit/webhooks-types`) or a `types` / `interfaces` subpath (`@polkadot/types/types`).
    Names from it used only in decorated signatures are interfaces, as from an @types package."""
    if types_only_package(package):
        return True
    rest = specifier[len(package) + 1:]
    return bool(rest) and rest.rsplit("/", 1)[-1] in _DECLARATION_SUBPATHS


# Modules a framework provides at build time (bundler aliases), keyed by the package that brings
# them. They look like packages but are never installed: docusaurus' `@theme/Layout`, SvelteKit's
# `$app/stores`, Vite's `virtual:` ids, Astro's `astro:content`.
VIRTUAL_MODULES: dict[str, tuple[str, ...]] = {
    "@docusaurus/core": ("@theme/*", "@theme-original/*", "@theme-init/*", "@site/*", "@generated/*",
                         "@docusaurus/[A-Z]*", "@docusaurus/use*", "@docusaurus/router",
                         "@docusaurus/constants", "@docusaurus/isInternalUrl", "@docusaurus/renderRoutes"),
    "@sveltejs/kit": ("$app/*", "$env/*", "$lib", "$lib/*", "$service-worker"),
    "astro": ("astro:*",),
    "vite": ("virtual:*",),
    # Next's compiler maps these markers to copies of its own (`next/dist/compiled/server-only`)
    "next": ("server-only", "client-only"),
    # Figma Code Connect template files (`*.figma.ts`) import the module Figma's runtime provides
    "@figma/code-connect": ("figma",),
    # Nuxt's `typescript.hoist` maps its own copies (the generated tsconfig's `paths`), and Nitro's
    # bundler resolves them from its own node_modules: a second declared copy splits the server (the
    # hoist defaults: Nitro's packages in Nuxt 3, the app's Vue, router, head manager and schema since)
    "nuxt": ("h3", "nitropack", "nitropack/*", "defu", "consola", "ofetch", "@unhead/vue", "@nuxt/devtools", "vue",
             "@vue/runtime-core", "@vue/compiler-sfc", "vue-router", "vue-router/auto-routes", "@nuxt/schema"),
    "nitropack": ("h3", "defu", "consola", "ofetch"),
    # Analog's vite plugin builds the app's server (`src/server/routes/`) with the Nitro it depends on
    "@analogjs/platform": ("h3", "nitropack", "nitropack/*"),
    # VitePress aliases `vue` to its own copy when the project installs none (its docs install only
    # vitepress): a theme or a component of the site imports the Vue VitePress brings
    "vitepress": ("vue",),
    # Gatsby's webpack config aliases @reach/router to the fork it depends on (@gatsbyjs/reach-router
    # since Gatsby 4; @reach/router itself before): declaring the original installs a second router
    "gatsby": ("@reach/router",),
    # Expo depends on its icon set and documents it as part of the SDK (`import { Ionicons } from
    # '@expo/vector-icons'` with expo alone); declaring it pins a second copy beside expo's. So is its
    # modules core, which a local native module imports (`requireNativeModule`) and which `expo-doctor`
    # tells apps not to install directly: its version must be the one the SDK pins
    "expo": ("@expo/vector-icons", "@expo/vector-icons/*", "expo-modules-core", "expo-modules-core/*"),
    # Raycast runs an extension with the React its API pins exactly (`@raycast/api` depends on `react`
    # 19.0.0), and its extension template declares only the API: a second declared React splits hooks
    "@raycast/api": ("react", "react/*"),
}


# A framework's preset -> the packages it brings that the framework documents as the project's own API:
# Docusaurus's TypeScript template types its sidebars from `@docusaurus/plugin-content-docs`, and a
# swizzled theme component imports `@docusaurus/theme-common`, with only the preset declared. Served
# where the install hoists the preset's copy (checks/provided_modules.py); under pnpm's isolated
# layout the site finds neither, and DEP001 says so.
PRESET_SURFACE: dict[str, frozenset[str]] = {
    # NG-ZORRO depends on its icon set and documents importing the icons from it (`import { UserOutline }
    # from '@ant-design/icons-angular/icons'`), its version moving with the kit's
    "ng-zorro-antd": frozenset({"@ant-design/icons-angular"}),
    "@docusaurus/preset-classic": frozenset({
        "@docusaurus/plugin-content-docs", "@docusaurus/plugin-content-blog", "@docusaurus/plugin-content-pages",
        "@docusaurus/theme-common", "@docusaurus/theme-classic", "@docusaurus/theme-search-algolia"}),
}


# Umbrella packages named after their scope that pin their category packages at exact versions and whose
# users import a category by its own name beside the umbrella: Amplify JS's docs import types from
# `@aws-amplify/api` with only `aws-amplify` installed, and Z-Wave JS's applications import `@zwave-js/core`
# with only `zwave-js` (a UI's maintainers removed the declarations it had added). Served where the lockfile
# says the umbrella pins the category and the install hoists (checks/provided_modules.py); not every scope's
# namesake is one (Next's docs tell users to install `@next/env` themselves; Jest's to import `jest`'s types).
SCOPE_UMBRELLAS = frozenset({"aws-amplify", "zwave-js"})


def virtual_module(specifier: str, declared: Iterable[str]) -> bool:
    """Whether `specifier` is a build-time module of a framework among the `declared` packages."""
    from fnmatch import fnmatchcase

    for framework in declared:
        patterns = VIRTUAL_MODULES.get(framework)
        if patterns and any(fnmatchcase(specifier, p) for p in patterns):
            return True
    return False


def is_ignored(specifier: str, patterns: list[str]) -> bool:
    """The `ignore-packages` setting: glob patterns matched against the specifier or its package
    name (`$app/*`, `@acme/generated-*`)."""
    from fnmatch import fnmatchcase

    if not patterns:
        return False
    name = package_name(specifier)
    return any(fnmatchcase(specifier, p) or (name is not None and fnmatchcase(name, p)) for p in patterns)


# Packages a build plugin runs inside the files it compiles, leaving nothing of them to load at
# runtime: vanilla-extract evaluates `*.css.ts` stylesheets at build time and emits static CSS and
# class names. Its recipes and sprinkles keep a runtime function, so only @vanilla-extract/css is here.
_BUILD_TIME_IN = {"@vanilla-extract/css": re.compile(r"\.css\.[cm]?[jt]sx?$")}


def evaluated_at_build(package: str, path: str) -> bool:
    """Whether `package`, imported by the file at `path`, only runs while the project is built."""
    files = _BUILD_TIME_IN.get(package)
    return files is not None and files.search(path) is not None
