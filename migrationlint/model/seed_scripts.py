"""Database seeding code: developer tools, whatever folder holds them.

A seeds folder (`seeds/`, `seeders/`) is a dev folder by name (dev_folders.py). Two more shapes
are seeding code that no entry reaches: the factories the seeds load (`factories/` beside
`seeds/`, or beside a `seed.ts` script), and a seed script kept beside a Prisma schema
(`prisma/seed-house.ts`, run by hand with `npx ts-node prisma/seed-house.ts`, or by
`prisma db seed`, whichever package.json names it or not). Either runs from a developer's or an
operator's full install, never from what the service's production install holds.
"""

from __future__ import annotations

import os
import re

_FACTORY_DIRS = frozenset({"factories", "factory"})
_SEED_DIRS = ("seeds", "seeders", "seed", "seeder")
# `seed.ts`, `seed-house.ts`, `seed_users.mts`, `seedDemo.ts`
_SEED_SCRIPT = re.compile(r"^seed(?:[-_.A-Z][\w.-]*)?\.[cm]?[jt]s$")


def seed_code(path: str) -> str | None:
    """Why the file at `path` is seeding code (a developer tool), or None."""
    return seed_factories(path) or prisma_seed_script(path)


def seed_factories(path: str) -> str | None:
    """Why a file in a `factories/` folder beside a seeds folder (or a `seed.ts` script) is a
    developer tool: the seeding command line (typeorm-extension, typeorm-seeding, MikroORM's seeder)
    or script loads the factories with the seeds. A `factories/` folder alone is ordinary code (a
    Nest provider factory)."""
    folder = os.path.dirname(path)
    if os.path.basename(folder) not in _FACTORY_DIRS:
        return None
    parent = os.path.dirname(folder)
    seeds = next((d for d in _SEED_DIRS if os.path.isdir(os.path.join(parent, d))), None)
    if seeds is not None:
        return f"seed factories beside {seeds}/, run by an ORM's seeding command line"
    script = next((d + ext for d in _SEED_DIRS for ext in (".ts", ".js", ".mts", ".cts")
                   if os.path.isfile(os.path.join(parent, d + ext))), None)  # one seed script, not a folder
    return f"seed factories beside {script}, the seeding script that loads them" if script else None


def prisma_seed_script(path: str) -> str | None:
    """Why a `seed*.ts` script in a Prisma schema's folder (`prisma/`, or one holding
    `schema.prisma`) is a developer tool: a seed run by hand or by `prisma db seed`."""
    name = os.path.basename(path)
    if _SEED_SCRIPT.match(name) is None or name.endswith(".d.ts"):
        return None
    folder = os.path.dirname(path)
    if os.path.basename(folder) != "prisma" and not os.path.isfile(os.path.join(folder, "schema.prisma")):
        return None
    return f"a database seed script beside the Prisma schema ({os.path.basename(folder)}/), run by hand or by `prisma db seed`"
