"""Property tests: whatever the input, the run never raises, a fix never adds parse damage, fixing
twice equals fixing once, and a file with no diagnostics is never changed.

A bounded budget runs with the normal test command; `pytest -m fuzz` runs the long campaign
(set FUZZ_EXAMPLES to change its size)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrationlint.fix import fixes
from migrationlint import pipeline
from migrationlint.settings import Settings
from migrationlint.extract.sources import INTERNAL_ERROR, facts_for_bytes
from tests.helpers import REPO

MANIFEST = b'{"name": "svc", "version": "1.0.0", "dependencies": {"typeorm": "^0.3.20", "@nestjs/common": "^10.4.15"}}\n'
SEEDS = sorted(p for p in (REPO / "fixtures" / "monorepo" / "services").rglob("*.ts") if p.stat().st_size < 20_000)

identifier = st.from_regex(r"[A-Z][A-Za-z]{2,12}", fullmatch=True)
timestamp = st.one_of(
    st.integers(1_000_000_000_000, 1_900_000_000_000).map(str),
    st.integers(1_000_000_000, 1_900_000_000).map(str),
    st.sampled_from(["20250925034424", "1234567890123", "0000000000000", "'$timestamp'", "${timestamp}",
                     "{{timestamp}}", "<%= timestamp %>", ""]),
)
decorator = st.sampled_from(["@Index()", "@Column({ nullable: true })", "@TableIndex({ columnNames: ['a'] })", ""])
construct = st.sampled_from(["new Index({ columnNames: ['a'] })", "new TableIndex({ columnNames: ['a'], unique: true })",
                             "{ name: 'IDX_a', columnNames: ['a'] }", "new TableIndex({ columnNames: ['a'] })"])
imported = st.sampled_from(["Index", "TableIndex", "Column", "Entity", "Table"])


@st.composite
def migration_source(draw) -> tuple[str, bytes]:
    name = draw(identifier)
    ts = draw(timestamp)
    file_ts = draw(st.sampled_from([ts, "1700000000000", "20250101120000", "1695682464", ""]))
    names = sorted(set(draw(st.lists(imported, min_size=1, max_size=4))))
    field = draw(st.sampled_from(["", f"  name = '{name}{ts}';\n", f"  name = '{name}';\n", "  name = '';\n"]))
    text = (
        f"import {{ MigrationInterface, QueryRunner, {', '.join(names)} }} from 'typeorm';\n\n"
        f"{draw(decorator)}\nexport class {name}{ts} implements MigrationInterface {{\n{field}"
        "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
        f"    await queryRunner.createIndex('users', {draw(construct)});\n"
        "  }\n}\n"
    )
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    path = f"src/migrations/{file_ts + '-' if file_ts.isdigit() else ''}{name}.ts"
    return path, text.encode()


@st.composite
def mutated_fixture(draw) -> tuple[str, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed.read_bytes())
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "delete", "duplicate", "insert"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        j = min(len(data), i + draw(st.integers(1, 200)))
        if kind == "truncate":
            del data[i:]
        elif kind == "delete":
            del data[i:j]
        elif kind == "duplicate":
            data[i:i] = data[i:j]
        else:
            data[i:i] = draw(st.sampled_from([b"'", b'"', b"{", b"}", b"`", b"(", b"'$timestamp'", b"\xff"]))
    rel = seed.relative_to(REPO / "fixtures" / "monorepo" / "services").as_posix().split("/", 1)[1]
    return rel, bytes(data)


def _damage(path: str, data: bytes) -> int:
    facts = facts_for_bytes(path, data)
    return 10**9 if facts.skipped else len(facts.damage)


def check_properties(rel: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "package.json").write_bytes(MANIFEST)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        s = Settings(select=["MIG", "SYN", "SUP", "INT"])
        first = pipeline.lint([str(root)], s, use_cache=False)
        # a bug no longer stops the run: it becomes INT001 (a file's facts or a rule family), so look for it
        assert not [d.message for d in first.diagnostics if d.code == "INT001"]
        assert not any((f.skipped or "").startswith(INTERNAL_ERROR) for f in first.project.files.values())
        outcome = pipeline.fix([str(root)], s, unsafe=True, first=first, use_cache=False)
        path = str(target)
        if not first.diagnostics:
            assert outcome.texts == {}, "a file without diagnostics was changed"
            return
        fixed = outcome.texts.get(path, data)
        assert _damage(path, fixed) <= _damage(path, data), "a fix added parse damage"
        again = fixes.fix_loop(lambda texts: pipeline.lint([str(root)], s, overrides={path: fixed, **texts},
                                                           files=first.files, use_cache=False).diagnostics,
                               lambda p: fixed if p == path else open(p, "rb").read(), unsafe=True)
        assert again.texts.get(path, fixed) == fixed, "fixing twice differs from fixing once"


BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
LONG = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3000")), deadline=None,
                suppress_health_check=list(HealthCheck))


@BOUNDED
@given(migration_source())
def test_generated_migrations(case):
    check_properties(*case)


@BOUNDED
@given(mutated_fixture())
def test_mutated_fixture_files(case):
    check_properties(*case)


@pytest.mark.fuzz
@LONG
@given(st.one_of(migration_source(), mutated_fixture()))
def test_fuzz_campaign(case):
    check_properties(*case)
