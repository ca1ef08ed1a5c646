"""Packages that NestJS and TypeORM load lazily, kept as data (DEP004, DEP003).

Each entry says which code makes the framework `require()` a package at start-up, and the error
the service then dies with, so that a finding can quote what users would see in their logs.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Need:
    """`packages` must all be installed; `alternatives` lists packages any one of which also
    satisfies the first (`mysql` on TypeORM 0.x for `mysql2`)."""

    packages: tuple[str, ...]
    error: str  # with {package} replaced by each missing package
    alternatives: tuple[str, ...] = ()
    loaded_by: str | None = None  # the package the code imported, which loads the others (`@nestjs/apollo`)
    requirer: str | None = None  # the package whose code calls require(): pnpm may link the others beside it


def _nest_missing(reason: str) -> str:
    return ('The "{package}" package is missing. Please, make sure to install it to take advantage of '
            + reason + ".")


def _typeorm_missing(driver: str) -> str:
    return driver + ' package has not been found installed. Please run "npm install {package}".'


# `Transport.X` of @nestjs/microservices -> (packages, transport class suffix)
TRANSPORTS: dict[str, tuple[tuple[str, ...], str]] = {
    "KAFKA": (("kafkajs",), "Kafka"),
    "REDIS": (("ioredis",), "Redis"),
    "NATS": (("nats",), "Nats"),
    "MQTT": (("mqtt",), "Mqtt"),
    "RMQ": (("amqplib", "amqp-connection-manager"), "RMQ"),
    "GRPC": (("@grpc/grpc-js", "@grpc/proto-loader"), "Grpc"),
}


# what older @nestjs/microservices majors load instead: `grpc` before 8 (then @grpc/grpc-js), `redis`
# before 9 (then ioredis)
_BEFORE: dict[str, tuple[int, tuple[str, ...]]] = {"GRPC": (8, ("grpc", "@grpc/proto-loader")), "REDIS": (9, ("redis",))}


def transport_need(member: str, server: bool, major: int | None = None) -> Need | None:
    """What `Transport.<member>` loads, for the installed @nestjs/microservices `major` when known."""
    entry = TRANSPORTS.get(member)
    if entry is None:
        return None
    packages, suffix = entry
    before = _BEFORE.get(member)
    if before is not None and major is not None and major < before[0]:
        packages = before[1]
    return Need(packages, _nest_missing(("Server" if server else "Client") + suffix), requirer="@nestjs/microservices")


PLATFORMS_SINCE = 6  # the NestJS major that moved express and socket.io into `@nestjs/platform-*` packages

PLATFORM_EXPRESS = Need(
    ("@nestjs/platform-express",),
    'No driver (HTTP) has been selected. In order to take advantage of the default driver, please, ensure to '
    'install the "@nestjs/platform-express" package ($ npm install @nestjs/platform-express).',
    requirer="@nestjs/core",
)

# a gateway class (`@WebSocketGateway()`) of an app that sets no adapter: Nest's socket module loads its default
SOCKET_IO_ADAPTER = Need(
    ("@nestjs/platform-socket.io",),
    'No driver (WebSockets) has been selected. In order to take advantage of the default driver, please, ensure '
    'to install the "@nestjs/platform-socket.io" package ($ npm install @nestjs/platform-socket.io).',
    requirer="@nestjs/websockets",
)

VALIDATION_PIPE = Need(("class-validator", "class-transformer"), _nest_missing("ValidationPipe"), requirer="@nestjs/common")

# TypeORM `type:` -> what its driver loads (0.x and 1.x; `mysql` is accepted by 0.x only)
ORM_DRIVERS: dict[str, Need] = {
    "postgres": Need(("pg",), _typeorm_missing("Postgres"), requirer="typeorm"),
    "cockroachdb": Need(("pg",), _typeorm_missing("Postgres"), requirer="typeorm"),
    "mysql": Need(("mysql2",), _typeorm_missing("Mysql"), alternatives=("mysql",), requirer="typeorm"),
    "mariadb": Need(("mysql2",), _typeorm_missing("Mysql"), alternatives=("mysql",), requirer="typeorm"),
    "better-sqlite3": Need(("better-sqlite3",), _typeorm_missing("better-sqlite3"), requirer="typeorm"),
    "sqlite": Need(("sqlite3",), _typeorm_missing("SQLite"), requirer="typeorm"),
    "sqljs": Need(("sql.js",), _typeorm_missing("sql.js"), requirer="typeorm"),
    "mssql": Need(("mssql",), _typeorm_missing("SQL Server"), requirer="typeorm"),
    "oracle": Need(("oracledb",), _typeorm_missing("Oracle"), requirer="typeorm"),
    "mongodb": Need(("mongodb",), _typeorm_missing("MongoDB"), requirer="typeorm"),
    "spanner": Need(("@google-cloud/spanner",), _typeorm_missing("Spanner"), requirer="typeorm"),
}

# TypeORM `cache: { type }` -> the client it loads
ORM_CACHES: dict[str, Need] = {
    "redis": Need(("redis",), _typeorm_missing("Redis"), requirer="typeorm"),
    "ioredis": Need(("ioredis",), _typeorm_missing("Redis"), requirer="typeorm"),
    "ioredis/cluster": Need(("ioredis",), _typeorm_missing("Redis"), requirer="typeorm"),
}

# GraphQL driver classes (`driver: ApolloDriver`) -> what @nestjs/apollo and friends load. @nestjs/apollo
# 11 and later load @apollo/server; 10 and earlier load apollo-server-express (or -fastify) instead
_APOLLO_3 = ("apollo-server-express", "apollo-server-fastify")
GRAPHQL_DRIVERS: dict[str, Need] = {
    "ApolloDriver": Need(("@apollo/server", "@nestjs/apollo", "graphql"), "Error: Cannot find module '{package}'",
                         alternatives=_APOLLO_3),
    "ApolloFederationDriver": Need(("@apollo/server", "@nestjs/apollo", "@apollo/subgraph", "graphql"),
                                   "Error: Cannot find module '{package}'", alternatives=_APOLLO_3),
    "ApolloGatewayDriver": Need(("@apollo/server", "@nestjs/apollo", "@apollo/gateway", "graphql"),
                                "Error: Cannot find module '{package}'", alternatives=_APOLLO_3),
    "MercuriusDriver": Need(("@nestjs/mercurius", "mercurius", "graphql"), "Error: Cannot find module '{package}'"),
}
# @nestjs/apollo before 11 loads Apollo Server 3's integration, which `apollo-server` (3) brings too
APOLLO_SERVER_SINCE = 11
APOLLO_3_DRIVERS: dict[str, Need] = {
    name: replace(need, packages=("apollo-server-express", *need.packages[1:]),
                  alternatives=("apollo-server-fastify", "apollo-server")) if name.startswith("Apollo") else need
    for name, need in GRAPHQL_DRIVERS.items()}


def _terminus(indicator: str, *packages: str) -> Need:
    return Need(packages, 'The "{package}" package is missing. Please, make sure to install the library '
                          "($ npm install {package}) to take advantage of " + indicator + ".",
                requirer="@nestjs/terminus")


# @nestjs/terminus health indicators injected in a constructor -> the libraries they load
TERMINUS_INDICATORS: dict[str, Need] = {
    "TypeOrmHealthIndicator": _terminus("TypeOrmHealthIndicator", "@nestjs/typeorm", "typeorm"),
    "MicroserviceHealthIndicator": _terminus("MicroserviceHealthIndicator", "@nestjs/microservices"),
    "GRPCHealthIndicator": _terminus("GRPCHealthIndicator", "@nestjs/microservices", "@grpc/grpc-js",
                                     "@grpc/proto-loader"),
    "HttpHealthIndicator": _terminus("HttpHealthIndicator", "@nestjs/axios"),
    "MongooseHealthIndicator": _terminus("MongooseHealthIndicator", "@nestjs/mongoose", "mongoose"),
    "SequelizeHealthIndicator": _terminus("SequelizeHealthIndicator", "@nestjs/sequelize", "sequelize"),
    "MikroOrmHealthIndicator": _terminus("MikroOrmHealthIndicator", "@mikro-orm/nestjs", "@mikro-orm/core"),
}
# the first @nestjs/terminus major whose indicator loads those packages: before 8, HttpHealthIndicator
# used @nestjs/common's own HttpService and loaded nothing
TERMINUS_SINCE: dict[str, int] = {"HttpHealthIndicator": 8}

# Required peer dependencies of common NestJS-ecosystem packages, used when neither the lockfile
# nor node_modules records the peers (DEP003). Optional peers are left out on purpose.
KNOWN_PEERS: dict[str, tuple[str, ...]] = {
    "@nestjs/common": ("reflect-metadata", "rxjs"),
    "@nestjs/core": ("@nestjs/common", "reflect-metadata", "rxjs"),
    "@nestjs/microservices": ("@nestjs/common", "@nestjs/core", "reflect-metadata", "rxjs"),
    "@nestjs/platform-express": ("@nestjs/common", "@nestjs/core"),
    "@nestjs/platform-fastify": ("@nestjs/common", "@nestjs/core"),
    "@nestjs/websockets": ("@nestjs/common", "@nestjs/core", "reflect-metadata", "rxjs"),
    "@nestjs/typeorm": ("@nestjs/common", "@nestjs/core", "reflect-metadata", "rxjs", "typeorm"),
    "@nestjs/mongoose": ("@nestjs/common", "@nestjs/core", "mongoose", "rxjs"),
    "@nestjs/sequelize": ("@nestjs/common", "@nestjs/core", "reflect-metadata", "rxjs", "sequelize",
                          "sequelize-typescript"),
    "@nestjs/config": ("@nestjs/common", "rxjs"),
    "@nestjs/jwt": ("@nestjs/common",),
    "@nestjs/passport": ("@nestjs/common", "passport"),
    "@nestjs/axios": ("@nestjs/common", "axios", "rxjs"),
    "@nestjs/terminus": ("@nestjs/common", "@nestjs/core", "reflect-metadata", "rxjs"),
    "@nestjs/testing": ("@nestjs/common", "@nestjs/core"),
    "@nestjs/schedule": ("@nestjs/common", "@nestjs/core"),
    "@nestjs/cqrs": ("@nestjs/common", "@nestjs/core", "reflect-metadata", "rxjs"),
    "@nestjs/bull": ("@nestjs/common", "@nestjs/core", "bull"),
    "@nestjs/bullmq": ("@nestjs/common", "@nestjs/core", "bullmq"),
    "@nestjs/graphql": ("@nestjs/common", "@nestjs/core", "graphql", "reflect-metadata"),
    "@nestjs/apollo": ("@apollo/server", "@nestjs/common", "@nestjs/core", "@nestjs/graphql", "graphql"),
    "@nestjs/swagger": ("@nestjs/common", "@nestjs/core", "reflect-metadata"),
    "@nestjs-modules/ioredis": ("@nestjs/common", "@nestjs/core", "ioredis"),
    "@mikro-orm/nestjs": ("@mikro-orm/core", "@nestjs/common", "@nestjs/core"),
}
# peers that packages built on @nestjs/mapped-types list as required while their code loads them only when
# installed (`isClassValidatorAvailable()`: a guarded require); later versions mark them optional in
# peerDependenciesMeta, and pnpm 5 copies them into the records of the packages that depend on mapped-types
LOADED_IF_PRESENT: dict[str, frozenset[str]] = dict.fromkeys(
    ("@nestjs/mapped-types", "@nestjs/swagger", "@nestjs/graphql"), frozenset({"class-validator", "class-transformer"}))
# the first major version a KNOWN_PEERS entry holds for: @nestjs/apollo 10 had only optional peers
# (apollo-server-express, -fastify, -core); @apollo/server became required in 11
KNOWN_PEERS_SINCE: dict[str, int] = {"@nestjs/apollo": 11}


# the peer ranges of the NestJS core packages by major (their package.json files), for a lockfile that
# records no peers (yarn 1): a version another package's tree locks may lie outside them (rxjs 6 from the
# CLI's tree beside @nestjs/common 8, which wants ^7.1.0)
_NEST_CORE_RANGES: dict[int, dict[str, str]] = {
    6: {"reflect-metadata": "^0.1.12", "rxjs": "^6.0.0"},
    7: {"reflect-metadata": "^0.1.12", "rxjs": "^6.0.0"},
    8: {"reflect-metadata": "^0.1.12", "rxjs": "^7.1.0"},
    9: {"reflect-metadata": "^0.1.12", "rxjs": "^7.1.0"},
    10: {"reflect-metadata": "^0.1.12 || ^0.2.0", "rxjs": "^7.1.0"},
    11: {"reflect-metadata": "^0.1.12 || ^0.2.0", "rxjs": "^7.1.0"},
}


def known_peer_range(package: str, version: str | None, peer: str) -> str | None:
    """The range `package` at `version` places on its peer `peer`, where the table knows it
    (@nestjs/common and @nestjs/core: rxjs and reflect-metadata), else None."""
    major = version.split(".", 1)[0] if version else ""
    if package not in ("@nestjs/common", "@nestjs/core") or not major.isdigit():
        return None
    return _NEST_CORE_RANGES.get(int(major), {}).get(peer)


def lowest_version(declared: str | None) -> str | None:
    """The first version a declared range names (`^10.0.9` -> `10.0.9`, `>=10 <12` -> `10`): the
    lowest it allows, for a table gated by major when nothing says which version is installed."""
    found = re.search(r"\d+(?:\.\d+)*", declared or "")
    return found.group(0) if found else None


def known_peers(package: str, version: str | None) -> tuple[str, ...]:
    """KNOWN_PEERS of `package` at `version` (the one installed, when known)."""
    since = KNOWN_PEERS_SINCE.get(package)
    major = version.split(".", 1)[0] if version else ""
    if since is not None and major.isdigit() and int(major) < since:
        return ()
    return KNOWN_PEERS.get(package, ())


# every package some package of the built-in table takes as a peer: a framework its plugins share
SHARED_PEERS: frozenset[str] = frozenset(p for peers in KNOWN_PEERS.values() for p in peers)
