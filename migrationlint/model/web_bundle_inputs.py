"""The files of a package that are inputs of a browser bundle: a mixin of Shipping.

A file no server entry reaches is a bundle input when it lies in an Nx project whose build bundles
for the browser (nx_projects.py), when such a project's entry reaches it (a library of the app), or
when it lies under the folder a vite app build starts from (bundling.vite_root). Its imports are
then the bundle's, built from devDependencies, never installed in production.
"""

from __future__ import annotations

import os

from migrationlint.model.bundling import vite_root
from migrationlint.model.entry_points import Entry
from migrationlint.model.nx_projects import (
    WebProject, angular_build_inputs, infers_vite_builds, nearest_project_json, nx_workspace_root, web_project,
    workspace_file_projects)
from migrationlint.model.workspace import Manifest


_CODE = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")


class WebBundleInputs:
    """Mixin of Shipping: `_bundle_input` and the browser projects it reads."""

    _web: dict[str, dict[str, WebProject]]
    _web_checked: set[str]
    _bundle_reached: dict[str, dict[str, str]]
    _project_jsons: dict[str, str | None]
    _nx_jsons: dict[str, str | None]
    _vite_roots: dict[str, str | None]
    _angular_entries: dict[str, dict[str, str]]
    _browser_libraries: dict[str, str | None]

    def _in_vite_root(self, entry: Entry, manifest: Manifest) -> bool:
        """Whether a package.json entry (`"main": "client/main.js"`) lies in the folder a vite app build
        starts from (bundling.vite_root): the page's script, which vite bundles, not code Node loads."""
        if not entry.origin.startswith("package.json"):
            return False
        if manifest.path not in self._vite_roots:
            self._vite_roots[manifest.path] = vite_root(manifest)
        app = self._vite_roots[manifest.path]
        return app is not None and entry.path.startswith(app + os.sep)

    def _bundle_input(self, path: str, manifest: Manifest) -> str | None:
        """Why a file no server entry reaches is an input of a browser bundle (nx_projects.py): it
        lies in an Nx project whose build bundles for the browser, or such a project's entry
        reaches it (a library of the app), or under the folder a vite app build starts from
        (bundling.vite_root); None otherwise."""
        if manifest.path not in self._vite_roots:
            self._vite_roots[manifest.path] = vite_root(manifest)
        if (app := self._vite_roots[manifest.path]) is not None and path.startswith(app + os.sep):
            return f"a file of the vite app in {self.project.rel(app)}/ (the config's root), an input of its bundle"
        option = self._angular_inputs(manifest).get(path)
        if option is not None:
            return f"the file angular.json's browser build starts from (`{option}`), an input of its bundle"
        projects = self._web_projects(manifest)
        self._add_own_project(path, manifest, projects)
        if not projects:
            return None
        own = self._own_web_project(path, manifest, projects)
        if own is not None:
            return (f"a file of the browser app {self.project.rel(own.root)}/ (build: {own.executor}), "
                    "an input of its bundle")
        return self._reached_by_bundles(manifest, projects).get(path)

    def _angular_inputs(self, manifest: Manifest) -> dict[str, str]:
        """The files the package's angular.json builds start from (nx_projects.angular_build_inputs), once."""
        found = self._angular_entries.get(manifest.path)
        if found is None:
            found = self._angular_entries[manifest.path] = angular_build_inputs(manifest.dir)
        return found

    def in_a_browser_library(self, path: str, manifest: Manifest) -> str | None:
        """Why a file no entry reaches and no convention names dev-only lies in an Nx project (a
        library folder with its project.json) whose other files the browser apps' entries reach and
        no server entry does: a leftover of a library only bundles use (a component's old copy),
        whose imports are the bundle's, if anyone's; None otherwise."""
        own_json = self.project_json(path, manifest)
        if own_json is None:
            return None
        folder = os.path.dirname(own_json)
        if folder not in self._browser_libraries:  # once per project folder: every unreached file asks
            projects = self._web_projects(manifest)
            reached = self._reached_by_bundles(manifest, projects) if projects else {}
            inside = folder + os.sep
            used = next((p for p in sorted(reached) if p.startswith(inside) and p.endswith(_CODE)), None)
            served = any(p.startswith(inside) for p in self._reached_from(manifest))
            self._browser_libraries[folder] = None if used is None or served else (
                f"a file of {self.project.rel(folder)}/, a library only browser bundles use (no entry reaches this "
                f"file; {self.project.rel(used)} is an input of a bundle): its imports are the bundle's")
        return self._browser_libraries[folder]

    def _add_own_project(self, path: str, manifest: Manifest, projects: dict[str, WebProject]) -> None:
        """Add the browser project of `path`'s own project.json when the package's sources did not
        show it: a project folder whose package.json only labels it (`{"name": "web", "type":
        "module"}`) holds sources the package's list leaves out as a nested package's."""
        own_json = self.project_json(path, manifest)
        if own_json is None or own_json in projects or own_json in self._web_checked:
            return
        self._web_checked.add(own_json)
        web = web_project(own_json, manifest.dir) \
            if self.project.mentions(own_json, b"executor") or infers_vite_builds(manifest.dir) else None
        if web is not None:
            projects[own_json] = web

    def _own_web_project(self, path: str, manifest: Manifest, projects: dict[str, WebProject]) -> WebProject | None:
        """The browser project `path` lies in: by its nearest project.json, else one that a
        workspace.json or angular.json configures inline (`_web_projects` keys those by folder)."""
        own = projects.get(self.project_json(path, manifest) or "")
        if own is None:
            inline = (w for key, w in projects.items() if key == w.root)
            own = next((w for w in inline if path.startswith(w.root + os.sep)), None)
        return own

    def project_json(self, path: str, manifest: Manifest) -> str | None:
        """The Nx project.json of the file's folder or the nearest above it, within its package."""
        return nearest_project_json(os.path.dirname(path), manifest.dir, self._resolver().is_file, self._project_jsons)

    def nx_json(self, project_json: str) -> str | None:
        """The nx.json of the workspace around a project.json (once per project)."""
        if project_json not in self._nx_jsons:
            root = nx_workspace_root(os.path.dirname(project_json))
            self._nx_jsons[project_json] = os.path.join(root, "nx.json") if root is not None else None
        return self._nx_jsons[project_json]

    def _web_projects(self, manifest: Manifest) -> dict[str, WebProject]:
        """The package's Nx projects that bundle for the browser, by project.json (each read is
        an input of the run, as a file searched for a word), and by folder those a workspace.json
        or angular.json of the package configures inline."""
        found = self._web.get(manifest.path)
        if found is None:
            found = self._web[manifest.path] = {web.root: web for web in workspace_file_projects(manifest.dir)}
            inferred = infers_vite_builds(manifest.dir)  # a project.json without targets may still build
            for candidate in sorted({self.project_json(p, manifest) for p in self.project.package_sources(manifest.dir)}
                                    - {None}):
                if inferred or self.project.mentions(candidate, b"executor"):
                    web = web_project(candidate, manifest.dir)
                    if web is not None:
                        found[candidate] = web
        return found

    def _reached_by_bundles(self, manifest: Manifest, projects: dict[str, WebProject]) -> dict[str, str]:
        """{file: why} of the files the browser apps' entries reach through value imports."""
        found = self._bundle_reached.get(manifest.path)
        if found is None:
            found = self._bundle_reached[manifest.path] = {}
            for web in projects.values():
                if web.main is None or not self._resolver().is_file(web.main):
                    continue
                why = (f"reached from {self.project.rel(web.main)}, the entry of the browser app "
                       f"{self.project.rel(web.root)}/ (project.json build: {web.executor}): an input of its bundle")
                found.setdefault(web.main, why)
                self._spread(manifest, [(web.main, why)], found)
        return found
