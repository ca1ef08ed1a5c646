"""Packages the repository's own build makes, which no registry install provides: a client a Prisma
schema generates into node_modules, and the local build a test harness installs into a test project.
A mixin of the dependency exemptions: an import of such a package is no undeclared dependency.
"""

from __future__ import annotations

import os

from migrationlint.model.dependency_model import DependencyModel
from migrationlint.model.package_use import Use
from migrationlint.model.dev_folders import in_test_folder
from migrationlint.model.generated_packages import generated_packages
from migrationlint.model.pack_harness import packed_into
from migrationlint.model.nx_projects import run_commands, target_schemas


class RepositoryBuilds(DependencyModel):
    """Mixin of DependencyExemptions: `_generated_client` and `_build_under_test`."""

    def _generated_client(self, u: Use) -> bool:
        """A package a Prisma schema of the importer's package (or its project root) generates into
        node_modules (`output = "../node_modules/@prisma/pgsql-client"`): `prisma generate` writes
        it; the registry's package of that name is something else. The schema may be the one an Nx
        target of the file's project hands the CLI (a command's `--schema`, a Prisma executor's
        `options.schema`), or the one in a folder between the file and its package's (an app's
        `prisma/schema.prisma`), where Prisma looks when run from there."""
        for m in (u.manifest, self.root_of(u.manifest)):
            prisma = m.data.get("prisma")
            if u.package in generated_packages(m.dir, prisma.get("schema") if isinstance(prisma, dict) else None,
                                               m.data.get("scripts")):
                return True
        if any(u.package in generated_packages(folder) for folder in _folders_between(u.path, u.manifest.dir)):
            return True  # `prisma/schema.prisma` of an app's folder, generated from there
        project = self.shipping.project_json(u.path, u.manifest)  # an Nx target's `prisma generate --schema=...`
        return project is not None and (any(u.package in generated_packages(cwd, None, {target: command})
                                            for target, command, cwd in run_commands(project))
                                        or any(u.package in generated_packages(os.path.dirname(project), schema)
                                               for schema in (None, *target_schemas(project))))

    def _build_under_test(self, u: Use) -> bool:
        """A project of its own in a test folder (`ecosystem-tests/node-ts/`, no workspace member), or
        one a root script packs the build into (pack_harness.py), importing the package this
        repository builds (the root's or a member's name), undeclared: a harness packs the local
        build and installs it there for the run, and installing the registry's release would test
        something else."""
        m, root = u.manifest, self.ws.root_manifest
        own = self.ws.member(u.package) is not None or (root is not None and root.name == u.package)
        listed = self.ws.has_workspace_definition and m.dir in self.ws.member_dirs
        if not own or m.dir == self.ws.root or listed:
            return False
        rel = self.project.rel(m.dir)
        return in_test_folder(rel.split("/")) or (root is not None and packed_into(root, rel, self.project.read_context))


def _folders_between(path: str, top: str) -> list[str]:
    """The folders above the file at `path`, up to `top` (excluded: the package's own are asked apart)."""
    found, folder = [], os.path.dirname(path)
    while folder != top and len(folder) > len(top) and folder.startswith(top):
        found.append(folder)
        folder = os.path.dirname(folder)
    return found
