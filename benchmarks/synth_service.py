"""One NestJS + TypeORM service (`services/svc-XX`) with its planted defects.

Every clean import goes through `Imports`, and the manifest is derived from the
packages the emitted files actually import, so clean code never has a dependency
finding. Defects are raw lines added on top and located afterwards by needle.
"""

from __future__ import annotations

import math
import random

from synth_features import FeatureFiles
from synth_migrations import MigrationSpec, render_migration
from synth_names import (
    FIELD_POOL, MIGRATION_TAILS, MIGRATION_VERBS, NOUNS, Field, kebab_to_pascal, pick_fields, pick_module_nouns,
    plural_kebab,
)
from synth_output import Output
from synth_plan import EXTRA_KINDS, MODULE_BASE_FILES, EntityPlan, ModulePlan, ServicePlan
from synth_ts import Imports, bare_package
from synth_workspace import registry

TS_MIN = 1_640_995_200_000  # 2022-01-01: every clean timestamp is after this ...
TS_MAX = 1_735_689_600_000  # ... and before 2025-01-01 (never "in the future")
MIGRATION_SHARE = 0.16
# IMP003 variants: (import line template, member line template); {E} = main entity class.
IMP003_VARIANTS = (
    ("import {{ PaginatedResult }} from '@bench/common';", "  private lastPage?: PaginatedResult<{E}>;"),
    ("import {{ DEFAULT_PAGE_LIMIT }} from '@/common/constants';", "  private readonly pageLimit = DEFAULT_PAGE_LIMIT;"),
    ("import {{ CLOCK_INTERNAL_VERSION }} from '@bench/kernel';", "  private readonly clockVersion = CLOCK_INTERNAL_VERSION;"),
    ("import {{ {E}Status }} from './entities/{noun}.entity';", "  private defaultStatus?: {E}Status;"),
)


class ServiceBuilder(FeatureFiles):
    """Renders every file of one service and records which packages they import."""

    def __init__(self, plan: ServicePlan, out: Output, rng: random.Random) -> None:
        self.plan = plan
        self.out = out
        self.rng = rng
        self.prod: set[str] = set()
        self.dev: set[str] = set()
        self.modules: list[ModulePlan] = []
        self.files_written = 0
        self.filler_count = 0

    # ----------------------------------------------------------------- plumbing
    def emit(self, rel: str, imports: Imports, body: str, *, test: bool = False, raw: tuple[str, ...] = ()) -> str:
        """Write one .ts file under the service and note the packages it imports."""
        head = imports.render()
        if raw:
            head = (head + "\n" if head else "") + "\n".join(raw)
        text = (head + "\n\n" if head else "") + body.rstrip("\n") + "\n"
        for spec in imports.modules():
            package = bare_package(spec)
            if package:
                (self.dev if test else self.prod).add(package)
        path = f"{self.plan.root}/{rel}"
        self.out.add(path, text)
        self.files_written += 1
        return path

    def has(self, code: str) -> bool:
        """Does this service carry a defect of rule `code`?"""
        return code in self.plan.defects

    # ----------------------------------------------------------------- planning
    def fixed_file_count(self) -> int:
        """Files every service has regardless of budget (main, app module, common, health...)."""
        return 10 + (3 if self.plan.uses_kafka else 0) + (4 if self.plan.uses_redis else 0)

    def migration_count(self) -> int:
        """About 15% of the budget, but room for every migration-level defect."""
        needed = sum(1 for code in self.plan.defects if code.startswith("MIG") and code != "MIG011") + 3
        return max(round(self.plan.files_budget * MIGRATION_SHARE), needed)

    def plan_modules(self, remaining: int) -> None:
        """Split the remaining file budget into feature modules of 7-15 files; the rest is filler."""
        nouns = pick_module_nouns(self.rng, max(1, remaining // MODULE_BASE_FILES + 1))
        for noun in nouns:
            if remaining < MODULE_BASE_FILES and self.modules:
                break
            size = min(self.rng.randint(MODULE_BASE_FILES, 15), remaining)
            if 0 < remaining - size < MODULE_BASE_FILES:
                size = remaining
            module = self._plan_module(noun, max(0, size - MODULE_BASE_FILES))
            self.modules.append(module)
            remaining -= MODULE_BASE_FILES + len(module.extras)
        self.filler_count = max(0, remaining)

    def _plan_module(self, noun: str, n_extras: int) -> ModulePlan:
        """Choose entities and optional files of one module."""
        plural = plural_kebab(noun)
        candidates = [k for k in EXTRA_KINDS if k != "events-controller" or (self.plan.uses_kafka and noun in NOUNS)]
        self.rng.shuffle(candidates)
        extras = candidates[:n_extras]
        relation = None
        if self.modules and self.rng.random() < 0.5:
            target = self.rng.choice(self.modules).entity
            relation = (target.cls, target.path)
        main = EntityPlan(noun, self._entity_fields(), f"src/{plural}/entities/{noun}.entity.ts", relation)
        extra_entities = []
        for kind in extras:
            if kind.startswith("entity:"):
                sub = f"{noun}-{kind.split(':')[1]}"
                extra_entities.append(EntityPlan(sub, self._entity_fields(), f"src/{plural}/entities/{sub}.entity.ts",
                                                 (main.cls, main.path)))
        return ModulePlan(noun, main, extra_entities, extras, self.rng.randint(0, 6))

    def _entity_fields(self) -> list[Field]:
        """Log-normal column count: most entities have 8-20 columns, a few many more."""
        return pick_fields(self.rng, int(self.rng.lognormvariate(2.75, 0.45)))

    # ----------------------------------------------------------------- build
    def build(self) -> dict[str, object]:
        """Write the whole service; returns its package.json (also written)."""
        n_migrations = self.migration_count()
        self.plan_modules(self.plan.files_budget - self.fixed_file_count() - n_migrations)
        self.write_fixed()
        for module in self.modules:
            self.write_module(module)
        self.write_migrations(n_migrations)
        self.write_fillers()
        self.write_entity_defect()
        self.write_service_defects()
        manifest = self.manifest()
        self.out.add_json(f"{self.plan.root}/package.json", manifest)
        self.out.add_json(f"{self.plan.root}/tsconfig.json", self.tsconfig())
        return manifest

    # ----------------------------------------------------------------- fixed files
    def write_fixed(self) -> None:
        """main.ts, app module, config, common helpers, health, kafka, cache, e2e test."""
        self.write_main()
        self.write_app_module()
        self.write_config()
        self.write_common()
        self.write_health()
        if self.plan.uses_kafka:
            self.write_kafka()
        if self.plan.uses_redis:
            self.write_cache()
        self.write_e2e()

    def write_main(self) -> None:
        """Bootstrap: ValidationPipe and NestFactory.create without adapter (implicit deps)."""
        imp = Imports()
        imp.add_side_effect("reflect-metadata")
        imp.add("@nestjs/common", "ValidationPipe")
        imp.add("@nestjs/core", "NestFactory")
        imp.add("@nestjs/swagger", "DocumentBuilder", "SwaggerModule")
        imp.add("@bench/common", "DomainExceptionFilter", "LoggingInterceptor")
        imp.add("@bench/logging", "AppLogger")
        imp.add("./app.module", "AppModule")
        imp.add("./common/filters/http-exception.filter", "HttpExceptionFilter")
        body = (
            "async function bootstrap(): Promise<void> {\n"
            f"  const app = await NestFactory.create(AppModule, {{ logger: new AppLogger('{self.plan.name}') }});\n"
            "  app.setGlobalPrefix('api');\n"
            "  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true, forbidNonWhitelisted: true }));\n"
            "  app.useGlobalFilters(new DomainExceptionFilter(), new HttpExceptionFilter());\n"
            "  app.useGlobalInterceptors(new LoggingInterceptor());\n"
            "  app.enableShutdownHooks();\n"
            f"  const config = new DocumentBuilder().setTitle('{self.plan.name}').setVersion('1.0').addBearerAuth().build();\n"
            "  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, config));\n"
            "  await app.listen(Number(process.env.PORT ?? 3000));\n}\n\nvoid bootstrap();\n")
        self.emit("src/main.ts", imp, body)

    def write_app_module(self) -> None:
        """Root module with TypeOrmModule.forRoot and the migrations glob."""
        imp = Imports()
        imp.add("@nestjs/common", "Module")
        imp.add("@nestjs/config", "ConfigModule")
        imp.add("@nestjs/typeorm", "TypeOrmModule")
        imp.add_default("./config/configuration", "configuration")
        imp.add("./health/health.module", "HealthModule")
        modules = ["HealthModule"]
        if self.plan.uses_kafka:
            imp.add("./kafka/kafka.module", "KafkaModule")
            modules.append("KafkaModule")
        if self.plan.uses_redis:
            imp.add("./cache/cache.module", "CacheModule")
            modules.append("CacheModule")
        for module in self.modules:
            cls = f"{kebab_to_pascal(module.plural)}Module"
            imp.add(f"./{module.plural}/{module.plural}.module", cls)
            modules.append(cls)
        db = self.plan.name.replace("-", "_")
        body = (
            "@Module({\n  imports: [\n    ConfigModule.forRoot({ isGlobal: true, load: [configuration] }),\n"
            "    TypeOrmModule.forRoot({\n      type: 'postgres',\n"
            "      host: process.env.DB_HOST ?? 'localhost',\n      port: Number(process.env.DB_PORT ?? 5432),\n"
            f"      username: process.env.DB_USER ?? '{db}',\n      password: process.env.DB_PASSWORD,\n"
            f"      database: process.env.DB_NAME ?? '{db}',\n      autoLoadEntities: true,\n"
            "      synchronize: false,\n      migrationsRun: true,\n"
            "      migrations: [__dirname + '/migrations/*.{ts,js}'],\n    }),\n"
            + "".join(f"    {m},\n" for m in modules) + "  ],\n})\nexport class AppModule {}\n")
        self.emit("src/app.module.ts", imp, body)

    def write_config(self) -> None:
        """Typed configuration factory (default export, imported by the app module)."""
        body = (
            "export interface AppConfig {\n  port: number;\n  database: { host: string; port: number; name: string };\n"
            "  kafka: { brokers: string[]; clientId: string };\n  redisUrl: string;\n}\n\n"
            "export default (): AppConfig => ({\n  port: parseInt(process.env.PORT ?? '3000', 10),\n"
            "  database: {\n    host: process.env.DB_HOST ?? 'localhost',\n"
            "    port: parseInt(process.env.DB_PORT ?? '5432', 10),\n"
            f"    name: process.env.DB_NAME ?? '{self.plan.name.replace('-', '_')}',\n  }},\n"
            "  kafka: {\n    brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),\n"
            f"    clientId: '{self.plan.name}',\n  }},\n"
            "  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',\n});\n")
        self.emit("src/config/configuration.ts", Imports(), body)

    def write_common(self) -> None:
        """Service-local helpers reached through the `@/` alias."""
        self.emit("src/common/constants.ts", Imports(), (
            f"export const SERVICE_NAME = '{self.plan.name}';\nexport const DEFAULT_PAGE_SIZE = 20;\n"
            "export const MAX_PAGE_SIZE = 200;\nexport const REQUEST_TIMEOUT_MS = 15_000;\n"))
        imp = Imports()
        imp.add("class-validator", "IsUUID")
        self.emit("src/common/dto/id-param.dto.ts", imp,
                  "export class IdParamDto {\n  @IsUUID()\n  id!: string;\n}\n")
        imp = Imports()
        imp.add("@nestjs/common", "ArgumentsHost", "Catch", "ExceptionFilter", "HttpException", "Logger")
        self.emit("src/common/filters/http-exception.filter.ts", imp, (
            "@Catch(HttpException)\nexport class HttpExceptionFilter implements ExceptionFilter {\n"
            "  private readonly logger = new Logger(HttpExceptionFilter.name);\n\n"
            "  catch(exception: HttpException, host: ArgumentsHost): void {\n"
            "    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();\n"
            "    const status = exception.getStatus();\n"
            "    if (status >= 500) {\n      this.logger.error(exception.message, exception.stack);\n    }\n"
            "    response.status(status).json({ statusCode: status, message: exception.message });\n  }\n}\n"))
        imp = Imports()
        imp.add("@nestjs/common", "CallHandler", "ExecutionContext", "Injectable", "NestInterceptor",
                "RequestTimeoutException")
        imp.add("rxjs", "Observable", "TimeoutError", "catchError", "throwError", "timeout")
        imp.add("@/common/constants", "REQUEST_TIMEOUT_MS")
        self.emit("src/common/interceptors/timeout.interceptor.ts", imp, (
            "@Injectable()\nexport class TimeoutInterceptor implements NestInterceptor {\n"
            "  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {\n"
            "    return next.handle().pipe(\n      timeout(REQUEST_TIMEOUT_MS),\n"
            "      catchError((error: unknown) =>\n"
            "        throwError(() => (error instanceof TimeoutError ? new RequestTimeoutException() : error)),\n"
            "      ),\n    );\n  }\n}\n"))

    def write_health(self) -> None:
        """Terminus health check; redis indicator only where it exists (IMP002 bait)."""
        imp = Imports()
        imp.add("@nestjs/common", "Module")
        imp.add("@nestjs/terminus", "TerminusModule")
        imp.add("./health.controller", "HealthController")
        providers = ""
        raw: tuple[str, ...] = ()
        if self.plan.uses_redis:
            imp.add("./redis.health", "RedisHealthIndicator")
            providers = "\n  providers: [RedisHealthIndicator],"
        elif self.has("IMP002"):
            raw = ("import { RedisHealthIndicator } from './redis.health';",)
            providers = "\n  providers: [RedisHealthIndicator],"
        path = self.emit("src/health/health.module.ts", imp, (
            f"@Module({{\n  imports: [TerminusModule],\n  controllers: [HealthController],{providers}\n}})\n"
            "export class HealthModule {}\n"), raw=raw)
        if raw:
            self.out.mark("IMP002", path, "from './redis.health'")
        imp = Imports()
        imp.add("@nestjs/common", "Controller", "Get")
        imp.add("@nestjs/terminus", "DiskHealthIndicator", "HealthCheck", "HealthCheckResult", "HealthCheckService",
                "MemoryHealthIndicator", "TypeOrmHealthIndicator")
        ctor = ["private readonly health: HealthCheckService", "private readonly db: TypeOrmHealthIndicator",
                "private readonly memory: MemoryHealthIndicator", "private readonly disk: DiskHealthIndicator"]
        checks = ["() => this.db.pingCheck('database', { timeout: 1500 })",
                  "() => this.memory.checkHeap('memory_heap', 512 * 1024 * 1024)",
                  "() => this.disk.checkStorage('storage', { path: '/', thresholdPercent: 0.9 })"]
        if self.plan.uses_redis:
            imp.add("./redis.health", "RedisHealthIndicator")
            ctor.append("private readonly redis: RedisHealthIndicator")
            checks.append("() => this.redis.isHealthy('redis')")
        self.emit("src/health/health.controller.ts", imp, (
            "@Controller('health')\nexport class HealthController {\n  constructor(\n"
            + "".join(f"    {c},\n" for c in ctor) + "  ) {}\n\n  @Get()\n  @HealthCheck()\n"
            "  check(): Promise<HealthCheckResult> {\n    return this.health.check([\n"
            + "".join(f"      {c},\n" for c in checks) + "    ]);\n  }\n}\n"))

    def write_kafka(self) -> None:
        """Kafka client module: the one `Transport.KAFKA` of the service (DEP004 bait)."""
        self.emit("src/kafka/kafka.constants.ts", Imports(), (
            "export const KAFKA_CLIENT = 'KAFKA_CLIENT';\n"
            f"export const KAFKA_GROUP_ID = '{self.plan.name}-consumer';\n"))
        imp = Imports()
        imp.add("@nestjs/common", "Module")
        imp.add("@nestjs/microservices", "ClientsModule", "Transport")
        imp.add("./kafka.constants", "KAFKA_CLIENT", "KAFKA_GROUP_ID")
        imp.add("./kafka.producer", "KafkaProducer")
        path = self.emit("src/kafka/kafka.module.ts", imp, (
            "@Module({\n  imports: [\n    ClientsModule.register([\n      {\n        name: KAFKA_CLIENT,\n"
            "        transport: Transport.KAFKA,\n        options: {\n          client: {\n"
            f"            clientId: '{self.plan.name}',\n"
            "            brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),\n          },\n"
            "          consumer: { groupId: KAFKA_GROUP_ID },\n          producer: { allowAutoTopicCreation: false },\n"
            "        },\n      },\n    ]),\n  ],\n  providers: [KafkaProducer],\n  exports: [KafkaProducer],\n})\n"
            "export class KafkaModule {}\n"))
        if self.has("DEP004"):
            self.out.mark("DEP004", path, "transport: Transport.KAFKA,")
        imp = Imports()
        imp.add("@nestjs/common", "Inject", "Injectable", "OnModuleDestroy", "OnModuleInit")
        imp.add("@nestjs/microservices", "ClientKafka")
        imp.add("rxjs", "lastValueFrom")
        imp.add("./kafka.constants", "KAFKA_CLIENT")
        result = "unknown"
        if self.plan.kafkajs:
            imp.add_type("kafkajs", "RecordMetadata")
            result = "RecordMetadata[]"
        self.emit("src/kafka/kafka.producer.ts", imp, (
            "@Injectable()\nexport class KafkaProducer implements OnModuleInit, OnModuleDestroy {\n"
            "  constructor(@Inject(KAFKA_CLIENT) private readonly client: ClientKafka) {}\n\n"
            "  async onModuleInit(): Promise<void> {\n    await this.client.connect();\n  }\n\n"
            "  async onModuleDestroy(): Promise<void> {\n    await this.client.close();\n  }\n\n"
            f"  publish<T>(topic: string, key: string, payload: T): Promise<{result}> {{\n"
            f"    return lastValueFrom(this.client.emit<{result}>(topic, {{ key, value: JSON.stringify(payload) }}));\n"
            "  }\n}\n"))

    def write_cache(self) -> None:
        """The ioredis client, cache service and the redis health indicator."""
        self.emit("src/cache/redis.constants.ts", Imports(), "export const REDIS_CLIENT = Symbol('REDIS_CLIENT');\n")
        imp = Imports()
        imp.add("@nestjs/common", "Global", "Module")
        imp.add_default("ioredis", "Redis")
        imp.add("./cache.service", "CacheService")
        imp.add("./redis.constants", "REDIS_CLIENT")
        self.emit("src/cache/cache.module.ts", imp, (
            "@Global()\n@Module({\n  providers: [\n    {\n      provide: REDIS_CLIENT,\n"
            "      useFactory: (): Redis => new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {\n"
            "        lazyConnect: true,\n        maxRetriesPerRequest: 2,\n      }),\n    },\n    CacheService,\n"
            "  ],\n  exports: [REDIS_CLIENT, CacheService],\n})\nexport class CacheModule {}\n"))
        imp = Imports()
        imp.add("@nestjs/common", "Inject", "Injectable")
        imp.add_default("ioredis", "Redis")
        imp.add("./redis.constants", "REDIS_CLIENT")
        self.emit("src/cache/cache.service.ts", imp, (
            "@Injectable()\nexport class CacheService {\n"
            "  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}\n\n"
            "  async get<T>(key: string): Promise<T | null> {\n    const raw = await this.redis.get(key);\n"
            "    return raw === null ? null : (JSON.parse(raw) as T);\n  }\n\n"
            "  async set(key: string, value: unknown, ttlSeconds = 300): Promise<void> {\n"
            "    await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);\n  }\n}\n"))
        imp = Imports()
        imp.add("@nestjs/common", "Inject", "Injectable")
        imp.add("@nestjs/terminus", "HealthCheckError", "HealthIndicator", "HealthIndicatorResult")
        imp.add_default("ioredis", "Redis")
        imp.add("../cache/redis.constants", "REDIS_CLIENT")
        self.emit("src/health/redis.health.ts", imp, (
            "@Injectable()\nexport class RedisHealthIndicator extends HealthIndicator {\n"
            "  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {\n    super();\n  }\n\n"
            "  async isHealthy(key: string): Promise<HealthIndicatorResult> {\n"
            "    const pong = await this.redis.ping();\n    const result = this.getStatus(key, pong === 'PONG');\n"
            "    if (pong !== 'PONG') {\n      throw new HealthCheckError('Redis check failed', result);\n    }\n"
            "    return result;\n  }\n}\n"))

    def write_e2e(self) -> None:
        """test/app.e2e-spec.ts: a test file using dev-only packages (uuid, @nestjs/testing)."""
        imp = Imports()
        imp.add("@nestjs/common", "INestApplication")
        imp.add("@nestjs/testing", "Test")
        imp.add("uuid", "v4 as uuidv4")
        imp.add("../src/app.module", "AppModule")
        self.emit("test/app.e2e-spec.ts", imp, (
            f"describe('{self.plan.name} (e2e)', () => {{\n  let app: INestApplication;\n\n"
            "  beforeAll(async () => {\n"
            "    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();\n"
            "    app = moduleRef.createNestApplication();\n    await app.init();\n  });\n\n"
            "  afterAll(async () => {\n    await app.close();\n  });\n\n"
            "  it('boots with a request id', () => {\n    expect(uuidv4()).toHaveLength(36);\n"
            "    expect(app.getHttpServer()).toBeDefined();\n  });\n});\n"), test=True)
        self.out.add_json(f"{self.plan.root}/test/jest-e2e.json", {
            "moduleFileExtensions": ["js", "json", "ts"], "rootDir": "..", "testRegex": ".e2e-spec.ts$",
            "transform": {"^.+\\.(t|j)s$": "ts-jest"}, "moduleNameMapper": {"^@/(.*)$": "<rootDir>/src/$1"},
            "testEnvironment": "node"})

    # ----------------------------------------------------------------- migrations
    def write_migrations(self, count: int) -> None:
        """Migrations with increasing 13-digit timestamps; MIG defects on some of them."""
        specs = self.migration_specs(count)
        kinds = [code for code in self.plan.defects if code.startswith("MIG") and code not in ("MIG004", "MIG011")]
        hosts = self.rng.sample(range(1, len(specs)), len(kinds) + (1 if self.has("MIG004") else 0))
        for code, host in zip(kinds, hosts, strict=False):
            specs[host].defect = "MIG001_ts10" if code == "MIG001" and self.plan.defects[code] % 2 == 0 else (
                "MIG001_name" if code == "MIG001" else code)
        if self.has("MIG004"):
            original = specs[hosts[-1]]
            original.name_field = False  # one identity site (the class line) in both copies
            taken = {s.ts for s in specs}
            dup_ts = original.ts + self.rng.randint(3_600_000, 5 * 86_400_000)
            while dup_ts in taken:
                dup_ts += 1
            dup = MigrationSpec(original.base, original.ts, 0, original.name_field, original.tables, original.seed,
                                duplicate_of=original, dup_ts=dup_ts, dup_base=self.unique_base(specs))
            specs.append(dup)
        for spec in specs:
            rendered = render_migration(spec)
            path = f"{self.plan.root}/src/migrations/{rendered.filename}"
            self.out.add(path, rendered.text)
            self.files_written += 1
            if rendered.code and rendered.needle:
                self.out.mark(rendered.code, path, rendered.needle)

    def migration_specs(self, count: int) -> list[MigrationSpec]:
        """Names, timestamps, sizes and tables of the clean migration sequence."""
        start = self.rng.randint(TS_MIN, TS_MIN + 365 * 86_400_000)
        step = max(3_600_000, (TS_MAX - start) // (count + 1))
        tables = [e.table for m in self.modules for e in (m.entity, *m.extra_entities)] or ["app_settings"]
        specs: list[MigrationSpec] = []
        ts = start
        for i in range(count):
            ts += self.rng.randint(step // 4, step)
            base = "InitialSchema" if i == 0 else self.unique_base(specs)
            size = self.plan.huge_initial if i == 0 and self.plan.huge_initial else self.migration_size()
            picked = self.rng.sample(tables, min(len(tables), self.rng.randint(1, 4)))
            specs.append(MigrationSpec(base, ts, size, self.rng.random() < 0.5, picked, self.rng.getrandbits(32)))
        return specs

    def migration_size(self) -> int:
        """Log-uniform 5-30 KB, the bulk of real generated migrations."""
        return int(math.exp(self.rng.uniform(math.log(5_000), math.log(30_000))))

    def unique_base(self, specs: list[MigrationSpec]) -> str:
        """A migration base name unused in this service (sometimes ending in a digit)."""
        used = {s.base for s in specs} | {s.dup_base for s in specs}
        while True:
            noun = kebab_to_pascal(self.rng.choice(self.modules).plural) if self.modules else "Settings"
            base = f"{self.rng.choice(MIGRATION_VERBS)}{noun}{self.rng.choice(MIGRATION_TAILS)}"
            if self.rng.random() < 0.05:
                base += f"V{self.rng.randint(2, 4)}"
            if base not in used:
                return base

    # ----------------------------------------------------------------- fillers and defects
    def write_fillers(self) -> None:
        """Pure helper modules that top the service up to its file budget."""
        for i in range(self.filler_count):
            noun = self.rng.choice(NOUNS)
            name = f"{noun}-helpers-{i}"
            fns = []
            for k in range(self.rng.randint(4, 14)):
                f = self.rng.choice(FIELD_POOL)
                fn = f"normalize{kebab_to_pascal(noun)}{f.prop[0].upper()}{f.prop[1:]}{k}"
                fns.append(f"/** Normalises `{f.prop}` of a {noun} payload before persistence. */\n"
                           f"export function {fn}(value: unknown): string {{\n"
                           "  if (value === null || value === undefined) {\n    return '';\n  }\n"
                           "  return String(value).trim().slice(0, " + str(f.length or 255) + ");\n}\n")
            self.emit(f"src/common/utils/{name}.ts", Imports(), "\n".join(fns))

    def write_entity_defect(self) -> None:
        """MIG011: re-render one main entity with `@TableIndex({...})` as a class decorator."""
        if not self.has("MIG011") or not self.modules:
            return
        entity = self.rng.choice(self.modules).entity
        decorator = f"@TableIndex({{ name: 'IDX_{entity.table}_created_at', columnNames: ['created_at'] }})"
        imp, body = self.entity_source(entity, (decorator,))
        imp.add("typeorm", "TableIndex")
        path = f"{self.plan.root}/{entity.path}"
        del self.out.files[path]
        self.files_written -= 1
        self.emit(entity.path, imp, body)
        self.out.mark("MIG011", path, "@TableIndex({")

    def write_service_defects(self) -> None:
        """DEP001/DEP002/DEP005/IMP001/IMP003: re-render a feature service with extra raw imports."""
        codes = [c for c in ("DEP001", "DEP002", "DEP005", "IMP001", "IMP003") if self.has(c)]
        if not codes or not self.modules:
            return
        by_host: dict[int, list[str]] = {}
        for code in codes:
            by_host.setdefault(self.rng.randrange(len(self.modules)), []).append(code)
        for host, host_codes in by_host.items():
            self.rewrite_service_with(self.modules[host], host_codes)

    def rewrite_service_with(self, module: ModulePlan, codes: list[str]) -> None:
        """Append defect imports and members to an already written service file."""
        path = f"{self.plan.root}/{module.service_path}"
        text = self.out.files.pop(path)
        cls = module.entity.cls
        imports, members, needles = [], [], []
        for code in codes:
            line, member = self.defect_snippet(code, cls, module.noun)
            imports.append(line)
            members.append(member)
            needles.append((code, line))
        head, sep, rest = text.partition("\n\n@Injectable()")
        class_open = rest.index("{\n") + 2
        rest = rest[:class_open] + "\n".join(members) + "\n\n" + rest[class_open:]
        self.out.files[path] = head + "\n" + "\n".join(imports) + sep + rest
        for code, line in needles:
            self.out.mark(code, path, line)

    def defect_snippet(self, code: str, cls: str, noun: str) -> tuple[str, str]:
        """(import line, class member) of one dependency/import defect."""
        if code == "DEP001":
            return ("import Redis from 'ioredis';",
                    "  private readonly redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');")
        if code == "DEP002":
            return "import { v4 as uuidv4 } from 'uuid';", "  private readonly instanceId = uuidv4();"
        if code == "DEP005":
            return ("import { pick } from 'lodash';",
                    f"  private summarize(entity: {cls}): Partial<{cls}> {{\n"
                    "    return pick(entity, ['id', 'createdAt']);\n  }\n")
        if code == "IMP001":
            return ("import { ServiceRegistry } from '@bench/shared-services';",
                    "  private readonly registry = new ServiceRegistry();")
        template, member = IMP003_VARIANTS[self.plan.defects[code] % len(IMP003_VARIANTS)]
        return template.format(E=cls, noun=noun), member.format(E=cls)

    # ----------------------------------------------------------------- manifests
    def manifest(self) -> dict[str, object]:
        """package.json built from what the files import plus implicit runtime packages."""
        prod = set(self.prod) | {"@nestjs/platform-express", "pg", "class-validator", "class-transformer"}
        if self.plan.kafkajs:
            prod.add("kafkajs")
        dev = (set(self.dev) | {"jest", "ts-jest", "typescript", "@types/jest", "@types/node"}) - prod
        if "lodash" in prod:
            dev.add("@types/lodash")
        return {
            "name": f"@bench/{self.plan.name}",
            "version": "0.1.0",
            "private": True,
            "scripts": {"build": "tsc -p tsconfig.json", "start": "node dist/main.js", "test": "jest",
                        "test:e2e": "jest --config ./test/jest-e2e.json"},
            "dependencies": {n: self.version_spec(n) for n in sorted(prod)},
            "devDependencies": {n: self.version_spec(n) for n in sorted(dev)},
            "jest": {"moduleFileExtensions": ["js", "json", "ts"], "rootDir": "src", "testRegex": ".*\\.spec\\.ts$",
                     "transform": {"^.+\\.(t|j)s$": "ts-jest"}, "moduleNameMapper": {"^@/(.*)$": "<rootDir>/$1"},
                     "testEnvironment": "node"},
        }

    @staticmethod
    def version_spec(name: str) -> str:
        """Manifest range: workspace protocol for @bench/*, the registry range otherwise."""
        return "workspace:*" if name.startswith("@bench/") else registry(name).spec

    def tsconfig(self) -> dict[str, object]:
        """Service tsconfig: extends the root base and maps `@/*` to `src/*`."""
        return {
            "extends": "../../tsconfig.base.json",
            "compilerOptions": {"baseUrl": ".", "outDir": "dist", "rootDir": ".", "paths": {"@/*": ["src/*"]}},
            "include": ["src/**/*", "test/**/*"],
            "exclude": ["node_modules", "dist"],
        }
