"""The imports the import rules resolve are resolved while files are extracted (import_requests.py):
the checks find them in the memo, the findings are those of a run that resolves them in the checks,
and nothing is resolved that the import rules would not resolve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrationlint import pipeline
from migrationlint.model.resolve import RESOLVER, Resolver
from migrationlint.settings import Settings


def _findings(result) -> list[tuple]:
    return [(d.code, d.path, d.start, d.end, d.message, d.fix) for d in result.diagnostics]


def _service(root: Path, files: int = 200) -> Path:
    (root / "package.json").write_text(json.dumps({"name": "svc", "version": "1.0.0", "main": "dist/main.js",
                                                   "dependencies": {"lodash": "^4.17.21"}}))
    src = root / "src"
    src.mkdir()
    (src / "main.ts").write_text("import { get } from 'lodash';\nimport { gone } from './missing';\n"
                                 "import legacy from 'legacy-sdk';\nimport './styles.css';\n"
                                 "export const main = (f: object) => get(f, 'a') ?? gone ?? legacy;\n")
    (src / "templates").mkdir()
    (src / "templates" / "app.module.ts").write_text("import { AppService } from './app.service';\n")
    for i in range(files):
        (src / f"f{i}.ts").write_text(f"import {{ main, nothing }} from './main';\nexport const v{i} = main;\n")
    return root


@pytest.fixture
def phases(monkeypatch) -> list[tuple[str, str]]:
    """(phase, specifier) of every resolution: `extract` while store.extract runs, else `checks`."""
    seen: list[tuple[str, str]] = []
    state = {"phase": "checks"}
    real_resolve, real_extract = Resolver._resolve, pipeline.extraction.FactsStore.extract

    def resolve(self, importer, cfg, spec):
        seen.append((state["phase"], spec))
        return real_resolve(self, importer, cfg, spec)

    def extract(self, *args, **kwargs):
        state["phase"] = "extract"
        try:
            return real_extract(self, *args, **kwargs)
        finally:
            state["phase"] = "checks"

    monkeypatch.setattr(Resolver, "_resolve", resolve)
    monkeypatch.setattr(pipeline.extraction.FactsStore, "extract", extract)
    return seen


@pytest.mark.parametrize("jobs", [1, 2])
def test_imports_are_resolved_during_extraction_with_the_same_findings(tmp_path, phases, monkeypatch, jobs):
    root = _service(tmp_path)
    settings = Settings(ignore_packages=["legacy-sdk"])
    ahead = pipeline.lint([str(root)], settings, use_cache=False, jobs=jobs)
    during = {spec for phase, spec in phases if phase == "extract"}
    assert during == {"lodash", "./missing", "./main"}  # never the asset, the ignored package, a template's
    assert not any(phase == "checks" and spec in during for phase, spec in phases)  # the checks hit the memo
    assert RESOLVER.peek(ahead.project) is not None

    monkeypatch.setattr(pipeline, "_resolved_ahead", lambda *args: ({}, None))
    phases.clear()
    later = pipeline.lint([str(root)], settings, use_cache=False, jobs=jobs)
    assert not any(phase == "extract" for phase, _ in phases)
    assert _findings(later) == _findings(ahead)
    assert {"IMP002", "IMP003"} <= {d.code for d in ahead.diagnostics}


def test_nothing_is_resolved_ahead_when_no_import_rule_is_on(tmp_path, phases):
    root = _service(tmp_path, files=3)
    pipeline.lint([str(root)], Settings(select=["MIG"]), use_cache=False)
    assert not any(phase == "extract" for phase, _ in phases)
