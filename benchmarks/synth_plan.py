"""Plans for one service: switches, feature modules and entities, and path helpers.

Separated from rendering so the service builder and the feature-file writers share
one vocabulary without importing each other.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from synth_names import Field, kebab_to_pascal, plural_kebab, table_name

MODULE_BASE_FILES = 7
EXTRA_KINDS = ("service-spec", "controller-spec", "mapper", "constants", "entity:line", "response-dto",
               "subscriber", "repository", "guard", "events-controller", "entity:history", "entity:note")


@dataclass
class ServicePlan:
    """Per-service switches, chosen up front so defects and clean code never collide."""

    index: int
    files_budget: int
    uses_kafka: bool
    uses_redis: bool
    uses_lodash: bool
    uuid_in_prod: bool
    defects: dict[str, int] = field(default_factory=dict)  # code -> variant number
    huge_initial: int = 0  # target bytes of a 100+ KB initial migration, 0 for normal

    @property
    def name(self) -> str:
        """Directory and package suffix, e.g. 'svc-07'."""
        return f"svc-{self.index:02d}"

    @property
    def root(self) -> str:
        """Service directory relative to the tree root."""
        return f"services/{self.name}"

    @property
    def kafkajs(self) -> bool:
        """Whether kafkajs is declared: yes, unless this service carries the DEP004 defect."""
        return self.uses_kafka and "DEP004" not in self.defects


@dataclass
class EntityPlan:
    """An entity class: its fields and an optional ManyToOne target (class, src path)."""

    noun: str
    fields: list[Field]
    path: str
    relation: tuple[str, str] | None = None

    @property
    def cls(self) -> str:
        """Entity class name."""
        return kebab_to_pascal(self.noun)

    @property
    def table(self) -> str:
        """Database table name."""
        return table_name(self.noun)

    @property
    def relation_prop(self) -> str | None:
        """Property holding the ManyToOne relation ('customer'), if any."""
        return self.relation[0][:1].lower() + self.relation[0][1:] if self.relation else None


@dataclass
class ModulePlan:
    """A feature module: main entity, extra entities and optional files."""

    noun: str
    entity: EntityPlan
    extra_entities: list[EntityPlan]
    extras: list[str]
    report_methods: int

    @property
    def plural(self) -> str:
        """Plural kebab noun used for the module directory and file names."""
        return plural_kebab(self.noun)

    @property
    def dir(self) -> str:
        """Module directory relative to the service root."""
        return f"src/{self.plural}"

    @property
    def service_path(self) -> str:
        """Path of the module's service file relative to the service root."""
        return f"{self.dir}/{self.plural}.service.ts"


def rel_import(from_file: str, to_file: str) -> str:
    """Relative specifier from one src file to another, without the .ts extension."""
    target = posixpath.relpath(to_file[:-3], posixpath.dirname(from_file))
    return target if target.startswith(".") else "./" + target


def alias_import(to_file: str) -> str:
    """`@/...` alias specifier for a file under src/ (tsconfig paths "@/*": ["src/*"])."""
    return "@/" + to_file[len("src/"):-3]
