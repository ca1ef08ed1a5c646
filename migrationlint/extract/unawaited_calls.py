"""Query-runner calls a class method starts and never waits for (MIG014 reads them).

A statement `queryRunner.query(...)` (or a tagged ``queryRunner.sql`...` ``) with no `await`,
`return` or `void` drops the promise: the method's own promise settles before the query does, so
TypeORM goes on (records the migration, commits) and a failing query becomes an unhandled
rejection. Only promises that write or read the database count: the QueryRunner's own async
methods on the parameter itself, and the writes of the manager, repositories and query builders
reached from it (`queryRunner.manager.save(...)`, `...createQueryBuilder()...execute()`) or from
a DataSource (`AppDataSource.getRepository(User).save(...)`). The parameter is the method's query
runner when the method is `up` or `down` (its first parameter) or the parameter is annotated
`QueryRunner`.
"""

from __future__ import annotations

from typing import Iterator

from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.extract.parsing import text
from migrationlint.extract.records import UnawaitedCall

# Every method of TypeORM's QueryRunner that returns a promise (0.3 and 1.x); its other methods
# (`enableSqlMemory`, `getMemorySql`, `getReplicationMode`...) return plain values
RUNNER_ASYNC = frozenset({
    "addColumn", "addColumns", "afterMigration", "beforeMigration", "changeColumn", "changeColumns",
    "changeTableComment", "clearDatabase", "clearTable", "commitTransaction", "connect",
    "createCheckConstraint", "createCheckConstraints", "createDatabase", "createExclusionConstraint",
    "createExclusionConstraints", "createForeignKey", "createForeignKeys", "createIndex", "createIndices",
    "createPrimaryKey", "createSchema", "createTable", "createUniqueConstraint", "createUniqueConstraints",
    "createView", "dropCheckConstraint", "dropCheckConstraints", "dropColumn", "dropColumns", "dropDatabase",
    "dropExclusionConstraint", "dropExclusionConstraints", "dropForeignKey", "dropForeignKeys", "dropIndex",
    "dropIndices", "dropPrimaryKey", "dropSchema", "dropTable", "dropUniqueConstraint",
    "dropUniqueConstraints", "dropView", "executeMemoryDownSql", "executeMemoryUpSql", "getCurrentDatabase",
    "getCurrentSchema", "getDatabases", "getSchemas", "getTable", "getTables", "getView", "getViews",
    "hasColumn", "hasDatabase", "hasSchema", "hasTable", "query", "release", "renameColumn", "renameTable",
    "rollbackTransaction", "sql", "startTransaction", "stream", "updatePrimaryKeys",
})
# The writes of an EntityManager, a Repository or a query builder reached from the runner: a read
# dropped on the floor is dead code, a write dropped is the bug
WRITES = frozenset({
    "query", "save", "insert", "update", "upsert", "delete", "remove", "softDelete", "softRemove",
    "restore", "recover", "increment", "decrement", "clear", "transaction", "execute", "sql",
})
_FUNCTIONS = frozenset({
    "arrow_function", "function_expression", "function_declaration", "generator_function",
    "generator_function_declaration", "method_definition",
})
Q_STATEMENT_CALLS = """(expression_statement (call_expression
  function: (member_expression property: (property_identifier) @method)) @call)"""
Q_LOCALS = """(variable_declarator name: (identifier) @name value: (_) @value)"""
Q_FOR_EACH = """(expression_statement (call_expression
  function: (member_expression property: (property_identifier) @method)
  arguments: (arguments . [(arrow_function) (function_expression)] @callback)) @call)"""
Q_IDENTIFIERS = """(identifier) @id"""


def unawaited_runner_calls(method: Node, dialect: str) -> list[UnawaitedCall]:
    """The calls on `method`'s query runner whose promise a statement drops, in the method or in a
    function nested in it, and the `forEach` calls whose async callback uses the runner (forEach
    drops each callback's promise). The runner is reached by its parameter, a local alias of it
    (`const qr = queryRunner`) or a local holding what it gives (`const repo =
    queryRunner.manager.getRepository(User)`), whose writes count."""
    runner = _runner_parameter(method)
    body = method.child_by_field_name("body")
    if runner is None or body is None:
        return []
    aliases, derived = _locals_from_runner(body, runner, dialect)
    roots = aliases | derived
    found = _async_for_each(body, roots, dialect)
    loops = [(f.start, f.end) for f in found]
    for _, m in parsing.cursor(dialect, Q_STATEMENT_CALLS).matches(body):
        call, name = m["call"][0], text(m["method"][0])
        receiver = call.child_by_field_name("function").child_by_field_name("object")
        direct = receiver is not None and receiver.type == "identifier" and text(receiver) in aliases
        if not ((name in RUNNER_ASYNC) if direct else (name in WRITES and (
                _chain_root(receiver) in roots or _through_orm(receiver)))):
            continue
        if any(start <= call.start_byte < end for start, end in loops):
            continue  # said once, at the forEach that drops the callback's promise
        place = "callback" if _enclosing_function(call) != method else "async" if _is_async(method) else "method"
        found.append(UnawaitedCall(text(call.child_by_field_name("function")), call.start_byte, call.end_byte, place))
    return sorted(found, key=lambda f: f.start)


def _locals_from_runner(body: Node, runner: str, dialect: str) -> tuple[set[str], set[str]]:
    """({the runner's name and its aliases}, {locals holding a manager, repository or builder it gives})."""
    aliases, derived = {runner}, set()
    for _, m in parsing.cursor(dialect, Q_LOCALS).matches(body):
        name, value = text(m["name"][0]), m["value"][0]
        if value.type == "identifier" and text(value) in aliases:
            aliases.add(name)
        elif value.type in ("member_expression", "call_expression") and _chain_root(value) in aliases | derived:
            derived.add(name)
    return aliases, derived


def _async_for_each(body: Node, roots: set[str], dialect: str) -> list[UnawaitedCall]:
    """`rows.forEach(async (row) => { await queryRunner.query(...) })` statements: forEach calls the
    callback and drops the promise it returns, so nothing waits for the queries."""
    found = []
    for _, m in parsing.cursor(dialect, Q_FOR_EACH).matches(body):
        call, callback = m["call"][0], m["callback"][0]
        if text(m["method"][0]) != "forEach" or not _is_async(callback):
            continue
        if any(text(n) in roots for n in parsing.cursor(dialect, Q_IDENTIFIERS).captures(callback).get("id", [])):
            found.append(UnawaitedCall(text(call.child_by_field_name("function")), call.start_byte, call.end_byte,
                                       "forEach"))
    return found


def _runner_parameter(method: Node) -> str | None:
    """The name of the parameter that holds the query runner, if the method has one."""
    params = method.child_by_field_name("parameters")
    name = method.child_by_field_name("name")
    first = True
    for p in params.named_children if params is not None else ():
        if p.type not in ("required_parameter", "optional_parameter"):
            continue
        pattern, annotation = p.child_by_field_name("pattern"), p.child_by_field_name("type")
        if pattern is None or pattern.type != "identifier":
            first = False
            continue
        typed = text(annotation).lstrip(":").strip() if annotation is not None else ""
        if "QueryRunner" in typed:
            return text(pattern)
        if first and name is not None and text(name) in ("up", "down") and typed in ("", "any"):
            return text(pattern)
        first = False
    return None


def _chain(node: Node | None) -> Iterator[Node]:
    """The nodes of a member/call chain from its end to its start (`qr.manager.getRepository(X).save`:
    the `.save` member, the call, `.getRepository`, `.manager`, then `qr`)."""
    while node is not None:
        yield node
        kind = node.type
        if kind == "member_expression":
            node = node.child_by_field_name("object")
        elif kind == "call_expression":
            node = node.child_by_field_name("function")
        elif kind in ("non_null_expression", "parenthesized_expression"):
            node = node.named_children[0] if node.named_children else None
        else:
            return


def _chain_root(node: Node | None) -> str | None:
    """The identifier a member/call chain starts from (`qr` in `qr.manager.getRepository(X).save`)."""
    nodes = list(_chain(node))
    return text(nodes[-1]) if nodes and nodes[-1].type == "identifier" else None


def _through_orm(node: Node | None) -> bool:
    """Whether a member/call chain passes through TypeORM's entry points to data, from any root
    (`AppDataSource.getRepository(User)`, `dataSource.manager`, `createQueryBuilder()`): a write at its
    end is a database write, whoever holds the DataSource."""
    return any(n.type == "member_expression" and (p := n.child_by_field_name("property")) is not None
               and text(p) in _ORM_STEPS for n in _chain(node))


_ORM_STEPS = frozenset({"manager", "getRepository", "getTreeRepository", "getMongoRepository", "createQueryBuilder"})


def _enclosing_function(node: Node) -> Node | None:
    n = node.parent
    while n is not None and n.type not in _FUNCTIONS:
        n = n.parent
    return n


def _is_async(function: Node) -> bool:
    return any(c.type == "async" for c in function.children)
