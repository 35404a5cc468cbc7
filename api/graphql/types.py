"""GraphQL object types. Each is built from a domain record by `of`; fields that
point at other records resolve them through the use cases."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.enums import KnowsKind, OrgKind, PersonRole, PlaceLevel, ProjectStage, RelationshipKind, UnitType
from crm import organizations, people, places, projects, relationships
from crm.ids import IdKind, kind_of
from crm.models import money as m
from crm.models import organizations as o
from crm.models import people as pe
from crm.models import places as pl
from crm.models import projects as pr
from crm.models import relationships as r
from crm.pagination import Page
from crm.phones import mask_mobile
from crm import audit
from crm.access import sees_details


@strawberry.type(description="An amount in CNY: exact 元 (a decimal string) and as a leader reads it")
class Money:
    yuan: Decimal
    currency: str
    display: str = strawberry.field(description="e.g. 8.6亿元, 6400万元")

    @staticmethod
    def of(x: m.Money | None) -> "Money | None":
        return None if x is None else Money(yuan=x.yuan, currency=x.currency, display=x.display)


@strawberry.type
class PageInfo:
    end_cursor: str | None
    has_next_page: bool

    @staticmethod
    def of(page: Page) -> "PageInfo":
        return PageInfo(end_cursor=page.end_cursor, has_next_page=page.has_next_page)


@strawberry.type(description="省/市/县/乡: a place in the hierarchy")
class Place:
    id: strawberry.ID
    name: str
    level: PlaceLevel
    parent_id: strawberry.ID | None

    @strawberry.field
    def parent(self, info: Info) -> "Place | None":
        return None if self.parent_id is None else Place.of(places.get_place(store=info.context.store, id=self.parent_id))

    @staticmethod
    def of(x: pl.Place) -> "Place":
        return Place(id=strawberry.ID(x.id), name=x.name, level=x.level, parent_id=x.parent_id)


@strawberry.type(description="An investor, hometown contact, intermediary or cadre")
class Person:
    id: strawberry.ID
    name: str
    roles: list[PersonRole]
    owner_unit_id: strawberry.ID | None = strawberry.field(description="The unit whose lead this is")
    erased: bool = strawberry.field(description="Personal data erased on request")
    native_place_id: strawberry.ID | None
    current_city_id: strawberry.ID | None
    unit_id: strawberry.ID | None
    created_at: datetime
    updated_at: datetime

    _mobiles: strawberry.Private[list[str]]
    _notes: strawberry.Private[str]
    _cadre_unit: strawberry.Private[str | None]

    @strawberry.field(description="Whole (+86 and 11 digits) for the owning unit, leaders and administrators, "
                                  "each such read recorded; 138****5678 for everyone else")
    def mobiles(self, info: Info) -> list[str]:
        if not self._mobiles or not _sees(info, [self.owner_unit_id, self._cadre_unit]):
            return [mask_mobile(x) for x in self._mobiles]
        audit.record(store=info.context.store, user=info.context.user, action="READ_MOBILE", record_id=self.id)
        return list(self._mobiles)

    @strawberry.field(description="Mobiles as 138****5678")
    def masked_mobiles(self) -> list[str]:
        return [mask_mobile(x) for x in self._mobiles]

    @strawberry.field(description="Withheld (null) from other units")
    def notes(self, info: Info) -> str | None:
        return self._notes if _sees(info, [self.owner_unit_id, self._cadre_unit]) else None

    @strawberry.field(description="True when contact details and notes are withheld from you")
    def details_withheld(self, info: Info) -> bool:
        return not _sees(info, [self.owner_unit_id, self._cadre_unit])

    @strawberry.field(description="籍贯")
    def native_place(self, info: Info) -> Place | None:
        return _place(info, self.native_place_id)

    @strawberry.field
    def current_city(self, info: Info) -> Place | None:
        return _place(info, self.current_city_id)

    @strawberry.field(description="A cadre's government unit")
    def unit(self, info: Info) -> "Organization | None":
        return _org(info, self.unit_id)

    @strawberry.field
    def relationships(self, info: Info) -> list["Relationship"]:
        return _ties(info, self.id)

    @staticmethod
    def of(x: pe.Person) -> "Person":
        return Person(id=strawberry.ID(x.id), name=x.name, _mobiles=x.mobiles, roles=x.roles, _notes=x.notes,
                      owner_unit_id=x.owner_unit_id, erased=x.erased, _cadre_unit=x.unit_id,
                      native_place_id=x.native_place_id, current_city_id=x.current_city_id, unit_id=x.unit_id,
                      created_at=x.created_at, updated_at=x.updated_at)


@strawberry.type(description="An enterprise, chamber of commerce, agency or government unit")
class Organization:
    id: strawberry.ID
    name: str
    kind: OrgKind
    unit_type: UnitType | None
    credit_code: str | None = strawberry.field(description="统一社会信用代码")
    _notes: strawberry.Private[str]
    owner_unit_id: strawberry.ID | None
    place_id: strawberry.ID | None
    parent_unit_id: strawberry.ID | None
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="Withheld (null) from other units")
    def notes(self, info: Info) -> str | None:
        own = self.id if self.kind.value == "GOVERNMENT_UNIT" else None
        return self._notes if _sees(info, [self.owner_unit_id, own]) else None

    @strawberry.field
    def place(self, info: Info) -> Place | None:
        return _place(info, self.place_id)

    @strawberry.field
    def parent_unit(self, info: Info) -> "Organization | None":
        return _org(info, self.parent_unit_id)

    @strawberry.field
    def relationships(self, info: Info) -> list["Relationship"]:
        return _ties(info, self.id)

    @staticmethod
    def of(x: o.Organization) -> "Organization":
        return Organization(id=strawberry.ID(x.id), name=x.name, kind=x.kind, unit_type=x.unit_type,
                            credit_code=x.credit_code, _notes=x.notes, owner_unit_id=x.owner_unit_id,
                            place_id=x.place_id,
                            parent_unit_id=x.parent_unit_id, created_at=x.created_at, updated_at=x.updated_at)


@strawberry.type(description="A project being attracted, from packaging to production")
class Project:
    id: strawberry.ID
    name: str
    industry: str = strawberry.field(description="产业链")
    stage: ProjectStage
    total_investment: Money | None
    contracted_investment: Money | None
    responsible_unit_id: strawberry.ID | None
    responsible_cadre_id: strawberry.ID | None
    place_id: strawberry.ID | None
    investor_ids: list[strawberry.ID]
    signed_on: date | None
    _notes: strawberry.Private[str]
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="Withheld (null) from units not responsible for it")
    def notes(self, info: Info) -> str | None:
        return self._notes if _sees(info, [self.responsible_unit_id]) else None

    @strawberry.field
    def responsible_unit(self, info: Info) -> Organization | None:
        return _org(info, self.responsible_unit_id)

    @strawberry.field
    def responsible_cadre(self, info: Info) -> Person | None:
        return None if self.responsible_cadre_id is None else Person.of(
            people.get_person(store=info.context.store, id=self.responsible_cadre_id))

    @strawberry.field
    def place(self, info: Info) -> Place | None:
        return _place(info, self.place_id)

    @strawberry.field
    def investors(self, info: Info) -> list["Entity"]:
        return [_entity(info, i) for i in self.investor_ids]

    @staticmethod
    def of(x: pr.Project) -> "Project":
        return Project(id=strawberry.ID(x.id), name=x.name, industry=x.industry, stage=x.stage,
                       total_investment=Money.of(x.total_investment),
                       contracted_investment=Money.of(x.contracted_investment),
                       responsible_unit_id=x.responsible_unit_id, responsible_cadre_id=x.responsible_cadre_id,
                       place_id=x.place_id, investor_ids=[strawberry.ID(i) for i in x.investor_ids],
                       signed_on=x.signed_on,
                       _notes=x.notes, created_at=x.created_at, updated_at=x.updated_at)


Entity = Annotated[Person | Organization | Place | Project, strawberry.union("Entity")]


@strawberry.type(description="A tie between two records")
class Relationship:
    kind: RelationshipKind
    from_id: strawberry.ID
    to_id: strawberry.ID
    title: str | None
    knows_kind: KnowsKind | None
    strength: int | None
    since: str | None
    note: str | None

    @strawberry.field(name="from")
    def from_(self, info: Info) -> Entity:
        return _entity(info, self.from_id)

    @strawberry.field
    def to(self, info: Info) -> Entity:
        return _entity(info, self.to_id)

    @staticmethod
    def of(x: r.Relationship) -> "Relationship":
        return Relationship(kind=x.kind, from_id=strawberry.ID(x.from_id), to_id=strawberry.ID(x.to_id),
                            title=x.title, knows_kind=x.knows_kind, strength=x.strength, since=x.since, note=x.note)


def _sees(info: Info, owners: list[str | None]) -> bool:
    return sees_details(info.context.user, owners, info.context.units())


def _place(info: Info, id_: str | None) -> Place | None:
    return None if id_ is None else Place.of(places.get_place(store=info.context.store, id=id_))


def _org(info: Info, id_: str | None) -> Organization | None:
    return None if id_ is None else Organization.of(organizations.get_organization(store=info.context.store, id=id_))


def _ties(info: Info, id_: str) -> list[Relationship]:
    return [Relationship.of(t) for t in relationships.relationships_of(store=info.context.store, id=id_)]


def _entity(info: Info, id_: str) -> Person | Organization | Place | Project:
    store = info.context.store
    kind = kind_of(id_)
    if kind is IdKind.PERSON:
        return Person.of(people.get_person(store=store, id=id_))
    if kind is IdKind.ORGANIZATION:
        return Organization.of(organizations.get_organization(store=store, id=id_))
    if kind is IdKind.PLACE:
        return Place.of(places.get_place(store=store, id=id_))
    return Project.of(projects.get_project(store=store, id=id_))


@strawberry.type
class PersonConnection:
    nodes: list[Person]
    page_info: PageInfo


@strawberry.type
class OrganizationConnection:
    nodes: list[Organization]
    page_info: PageInfo


@strawberry.type
class PlaceConnection:
    nodes: list[Place]
    page_info: PageInfo


@strawberry.type
class ProjectConnection:
    nodes: list[Project]
    page_info: PageInfo
