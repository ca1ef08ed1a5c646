"""A package that runs its migrations itself: a script lists the migrations folder and loads each
file it finds (`fs.readdirSync(join(__dirname, 'migrations'))`, then `import(join(dir, file))`),
calling `up()` without TypeORM's `migration:run`. What the DataSource's `migrations` option lists
then says nothing about what runs. Asked once per package with migrations: files that name both
`readdir` and `migrations` (a byte search) are parsed again with tree-sitter for a load whose
specifier is computed.
"""

from __future__ import annotations

from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.extract.sources import read_bytes
from migrationlint.model.project import Project

_LITERAL = frozenset({"string", "template_string"})


def runs_migrations_itself(project: Project, package_root: str) -> bool:
    """Whether a file of the package lists a migrations folder and loads its files by computed path."""
    for path in project.package_sources(package_root):
        if not project.mentions(path, b"migrations") or not project.mentions(path, b"readdir"):
            continue
        try:
            data = project.source(path) or read_bytes(path)
        except OSError:
            continue
        if _loads_computed(parsing.parse(data, path).root_node):
            return True
    return False


def _loads_computed(root: Node) -> bool:
    """Whether the tree holds `import(x)` or `require(x)` whose argument is no literal."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "call_expression":
            fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
            first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
            if fn is not None and (fn.type == "import" or fn.type == "identifier" and parsing.text(fn) == "require") \
                    and first is not None and first.type not in _LITERAL:
                return True
        stack.extend(node.named_children)
    return False
