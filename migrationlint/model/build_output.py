"""Which presumed-shipping files the package's build never emits, or its `files` never publishes.

A file no entry point reaches ships by presumption (shipping.py, step 5): production might load it
some other way. Not when the build is tsc alone over named projects (build_programs.py) and none
of them compiles it: tsc emits the files a project includes and the files they import, so a file
outside both is not in the output, and nothing in production can load it (a code generator the
build tsconfig excludes, run before the build). Nor when the file lies in a top folder of the
package that package.json `files` does not publish and that holds none of its entry points (a
plugin's `dev/` harness beside `src/`, with `"files": ["dist"]`): its code is in the package only
if the build compiles it, and a build from the entries never reaches it (a tsc build that does
include it is read as above, and a script that names the folder may build it). Nor when preconstruct
builds the package (preconstruct_entries.py) and no entry point reaches the file: its bundles hold
what the entrypoints import, and `exports` or `files` leave nothing else to load. Nor when a tsconfig
of its own compiles it, and no entry point, into a published folder: loose scripts another program
loads by path, with that program's dependencies. Nor in an application whose build bundles from its
entry (entry_bundles.py). Asked only where the answer changes a finding.
"""

from __future__ import annotations

import os
import re
from collections import deque

from migrationlint.model.build_programs import BuildProject, build_tsconfigs
from migrationlint.model.entry_bundles import entry_bundle
from migrationlint.model.entry_points import exports_encapsulate
from migrationlint.model.published_files import files_list, files_publish, taken_out, taken_out_anywhere
from migrationlint.model.preconstruct_entries import ORIGIN as PRECONSTRUCT_ORIGIN
from migrationlint.model.tsconfig import TsConfig
from migrationlint.model.verdicts import Verdict
from migrationlint.model.workspace import Manifest

class BuildOutput:
    """Mixin of Shipping: `left_out_of_build`, over the package's tsc projects."""

    _emitted: dict[str, tuple[tuple[TsConfig, ...], set[str]] | None]

    def left_out_of_build(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a file the package's tsc-only build neither includes nor
        reaches by imports from what it includes; None when that is not known."""
        found = self._tsc_output(manifest)
        if found is None or path in found[1]:
            return None
        names = ", ".join(self.project.rel(cfg.path) for cfg in found[0])
        return Verdict(False, f"no entry point reaches it, and the package's build is tsc over {names}, which "
                              "neither includes it nor imports it: it is not in the build output", unbuilt=True)

    def left_out_of_package(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a file in a top folder that `files` does not publish, that
        holds none of the package's entry points and whose code no tsc build emits, in a package that
        is published (one never published is used in place, where `files` means nothing); else None."""
        listed = manifest.data.get("files")
        rel = os.path.relpath(path, manifest.dir).replace(os.sep, "/")
        top = rel.split("/", 1)[0]
        if not isinstance(listed, list) or top.startswith(".") or manifest.unpublishable:
            return None  # `files` bounds a publish: a package never published is used in place, every file of it
        entries = self.entries(manifest)  # none known: where the build starts is not known either
        if entries and taken_out(listed, rel):
            return self._negated_output(path, manifest, listed)
        if not entries or "/" in rel and any(_top_of(e.path, manifest.dir) == top for e in entries) \
                or _scripts_name(manifest, top):
            return None
        if files_list(listed, rel) or "/" in rel and files_publish(listed, top, rel):
            return None  # the source itself is published (`"files": ["lib"]` of a package that ships its sources)
        built = self._tsc_output(manifest)
        if built is not None and path in built[1]:  # a tsc-only build emits it: packed if `files` lists where
            outputs = _emitted_paths(built[0], built[1], path, manifest.dir)
            if not outputs or any(files_list(listed, out) for out in outputs):
                return None
            return Verdict(False, f"no entry point reaches it, and tsc emits it to {outputs[0]}, which package.json "
                                  "\"files\" does not publish: it is in neither the package nor its published output",
                           unbuilt=True)
        if "/" not in rel:  # npm packs package.json, the README, the licence and `main` whatever `files` says
            return Verdict(False, "no entry point reaches it, and it lies at the package's top, where package.json "
                                  "\"files\" publishes nothing but what npm always packs: it is in neither the package "
                                  "nor its build output", unbuilt=True)
        return Verdict(False, f"no entry point reaches it, and it lies in {top}/, a folder that package.json "
                              "\"files\" does not publish and no entry point comes from: it is in neither the "
                              "package nor its build output", unbuilt=True)

    def _negated_output(self, path: str, manifest: Manifest, listed: list) -> Verdict | None:
        """A "does not ship" verdict for a file a negation of `files` takes out (`!**/tester/**`),
        when the package's build is tsc alone and leaves its output out too (or does not emit it):
        npm packs neither. Another build's output is not known, unless the negation matches at any
        depth, taking out every copy of the file a build writes elsewhere (no entry reaches it: no
        bundle holds it); else None."""
        built = self._tsc_output(manifest)
        if built is None:
            if not taken_out_anywhere(listed, os.path.relpath(path, manifest.dir).replace(os.sep, "/")):
                return None
            return Verdict(False, "no entry point reaches it, and a negation in package.json \"files\" that "
                                  "matches at any depth leaves it and any build's copy of it out: it is in neither the "
                                  "package nor its published output", unbuilt=True)
        outputs = _emitted_paths(built[0], built[1], path, manifest.dir) if path in built[1] else []
        if any(files_list(listed, out) for out in outputs) or path in built[1] and not outputs:
            return None
        return Verdict(False, "no entry point reaches it, and a negation in package.json \"files\" leaves it "
                              f"{'and its tsc output ' + outputs[0] + ' ' if outputs else ''}out: it is in neither the "
                              "package nor its published output", unbuilt=True)

    def left_out_of_bundle(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a file no entry point reaches in a package preconstruct
        builds (its entries come from `preconstruct.entrypoints`): rollup bundles what the
        entrypoints import into `dist/`, so an unreached file is in the package only when `files`
        publishes its folder, and even then no import can name it while `exports` names only the
        bundles. Else None."""
        if not any(e.origin == PRECONSTRUCT_ORIGIN for e in self.entries(manifest)):
            return None
        listed = manifest.data.get("files")
        rel = os.path.relpath(path, manifest.dir).replace(os.sep, "/")
        if not exports_encapsulate(manifest) and not (isinstance(listed, list) and not files_publish(
                listed, rel.split("/", 1)[0], rel)):
            return None
        return Verdict(False, "no entry point reaches it, and preconstruct builds the package by bundling what its "
                              "entrypoints import: it is not in the build output", unbuilt=True)

    def left_out_of_app_bundle(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a file no entry point reaches in an application (a package
        no registry takes, or a service) whose build bundles from its entry (entry_bundles.py): a
        one-off script, a helper or a library file no app imports is in no output. Else None."""
        if not manifest.unpublishable and not self.is_service(manifest):
            return None
        project = self.project_json(path, manifest)
        why = entry_bundle(manifest.dir, os.path.dirname(project) if project is not None else None)
        if why is None:
            return None
        return Verdict(False, f"no entry point reaches it, and {why}: it is not in the build output", unbuilt=True)

    def published_loose_scripts(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship with this package's dependencies" verdict for a file that a tsconfig of
        its own (named by a script, `tsc -p tsconfig.build.steps.json`) compiles into a folder
        `files` publishes, when that tsconfig compiles none of the package's entry points: scripts
        published for another program to find by path and load (a CLI running a schema package's
        database steps), whose imports that program installs. Else None."""
        listed = manifest.data.get("files")
        entries = self.entries(manifest) if isinstance(listed, list) else []
        if not entries:
            return None
        for cfg in self._script_tsconfigs(manifest):
            if not cfg.out_dir or not cfg.covers(path) or any(cfg.covers(e.path) for e in entries):
                continue
            out = os.path.relpath(cfg.out_dir, manifest.dir).replace(os.sep, "/")
            if out.startswith("..") or not files_publish(listed, out.split("/", 1)[0], out + "/x.js"):
                continue
            return Verdict(False, f"no entry point reaches it, and {self.project.rel(cfg.path)}, which compiles no "
                                  f"entry point, compiles it into {out}/, a folder package.json \"files\" publishes: "
                                  "a script another program finds by path and loads, whose imports it installs", unbuilt=True)
        return None

    def _script_tsconfigs(self, manifest: Manifest) -> list[TsConfig]:
        """The package's own tsconfig files a script names (`tsc -p tsconfig.build.steps.json`)."""
        scripts = manifest.data.get("scripts")
        text = " ".join(v for v in scripts.values() if isinstance(v, str)) if isinstance(scripts, dict) else ""
        names = {w.removeprefix("./") for w in text.split() if w.removeprefix("./").startswith("tsconfig")
                 and w.endswith(".json") and "/" not in w.removeprefix("./")}
        index = self._resolver().tsconfigs
        configs = [index.config(os.path.join(manifest.dir, n)) for n in sorted(names)
                   if os.path.isfile(os.path.join(manifest.dir, n))]
        return [cfg for cfg in configs if cfg.error is None]

    def _tsc_output(self, manifest: Manifest) -> tuple[tuple[TsConfig, ...], set[str]] | None:
        """`_build_output`, once per package."""
        found = self._emitted.get(manifest.path, False)
        if found is False:
            found = self._emitted[manifest.path] = self._build_output(manifest)
        return found

    def _build_output(self, manifest: Manifest) -> tuple[tuple[TsConfig, ...], set[str]] | None:
        """(the build's projects, the package files it emits), or None when the build is not tsc alone."""
        paths = build_tsconfigs(manifest)
        if paths is None:
            return None
        projects = self._with_references(paths)
        if projects is None or any(cfg.emit_options.get("emitDeclarationOnly") is True for cfg in projects):
            return None  # the JavaScript comes from another step
        projects = tuple(cfg for cfg in projects if cfg.emits_javascript)  # `noEmit`: a type check
        if not projects:
            return None
        sources = self.project.package_sources(manifest.dir)
        emitted = {p for p in sources if any(cfg.covers(p) for cfg in projects)}
        queue = deque(emitted)
        while queue:
            for target in self._local_imports(queue.popleft(), manifest, "compiled"):
                if target not in emitted:
                    emitted.add(target)
                    queue.append(target)
        return projects, emitted

    def _with_references(self, built: tuple[BuildProject, ...]) -> tuple[TsConfig, ...] | None:
        """The projects and, for those built in build mode (`tsc -b`), transitively the projects
        they reference, which only that mode compiles; None when one cannot be read."""
        index = self._resolver().tsconfigs
        found: dict[str, TsConfig] = {}
        todo = list(built)
        while todo:
            project = todo.pop()
            if project.path in found:
                continue
            cfg = index.config(project.path)
            if cfg.error is not None:
                return None
            found[project.path] = cfg
            if project.with_references:
                todo += [BuildProject(path, True) for path in cfg.references]
        return tuple(found.values())


def _top_of(path: str, package_dir: str) -> str:
    """The first folder of `path` below the package (the file's name for a file at its top)."""
    return os.path.relpath(path, package_dir).replace(os.sep, "/").split("/", 1)[0]


def _emitted_paths(projects: tuple[TsConfig, ...], emitted: set[str], path: str, package_dir: str) -> list[str]:
    """Where tsc writes the JavaScript of the source at `path`, relative to the package folder:
    under each emitting project's outDir, from its rootDir, or, unset, from its own folder or the
    common folder of what it emits (tsc's default): every reading is kept. [] when none has an outDir."""
    out: list[str] = []
    common = os.path.commonpath(sorted(emitted)) if emitted else package_dir
    for cfg in projects:
        if not cfg.out_dir:
            continue
        for root in dict.fromkeys([cfg.root_dir or cfg.dir, common if not cfg.root_dir else cfg.root_dir]):
            rel = os.path.relpath(path, root)
            if not rel.startswith(".."):
                built = os.path.join(cfg.out_dir, os.path.splitext(rel)[0] + ".js")
                out.append(os.path.relpath(built, package_dir).replace(os.sep, "/"))
    return out


def _scripts_name(manifest: Manifest, top: str) -> bool:
    """Whether a script of the package names its folder `top` as a path (`server/tsup.config.ts`,
    `./dev`): that script may build the folder into the published output. Not a script that only
    lints, formats or tests (`prettier ./lib ./features --write`, `eslint ./features`)."""
    scripts = manifest.data.get("scripts")
    folder = re.escape(top)
    needle = re.compile(rf"\./{folder}(?![\w.-])|(?:^|[\s'\"=(]){folder}/")  # `./dev`, `dev/x`; not `npm run dev`
    return isinstance(scripts, dict) and any(isinstance(v, str) and needle.search(v) and not checks_only(k, v)
                                             for k, v in scripts.items())


_CHECKING_NAMES = re.compile(r"^(?:test|lint|format|prettier|eslint|check|typecheck|type-check|spell)(?:$|[:_-])")
_CHECKING_TOOLS = frozenset({"prettier", "eslint", "biome", "stylelint", "cspell", "markdownlint", "oxlint"})


def checks_only(name: str, command: str) -> bool:
    """A script that checks code rather than building it: named so (`test:lint`, `format`), or
    running a linter or formatter (`prettier ...`)."""
    first = command.strip().split(" ", 1)[0] if command.strip() else ""
    return bool(_CHECKING_NAMES.match(name)) or os.path.basename(first) in _CHECKING_TOOLS
