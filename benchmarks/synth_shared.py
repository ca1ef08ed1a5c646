"""Shared workspace packages (`shared/*` as `@bench/*`).

Each package publishes `dist/` through `main`/`types`/`exports` but only `src/` exists
(never built), and its entry points are `export *` chains, so a resolver has to map
dist back to src and follow re-exports. The generator records what each entry point
exports so services only import names that really exist (IMP003 stays clean).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from synth_names import NOUNS, kebab_to_camel, kebab_to_pascal
from synth_output import Output
from synth_workspace import registry


@dataclass
class SharedPackage:
    """A generated shared package and the names each of its entry points exports."""

    short: str
    exports: dict[str, set[str]] = field(default_factory=dict)
    manifest: dict[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """Package name, e.g. '@bench/kernel'."""
        return f"@bench/{self.short}"

    @property
    def directory(self) -> str:
        """Package directory relative to the tree root."""
        return f"shared/{self.short}"


def _manifest(short: str, subpaths: list[str], deps: dict[str, str], peers: list[str]) -> dict[str, object]:
    """package.json with an `exports` map into dist/ (which is never built)."""
    exports: dict[str, object] = {}
    for sub in subpaths:
        stem = "index" if sub == "." else f"{sub[2:]}/index"
        exports[sub] = {"types": f"./dist/{stem}.d.ts", "require": f"./dist/{stem}.js", "default": f"./dist/{stem}.js"}
    exports["./package.json"] = "./package.json"
    manifest: dict[str, object] = {
        "name": f"@bench/{short}",
        "version": "1.0.0",
        "private": True,
        "main": "dist/index.js",
        "types": "dist/index.d.ts",
        "exports": exports,
        "files": ["dist"],
        "scripts": {"build": "tsc -p tsconfig.json", "clean": "rm -rf dist"},
    }
    if deps:
        manifest["dependencies"] = dict(sorted(deps.items()))
    dev = {name: registry(name).spec for name in [*peers, "typescript"]}
    if peers:
        manifest["peerDependencies"] = {name: registry(name).spec for name in sorted(peers)}
    manifest["devDependencies"] = dict(sorted(dev.items()))
    return manifest


def _tsconfig() -> dict[str, object]:
    """Shared package tsconfig: extends the root base, emits to dist/."""
    return {
        "extends": "../../tsconfig.base.json",
        "compilerOptions": {"rootDir": "src", "outDir": "dist", "composite": True},
        "include": ["src/**/*.ts"],
        "exclude": ["src/**/*.spec.ts"],
    }


def _index(modules: list[str]) -> str:
    """An `export *` barrel."""
    return "".join(f"export * from './{m}';\n" for m in modules)


def _kernel(out: Output, pkg: SharedPackage, rng: random.Random, filler: int) -> None:
    """@bench/kernel: errors, Result type, DDD base classes; no dependencies."""
    base = f"{pkg.directory}/src"
    out.add(f"{base}/index.ts", _index(["errors", "result", "domain", "guards"]))
    out.add(f"{base}/errors/index.ts", _index(["domain-error", "not-found.error", "conflict.error", "validation.error"]))
    out.add(f"{base}/errors/domain-error.ts", (
        "export type ErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION' | 'INTERNAL';\n\n"
        "export class DomainError extends Error {\n"
        "  constructor(\n    message: string,\n    public readonly code: ErrorCode = 'INTERNAL',\n"
        "    public readonly details: Record<string, unknown> = {},\n  ) {\n"
        "    super(message);\n    this.name = new.target.name;\n  }\n}\n"))
    out.add(f"{base}/errors/not-found.error.ts", (
        "import { DomainError } from './domain-error';\n\n"
        "export class NotFoundError extends DomainError {\n"
        "  constructor(entity: string, id: string) {\n"
        "    super(`${entity} ${id} was not found`, 'NOT_FOUND', { entity, id });\n  }\n}\n"))
    out.add(f"{base}/errors/conflict.error.ts", (
        "import { DomainError } from './domain-error';\n\n"
        "export class ConflictError extends DomainError {\n"
        "  constructor(message: string, details: Record<string, unknown> = {}) {\n"
        "    super(message, 'CONFLICT', details);\n  }\n}\n"))
    out.add(f"{base}/errors/validation.error.ts", (
        "import { DomainError } from './domain-error';\n\n"
        "export interface ValidationIssue {\n  path: string;\n  message: string;\n}\n\n"
        "export class ValidationError extends DomainError {\n"
        "  constructor(public readonly issues: ValidationIssue[]) {\n"
        "    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), 'VALIDATION');\n  }\n}\n"))
    out.add(f"{base}/result/index.ts", _index(["result"]))
    out.add(f"{base}/result/result.ts", (
        "import { DomainError } from '../errors';\n\n"
        "export interface Ok<T> {\n  readonly ok: true;\n  readonly value: T;\n}\n\n"
        "export interface Err<E> {\n  readonly ok: false;\n  readonly error: E;\n}\n\n"
        "export type Result<T, E = DomainError> = Ok<T> | Err<E>;\n\n"
        "export function ok<T>(value: T): Ok<T> {\n  return { ok: true, value };\n}\n\n"
        "export function err<E>(error: E): Err<E> {\n  return { ok: false, error };\n}\n\n"
        "export function isOk<T, E>(result: Result<T, E>): result is Ok<T> {\n  return result.ok;\n}\n\n"
        "export function unwrap<T, E>(result: Result<T, E>): T {\n"
        "  if (result.ok) {\n    return result.value;\n  }\n  throw result.error;\n}\n"))
    out.add(f"{base}/domain/index.ts",
            "export * from './aggregate-root';\nexport * from './entity-id';\n"
            "export { Clock, SystemClock, FixedClock } from './clock';\n")
    out.add(f"{base}/domain/aggregate-root.ts", (
        "export interface DomainEvent {\n  readonly type: string;\n  readonly occurredAt: Date;\n}\n\n"
        "export abstract class AggregateRoot<TId = string> {\n"
        "  private readonly pending: DomainEvent[] = [];\n\n"
        "  protected constructor(public readonly id: TId) {}\n\n"
        "  protected record(event: DomainEvent): void {\n    this.pending.push(event);\n  }\n\n"
        "  pullEvents(): DomainEvent[] {\n    return this.pending.splice(0, this.pending.length);\n  }\n}\n"))
    out.add(f"{base}/domain/entity-id.ts", (
        "const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;\n\n"
        "export type EntityId = string & { readonly __brand: 'EntityId' };\n\n"
        "export function isEntityId(value: string): value is EntityId {\n  return UUID_PATTERN.test(value);\n}\n\n"
        "export function toEntityId(value: string): EntityId {\n"
        "  if (!isEntityId(value)) {\n    throw new TypeError(`invalid id: ${value}`);\n  }\n  return value;\n}\n"))
    out.add(f"{base}/domain/clock.ts", (
        "export interface Clock {\n  now(): Date;\n}\n\n"
        "export class SystemClock implements Clock {\n  now(): Date {\n    return new Date();\n  }\n}\n\n"
        "export class FixedClock implements Clock {\n  constructor(private readonly instant: Date) {}\n\n"
        "  now(): Date {\n    return new Date(this.instant.getTime());\n  }\n}\n\n"
        "export const CLOCK_INTERNAL_VERSION = 2;\n"))
    guards = _filler_functions(out, f"{base}/guards", "assert", rng, filler)
    out.add(f"{base}/guards/index.ts", _index(guards))
    pkg.exports["."] = {
        "DomainError", "ErrorCode", "NotFoundError", "ConflictError", "ValidationError", "ValidationIssue",
        "Ok", "Err", "Result", "ok", "err", "isOk", "unwrap", "DomainEvent", "AggregateRoot", "EntityId",
        "isEntityId", "toEntityId", "Clock", "SystemClock", "FixedClock",
    } | _filler_names(guards)
    pkg.manifest = _manifest(pkg.short, ["."], {}, [])


def _filler_functions(out: Output, directory: str, verb: str, rng: random.Random, count: int) -> list[str]:
    """Small exported pure functions, one per file, returning their module names.

    These give shared packages a realistic number of files; each function name is the
    camelCase of its file name so the barrel's exports are easy to predict.
    """
    modules: list[str] = []
    nouns = list(NOUNS)
    rng.shuffle(nouns)
    for i in range(count):
        noun = nouns[i % len(nouns)]
        module = f"{verb}-{noun}" if i < len(nouns) else f"{verb}-{noun}-{i // len(nouns)}"
        fn = kebab_to_camel(module)
        input_type = filler_input_type(module)
        body_lines = []
        for k in range(rng.randint(3, 12)):
            body_lines.append(
                f"  if (typeof input.field{k} !== 'undefined' && String(input.field{k}).length > {rng.randint(8, 256)}) {{\n"
                f"    problems.push('{noun} field{k} is too long');\n  }}\n")
        text = (
            f"export interface {input_type} {{\n"
            + "".join(f"  field{k}?: string | number;\n" for k in range(len(body_lines)))
            + "}\n\n"
            f"/** Checks a {noun} payload and returns the problems found (empty when valid). */\n"
            f"export function {fn}(input: {input_type}): string[] {{\n"
            "  const problems: string[] = [];\n" + "".join(body_lines) + "  return problems;\n}\n")
        out.add(f"{directory}/{module}.ts", text)
        modules.append(module)
    return modules


def filler_input_type(module: str) -> str:
    """Interface name exported next to a filler function ('check-order' -> 'CheckOrderInput')."""
    return f"{kebab_to_pascal(module)}Input"


def _filler_names(modules: list[str]) -> set[str]:
    """Every name the filler modules export (function plus input interface)."""
    return {kebab_to_camel(m) for m in modules} | {filler_input_type(m) for m in modules}


def _common(out: Output, pkg: SharedPackage) -> None:
    """@bench/common: NestJS helpers, DTO base classes; depends on @bench/kernel."""
    base = f"{pkg.directory}/src"
    out.add(f"{base}/index.ts",
            _index(["pagination", "http", "decorators"])
            + "export { DomainError as BaseError } from '@bench/kernel';\n")
    out.add(f"{base}/pagination/index.ts", _index(["page-query.dto", "page-result", "paginate"]))
    out.add(f"{base}/pagination/page-query.dto.ts", (
        "import { Type } from 'class-transformer';\n"
        "import { IsInt, IsOptional, Max, Min } from 'class-validator';\n\n"
        "export class PageQueryDto {\n"
        "  @IsOptional()\n  @Type(() => Number)\n  @IsInt()\n  @Min(1)\n  page?: number = 1;\n\n"
        "  @IsOptional()\n  @Type(() => Number)\n  @IsInt()\n  @Min(1)\n  @Max(200)\n  limit?: number = 20;\n}\n"))
    out.add(f"{base}/pagination/page-result.ts", (
        "export interface PageMeta {\n  page: number;\n  limit: number;\n  total: number;\n  pages: number;\n}\n\n"
        "export interface PageResult<T> {\n  items: T[];\n  meta: PageMeta;\n}\n"))
    out.add(f"{base}/pagination/paginate.ts", (
        "import type { PageMeta, PageResult } from './page-result';\n\n"
        "export function pageMeta(total: number, page = 1, limit = 20): PageMeta {\n"
        "  return { page, limit, total, pages: Math.max(1, Math.ceil(total / limit)) };\n}\n\n"
        "export function paginate<T>(items: T[], total: number, query: { page?: number; limit?: number }): PageResult<T> {\n"
        "  return { items, meta: pageMeta(total, query.page ?? 1, query.limit ?? 20) };\n}\n"))
    out.add(f"{base}/http/index.ts", _index(["domain-exception.filter", "logging.interceptor"]))
    out.add(f"{base}/http/domain-exception.filter.ts", (
        "import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';\n"
        "import { DomainError } from '@bench/kernel';\n\n"
        "const STATUS_BY_CODE: Record<string, number> = {\n  NOT_FOUND: HttpStatus.NOT_FOUND,\n"
        "  CONFLICT: HttpStatus.CONFLICT,\n  VALIDATION: HttpStatus.UNPROCESSABLE_ENTITY,\n};\n\n"
        "@Catch(DomainError)\nexport class DomainExceptionFilter implements ExceptionFilter {\n"
        "  catch(error: DomainError, host: ArgumentsHost): void {\n"
        "    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();\n"
        "    const status = STATUS_BY_CODE[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;\n"
        "    response.status(status).json({ code: error.code, message: error.message, details: error.details });\n"
        "  }\n}\n"))
    out.add(f"{base}/http/logging.interceptor.ts", (
        "import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';\n"
        "import { Observable, tap } from 'rxjs';\n\n"
        "@Injectable()\nexport class LoggingInterceptor implements NestInterceptor {\n"
        "  private readonly logger = new Logger('HTTP');\n\n"
        "  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {\n"
        "    const started = Date.now();\n    const handler = context.getHandler().name;\n"
        "    return next.handle().pipe(tap(() => this.logger.log(`${handler} ${Date.now() - started}ms`)));\n"
        "  }\n}\n"))
    out.add(f"{base}/decorators/index.ts", _index(["current-user.decorator", "public.decorator"]))
    out.add(f"{base}/decorators/current-user.decorator.ts", (
        "import { createParamDecorator, ExecutionContext } from '@nestjs/common';\n\n"
        "export interface RequestUser {\n  id: string;\n  tenantId: string;\n  roles: string[];\n}\n\n"
        "export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): RequestUser => {\n"
        "  const request = context.switchToHttp().getRequest<{ user: RequestUser }>();\n  return request.user;\n});\n"))
    out.add(f"{base}/decorators/public.decorator.ts", (
        "import { SetMetadata } from '@nestjs/common';\n\n"
        "export const IS_PUBLIC_KEY = 'isPublic';\nexport const Public = () => SetMetadata(IS_PUBLIC_KEY, true);\n"))
    pkg.exports["."] = {
        "PageQueryDto", "PageMeta", "PageResult", "pageMeta", "paginate", "DomainExceptionFilter",
        "LoggingInterceptor", "RequestUser", "CurrentUser", "IS_PUBLIC_KEY", "Public", "BaseError",
    }
    deps = {"@bench/kernel": "workspace:*", "class-transformer": registry("class-transformer").spec,
            "class-validator": registry("class-validator").spec}
    pkg.manifest = _manifest(pkg.short, ["."], deps, ["@nestjs/common", "reflect-metadata", "rxjs"])


def _utils(out: Output, pkg: SharedPackage, rng: random.Random, filler: int) -> None:
    """@bench/utils: dependency-free helpers behind nested barrels."""
    base = f"{pkg.directory}/src"
    out.add(f"{base}/index.ts", _index(["arrays", "async", "strings", "checks"]))
    out.add(f"{base}/arrays/index.ts", _index(["chunk", "uniq-by"]))
    out.add(f"{base}/arrays/chunk.ts", (
        "export function chunk<T>(items: readonly T[], size: number): T[][] {\n"
        "  if (size <= 0) {\n    throw new RangeError('size must be positive');\n  }\n"
        "  const out: T[][] = [];\n  for (let i = 0; i < items.length; i += size) {\n"
        "    out.push(items.slice(i, i + size));\n  }\n  return out;\n}\n"))
    out.add(f"{base}/arrays/uniq-by.ts", (
        "export function uniqBy<T, K>(items: readonly T[], key: (item: T) => K): T[] {\n"
        "  const seen = new Set<K>();\n  return items.filter((item) => {\n    const k = key(item);\n"
        "    if (seen.has(k)) {\n      return false;\n    }\n    seen.add(k);\n    return true;\n  });\n}\n"))
    out.add(f"{base}/async/index.ts", _index(["sleep", "retry"]))
    out.add(f"{base}/async/sleep.ts",
            "export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));\n")
    out.add(f"{base}/async/retry.ts", (
        "import { sleep } from './sleep';\n\n"
        "export interface RetryOptions {\n  attempts: number;\n  delayMs: number;\n}\n\n"
        "export async function retry<T>(\n  fn: () => Promise<T>,\n"
        "  options: RetryOptions = { attempts: 3, delayMs: 200 },\n): Promise<T> {\n"
        "  let lastError: unknown;\n  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {\n"
        "    try {\n      return await fn();\n    } catch (error) {\n      lastError = error;\n"
        "      await sleep(options.delayMs * attempt);\n    }\n  }\n  throw lastError;\n}\n"))
    out.add(f"{base}/strings/index.ts", _index(["case"]))
    out.add(f"{base}/strings/case.ts", (
        "export function toSnakeCase(value: string): string {\n"
        "  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-\\s]+/g, '_').toLowerCase();\n}\n\n"
        "export function toKebabCase(value: string): string {\n  return toSnakeCase(value).replace(/_/g, '-');\n}\n\n"
        "export function truncate(value: string, max: number): string {\n"
        "  return value.length <= max ? value : `${value.slice(0, Math.max(0, max - 1))}…`;\n}\n"))
    checks = _filler_functions(out, f"{base}/checks", "check", rng, filler)
    out.add(f"{base}/checks/index.ts", _index(checks))
    pkg.exports["."] = {"chunk", "uniqBy", "sleep", "retry", "RetryOptions", "toSnakeCase", "toKebabCase",
                        "truncate"} | _filler_names(checks)
    pkg.manifest = _manifest(pkg.short, ["."], {}, [])


def event_names(noun: str) -> tuple[str, str]:
    """Names of the created/updated event interfaces contracts exports for `noun`."""
    pascal = kebab_to_pascal(noun)
    return f"{pascal}CreatedEvent", f"{pascal}UpdatedEvent"


def _contracts(out: Output, pkg: SharedPackage) -> None:
    """@bench/contracts: Kafka topics and event payloads, with a `./events` subpath export."""
    base = f"{pkg.directory}/src"
    out.add(f"{base}/index.ts", _index(["events", "topics"]))
    event_modules = [f"{noun}.events" for noun in NOUNS]
    out.add(f"{base}/events/index.ts", _index(event_modules))
    names: set[str] = set()
    topic_lines = []
    for noun in NOUNS:
        created, updated = event_names(noun)
        const = noun.replace("-", "_").upper()
        out.add(f"{base}/events/{noun}.events.ts", (
            "import type { EntityId } from '@bench/kernel';\n\n"
            f"export interface {created} {{\n  id: EntityId;\n  tenantId: string;\n  occurredAt: string;\n"
            "  payload: Record<string, unknown>;\n}\n\n"
            f"export interface {updated} {{\n  id: EntityId;\n  changes: string[];\n  occurredAt: string;\n}}\n"))
        names.update({created, updated})
        topic_lines.append(f"  {const}_CREATED: '{noun}.created',\n  {const}_UPDATED: '{noun}.updated',\n")
    out.add(f"{base}/topics.ts",
            "export const Topics = {\n" + "".join(topic_lines) + "} as const;\n\n"
            "export type Topic = (typeof Topics)[keyof typeof Topics];\n")
    pkg.exports["./events"] = set(names)
    pkg.exports["."] = names | {"Topics", "Topic"}
    pkg.manifest = _manifest(pkg.short, [".", "./events"], {"@bench/kernel": "workspace:*"}, [])


def _logging(out: Output, pkg: SharedPackage) -> None:
    """@bench/logging: a JSON LoggerService used by every service's main.ts."""
    base = f"{pkg.directory}/src"
    out.add(f"{base}/index.ts", _index(["app-logger", "log-context"]))
    out.add(f"{base}/log-context.ts", (
        "export interface LogContext {\n  service: string;\n  requestId?: string;\n  tenantId?: string;\n}\n"))
    out.add(f"{base}/app-logger.ts", (
        "import { LoggerService } from '@nestjs/common';\n"
        "import type { LogContext } from './log-context';\n\n"
        "type Level = 'log' | 'error' | 'warn' | 'debug' | 'verbose';\n\n"
        "export class AppLogger implements LoggerService {\n"
        "  constructor(private readonly service: string, private readonly context: Partial<LogContext> = {}) {}\n\n"
        "  log(message: unknown, ...meta: unknown[]): void {\n    this.write('log', message, meta);\n  }\n\n"
        "  error(message: unknown, ...meta: unknown[]): void {\n    this.write('error', message, meta);\n  }\n\n"
        "  warn(message: unknown, ...meta: unknown[]): void {\n    this.write('warn', message, meta);\n  }\n\n"
        "  debug(message: unknown, ...meta: unknown[]): void {\n    this.write('debug', message, meta);\n  }\n\n"
        "  verbose(message: unknown, ...meta: unknown[]): void {\n    this.write('verbose', message, meta);\n  }\n\n"
        "  private write(level: Level, message: unknown, meta: unknown[]): void {\n"
        "    const line = { level, service: this.service, ...this.context, message, meta, at: new Date().toISOString() };\n"
        "    process.stdout.write(`${JSON.stringify(line)}\\n`);\n  }\n}\n"))
    pkg.exports["."] = {"AppLogger", "LogContext"}
    pkg.manifest = _manifest(pkg.short, ["."], {}, ["@nestjs/common", "reflect-metadata", "rxjs"])
    pkg.manifest["devDependencies"] = dict(sorted({**pkg.manifest["devDependencies"],  # type: ignore[dict-item]
                                                   "@types/node": registry("@types/node").spec}.items()))


def generate_shared(out: Output, rng: random.Random, n_services: int) -> dict[str, SharedPackage]:
    """Write every shared package; returns them by package name."""
    filler = 4 + n_services // 2
    packages = {short: SharedPackage(short) for short in ("kernel", "common", "utils", "contracts", "logging")}
    _kernel(out, packages["kernel"], rng, filler)
    _common(out, packages["common"])
    _utils(out, packages["utils"], rng, filler)
    _contracts(out, packages["contracts"])
    _logging(out, packages["logging"])
    for pkg in packages.values():
        out.add_json(f"{pkg.directory}/package.json", pkg.manifest)
        out.add_json(f"{pkg.directory}/tsconfig.json", _tsconfig())
    return {pkg.name: pkg for pkg in packages.values()}
