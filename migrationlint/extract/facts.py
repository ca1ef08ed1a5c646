"""One file -> FileFacts: everything the rules need, extracted in one pass over one tree.

The extract package is the only code that walks syntax trees; this module runs one file through
it (the mixins beside it each fill one concern). FileFacts are plain, picklable records (they
cross process boundaries and live in the cache), so rules and cross-file checks never see a tree
and a warm run parses nothing.

Cost matters here: imports, exports and classes come from a loop over the
top-level statements; whole-tree queries run in C and only when a cheap byte search says the
file can contain what they look for.
"""

from __future__ import annotations

import hashlib

from tree_sitter import Node

from migrationlint.extract import parsing
from migrationlint.extract.records import FileFacts
from migrationlint.extract.nest_facts import extract_nest
from migrationlint.extract.call_sites import SCHEMA_BUILDER_CLASSES, CallSitesFacts
from migrationlint.extract.typeorm_names import NO_TYPEORM, typeorm_bindings
from migrationlint.extract.classes import ClassesFacts
from migrationlint.extract.comments import ESLINT_RULE_WORDS, CommentsFacts
from migrationlint.extract.glob_imports import glob_imports
from migrationlint.extract.grammar_gaps import without_export_attributes, without_using_variables
from migrationlint.extract.exports import ExportsFacts
from migrationlint.extract.imports import ImportsFacts
from migrationlint.extract.orm_options import OrmOptionsFacts, orm_options_hint
from migrationlint.extract.usage import UsageFacts
from migrationlint.extract.parsing import text


def extract(path: str, data: bytes) -> FileFacts:
    """Parse `data` (the bytes of `path`) and extract its FileFacts. Pure: same input, same facts."""
    dialect = parsing.dialect_for(path)
    facts = FileFacts(
        path=path,
        digest=hashlib.blake2b(data, digest_size=16).hexdigest(),
        size=len(data),
        dialect=dialect,
        bom=data.startswith(b"\xef\xbb\xbf"),
    )
    tree = parsing.parse(data, path)
    if tree.root_node.has_error:
        tree = _second_parse(data, path, tree)
    root = tree.root_node
    _Extractor(facts, data, dialect).run(root)
    return facts


def _second_parse(data: bytes, path: str, tree):
    """The tree of the file with the grammar's gaps that damage it rewritten at the same offsets
    (a variable named `using`, attributes of a re-export: grammar_gaps), when that parses clean."""
    rewritten = data
    if b"using" in data:
        rewritten = without_using_variables(rewritten) or rewritten
    if b"assert" in data or b"with" in data:
        rewritten = without_export_attributes(rewritten) or rewritten
    if rewritten is data:
        return tree
    retry = parsing.parse(rewritten, path)
    return retry if not retry.root_node.has_error else tree


_SPLIT_EXPORTABLE = frozenset({"class_declaration", "abstract_class_declaration", "lexical_declaration",
                               "variable_declaration", "function_declaration", "generator_function_declaration"})


class _Extractor(ImportsFacts, ExportsFacts, ClassesFacts, CallSitesFacts, OrmOptionsFacts, UsageFacts, CommentsFacts):
    """Fills one FileFacts from one tree. One mixin per concern (imports, exports, classes, call sites,
    ORM options, usage, comments); the class only shares the file's bytes and dialect between them."""

    def __init__(self, facts: FileFacts, data: bytes, dialect: str) -> None:
        self.f = facts
        self.data = data
        self.dialect = dialect
        self.typeorm = NO_TYPEORM
        self.silencers = b"@ts-" in data  # whether any `// @ts-ignore` may stand above an import
        # whether a load may sit in a branch for outside production (NODE_ENV, or a test run's switch)
        self.node_env = b"NODE_ENV" in data or b"process.env." in data and (b"TEST" in data or b"E2E" in data) \
            or b"import.meta.env." in data

    def run(self, root: Node) -> None:
        data = self.data
        if b"export\n" in data or b"export /" in data or (b"\r\n" in data[:512] and b"export\r\n" in data):  # CRLF: from its first lines
            self._statements_with_split_exports(root.named_children)
        else:
            for stmt in root.named_children:
                self._statement(stmt, exported=False)
        if b"require" in data or b"import(" in data or b".mock(" in data:
            self._calls(root)  # before decorators and `new`: their filter reads the require() bindings
        self.typeorm = typeorm_bindings(self.f.imports) if b"typeorm" in data else NO_TYPEORM
        if b"new " in data:
            self._new_expressions(root)
        if b"@" in data and (self.typeorm.namespaces or any(
                b.imported in SCHEMA_BUILDER_CLASSES for _, b in self.typeorm.named.values())):
            self._decorators(root)  # else no decorator can resolve to a kept class (_typeorm_name)
        if b"(" in data:
            self._method_calls(root)
        keys = tuple(k for k, wanted in ((b"migrations", b"migrations" in data),
                                         (b"type", orm_options_hint(data))) if wanted)
        if keys:
            self._pairs(root, keys)
        if b"Transport." in data or b"Driver" in data:
            self._members(root)
        if b"/// <reference" in data:
            self._references(root)
        if b"import.meta.glob" in data or b"(`." in data or b"' +" in data or b'" +' in data:  # glob_imports' words
            self.f.globs = glob_imports(root, data)
        if b"migrationlint-" in data or any(w in data for w in ESLINT_RULE_WORDS):
            self._suppressions(root)
        if b"@ts-nocheck" in data:
            self.f.unchecked = _no_check_pragma(root)
        if (b"@Module" in data or b"@Inject" in data or b"@Controller" in data or b"@Resolver" in data
                or b"TypeOrmModule" in data or b"DynamicModule" in data  # NEST003 reads their constructors
                or b"@nestjs/" in data or b"global" in data  # dynamic-module calls, global module objects
                or (b"module" in data and b"..." in data)
                or (b"export const" in data and b"= [" in data)):  # provider lists spread elsewhere
            self.f.nest = extract_nest(root, data, self.dialect)
        if root.has_error:
            self._damage(root)
            self.f.has_error = bool(self.f.damage)  # a known grammar gap is valid code (grammar_gaps)
            self._damaged_headers(root)
        self._refs(root)

    # ------------------------------------------------------------------ top level
    # `export` on a line of its own before a decorated class (`export\n@tag\nclass User {}`, standard
    # decorators), or a comment between `export` and `const` or `async function` (`export /** doc */
    # const x = 1`, as an editor's "add JSDoc" writes it), exports the declaration for tsc; the grammar reads a bare
    # `export` statement, which no other code can be (`export` is reserved), followed by the
    # declaration: run() puts them back together.

    def _statements_with_split_exports(self, statements: list[Node]) -> None:
        """The top-level loop where `export` may stand apart from the declaration it exports."""
        bare_export = False
        for stmt in statements:
            if bare_export and stmt.type in _SPLIT_EXPORTABLE:
                self.f.is_module = True
                self._exported_declaration(stmt, stmt, is_default=False)
            else:
                self._statement(stmt, exported=False)
            bare_export = stmt.type == "expression_statement" and self._bare_export(stmt)

    def _bare_export(self, stmt: Node) -> bool:
        """`export` alone, or followed only by comments, read as an expression statement."""
        if self.data[stmt.start_byte:stmt.start_byte + 6] != b"export":
            return False
        first, *rest = stmt.named_children or [None]
        return first is not None and first.type == "identifier" and first.end_byte - first.start_byte == 6 \
            and all(c.type == "comment" for c in rest)

    def _statement(self, node: Node, exported: bool) -> None:
        kind = node.type
        if kind == "import_statement":
            self.f.is_module = True
            self._import(node)
        elif kind == "export_statement":
            self.f.is_module = True
            self.f.export_list = self.f.export_list or any(
                c.type in ("export_clause", "*", "namespace_export", "=") for c in node.children)
            self._export(node)
        elif kind in ("class_declaration", "abstract_class_declaration"):
            self._class(node, exported=exported)
        elif kind == "function_declaration" or kind == "generator_function_declaration":
            name = node.child_by_field_name("name")
            if name is not None:
                self.f.functions.append(text(name))
        elif kind == "ambient_declaration":
            self._ambient(node)
        if not exported:
            self._declaration(node)


def _no_check_pragma(root: Node) -> bool:
    """Whether a comment above the first statement says `@ts-nocheck`: tsc reads pragmas only there,
    and then reports no error in the file (an unresolved import or a missing export included)."""
    for node in root.children:
        if node.type != "comment":
            return False
        if b"@ts-nocheck" in (node.text or b""):
            return True
    return False
