"""People: queries and mutations."""

from __future__ import annotations

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import PersonRole
from api.graphql.types import PageInfo, Person, PersonConnection
from crm import people


@strawberry.input
class PersonCreateInput:
    name: str
    mobiles: list[str] | None = strawberry.field(default=None, description="Any usual form: 13812345678, +86 138-1234-5678")
    roles: list[PersonRole] | None = None
    native_place_id: strawberry.ID | None = None
    current_city_id: strawberry.ID | None = None
    notes: str | None = None


@strawberry.input(description="Fields left out stay as they are; a list given replaces the old one")
class PersonUpdateInput:
    name: str | None = None
    mobiles: list[str] | None = None
    roles: list[PersonRole] | None = None
    native_place_id: strawberry.ID | None = None
    current_city_id: strawberry.ID | None = None
    notes: str | None = None


@strawberry.input
class PersonFilter:
    role: PersonRole | None = None
    native_of: strawberry.ID | None = strawberry.field(
        default=None, description="Natives of this place or any place under it (亲缘招商)")
    lives_in: strawberry.ID | None = strawberry.field(default=None, description="Living in this place or under it")
    unit: strawberry.ID | None = strawberry.field(default=None, description="Cadres of this unit or its sub-units")
    name: str | None = strawberry.field(default=None, description="Part of the name, e.g. 刘")
    mobile: str | None = strawberry.field(
        default=None, description="A whole mobile number in any usual form, or at least four of its digits")


@strawberry.type
class PersonQuery:
    @strawberry.field
    def person(self, info: Info, id: strawberry.ID) -> Person:
        return Person.of(people.get_person(store=info.context.store, id=id))

    @strawberry.field
    def people(self, info: Info, first: int | None = None, after: str | None = None,
               filter: PersonFilter | None = None) -> PersonConnection:
        f = filter or PersonFilter()
        page = people.list_people(store=info.context.store, first=first, after=after, role=f.role,
                                  native_of=f.native_of, lives_in=f.lives_in, unit=f.unit, name=f.name,
                                  mobile=f.mobile)
        return PersonConnection(nodes=[Person.of(x) for x in page.items],
                                page_info=PageInfo.of(page))


@strawberry.type
class PersonMutation:
    @strawberry.mutation
    def create_person(self, info: Info, input: PersonCreateInput) -> Person:
        return Person.of(people.create_person(store=info.context.store, data=to_dict(input),
                                              owner_unit_id=info.context.user.unit_id))

    @strawberry.mutation
    def update_person(self, info: Info, id: strawberry.ID, input: PersonUpdateInput) -> Person:
        return Person.of(people.update_person(store=info.context.store, id=id, data=to_dict(input)))
