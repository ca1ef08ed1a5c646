"""DEP001 for an import that loads nothing: a test's mock of a package that no file of its package
loads any more (a stale mock), and an import none of whose names the file uses of a package
installed nowhere. Declaring the package would feed what is gone: the remedy is to delete. Also
which mocks stand in for an import reported elsewhere (MockedPackages, a mixin of the DEP checker).
"""

from __future__ import annotations

from migrationlint.model import packages as pk
from migrationlint.model.elided_imports import declared_type_only
from migrationlint.model.package_use import LOADING_KINDS, Use


class MockedPackages:
    """Mixin of UndeclaredImports: what a test's `jest.mock('x')` stands in for."""

    def _mock_of_an_import(self, u: Use) -> bool:
        """`jest.mock('graphql-request')` in a test that also imports the package: the import's
        finding is the one to act on, and a second for the mock in the same file repeats it. Nor a
        mock of a package the file never imports that a declared dependency brings (`isbot`, which
        `@shopify/shopify-api` uses inside): it stands in for that dependency's module, and a
        declaration of its own could install a second copy the mock would miss."""
        facts = self.project.facts(u.path) if u.imp.kind == "mock" else None
        if facts is None:
            return False
        return any(i.kind in LOADING_KINDS and not declared_type_only(i) and pk.package_name(i.specifier) == u.package
                   for i in facts.imports) or bool(self.bringing_dependencies(u.manifest, u.package, True))

    def _loaded_beside_mocks(self, u: Use) -> bool:
        """Whether a file of `u`'s package loads the package otherwise than by mocking it, or a file
        of another package the test reaches by relative imports does (a root test of
        `../apps/api/src/svc`): a mock of what nothing loads any more stands in for nothing (asked
        only for a mock's finding)."""
        for path in self.project.package_sources(u.manifest.dir):
            facts = self.project.facts(path)
            if facts is not None and not facts.skipped and any(
                    v.package == u.package and v.imp.kind != "mock" and v.manifest.path == u.manifest.path
                    for v in self.uses(path, facts)):
                return True
        return any((facts := self.project.facts(path)) is not None and any(
            i.kind != "mock" and pk.package_name(i.specifier) == u.package for i in facts.imports)
            for path in self.shipping.reached_from(u.path, u.manifest, crossing=True) if path != u.path)



def stale_mock(package: str, rel: str, broken: bool) -> str:
    """DEP001's message for a mock of a package that no file of the package loads; `broken`: no
    install holds it either, so the runner fails to resolve the module it mocks."""
    fails = (f', and as no install holds it, the test fails now with "Cannot find module \'{package}\'" (a mock of '
             "a module that does not exist needs `{ virtual: true }`)") if broken else ""
    return (f'"{package}" is mocked by this test but not declared in {rel}, and no file of this package loads it: '
            f"the mock is most likely stale (the import it stood in for is gone){fails}; delete it")


def unused_import(package: str, rel: str) -> str:
    """DEP001's message for an import of a package held nowhere none of whose names the file uses."""
    return (f'"{package}" is imported but not declared in {rel} nor installed anywhere in this repository, and '
            "the file never uses what it imports: nothing loads it (the compiler drops the import), but tsc "
            "fails to resolve the module (TS2307); remove the import")
