"""What a dependency fix may write (docs/architecture.md, "What a dependency fix may do").

Safe: add a missing entry to the section the importing file implies (ships -> `dependencies`, else
`devDependencies`) with a version that satisfies every peer range placed on that package. Never:
`electron`, `@types/*` or a type-only use in `dependencies`, nor a new `dependencies` entry in a
private workspace root. Moves between sections are unsafe (the rules mark them so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from migrationlint.model.semver_ranges import lowest, satisfies
from migrationlint.model.workspace import Manifest

PROVIDED_BY_RUNTIME = frozenset({"electron"})
TYPE_POSITIONS = "it is used only in type positions"


@dataclass(frozen=True)
class Placement:
    """The section a fix adds to, and why (said in the message when it is not the obvious one)."""

    section: str
    why: str = ""
    bundled: bool = False  # shipping code of a package whose bundle holds its devDependencies


def placement(package: str, manifest: Manifest, ships: bool, type_only: bool, private_root: bool,
              bundled: str | None, published_types: bool = False) -> Placement:
    """Where a missing `package` goes in `manifest` for a use with these properties; with
    `published_types`, a type-only use the declarations a published package ships keep
    (published_types.py): where a value's package would go, and an `@types/` package to dependencies."""
    if published_types and package.startswith("@types/"):
        return Placement("dependencies", KEPT_TYPES)
    if type_only and not published_types:
        return Placement("devDependencies", TYPE_POSITIONS)
    if package in PROVIDED_BY_RUNTIME:
        return Placement("devDependencies", f"{package} is provided by its runtime")
    if package.startswith("@types/"):
        return Placement("devDependencies", "type packages are build-time only")
    if private_root:
        return Placement("devDependencies", "the private workspace root is not deployed")
    if not ships:
        return Placement("devDependencies")
    if bundled and not manifest.section("dependencies"):
        what = bundled.removesuffix(": it ships a bundle")  # the bundling reason says so itself
        return Placement("devDependencies", f"the package ships a bundle ({what}) and keeps its libraries there",
                         bundled=True)
    return Placement("dependencies", KEPT_TYPES if type_only else "")


KEPT_TYPES = "the declarations this published package ships name its types"


def passed_on(m: Manifest, rel: str, peer: str, requirer: str, requirer_peers: Iterable[str],
              ships: bool) -> tuple[Placement, bool] | None:
    """Where a missing peer of `requirer` goes when `m` (at `rel`) already passes peers on to its
    users, and whether that fix needs review; None otherwise. Named in its peerDependenciesMeta
    without a range, the author meant a peer (a required one every user must now install: review).
    For shipping code, another peer of `requirer` kept in its peerDependencies (`react` there,
    `react-dom` missing) says the application provides that family, a second copy in
    `dependencies` would split it; review, as the application must provide this one too (a test's
    use stays a devDependency)."""
    meta = m.data.get("peerDependenciesMeta")
    entry = meta.get(peer) if isinstance(meta, dict) else None
    if entry is not None:
        optional = isinstance(entry, dict) and entry.get("optional") is True
        why = f"{rel} names it in peerDependenciesMeta{' as optional' if optional else ''}, not in peerDependencies"
        return Placement("peerDependencies", why), not optional
    kept = sorted(p for p in requirer_peers if p != peer and p in m.section("peerDependencies")) if ships else []
    if kept:
        return Placement("peerDependencies", f"{rel} keeps {kept[0]}, another peer of {requirer}, in "
                                             "peerDependencies: the application provides them"), True
    return None


@dataclass(frozen=True)
class PeerRange:
    """A peer range some declared package places on the package a fix adds."""

    range: str
    owner: str  # "@acme/event-store@0.19.1"


def acceptable(candidate: str, ranges: list[PeerRange]) -> bool:
    """Whether the lowest version `candidate` admits satisfies every peer range (an unreadable
    range or candidate is not acceptable: no guess is safe)."""
    if not ranges:
        return True
    base = lowest(candidate)
    return base is not None and all(satisfies(base, r.range) for r in ranges)


def choose(candidates: list[tuple[str, str]], ranges: list[PeerRange],
           meaning: Callable[[str], str] = lambda spec: spec) -> tuple[str, str] | None:
    """The first (spec, source) candidate that every peer range accepts; `meaning` gives the range a
    spec stands for (`catalog:` names the catalog's range)."""
    for candidate in candidates:
        if acceptable(meaning(candidate[0]), ranges):
            return candidate
    return None


def no_version_reason(package: str, ranges: list[PeerRange]) -> str:
    """The message of a peer no version fits: each distinct range once, with who wants it (the conflict is
    between ranges, so none is cut for a repeat of another), at most four, the rarest first."""
    owners: dict[str, list[str]] = {}
    for r in ranges:
        owners.setdefault(r.range, []).append(r.owner)
    ordered = sorted(owners.items(), key=lambda item: len(item[1]))
    shown = "; ".join(f'{who[0]} wants "{rng}"' + (f" (and {len(who) - 1} more)" if len(who) > 1 else "")
                      for rng, who in ordered[:4])
    more = f"; and {len(ordered) - 4} more ranges" if len(ordered) > 4 else ""
    return f'no safe fix: no version of "{package}" known in this repository satisfies every peer range on it ({shown}{more})'
