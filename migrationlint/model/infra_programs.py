"""Infrastructure programs: a folder holding `Pulumi.yaml` (a Pulumi project) or `cdktf.json` (a CDK
for Terraform app) holds a program its CLI runs (`pulumi up`, `cdktf deploy`) on a developer's or
CI machine, with the repository's full install, to deploy the infrastructure. Its files are never
loaded by the service the package deploys, whatever the package's build compiles. So is a package
whose AWS CDK app is known (`cdk.json`'s `app`, or a script's `cdk synth --app '...'`: cdk_apps): what
no entry of its own reaches is the app's stacks and the handlers it bundles at synthesis, from the
same full install. (The app's own file is named by its command: dev_files.tool_inputs.)
"""

from __future__ import annotations

import os

from migrationlint.model.cdk_apps import cdk_app_command, cdk_app_named_in
from migrationlint.model.ci_workflows import ci_commands_text
from migrationlint.model.project import Memo, Project

_MARKERS = (("Pulumi.yaml", "a Pulumi program"), ("Pulumi.yml", "a Pulumi program"),
            ("cdktf.json", "a CDK for Terraform app"))


def infra_program(project: Project, path: str, package_dir: str, unbundled: bool = True) -> str | None:
    """Why the file at `path` is part of an infrastructure program of its package, or None: a folder
    between the file and its package's folder (both included) holds a project file of such a CLI, or,
    for a package that builds no app bundle of its own (`unbundled`: not a React app that CDK deploys
    as a static site), the package has a CDK app."""
    markers = _MARKED(project)
    folder = os.path.dirname(path)
    while True:
        found = markers.get(folder, False)
        if found is False:
            found = markers[folder] = _marker(folder)
        if found is not None:
            where = os.path.relpath(os.path.join(folder, found[0]), package_dir).replace(os.sep, "/")
            return f"{found[1]} ({where}), run by its CLI to deploy the infrastructure, not by the service"
        if folder == package_dir or len(folder) <= len(package_dir):
            if not unbundled:
                return None
            apps = _CDK_APPS(project)
            if package_dir not in apps:  # asked for every file no entry reaches: once per package
                apps[package_dir] = cdk_app_command(package_dir) or cdk_app_named_in(
                    ci_commands_text(project), project.workspace.root, package_dir)
            cdk = apps[package_dir]
            return None if cdk is None else f"an AWS CDK app's package ({cdk[1]}), run by the CDK CLI to synthesise " \
                                             "the stacks and bundle their functions, not by a service"
        folder = os.path.dirname(folder)


_MARKED: Memo[dict[str, tuple[str, str] | None]] = Memo("infrastructure program markers", lambda project: {})
_CDK_APPS: Memo[dict[str, tuple[str, str] | None]] = Memo("packages' AWS CDK apps", lambda project: {})


def _marker(folder: str) -> tuple[str, str] | None:
    return next(((name, what) for name, what in _MARKERS if os.path.isfile(os.path.join(folder, name))), None)
