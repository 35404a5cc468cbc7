"""Funds that arrived: tranches and exchange rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import MoneyUnit
from api.graphql.types import Money
from crm import funds
from crm.models import funds as fm
from crm.models import money as m
from crm.rewards.policy import FundsOrigin as _FundsOrigin

FundsOrigin = strawberry.enum(_FundsOrigin, description="市外, 省外 or 外资")
TrancheStatus = strawberry.enum(fm.TrancheStatus)


@strawberry.type(description="到位资金: one tranche of funds that arrived for a project")
class FundingTranche:
    id: strawberry.ID
    project_id: strawberry.ID
    amount: Decimal = strawberry.field(description="In its own currency")
    currency: str
    cny: Money = strawberry.field(description="Converted once at the dated rate, half-up to the fen")
    rate: Decimal | None
    rate_on: date | None
    arrived_on: date
    origin: FundsOrigin
    status: TrancheStatus
    note: str | None
    status_note: str | None

    @staticmethod
    def of(t: fm.Tranche) -> "FundingTranche":
        return FundingTranche(id=strawberry.ID(t.id), project_id=strawberry.ID(t.project_id), amount=t.amount,
                              currency=t.currency, cny=Money.of(m.Money(fen=t.cny_fen)), rate=t.rate, rate_on=t.rate_on,
                              arrived_on=t.arrived_on, origin=t.origin, status=t.status, note=t.note,
                              status_note=t.status_note)


@strawberry.type
class ExchangeRate:
    id: strawberry.ID
    currency: str
    on: date
    cny_per_unit: Decimal


@strawberry.input
class ExchangeRateInput:
    currency: str
    on: date
    cny_per_unit: str = strawberry.field(description="Decimal string, e.g. \"7.1\"")
    recorded_by: strawberry.ID | None = None


@strawberry.input
class TrancheInput:
    project_id: strawberry.ID
    amount: str = strawberry.field(description="Decimal string, more than 0")
    arrived_on: date
    origin: FundsOrigin
    recorded_by: strawberry.ID | None = None
    unit: MoneyUnit = MoneyUnit.YUAN
    currency: str = "CNY"
    note: str | None = None


@strawberry.input
class TrancheChangeInput:
    by: strawberry.ID | None = None
    note: str | None = strawberry.field(default=None, description="Required when reversing: why")


@strawberry.type
class FundsQuery:
    @strawberry.field
    def tranches(self, info: Info, project_id: strawberry.ID) -> list[FundingTranche]:
        return [FundingTranche.of(t) for t in funds.tranches_of(store=info.context.store, project_id=project_id)]


@strawberry.type
class FundsMutation:
    @strawberry.mutation
    def record_exchange_rate(self, info: Info, input: ExchangeRateInput) -> ExchangeRate:
        r = funds.record_exchange_rate(store=info.context.store, data=to_dict(input))
        return ExchangeRate(id=strawberry.ID(r["id"]), currency=r["currency"], on=r["on"], cny_per_unit=r["cny_per_unit"])

    @strawberry.mutation
    def record_tranche(self, info: Info, input: TrancheInput) -> FundingTranche:
        return FundingTranche.of(funds.record_tranche(store=info.context.store, data=to_dict(input)))

    @strawberry.mutation(description="Only verified tranches count for rewards")
    def verify_tranche(self, info: Info, id: strawberry.ID, input: TrancheChangeInput) -> FundingTranche:
        return FundingTranche.of(funds.verify_tranche(store=info.context.store, id=id, data=to_dict(input)))

    @strawberry.mutation(description="The funds were withdrawn; the next settlement adjusts the rewards")
    def reverse_tranche(self, info: Info, id: strawberry.ID, input: TrancheChangeInput) -> FundingTranche:
        return FundingTranche.of(funds.reverse_tranche(store=info.context.store, id=id, data=to_dict(input)))
