"""The whole GraphQL schema: the areas' queries and mutations merged."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from strawberry.extensions import (AddValidationRules, DisableIntrospection, MaxAliasesLimiter, MaxTokensLimiter,
                                   QueryDepthLimiter)

from api.access import AccessControl
from api.graphql.errors import DomainErrors
from api.graphql.limits import PageCostRule
from api.graphql.organizations import OrganizationMutation, OrganizationQuery
from api.graphql.people import PersonMutation, PersonQuery
from api.graphql.pipeline import PipelineMutation, PipelineQuery
from api.graphql.places import PlaceMutation, PlaceQuery
from api.graphql.projects import ProjectMutation, ProjectQuery
from api.graphql.accounts import AccountMutation, AccountQuery
from api.graphql.contacts import ContactMutation, ContactQuery
from api.graphql.funds import FundsMutation, FundsQuery
from api.graphql.referrals import ReferralMutation, ReferralQuery
from api.graphql.relationships import RelationshipMutation, RelationshipQuery
from api.graphql.rewards import RewardMutation, RewardQuery

Query = merge_types("Query", (PersonQuery, OrganizationQuery, PlaceQuery, ProjectQuery, RelationshipQuery,
                             ReferralQuery, FundsQuery, RewardQuery, PipelineQuery, ContactQuery, AccountQuery))
Mutation = merge_types("Mutation", (PersonMutation, OrganizationMutation, PlaceMutation, ProjectMutation,
                                    RelationshipMutation, ReferralMutation, FundsMutation, RewardMutation,
                                    PipelineMutation, ContactMutation, AccountMutation))


MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2_000


def build_schema(*, production: bool = False) -> strawberry.Schema:
    """Limits are checked at validation, before any resolver or store is reached."""
    extensions: list = [
        DomainErrors,
        # Factories, so that every request gets extensions of its own.
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules([PageCostRule]),
        AccessControl,
    ]
    if production:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=extensions)
