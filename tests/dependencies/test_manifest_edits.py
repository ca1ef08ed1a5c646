"""package.json edits a human would have made: layout kept, only the changed lines differ."""

from __future__ import annotations

import json

import pytest

from migrationlint.fix.manifest_edits import render

SERVICE = (
    '{\n  "name": "@acme/workflow-service",\n  "version": "1.8.0",\n  "scripts": {\n    "build": "tsc"\n  },\n'
    '  "dependencies": {\n    "@nestjs/common": "^10.4.15",\n    "typeorm": "^0.3.20"\n  },\n'
    '  "devDependencies": {\n    "type-fest": "^4.26.1",\n    "uuid": "^10.0.0"\n  }\n}\n'
)


def lines_removed(before: str, after: str) -> list[str]:
    rest = after.splitlines()
    return [line for line in before.splitlines() if line not in rest]


def test_add_in_sorted_place_keeps_other_lines():
    out = render(SERVICE.encode(), [("add", "dependencies", "ioredis", "^5.4.1")]).decode()
    assert '    "@nestjs/common": "^10.4.15",\n    "ioredis": "^5.4.1",\n    "typeorm": "^0.3.20"\n' in out
    assert lines_removed(SERVICE, out) == []
    assert len(out.splitlines()) == len(SERVICE.splitlines()) + 1


def test_add_is_idempotent_and_merges_duplicates():
    once = render(SERVICE.encode(), [("add", "dependencies", "ioredis", "^5.4.1")] * 3)
    assert once.decode().count('"ioredis"') == 1
    assert render(once, [("add", "dependencies", "ioredis", "^5.4.1")]) == once
    assert render(SERVICE.encode(), [("add", "dependencies", "uuid", "^10.0.0")]) == SERVICE.encode()


def test_a_peer_is_added_beside_its_dev_dependency_once():
    """A published package declares a peer and develops against the same package in devDependencies:
    adding the peer is no no-op because devDependencies has it, only because peerDependencies does."""
    out = render(SERVICE.encode(), [("add", "peerDependencies", "uuid", "^10.0.0")] * 2).decode()
    assert out.count('"uuid"') == 2 and json.loads(out)["peerDependencies"] == {"uuid": "^10.0.0"}
    assert render(out.encode(), [("add", "peerDependencies", "uuid", "^10.0.0")]).decode() == out


def test_a_section_that_mixes_tabs_and_spaces_keeps_every_existing_line():
    """A manifest whose first entry is indented with spaces and the rest with tabs (a real
    service's, hand-edited): an addition takes the indentation of the entry whose place it takes,
    and no existing line changes (a fix re-indented `class-transformer` and `typeorm`)."""
    mixed = ('{\n\t"name": "auth",\n\t"dependencies": {\n    "@acme/helpers": "^2.18.0",\n\t\t"axios": "^1.4.0",\n'
             '\t\t"class-transformer": "^0.5.1",\n\t\t"typeorm": "0.2.41"\n\t}\n}\n')
    out = render(mixed.encode(), [("add", "dependencies", "chai", "^4.3.10"), ("add", "dependencies", "zod", "^3.23.8")]).decode()
    assert lines_removed(mixed, out) == ['\t\t"typeorm": "0.2.41"']  # only the comma the append needs
    assert '\t\t"chai": "^4.3.10",\n\t\t"class-transformer"' in out and '\t\t"typeorm": "0.2.41",\n\t\t"zod": "^3.23.8"\n' in out


def test_append_to_an_unsorted_section():
    text = '{\n  "dependencies": {\n    "typeorm": "^0.3.20",\n    "pg": "^8.13.1"\n  }\n}\n'
    out = render(text.encode(), [("add", "dependencies", "ioredis", "^5.4.1")]).decode()
    assert out == '{\n  "dependencies": {\n    "typeorm": "^0.3.20",\n    "pg": "^8.13.1",\n    "ioredis": "^5.4.1"\n  }\n}\n'


def test_insert_before_the_first_key():
    out = render(SERVICE.encode(), [("add", "dependencies", "@aws-sdk/client-s3", "^3.682.0")]).decode()
    assert '  "dependencies": {\n    "@aws-sdk/client-s3": "^3.682.0",\n    "@nestjs/common"' in out


@pytest.mark.parametrize("indent", ["    ", "\t"])
def test_indentation_is_kept(indent):
    text = json.dumps({"name": "a", "dependencies": {"pg": "^8.13.1"}}, indent=indent) + "\n"
    out = render(text.encode(), [("add", "dependencies", "typeorm", "^0.3.20"),
                                 ("add", "devDependencies", "jest", "^29.7.0")]).decode()
    assert out == json.dumps({"name": "a", "dependencies": {"pg": "^8.13.1", "typeorm": "^0.3.20"},
                              "devDependencies": {"jest": "^29.7.0"}}, indent=indent) + "\n"


def test_crlf_bom_and_missing_final_newline_are_kept():
    text = '{\r\n  "name": "a",\r\n  "dependencies": {\r\n    "pg": "^8.13.1"\r\n  }\r\n}'
    out = render(b"\xef\xbb\xbf" + text.encode(), [("add", "dependencies", "typeorm", "^0.3.20")])
    assert out.startswith(b"\xef\xbb\xbf")
    assert out.endswith(b"}") and b"\n" not in out.replace(b"\r\n", b"")
    assert b'"pg": "^8.13.1",\r\n    "typeorm": "^0.3.20"\r\n  }' in out


def test_missing_section_goes_where_people_put_it():
    text = '{\n  "name": "a",\n  "version": "1.0.0",\n  "scripts": {\n    "build": "tsc"\n  },\n  "engines": {\n    "node": ">=20"\n  }\n}\n'
    out = render(text.encode(), [("add", "dependencies", "pg", "^8.13.1")]).decode()
    assert out == ('{\n  "name": "a",\n  "version": "1.0.0",\n  "scripts": {\n    "build": "tsc"\n  },\n'
                   '  "dependencies": {\n    "pg": "^8.13.1"\n  },\n  "engines": {\n    "node": ">=20"\n  }\n}\n')
    out = render(out.encode(), [("add", "devDependencies", "jest", "^29.7.0")]).decode()
    assert '"pg": "^8.13.1"\n  },\n  "devDependencies": {\n    "jest": "^29.7.0"\n  },\n  "engines"' in out
    only_dev = '{\n  "name": "a",\n  "devDependencies": {\n    "jest": "^29.7.0"\n  }\n}\n'
    out = render(only_dev.encode(), [("add", "dependencies", "pg", "^8.13.1")]).decode()
    assert out.index('"dependencies"') < out.index('"devDependencies"')


def test_empty_section_and_inline_section():
    out = render(b'{\n  "name": "a",\n  "dependencies": {}\n}\n', [("add", "dependencies", "pg", "^8.13.1")])
    assert out == b'{\n  "name": "a",\n  "dependencies": {\n    "pg": "^8.13.1"\n  }\n}\n'
    out = render(b'{"name": "a", "dependencies": {"typeorm": "^0.3.20"}}', [("add", "dependencies", "pg", "^8.13.1")])
    assert out == b'{"name": "a", "dependencies": {"pg": "^8.13.1", "typeorm": "^0.3.20"}}'


def test_move_to_dependencies_removes_the_emptied_section():
    text = ('{\n  "name": "a",\n  "dependencies": {\n    "typeorm": "^0.3.20"\n  },\n'
            '  "devDependencies": {\n    "uuid": "^10.0.0"\n  },\n  "engines": {\n    "node": ">=20"\n  }\n}\n')
    out = render(text.encode(), [("move", "devDependencies", "dependencies", "uuid")]).decode()
    assert out == ('{\n  "name": "a",\n  "dependencies": {\n    "typeorm": "^0.3.20",\n    "uuid": "^10.0.0"\n  },\n'
                   '  "engines": {\n    "node": ">=20"\n  }\n}\n')
    assert render(out.encode(), [("move", "devDependencies", "dependencies", "uuid")]) == out.encode()


def test_move_keeps_the_rest_of_the_section():
    out = render(SERVICE.encode(), [("move", "devDependencies", "dependencies", "type-fest")]).decode()
    assert '  "devDependencies": {\n    "uuid": "^10.0.0"\n  }\n}\n' in out
    assert '"type-fest": "^4.26.1",\n    "typeorm"' in out
    json.loads(out)


def test_invalid_input_and_unknown_edits_raise_value_error():
    with pytest.raises(ValueError):
        render(b'{"name": ', [("add", "dependencies", "pg", "1.0.0")])
    with pytest.raises(ValueError):
        render(SERVICE.encode(), [("rename", "x")])
    with pytest.raises(ValueError):
        render(b'{"dependencies": ["pg"]}', [("add", "dependencies", "typeorm", "^0.3.20")])
