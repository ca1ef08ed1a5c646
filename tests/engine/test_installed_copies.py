"""A folder whose package.json keeps npm's install record (`"_id": "<name>@<version>"`) holds a
package copied out of an install (a tool's generated preview app committed by mistake, a vendored
module): another project's code, skipped like node_modules."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import cli, lint_result

PREVIEW = {"name": "react-email-client", "version": "0.0.14", "scripts": {"dev": "next dev", "build": "next build"},
           "dependencies": {"next": "13.2.4", "react": "18.2.0"}, "readme": "ERROR: No README data found!",
           "_id": "react-email-client@0.0.14"}


def _email_package(root: Path, preview: dict) -> Path:
    files = {
        "package.json": json.dumps({"name": "@acme/email", "private": True, "scripts": {"dev": "email dev", "build": "tsc"},
                                    "dependencies": {"react": "^18.2.0", "react-email": "^5.0.6"}}),
        "tsconfig.json": '{"compilerOptions": {"jsx": "react-jsx", "module": "ESNext", "moduleResolution": "bundler",'
                         ' "outDir": "dist"}, "include": ["src"]}',
        "src/templates/welcome.tsx": "import React from 'react';\nexport default function Welcome() { return <p>{React.version}</p>; }\n",
        ".react-email/package.json": json.dumps(preview),
        ".react-email/tsconfig.json": '{"compilerOptions": {"jsx": "preserve", "moduleResolution": "node"},'
                                      ' "include": ["**/*.ts", "**/*.tsx"]}',
        ".react-email/src/app/page.tsx": "import Mail from '../../emails/welcome';\nexport default function Page() { return <Mail />; }\n",
        ".react-email/emails/welcome.tsx": "import Mail from '../../emails/welcome.tsx';\nexport default Mail;\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_a_copied_install_is_not_linted(tmp_path: Path) -> None:
    root = _email_package(tmp_path, PREVIEW)
    assert lint_result(root).diagnostics == []
    hand_written = {k: v for k, v in PREVIEW.items() if k != "_id"}
    (root / ".react-email/package.json").write_text(json.dumps(hand_written))
    codes = [d.code for d in lint_result(root).diagnostics]
    assert codes == ["IMP002"]  # the same folder, no install record: the repository's own project


def test_an_id_that_is_not_the_install_record_keeps_the_folder(tmp_path: Path) -> None:
    root = _email_package(tmp_path, {**PREVIEW, "_id": "preview"})
    assert [d.code for d in lint_result(root).diagnostics] == ["IMP002"]


def test_a_cached_run_sees_the_record_go(tmp_path: Path) -> None:
    root = _email_package(tmp_path, PREVIEW)
    first = cli("--output-format", "concise", ".", cwd=root)
    assert first.returncode == 0 and first.stdout == b""
    (root / ".react-email/package.json").write_text(json.dumps({**PREVIEW, "_id": None}))
    out = cli("--output-format", "concise", ".", cwd=root).stdout.decode()
    assert ".react-email/emails/welcome.tsx:1:18: IMP002 error" in out
