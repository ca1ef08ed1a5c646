"""A bare import in a declaration file under skipLibCheck (checks/phantom_imports.py): it binds no
name, so what it fails to bring is missing declarations, not `any` types."""

from __future__ import annotations

from tests.helpers import lint
from tests.imports.test_imports_real_world import _pkg, _write


def _chat_server(root, modules: dict[str, str], include: list[str]) -> list[str]:
    _pkg(root, "package.json", {"name": "chatd", "version": "1.0.0", "scripts": {"build": "tsc -p server/tsconfig.json"},
                                "devDependencies": {"typescript": "^5.6.0"}})
    _pkg(root, "server/tsconfig.json", {"compilerOptions": {"outDir": "../dist", "strict": True, "skipLibCheck": True},
                                        "include": include})
    _write(root, "server/types/index.d.ts", 'import "./modules";\n')
    (root / "server/types/modules").mkdir(parents=True, exist_ok=True)
    for name, text in modules.items():
        _write(root, f"server/types/modules/{name}", text)
    _write(root, "server/index.ts", "export const port = 9000;\n")
    return [d.message for d in lint(root, ["IMP002"])]


def test_a_bare_import_of_declarations_the_program_includes_anyway_is_not_reported(tmp_path):
    """`import "./modules"` alone in a chat server's `types/index.d.ts`, under skipLibCheck: the folder has
    no index, but its `irc.d.ts` is in the program anyway (`include: ["."]`), so nothing is missing (1
    IMP002 whose message said "silently `any`" of an import binding no name). An empty folder, or one
    the program leaves out, is reported, saying the declarations are missing."""
    irc = {"irc.d.ts": 'declare module "irc-lib" { export function connect(host: string): void; }\n'}
    assert _chat_server(tmp_path / "a", irc, ["."]) == []
    [message] = _chat_server(tmp_path / "b", irc, ["index.ts", "types/index.d.ts"])
    assert message.endswith("tsc reports nothing here (skipLibCheck skips declaration files): what it meant to "
                            "declare is silently missing.")
    assert len(_chat_server(tmp_path / "c", {}, ["."])) == 1
