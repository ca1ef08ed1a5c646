"""Whether the repository's Docker images install the workspace root (DEP005).

A package declared only in the root manifest breaks an install of one service on its own: an image
that installs only that service's package.json. Real Dockerfiles mostly do the opposite: they copy
the root package.json and lockfile (or the whole repository) and install there, so the root's
dependencies are in the image and Node finds them from every package below it. When each
Dockerfile that installs packages installs the workspace root, and none installs one package on
its own (`pnpm deploy`, `yarn workspaces focus`, `--filter`, a member's package.json copied alone),
a private package has no per-service install to break. Turborepo's `turbo prune` writes a smaller
workspace (`out/`, `out/json/` with `--docker`): installing what an image copies from it installs
that workspace's root.

Dockerfiles are read as text, never built: those of the tree and those its Compose files build
(image_files.py). A Dockerfile's build context is its own folder (in a folder without a
package.json, the nearest one above that has one) unless its COPY lines name root paths or a
Compose file builds it from the root.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass, field

from migrationlint.model.image_files import Images
from migrationlint.model.named_installs import install_targets

_LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb")
_INSTRUCTION = re.compile(r"^\s*(FROM|COPY|ADD|RUN|WORKDIR)\s+(.*)$", re.IGNORECASE)
# `turbo prune` runs only at a Turborepo's root: an image that runs it is built from there
_TURBO_PRUNE = re.compile(r"^\s*RUN\b.*\bturbo(?:@\S+)?\s+prune\b", re.IGNORECASE)
# files only a workspace root holds: a COPY naming one the Dockerfile's folder lacks is from the root
_ROOT_FILES = ("turbo.json", "pnpm-workspace.yaml", "nx.json", "lerna.json", "rush.json")
# a RUN that writes the manifest the image installs: shell redirection or `tee` into package.json, or
# a Node one-liner writing it (`node -e "fs.writeFileSync('package.json', ...)"`, merging manifests)
_WRITES_MANIFEST = re.compile(r"(?:>|\btee\s+(?:-a\s+)?)\s*[\w./-]*\bpackage\.json\b"
                              r"|writeFileSync\(\s*[\w.]*\s*\(?\s*['\"][\w./-]*package\.json")
_PER_SERVICE_WORDS = ("deploy", "focus", "--filter", "-F", "--workspace", "-w", "--cwd", "--prefix")


@dataclass
class _Stage:
    name: str = ""
    workdir: str = "/"
    root_manifest: bool = False  # the root package.json (or the whole repository) is in the image
    member_manifest: bool = False  # a package's own package.json copied into the image
    pruned: bool = False  # `turbo prune` wrote `out/` (with --docker, `out/json/`): the root manifest and the members'
    written_manifest: bool = False  # a RUN wrote the package.json it installs (`printf '{...}' > package.json`)
    installs: list[str] = field(default_factory=list)  # "root", "service" or "named", per install command
    alone: list[str] = field(default_factory=list)  # the packages "named" installs install alone (named_installs)
    root_at: str = ""  # the WORKDIR of an install of the root manifest this stage (or its base) ran


def root_install(root: str, member_dirs: list[str], found: Images) -> str | None:
    """The Dockerfile (relative to `root`) that shows the images install the workspace root, when
    every Dockerfile that installs packages does so and none installs one package alone; else None."""
    witness, alone = root_install_beside(root, member_dirs, found)
    return None if alone else witness


def root_install_beside(root: str, member_dirs: list[str], found: Images) -> tuple[str | None, frozenset[str]]:
    """The Dockerfile that shows the images install the workspace root, and the packages some
    image installs alone by name (`pnpm deploy --filter web /out`): the root install still serves
    every package those do not hold (named_installs.installed_alone). (None, ...) when no image
    installs the root, or one installs a package alone in a way not read (a `cd`, a member's
    package.json copied alone)."""
    tops = _tops(root, member_dirs)
    witness, alone = None, set()
    for path in found.dockerfiles:
        kinds, names = _installs(path, root, tops, path in found.from_root)
        if "service" in kinds:
            return None, frozenset()
        alone.update(names)
        if "root" in kinds and witness is None:
            witness = os.path.relpath(path, root).replace(os.sep, "/")
    return witness, frozenset(alone)


def service_install(root: str, member_dirs: list[str], found: Images) -> bool:
    """Whether a Dockerfile installs one package alone (or installs what we cannot tell)."""
    tops = _tops(root, member_dirs)
    return any(kinds & {"service", "named"} for kinds, _ in (_installs(p, root, tops, p in found.from_root)
                                                             for p in found.dockerfiles))


def _tops(root: str, member_dirs: list[str]) -> set[str]:
    """The top-level folders of the workspace's members (a Dockerfile naming one names the root)."""
    return {os.path.relpath(d, root).split(os.sep)[0] for d in member_dirs}


def _installs(path: str, root: str, tops: set[str], built_from_root: bool = False) -> tuple[set[str], list[str]]:
    """The kinds of install one Dockerfile runs ("root": of the root manifest, "named": of packages
    it names alone, "service": of something else, or something we cannot tell; none: it installs
    nothing), and the packages its "named" installs name. `built_from_root`: a Compose file builds
    it with the root as the context."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = logical_lines(fh.read())
    except OSError:
        return set(), []
    directory = os.path.dirname(path)
    context = _package_dir(directory, root)
    if any(_absent_lockfile(line, context, root) for line in lines):
        return set(), []  # it cannot be built: a template for another package manager, or stale
    context_is_root = context == root or built_from_root \
        or any(_names_root(line, directory, root, tops) or _TURBO_PRUNE.match(line) for line in lines)
    script_dir = root if context_is_root else context
    stages = _stages(lines, context_is_root, tops, script_dir)
    kinds = {kind for stage in stages for kind in stage.installs}
    alone = [n for stage in stages for n in stage.alone]
    if not context_is_root and context != root and "service" in kinds and not _picks_workspace_packages(lines):
        # built from a package's own folder, the image can install nothing but that package (an e2e
        # suite's image): the package installed alone, by its folder
        kinds = (kinds - {"service"}) | {"named"}
        alone.append("./" + os.path.relpath(context, root).replace(os.sep, "/"))
    return kinds, alone


def _picks_workspace_packages(lines: list[str]) -> bool:
    """Whether a RUN line picks packages of a workspace (`pnpm deploy`, `--filter`, `yarn workspaces
    focus`): a command meant for the workspace root, whatever the Dockerfile's folder."""
    return any(w in _PER_SERVICE_WORDS or w.startswith(("--filter=", "--workspace="))
               for line in lines if (m := _INSTRUCTION.match(line)) is not None and m.group(1).upper() == "RUN"
               for words in _commands(m.group(2)) for w in words)


def _package_dir(directory: str, root: str) -> str:
    """The folder a Dockerfile is built from when nothing says otherwise: its own when it holds a
    package.json, else the nearest one above that does, up to the root (`docker build -f
    docker/api.Dockerfile .`: a folder with no manifest builds no Node image on its own)."""
    while directory != root and directory.startswith(root) and not os.path.isfile(os.path.join(directory, "package.json")):
        directory = os.path.dirname(directory)
    return directory


def logical_lines(text: str) -> list[str]:
    """Instructions with their `\\` continuations joined, comments dropped."""
    out: list[str] = []
    current = ""
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        out.append(current + line)
        current = ""
    if current:
        out.append(current)
    return out


def _stages(lines: list[str], context_is_root: bool, tops: set[str], script_dir: str = "") -> list[_Stage]:
    stages: list[_Stage] = [_Stage()]
    for line in lines:
        m = _INSTRUCTION.match(line)
        if m is None:
            continue
        op, rest = m.group(1).upper(), m.group(2)
        stage = stages[-1]
        if op == "FROM":  # a stage built on an earlier one starts with its folder and files
            words = [w for w in rest.split() if not w.startswith("--")]
            base = next((s for s in reversed(stages) if s.name and words and s.name == words[0]), _Stage())
            stages.append(_Stage(name=words[2] if len(words) > 2 and words[1].upper() == "AS" else "",
                                 workdir=base.workdir, root_manifest=base.root_manifest,
                                 member_manifest=base.member_manifest, pruned=base.pruned,
                                 written_manifest=base.written_manifest, root_at=base.root_at))
        elif op == "WORKDIR":
            stage.workdir = os.path.normpath(os.path.join(stage.workdir, rest.strip().strip("\"'")))
        elif op in ("COPY", "ADD"):
            _copied(stage, rest, context_is_root, tops, {s.name: s for s in stages if s.name})
        elif op == "RUN":
            stage.written_manifest = stage.written_manifest or bool(_WRITES_MANIFEST.search(rest))
            _run(stage, rest, script_dir)
    return stages


def _run(stage: _Stage, rest: str, script_dir: str) -> None:
    """The installs of one RUN line. After a `cd` elsewhere, an install is of another folder's
    manifest: one package alone, but for a folder below where the stage installed the root, whose
    files find the root's node_modules above them: it adds a nested project's extras to the root's."""
    target = stage.workdir  # a `cd` elsewhere: what follows installs another folder's manifest
    for words in _with_scripts(_commands(re.sub(r"^(?:--\S+\s+)+", "", rest.strip())), script_dir):
        words = _root_alias(words, script_dir)
        if words[0] == "cd":
            target = os.path.normpath(os.path.join(stage.workdir, words[1])) if len(words) > 1 else "~"
            continue
        if os.path.basename(words[0]) == "turbo" and "prune" in words[1:2] and stage.root_manifest:
            stage.pruned = True
            continue
        moved = target != stage.workdir
        kind = _install_kind(words, stage)
        named = install_targets(words) if kind == "service" and not moved else []
        if named and stage.root_manifest and _filtered_pnpm_install(words):
            named, kind = [], "root"  # pnpm installs the workspace root beside what a filter selects
        if named:
            stage.installs.append("named")
            stage.alone += named
        elif kind is not None and moved:
            below_root = bool(stage.root_at) and target.startswith(stage.root_at.rstrip("/") + "/")
            stage.installs.append("root" if below_root else "service")
        elif kind is not None:
            stage.installs.append(kind)
            stage.root_at = stage.workdir if kind == "root" else stage.root_at


def _filtered_pnpm_install(words: list[str]) -> bool:
    """`pnpm install --filter api`: since pnpm 7.22 the workspace root is installed with the selected
    projects (its node_modules resolves their peers), so the image holds the root's dependencies,
    which the selected projects find walking up. Not `pnpm deploy`, which copies a package out alone."""
    words = _package_manager_words(words)
    args = [w for w in words[1:] if not w.startswith("-")]
    return words[0] == "pnpm" and "deploy" not in args and any(a in ("install", "i") for a in args)


def _copied(stage: _Stage, rest: str, context_is_root: bool, tops: set[str], named: dict[str, _Stage]) -> None:
    """Whether a COPY/ADD brings the root manifest or a package's manifest into the stage; from
    another stage (`--from=build`), paths are read relative to that stage's WORKDIR."""
    source_stage = re.search(r"--from=(\S+)", rest)
    other = named.get(source_stage.group(1)) if source_stage else None
    if source_stage and other is None:
        return  # an image of its own (`--from=node:20`): nothing of this repository
    for source in _sources(rest):
        if other is not None:
            source = os.path.relpath(os.path.normpath(source), other.workdir) if source.startswith("/") else source
        elif not context_is_root:
            continue
        source = source.rstrip("/") or "."
        if source in (".", "./", "package.json", "package*.json", "*.json") \
                or other is not None and other.pruned and source in ("out", "out/json", "out/full"):
            stage.root_manifest = True  # turbo prune's output is a workspace: its root manifest and lockfile
        elif source.endswith("/package.json") and source.lstrip("./").split("/")[0] in tops:
            stage.member_manifest = True


def _names_root(line: str, directory: str, root: str, tops: set[str]) -> bool:
    """Whether a COPY/ADD shows the build context is the repository root: it names a lockfile or a
    file only a workspace root holds (turbo.json) that the root has and the Dockerfile's folder has
    not, or a path into the folders the packages live in."""
    m = _INSTRUCTION.match(line)
    if m is None or m.group(1).upper() not in ("COPY", "ADD") or "--from=" in m.group(2):
        return False
    for source in _sources(m.group(2)):
        if source in (*_LOCKFILES, *_ROOT_FILES) and os.path.isfile(os.path.join(root, source)) \
                and not os.path.isfile(os.path.join(directory, source)):
            return True
        if "/" in source.strip("./") and source.lstrip("./").split("/")[0] in tops:
            return True
    return False


def _absent_lockfile(line: str, context: str, root: str) -> bool:
    """Whether a COPY/ADD of the build context names a lockfile that neither the Dockerfile's own
    context nor the repository root holds: lockfiles are committed, never built, so `docker build`
    fails there (a framework's template Dockerfile for pnpm left in an npm repository)."""
    m = _INSTRUCTION.match(line)
    if m is None or m.group(1).upper() not in ("COPY", "ADD") or "--from=" in m.group(2):
        return False
    named = [os.path.basename(s) for s in _sources(m.group(2)) if os.path.basename(s) in _LOCKFILES]
    return any(not os.path.isfile(os.path.join(context, n)) and not os.path.isfile(os.path.join(root, n)) for n in named)


def _sources(rest: str) -> list[str]:
    """The source paths of a COPY/ADD (flags and the destination left out), normalised as the build
    context reads them (`./package.json` is `package.json`)."""
    try:
        words = [w for w in shlex.split(rest) if not w.startswith("--")]
    except ValueError:
        return []
    return [os.path.normpath(w) if w.startswith("./") else w for w in words[:-1]]


# words that open a compound command or a branch of one: the command proper follows them
_SHELL_KEYWORDS = frozenset({"if", "then", "else", "elif", "do", "while", "until", "!", "time", "exec", "{", "("})


_SHELLS = ("bash", "sh", "zsh", "dash", "ash")
_MAX_SCRIPT_BYTES = 64 * 1024


def _root_alias(words: list[str], script_dir: str) -> list[str]:
    """`yarn api install` where the root's script `api` is `yarn workspace @dewo/api`: the command the
    alias stands for, with the words that follow it (`yarn workspace @dewo/api install`)."""
    if len(words) < 3 or words[0] != "yarn" or not script_dir:
        return words
    path = os.path.join(script_dir, "package.json")
    try:
        with open(path, encoding="utf-8") as fh:
            scripts = json.load(fh).get("scripts")
    except (OSError, ValueError, UnicodeDecodeError, AttributeError):
        return words
    script = scripts.get(words[1]) if isinstance(scripts, dict) else None
    if not isinstance(script, str) or not script.startswith("yarn workspace "):
        return words
    expanded = next(iter(_commands(script)), None)
    return [*expanded, *words[2:]] if expanded else words


def _with_scripts(commands: list[list[str]], script_dir: str) -> list[list[str]]:
    """`commands`, each run of a shell script of the build context (`bash build-output.sh`,
    `sh ./scripts/build.sh`, `./build.sh`) replaced by the script's own commands (one level):
    an image that installs from a script installs what the script does."""
    out: list[list[str]] = []
    for words in commands:
        script = words[1] if words[0] in _SHELLS and len(words) > 1 else words[0] if words[0].endswith(".sh") else None
        lines = _script_lines(os.path.join(script_dir, script)) if script and script_dir else None
        if lines is None:
            out.append(words)
            continue
        for line in lines:
            out += _commands(line)
    return out


def _script_lines(path: str) -> list[str] | None:
    try:
        if os.path.getsize(path) > _MAX_SCRIPT_BYTES:
            return None
        with open(path, encoding="utf-8", errors="replace") as fh:
            return logical_lines(fh.read())
    except OSError:
        return None


def installs_packages(run: str) -> bool:
    """Whether a RUN instruction's command line (what follows `RUN`) runs a package-manager install
    of a manifest (`_install_kind`: not a global tool, not `npm install <pkg>`)."""
    return any(_install_kind(words, _Stage()) is not None
               for words in _commands(re.sub(r"^(?:--\S+\s+)+", "", run.strip())))


def _commands(rest: str) -> list[list[str]]:
    """The simple commands of a RUN line, environment assignments and shell keywords in front of
    them dropped (`for i in 1 2 3; do if yarn install; then break; fi; done` holds `yarn install`)."""
    try:
        words = shlex.split(rest.replace("&&", " ; ").replace("||", " ; "))
    except ValueError:
        return []
    out: list[list[str]] = [[]]
    for w in words:
        ends = w.endswith(";")
        w = w.rstrip(";")
        if w in ("", "|", "&"):
            out.append([])
            continue
        if out[-1] or not (w in _SHELL_KEYWORDS or re.match(r"^\w+=", w)):
            out[-1].append(w)
        if ends:
            out.append([])
    return [c for c in out if c]


# the Yarn release a repository commits (`.yarnrc.yml` `yarnPath`), run by node: `yarn` itself
_YARN_RELEASE = re.compile(r"(?:.*/)?yarn-[\w.-]+\.c?js")


def _package_manager_words(words: list[str]) -> list[str]:
    """The command as its package manager's: `node .yarn/releases/yarn-4.12.0.cjs install` is `yarn
    install` (the committed release, run without corepack), `corepack pnpm install` is `pnpm install`."""
    if len(words) > 1 and words[0] == "node" and _YARN_RELEASE.fullmatch(words[1]):
        return ["yarn", *words[2:]]
    if len(words) > 1 and words[0] == "corepack" and words[1] in ("yarn", "pnpm", "npm"):
        return words[1:]
    args = [w for w in words[1:] if not w.startswith("-")]
    if words[0] == "yarn" and args[:1] == ["workspace"] and args[2:3] == ["install"]:
        return ["yarn", *words[words.index("install"):]]  # yarn installs the whole project from any workspace
    return words


def _install_kind(words: list[str], stage: _Stage) -> str | None:
    """"root" for an install of the stage's own manifest (`npm ci`, `npm install` with no package
    named, `yarn`, `pnpm install`, `bun install`) when that is the root manifest, "service" for one
    of a single package (`pnpm deploy`, `yarn workspaces focus`, `--filter`, `--workspace`), of a
    package's manifest, of another folder (`cd`, `--cwd`) or of a manifest we did not see; None for
    anything else (a global tool install, `npm install pkg`, a build)."""
    words = _package_manager_words(words)
    tool, rest = words[0], words[1:]
    args = [w for w in rest if not w.startswith("-")]
    if any(w in ("-g", "--global") for w in rest) or stage.written_manifest:
        return None  # a global tool; or the image's own manifest, whose list is no repository package's
    if tool == "yarn":
        if not (not args or args[0] == "install" or args[:2] == ["workspaces", "focus"]):
            return None
    elif not args or args[0] not in {"npm": ("ci", "install", "i"), "pnpm": ("install", "i", "deploy"),
                                     "bun": ("install", "i")}.get(tool, ()):
        return None
    if tool == "npm" and len(args) > 1 and not any(w in ("-w", "--workspace") for w in rest):
        return None  # `npm install pkg`: adds a package
    if any(w in _PER_SERVICE_WORDS or w.startswith(("--filter=", "--workspace=", "--cwd=", "--prefix=")) for w in words):
        return "service"
    return "root" if stage.root_manifest else "service"
