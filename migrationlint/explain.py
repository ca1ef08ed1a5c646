"""`migrationlint --explain-file PATH`: does this file ship, and why (the shipping model's answer).

The dependency rules judge every import by whether its file runs in production; a user who doubts
a finding needs to see that answer and its reason, as well as the package's entry points and
whether its build bundles what it imports.
"""

from __future__ import annotations

import os

from migrationlint.settings import Settings


def explain_file(path: str, settings: Settings) -> str:
    """The explanation printed for `path` (a file of the workspace)."""
    from migrationlint import pipeline
    from migrationlint.model.config_objects import REGEX_MARK
    from migrationlint.model.dependency_model import DependencyModel

    path = os.path.abspath(path)
    settings.select = ["DEP001"]
    result = pipeline.lint([path], settings, files=[path], use_cache=False)
    project = result.project
    model = DependencyModel(project)
    manifest = model.owner(path)
    verdict = model.verdict(path)
    lines = [f"{project.rel(path)}: {verdict.describe()}"]
    if manifest is None:
        return "\n".join(lines) + "\n"
    lines.append(f"package: {project.rel(manifest.path)}" + (f" ({manifest.name})" if manifest.name else ""))
    entries = model.shipping.entries(manifest)
    shown = ", ".join(f"{project.rel(e.path)} ({e.origin})" for e in entries[:6])
    more = f" and {len(entries) - 6} more" if len(entries) > 6 else ""
    lines.append(f"entry points: {shown}{more}" if entries else "entry points: none that map to a source file")
    bundled = model.shipping.bundled(manifest)
    external = ", ".join(e.lstrip(REGEX_MARK) for e in model.shipping.left_external(manifest))
    lines.append((f"bundled: yes, {bundled}" + (f" (external: {external})" if external else "")) if bundled else
                 "bundled: no (a production install must provide what shipping files import)")
    from migrationlint.model.resolve import resolver_for
    from migrationlint.model.text_snippets import shown_as_text

    page = shown_as_text(project, resolver_for(project), path)
    if page is not None:
        lines.append(f"shown as text: {page}, and nothing compiles or imports it, "
                     "so the dependency and import rules skip it")
    return "\n".join(lines) + "\n"
