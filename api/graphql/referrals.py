"""Referrals, chains, conflicts and warm introduction paths."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.types import Entity, Money, Project, _entity
from crm import introductions, projects, referrals
from crm.models import money as m
from crm.models import referrals as rm

ReferralStatus = strawberry.enum(rm.ReferralStatus)


@strawberry.type
class ReferralIntroducer:
    id: strawberry.ID
    name: str
    share: Decimal | None = strawberry.field(description="Share inside this referral; equal when none")

    @strawberry.field
    def introducer(self, info: Info) -> Entity:
        return _entity(info, self.id)


@strawberry.type(description="引荐登记 (首报/备案): who introduced whom, when, on what evidence")
class Referral:
    id: strawberry.ID
    status: ReferralStatus
    registered_at: datetime
    registered_on: date
    registered_by_id: strawberry.ID
    introducers: list[ReferralIntroducer]
    investor_id: strawberry.ID | None
    project_id: strawberry.ID | None
    evidence_letter_no: str | None = strawberry.field(description="投资方确认函编号")
    evidence_note: str | None
    agreed_share: Decimal | None = strawberry.field(description="This referral's part where a conflict was settled")
    decided_at: datetime | None
    decided_by_id: strawberry.ID | None
    decision_note: str | None

    @strawberry.field
    def investor(self, info: Info) -> Entity | None:
        return None if self.investor_id is None else _entity(info, self.investor_id)

    @strawberry.field
    def project(self, info: Info) -> Project | None:
        return None if self.project_id is None else Project.of(
            projects.get_project(store=info.context.store, id=self.project_id))

    @strawberry.field
    def registered_by(self, info: Info) -> Entity:
        return _entity(info, self.registered_by_id)

    @staticmethod
    def of(r: rm.Referral) -> "Referral":
        return Referral(
            id=strawberry.ID(r.id), status=r.status, registered_at=r.registered_at, registered_on=r.registered_on,
            registered_by_id=strawberry.ID(r.registered_by),
            introducers=[ReferralIntroducer(id=strawberry.ID(i.id), name=i.name, share=i.share) for i in r.introducers],
            investor_id=r.investor_id, project_id=r.project_id, evidence_letter_no=r.evidence_letter_no,
            evidence_note=r.evidence_note, agreed_share=r.agreed_share, decided_at=r.decided_at,
            decided_by_id=r.decided_by, decision_note=r.decision_note)


@strawberry.type
class Registration:
    referral: Referral
    contested: bool = strawberry.field(description="撞单: an earlier live registration names the same target")
    primary_referral_ids: list[strawberry.ID]


@strawberry.type(description="One step of a chain: the introducer brought the introduced through the referral")
class ChainHop:
    depth: int
    introducer_id: strawberry.ID
    introducer_name: str
    introduced_id: strawberry.ID
    introduced_name: str
    referral: Referral


def _hops(hops: list[referrals.Hop]) -> list[ChainHop]:
    return [ChainHop(depth=h.depth, introducer_id=strawberry.ID(h.introducer_id), introducer_name=h.introducer_name,
                     introduced_id=strawberry.ID(h.introduced_id), introduced_name=h.introduced_name,
                     referral=Referral.of(h.referral)) for h in hops]


@strawberry.type
class Chain:
    hops: list[ChainHop]
    origin_ids: list[strawberry.ID] = strawberry.field(description="Where the chain starts: nobody introduced them")


@strawberry.type
class TreeProject:
    id: strawberry.ID
    name: str
    contracted: Money
    arrived: Money = strawberry.field(description="Verified, not reversed arrived funds (CNY)")


@strawberry.type
class DownstreamTree:
    hops: list[ChainHop]
    investors: int
    projects: list[TreeProject]
    contracted: Money
    arrived: Money


@strawberry.type
class ProjectIntroducer:
    referral: Referral
    introducer_id: strawberry.ID
    name: str
    share: Decimal = strawberry.field(description="Part of the project's reward: referral part × share inside it")
    contested: bool


@strawberry.type
class ReferralConflict:
    target_id: strawberry.ID
    target_name: str
    referrals: list[Referral]


@strawberry.type
class PathStep:
    from_id: strawberry.ID
    from_name: str
    tie: str
    to_id: strawberry.ID
    to_name: str
    strength: Decimal
    why: str


@strawberry.type(description="A warm introduction path (找关系) with its score and why")
class WarmPath:
    hops: int
    weakest: Decimal
    total: Decimal
    explanation: str
    steps: list[PathStep]


@strawberry.input
class IntroducerShareInput:
    id: strawberry.ID
    share: str | None = strawberry.field(default=None, description="Decimal string; all or none of the introducers")


@strawberry.input
class ReferralInput:
    introducers: list[IntroducerShareInput]
    registered_by: strawberry.ID | None = strawberry.field(default=None, description="The cadre registering it; you, when left out")
    investor_id: strawberry.ID | None = None
    project_id: strawberry.ID | None = None
    registered_at: datetime | None = strawberry.field(default=None, description="When first reported; now if left out")
    evidence_letter_no: str | None = None
    evidence_note: str | None = None


@strawberry.input
class DecisionInput:
    decided_by: strawberry.ID | None = None
    note: str | None = None


@strawberry.input
class AgreedShareInput:
    referral_id: strawberry.ID
    share: str


@strawberry.input
class SharesAgreementInput:
    target_id: strawberry.ID
    shares: list[AgreedShareInput]
    decided_by: strawberry.ID | None = None


@strawberry.type
class ReferralQuery:
    @strawberry.field
    def referral(self, info: Info, id: strawberry.ID) -> Referral:
        return Referral.of(referrals.get_referral(store=info.context.store, id=id))

    @strawberry.field(description="Every referral naming this investor or project, earliest first")
    def referrals_for(self, info: Info, target_id: strawberry.ID) -> list[Referral]:
        return [Referral.of(r) for r in referrals.referrals_for(store=info.context.store, target_id=target_id)]

    @strawberry.field(description="Open conflicts (撞单): targets with two or more live referrals, shares not agreed")
    def referral_conflicts(self, info: Info) -> list[ReferralConflict]:
        return [ReferralConflict(target_id=strawberry.ID(c.target_id), target_name=c.target_name,
                                 referrals=[Referral.of(r) for r in c.referrals])
                for c in referrals.open_conflicts(store=info.context.store)]

    @strawberry.field(description="The chain above an investor or project, back to its origins")
    def upstream_chain(self, info: Info, id: strawberry.ID) -> Chain:
        chain = referrals.upstream_chain(store=info.context.store, id=id)
        return Chain(hops=_hops(chain.hops), origin_ids=[strawberry.ID(i) for i in chain.origins])

    @strawberry.field(description="What an introducer led to, to a depth, with totals")
    def downstream_tree(self, info: Info, id: strawberry.ID, depth: int = 3) -> DownstreamTree:
        t = referrals.downstream_tree(store=info.context.store, id=id, depth=depth)
        return DownstreamTree(
            hops=_hops(t.hops), investors=t.investors,
            projects=[TreeProject(id=strawberry.ID(p["id"]), name=p["name"], contracted=Money.of(m.Money(fen=p["contracted_fen"])),
                                  arrived=Money.of(m.Money(fen=p["arrived_fen"]))) for p in t.projects],
            contracted=Money.of(m.Money(fen=t.contracted_fen)), arrived=Money.of(m.Money(fen=t.arrived_fen)))

    @strawberry.field
    def project_introducers(self, info: Info, project_id: strawberry.ID) -> list[ProjectIntroducer]:
        return [ProjectIntroducer(referral=Referral.of(x.referral), introducer_id=strawberry.ID(x.introducer.id),
                                  name=x.introducer.name, share=x.share, contested=x.contested)
                for x in referrals.project_introducers(store=info.context.store, project_id=project_id)]

    @strawberry.field(description="Warm introduction paths from one of our cadres or units to a person or enterprise")
    def warm_paths(self, info: Info, from_id: strawberry.ID, to_id: strawberry.ID, max_hops: int = 4,
                   first: int = 10) -> list[WarmPath]:
        return [WarmPath(hops=p.hops, weakest=p.weakest, total=p.total, explanation=p.explanation,
                         steps=[PathStep(from_id=strawberry.ID(s.from_id), from_name=s.from_name, tie=s.tie,
                                         to_id=strawberry.ID(s.to_id), to_name=s.to_name, strength=s.strength, why=s.why)
                                for s in p.steps])
                for p in introductions.warm_paths(store=info.context.store, from_id=from_id, to_id=to_id,
                                                  max_hops=max_hops, first=first)]


@strawberry.type
class ReferralMutation:
    @strawberry.mutation(description="首报/备案: register who introduced an investor and/or a project")
    def register_referral(self, info: Info, input: ReferralInput) -> Registration:
        r = referrals.register_referral(store=info.context.store, data=to_dict(input))
        return Registration(referral=Referral.of(r.referral), contested=r.contested,
                            primary_referral_ids=[strawberry.ID(i) for i in r.primary_referral_ids])

    @strawberry.mutation
    def confirm_referral(self, info: Info, id: strawberry.ID, input: DecisionInput) -> Referral:
        return Referral.of(referrals.confirm_referral(store=info.context.store, id=id, data=to_dict(input)))

    @strawberry.mutation
    def reject_referral(self, info: Info, id: strawberry.ID, input: DecisionInput) -> Referral:
        return Referral.of(referrals.reject_referral(store=info.context.store, id=id, data=to_dict(input)))

    @strawberry.mutation(description="Settle a conflict (撞单): agreed shares for every live referral, summing to 1")
    def agree_shares(self, info: Info, input: SharesAgreementInput) -> list[Referral]:
        return [Referral.of(r) for r in referrals.agree_shares(store=info.context.store, data=to_dict(input))]
