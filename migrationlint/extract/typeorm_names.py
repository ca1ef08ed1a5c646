"""How TypeORM reads a migration's name and timestamp, reproduced exactly (the MIG001-MIG006 rule pages say what TypeORM does).

TypeORM (0.2.20 through 1.1.x) takes the instance field `name` if set, else the class name, and
computes the timestamp as JavaScript `parseInt(name.substr(-13), 10)`: NaN or 0 is fatal.
Everything here is pure and small so that the verdict table can be tested case by case.
"""

from __future__ import annotations

import re
import time
from typing import NamedTuple
from datetime import datetime, UTC

from migrationlint.extract.records import Binding, ImportFact

MIN_PLAUSIBLE_MS = 978_307_200_000  # 2001-01-01T00:00:00Z
ONE_YEAR_MS = 366 * 24 * 3600 * 1000
_WS = " \t\n\r\v\f\u00a0\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_FILE_PREFIX = re.compile(r"^(\d+)(?=[-_.])")
_TRAILING_DIGITS = re.compile(r"(\d+)$")


def js_parse_int(text: str) -> int | None:
    """JavaScript `parseInt(text, 10)`: skip leading whitespace, optional sign, longest digit
    prefix. None stands for NaN."""
    s = text.lstrip(_WS)
    sign = 1
    if s[:1] in "+-" and s:
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    m = re.match(r"[0-9]+", s)
    if m is None:
        return None
    return sign * int(m.group(0))


def timestamp_of(name: str) -> int | None:
    """The timestamp TypeORM reads from an effective migration name (None for NaN)."""
    return js_parse_int(name[-13:])


def is_fatal(name: str) -> bool:
    """True when TypeORM refuses to start: the timestamp is NaN or 0."""
    ts = timestamp_of(name)
    return ts is None or ts == 0


def runtime_error(name: str) -> str:
    return (f"{name} migration name is wrong. Migration class name should have a JavaScript "
            f"timestamp appended.")


def effective_name(class_name: str, name_value: str | None, typeorm_major: int | None) -> tuple[str, str]:
    """The name TypeORM uses, and where it came from (`class`, `name`, or `name-empty-unknown`).

    `name = ''` falls back to the class name in 0.x (`||`) and is used as is from 1.0 (`??`).
    For an unknown version the 1.x reading is returned with the marker `name-empty-unknown`.
    """
    if name_value is None:
        return class_name, "class"
    if name_value == "":
        if typeorm_major is not None and typeorm_major < 1:
            return class_name, "class"
        return "", "name-empty" if typeorm_major is not None else "name-empty-unknown"
    return name_value, "name"


def file_prefix(filename: str) -> str | None:
    """The digits the file name starts with (`1700000000000-Foo.ts` -> `1700000000000`)."""
    m = _FILE_PREFIX.match(filename)
    return m.group(1) if m else None


def to_millis(digits: str) -> int | None:
    """A timestamp written as 13 digits (ms), 14 digits (YYYYMMDDHHMMSS, UTC) or 10 digits (s)."""
    if len(digits) == 13:
        return int(digits)
    if len(digits) == 10:
        return int(digits) * 1000
    if len(digits) == 14:
        try:
            dt = datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            return None
        return int(dt.timestamp() * 1000)
    return None


def dated_millis(digits: str) -> int | None:
    """14 digits as a date-time (`to_millis`), or, when the last six are no time of day (a day's
    sequence number, `20180305300000`), the start of the day the first eight name; None when those
    are no date either."""
    found = to_millis(digits)
    if found is not None or len(digits) != 14:
        return found
    try:
        return int(datetime.strptime(digits[:8], "%Y%m%d").replace(tzinfo=UTC).timestamp() * 1000)
    except ValueError:
        return None


def now_ms() -> int:
    return int(time.time() * 1000)


def plausible(ms: int | None, now: int | None = None) -> bool:
    """After 2001 and not more than a year in the future."""
    if ms is None:
        return False
    return MIN_PLAUSIBLE_MS <= ms <= (now or now_ms()) + ONE_YEAR_MS


def is_placeholder(digits: str) -> bool:
    """Obvious hand-typed placeholders: `1234567890123`, `0000000000001`, `1111111111111`."""
    if len(set(digits)) == 1:
        return True
    if digits in "12345678901234567890" or digits in "01234567890123456789":
        return True
    stripped = digits.lstrip("0")
    return len(stripped) <= 3


_PLACEHOLDER = re.compile(r"""['"`]?\$\{[^}]*\}['"`]?|\{\{[^}]*\}\}|<%=?[^%]*%>|['"`]?\$[A-Za-z_]\w*['"`]?""")


def has_placeholder(name: str) -> bool:
    """True when a name still holds a template placeholder (`$timestamp`, `${ts}`, `{{ts}}`, `<%= ts %>`)."""
    return bool(_PLACEHOLDER.search(name))


def strip_placeholders(name: str) -> str:
    """The name with template placeholders (and the quotes around them) removed."""
    return _PLACEHOLDER.sub("", name)


def split_timestamp(name: str) -> tuple[str, str | None]:
    """Split `Base<timestamp>` into (Base, digits) without parsing trailing digits greedily.

    A name may end in digits that belong to it (`ClipEmbeddingFloat4`), so only a suffix of 13,
    14 or 10 digits that reads as a plausible timestamp (or an obvious placeholder of 13) is taken.
    """
    m = _TRAILING_DIGITS.search(name)
    if m is None:
        return name, None
    run = m.group(1)
    for size in (13, 14, 10):
        if len(run) < size:
            continue
        digits = run[-size:]
        if size == 13 and (plausible(int(digits)) or is_placeholder(digits)):
            return name[:-size], digits
        if size == 14 and plausible(dated_millis(digits)):
            return name[:-size], digits
        if size == 10 and len(run) != 13 and plausible(to_millis(digits)):
            return name[:-size], digits  # 13 digits are TypeORM's milliseconds, whatever their last 10 say
    if len(run) == 13:
        return name[:-13], run
    return name, None


def describe(ms: int) -> str:
    """`1977-12-06 ...` style date for messages."""
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return "an impossible date"


class TypeormBindings(NamedTuple):
    """The names a file binds to typeorm's value exports: `named` maps a local name to its import
    and binding (`import { TableIndex as Idx }`), `namespaces` a namespace local to its import
    (`import * as orm`, `import orm = require`). Type-only imports bind nothing at runtime."""

    named: dict[str, tuple[ImportFact, Binding]]
    namespaces: dict[str, ImportFact]

    def imported_name(self, callee: str) -> str | None:
        """The typeorm export `callee` names (`Idx` -> TableIndex, `orm.Table` -> Table), else None."""
        if "." in callee:
            ns, _, prop = callee.rpartition(".")
            return prop if ns in self.namespaces else None
        hit = self.named.get(callee)
        return hit[1].imported if hit is not None else None


NO_TYPEORM = TypeormBindings({}, {})


def typeorm_bindings(imports: list[ImportFact]) -> TypeormBindings:
    """What `imports` bind to typeorm; the first import of a name wins, as in the file's scope."""
    named: dict[str, tuple[ImportFact, Binding]] = {}
    namespaces: dict[str, ImportFact] = {}
    for imp in imports:
        spec = imp.specifier
        if spec == "typeorm" and not imp.type_only:
            for n in (imp.namespace, imp.default if imp.kind == "import-equals" else None):
                if n:
                    namespaces.setdefault(n, imp)
        if imp.kind in ("import", "require") and (spec == "typeorm" or spec.startswith("typeorm/")):
            for b in imp.bindings:
                if not b.type_only:
                    named.setdefault(b.local, (imp, b))
    return TypeormBindings(named, namespaces)
