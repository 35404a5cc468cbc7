"""Relationships between records, and the rules of what may link to what.

The rules are data (RULES), so validation, the Cypher catalogue and the API's
enum all come from one table: a new kind of tie is one row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pydantic import Field, model_validator

from crm.errors import InvalidInput
from crm.ids import IdKind
from crm.models.base import Input, Record, ShortText
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole


class RelationshipKind(str, Enum):
    WORKS_FOR = "WORKS_FOR"  # 任职于 (with title)
    MEMBER_OF = "MEMBER_OF"  # 商会会员
    NATIVE_OF = "NATIVE_OF"  # 籍贯
    LIVES_IN = "LIVES_IN"  # 现居
    WORKS_IN = "WORKS_IN"  # 工作地
    KNOWS = "KNOWS"  # 认识 (relative, classmate, comrade-in-arms…)
    BELONGS_TO = "BELONGS_TO"  # 干部所属单位
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"  # 谁引进、谁负责
    INVESTS_IN = "INVESTS_IN"  # 投资
    LOCATED_IN = "LOCATED_IN"  # 所在地


class KnowsKind(str, Enum):
    RELATIVE = "RELATIVE"  # 亲戚
    CLASSMATE = "CLASSMATE"  # 同学
    COMRADE_IN_ARMS = "COMRADE_IN_ARMS"  # 战友
    FELLOW_TOWNSMAN = "FELLOW_TOWNSMAN"  # 同乡
    COLLEAGUE = "COLLEAGUE"  # 同事
    FRIEND = "FRIEND"  # 朋友


@dataclass(frozen=True)
class End:
    """What one end of a relationship may be."""

    kind: IdKind
    org_kinds: tuple[OrgKind, ...] = ()  # for organizations: allowed kinds (empty: any)
    role: PersonRole | None = None  # for people: a role they must hold

    def describe(self) -> str:
        if self.org_kinds:
            return " or ".join(k.value.lower().replace("_", " ") for k in self.org_kinds)
        if self.role:
            return f"person with the {self.role.value.lower().replace('_', ' ')} role"
        return self.kind.noun


@dataclass(frozen=True)
class Rule:
    kind: RelationshipKind
    sources: tuple[End, ...]
    targets: tuple[End, ...]
    # "source": a source has at most one such tie (a new one replaces it);
    # "target": a target has at most one per source kind; None: any number.
    exclusive: str | None = None


_PERSON = End(IdKind.PERSON)
_PLACE = End(IdKind.PLACE)
_PROJECT = End(IdKind.PROJECT)
_UNIT = End(IdKind.ORGANIZATION, (OrgKind.GOVERNMENT_UNIT,))

RULES: dict[RelationshipKind, Rule] = {
    r.kind: r
    for r in (
        Rule(RelationshipKind.WORKS_FOR, (_PERSON,),
             (End(IdKind.ORGANIZATION, (OrgKind.ENTERPRISE, OrgKind.AGENCY, OrgKind.CHAMBER)),)),
        Rule(RelationshipKind.MEMBER_OF, (_PERSON, End(IdKind.ORGANIZATION, (OrgKind.ENTERPRISE,))),
             (End(IdKind.ORGANIZATION, (OrgKind.CHAMBER,)),)),
        Rule(RelationshipKind.NATIVE_OF, (_PERSON,), (_PLACE,), exclusive="source"),
        Rule(RelationshipKind.LIVES_IN, (_PERSON,), (_PLACE,), exclusive="source"),
        Rule(RelationshipKind.WORKS_IN, (_PERSON,), (_PLACE,)),
        Rule(RelationshipKind.KNOWS, (_PERSON,), (_PERSON,)),
        Rule(RelationshipKind.BELONGS_TO, (End(IdKind.PERSON, role=PersonRole.CADRE),), (_UNIT,),
             exclusive="source"),
        Rule(RelationshipKind.RESPONSIBLE_FOR, (_UNIT, End(IdKind.PERSON, role=PersonRole.CADRE)),
             (_PROJECT,), exclusive="target"),
        Rule(RelationshipKind.INVESTS_IN,
             (End(IdKind.PERSON, role=PersonRole.INVESTOR), End(IdKind.ORGANIZATION, (OrgKind.ENTERPRISE,))),
             (_PROJECT,)),
        Rule(RelationshipKind.LOCATED_IN, (End(IdKind.ORGANIZATION), _PROJECT), (_PLACE,),
             exclusive="source"),
    )
}


class RelationshipInput(Input):
    kind: RelationshipKind
    from_id: str
    to_id: str
    title: ShortText | None = None  # WORKS_FOR, MEMBER_OF, BELONGS_TO: 职务
    knows_kind: KnowsKind | None = None  # KNOWS only
    strength: int | None = Field(default=None, ge=1, le=5)  # KNOWS only: 1 (slight) to 5 (close)
    since: ShortText | None = None  # free text: "2008", "高中同学"
    note: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> "RelationshipInput":
        if self.kind is RelationshipKind.KNOWS:
            if self.knows_kind is None:
                raise InvalidInput.one("knowsKind", "a KNOWS tie needs its kind (relative, classmate, …)")
            if self.strength is None:
                raise InvalidInput.one("strength", "a KNOWS tie needs a strength from 1 to 5")
            if self.from_id == self.to_id:
                raise InvalidInput.one("toId", "a person cannot know themselves")
        else:
            for field, value in (("knowsKind", self.knows_kind), ("strength", self.strength)):
                if value is not None:
                    raise InvalidInput.one(field, f"only a KNOWS tie has {field}")
        if self.title is not None and self.kind not in (
            RelationshipKind.WORKS_FOR, RelationshipKind.MEMBER_OF, RelationshipKind.BELONGS_TO
        ):
            raise InvalidInput.one("title", f"a {self.kind.value} tie has no title")
        return self

    def properties(self) -> dict[str, object]:
        props = {
            "title": self.title,
            "knows_kind": self.knows_kind.value if self.knows_kind else None,
            "strength": self.strength,
            "since": self.since,
            "note": self.note,
        }
        return {k: v for k, v in props.items() if v is not None}


class RelationshipRemoval(Input):
    kind: RelationshipKind
    from_id: str
    to_id: str


class Relationship(Record):
    kind: RelationshipKind
    from_id: str
    to_id: str
    title: str | None = None
    knows_kind: KnowsKind | None = None
    strength: int | None = None
    since: str | None = None
    note: str | None = None
