"""Files of a NestJS feature module: entities, DTOs, service, controller and extras.

A mixin of `ServiceBuilder`: it only renders text and hands it to `emit`, which records
the imported packages for the manifest. Swagger and class-validator decorators make
DTOs and controllers as bulky as they are in real NestJS code.
"""

from __future__ import annotations

import random

from synth_names import NOUNS, Field, camel_to_snake, example_value, human, kebab_to_camel, kebab_to_pascal
from synth_output import Output
from synth_plan import EntityPlan, ModulePlan, ServicePlan, alias_import, rel_import
from synth_shared import event_names
from synth_ts import Imports


class FeatureFiles:
    """Writers for feature-module files; the host class provides the attributes below."""

    plan: ServicePlan
    rng: random.Random
    out: Output

    def emit(self, rel: str, imports: Imports, body: str, *, test: bool = False, raw: tuple[str, ...] = ()) -> str:
        """Write a file under the service (implemented by the host class)."""
        raise NotImplementedError

    def write_module(self, module: ModulePlan) -> None:
        """All files of one feature module."""
        for entity in [module.entity, *module.extra_entities]:
            self.write_entity(entity)
        self.write_dtos(module)
        self.write_service(module)
        self.write_controller(module)
        self.write_feature_module(module)
        writers = {
            "service-spec": self.write_service_spec, "controller-spec": self.write_controller_spec,
            "mapper": self.write_mapper, "constants": self.write_constants, "response-dto": self.write_response_dto,
            "subscriber": self.write_subscriber, "repository": self.write_repository, "guard": self.write_guard,
            "events-controller": self.write_events_controller,
        }
        for kind in module.extras:
            if kind in writers:
                writers[kind](module)

    def entity_source(self, entity: EntityPlan, extra_class_decorators: tuple[str, ...] = ()) -> tuple[Imports, str]:
        """Imports and body of an entity class (decorators from typeorm)."""
        imp = Imports()
        imp.add("typeorm", "Column", "CreateDateColumn", "Entity", "PrimaryGeneratedColumn", "UpdateDateColumn")
        lines = [f"@Entity({{ name: '{entity.table}' }})"]
        if len(entity.fields) > 3:
            cols = [f.prop for f in entity.fields[:2]]
            imp.add("typeorm", "Index")
            lines.append(f"@Index('IDX_{entity.table}_{'_'.join(camel_to_snake(c) for c in cols)}', "
                         f"[{', '.join(repr(c) for c in cols)}])")
        lines += list(extra_class_decorators)
        lines += [f"export class {entity.cls} {{", "  @PrimaryGeneratedColumn('uuid')", "  id!: string;", ""]
        for i, f in enumerate(entity.fields):
            nullable = i % 3 == 2
            if i % 5 == 4:
                imp.add("typeorm", "Index")
                lines.append("  @Index()")
            opts = [f"name: '{camel_to_snake(f.prop)}'"] if camel_to_snake(f.prop) != f.prop else []
            opts.append(f"type: '{f.column_type}'")
            if f.length:
                opts.append(f"length: {f.length}")
            if f.column_type == "numeric":
                opts += ["precision: 12", "scale: 2"]
            if f.ts_type.endswith("[]"):
                opts.append("array: true")
            if nullable:
                opts.append("nullable: true")
            ts_type = f"{f.ts_type} | null" if nullable else f.ts_type
            lines += [f"  /** {human(f.prop, entity.noun)} */", f"  @Column({{ {', '.join(opts)} }})",
                      f"  {f.prop}!: {ts_type};", ""]
        if entity.relation:
            target_cls, target_path = entity.relation
            spec = alias_import(target_path) if self.rng.random() < 0.3 else rel_import(entity.path, target_path)
            if target_cls != entity.cls:
                imp.add(spec, target_cls)
            imp.add("typeorm", "JoinColumn", "ManyToOne")
            prop = entity.relation_prop
            column = camel_to_snake(prop or "") + "_id"
            lines += [f"  @ManyToOne(() => {target_cls}, {{ nullable: true, onDelete: 'SET NULL' }})",
                      f"  @JoinColumn({{ name: '{column}' }})", f"  {prop}?: {target_cls} | null;", "",
                      f"  @Column({{ name: '{column}', type: 'uuid', nullable: true }})", f"  {prop}Id!: string | null;", ""]
        lines += ["  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })", "  createdAt!: Date;", "",
                  "  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })", "  updatedAt!: Date;", "}"]
        return imp, "\n".join(lines)

    def write_entity(self, entity: EntityPlan) -> None:
        """Entity file (MIG011 is added later by `write_entity_defect`)."""
        imp, body = self.entity_source(entity)
        self.emit(entity.path, imp, body)

    def _dto_fields(self, module: ModulePlan, optional_all: bool) -> tuple[Imports, list[str]]:
        """Decorated DTO properties for the main entity's columns."""
        imp = Imports()
        lines: list[str] = []
        entity = module.entity
        for i, f in enumerate(entity.fields):
            optional = optional_all or i % 3 == 2
            api = "ApiPropertyOptional" if optional else "ApiProperty"
            imp.add("@nestjs/swagger", api)
            extra = f", maxLength: {f.length}" if f.length else ""
            lines.append(f"  @{api}({{ description: '{human(f.prop, module.noun)}', example: {example_value(f)}{extra} }})")
            decorators = []
            if optional:
                decorators.append("IsOptional()")
            decorators += list(f.validators)
            for dec in decorators:
                name = dec.split("(")[0]
                imp.add("class-transformer" if name == "Type" else "class-validator", name)
                lines.append(f"  @{dec}")
            lines += [f"  {f.prop}{'?' if optional else '!'}: {f.ts_type};", ""]
        if entity.relation:
            imp.add("class-validator", "IsOptional", "IsUUID")
            imp.add("@nestjs/swagger", "ApiPropertyOptional")
            lines += [f"  @ApiPropertyOptional({{ description: 'Id of the related {entity.relation[0]}.', format: 'uuid' }})",
                      "  @IsOptional()", "  @IsUUID()", f"  {entity.relation_prop}Id?: string;", ""]
        return imp, lines

    def write_dtos(self, module: ModulePlan) -> None:
        """Create, update and query DTOs (class-validator, PageQueryDto from @bench/common)."""
        cls = module.entity.cls
        imp, lines = self._dto_fields(module, optional_all=False)
        self.emit(f"{module.dir}/dto/create-{module.noun}.dto.ts", imp,
                  f"export class Create{cls}Dto {{\n" + "\n".join(lines).rstrip() + "\n}\n")
        imp, lines = self._dto_fields(module, optional_all=True)
        self.emit(f"{module.dir}/dto/update-{module.noun}.dto.ts", imp,
                  f"export class Update{cls}Dto {{\n" + "\n".join(lines).rstrip() + "\n}\n")
        imp = Imports()
        imp.add("@bench/common", "PageQueryDto")
        imp.add("class-validator", "IsOptional", "IsString", "MaxLength")
        self.emit(f"{module.dir}/dto/{module.noun}-query.dto.ts", imp, (
            f"export class {cls}QueryDto extends PageQueryDto {{\n  @IsOptional()\n  @IsString()\n  @MaxLength(120)\n"
            "  search?: string;\n}\n"))

    def _finder_fields(self, module: ModulePlan) -> list[Field]:
        """Scalar columns that get findBy/countBy methods (size knob for services)."""
        return [f for f in module.entity.fields if f.ts_type in ("string", "number", "boolean")]

    def write_service(self, module: ModulePlan) -> None:
        """CRUD service plus finders and reports; clean lodash/uuid usage where declared."""
        ent = module.entity
        cls, plural_cls = ent.cls, kebab_to_pascal(module.plural)
        repo = f"{kebab_to_camel(module.noun)}Repository"
        imp = Imports()
        imp.add("@nestjs/common", "Injectable", "Logger")
        imp.add("@nestjs/typeorm", "InjectRepository")
        imp.add("typeorm", "Repository")
        imp.add("@bench/common", "PageResult", "paginate")
        imp.add("@bench/kernel", "NotFoundError")
        imp.add("@/common/constants", "DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE")
        imp.add(f"./dto/create-{module.noun}.dto", f"Create{cls}Dto")
        imp.add(f"./dto/update-{module.noun}.dto", f"Update{cls}Dto")
        imp.add(f"./dto/{module.noun}-query.dto", f"{cls}QueryDto")
        imp.add(f"./entities/{module.noun}.entity", cls)
        ctor = [f"    @InjectRepository({cls})\n    private readonly {repo}: Repository<{cls}>,"]
        publish = ""
        if self.plan.uses_kafka:
            imp.add("@/kafka/kafka.producer", "KafkaProducer")
            ctor.append("    private readonly kafkaProducer: KafkaProducer,")
            if module.noun in NOUNS:
                imp.add("@bench/contracts", "Topics")
                created, _ = event_names(module.noun)
                imp.add_type("@bench/contracts/events", created)
                const = module.noun.replace("-", "_").upper()
                publish = (f"    const event: {created} = {{\n      id: saved.id as {created}['id'],\n"
                           "      tenantId: 'default',\n"
                           "      occurredAt: new Date().toISOString(),\n      payload: {},\n    };\n"
                           f"    await this.kafkaProducer.publish(Topics.{const}_CREATED, saved.id, event);\n")
            else:
                topic = f"{self.plan.name}.{module.noun}.created"
                publish = f"    await this.kafkaProducer.publish('{topic}', saved.id, {{ id: saved.id }});\n"
        methods = [
            f"  async findAll(query: {cls}QueryDto): Promise<PageResult<{cls}>> {{\n"
            "    const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);\n"
            f"    const [items, total] = await this.{repo}.findAndCount({{\n"
            "      skip: ((query.page ?? 1) - 1) * limit,\n      take: limit,\n      order: { createdAt: 'DESC' },\n"
            "    });\n    return paginate(items, total, { page: query.page, limit });\n  }",
            f"  async findOne(id: string): Promise<{cls}> {{\n"
            f"    const entity = await this.{repo}.findOne({{ where: {{ id }} }});\n"
            f"    if (!entity) {{\n      throw new NotFoundError('{cls}', id);\n    }}\n    return entity;\n  }}",
            f"  async create(dto: Create{cls}Dto): Promise<{cls}> {{\n"
            f"    const saved = await this.{repo}.save(this.{repo}.create({{ ...dto }}));\n{publish}"
            f"    this.logger.log(`created {module.noun} ${{saved.id}}`);\n    return saved;\n  }}",
            f"  async update(id: string, dto: Update{cls}Dto): Promise<{cls}> {{\n"
            f"    const entity = await this.findOne(id);\n    Object.assign(entity, dto);\n"
            f"    return this.{repo}.save(entity);\n  }}",
            f"  async remove(id: string): Promise<void> {{\n    const entity = await this.findOne(id);\n"
            f"    await this.{repo}.remove(entity);\n  }}",
        ]
        for f in self._finder_fields(module):
            pascal = f.prop[0].upper() + f.prop[1:]
            methods.append(
                f"  findBy{pascal}(value: {f.ts_type}): Promise<{cls}[]> {{\n"
                f"    return this.{repo}.find({{ where: {{ {f.prop}: value }}, take: MAX_PAGE_SIZE }});\n  }}")
            methods.append(
                f"  countBy{pascal}(value: {f.ts_type}): Promise<number> {{\n"
                f"    return this.{repo}.count({{ where: {{ {f.prop}: value }} }});\n  }}")
        if module.report_methods:
            imp.add("@bench/utils", "chunk")
            methods.append(
                f"  async touchMany(ids: string[]): Promise<number> {{\n    let affected = 0;\n"
                "    for (const batch of chunk(ids, 100)) {\n"
                f"      const result = await this.{repo}\n        .createQueryBuilder()\n        .update({cls})\n"
                "        .set({ updatedAt: () => 'now()' })\n        .whereInIds(batch)\n        .execute();\n"
                "      affected += result.affected ?? 0;\n    }\n    return affected;\n  }")
        for k in range(module.report_methods):
            unit = ("day", "week", "month", "quarter")[k % 4]
            methods.append(
                f"  statsBy{unit.title()}{k}(from: Date, to: Date): Promise<Array<{{ bucket: string; total: number }}>> {{\n"
                f"    return this.{repo}.query(\n"
                f"      `SELECT date_trunc('{unit}', t.created_at) AS bucket, count(*)::int AS total FROM \"{ent.table}\" t "
                f"WHERE t.created_at BETWEEN $1 AND $2 AND t.id IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT {100 + k}`,\n"
                "      [from, to],\n    );\n  }")
        if self.plan.uses_lodash and self.rng.random() < 0.5:
            imp.add("lodash", "groupBy")
            methods.append(
                f"  async groupedByPrefix(): Promise<Record<string, {cls}[]>> {{\n"
                f"    const all = await this.{repo}.find({{ take: MAX_PAGE_SIZE }});\n"
                "    return groupBy(all, (item) => item.id.slice(0, 2));\n  }")
        if self.plan.uuid_in_prod and self.rng.random() < 0.5:
            imp.add("uuid", "v4 as uuidv4")
            methods.append("  newCorrelationId(): string {\n    return uuidv4();\n  }")
        body = (f"@Injectable()\nexport class {plural_cls}Service {{\n"
                f"  private readonly logger = new Logger({plural_cls}Service.name);\n\n"
                "  constructor(\n" + "\n".join(ctor) + "\n  ) {}\n\n" + "\n\n".join(methods) + "\n}\n")
        self.emit(module.service_path, imp, body)

    def write_controller(self, module: ModulePlan) -> None:
        """REST controller over the service, one GET route per finder."""
        cls, plural_cls = module.entity.cls, kebab_to_pascal(module.plural)
        svc = f"{kebab_to_camel(module.plural)}Service"
        imp = Imports()
        imp.add("@nestjs/common", "Body", "Controller", "Delete", "Get", "HttpCode", "HttpStatus", "Param",
                "ParseUUIDPipe", "Patch", "Post", "Query")
        imp.add("@bench/common", "PageResult")
        imp.add(f"./dto/create-{module.noun}.dto", f"Create{cls}Dto")
        imp.add(f"./dto/update-{module.noun}.dto", f"Update{cls}Dto")
        imp.add(f"./dto/{module.noun}-query.dto", f"{cls}QueryDto")
        imp.add(f"./entities/{module.noun}.entity", cls)
        imp.add(f"./{module.plural}.service", f"{plural_cls}Service")
        guard = ""
        if "guard" in module.extras:
            imp.add("@nestjs/common", "UseGuards")
            imp.add(f"./guards/{module.noun}-access.guard", f"{cls}AccessGuard")
            guard = f"@UseGuards({cls}AccessGuard)\n"
        imp.add("@nestjs/swagger", "ApiBadRequestResponse", "ApiCreatedResponse", "ApiNoContentResponse",
                "ApiNotFoundResponse", "ApiOkResponse", "ApiOperation", "ApiTags")
        noun, plural = module.noun.replace("-", " "), module.plural.replace("-", " ")
        not_found = f"  @ApiNotFoundResponse({{ description: 'No {noun} with this id.' }})\n"
        routes = [
            f"  @Get()\n  @ApiOperation({{ summary: 'List {plural}', description: 'Paginated, newest first.' }})\n"
            f"  @ApiOkResponse({{ description: 'A page of {plural}.' }})\n"
            f"  findAll(@Query() query: {cls}QueryDto): Promise<PageResult<{cls}>> {{\n"
            f"    return this.{svc}.findAll(query);\n  }}",
            f"  @Get(':id')\n  @ApiOperation({{ summary: 'Get one {noun}' }})\n"
            f"  @ApiOkResponse({{ description: 'The {noun}.', type: {cls} }})\n{not_found}"
            f"  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<{cls}> {{\n"
            f"    return this.{svc}.findOne(id);\n  }}",
            f"  @Post()\n  @ApiOperation({{ summary: 'Create a {noun}' }})\n"
            f"  @ApiCreatedResponse({{ description: 'The created {noun}.', type: {cls} }})\n"
            "  @ApiBadRequestResponse({ description: 'The payload failed validation.' })\n"
            f"  create(@Body() dto: Create{cls}Dto): Promise<{cls}> {{\n    return this.{svc}.create(dto);\n  }}",
            f"  @Patch(':id')\n  @ApiOperation({{ summary: 'Update a {noun}' }})\n"
            f"  @ApiOkResponse({{ description: 'The updated {noun}.', type: {cls} }})\n{not_found}"
            f"  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: Update{cls}Dto): Promise<{cls}> {{\n"
            f"    return this.{svc}.update(id, dto);\n  }}",
            f"  @Delete(':id')\n  @HttpCode(HttpStatus.NO_CONTENT)\n  @ApiOperation({{ summary: 'Delete a {noun}' }})\n"
            f"  @ApiNoContentResponse({{ description: 'The {noun} was deleted.' }})\n{not_found}"
            f"  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {{\n    return this.{svc}.remove(id);\n  }}",
        ]
        for f in self._finder_fields(module):
            if f.ts_type != "string":
                continue
            pascal = f.prop[0].upper() + f.prop[1:]
            words = camel_to_snake(f.prop).replace("_", " ")
            routes.append(
                f"  @Get('by-{camel_to_snake(f.prop).replace('_', '-')}/:value')\n"
                f"  @ApiOperation({{ summary: 'Find {plural} by {words}' }})\n"
                f"  @ApiOkResponse({{ description: '{plural.capitalize()} whose {words} equals the value.', type: [{cls}] }})\n"
                f"  findBy{pascal}(@Param('value') value: string): Promise<{cls}[]> {{\n"
                f"    return this.{svc}.findBy{pascal}(value);\n  }}")
        body = (f"{guard}@ApiTags('{module.plural}')\n@Controller('{module.plural}')\n"
                f"export class {plural_cls}Controller {{\n"
                f"  constructor(private readonly {svc}: {plural_cls}Service) {{}}\n\n" + "\n\n".join(routes) + "\n}\n")
        self.emit(f"{module.dir}/{module.plural}.controller.ts", imp, body)

    def write_feature_module(self, module: ModulePlan) -> None:
        """@Module wiring entities, controllers and providers."""
        plural_cls = kebab_to_pascal(module.plural)
        imp = Imports()
        imp.add("@nestjs/common", "Module")
        imp.add("@nestjs/typeorm", "TypeOrmModule")
        entities = [module.entity, *module.extra_entities]
        for e in entities:
            imp.add(f"./entities/{e.noun}.entity", e.cls)
        imp.add(f"./{module.plural}.controller", f"{plural_cls}Controller")
        imp.add(f"./{module.plural}.service", f"{plural_cls}Service")
        imports = [f"TypeOrmModule.forFeature([{', '.join(e.cls for e in entities)}])"]
        controllers = [f"{plural_cls}Controller"]
        providers = [f"{plural_cls}Service"]
        cls = module.entity.cls
        if self.plan.uses_kafka:
            imp.add("../kafka/kafka.module", "KafkaModule")
            imports.append("KafkaModule")
        if "events-controller" in module.extras:
            imp.add(f"./events/{module.noun}-events.controller", f"{cls}EventsController")
            controllers.append(f"{cls}EventsController")
        if "subscriber" in module.extras:
            imp.add(f"./{module.noun}.subscriber", f"{cls}Subscriber")
            providers.append(f"{cls}Subscriber")
        if "repository" in module.extras:
            imp.add(f"./{module.plural}.repository", f"{plural_cls}Repository")
            providers.append(f"{plural_cls}Repository")
        body = (f"@Module({{\n  imports: [{', '.join(imports)}],\n  controllers: [{', '.join(controllers)}],\n"
                f"  providers: [{', '.join(providers)}],\n  exports: [{plural_cls}Service],\n}})\n"
                f"export class {plural_cls}Module {{}}\n")
        self.emit(f"{module.dir}/{module.plural}.module.ts", imp, body)

    def write_service_spec(self, module: ModulePlan) -> None:
        """Jest unit test of the service (dev dependencies only)."""
        cls, plural_cls = module.entity.cls, kebab_to_pascal(module.plural)
        imp = Imports()
        imp.add("@nestjs/testing", "Test", "TestingModule")
        imp.add("@nestjs/typeorm", "getRepositoryToken")
        imp.add("uuid", "v4 as uuidv4")
        imp.add(f"./entities/{module.noun}.entity", cls)
        imp.add(f"./{module.plural}.service", f"{plural_cls}Service")
        providers = [f"{plural_cls}Service", f"{{ provide: getRepositoryToken({cls}), useValue: repository }}"]
        if self.plan.uses_kafka:
            imp.add("@/kafka/kafka.producer", "KafkaProducer")
            providers.append("{ provide: KafkaProducer, useValue: { publish: jest.fn() } }")
        cases = []
        for f in self._finder_fields(module):
            pascal = f.prop[0].upper() + f.prop[1:]
            sample = {"string": "'sample'", "number": "7", "boolean": "true"}[f.ts_type]
            cases.append(
                f"  it('findBy{pascal} filters on {f.prop}', async () => {{\n    repository.find.mockResolvedValue([]);\n"
                f"    await expect(service.findBy{pascal}({sample})).resolves.toEqual([]);\n"
                "    expect(repository.find).toHaveBeenCalledWith(\n"
                f"      expect.objectContaining({{ where: {{ {f.prop}: {sample} }} }}),\n    );\n  }});")
        body = (
            f"describe('{plural_cls}Service', () => {{\n  let service: {plural_cls}Service;\n"
            "  const repository = {\n    findAndCount: jest.fn(),\n    findOne: jest.fn(),\n    find: jest.fn(),\n"
            "    count: jest.fn(),\n"
            f"    create: jest.fn((dto: Partial<{cls}>) => dto),\n"
            f"    save: jest.fn(async (entity: Partial<{cls}>) => ({{ id: uuidv4(), ...entity }})),\n"
            "    remove: jest.fn(),\n  };\n\n"
            "  beforeEach(async () => {\n    const moduleRef: TestingModule = await Test.createTestingModule({\n"
            "      providers: [\n" + "".join(f"        {p},\n" for p in providers) + "      ],\n    }).compile();\n"
            f"    service = moduleRef.get({plural_cls}Service);\n  }});\n\n  afterEach(() => jest.clearAllMocks());\n\n"
            "  it('is defined', () => {\n    expect(service).toBeDefined();\n  });\n\n"
            f"  it('throws when the {module.noun} does not exist', async () => {{\n"
            "    repository.findOne.mockResolvedValue(null);\n"
            "    await expect(service.findOne(uuidv4())).rejects.toThrow('was not found');\n  });\n\n"
            + "\n\n".join(cases) + "\n});\n")
        self.emit(f"{module.dir}/{module.plural}.service.spec.ts", imp, body, test=True)

    def write_controller_spec(self, module: ModulePlan) -> None:
        """Jest unit test of the controller with a mocked service."""
        plural_cls = kebab_to_pascal(module.plural)
        imp = Imports()
        imp.add("@nestjs/testing", "Test")
        imp.add(f"./{module.plural}.controller", f"{plural_cls}Controller")
        imp.add(f"./{module.plural}.service", f"{plural_cls}Service")
        body = (
            f"describe('{plural_cls}Controller', () => {{\n  let controller: {plural_cls}Controller;\n"
            "  const service = {\n    findAll: jest.fn(),\n    findOne: jest.fn(),\n    create: jest.fn(),\n"
            "    update: jest.fn(),\n    remove: jest.fn(),\n  };\n\n"
            "  beforeEach(async () => {\n    const moduleRef = await Test.createTestingModule({\n"
            f"      controllers: [{plural_cls}Controller],\n"
            f"      providers: [{{ provide: {plural_cls}Service, useValue: service }}],\n"
            f"    }}).compile();\n    controller = moduleRef.get({plural_cls}Controller);\n  }});\n\n"
            "  it('delegates findAll', async () => {\n"
            "    service.findAll.mockResolvedValue({ items: [], meta: { page: 1, limit: 20, total: 0, pages: 1 } });\n"
            "    await expect(controller.findAll({})).resolves.toMatchObject({ items: [] });\n"
            "    expect(service.findAll).toHaveBeenCalledTimes(1);\n  });\n});\n")
        self.emit(f"{module.dir}/{module.plural}.controller.spec.ts", imp, body, test=True)

    def write_mapper(self, module: ModulePlan) -> None:
        """Entity -> response mapping functions."""
        ent = module.entity
        imp = Imports()
        imp.add(f"./entities/{module.noun}.entity", ent.cls)
        props, assigns = ["  id: string;"], ["    id: entity.id,"]
        for i, f in enumerate(ent.fields):
            nullable = i % 3 == 2
            if f.ts_type == "Date":
                props.append(f"  {f.prop}: string{' | null' if nullable else ''};")
                value = f"entity.{f.prop}?.toISOString() ?? null" if nullable else f"entity.{f.prop}.toISOString()"
            else:
                props.append(f"  {f.prop}: {f.ts_type}{' | null' if nullable else ''};")
                value = f"entity.{f.prop}"
            assigns.append(f"    {f.prop}: {value},")
        props.append("  createdAt: string;")
        assigns.append("    createdAt: entity.createdAt.toISOString(),")
        body = (f"export interface {ent.cls}Response {{\n" + "\n".join(props) + "\n}\n\n"
                f"export function to{ent.cls}Response(entity: {ent.cls}): {ent.cls}Response {{\n  return {{\n"
                + "\n".join(assigns) + "\n  };\n}\n\n"
                f"export function to{ent.cls}Responses(entities: {ent.cls}[]): {ent.cls}Response[] {{\n"
                f"  return entities.map(to{ent.cls}Response);\n}}\n")
        self.emit(f"{module.dir}/{module.noun}.mapper.ts", imp, body)

    def write_constants(self, module: ModulePlan) -> None:
        """Module constants (never exports `<Entity>Status`: that is IMP003 bait)."""
        const = module.noun.replace("-", "_").upper()
        body = (f"export const {const}_STATES = ['draft', 'active', 'suspended', 'archived'] as const;\n"
                f"export type {module.entity.cls}State = (typeof {const}_STATES)[number];\n"
                f"export const {const}_CACHE_TTL_SECONDS = {self.rng.choice([60, 300, 900, 3600])};\n"
                f"export const {const}_TOPIC = '{self.plan.name}.{module.plural}';\n")
        self.emit(f"{module.dir}/{module.plural}.constants.ts", Imports(), body)

    def write_response_dto(self, module: ModulePlan) -> None:
        """class-transformer response DTO."""
        ent = module.entity
        imp = Imports()
        imp.add("class-transformer", "Expose")
        imp.add("@nestjs/swagger", "ApiProperty")
        lines = ["  @ApiProperty({ format: 'uuid' })", "  @Expose()", "  id!: string;", ""]
        for f in ent.fields:
            lines += [f"  @ApiProperty({{ description: '{human(f.prop, module.noun)}', example: {example_value(f)} }})",
                      "  @Expose()", f"  {f.prop}!: {f.ts_type};", ""]
        self.emit(f"{module.dir}/dto/{module.noun}-response.dto.ts", imp,
                  f"export class {ent.cls}ResponseDto {{\n" + "\n".join(lines).rstrip() + "\n}\n")

    def write_subscriber(self, module: ModulePlan) -> None:
        """TypeORM entity subscriber registered through the DataSource."""
        ent = module.entity
        imp = Imports()
        imp.add("@nestjs/common", "Injectable", "Logger")
        imp.add("typeorm", "DataSource", "EntitySubscriberInterface", "EventSubscriber", "InsertEvent", "UpdateEvent")
        imp.add(f"./entities/{module.noun}.entity", ent.cls)
        strings = [f.prop for f in ent.fields if f.ts_type == "string"][:3]
        trims = "".join(f"    if (typeof event.entity.{p} === 'string') {{\n"
                        f"      event.entity.{p} = event.entity.{p}.trim();\n    }}\n"
                        for p in strings)
        body = (f"@Injectable()\n@EventSubscriber()\n"
                f"export class {ent.cls}Subscriber implements EntitySubscriberInterface<{ent.cls}> {{\n"
                f"  private readonly logger = new Logger({ent.cls}Subscriber.name);\n\n"
                "  constructor(dataSource: DataSource) {\n    dataSource.subscribers.push(this);\n  }\n\n"
                f"  listenTo(): typeof {ent.cls} {{\n    return {ent.cls};\n  }}\n\n"
                f"  beforeInsert(event: InsertEvent<{ent.cls}>): void {{\n{trims}  }}\n\n"
                f"  afterUpdate(event: UpdateEvent<{ent.cls}>): void {{\n"
                f"    this.logger.debug(`updated {module.noun} ${{event.entity?.id ?? 'unknown'}}`);\n  }}\n}}\n")
        self.emit(f"{module.dir}/{module.noun}.subscriber.ts", imp, body)

    def write_repository(self, module: ModulePlan) -> None:
        """Custom repository provider with query-builder methods."""
        ent, plural_cls = module.entity, kebab_to_pascal(module.plural)
        imp = Imports()
        imp.add("@nestjs/common", "Injectable")
        imp.add("@nestjs/typeorm", "InjectRepository")
        imp.add("typeorm", "Between", "Repository")
        imp.add(f"./entities/{module.noun}.entity", ent.cls)
        body = (f"@Injectable()\nexport class {plural_cls}Repository {{\n"
                f"  constructor(@InjectRepository({ent.cls}) private readonly repository: Repository<{ent.cls}>) {{}}\n\n"
                f"  findRecent(limit = 20): Promise<{ent.cls}[]> {{\n"
                "    return this.repository.find({ order: { createdAt: 'DESC' }, take: limit });\n  }\n\n"
                "  async existsById(id: string): Promise<boolean> {\n"
                "    return (await this.repository.count({ where: { id } })) > 0;\n  }\n\n"
                f"  findCreatedBetween(from: Date, to: Date): Promise<{ent.cls}[]> {{\n"
                "    return this.repository.find({ where: { createdAt: Between(from, to) } });\n  }\n\n"
                f"  search(term: string): Promise<{ent.cls}[]> {{\n    return this.repository\n"
                f"      .createQueryBuilder('{kebab_to_camel(module.noun)}')\n"
                f"      .where('{kebab_to_camel(module.noun)}.id::text ILIKE :term', {{ term: `%${{term}}%` }})\n"
                f"      .orderBy('{kebab_to_camel(module.noun)}.createdAt', 'DESC')\n"
                f"      .limit(50)\n      .getMany();\n  }}\n}}\n")
        self.emit(f"{module.dir}/{module.plural}.repository.ts", imp, body)

    def write_guard(self, module: ModulePlan) -> None:
        """Route guard using a type-only import from a workspace package."""
        cls = module.entity.cls
        imp = Imports()
        imp.add("@nestjs/common", "CanActivate", "ExecutionContext", "Injectable")
        imp.add_type("@bench/common", "RequestUser")
        body = (f"@Injectable()\nexport class {cls}AccessGuard implements CanActivate {{\n"
                "  canActivate(context: ExecutionContext): boolean {\n"
                "    const request = context.switchToHttp().getRequest<{ user?: RequestUser }>();\n"
                f"    return Boolean(request.user?.roles.some((role) => role === 'admin' || role === '{module.noun}:read'));\n"
                "  }\n}\n")
        self.emit(f"{module.dir}/guards/{module.noun}-access.guard.ts", imp, body)

    def write_events_controller(self, module: ModulePlan) -> None:
        """Kafka event handlers using the `@bench/contracts/events` subpath export."""
        cls, plural_cls = module.entity.cls, kebab_to_pascal(module.plural)
        created, updated = event_names(module.noun)
        const = module.noun.replace("-", "_").upper()
        imp = Imports()
        imp.add("@nestjs/common", "Controller", "Logger")
        imp.add("@nestjs/microservices", "EventPattern", "Payload")
        imp.add("@bench/contracts", "Topics")
        imp.add_type("@bench/contracts/events", created, updated)
        imp.add(f"../{module.plural}.service", f"{plural_cls}Service")
        svc = f"{kebab_to_camel(module.plural)}Service"
        body = (f"@Controller()\nexport class {cls}EventsController {{\n"
                f"  private readonly logger = new Logger({cls}EventsController.name);\n\n"
                f"  constructor(private readonly {svc}: {plural_cls}Service) {{}}\n\n"
                f"  @EventPattern(Topics.{const}_CREATED)\n  async onCreated(@Payload() event: {created}): Promise<void> {{\n"
                f"    this.logger.debug(`{module.noun} ${{event.id}} created in ${{event.tenantId}}`);\n"
                f"    await this.{svc}.findOne(event.id);\n  }}\n\n"
                f"  @EventPattern(Topics.{const}_UPDATED)\n  onUpdated(@Payload() event: {updated}): void {{\n"
                "    this.logger.debug(`changed: ${event.changes.join(', ')}`);\n  }\n}\n")
        self.emit(f"{module.dir}/events/{module.noun}-events.controller.ts", imp, body)
