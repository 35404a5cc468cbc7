"""The domain's enums, exposed to GraphQL under the same names."""

import strawberry

from crm.models.organizations import OrgKind, UnitType
from crm.models.people import PersonRole
from crm.models.places import PlaceLevel
from crm.models.projects import ProjectStage
from crm.models.relationships import KnowsKind, RelationshipKind
from crm.money import MoneyUnit

PersonRole = strawberry.enum(PersonRole, description="A person's roles; one person may hold several")
OrgKind = strawberry.enum(OrgKind)
UnitType = strawberry.enum(UnitType, description="Only for government units")
PlaceLevel = strawberry.enum(PlaceLevel)
ProjectStage = strawberry.enum(ProjectStage)
RelationshipKind = strawberry.enum(RelationshipKind)
KnowsKind = strawberry.enum(KnowsKind)
MoneyUnit = strawberry.enum(MoneyUnit, description="元, 万元 (10^4 元) or 亿元 (10^8 元)")
