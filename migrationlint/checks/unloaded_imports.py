"""DEP001's messages for an import that loads nothing: a test's mock of a package that no file of
its package loads any more (a stale mock), and an import none of whose names the file uses of a
package installed nowhere. Declaring the package would feed what is gone: the remedy is to delete.
"""

from __future__ import annotations


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
