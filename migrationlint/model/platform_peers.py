"""Peers that name another platform of a runtime the package takes as a peer too.

A React Native library that supports the out-of-tree platforms lists them as peers beside
`react-native` (`react-native-macos`, `react-native-windows`), often without marking them optional.
An app chooses its platforms: one that builds for iOS and Android never installs the macOS or
Windows package, and the bundler loads that platform's code only when it builds for it. Asking an
app to install every platform its libraries support is advice no maintainer follows.
"""

from __future__ import annotations

from typing import Iterable

# a runtime -> the packages that are its other platforms (each replaces or extends it for one target)
OTHER_PLATFORMS = {
    "react-native": frozenset({"react-native-macos", "react-native-windows", "react-native-tvos",
                               "react-native-visionos"}),
}


def other_platform_of(peer: str, peers: Iterable[str]) -> str | None:
    """The runtime among `peers` of which `peer` is another platform (`react-native` for
    `react-native-macos`), or None."""
    return next((runtime for runtime in peers if peer in OTHER_PLATFORMS.get(runtime, ())), None)
