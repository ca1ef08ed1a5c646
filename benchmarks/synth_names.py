"""Vocabulary and naming helpers shared by the synthetic monorepo generator.

Everything here is pure and deterministic: callers pass their own `random.Random`
so a seed reproduces the same repository byte for byte.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

# Domain nouns in kebab-case, singular. Feature modules, tables and Kafka event
# contracts are all derived from these, so a service reads like a real backend.
NOUNS: tuple[str, ...] = (
    "order", "customer", "invoice", "payment", "product", "shipment", "warehouse",
    "supplier", "category", "review", "coupon", "cart", "refund", "subscription",
    "plan", "account", "ledger-entry", "transaction", "notification", "template",
    "campaign", "audience", "segment", "report", "dashboard", "widget", "workflow",
    "task", "project", "team", "member", "role", "permission", "session", "device",
    "address", "region", "tenant", "organization", "contract", "document",
    "attachment", "comment", "tag", "webhook", "integration", "api-key", "audit-log",
    "job", "schedule", "rule", "policy", "claim", "quote", "price-list", "discount",
    "inventory-item", "stock-movement", "delivery", "route", "vehicle", "driver",
    "ticket", "message", "channel", "survey", "lead", "opportunity", "pipeline",
    "stage", "metric", "alert", "incident", "deployment", "release", "feature-flag",
    "experiment", "variant", "course", "lesson", "enrollment", "certificate",
)

# Prefixes combined with NOUNS when a service needs more modules than there are nouns.
NOUN_PREFIXES: tuple[str, ...] = (
    "partner", "internal", "legacy", "batch", "archived", "external", "scheduled",
    "draft", "public", "shared",
)

MIGRATION_VERBS: tuple[str, ...] = (
    "Create", "Add", "Alter", "Drop", "Rename", "Backfill", "Index", "Extend",
    "Normalize", "Split", "Seed", "Migrate", "Refactor", "Update",
)

MIGRATION_TAILS: tuple[str, ...] = (
    "Table", "Columns", "Indexes", "Constraints", "ForeignKeys", "Defaults",
    "Status", "Timestamps", "Metadata", "Lookup", "Audit", "Partitioning",
)


@dataclass(frozen=True)
class Field:
    """One entity property with everything needed to render it in every layer.

    Keeping the TypeScript type, the TypeORM column options, the SQL type and the
    class-validator decorators together keeps entity, DTO and migration consistent.
    """

    prop: str            # camelCase property name
    ts_type: str         # TypeScript type of the property
    column_type: str     # TypeORM `type:` option
    sql_type: str        # SQL type as TypeORM's generator prints it
    validators: tuple[str, ...]  # class-validator decorator calls for the create DTO
    length: int | None = None


FIELD_POOL: tuple[Field, ...] = (
    Field("name", "string", "varchar", "character varying(120)", ("IsString()", "IsNotEmpty()", "MaxLength(120)"), 120),
    Field("title", "string", "varchar", "character varying(200)", ("IsString()", "MaxLength(200)"), 200),
    Field("description", "string", "text", "text", ("IsString()",)),
    Field("status", "string", "varchar", "character varying(32)", ("IsString()", "MaxLength(32)"), 32),
    Field("amount", "string", "numeric", "numeric(12,2)", ("IsNumberString()",)),
    Field("quantity", "number", "int", "integer", ("IsInt()", "Min(0)")),
    Field("isActive", "boolean", "boolean", "boolean", ("IsBoolean()",)),
    Field("email", "string", "varchar", "character varying(320)", ("IsEmail()",), 320),
    Field("phone", "string", "varchar", "character varying(32)", ("IsString()", "MaxLength(32)"), 32),
    Field("code", "string", "varchar", "character varying(64)", ("IsString()", "MaxLength(64)"), 64),
    Field("externalId", "string", "varchar", "character varying(64)", ("IsString()", "MaxLength(64)"), 64),
    Field("currency", "string", "varchar", "character varying(3)", ("IsString()", "Length(3, 3)"), 3),
    Field("metadata", "Record<string, unknown>", "jsonb", "jsonb", ("IsObject()",)),
    Field("startsAt", "Date", "timestamptz", "TIMESTAMP WITH TIME ZONE", ("IsDate()", "Type(() => Date)")),
    Field("endsAt", "Date", "timestamptz", "TIMESTAMP WITH TIME ZONE", ("IsDate()", "Type(() => Date)")),
    Field("priority", "number", "int", "integer", ("IsInt()", "Min(0)", "Max(10)")),
    Field("score", "number", "double precision", "double precision", ("IsNumber()",)),
    Field("notes", "string", "text", "text", ("IsString()",)),
    Field("slug", "string", "varchar", "character varying(160)", ("IsString()", "Matches(/^[a-z0-9-]+$/)"), 160),
    Field("locale", "string", "varchar", "character varying(16)", ("IsLocale()",), 16),
    Field("timezone", "string", "varchar", "character varying(64)", ("IsTimeZone()",), 64),
    Field("sortOrder", "number", "int", "integer", ("IsInt()",)),
    Field("expiresAt", "Date", "timestamptz", "TIMESTAMP WITH TIME ZONE", ("IsDate()", "Type(() => Date)")),
    Field("archivedAt", "Date", "timestamptz", "TIMESTAMP WITH TIME ZONE", ("IsDate()", "Type(() => Date)")),
    Field("countryCode", "string", "varchar", "character varying(2)", ("IsISO31661Alpha2()",), 2),
    Field("url", "string", "varchar", "character varying(2048)", ("IsUrl()",), 2048),
    Field("checksum", "string", "varchar", "character varying(128)", ("IsHash('sha256')",), 128),
    Field("retryCount", "number", "int", "integer", ("IsInt()", "Min(0)")),
    Field("lastSeenAt", "Date", "timestamptz", "TIMESTAMP WITH TIME ZONE", ("IsDate()", "Type(() => Date)")),
    Field("ownerId", "string", "uuid", "uuid", ("IsUUID()",)),
    Field("createdBy", "string", "uuid", "uuid", ("IsUUID()",)),
    Field("weight", "number", "double precision", "double precision", ("IsNumber()", "IsPositive()")),
    Field("sku", "string", "varchar", "character varying(48)", ("IsString()", "MaxLength(48)"), 48),
    Field("barcode", "string", "varchar", "character varying(64)", ("IsString()", "MaxLength(64)"), 64),
    Field("color", "string", "varchar", "character varying(16)", ("IsHexColor()",), 16),
    Field("rating", "number", "smallint", "smallint", ("IsInt()", "Min(1)", "Max(5)")),
    Field("label", "string", "varchar", "character varying(80)", ("IsString()", "MaxLength(80)"), 80),
    Field("reason", "string", "text", "text", ("IsString()",)),
    Field("source", "string", "varchar", "character varying(40)", ("IsString()", "MaxLength(40)"), 40),
    Field("version", "number", "int", "integer", ("IsInt()", "Min(1)")),
    Field("capacity", "number", "int", "integer", ("IsInt()", "IsPositive()")),
    Field("latitude", "number", "double precision", "double precision", ("IsLatitude()",)),
    Field("longitude", "number", "double precision", "double precision", ("IsLongitude()",)),
    Field("ipAddress", "string", "inet", "inet", ("IsIP()",)),
    Field("isPublic", "boolean", "boolean", "boolean", ("IsBoolean()",)),
    Field("tags", "string[]", "text", "text array", ("IsArray()", "IsString({ each: true })")),
)


def kebab_to_pascal(kebab: str) -> str:
    """'ledger-entry' -> 'LedgerEntry' (class names)."""
    return "".join(part[:1].upper() + part[1:] for part in kebab.split("-"))


def kebab_to_camel(kebab: str) -> str:
    """'ledger-entry' -> 'ledgerEntry' (variables and properties)."""
    pascal = kebab_to_pascal(kebab)
    return pascal[:1].lower() + pascal[1:]


def camel_to_snake(camel: str) -> str:
    """'externalId' -> 'external_id' (database column names)."""
    out: list[str] = []
    for ch in camel:
        if ch.isupper():
            out.append("_")
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)


def pluralize(word: str) -> str:
    """English plural good enough for the nouns above ('policy' -> 'policies')."""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def plural_kebab(kebab: str) -> str:
    """Pluralise the last segment: 'ledger-entry' -> 'ledger-entries'."""
    head, _, last = kebab.rpartition("-")
    return (head + "-" if head else "") + pluralize(last)


def table_name(kebab: str) -> str:
    """'ledger-entry' -> 'ledger_entries' (snake_case plural, TypeORM convention)."""
    return plural_kebab(kebab).replace("-", "_")


def short_hash(*parts: str, length: int = 26) -> str:
    """Stable hex digest used for constraint names like TypeORM's generated ones."""
    digest = hashlib.sha1("\x00".join(parts).encode()).hexdigest()
    return digest[:length]


def human(prop: str, noun: str) -> str:
    """Sentence describing a property, for JSDoc and swagger descriptions."""
    words = camel_to_snake(prop).replace("_", " ")
    return f"{words[:1].upper()}{words[1:]} of the {noun.replace('-', ' ')}."


def example_value(f: Field) -> str:
    """A TypeScript literal usable as a swagger `example` for a field."""
    if f.ts_type == "number":
        return "1"
    if f.ts_type == "boolean":
        return "true"
    if f.ts_type == "Date":
        return "'2024-03-01T12:00:00.000Z'"
    if f.ts_type == "string[]":
        return "['alpha', 'beta']"
    if f.ts_type.startswith("Record"):
        return "{ source: 'import' }"
    if f.column_type == "uuid":
        return "'3f0c8a52-3c3e-4d55-9d7a-8f8e0c6c2b1e'"
    return f"'{camel_to_snake(f.prop).replace('_', '-')}-example'"


def pick_module_nouns(rng: random.Random, count: int) -> list[str]:
    """Choose `count` distinct feature nouns, adding prefixed variants when needed."""
    pool = list(NOUNS)
    rng.shuffle(pool)
    chosen = pool[:count]
    extra = count - len(chosen)
    prefix_index = 0
    while extra > 0:
        prefix = NOUN_PREFIXES[prefix_index % len(NOUN_PREFIXES)]
        noun = NOUNS[(prefix_index * 7) % len(NOUNS)]
        candidate = f"{prefix}-{noun}"
        if candidate not in chosen:
            chosen.append(candidate)
            extra -= 1
        prefix_index += 1
    return chosen


def pick_fields(rng: random.Random, count: int) -> list[Field]:
    """Choose `count` distinct fields (at most the pool size) in a stable order."""
    count = max(1, min(count, len(FIELD_POOL)))
    return rng.sample(list(FIELD_POOL), count)
