"""Applications whose build bundles their own files from an entry point.

A file no entry point reaches is counted as shipping (shipping.py) because something in production
might still load it: a glob of entities, a command the image runs. Where the build is a bundler
given the app's entry (`nest build` with webpack, which a Nest CLI monorepo uses by default; an Nx
application built by webpack, rspack or esbuild from its `main`), the output holds only what that
entry imports: a glob over `dist/` finds the bundle alone, and an unreached file (a one-off script,
a helper nothing imports, a library file no app uses) is in no output, whether the bundle leaves
node_modules external or not. Read from nest-cli.json and the file's Nx project.
"""

from __future__ import annotations

from migrationlint.model.config_objects import find_config, read_config
from migrationlint.model.nest_cli import read_nest_cli
from migrationlint.model.nx_projects import RUN_COMMANDS, node_app_mains, project_targets

# Nx executors that bundle a Node app's own files from its `main` (esbuild unless `bundle: false`)
_NX_ENTRY_BUNDLERS = frozenset({"@nx/webpack:webpack", "@nrwl/webpack:webpack", "@nrwl/node:webpack",
                                "@nx/rspack:rspack", "@nx/esbuild:esbuild", "@nrwl/esbuild:esbuild"})


def entry_bundle(package_dir: str, project_dir: str | None) -> str | None:
    """Why the build of the app a file belongs to bundles only what its entry reaches (the file's Nx
    project, when `project_dir` names one; else the Nest CLI project of its package), or None."""
    if project_dir is not None:
        found = _nx_entry_bundle(project_dir)
        if found is not None:
            return found
    return _nest_webpack(package_dir)


def _nx_entry_bundle(project_dir: str) -> str | None:
    """An Nx Node application whose build target bundles from its `main`, or whose build Nx infers
    from a webpack config's `NxAppWebpackPlugin` main."""
    mains = node_app_mains(project_dir)
    if not mains:
        return None
    build = project_targets(project_dir).get("build")
    executor = build.get("executor", build.get("builder")) if isinstance(build, dict) else None
    options = build.get("options") if isinstance(build, dict) and isinstance(build.get("options"), dict) else {}
    if "inferred" in mains[0][1]:  # NxAppWebpackPlugin's main: built by Nx's inferred target or `webpack-cli build`
        runs_webpack = build is None or executor in RUN_COMMANDS and "webpack" in str(options.get("command", ""))
        return "its webpack config (NxAppWebpackPlugin) bundles what its main imports" \
            if runs_webpack and not _config_adds_entries(project_dir) else None
    if executor not in _NX_ENTRY_BUNDLERS or not isinstance(options.get("main"), str) or options.get("bundle") is False \
            or "additionalEntryPoints" in options or _config_adds_entries(project_dir):
        return None
    return f'the Nx "build" target ({executor}) bundles what its main imports'


def _nest_webpack(package_dir: str) -> str | None:
    """A Nest CLI project (nest-cli.json) every application of which `nest build` bundles with
    webpack: `compilerOptions.webpack` or the webpack builder, a monorepo's default."""
    data = read_nest_cli(package_dir)
    if not isinstance(data, dict) or find_config(package_dir, "webpack.config") is not None:
        return None  # a config of its own may add entries (migrations bundled beside main)
    options = data.get("compilerOptions") if isinstance(data.get("compilerOptions"), dict) else {}
    projects = data.get("projects") if isinstance(data.get("projects"), dict) else {}
    monorepo = bool(data.get("monorepo") or projects)
    apps = [p for p in projects.values() if isinstance(p, dict) and p.get("type", "application") == "application"]
    merged = [{**options, **p["compilerOptions"]} if isinstance(p.get("compilerOptions"), dict) else options
              for p in apps] or [options]
    if all(_webpack(o, monorepo) and "webpackConfigPath" not in o for o in merged):
        return "nest build bundles each app with webpack from its entry file (nest-cli.json)"
    return None


def _config_adds_entries(project_dir: str) -> bool:
    """Whether the project's webpack config names more entries than its main (`additionalEntryPoints`,
    an `entry` of its own)."""
    config = find_config(project_dir, "webpack.config")
    keys = read_config(config).keys if config is not None else {}
    return any(k[-1] in ("additionalEntryPoints", "entry") for k in keys)


def _webpack(options: dict, monorepo: bool) -> bool:
    builder = options.get("builder")
    builder = builder.get("type") if isinstance(builder, dict) else builder
    if builder is not None:
        return builder == "webpack"
    webpack = options.get("webpack")
    return webpack is True or monorepo and webpack is None
