"""Small TypeScript rendering helpers: import blocks and bare-package names.

Import blocks are built through `Imports` so that every bare specifier a clean file
uses is known to the generator, which then declares exactly those packages in the
manifest. Planted dependency defects bypass `Imports` on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NODE_BUILTINS = frozenset({"crypto", "fs", "path", "os", "util", "events", "stream", "url", "zlib"})


def bare_package(specifier: str) -> str | None:
    """Package name of a bare specifier ('@a/b/c' -> '@a/b', 'x/y' -> 'x'), None otherwise.

    Relative paths, tsconfig `@/` aliases and Node builtins are not packages.
    """
    if specifier.startswith((".", "/", "@/")) or specifier.startswith("node:"):
        return None
    parts = specifier.split("/")
    name = "/".join(parts[:2]) if specifier.startswith("@") else parts[0]
    return None if name in NODE_BUILTINS else name


def _group(specifier: str) -> int:
    """Sort key for prettier-like import ordering: packages, workspace, alias, relative."""
    if specifier.startswith("."):
        return 3
    if specifier.startswith("@/"):
        return 2
    if specifier.startswith("@bench/"):
        return 1
    return 0


@dataclass
class Imports:
    """Collects the imports of one file and renders them in a stable, wrapped form."""

    named: dict[str, set[str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    type_only: dict[str, set[str]] = field(default_factory=dict)
    side_effects: list[str] = field(default_factory=list)

    def add(self, module: str, *names: str) -> None:
        """Add value imports `import { names } from 'module'`."""
        self.named.setdefault(module, set()).update(names)

    def add_default(self, module: str, name: str) -> None:
        """Add a default import `import name from 'module'`."""
        self.defaults[module] = name

    def add_type(self, module: str, *names: str) -> None:
        """Add type-only imports `import type { names } from 'module'`."""
        self.type_only.setdefault(module, set()).update(names)

    def add_side_effect(self, module: str) -> None:
        """Add `import 'module';` (e.g. reflect-metadata)."""
        if module not in self.side_effects:
            self.side_effects.append(module)

    def modules(self) -> set[str]:
        """Every specifier this file imports, for dependency bookkeeping."""
        return set(self.named) | set(self.defaults) | set(self.type_only) | set(self.side_effects)

    def render(self, width: int = 100) -> str:
        """Render the block; long named lists wrap one name per line like prettier."""
        lines = [f"import '{m}';" for m in self.side_effects]
        specs = sorted(set(self.named) | set(self.defaults) | set(self.type_only), key=lambda s: (_group(s), s))
        for spec in specs:
            if spec in self.defaults:
                head = self.defaults[spec]
                names = sorted(self.named.get(spec, ()))
                if names:
                    lines.append(f"import {head}, {{ {', '.join(names)} }} from '{spec}';")
                else:
                    lines.append(f"import {head} from '{spec}';")
            elif spec in self.named:
                lines.append(_named_import("import", sorted(self.named[spec]), spec, width))
            if spec in self.type_only:
                lines.append(_named_import("import type", sorted(self.type_only[spec]), spec, width))
        return "\n".join(lines)


def _named_import(keyword: str, names: list[str], spec: str, width: int) -> str:
    """One named import statement, wrapped when it would exceed `width` characters."""
    one_line = f"{keyword} {{ {', '.join(names)} }} from '{spec}';"
    if len(one_line) <= width:
        return one_line
    body = "\n".join(f"  {name}," for name in names)
    return f"{keyword} {{\n{body}\n}} from '{spec}';"


def indent(text: str, levels: int) -> str:
    """Indent every non-empty line by `levels` * 2 spaces."""
    pad = "  " * levels
    return "\n".join(pad + line if line else line for line in text.split("\n"))
