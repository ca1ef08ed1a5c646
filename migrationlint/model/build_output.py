"""Which presumed-shipping files the package's build never emits.

A file no entry point reaches ships by presumption (shipping.py, step 5): production might load it
some other way. Not when the build is tsc alone over named projects (build_programs.py) and none
of them compiles it: tsc emits the files a project includes and the files they import, so a file
outside both is not in the output, and nothing in production can load it (a code generator the
build tsconfig excludes, run before the build). Asked only where the answer changes a finding.
"""

from __future__ import annotations

from collections import deque

from migrationlint.model.build_programs import BuildProject, build_tsconfigs
from migrationlint.model.tsconfig import TsConfig
from migrationlint.model.verdicts import Verdict
from migrationlint.model.workspace import Manifest

class BuildOutput:
    """Mixin of Shipping: `left_out_of_build`, over the package's tsc projects."""

    _emitted: dict[str, tuple[tuple[TsConfig, ...], set[str]] | None]

    def left_out_of_build(self, path: str, manifest: Manifest) -> Verdict | None:
        """A "does not ship" verdict for a file the package's tsc-only build neither includes nor
        reaches by imports from what it includes; None when that is not known."""
        found = self._emitted.get(manifest.path, False)
        if found is False:
            found = self._emitted[manifest.path] = self._build_output(manifest)
        if found is None or path in found[1]:
            return None
        names = ", ".join(self.project.rel(cfg.path) for cfg in found[0])
        return Verdict(False, f"no entry point reaches it, and the package's build is tsc over {names}, which "
                              "neither includes it nor imports it: it is not in the build output")

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
