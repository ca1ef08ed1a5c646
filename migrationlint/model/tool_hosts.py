"""Tools that run a published package's code inside themselves: its user's own copy is the one it needs.

A published testing helper calls into the test runner its user's tests run with (`vi.fn()`); a
TypeScript transformer under `./plugin`, a Babel, ESLint, PostCSS or bundler plugin runs inside the
compiler, linter or bundler of its user's build, and must share that copy (TypeScript's transformers
compare node kinds with the compiler's own AST). Such a tool is a peer of the package, never a
dependency: a `dependencies` entry installs a second copy into every application, used by nothing.
"""

from __future__ import annotations

from migrationlint.model.test_runners import RUNNER_APIS

# compilers, bundlers and linters whose plugins packages publish
TOOL_APIS = frozenset({"typescript", "@babel/core", "webpack", "rollup", "vite", "esbuild", "eslint", "postcss",
                       "prettier"})


def host_tool(package: str) -> str | None:
    """Why a published package that imports `package` plugs into it (said in a message), or None."""
    if package in RUNNER_APIS:
        return "the test runner this helper calls into is the one its user's tests run with"
    if package in TOOL_APIS:
        return (f"this plugin code works inside its user's build, with the {package} that build installs; optional "
                "in peerDependenciesMeta when only some entries load it")
    return None
