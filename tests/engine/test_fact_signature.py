"""The cross-file signature of a file's facts: positions left out, everything else kept, and every
int of the records classified, so that a new field cannot be left out of it unnoticed."""

from __future__ import annotations

import dataclasses

from migrationlint.cache.fact_signature import POSITION_FIELDS, fact_signature
from migrationlint.extract import nest_records, records
from migrationlint.extract.sources import facts_for_bytes

SERVICE = b"""import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(private readonly users: Repository<User>) {}

  findAll(): Promise<User[]> {
    return this.users.find();
  }
}
"""

# ints that are not positions: kept in the signature
MEANINGFUL_INTS = {("NestParam", "index"), ("MigrationsOption", "alternative")}
# fields holding tuples whose ints are spans or offsets (the signature drops ints inside tuples)
TUPLES_OF_POSITIONS = {
    ("DecoratorFact", "args"), ("NewExpr", "args"), ("CallFact", "args"), ("MigrationsOption", "items"),
    ("Suppression", "codes"), ("FileFacts", "damage"), ("FileFacts", "member_refs"), ("FileFacts", "refs"),
    ("FileFacts", "declarations"), ("FileFacts", "orm_types"), ("FileFacts", "ctor_param_types"),
    ("NestItem", "entities"), ("NestParam", "decorators"), ("NestClass", "enhancers"), ("OrmRoot", "entities"),
    ("FileFacts", "globs"), ("FileFacts", "transport_holders"),
}
# dict keys that are argument indexes, not offsets (kept)
INDEX_KEYS = {("DecoratorFact", "objects"), ("CallFact", "objects"), ("CallFact", "array_objects")}


def _record_fields():
    for module in (records, nest_records):
        for name, cls in vars(module).items():
            if dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__:
                for f in dataclasses.fields(cls):
                    yield name, f.name, str(f.type)


def test_every_int_of_the_records_is_classified() -> None:
    unclassified = []
    for cls, name, annotation in _record_fields():
        if "int" not in annotation and "array" not in annotation:
            continue
        key = (cls, name)
        if name in POSITION_FIELDS or key in MEANINGFUL_INTS | TUPLES_OF_POSITIONS | INDEX_KEYS:
            continue
        unclassified.append(f"{cls}.{name}: {annotation}")
    assert unclassified == []


def test_moving_every_offset_keeps_the_signature() -> None:
    before = facts_for_bytes("/r/users.service.ts", SERVICE)
    after = facts_for_bytes("/r/users.service.ts", b"// a comment that moves every offset\n\n" + SERVICE)
    assert before.imports[0].start != after.imports[0].start
    assert fact_signature(before) == fact_signature(after)


def test_what_other_files_see_changes_the_signature() -> None:
    before = fact_signature(facts_for_bytes("/r/users.service.ts", SERVICE))
    for edited in (SERVICE.replace(b"export class", b"class"),  # an export less
                   SERVICE.replace(b"'./user.entity'", b"'./users.entity'"),  # another module imported
                   SERVICE.replace(b"this.users.find()", b"this.users.find().then((u) => User)"),  # a value use
                   SERVICE.replace(b"@Injectable()", b"")):  # a decorator less
        assert fact_signature(facts_for_bytes("/r/users.service.ts", edited)) != before, edited
