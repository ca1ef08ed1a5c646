"""The tables a migration's `up` touches, read from its code: whether two migrations commute.

Two migrations that share a timestamp run in load order (MIG004's warning), which matters only
when one of them reads or changes what the other creates or changes. A table a migration names only
as a foreign key's target (`REFERENCES users`, `referencedTableName: 'users'`) is one it leaves as it
is: two migrations that both point at `users` and change different tables commute. Their `up` methods name the
tables: in SQL strings given to `queryRunner.query` (`CREATE TABLE "orders"`, `ALTER TABLE`,
`INSERT INTO`, `REFERENCES`, `FROM`, `JOIN`; an index's table, which keeps its rows and columns, apart)
and in the QueryRunner API's table arguments
(`createTable(new Table({ name: 'orders' }))`, `addColumn('orders', ...)`,
`createForeignKey('orders', new TableForeignKey({ referencedTableName: 'users' }))`), and lookups on
the metadata `getTable()` returns (`findColumnByName`) touch nothing. Anything else
in `up` that may write (an entity manager's `save`, a loop building names, a call to a helper)
leaves the set unknown. Asked only for the migrations that share a timestamp: the file is parsed
again with tree-sitter; the SQL inside the strings is searched for the table after each keyword.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tree_sitter import Node

from migrationlint.extract import parsing

# the table after a keyword of the statements migrations write, quoted or not, schema included
_SQL_TABLE = re.compile(
    r"\b(TABLE(?:\s+IF\s+(?:NOT\s+)?EXISTS)?|INTO|UPDATE|FROM|JOIN|REFERENCES|ON)\s+(?:ONLY\s+)?"
    r"((?:[\"`\[]?\w+[\"`\]]?\.)?[\"`\[]?\w+[\"`\]]?)", re.IGNORECASE)
# a type a statement creates or changes (`ALTER TYPE "orders_status_enum" ADD VALUE 'held'`), the
# value it adds, and a column comment's table (`COMMENT ON COLUMN "orders"."note" IS '...'`)
_SQL_TYPE = re.compile(r"\b(?:CREATE|ALTER|DROP)\s+TYPE\s+(?:IF\s+EXISTS\s+)?((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)",
                       re.IGNORECASE)
_ADDED_VALUE = re.compile(r"\bADD\s+VALUE\s+(?:IF\s+NOT\s+EXISTS\s+)?'([^']*)'", re.IGNORECASE)
_COMMENTED_COLUMN = re.compile(r"\bCOMMENT\s+ON\s+COLUMN\s+((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)\.[\"`]?\w+[\"`]?",
                               re.IGNORECASE)
# `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table [USING gin] (columns)`: the table keeps
# its rows and columns, so the index commutes with what does not change those columns or the table itself
_SQL_INDEX = re.compile(
    r"\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?([\"`]?\w+[\"`]?\s+)?ON\s+(?:ONLY\s+)?"
    r"((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)\s*(?:USING\s+\w+\s*)?\(([^;]*)", re.IGNORECASE)
_DROPPED_INDEX = re.compile(r"\bDROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)",
                            re.IGNORECASE)
# a column a statement changes (`ADD COLUMN "note"`, `DROP COLUMN`, `ALTER COLUMN`, `RENAME COLUMN a TO b`), and a table
# it creates, drops or renames: what an index on that table may depend on
_CHANGED_COLUMN = re.compile(r"\b(?:ADD|DROP|ALTER|RENAME)\s+(?:COLUMN\s+)?(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[\"`]?(\w+)",
                             re.IGNORECASE)
_WHOLE_TABLE = re.compile(r"\b(?:CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)"
                          r"|\bALTER\s+TABLE\s+((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)\s+RENAME\s+TO\b", re.IGNORECASE)
_LITERAL = re.compile(r"'([^'\n]*)'")
# a sequence a statement creates, changes or drops: other SQL reaches it only by its name (`nextval('s')`)
_SEQUENCE = re.compile(r"\b(?:CREATE|ALTER|DROP)\s+SEQUENCE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?"
                       r"((?:[\"`]?\w+[\"`]?\.)?[\"`]?\w+[\"`]?)", re.IGNORECASE)
_JOIN_BEFORE = re.compile(r"\bJOIN\s+\S+(?:\s+(?:AS\s+)?\w+)?\s*$", re.IGNORECASE)
_INDEX_BEFORE = re.compile(r"\bINDEX\b[^;]*$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_DELETE_BEFORE = re.compile(r"\bDELETE\s+$", re.IGNORECASE)
_NOT_TABLES = frozenset({"select", "set", "delete", "update", "cascade", "table", "exists", "not", "if", "only",
                         "conflict", "column", "constraint", "each", "row", "commit", "drop", "lateral"})
# QueryRunner methods whose first argument is a table (name or Table object)
_TABLE_METHODS = frozenset({
    "createTable", "dropTable", "renameTable", "addColumn", "addColumns", "dropColumn", "dropColumns", "renameColumn",
    "changeColumn", "changeColumns", "createIndex", "createIndices", "dropIndex", "dropIndices", "createForeignKey",
    "createForeignKeys", "dropForeignKey", "dropForeignKeys", "createPrimaryKey", "dropPrimaryKey",
    "createUniqueConstraint", "dropUniqueConstraint", "createCheckConstraint", "dropCheckConstraint",
    "clearTable", "hasTable", "hasColumn", "getTable"})
# lookups on the Table metadata `getTable()` returns (`table?.findColumnByName('isExternal')`): no side effect
_METADATA_CALLS = frozenset({"findColumnByName", "findColumnIndices", "findColumnForeignKeys", "findColumnUniques",
                             "findColumnChecks", "findColumnExclusions"})
# a promise handler chained on a call read here (`queryRunner.query(sql).catch(log)`: its callback is read
# too), and array lookups over metadata or rows already fetched (`table.foreignKeys.find(...)`): no side effect
_CHAIN_CALLS = frozenset({"then", "catch", "finally"})
_ARRAY_CALLS = frozenset({"find", "some", "every", "filter", "map", "includes", "indexOf", "findIndex", "forEach",
                          "join", "toString", "toLowerCase", "toUpperCase", "trim", "split", "replace", "startsWith"})
# global functions with no side effect (`parseInt(rows[0]?.count || '0', 10)`)
_PURE_FUNCTIONS = frozenset({"parseInt", "parseFloat", "Number", "String", "Boolean", "JSON.parse", "JSON.stringify",
                             "Array.isArray", "Object.keys", "Object.values", "Object.entries", "Math.max", "Math.min"})
_SAFE_CALLS = frozenset({"query", "startTransaction", "commitTransaction"}) | _TABLE_METHODS | _METADATA_CALLS \
    | _CHAIN_CALLS | _ARRAY_CALLS
_NAME_KEYS = frozenset({"referencedTableName", "tableName"})  # of a foreign key's or index's options
_TARGET_KEY = "referencedTableName"  # a foreign key's target: named, not changed


class Tables(NamedTuple):
    """The tables a migration's `up` names: those it may change, and those it names only as a
    foreign key's target; the types it creates or changes (`ALTER TYPE "orders_status_enum" ADD
    VALUE 'held'`), the enum values it adds, and every word of its SQL (what another's types clash with)."""

    changed: frozenset[str]
    targets: frozenset[str]
    types: frozenset[str] = frozenset()
    values: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    reads: frozenset[str] = frozenset()  # tables it only reads (`SELECT COUNT(*) FROM t`, a `JOIN`)
    indexes: frozenset[tuple[str, frozenset[str]]] = frozenset()  # (table, words of its columns) it indexes
    index_names: frozenset[str] = frozenset()  # indexes it creates or drops
    columns: frozenset[str] | None = frozenset()  # columns it changes; None: a table changed by the API, unknown
    whole: frozenset[str] = frozenset()  # tables it creates, drops or renames
    literals: frozenset[str] = frozenset()  # its SQL's single-quoted strings, as written
    sequences: frozenset[str] = frozenset()  # sequences it creates, changes or drops

    def commutes_with(self, other: Tables) -> bool:
        """Whether neither changes a table the other names, nor a type the other may use, nor what
        an index of the other depends on: run in either order, same schema and data (two reads of one
        table commute; so do an index and a read, or a change to columns the index does not use)."""
        return not self.changed & (other.changed | other.targets | other.reads) \
            and not other.changed & (self.targets | self.reads) \
            and not self._types_used_by(other) and not other._types_used_by(self) \
            and not self._indexes_hit_by(other) and not other._indexes_hit_by(self) \
            and not self.sequences & other.words and not other.sequences & self.words

    def _types_used_by(self, other: Tables) -> bool:
        """Whether the other migration may use a type this one changes: it names the type, spells a
        value this one adds as a string (enum labels are case-sensitive literals), or changes a table
        whose enum it is (TypeORM names a column's enum `<table>_<column>_enum`)."""
        tables = other.changed | other.targets
        return bool(self.types & other.words or self.values & other.literals) or any(
            t.startswith(table + "_") for t in self.types for table in tables)

    def _indexes_hit_by(self, other: Tables) -> bool:
        """Whether the other migration changes what an index of this one depends on: its table as a
        whole, a column the index names (any, when the QueryRunner API changed the table), or an index
        of the same name."""
        if self.index_names & other.index_names:
            return True
        return any(table in other.whole or table in other.changed and (other.columns is None or columns & other.columns)
                   for table, columns in self.indexes)


def tables_touched(data: bytes, path: str, start: int, end: int) -> Tables | None:
    """The tables the `up` method of the class at bytes `start:end` of the file names, lower-cased
    without quotes; None when it does anything else that may touch a table (or has no `up`)."""
    return _tables(data, path, start, end)


@lru_cache(maxsize=256)
def _tables(data: bytes, path: str, start: int, end: int) -> Tables | None:
    tree = parsing.parse(data, path)
    cls = _class_at(tree.root_node.descendant_for_byte_range(start, end))
    up = _method(cls, "up") if cls is not None else None
    if up is None:
        return None
    found: set[str] = set()  # tables the SQL changes
    api: set[str] = set()  # tables QueryRunner calls and `new Table(...)` name
    targets: set[str] = set()
    reads: set[str] = set()
    sql: list[str] = []
    strings: set[str] = set()
    stack = [up.child_by_field_name("body")]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.type == "call_expression" and not _readable_call(node, api, targets):
            return None
        if node.type in ("string", "template_string"):
            if node.type == "string":  # a JavaScript string is a value as well (`enum: ["held"]`)
                strings.add(parsing.string_value(node) or "")
            # a template's escaped backtick (`` \`users\` ``, MySQL's quoting) is a backtick in the SQL sent
            sql.append(parsing.text(node).replace("\\`", "`") if node.type == "template_string" else parsing.text(node))
            _sql_tables(sql[-1], found, targets, reads)
            continue
        if node.type == "new_expression":
            api.update(_table_object_name(node))
        stack.extend(node.named_children)
    text = "\n".join(sql)
    types = frozenset(_bare(m.group(1)) for m in _SQL_TYPE.finditer(text))
    indexes = frozenset((_bare(m.group(2)), frozenset(w.lower() for w in _WORD.findall(m.group(3))))
                        for m in _SQL_INDEX.finditer(text))
    sequences = frozenset(_bare(m.group(1)) for m in _SEQUENCE.finditer(text))
    if not (found or api or targets or types or reads or indexes or sequences):
        return None
    words = frozenset(w.lower() for w in _WORD.findall(text))
    names = {_bare(m.group(1).strip()) for m in _SQL_INDEX.finditer(text) if m.group(1)} | \
        {_bare(m.group(1)) for m in _DROPPED_INDEX.finditer(text)}
    columns = None if api - found else frozenset(c.lower() for c in _CHANGED_COLUMN.findall(text))
    found |= api
    whole = frozenset(_bare(a or b) for a, b in _WHOLE_TABLE.findall(text))
    return Tables(frozenset(found), frozenset(targets - found), types, frozenset(_ADDED_VALUE.findall(text)), words,
                  frozenset(reads - found), indexes, frozenset(names), columns, whole,
                  frozenset(_LITERAL.findall(text)) | frozenset(strings), sequences)


_CLASSES = ("class_declaration", "abstract_class_declaration", "class")


def _class_at(node: Node | None) -> Node | None:
    """The class the span names: the node itself, or the first class inside it (`export class`)."""
    stack = [node]
    while stack:
        n = stack.pop(0)
        if n is None or n.type in _CLASSES:
            return n
        stack.extend(n.named_children)
    return None


def _method(cls: Node, name: str) -> Node | None:
    body = cls.child_by_field_name("body")
    for member in body.named_children if body is not None else ():
        key = member.child_by_field_name("name")
        if member.type == "method_definition" and key is not None and parsing.text(key) == name:
            return member
    return None


def _readable_call(call: Node, found: set[str], targets: set[str]) -> bool:
    """Whether the call is one whose tables are read here: a QueryRunner method (its first string
    argument, and the `referencedTableName`/`tableName` strings of the objects it is given),
    `query`, or a `console` method (a progress message). Anything else may touch any table."""
    fn = call.child_by_field_name("function")
    method = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else None
    receiver = fn.child_by_field_name("object") if method is not None else None
    if receiver is not None and receiver.type == "identifier" and parsing.text(receiver) == "console":
        return True  # `console.log('Creating tables')`: touches no table
    if fn is not None and parsing.text(fn) in _PURE_FUNCTIONS:
        return True
    if method is None or parsing.text(method) not in _SAFE_CALLS:
        return False
    args = call.child_by_field_name("arguments")
    first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
    if parsing.text(method) in _TABLE_METHODS and first is not None and first.type == "string":
        found.add(_bare(parsing.string_value(first) or ""))
    for pair in _pairs(args):
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if key is not None and parsing.text(key) in _NAME_KEYS and value is not None and value.type == "string":
            (targets if parsing.text(key) == _TARGET_KEY else found).add(_bare(parsing.string_value(value) or ""))
    return True


def _table_object_name(new: Node) -> set[str]:
    """`new Table({ name: 'orders', columns: [...] })`: the table's own `name` (not its columns')."""
    ctor, args = new.child_by_field_name("constructor"), new.child_by_field_name("arguments")
    first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
    if ctor is None or parsing.text(ctor) != "Table" or first is None or first.type != "object":
        return set()
    for pair in first.named_children:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type == "pair" and key is not None and parsing.text(key) == "name" and value is not None \
                and value.type == "string":
            return {_bare(parsing.string_value(value) or "")}
    return set()


def _pairs(node: Node | None) -> list[Node]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n is None:
            continue
        if n.type == "pair":
            out.append(n)
        stack.extend(n.named_children)
    return out


def _sql_tables(sql: str, found: set[str], targets: set[str], reads: set[str]) -> None:
    """The tables the SQL names, into `found`, `targets` for a foreign key's (`REFERENCES t`), or
    `reads` for one it only reads (`FROM t` but `DELETE FROM t`, `JOIN t`)."""
    for m in _SQL_TABLE.finditer(sql):
        table = _bare(m.group(2))
        keyword = m.group(1).upper()
        if keyword == "ON" and (_JOIN_BEFORE.search(sql, 0, m.start()) or _INDEX_BEFORE.search(sql, 0, m.start())):
            continue  # a join's condition (`JOIN items i ON i.id = ...`), or an index's table (read above)
        if table and table not in _NOT_TABLES:
            read = keyword == "JOIN" or keyword == "FROM" and not _DELETE_BEFORE.search(sql, 0, m.start())
            (targets if keyword == "REFERENCES" else reads if read else found).add(table)
    found.update(_bare(m.group(1)) for m in _COMMENTED_COLUMN.finditer(sql))


def _bare(name: str) -> str:
    """`"public"."Orders"` -> `orders`: the table without quotes or schema, lower-cased."""
    return re.sub(r"[\"`\[\]]", "", name).rsplit(".", 1)[-1].lower()
