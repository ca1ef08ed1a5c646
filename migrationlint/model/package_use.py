"""One import of a package by a linted file, as the DEP rules judge it (dependency_model makes them)."""

from __future__ import annotations

from dataclasses import dataclass

from migrationlint.extract.records import ImportFact
from migrationlint.model.elided_imports import LOADING_KINDS  # noqa: F401  (re-exported: the import forms that load)
from migrationlint.model.shipping import Verdict
from migrationlint.model.workspace import Manifest


@dataclass
class Use:
    """One import of a package by a linted file, with what decides which manifest section it needs."""

    path: str
    imp: ImportFact
    package: str
    manifest: Manifest
    type_only: bool
    test: bool  # does not run in production (the shipping model's answer), or a test mock
    verdict: Verdict | None = None
    metadata_only: bool = False  # its names are used only in annotations decorator metadata emits
    unused: bool = False  # none of its names is used: the compiler drops the import (type_only too)

    @property
    def on_demand(self) -> bool:
        """Loaded on demand: the import sits in a function, or only such a load reaches its file."""
        return self.imp.lazy or (self.verdict is not None and self.verdict.on_demand)




NEST_CORE = frozenset({"@nestjs/common", "@nestjs/core"})  # the injector whose one copy plugins share
