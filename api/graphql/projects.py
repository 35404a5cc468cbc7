"""Projects: queries and mutations."""

from __future__ import annotations

from datetime import date

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import MoneyUnit, ProjectStage
from api.graphql.types import PageInfo, Project, ProjectConnection
from crm import projects


@strawberry.input(description="An amount: a decimal number as a string (\"8.6\"; exact, so never a float), "
                  "its unit and its currency")
class MoneyInput:
    amount: str
    unit: MoneyUnit = MoneyUnit.YUAN
    currency: str = "CNY"


@strawberry.input
class ProjectCreateInput:
    name: str
    industry: str = strawberry.field(description="产业链, e.g. 汽车零部件")
    stage: ProjectStage | None = None
    stage_on: date | None = strawberry.field(default=None, description="When it reached that stage; today if left out")
    total_investment: MoneyInput | None = None
    contracted_investment: MoneyInput | None = None
    responsible_unit_id: strawberry.ID | None = None
    responsible_cadre_id: strawberry.ID | None = None
    place_id: strawberry.ID | None = None
    signed_on: date | None = strawberry.field(default=None, description="签约日期; not in the future")
    notes: str | None = None


@strawberry.input(description="Fields left out stay as they are; the stage changes by changeProjectStage")
class ProjectUpdateInput:
    name: str | None = None
    industry: str | None = None
    total_investment: MoneyInput | None = None
    contracted_investment: MoneyInput | None = None
    responsible_unit_id: strawberry.ID | None = None
    responsible_cadre_id: strawberry.ID | None = None
    place_id: strawberry.ID | None = None
    signed_on: date | None = None
    notes: str | None = None


@strawberry.input
class ProjectFilter:
    stage: ProjectStage | None = None
    industry: str | None = None
    located_in: strawberry.ID | None = strawberry.field(default=None, description="In this place or under it")
    unit: strawberry.ID | None = strawberry.field(default=None, description="Responsible unit or its parent units")
    investor: strawberry.ID | None = None
    name: str | None = strawberry.field(default=None, description="Part of the name")


@strawberry.type
class ProjectQuery:
    @strawberry.field
    def project(self, info: Info, id: strawberry.ID) -> Project:
        return Project.of(projects.get_project(store=info.context.store, id=id))

    @strawberry.field
    def projects(self, info: Info, first: int | None = None, after: str | None = None,
                 filter: ProjectFilter | None = None) -> ProjectConnection:
        f = filter or ProjectFilter()
        page = projects.list_projects(store=info.context.store, first=first, after=after, stage=f.stage,
                                      industry=f.industry, located_in=f.located_in, unit=f.unit,
                                      investor=f.investor, name=f.name)
        return ProjectConnection(nodes=[Project.of(x) for x in page.items],
                                 page_info=PageInfo.of(page))


@strawberry.type
class ProjectMutation:
    @strawberry.mutation
    def create_project(self, info: Info, input: ProjectCreateInput) -> Project:
        return Project.of(projects.create_project(store=info.context.store, data=to_dict(input)))

    @strawberry.mutation
    def update_project(self, info: Info, id: strawberry.ID, input: ProjectUpdateInput) -> Project:
        return Project.of(projects.update_project(store=info.context.store, id=id, data=to_dict(input)))
