"""Whether a CI workflow names a file: a script run by `deno run tools/x.ts` or `npx tsx scripts/x.ts`
in `.github/workflows/*.yml` is run by CI, with no package.json or tsconfig around it. Read as text,
once per run (the run cache counts the workflows as context of every run)."""

from __future__ import annotations

import os

from migrationlint.model.project import Memo, Project
from migrationlint.model.publish_paths import WORKFLOWS


def _workflow_texts(project: Project) -> str:
    folder = os.path.join(project.workspace.root, WORKFLOWS)
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith((".yml", ".yaml")))
    except OSError:
        return ""
    texts = []
    for name in names:
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                texts.append(fh.read())
        except OSError:
            continue
    return "\n".join(texts)


_WORKFLOW_TEXTS: Memo[str] = Memo("the texts of the CI workflows", _workflow_texts, disk_only=True)


def _build_texts(project: Project) -> str:
    try:
        with open(os.path.join(project.workspace.root, "Makefile"), encoding="utf-8", errors="replace") as fh:
            make = fh.read()
    except OSError:
        make = ""
    return _WORKFLOW_TEXTS(project) + "\n" + make


_BUILD_TEXTS: Memo[str] = Memo("the texts of the CI workflows and the root Makefile", _build_texts, disk_only=True)


def ci_commands_text(project: Project) -> str:
    """The CI workflows' text and the root Makefile's: where a repository may give a tool its command line
    (`npx cdk synth --app "npx ts-node packages/cdk/bin/App.ts"`) rather than in a package script."""
    return _BUILD_TEXTS(project)


def named_by_a_workflow(project: Project, path: str) -> bool:
    """Whether a workflow of the repository names the file (by its name: a step may run it from its
    folder, `working-directory: tools`)."""
    return os.path.basename(path) in _WORKFLOW_TEXTS(project)
