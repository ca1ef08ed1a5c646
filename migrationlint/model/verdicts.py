"""The answer of the shipping model for one file: whether it runs in production, and why.

Kept in a module of its own so that the shipping model and its test-support mixin both use it
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """Whether a file ships, and why (worded for `--explain-file`)."""

    ships: bool
    reason: str
    inert: bool = False  # never loaded at all (fixture data): its imports are no dependencies
    presumed: bool = False  # ships only because nothing says otherwise: `Shipping.settle` may say more
    bundle_input: bool = False  # dev only as an input of the package's bundler build (its bundle ships)
    unlisted: bool = False  # an entry of a package no manifest lists: `Shipping.settle` asks who imports it
    on_demand: bool = False  # reached only through a load on demand (an `import()` in a function)
    # not in what the package's build emits or publishes (build_output.py): said of its artifact,
    # while its files may still run in place, imported through the workspace link
    unbuilt: bool = False
    unbundled: bool = False  # in no bundle: the app's routes or HTML page, all its entries, do not reach it
    example: bool = False  # the code of an example project (its own package in an examples folder)
    foreign: bool = False  # inert as a file of another language's project (inert_files.foreign_project)

    @property
    def unsettled(self) -> bool:
        """Whether `Shipping.settle` may say otherwise (asked only where the answer changes a finding)."""
        return self.presumed or self.unlisted

    def describe(self) -> str:
        return ("ships (production)" if self.ships else "dev only (not production)") + f": {self.reason}"


# the reason of a file only a load on demand reaches (an `import()` in a function): a feature's code
ON_DEMAND = "loaded on demand"
# the reason of a workspace root's file that nothing names: tooling by presumption (shipping.py, step 4)
WORKSPACE_ROOT_FILE = "a file of a workspace root: repository tooling, never deployed"
