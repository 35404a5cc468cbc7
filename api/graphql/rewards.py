"""Reward policies, settlement, reward lines and statements."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.scalars import JSON

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.enums import ProjectStage
from api.graphql.funds import FundsOrigin
from api.graphql.types import Money
from crm.models import money as m
from crm.rewards import lines as L
from crm.rewards import policies, settlement
from crm.rewards import policy as rp
from crm.rewards import statement as rs

UpstreamMode = strawberry.enum(rp.UpstreamMode)
LineStatus = strawberry.enum(L.LineStatus)


@strawberry.type(description="One version of a reward policy; rules as JSON (amounts are decimal strings)")
class RewardPolicy:
    id: strawberry.ID
    code: str
    version: int
    name: str
    issuer_unit_id: strawberry.ID
    effective_from: date
    effective_to: date | None
    rules: JSON

    @staticmethod
    def of(p: rp.Policy) -> "RewardPolicy":
        return RewardPolicy(id=strawberry.ID(p.id), code=p.code, version=p.version, name=p.name,
                            issuer_unit_id=strawberry.ID(p.issuer_unit_id), effective_from=p.effective_from,
                            effective_to=p.effective_to, rules=p.rules.model_dump(mode="json", by_alias=True))


@strawberry.type(description="奖励明细: one reward line, with the explanation of how it was computed")
class RewardLine:
    id: strawberry.ID
    policy_id: strawberry.ID
    policy_code: str
    policy_version: int
    year: int
    project_id: strawberry.ID
    introducer_id: strawberry.ID
    role: str = strawberry.field(description="DIRECT or UPSTREAM (the introducer's own introducer)")
    kind: str = strawberry.field(description="CASH or RECOGNITION (public servants and government units)")
    entry: str = strawberry.field(description="ORIGINAL or ADJUSTMENT")
    amount: Money
    basis: Money = strawberry.field(description="The year's verified arrived funds it was computed on")
    status: LineStatus
    payment_ref: str | None
    explanation: JSON
    why: str = strawberry.field(description="The explanation in one sentence")

    @staticmethod
    def of(x: L.RewardLine) -> "RewardLine":
        return RewardLine(id=strawberry.ID(x.id), policy_id=strawberry.ID(x.policy_id), policy_code=x.policy_code,
                          policy_version=x.policy_version, year=x.year, project_id=strawberry.ID(x.project_id),
                          introducer_id=strawberry.ID(x.introducer_id), role=x.role, kind=x.kind, entry=x.entry.value,
                          amount=Money.of(m.Money(fen=x.amount_fen)), basis=Money.of(m.Money(fen=x.basis_fen)),
                          status=x.status, payment_ref=x.payment_ref, explanation=x.explanation, why=rs.why(x))


@strawberry.type
class SettlementResult:
    written: list[RewardLine]
    superseded_ids: list[strawberry.ID]
    notes: JSON = strawberry.field(description="Projects or shares that earned nothing, and why")


@strawberry.type
class RewardStatement:
    introducer_id: strawberry.ID
    introducer_name: str
    year: int
    lines: list[RewardLine]
    total: Money
    paid: Money
    approved: Money
    computed: Money
    xlsx_url: str = strawberry.field(description="Where to download it as xlsx")


@strawberry.input
class TierInput:
    from_yuan: str
    rate: str
    to_yuan: str | None = None


@strawberry.input
class UpstreamInput:
    fraction: str
    mode: UpstreamMode


@strawberry.input(description="See crm/rewards/policy.py for what each rule means exactly")
class PolicyRulesInput:
    flat_rate: str | None = strawberry.field(default=None, description="元 per 元 arrived: 每10万奖100元 is 0.001")
    tiers: list[TierInput] | None = strawberry.field(default=None, description="Marginal, over cumulative funds")
    origins: list[FundsOrigin] | None = None
    minimum_yuan: str | None = None
    cap_per_project_yuan: str | None = None
    cap_per_introducer_year_yuan: str | None = None
    budget_per_year_yuan: str | None = None
    required_stage: ProjectStage | None = None
    registered_before_signing: bool | None = None
    days_after_signing_allowed: int | None = None
    require_confirmed: bool | None = None
    upstream: UpstreamInput | None = None
    only_issuer_projects: bool | None = strawberry.field(
        default=None, description="Only projects the issuing unit or its sub-units are responsible for")


@strawberry.input
class RewardPolicyInput:
    code: str = strawberry.field(description="Stable across versions, e.g. CITY-2025")
    name: str
    issuer_unit_id: strawberry.ID
    effective_from: date
    rules: PolicyRulesInput
    effective_to: date | None = None


@strawberry.type
class RewardQuery:
    @strawberry.field
    def reward_policies(self, info: Info, code: str | None = None) -> list[RewardPolicy]:
        return [RewardPolicy.of(p) for p in policies.list_policies(store=info.context.store, code=code)]

    @strawberry.field
    def reward_lines(self, info: Info, policy_id: strawberry.ID, year: int) -> list[RewardLine]:
        from graph.catalogue import rewards as q

        rows = info.context.store.read(q.LINES_FOR, {"policy_id": policy_id, "year": year,
                                                     "superseded": L.LineStatus.SUPERSEDED.value})
        return [RewardLine.of(L.RewardLine.of(r["node"])) for r in rows]

    @strawberry.field(description="An introducer's reward statement for a year (结算单)")
    def reward_statement(self, info: Info, introducer_id: strawberry.ID, year: int) -> RewardStatement:
        st = rs.statement(store=info.context.store, introducer_id=introducer_id, year=year)
        money = lambda *s: Money.of(m.Money(fen=st.total_fen(*s)))  # noqa: E731
        return RewardStatement(
            introducer_id=strawberry.ID(st.introducer_id), introducer_name=st.introducer_name, year=year,
            lines=[RewardLine.of(x) for x in st.lines], total=money(), paid=money(L.LineStatus.PAID),
            approved=money(L.LineStatus.APPROVED), computed=money(L.LineStatus.COMPUTED),
            xlsx_url=f"/exports/reward-statement/{st.introducer_id}/{year}.xlsx")


@strawberry.type
class RewardMutation:
    @strawberry.mutation(description="A new version of the policy with this code (version 1 if new)")
    def create_reward_policy(self, info: Info, input: RewardPolicyInput) -> RewardPolicy:
        return RewardPolicy.of(policies.create_policy(store=info.context.store, data=to_dict(input)))

    @strawberry.mutation(description="年度结账: settle a policy for a year; writes only what changed")
    def settle_rewards(self, info: Info, policy_id: strawberry.ID, year: int) -> SettlementResult:
        s = settlement.settle(store=info.context.store, policy_id=policy_id, year=year)
        return SettlementResult(written=[RewardLine.of(x) for x in s.written],
                                superseded_ids=[strawberry.ID(i) for i in s.superseded], notes=s.notes)

    @strawberry.mutation
    def approve_reward_lines(self, info: Info, ids: list[strawberry.ID],
                             by: strawberry.ID | None = None) -> list[RewardLine]:
        return [RewardLine.of(x) for x in L.approve_lines(store=info.context.store, ids=ids, by=by)]

    @strawberry.mutation
    def pay_reward_lines(self, info: Info, ids: list[strawberry.ID], payment_ref: str,
                         by: strawberry.ID | None = None) -> list[RewardLine]:
        return [RewardLine.of(x) for x in L.pay_lines(store=info.context.store, ids=ids, payment_ref=payment_ref, by=by)]
