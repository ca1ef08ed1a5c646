"""How an import-like call is written, where that changes what a missing module means.

Test runners' mocks are not imports: `jest.mock(p, factory, { virtual: true })` mocks a module that
does not exist on purpose, and Vitest's `vi.mock(p)` accepts a path that resolves to nothing. A
`require()` inside a `try` block whose `catch` handles the failure is an optional load (the
standard idiom for optional dependencies and for code that runs from two folders). Both are read
from the syntax tree only.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from migrationlint.extract.parsing import string_value, text

_FUNCTION_BOUNDARIES = frozenset({
    "function_declaration", "function_expression", "arrow_function", "method_definition",
    "generator_function_declaration", "class_body", "program",
})


def mock_is_virtual(runner: str, call: Node) -> bool:
    """Whether a `<runner>.mock(...)` call needs no module at the path: always for Vitest (`vi`),
    for Jest only with `{ virtual: true }` in its options (third argument)."""
    if runner == "vi":
        return True
    args = call.child_by_field_name("arguments")
    options = [a for a in args.named_children if a.type != "comment"][2:3] if args is not None else []
    if not options or options[0].type != "object":
        return False
    for pair in options[0].named_children:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type == "pair" and key is not None and value is not None \
                and text(key).strip("'\"") == "virtual" and value.type == "true":
            return True
    return False


def in_guarded_try(node: Node) -> bool:
    """Whether `node` sits in the body of a `try` whose `catch` carries on, within the same
    function: a failure to load is then handled by the code itself (an optional package). A catch
    that always stops (`throw new Error('install x')`, `process.exit(1)`) only rewords the failure
    (but see `install_told`); one that stops on a condition (`if (e.code !== 'MODULE_NOT_FOUND')
    throw e`) still carries on. So is a load in the `catch` of a `try` that loads another module:
    the fallback of an alternative."""
    if _rejection_handled(node):
        return True
    child, parent = node, node.parent
    while parent is not None and parent.type not in _FUNCTION_BOUNDARIES:
        if parent.type == "try_statement" and parent.child_by_field_name("body") == child:
            handler = parent.child_by_field_name("handler")
            body = handler.child_by_field_name("body") if handler is not None else None
            if body is not None and _block_carries_on(body):
                return True
        if parent.type == "catch_clause" and _loads_in_try(parent.parent):
            return True  # the fallback of what the `try` loads (`try { require('ethers') } catch { require('viem') }`)
        child, parent = parent, parent.parent
    return parent is not None and _optional_loader_argument(parent)


# an install command of a package manager, up to the end of the words that follow it on the line
_INSTALL_COMMAND = re.compile(rb"\b(?:npm\s+(?:i|install|add)|yarn\s+add|pnpm\s+(?:add|i|install)|bun\s+(?:add|i|install))"
                              rb"((?:\s+[@\w./:^~=<>-]+)+)")


def install_told(node: Node, specifier: str) -> bool:
    """Whether `node` sits in the body of a `try` (within the same function) whose `catch` tells the
    operator to install the package `specifier` names (`Run 'npm install --no-save x' to use the S3
    provider`, then `process.exit(1)`): an opt-in package the code leaves out on purpose."""
    child, parent = node, node.parent
    while parent is not None and parent.type not in _FUNCTION_BOUNDARIES:
        if parent.type == "try_statement" and parent.child_by_field_name("body") == child:
            handler = parent.child_by_field_name("handler")
            body = handler.child_by_field_name("body") if handler is not None else None
            if body is not None and _tells_to_install(body, specifier):
                return True
        child, parent = parent, parent.parent
    return False


def _tells_to_install(block: Node, specifier: str) -> bool:
    """Whether a `catch` block's text holds an install command naming the package `specifier` loads
    (`npm install --no-save x`, `yarn add x`), options and other packages beside it."""
    if not specifier or specifier.startswith((".", "/")):
        return False
    parts = specifier.split("/")
    package = "/".join(parts[:2] if specifier.startswith("@") else parts[:1]).encode()
    raw = block.text or b""
    return package in raw and any(package in m.group(1).split() for m in _INSTALL_COMMAND.finditer(raw))


def _loads_in_try(statement: Node | None) -> bool:
    """Whether the body of the `try` statement loads a module (`require(`, `import(`): a load in its
    `catch` is the alternative, needed only where that one fails."""
    body = statement.child_by_field_name("body") if statement is not None and statement.type == "try_statement" else None
    raw = body.text or b"" if body is not None else b""
    return b"require(" in raw or b"import(" in raw


# helpers that call their callback in a `try` and return an empty module when the load fails:
# Nest's `optionalRequire` (@nestjs/core/helpers/optional-require)
_OPTIONAL_LOADERS = frozenset({b"optionalRequire"})


def _optional_loader_argument(function: Node) -> bool:
    """Whether the function is a callback handed to an optional loader (`optionalRequire('x', () =>
    require('x'))`): the helper's own `try` carries on without the package. (Nest's `loadPackage`
    is no such helper: it exits the process, a failure reworded.)"""
    args = function.parent
    call = args.parent if args is not None and args.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if callee is not None and callee.type == "member_expression":
        callee = callee.child_by_field_name("property")
    return callee is not None and callee.text in _OPTIONAL_LOADERS


def _rejection_handled(call: Node) -> bool:
    """`import('x').catch(() => null)`, `import('x').then(use, () => fallback)`, also further down a
    chain (`import('x').then((m) => m.default).catch(() => null)`): the promise form of the guarded
    `try`, whose handler carries on without the module (a block that always stops, `throw` or
    `process.exit()`, only rewords the failure)."""
    while True:
        member = call.parent
        if member is None or member.type != "member_expression" or member.child_by_field_name("object") != call:
            return False
        prop = member.child_by_field_name("property")
        chained = member.parent
        if prop is None or chained is None or chained.type != "call_expression":
            return False
        args = chained.child_by_field_name("arguments")
        handlers = [a for a in args.named_children if a.type != "comment"] if args is not None else []
        position = {b"catch": 0, b"then": 1}.get(prop.text or b"")
        if position is not None and len(handlers) > position:
            return _carries_on(handlers[position])
        if prop.text not in (b"then", b"finally"):
            return False
        call = chained  # a link that passes a rejection on: the handler further down decides


def _carries_on(handler: Node) -> bool:
    """Whether a rejection handler lets the code carry on without the module."""
    if handler.type not in ("arrow_function", "function_expression"):
        return False
    body = handler.child_by_field_name("body")
    if body is None or body.type != "statement_block":
        return body is not None  # an expression body yields its value: the code carries on
    return _block_carries_on(body)


# a test of the error that asks whether the module is missing (`e.code === 'MODULE_NOT_FOUND'`,
# `isModuleNotFound(e)`, `/Cannot find module/.test(e.message)`)
_MISSING_MODULE_TEST = re.compile(rb"MODULE_NOT_FOUND|Cannot find (?:module|package)|not_?found|NotFound|missing", re.I)


def _block_carries_on(block: Node) -> bool:
    """Whether a handler's block lets the code carry on: it never stops, or, before it stops, a branch
    that tests for a missing module returns a fallback (`if (isModuleNotFound(e)) return stub; throw e`:
    only a missing module is expected, and it is handled)."""
    for statement in block.named_children:
        if _stops(statement):
            return False
        if statement.type == "if_statement" and _returns_on_missing_module(statement):
            return True
    return True


def _returns_on_missing_module(statement: Node) -> bool:
    """`if (<a test for a missing module>) return ...` (or a block whose first statement returns)."""
    condition = statement.child_by_field_name("condition")
    arm = statement.child_by_field_name("consequence")
    if condition is None or arm is None or not _MISSING_MODULE_TEST.search(condition.text or b""):
        return False
    first = arm.named_children[0] if arm.type == "statement_block" and arm.named_children else arm
    return first.type == "return_statement"


def _stops(statement: Node) -> bool:
    """A statement that ends the program's course: `throw`, or `process.exit(...)`."""
    if statement.type == "throw_statement":
        return True
    call = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
    if call is not None and call.type == "await_expression" and call.named_children:
        call = call.named_children[0]
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return callee is not None and text(callee) == "process.exit"


_NODE_ENV = ("process.env.NODE_ENV", "process.env['NODE_ENV']", 'process.env["NODE_ENV"]', "import.meta.env.MODE")
# the flags vite (and bundlers following it) replace at build time: (holds only outside production, holds in it)
_VITE_FLAGS = {"import.meta.env.DEV": (True, False), "import.meta.env.PROD": (False, True)}
_NOT_PRODUCTION = ("development", "dev", "test", "local")
# an environment variable named for tests (`TEST_CLEAN_DATABASE`, `IS_TEST`, `E2E_TEST`), read as a switch
_TEST_SWITCH = re.compile(r"process\.env\.(?:[A-Z0-9_]*_)?(?:TEST|TESTING|E2E)(?:_[A-Z0-9_]*)?$")


def outside_production(node: Node) -> bool:
    """Whether `node` sits in a branch that runs only when NODE_ENV is not "production": the
    consequence of a condition that holds only outside production (`NODE_ENV !== 'production'`,
    `=== 'development'`, also with `&&`), the `else` of one that holds whenever NODE_ENV is
    "production" (`=== 'production'`, `!== 'development'`, also with `||`), and the same arms of a
    `?:`; also the branch a test run's switch opens (`if (process.env.TEST_CLEAN_DATABASE)`), and vite's
    flags (`if (import.meta.env.DEV)`, the `else` of `import.meta.env.PROD`, `import.meta.env.MODE ===
    'development'`), which its production build writes as constants. The code says what it loads
    outside production (Swagger UI, a mock server, a test database's seed)."""
    child, parent = node, node.parent
    while parent is not None:
        if parent.type in ("if_statement", "ternary_expression"):
            condition = parent.child_by_field_name("condition")
            taken = _branch(parent, child)
            if condition is not None and taken is not None and _env_test(condition)[0 if taken else 1]:
                return True  # an arm that runs only outside production
        child, parent = parent, parent.parent
    return False


def _const_value(name: Node) -> Node | None:
    """The value of the `const` the identifier names, declared in a block around it or at the top of
    its module (`const isDev = process.env.NODE_ENV !== 'production'`): a `let` may change, so it says nothing."""
    wanted, scope = text(name), name.parent
    while scope is not None:
        for statement in scope.named_children if scope.type in ("program", "statement_block") else ():
            if statement.type != "lexical_declaration" or not text(statement).startswith("const"):
                continue
            for declarator in statement.named_children:
                key, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                if declarator.type == "variable_declarator" and key is not None and text(key) == wanted \
                        and value is not None and value.end_byte <= name.start_byte:
                    return value
        scope = scope.parent
    return None


def _names_node_env(node: Node) -> bool:
    """Whether the expression reads NODE_ENV: `process.env.NODE_ENV`, the same key of a config object
    (`env.NODE_ENV`, `configService.get().NODE_ENV`), or a `const` holding either (`const environment =
    process.env.NODE_ENV`)."""
    if text(node) in _NODE_ENV:
        return True
    if node.type == "member_expression":
        key = node.child_by_field_name("property")
        return key is not None and text(key) == "NODE_ENV"
    value = _const_value(node) if node.type == "identifier" else None
    return value is not None and value.type != "identifier" and _names_node_env(value)


def _branch(statement: Node, child: Node) -> bool | None:
    """True for the arm taken when the condition holds, False for the other, None for the condition
    (an `if` and a `?:` name their arms alike)."""
    if statement.child_by_field_name("consequence") == child:
        return True
    return False if statement.child_by_field_name("alternative") == child else None


_NEITHER = (False, False)


def _env_test(condition: Node) -> tuple[bool, bool]:
    """(the condition holds only outside production, it holds whenever NODE_ENV is "production"):
    `NODE_ENV !== 'production'` -> (True, False), `=== 'production'` -> (False, True); either arm
    of a condition that says nothing of NODE_ENV may run in production."""
    while condition.type == "parenthesized_expression" and condition.named_child_count == 1:
        condition = condition.named_children[0]
    if condition.type == "unary_expression" and text(condition).startswith("!") and condition.named_child_count == 1:
        outside, production = _env_test(condition.named_children[0])
        return production, outside  # !C holds only outside production iff C holds in production
    if condition.type == "identifier":
        value = _const_value(condition)  # `const isDev = process.env.NODE_ENV !== 'production'`
        return _env_test(value) if value is not None else _NEITHER
    if condition.type == "member_expression" and _TEST_SWITCH.match(text(condition)):
        return True, False  # `process.env.TEST_CLEAN_DATABASE`: set by test runs, not in production
    if condition.type == "member_expression" and text(condition) in _VITE_FLAGS:
        return _VITE_FLAGS[text(condition)]  # vite's build writes `import.meta.env.DEV` as false
    if condition.type != "binary_expression":
        return _NEITHER
    operator = condition.child_by_field_name("operator")
    left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
    op = operator.type if operator is not None else ""
    if left is None or right is None:
        return _NEITHER
    if op in ("&&", "||"):
        (lo, lp), (ro, rp) = _env_test(left), _env_test(right)
        return (lo or ro, lp and rp) if op == "&&" else (lo and ro, lp or rp)
    if op not in ("===", "==", "!==", "!="):
        return _NEITHER
    if not _names_node_env(left):
        left, right = right, left
    value = string_value(right) if _names_node_env(left) else None
    if value is None or value != "production" and value not in _NOT_PRODUCTION:
        return _NEITHER
    equal = op in ("===", "==")
    if value == "production":
        return (not equal, equal)
    return (equal, not equal)  # `=== 'development'` holds only outside production, `!==` whenever in it
