"""The pipeline (stage changes, contracts, targets) and the leaders' figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import ProjectStage
from api.graphql.funds import FundsOrigin
from api.graphql.projects import MoneyInput
from api.graphql.types import Money, Project
from crm import pipeline
from crm.figures.report import Row, build_report, parse_period
from crm.models import money as m
from crm.models import pipeline as pm


@strawberry.type
class StageChange:
    id: strawberry.ID
    stage: ProjectStage
    on: date
    by_id: strawberry.ID | None
    reason: str | None
    event_id: strawberry.ID | None

    @staticmethod
    def of(s: pm.StageChange) -> "StageChange":
        return StageChange(id=strawberry.ID(s.id), stage=s.stage, on=s.on, by_id=s.by, reason=s.reason,
                           event_id=s.event_id)


@strawberry.input
class StageChangeInput:
    stage: ProjectStage
    on: date
    by: strawberry.ID | None = None
    reason: str | None = strawberry.field(default=None, description="Required for WITHDRAWN and STALLED")
    event_id: strawberry.ID | None = strawberry.field(default=None, description="The fair where it was signed")


@strawberry.input
class ContractInput:
    signed_on: date
    contracted_investment: MoneyInput
    by: strawberry.ID | None = None
    promised_start_on: date | None = None
    promised_production_on: date | None = None
    land_mu: str | None = strawberry.field(default=None, description="用地 (亩), decimal string")
    investment_intensity_wan_per_mu: str | None = strawberry.field(default=None, description="投资强度 (万元/亩)")
    plot_ratio: str | None = strawberry.field(default=None, description="容积率")


@strawberry.input
class TargetInput:
    unit_id: strawberry.ID
    year: int
    funds_arrived: MoneyInput | None = None
    projects_signed: int | None = None
    projects_started: int | None = None
    origin: FundsOrigin | None = strawberry.field(default=None, description="Count only funds of this origin")


@strawberry.type
class StageCount:
    stage: str
    projects: int


@strawberry.type(description="One unit's figures; a rate is null when its denominator is 0 (undefined, not 0)")
class UnitFigures:
    unit_id: strawberry.ID
    unit_name: str
    rank: int | None
    signed: int
    started: int
    in_production: int
    contracts_due: int
    contracts_fulfilled: int
    fulfilment_rate: Decimal | None = strawberry.field(description="合同履约率")
    start_rate: Decimal | None = strawberry.field(description="项目开工率")
    production_rate: Decimal | None = strawberry.field(description="项目投产率")
    funds_arrival_rate: Decimal | None = strawberry.field(description="资金到位率")
    target_completion: Decimal | None
    growth: Decimal | None = strawberry.field(description="Funds in the period against the same period last year")
    funds_in_period: Money
    funds_year_to_date: Money
    funds_same_period_last_year: Money
    contracted: Money
    arrived_to_date: Money
    target_funds: Money | None
    target_origin: str | None
    signed_in_year: int
    target_signed: int | None
    started_in_year: int
    target_started: int | None
    trips: int
    enterprises_visited: int
    investors_received: int
    by_stage: list[StageCount]

    @staticmethod
    def of(row: Row) -> "UnitFigures":
        f, a, t = row.figures, row.activity, row.figures.target
        money = lambda fen: Money.of(m.Money(fen=fen))  # noqa: E731
        return UnitFigures(
            unit_id=strawberry.ID(f.unit_id), unit_name=f.unit_name, rank=f.rank, signed=f.signed, started=f.started,
            in_production=f.in_production, contracts_due=f.due, contracts_fulfilled=f.fulfilled,
            fulfilment_rate=f.fulfilment_rate, start_rate=f.start_rate, production_rate=f.production_rate,
            funds_arrival_rate=f.funds_arrival_rate, target_completion=f.target_completion, growth=f.growth,
            funds_in_period=money(f.funds_in_period_fen), funds_year_to_date=money(f.funds_year_to_date_fen),
            funds_same_period_last_year=money(f.funds_same_period_last_year_fen), contracted=money(f.contracted_fen),
            arrived_to_date=money(f.arrived_to_date_fen),
            target_funds=money(t.funds_fen) if t and t.funds_fen is not None else None,
            target_origin=t.origin if t else None, signed_in_year=f.signed_in_year,
            target_signed=t.signed if t else None, started_in_year=f.started_in_year,
            target_started=t.started if t else None, trips=a.trips, enterprises_visited=a.enterprises_visited,
            investors_received=a.investors_received,
            by_stage=[StageCount(stage=s, projects=n) for s, n in sorted(f.by_stage.items())])


@strawberry.type(description="月调度表 (a month) or 季通报 (a quarter)")
class FiguresReport:
    period: str
    label: str
    start: date
    end: date
    rows: list[UnitFigures]
    total: UnitFigures
    xlsx_url: str
    chart_url: str


@strawberry.type
class PipelineQuery:
    @strawberry.field
    def stage_history(self, info: Info, project_id: strawberry.ID) -> list[StageChange]:
        return [StageChange.of(s) for s in pipeline.stage_history(store=info.context.store, project_id=project_id)]

    @strawberry.field(description="The figures per unit for a month (2026-10) or a quarter (2026-Q3)")
    def figures_report(self, info: Info, period: str, industry: str | None = None) -> FiguresReport:
        p = parse_period(period)
        report = build_report(store=info.context.store, period=p, industry=industry)
        return FiguresReport(period=period, label=p.label, start=p.start, end=p.end,
                             rows=[UnitFigures.of(r) for r in report.rows], total=UnitFigures.of(report.total),
                             xlsx_url=f"/exports/report/{period}.xlsx", chart_url=f"/exports/report/{period}.png")


@strawberry.type
class PipelineMutation:
    @strawberry.mutation(description="A dated stage change; the current stage follows from these")
    def change_project_stage(self, info: Info, project_id: strawberry.ID, input: StageChangeInput) -> Project:
        return Project.of(pipeline.change_stage(store=info.context.store, project_id=project_id, data=to_dict(input)))

    @strawberry.mutation(description="签约: the contract record")
    def record_contract(self, info: Info, project_id: strawberry.ID, input: ContractInput) -> Project:
        return Project.of(pipeline.record_contract(store=info.context.store, project_id=project_id,
                                                   data=to_dict(input)))

    @strawberry.mutation(description="目标任务: a unit's annual targets (replaces those of the same year and origin)")
    def set_target(self, info: Info, input: TargetInput) -> bool:
        pipeline.set_target(store=info.context.store, data=to_dict(input))
        return True
