"""DataSource option facts: `migrations:` values and the driver `type:` of TypeORM connection
options, found by the shape around them (no evaluation).
"""

from __future__ import annotations

import itertools
import re

from tree_sitter import Node

from migrationlint.extract.records import (
    FileFacts,
    MigrationsOption,
)
from migrationlint.extract.import_shapes import outside_production
from migrationlint.extract.parsing import string_value, text
from migrationlint.extract.path_exprs import MAX_CHOICES, const_value, glob_choices
from migrationlint.extract.tree_lookups import (
    bound_in_file,
    ident_nodes,
    pair_nodes,
    unwrap_casts,
)


def _migrations_options(pair: Node, value: Node) -> list[MigrationsOption]:
    """The option, or one option per alternative when conditionals choose what it loads
    (`migrations: [`${dir}/${isMySQL ? 'mysql' : 'sqlite'}/*.js`]`, `isProd ? [a] : [b]`): TypeORM
    loads one of them, never their union, so each is a migration set of its own. Past MAX_CHOICES
    alternatives the option reads as one we cannot follow."""
    combos: list[list[tuple[str, str, int, int]]] = []
    for branch in _branches(value):
        per_item = [_item_choices(item) for item in _items(branch) if item.type != "comment"]
        combos += [list(c) for c in itertools.islice(itertools.product(*per_item), MAX_CHOICES + 1)]
    if len(combos) > MAX_CHOICES:
        combos = [[("other", text(value), value.start_byte, value.end_byte)]]
    return [MigrationsOption(start=pair.start_byte, end=pair.end_byte, items=items, alternative=n)
            for n, items in enumerate(combos)]


def _branches(value: Node) -> list[Node]:
    """The values a `migrations:` option may take: both branches of `cond ? [a] : [b]` (nested
    conditionals and parentheses included), else the value itself."""
    if value.type == "parenthesized_expression" and len(value.named_children) == 1:
        return _branches(value.named_children[0])
    if value.type == "ternary_expression":
        branches = [value.child_by_field_name("consequence"), value.child_by_field_name("alternative")]
        if all(b is not None and b.type in ("array", "ternary_expression", "parenthesized_expression")
               for b in branches):
            return [leaf for b in branches for leaf in _branches(b)]  # type: ignore[arg-type]
    return [value]


def _items(value: Node) -> list[Node]:
    return list(value.named_children) if value.type == "array" else [value]


def _item_choices(item: Node) -> list[tuple[str, str, int, int]]:
    """The ways one item reads: a glob per alternative it spells, an identifier, or other text."""
    choices = glob_choices(item)
    if choices is not None:
        return [("glob", glob, item.start_byte, item.end_byte) for glob in choices]
    if item.type in ("identifier", "shorthand_property_identifier"):
        value = const_value(item)
        if value is not None and unwrap_casts(value).type not in ("array", "identifier") \
                or value is None and bound_in_file(item, item.text):
            # `const migrations = path.relative(cwd, ...)`: a path computed at start-up, no class list;
            # `const [migrations] = folders.map(...)`, a parameter, a `let`: nothing known to list
            return [("other", text(item), item.start_byte, item.end_byte)]
        return [("ident", text(item), item.start_byte, item.end_byte)]
    if item.type == "spread_element" and item.named_children and item.named_children[0].type == "identifier":
        return [("ident", text(item.named_children[0]), item.start_byte, item.end_byte)]
    return [("other", text(item), item.start_byte, item.end_byte)]


# every form _is_orm_options accepts names one of these: files without them have no `orm_types`, and
# the `type` keys of everything else (GraphQL, @Column({ type })) are not worth a tree lookup each
_ORM_OPTIONS_HINTS = (b"TypeOrm", b"DataSource", b"Connection")


def orm_options_hint(data: bytes) -> bool:
    """Whether `data` names one of _ORM_OPTIONS_HINTS (three byte searches: 10x faster than a regex)."""
    return any(hint in data for hint in _ORM_OPTIONS_HINTS)


_ORM_OPTIONS_TYPE = re.compile(r"\b(?:DataSource|TypeOrmModule|\w*Connection)Options\b")


_ORM_PASS_THROUGH = frozenset({
    "arguments", "parenthesized_expression", "return_statement", "statement_block", "array", "await_expression",
    "spread_element",
})


def _orm_type_role(pair: Node) -> str | None:
    """"type" when `pair` is the driver `type:` of TypeORM connection options, "cache" when it is the
    `type:` of their `cache: {...}`, else None (a `type:` of anything else: GraphQL, Redis, configs)."""
    obj = pair.parent
    if obj is None or obj.type != "object":
        return None
    owner = obj.parent
    if owner is not None and owner.type == "pair":
        key = owner.child_by_field_name("key")
        if key is None or text(key) != "cache" or owner.parent is None:
            return None
        return "cache" if _is_orm_options(owner.parent) else None
    return "type" if _is_orm_options(obj) else None


def _is_orm_options(obj: Node) -> bool:
    """Whether an object literal is TypeORM connection options: passed to `new DataSource`,
    `TypeOrmModule.forRoot(Async)` (also through `useFactory`), `createConnection`, returned by
    `createTypeOrmOptions()`, or typed/asserted as `DataSourceOptions`, `TypeOrmModuleOptions`..."""
    n = obj
    for _ in range(12):
        p = n.parent
        if p is None:
            return False
        t = p.type
        if t == "call_expression":
            fn = p.child_by_field_name("function")
            name = text(fn) if fn is not None else ""
            last = name.rsplit(".", 1)[-1]
            return (last in ("forRoot", "forRootAsync") and "TypeOrm" in name) or last in (
                "createConnection", "createConnections")
        if t == "new_expression":
            ctor = p.child_by_field_name("constructor")
            return ctor is not None and text(ctor).rsplit(".", 1)[-1] in ("DataSource", "Connection")
        if t in ("as_expression", "satisfies_expression"):
            if _ORM_OPTIONS_TYPE.search(text(p.named_children[-1])):
                return True
        elif t == "variable_declarator":
            ann = p.child_by_field_name("type")
            return ann is not None and bool(_ORM_OPTIONS_TYPE.search(text(ann)))
        elif t in ("arrow_function", "function_expression", "function_declaration", "method_definition"):
            ret = p.child_by_field_name("return_type")
            if ret is not None and _ORM_OPTIONS_TYPE.search(text(ret)):
                return True
            name = p.child_by_field_name("name")
            if name is not None and text(name) == "createTypeOrmOptions":
                return True
            if t in ("function_declaration", "method_definition"):
                return False
        elif t == "pair":
            key = p.child_by_field_name("key")
            if key is None or text(key) != "useFactory":
                return False
        elif t != "object" and t not in _ORM_PASS_THROUGH:
            return False
        n = p
    return False


# keys connection options hold beside `migrations` (an object of other keys is something else's)
_OPTION_KEYS = frozenset({"type", "entities", "migrationsTableName", "migrationsRun", "database", "url", "host",
                          "synchronize", "subscribers", "cli", "name", "schema", "logging", "extra"})


def _computed_elsewhere(pair: Node, value: Node) -> bool:
    """Whether `migrations:` is some other object's key: its value is computed by a call or read off
    another object (`{ migrations: this.migrationService.listMigrations() }`, a REST reply), in an
    object that is no connection options. Arrays, globs and names still count wherever they stand
    (an ormconfig module, options spread into a DataSource); a shorthand `migrations` only beside
    their keys, or where the options are read as such."""
    return unwrap_casts(value).type in ("call_expression", "member_expression", "await_expression") \
        and _other_objects_key(pair)


def _other_objects_key(member: Node) -> bool:
    """Whether the object holding this `migrations` member is no connection options: not passed or
    typed as such, holding none of their other keys and no spread that could bring them
    (`{ table, fromShard, migrations }`, a plan of shard data moves)."""
    obj = member.parent
    if obj is None or obj.type != "object" or _is_orm_options(obj) \
            or any(c.type == "spread_element" for c in obj.named_children):
        return False
    keys = {text(k).strip("'\"") for c in obj.named_children if c.type == "pair"
            and (k := c.child_by_field_name("key")) is not None}
    keys |= {text(c) for c in obj.named_children if c.type == "shorthand_property_identifier"}
    return not keys & _OPTION_KEYS


def _gives_driver(pair: Node) -> bool:
    """Whether the options object holding `type:` also passes `driver:` (`driver: new PGliteDriver().driver`,
    `driver: require('mysql2')`): every TypeORM driver then uses that module (`options.driver ||
    load('pg')`), and the type's package is never loaded."""
    options = pair.parent
    return options is not None and any(
        c.type == "shorthand_property_identifier" and text(c) == "driver"
        or c.type == "pair" and (k := c.child_by_field_name("key")) is not None and text(k).strip("'\"") == "driver"
        for c in options.named_children)


class OrmOptionsFacts:
    """Mixin of the extractor: fills `self.f` from `self.data` (see extract.facts)."""

    f: FileFacts
    data: bytes
    dialect: str
    node_env: bool

    def _pairs(self, root: Node, keys: tuple[bytes, ...]) -> None:
        if b"migrations" in keys:  # `{ type: 'postgres', migrations }`: the option, written short
            for _, node in ident_nodes(root, self.data, {"migrations"}):
                if node.type == "shorthand_property_identifier" and not _other_objects_key(node):
                    self.f.migrations_options.extend(_migrations_options(node, node))
        for pair, key_node, value in pair_nodes(root, self.data, keys):
            key = string_value(key_node) if key_node.type == "string" else text(key_node)
            if key == "migrations" and not _computed_elsewhere(pair, value):
                self.f.migrations_options.extend(_migrations_options(pair, value))
            elif key == "type":
                sv = string_value(value)
                if sv is not None:
                    role = _orm_type_role(pair)
                    if role is not None and not (role == "type" and _gives_driver(pair)) \
                            and not (self.node_env and outside_production(pair)):  # a test or dev database
                        self.f.orm_types.append((role, sv, value.start_byte, value.end_byte))

