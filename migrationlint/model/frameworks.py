"""What front-end frameworks generate, kept as data: their generated folders, the tsconfig each
writes there, and the virtual modules their build provides.

A fresh checkout lacks these files (they are gitignored and written by `svelte-kit sync`,
`nuxi prepare`, `next build`, ...), yet the code that imports them builds: the resolver must read
"generated later" where it would otherwise read "missing". Nothing here runs a framework; the
shapes below are what the frameworks document and write.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from migrationlint.model.config_objects import config_has, find_config, read_config
from migrationlint.model.manifest_peek import peek_object

# folders a framework's build or sync step writes into the project (never committed)
GENERATED_DIRS = frozenset({".svelte-kit", ".next", ".nuxt", ".angular", ".output", ".astro", ".umi",
                            ".umi-production", ".nitro", ".adonisjs"})  # AdonisJS 6+'s assembler: `.adonisjs/server`, `/client`
# files a framework writes again on every build or dev start, beside the project's own
GENERATED_FILES = frozenset({"next-env.d.ts"})


# modules a framework writes next to each route inside its generated folder, which rootDirs merge
# into the source folder (SvelteKit's `./$types`); any other name missing there is really missing
ROOT_DIR_MODULES = frozenset({"$types"})


@dataclass(frozen=True)
class GeneratedTsConfig:
    """The options a framework writes into its generated tsconfig, relative to the project folder
    (the folder holding the generated folder). `paths` targets use `{src}` for the source folder."""

    root_dirs: tuple[str, ...] = ()
    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the config whose `modules` add aliases of their own to the generated file (`#auth-utils`, `#i18n`)
    module_config: str | None = None


_NUXT = GeneratedTsConfig(
    paths={"~": ("{src}",), "~/*": ("{src}/*",), "@": ("{src}",), "@/*": ("{src}/*",),
           "~~": (".",), "~~/*": ("./*",), "@@": (".",), "@@/*": ("./*",),
           "#imports": (".nuxt/imports",), "#app": (".nuxt/app",), "#build": (".nuxt",),
           "#build/*": (".nuxt/*",), "#components": (".nuxt/components",),
           # Nuxt 3.14+: the `shared/` folder beside `server/`, code both the app and Nitro import
           "#shared": ("./shared",), "#shared/*": ("./shared/*",),
           # the asset folders' default aliases (`import logo from 'assets/logo.svg'`); `public/` is the
           # source folder's in Nuxt 3 and the project's in Nuxt 4
           "assets": ("{src}/assets",), "assets/*": ("{src}/assets/*",),
           "public": ("{src}/public", "./public"), "public/*": ("{src}/public/*", "./public/*")},
    module_config="nuxt.config",
)

# WXT (`wxt prepare`): `~`/`@` name the source folder (wxt.config's `srcDir`), `~~`/`@@` the project
_WXT = GeneratedTsConfig(
    paths={"~": ("{src}",), "~/*": ("{src}/*",), "@": ("{src}",), "@/*": ("{src}/*",),
           "~~": (".",), "~~/*": ("./*",), "@@": (".",), "@@/*": ("./*",)},
)

# generated tsconfig (relative to the project folder) -> what it provides
GENERATED_TSCONFIGS: dict[str, GeneratedTsConfig] = {
    # SvelteKit: `./$types` of every route comes from .svelte-kit/types through rootDirs
    ".svelte-kit/tsconfig.json": GeneratedTsConfig(
        root_dirs=(".", ".svelte-kit/types"),
        paths={"$lib": ("src/lib",), "$lib/*": ("src/lib/*",)},
    ),
    # Nuxt: `~`/`@` name the source folder (`app/` in Nuxt 4 layouts), `~~`/`@@` the project
    ".nuxt/tsconfig.json": _NUXT,
    # and the one `server/tsconfig.json` extends for the server routes (Nitro)
    ".nuxt/tsconfig.server.json": _NUXT,
    # Nuxt 4's projects, which a solution-style tsconfig.json references
    ".nuxt/tsconfig.app.json": _NUXT, ".nuxt/tsconfig.shared.json": _NUXT, ".nuxt/tsconfig.node.json": _NUXT,
    # Umi (and Umi Max, `max setup`): `@/*` is the source folder, `@@/*` the generated one; with a
    # `src/` folder it writes `src/.umi/` (matched first: the shorter name is its suffix)
    "src/.umi/tsconfig.json": GeneratedTsConfig(paths={"@/*": ("src/*",), "@@/*": ("src/.umi/*",)}),
    ".umi/tsconfig.json": GeneratedTsConfig(paths={"@/*": ("./*",), "@@/*": (".umi/*",)}),
    ".wxt/tsconfig.json": _WXT,
}

# `extends` names under which a framework serves its generated tsconfig (SvelteKit 3's `$app/tsconfig`),
# read as the file it writes in the project folder
VIRTUAL_TSCONFIGS = {"$app/tsconfig.json": "./.svelte-kit/tsconfig.json", "$app/tsconfig": "./.svelte-kit/tsconfig.json"}

# virtual modules a framework's bundler plugin serves (no file exists, ever)
VIRTUAL_MODULES: dict[str, tuple[str, ...]] = {
    "sveltekit": ("$app/", "$env/", "$service-worker"),
    "nuxt": ("#imports", "#app", "#build", "#components", "#internal/", "#vue-router", "#head"),
    "wxt": ("#imports",),  # WXT 0.20+: its auto-imports as one module
    # the server build the compiler writes, which a custom server imports under this name (Remix's
    # `server` option; the vite plugins' virtual module): the compiler inlines the build there
    "remix": ("@remix-run/dev/server-build", "virtual:remix/server-build", "virtual:react-router/server-build"),
}
# how a project declares that it uses a framework: config file names, then packages
FRAMEWORK_MARKERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sveltekit": (("svelte.config.js", "svelte.config.mjs", "svelte.config.ts", "svelte.config.cjs"),
                  ("@sveltejs/kit",)),
    "nuxt": (("nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"), ("nuxt",)),
    "wxt": (("wxt.config.ts", "wxt.config.js", "wxt.config.mjs"), ("wxt",)),
    "remix": (("remix.config.js", "remix.config.mjs", "remix.config.cjs"), ("@remix-run/dev", "@react-router/dev")),
}


def in_generated_dir(path: str) -> bool:
    """Whether `path` lies under a framework's generated folder (`.svelte-kit/types/...`)."""
    path = path.replace(os.sep, "/")
    if "/." not in path and not path.startswith("."):
        return False  # every generated folder's name starts with a dot
    return any(p in GENERATED_DIRS for p in path.split("/")[:-1])


def written_by_framework(path: str) -> bool:
    """Whether a framework writes the file (into its generated folder, or `next-env.d.ts`), which
    its next build or dev start rewrites and nobody edits: what it imports is the framework's."""
    return os.path.basename(path) in GENERATED_FILES or in_generated_dir(path)


def generated_twin(path: str) -> bool:
    """Whether a rootDirs twin is a module the framework writes there (`.svelte-kit/types/.../$types`)."""
    return in_generated_dir(path) and os.path.basename(path) in ROOT_DIR_MODULES


def generated_tsconfig(path: str) -> tuple[str, GeneratedTsConfig] | None:
    """(project folder, defaults) when `path` is a framework's generated tsconfig."""
    norm = path.replace(os.sep, "/")
    for rel, cfg in GENERATED_TSCONFIGS.items():
        if norm.endswith("/" + rel):
            return norm[: -len(rel) - 1], cfg
    return None


def module_paths_unknown(project_dir: str, generated: GeneratedTsConfig) -> bool:
    """Whether the framework's config lists modules (`modules: ['nuxt-auth-utils']`), each of which
    may write aliases into the generated tsconfig that the defaults here do not know; or the project is
    a Nuxt module built with `@nuxt/module-builder`, whose `prepare` writes that tsconfig with the module
    itself loaded (the aliases its setup adds: `nuxt.options.alias['#acme-router']`)."""
    if not generated.module_config:
        return False
    config = find_config(project_dir, generated.module_config)
    if config is not None and config_has(config, "modules"):
        return True
    manifest = peek_object(project_dir, b"@nuxt/module-builder") if generated.module_config == "nuxt.config" else None
    return manifest is not None and any(isinstance(manifest.get(s), dict) and "@nuxt/module-builder" in manifest[s]
                                        for s in ("devDependencies", "dependencies"))


def source_dir(project_dir: str, generated: GeneratedTsConfig | None = None) -> str:
    """The folder `{src}` names: for WXT, wxt.config's `srcDir` (a string literal, read as data),
    else the project folder; for Nuxt, nuxt.config's literal `srcDir`, else Nuxt 4's `app/` when the
    project has one that holds its source (`_nuxt_app_folder`)."""
    if generated is _WXT:
        config = find_config(project_dir, "wxt.config")
        named = read_config(config).names("srcDir") if config is not None else None
        return os.path.normpath(os.path.join(project_dir, named[0])) if named else project_dir
    config = find_config(project_dir, "nuxt.config")
    named = read_config(config).names("srcDir") if config is not None and config_has(config, "srcDir") else None
    if named:  # a literal `srcDir` in nuxt.config
        return os.path.normpath(os.path.join(project_dir, named[0]))
    return _nuxt_app_folder(project_dir)


def _nuxt_app_folder(project_dir: str) -> str:
    """Nuxt 4's default source folder: `app/`, unless it holds nothing but what Nuxt reads from there
    whatever the layout (`spa-loading-template.html`, `router.options.*`) while the project keeps its
    `app.vue`, or one of its `assets`, `layouts`, `middleware`, `pages` or `plugins` folders, at the
    top: a Nuxt 3 layout, whose source folder is the project's."""
    app = os.path.join(project_dir, "app")
    try:
        names = os.listdir(app)
    except OSError:
        return project_dir
    if any(n != "spa-loading-template.html" and not n.startswith("router.options") for n in names):
        return app
    top = ("app.vue", "App.vue", "assets", "layouts", "middleware", "pages", "plugins")
    return project_dir if any(os.path.exists(os.path.join(project_dir, n)) for n in top) else app


def is_virtual(framework: str, specifier: str) -> bool:
    """Whether `specifier` names a virtual module of `framework` (`$app/navigation`, `#imports`)."""
    for prefix in VIRTUAL_MODULES.get(framework, ()):
        if prefix.endswith("/") and specifier.startswith(prefix):
            return True
        if specifier == prefix or specifier.startswith(prefix + "/"):
            return True
    return False
