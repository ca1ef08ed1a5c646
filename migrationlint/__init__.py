"""migrationlint: a static linter for NestJS + TypeORM TypeScript monorepos."""

__version__ = "0.1.0"
