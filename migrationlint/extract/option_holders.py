"""Which top-level constant holds a `transport:` choice: `export const RedisOption = { transport:
Transport.REDIS, options: {...} }`.

A Nest transport loads its broker's client only when the options reach `createMicroservice`,
`ClientsModule.register` or `ClientProxyFactory.create`; an options object that a shared file defines
for every broker and that nothing hands on (read only for its `.name`) loads nothing. The check asks
whether the constant is used whole in its file (passed, spread, returned: anything but a member
read) and, when it is exported, in the files that import it.
"""

from __future__ import annotations

from tree_sitter import Node

from migrationlint.extract.parsing import text
from migrationlint.extract.tree_lookups import CASTS, ident_nodes


def option_holder(node: Node, root: Node, data: bytes) -> tuple[str, bool, bool] | None:
    """(name, exported, used whole in the file) of the top-level `const` whose object literal sets
    `transport:` to the member expression `node`; None for any other place (an inline option, a
    function's object, a `let`)."""
    pair = node.parent
    key = pair.child_by_field_name("key") if pair is not None and pair.type == "pair" else None
    if key is None or pair.child_by_field_name("value") != node or text(key).strip("'\"") != "transport":
        return None
    holder = pair.parent.parent if pair.parent is not None and pair.parent.type == "object" else None
    while holder is not None and holder.type in CASTS:  # `{...} as const`, `({...})`
        holder = holder.parent
    name_node = holder.child_by_field_name("name") if holder is not None and holder.type == "variable_declarator" else None
    declaration = holder.parent if name_node is not None and name_node.type == "identifier" else None
    if declaration is None or declaration.type != "lexical_declaration" or declaration.children[0].type != "const":
        return None
    top = declaration.parent
    exported = top is not None and top.type == "export_statement"
    if (top.parent if exported else top) != root:
        return None
    name = text(name_node)
    exported_by_name, whole = _uses(root, data, name, name_node)
    return name, exported or exported_by_name, whole


def _uses(root: Node, data: bytes, name: str, declared: Node) -> tuple[bool, bool]:
    """(exported by an `export { name }`, used whole): an identifier that is not the object of a member
    read (`name.field`, `name?.field`), a shorthand property or a spread counts; an export under
    another name counts as a use (what its importers call it is not followed)."""
    exported = whole = False
    for _, node in ident_nodes(root, data, {name}):
        if node == declared or node.type in ("type_identifier", "property_identifier"):
            continue
        parent = node.parent
        if parent is not None and parent.type == "export_specifier":
            alias = parent.child_by_field_name("alias")
            exported, whole = True, whole or (alias is not None and text(alias) != name)
        elif not (parent is not None and parent.type == "member_expression" and parent.child_by_field_name("object") == node):
            whole = True
    return exported, whole
