"""Real NestJS as the oracle for DEP004's WebSocket row: an app with a `@WebSocketGateway()` and no
adapter set does not start without `@nestjs/platform-socket.io`: Nest logs the error DEP004 quotes
and exits. Needs node and npm (the packages are installed once into the test cache and reused);
skipped, never failed, when npm or the registry is unreachable and nothing is cached.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from migrationlint.model import runtime_packages as rt
from tests.npm_cache import install

pytestmark = pytest.mark.integration

PACKAGES = ["@nestjs/core@11", "@nestjs/common@11", "@nestjs/websockets@11", "@nestjs/platform-express@11",
            "reflect-metadata@0.2", "rxjs@7"]

# a gateway app, written as the JavaScript tsc emits for it (decorators applied by hand)
BOOT = r"""
require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { WebSocketGateway } = require('@nestjs/websockets');
class TickerGateway {}
WebSocketGateway({ namespace: '/ticks' })(TickerGateway);
class AppModule {}
Module({ providers: [TickerGateway] })(AppModule);
NestFactory.create(AppModule, { logger: ['error'], abortOnError: false })
  .then((app) => app.init())
  .then(() => { console.log('started'); process.exit(0); })
  .catch((e) => { console.log(String(e.message)); process.exit(0); });
"""


@pytest.fixture(scope="module")
def node_modules() -> Path:
    found = install("nest-websockets-oracle/v1", PACKAGES, "@nestjs/websockets/package.json")
    if found is None:
        pytest.skip("npm or the npm registry is unreachable and no NestJS oracle is cached")
    return found


def test_a_gateway_without_the_default_adapter_fails_as_dep004_says(node_modules):
    assert not (node_modules / "node_modules/@nestjs/platform-socket.io").exists()
    script = node_modules / "gateway.js"
    script.write_text(BOOT)
    done = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NODE_PATH": str(node_modules / "node_modules"), "NO_COLOR": "1"})
    # Nest logs the error and exits with 1 (its adapter loader calls process.exit)
    assert done.returncode == 1 and rt.SOCKET_IO_ADAPTER.error in done.stdout + done.stderr, done.stdout + done.stderr


DRIVER_PROBE = r"""
require('reflect-metadata');
const { DataSource } = require('typeorm');
const out = {};
const given = { Pool: class {}, defaults: {}, types: { setTypeParser() {} } };
for (const [name, options] of Object.entries({ without: { type: 'postgres' }, given: { type: 'postgres', driver: given } })) {
  try { new DataSource(options); out[name] = 'constructed'; } catch (e) { out[name] = e.constructor.name; }
}
console.log(JSON.stringify(out));
"""


def test_typeorm_loads_no_driver_package_when_the_options_pass_a_driver(tmp_path):
    """DEP004's `driver:` exemption: without `pg` installed, a postgres DataSource fails to construct
    (DriverPackageNotInstalledError), and constructs when its options pass a driver module."""
    folder = install("typeorm-0.3-sqljs", ["typeorm@0.3", "sql.js", "reflect-metadata"], "sql.js/package.json")
    if folder is None:
        pytest.skip("npm or the npm registry is unreachable and nothing is cached")
    assert not (folder / "node_modules" / "pg").exists()
    (tmp_path / "node_modules").symlink_to(folder / "node_modules", target_is_directory=True)
    (tmp_path / "probe.js").write_text(DRIVER_PROBE)
    out = subprocess.run(["node", "probe.js"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"without": "DriverPackageNotInstalledError", "given": "constructed"}
