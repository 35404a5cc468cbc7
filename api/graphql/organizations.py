"""Organizations: queries and mutations."""

from __future__ import annotations

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import OrgKind, UnitType
from api.graphql.types import Organization, OrganizationConnection, PageInfo
from crm import organizations


@strawberry.input
class OrganizationCreateInput:
    name: str
    kind: OrgKind
    unit_type: UnitType | None = strawberry.field(default=None, description="Required for a government unit")
    credit_code: str | None = strawberry.field(default=None, description="统一社会信用代码, 18 characters")
    place_id: strawberry.ID | None = None
    parent_unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a government unit: the unit it sits under (township under county)")
    notes: str | None = None


@strawberry.input(description="Fields left out stay as they are; the kind does not change")
class OrganizationUpdateInput:
    name: str | None = None
    unit_type: UnitType | None = None
    credit_code: str | None = None
    place_id: strawberry.ID | None = None
    parent_unit_id: strawberry.ID | None = None
    notes: str | None = None


@strawberry.input
class OrganizationFilter:
    kind: OrgKind | None = None
    unit_type: UnitType | None = None
    located_in: strawberry.ID | None = strawberry.field(default=None, description="In this place or under it")
    within_unit: strawberry.ID | None = strawberry.field(default=None, description="This unit and its sub-units")
    name: str | None = strawberry.field(default=None, description="Part of the name")


@strawberry.type
class OrganizationQuery:
    @strawberry.field
    def organization(self, info: Info, id: strawberry.ID) -> Organization:
        return Organization.of(organizations.get_organization(store=info.context.store, id=id))

    @strawberry.field
    def organizations(self, info: Info, first: int | None = None, after: str | None = None,
                      filter: OrganizationFilter | None = None) -> OrganizationConnection:
        f = filter or OrganizationFilter()
        page = organizations.list_organizations(store=info.context.store, first=first, after=after, kind=f.kind,
                                                unit_type=f.unit_type, located_in=f.located_in,
                                                within_unit=f.within_unit, name=f.name)
        return OrganizationConnection(nodes=[Organization.of(x) for x in page.items],
                                      page_info=PageInfo.of(page))


@strawberry.type
class OrganizationMutation:
    @strawberry.mutation
    def create_organization(self, info: Info, input: OrganizationCreateInput) -> Organization:
        return Organization.of(organizations.create_organization(store=info.context.store, data=to_dict(input),
                                                                 owner_unit_id=info.context.user.unit_id))

    @strawberry.mutation
    def update_organization(self, info: Info, id: strawberry.ID, input: OrganizationUpdateInput) -> Organization:
        return Organization.of(organizations.update_organization(store=info.context.store, id=id, data=to_dict(input)))
