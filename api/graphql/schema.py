"""The whole GraphQL schema: the areas' queries and mutations merged."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from api.graphql.errors import DomainErrors
from api.graphql.organizations import OrganizationMutation, OrganizationQuery
from api.graphql.people import PersonMutation, PersonQuery
from api.graphql.pipeline import PipelineMutation, PipelineQuery
from api.graphql.places import PlaceMutation, PlaceQuery
from api.graphql.projects import ProjectMutation, ProjectQuery
from api.graphql.contacts import ContactMutation, ContactQuery
from api.graphql.funds import FundsMutation, FundsQuery
from api.graphql.referrals import ReferralMutation, ReferralQuery
from api.graphql.relationships import RelationshipMutation, RelationshipQuery
from api.graphql.rewards import RewardMutation, RewardQuery

Query = merge_types("Query", (PersonQuery, OrganizationQuery, PlaceQuery, ProjectQuery, RelationshipQuery,
                             ReferralQuery, FundsQuery, RewardQuery, PipelineQuery, ContactQuery))
Mutation = merge_types("Mutation", (PersonMutation, OrganizationMutation, PlaceMutation, ProjectMutation,
                                    RelationshipMutation, ReferralMutation, FundsMutation, RewardMutation,
                                    PipelineMutation, ContactMutation))


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=[DomainErrors])
