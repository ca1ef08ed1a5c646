"""The machine formats (json, lsp, sarif, github) pinned by golden files.

The goldens in tests/data/formats/expected/ are the output of linting tests/data/formats from
inside that directory. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 /tmp/v/bin/python -m pytest -q tests/interfaces/test_formats.py

and review the diff. Machine-specific parts (the fixture's absolute URI, the tool version) are
replaced by placeholders before comparing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from migrationlint import __version__
from migrationlint.cli import main
from migrationlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from migrationlint.lint_steps import LintResult
from migrationlint.reporters import github_format, json_format, lsp_format
from tests.helpers import REPO

FIXTURE = REPO / "tests" / "data" / "formats"
EXPECTED = FIXTURE / "expected"
SARIF_SCHEMA = REPO.parent / "shared/data/sarif-schema-2.1.0.json"
CREATE_ORDERS = FIXTURE / "services/orders/src/migrations/1714000000000-CreateOrders.ts"
GOLDEN = {"json": "diagnostics.json", "lsp": "diagnostics.lsp.json", "sarif": "diagnostics.sarif",
          "github": "diagnostics.github.txt"}


def run_cli(capsys, monkeypatch, cwd: Path, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    code = main(["check", "--no-cache", *args])
    return code, capsys.readouterr().out


def normalise(text: str) -> str:
    text = text.replace(FIXTURE.resolve().as_uri(), "file:///FIXTURE")
    return text.replace(f'"version": "{__version__}"', '"version": "VERSION"').replace(
        f'"semanticVersion": "{__version__}"', '"semanticVersion": "VERSION"')


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_format_matches_golden(capsys, monkeypatch, fmt):
    code, out = run_cli(capsys, monkeypatch, FIXTURE, "--output-format", fmt)
    assert code == 1  # diagnostics remain: exit codes do not depend on the format
    golden = EXPECTED / GOLDEN[fmt]
    actual = normalise(out)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_clean_file_exits_zero_with_empty_output(capsys, monkeypatch, tmp_path, fmt):
    (tmp_path / "package.json").write_text('{"name": "svc", "dependencies": {"typeorm": "^0.3.20"}}')
    migrations = tmp_path / "src" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "1714000000000-CreateOrders.ts").write_text(
        CREATE_ORDERS.read_text(encoding="utf-8").replace("class CreateOrders ", "class CreateOrders1714000000000 "))
    code, out = run_cli(capsys, monkeypatch, tmp_path, "--output-format", fmt)
    assert code == 0
    if fmt in ("json", "lsp"):
        assert json.loads(out) == []
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    else:
        assert out == ""


def test_paths_are_relative_to_the_working_directory(capsys, monkeypatch):
    _, out = run_cli(capsys, monkeypatch, REPO, "--output-format", "json", "tests/data/formats")
    paths = {d["path"] for d in json.loads(out)}
    assert paths == {f"tests/data/formats/services/orders/src/migrations/{name}.ts" for name in
                     ("1714000000000-CreateOrders", "1714000100000-AddOrderStatus", "1714000200000-AddOrderIndex")}
    _, out = run_cli(capsys, monkeypatch, REPO, "--output-format", "sarif", "tests/data/formats")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(out)["runs"][0]["results"]}
    assert uris == paths


def test_lsp_character_counts_utf16_code_units_after_an_emoji(capsys, monkeypatch):
    line_text = CREATE_ORDERS.read_text(encoding="utf-8").splitlines()[2]
    assert "\U0001F680" in line_text.split("CreateOrders")[0]  # a non-BMP character before the token
    prefix = line_text[: line_text.index("CreateOrders")]
    _, out = run_cli(capsys, monkeypatch, FIXTURE, "--output-format", "lsp")
    first = json.loads(out)[0]
    assert first["uri"] == CREATE_ORDERS.resolve().as_uri()
    start = first["diagnostics"][0]["range"]["start"]
    assert start == {"line": 2, "character": len(prefix) + 1}  # the emoji is two UTF-16 units
    _, out = run_cli(capsys, monkeypatch, FIXTURE, "--output-format", "json")
    record = json.loads(out)[0]
    assert record["start"]["column"] == len(prefix) + 1  # humans count it as one character
    assert record["start"]["byte_offset"] == CREATE_ORDERS.read_bytes().index(b"CreateOrders implements")


def test_lsp_fix_edit_applies_to_the_expected_text(capsys, monkeypatch):
    _, out = run_cli(capsys, monkeypatch, FIXTURE, "--output-format", "lsp")
    diag = json.loads(out)[0]["diagnostics"][0]
    fix = diag["data"]["fix"]
    assert fix["applicability"] == "safe"
    (uri, edits), = fix["edit"]["changes"].items()
    lines = CREATE_ORDERS.read_text(encoding="utf-8").splitlines()
    edit, = edits
    line = lines[edit["range"]["start"]["line"]]
    units = line.encode("utf-16-le")
    s, e = edit["range"]["start"]["character"] * 2, edit["range"]["end"]["character"] * 2
    fixed = (units[:s] + edit["newText"].encode("utf-16-le") + units[e:]).decode("utf-16-le")
    assert fixed.startswith("/* \U0001F680 first release */ export class CreateOrders1714000000000 implements")


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="SARIF 2.1.0 schema not available")
def test_sarif_validates_against_the_official_schema(capsys, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    _, out = run_cli(capsys, monkeypatch, FIXTURE, "--output-format", "sarif")
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["MIG001", "MIG002", "MIG003"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    mig003 = next(r for r in run["results"] if r["ruleId"] == "MIG003")
    assert mig003["level"] == "warning"
    replacement = mig003["fixes"][0]["artifactChanges"][0]["replacements"][0]
    path = FIXTURE / "services/orders/src/migrations/1714000100000-AddOrderStatus.ts"
    region = replacement["deletedRegion"]
    data = path.read_bytes()
    assert data[region["byteOffset"]:region["byteOffset"] + region["byteLength"]] == b"AddOrderStatus20240425093000"


def _handmade_result(tmp_path: Path, diagnostics: list[Diagnostic]) -> LintResult:
    """A LintResult holding given diagnostics (reporters read only diagnostics and sources)."""
    sources = {}
    for d in diagnostics:
        sources.setdefault(d.path, Path(d.path).read_bytes())
    return LintResult(diagnostics=diagnostics, sources=sources, project=None, files=sorted(sources))


def test_github_escapes_messages_and_properties(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "odd,name:1.ts"
    odd.write_text("export const a = 1;\n")
    d = Diagnostic("MIG003", "migration-timestamp-mismatch", Severity.WARNING,
                   "100% wrong\r\nsecond line: a, b", str(odd), 13, 14)
    out = github_format.render(_handmade_result(tmp_path, [d]))
    assert out == ("::warning file=odd%2Cname%3A1.ts,line=1,col=14,endLine=1,endColumn=15,title=MIG003"
                   "::100%25 wrong%0D%0Asecond line: a, b\n")


def test_json_carries_dependency_fields_and_structured_manifest_edits(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "src" / "main.ts"
    src.parent.mkdir()
    src.write_text("import Redis from 'ioredis';\n")
    manifest = tmp_path / "package.json"
    manifest.write_text('{"name": "svc", "dependencies": {}}\n')
    op = ("add", "dependencies", "ioredis", "^5.4.1")
    fix = Fix(Applicability.SAFE, (Edit(str(manifest), 0, 0, "", json_edit=op),), "Add ioredis ^5.4.1")
    d = Diagnostic("DEP001", "undeclared-dependency", Severity.ERROR, "`ioredis` is not declared",
                   str(src), 18, 27, fix, extra={"specifier": "ioredis", "package": "ioredis", "manifest": str(manifest)})
    record, = json.loads(json_format.render(_handmade_result(tmp_path, [d])))
    assert record["specifier"] == "ioredis" and record["package"] == "ioredis"
    assert record["manifest"] == "package.json"
    assert record["start"] == {"line": 1, "column": 19, "byte_offset": 18}
    edit, = record["fix"]["edits"]
    assert edit["path"] == "package.json"
    assert edit["operation"] == {"op": "add", "section": "dependencies", "package": "ioredis", "version": "^5.4.1"}


def test_manifest_fixes_become_concrete_edits_in_lsp_and_sarif(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "src" / "main.ts"
    src.parent.mkdir()
    src.write_text("import Redis from 'ioredis';\n")
    manifest = tmp_path / "package.json"
    original = '{\n  "name": "svc",\n  "dependencies": {\n    "@nestjs/core": "^10.3.0"\n  }\n}\n'
    manifest.write_text(original)
    op = ("add", "dependencies", "ioredis", "^5.4.1")
    fix = Fix(Applicability.SAFE, (Edit(str(manifest), 0, 0, "", json_edit=op),), "Add ioredis ^5.4.1")
    d = Diagnostic("DEP001", "undeclared-dependency", Severity.ERROR, "`ioredis` is not declared",
                   str(src), 18, 27, fix)
    result = _handmade_result(tmp_path, [d])
    changes = lsp_format.to_lsp(result, d)["data"]["fix"]["edit"]["changes"]
    edit, = changes[manifest.resolve().as_uri()]
    lines = original.splitlines(keepends=True)
    start = sum(map(len, lines[:edit["range"]["start"]["line"]])) + edit["range"]["start"]["character"]
    end = sum(map(len, lines[:edit["range"]["end"]["line"]])) + edit["range"]["end"]["character"]
    fixed = original[:start] + edit["newText"] + original[end:]
    assert json.loads(fixed)["dependencies"] == {"@nestjs/core": "^10.3.0", "ioredis": "^5.4.1"}
    assert len(edit["newText"]) < len(original)  # only the changed span, not the whole file
    from migrationlint.reporters import sarif_format

    sarif_fix = sarif_format.sarif_result(result, d, 0)["fixes"][0]
    change, = sarif_fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "package.json", "uriBaseId": "%SRCROOT%"}
    rep, = change["replacements"]
    data = original.encode()
    region = rep["deletedRegion"]
    patched = data[:region["byteOffset"]] + rep["insertedContent"]["text"].encode() + data[region["byteOffset"] + region["byteLength"]:]
    assert patched.decode() == fixed


def test_lsp_severity_and_utf8_encoding(tmp_path):
    src = tmp_path / "x.ts"
    src.write_text("const s = '\u00e9\U0001F680'; bad\n", encoding="utf-8")
    data = src.read_bytes()
    start = data.index(b"bad")
    d = Diagnostic("MIG003", "migration-timestamp-mismatch", Severity.WARNING, "m", str(src), start, start + 3)
    result = _handmade_result(tmp_path, [d])
    assert lsp_format.to_lsp(result, d)["severity"] == 2
    assert lsp_format.to_lsp(result, d)["range"]["start"] == {"line": 0, "character": 17}
    assert lsp_format.to_lsp(result, d, encoding="utf-8")["range"]["start"] == {"line": 0, "character": start}
    index = result.index(str(src))
    for enc in ("utf-8", "utf-16"):
        pos = lsp_format.position(index, start, enc)
        assert lsp_format.offset_of(index, pos["line"], pos["character"], enc) == start


@pytest.mark.parametrize("code,expected", [("IMP002", "An unsafe fix is available for some findings"),
                                           ("MIG001", "A safe fix is available for some findings"),
                                           ("DEP002", "An unsafe fix is available (applied by --fix --unsafe-fixes)"),
                                           ("MIG004", "There is no automatic fix")])
def test_sarif_rule_description_says_how_safe_its_fix_is(code, expected):
    """A rule whose fix exists only sometimes says whether that fix is safe, as its page does
    (IMP002 and IMP003 rewrite imports unsafely; MIG001's renames are safe)."""
    from migrationlint.reporters.sarif_format import rule_metadata

    assert expected in rule_metadata(code)["fullDescription"]["text"]
