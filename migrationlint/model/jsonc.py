"""Fast readers for the JSON dialects of a workspace: plain JSON and JSONC (tsconfig.json).

Why this exists: the exact JSON5 parser (json5) is pure Python and costs tens of milliseconds per
tsconfig; a monorepo with 40+ tsconfigs paid a second per run for it. Almost every tsconfig is
JSON plus two JSON5 features, comments and trailing commas, so those are removed by a small
tokenizer and the rest goes to a C JSON parser. Anything else JSON5 allows (single quotes,
unquoted keys, hex numbers...) makes the stripped text invalid JSON, and then the caller falls
back to the exact parser: the fast path only answers when its answer is the JSON5 answer.
"""

from __future__ import annotations

import json
import re

from migrationlint.model.parsed_cache import digest

# One token at a time: a double-quoted string (kept whole so that `//` inside it stays), a line
# comment, a block comment (terminated or not), a structural character, or a run of anything else.
_TOKEN = re.compile(
    r'"(?:[^"\\\n]|\\.)*"'  # a JSON string
    r"|//[^\n\r\u2028\u2029]*"  # a line comment (JSON5 ends it at any line terminator)
    r"|/\*.*?\*/"  # a block comment
    r"|/\*"  # an unterminated block comment
    r"|[,\[\]{}]"  # structure
    r'|[^",\[\]{}/]+'  # values and whitespace
    r"|[/\"]",  # a stray slash or an unterminated string
    re.S,
)
_OPENERS = ("[", "{", ",")
_LONG_NUMBER_TEXT = r"\d{19}"
_LONG_NUMBER = re.compile(_LONG_NUMBER_TEXT)
_LONG_NUMBER_BYTES = re.compile(_LONG_NUMBER_TEXT.encode())


# Below this size the standard parser answers: a package.json takes it 6 microseconds longer, and
# importing orjson takes 9 milliseconds, more than a pre-commit run's every manifest would save.
ORJSON_FROM = 32 * 1024


def loads(text: str | bytes) -> object:
    """Parse JSON: a large text (a lockfile) with orjson, else, or when orjson declines, with the
    standard parser (which accepts NaN and Infinity and very large numbers). Raises
    json.JSONDecodeError with the standard parser's message and position, so error reports are
    the same for every size."""
    if len(text) >= ORJSON_FROM:
        long_number = _LONG_NUMBER_BYTES if isinstance(text, bytes) else _LONG_NUMBER
        if long_number.search(text) is None:  # orjson reads integers past 64 bits as floats
            import orjson

            try:
                return orjson.loads(text)
            except orjson.JSONDecodeError:
                pass
    return json.loads(text)


def strip_jsonc(text: str) -> str | None:
    """`text` without comments and trailing commas; None when it holds something JSON5 reads
    differently from what stripping would give (an unterminated comment, a comma after `[`, `{`
    or another comma), so that the exact parser decides."""
    out: list[str] = []
    pending = -1  # index in `out` of a comma that may turn out to be trailing
    last = ""  # the last significant token before it
    for m in _TOKEN.finditer(text):
        tok = m.group()
        first = tok[0]
        if first == "/":
            if tok.startswith("//") or (tok.startswith("/*") and len(tok) >= 4 and tok.endswith("*/")):
                out.append(" ")
                continue
            return None  # `/*` without its end, or a lone `/`: not JSONC
        if not tok.isspace():
            if first in "]}" and pending >= 0:
                out[pending] = ""  # a trailing comma
            if first == ",":
                if last in _OPENERS:
                    return None
                pending = len(out)
            else:
                pending = -1
            last = first if first in "[]{}," else "v"
        out.append(tok)
    return "".join(out)


def loads_jsonc(text: str) -> object:
    """JSONC through the fast path; raises ValueError when the fast path cannot answer (the
    caller then uses the exact JSON5 parser, which also gives the error message)."""
    try:
        return loads(text)
    except ValueError:
        pass
    stripped = strip_jsonc(text)
    if stripped is None:
        raise ValueError("not JSONC")
    return loads(stripped)


def read_jsonc(path: str) -> tuple[dict, str | None, str]:
    """A JSONC file (a tsconfig): (data, error, content digest of the bytes read, '' when they could
    not be read). Comments and trailing commas are fine; an object is expected, anything else
    reads as empty. The digest lets a cached run check that the file is still what it read."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return {}, f"cannot read {path}: {exc}", ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return {}, f"cannot read {path}: {exc}", digest(raw)
    if "\r" in text:  # as a text-mode read gives it: line numbers in the exact parser's messages
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (*_parsed_jsonc(text, path), digest(raw))


def load_jsonc(path: str) -> tuple[dict, str | None]:
    """read_jsonc without the digest: (data, error)."""
    data, error, _ = read_jsonc(path)
    return data, error


def _parsed_jsonc(text: str, path: str) -> tuple[dict, str | None]:
    if not text.strip():
        return {}, None  # an empty tsconfig.json: tsc reads it as `{}` (defaults, every file of its folder)
    try:
        data = loads_jsonc(text)  # JSON, or JSONC made JSON: a C parser, 100x faster than json5
    except ValueError:
        data = None
    try:
        if data is None:
            import json5  # here: most tsconfigs never need it

            data = json5.loads(text)  # the exact parser decides what the fast path cannot
    except ValueError as exc:
        return {}, f"invalid JSON in {path}: {exc}"
    return (data if isinstance(data, dict) else {}), None
