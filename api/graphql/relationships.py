"""Relationships: add and remove ties, checked against the rules."""

from __future__ import annotations

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import KnowsKind, RelationshipKind
from api.graphql.types import Relationship
from crm import relationships


@strawberry.input(description="WORKS_FOR person→enterprise/agency/chamber; MEMBER_OF person or enterprise→chamber; "
                  "NATIVE_OF/LIVES_IN/WORKS_IN person→place; KNOWS person↔person (knowsKind, strength 1-5); "
                  "BELONGS_TO cadre→government unit; RESPONSIBLE_FOR unit or cadre→project; "
                  "INVESTS_IN investor or enterprise→project; LOCATED_IN organization or project→place")
class RelationshipInput:
    kind: RelationshipKind
    from_id: strawberry.ID
    to_id: strawberry.ID
    title: str | None = None
    knows_kind: KnowsKind | None = None
    strength: int | None = None
    since: str | None = None
    note: str | None = None


@strawberry.input
class RelationshipRemovalInput:
    kind: RelationshipKind
    from_id: strawberry.ID
    to_id: strawberry.ID


@strawberry.type
class RelationshipQuery:
    @strawberry.field(description="Every tie of one record, both directions")
    def relationships(self, info: Info, id: strawberry.ID) -> list[Relationship]:
        return [Relationship.of(r) for r in relationships.relationships_of(store=info.context.store, id=id)]


@strawberry.type
class RelationshipMutation:
    @strawberry.mutation
    def add_relationship(self, info: Info, input: RelationshipInput) -> Relationship:
        return Relationship.of(relationships.add_relationship(store=info.context.store, data=to_dict(input)))

    @strawberry.mutation
    def remove_relationship(self, info: Info, input: RelationshipRemovalInput) -> bool:
        return relationships.remove_relationship(store=info.context.store, data=to_dict(input))
