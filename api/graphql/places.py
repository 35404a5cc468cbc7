"""Places: queries and mutations."""

from __future__ import annotations

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import PlaceLevel
from api.graphql.types import PageInfo, Place, PlaceConnection
from crm import places


@strawberry.input
class PlaceCreateInput:
    name: str
    level: PlaceLevel
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Required below province")


@strawberry.input
class PlaceUpdateInput:
    name: str | None = None


@strawberry.input
class PlaceFilter:
    level: PlaceLevel | None = None
    within: strawberry.ID | None = strawberry.field(default=None, description="This place or any place under it")
    name: str | None = strawberry.field(default=None, description="Part of the name")


@strawberry.type
class PlaceQuery:
    @strawberry.field
    def place(self, info: Info, id: strawberry.ID) -> Place:
        return Place.of(places.get_place(store=info.context.store, id=id))

    @strawberry.field
    def places(self, info: Info, first: int | None = None, after: str | None = None,
               filter: PlaceFilter | None = None) -> PlaceConnection:
        f = filter or PlaceFilter()
        page = places.list_places(store=info.context.store, first=first, after=after, level=f.level,
                                  within=f.within, name=f.name)
        return PlaceConnection(nodes=[Place.of(x) for x in page.items],
                               page_info=PageInfo.of(page))


@strawberry.type
class PlaceMutation:
    @strawberry.mutation
    def create_place(self, info: Info, input: PlaceCreateInput) -> Place:
        return Place.of(places.create_place(store=info.context.store, data=to_dict(input)))

    @strawberry.mutation
    def update_place(self, info: Info, id: strawberry.ID, input: PlaceUpdateInput) -> Place:
        return Place.of(places.update_place(store=info.context.store, id=id, data=to_dict(input)))
