"""YAML documents read exactly as PyYAML's safe loader reads them, by a parser ten times faster
when that is provably the same.

Why: a megabyte lockfile costs PyYAML most of a second (libyaml scans in C, but every node is
built in Python), more than the rest of the workspace model. yaml-rs (Rust) builds the same
structure in 60 ms, but it implements YAML 1.2, where PyYAML implements 1.1, and the two resolve
some plain (unquoted) scalars differently: `yes`, `on`, `off` are booleans in 1.1 and strings in
1.2; `017` is 15 or 17; `0o17` and `1e3` are numbers in 1.2 and strings in 1.1; `1_000`,
`1:30` and dates differ too. Quoted scalars, and the structure, are the same in both.

So yaml-rs's result is used only when the text holds no plain scalar whose meaning could differ:
`RISKY` finds every plain token that some YAML version reads as other than a string (conservatively:
a token inside a block scalar or a quoted string may be found too), each must be one that both read
alike (`SAME_IN_BOTH`: decimal integers, plain decimals, true/false, null), and the number of
non-string scalars yaml-rs built must equal the number of those tokens (a scalar yaml-rs read as a
number that the scan did not see as one cannot slip through). Anchors, aliases, tags, merge keys,
directives and several documents go to PyYAML, as does anything yaml-rs rejects (duplicate keys,
which PyYAML accepts). Lockfiles are machine-written and pass: pnpm's `true` and yarn's
`version: 6` are the only non-strings they hold. One difference remains, on documents PyYAML
rejects and YAML 1.2 allows (an empty implicit key): yaml-rs's reading is kept, where PyYAML's
error made the lockfile unreadable.
"""

from __future__ import annotations

import re
from typing import Any

# every token YAML 1.1 or 1.2 may resolve to other than a string (a superset of both schemas)
_NON_STR = "|".join((
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",  # bool
    r"~|null|Null|NULL",  # null
    r"[-+]?0(?:b[01_]+|o[0-7_]+|x[0-9a-fA-F_]+)",  # binary (1.1), octal (1.2), hexadecimal
    r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?",  # int, float, base 60
    r"[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?",  # float without an integer part
    r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[^,\]\}#\n]*)?",  # timestamp
    r"<<|=",  # merge key, value key (1.1)
))
# such a token after a blank, `:`, `[`, `{` or `,` (a superset of where a plain scalar starts:
# `_starts_scalar` keeps the real starts), ending where a plain scalar ends: the line's end, a
# comment, a flow indicator, or `:` before a blank (a key)
RISKY = re.compile(r"(?<![^\s\[{,:])(?=[-+.0-9yYnNtTfFoO~<=])(" + _NON_STR + r")(?=[ \t]*(?:$|#|,|\]|\}|:[ \t]|:$))",
                   re.M)
SAME_IN_BOTH = re.compile(r"(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|true|True|TRUE|false|False|FALSE)\Z")
_NULL = frozenset({"~", "null", "Null", "NULL"})
# a quoted scalar on one line, after a blank: the scan skips its contents (yarn's keys are quoted
# and hold `npm:6, ...`). A quote after a blank that is a plain scalar's own character would hide
# the rest of its line; such a scalar holds a quote, and a result holding one is not used.
_QUOTED = re.compile(r""""(?<=\s")(?:[^"\\\n]|\\.)*"|'(?<=\s')(?:[^'\n]|'')*'""")
# what only PyYAML is trusted with: anchors, aliases, tags, directives, documents, merge keys, tabs,
# block scalars (`|`, `>`: the two differ on trailing blank lines) and explicit keys (`?`: a lone
# one in a flow sequence is a null pair to PyYAML, a string to yaml-rs). An indicator counts after
# a blank or a flow indicator (`a>b` and `x || y` hold none).
_INDICATOR = re.compile(r"[&*!?|>](?<=[\s\[{,][&*!?|>])")
_INDICATED = {
    "&": re.compile(r"&[^\s,\]\}]"), "*": re.compile(r"\*[^\s,\]\}]"), "!": re.compile(r"!"),
    "?": re.compile(r"\?(?=[\s,\]\}]|\Z)"), "|": re.compile(r"\|[-+0-9]*[ \t]*(?:#[^\n]*)?(?=\n|\Z)"),
    ">": re.compile(r">[-+0-9]*[ \t]*(?:#[^\n]*)?(?=\n|\Z)"),
}
_PYYAML_ONLY_TEXT = ("<<", "\t", "\n%", "\n---", "\n...")


def _pyyaml_only(text: str) -> bool:
    """Whether `text` (starting with a newline) holds what only PyYAML is trusted with."""
    if any(marker in text for marker in _PYYAML_ONLY_TEXT):
        return True
    for hit in _INDICATOR.finditer(text):
        at = hit.start()
        if _INDICATED[text[at]].match(text, at):
            return True
    return False


def load(text: str) -> Any:
    """`yaml.load(text, CSafeLoader)`'s result; raises ValueError where it raises yaml.YAMLError."""
    fast = _load_fast(text)
    if fast is not None:
        return fast[0]
    return _load_pyyaml(text)


def _load_fast(text: str) -> tuple[Any] | None:
    """(yaml-rs's result,) when it is provably PyYAML's, else None."""
    try:
        import yaml_rs
    except ImportError:
        return None
    text = "\n" + text  # every line, the first too, follows a newline
    if _pyyaml_only(text):
        return None
    scanned = _QUOTED.sub('""', text)
    expected = 0
    for match in RISKY.finditer(scanned):
        token = match.group(1)
        if token in _NULL or not _starts_scalar(scanned, match.start(1)):
            continue
        if SAME_IN_BOTH.match(token) is None:
            return None
        expected += 1
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - whatever yaml-rs rejects, PyYAML decides
        return None
    if _non_strings(data) != expected:
        return None
    return (data,)


def _starts_scalar(text: str, at: int) -> bool:
    """Whether a plain scalar can start at `at`: after `:`, `[`, `{` or `,` and blanks, or at a
    line's start after its indentation and `- ` / `? ` indicators (not inside `a || 5`)."""
    i = at
    while True:
        end = i
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        before = text[i - 1] if i > 0 else "\n"
        if before in "\n:[{,":
            return True
        if before in "-?" and i < end and (i < 2 or text[i - 2] in " \t\n"):
            i -= 1  # a `- ` or `? ` indicator: what precedes it decides
            continue
        return False


def _non_strings(data: Any) -> int | None:
    """Booleans and numbers among the keys and scalar values of `data` (nulls and strings aside);
    None when a string holds a quote character (see _QUOTED). A lockfile holds 50,000 scalars:
    strings are looked at where they sit, only containers go on the stack."""
    count = 0
    stack = [data]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            pairs = item.items()
        elif type(item) is list:
            pairs = ((None, value) for value in item)
        else:
            pairs = ((None, item),)
        for key, value in pairs:
            if type(key) is str:
                if '"' in key or "'" in key:
                    return None
            elif key is not None:
                count += 1
            kind = type(value)
            if kind is str:
                if '"' in value or "'" in value:
                    return None
            elif kind is dict or kind is list:
                stack.append(value)
            elif value is not None:
                count += 1
    return count


def _load_pyyaml(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster; both are safe
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
