"""A run over named files (pre-commit, an editor) decides the Nest rules the same way a run over
the whole workspace does: global modules are then looked for in the files' packages."""

from __future__ import annotations

from migrationlint import pipeline
from migrationlint.settings import Settings
from tests.nest.test_nest import ENTITY, SERVICE, _module
from tests.helpers import workspace
from tests.helpers import lint


def _lint_files(root, *rels: str) -> list:
    return lint([root / r for r in rels], ["NEST001"])


def test_a_named_file_run_reports_what_the_whole_run_reports(tmp_path):
    root = workspace(tmp_path, {"src/order.entity.ts": ENTITY.format(name="Order"),
                                "src/orders.service.ts": SERVICE.format(conn=""),
                                "src/orders.module.ts": _module("")})
    named = _lint_files(root, "src/orders.module.ts")
    whole = pipeline.lint([str(root)], Settings(select=["NEST001"]), use_cache=False).diagnostics
    assert [(d.code, d.message) for d in named] == [(d.code, d.message) for d in whole]
    assert len(named) == 1


def test_a_named_file_run_sees_a_global_module_in_another_file(tmp_path):
    root = workspace(tmp_path, {
        "src/order.entity.ts": ENTITY.format(name="Order"),
        "src/orders.service.ts": SERVICE.format(conn=""),
        "src/orders.module.ts": _module(""),
        "src/db.module.ts": "import { Global, Module } from '@nestjs/common';\n"
                            "import { TypeOrmModule } from '@nestjs/typeorm';\n"
                            "import { Order } from './order.entity';\n\n"
                            "@Global()\n@Module({\n  imports: [TypeOrmModule.forFeature([Order])],\n"
                            "  exports: [TypeOrmModule],\n})\nexport class DbModule {}\n",
    })
    assert _lint_files(root, "src/orders.module.ts") == []
