"""The reward calculation: pure, deterministic, and explained line by line.

For one policy version and one calendar year it returns what every introducer
is entitled to, per project: the year's part of the project's cumulative
reward (R(cumulative basis at year end) − R(cumulative basis before the year)),
split among the introducers, with the upstream share, rounded once (see
allocation), then cut by the per-introducer and budget limits of the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from crm.models.projects import PROGRESSION
from crm.money import fen_to_yuan
from crm.rewards.allocation import allocate, to_fen_exact
from crm.rewards.facts import Introducer, Project, Referral, Tranche
from crm.rewards.policy import Policy, PolicyRules, UpstreamMode

STAGE_ORDER = list(PROGRESSION)


class LineRole(str, Enum):
    DIRECT = "DIRECT"  # the introducer of the project
    UPSTREAM = "UPSTREAM"  # the introducer's own introducer (以商招商 chain)


class LineKind(str, Enum):
    CASH = "CASH"
    RECOGNITION = "RECOGNITION"  # public servants and government units: no cash


@dataclass
class Entitlement:
    project_id: str
    introducer_id: str
    role: LineRole
    kind: LineKind
    amount_fen: int
    basis_fen: int
    order: tuple[Any, ...]
    explanation: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.project_id}|{self.introducer_id}|{self.role.value}"


@dataclass
class Outcome:
    entitlements: list[Entitlement]
    notes: list[dict[str, str]]  # projects or shares that earned nothing, and why


def yuan(fen: int) -> str:
    return f"{fen_to_yuan(fen)}"


def exact(d: Decimal) -> str:
    """An exact amount for reading: at least two decimals, never rounded."""
    d = d.normalize()
    return f"{d.quantize(Decimal('0.01')) if d.as_tuple().exponent > -2 else d:f}"


def _window(policy: Policy, year: int) -> tuple[date, date] | None:
    start = max(date(year, 1, 1), policy.effective_from)
    end = min(date(year, 12, 31), policy.effective_to or date(year, 12, 31))
    return (start, end) if start <= end else None


def reward_for(rules: PolicyRules, basis_yuan: Decimal) -> tuple[Decimal, list[dict[str, str]]]:
    """R(x): the cumulative reward on a cumulative basis, before the project cap."""
    if basis_yuan < rules.minimum_yuan:
        return Decimal(0), []
    if rules.flat_rate is not None:
        amount = basis_yuan * rules.flat_rate
        return amount, [{"rate": str(rules.flat_rate), "on": exact(basis_yuan), "amount": exact(amount)}]
    total, parts = Decimal(0), []
    for tier in rules.tiers or []:
        top = basis_yuan if tier.to_yuan is None else min(basis_yuan, tier.to_yuan)
        if top <= tier.from_yuan:
            break
        part = (top - tier.from_yuan) * tier.rate
        total += part
        parts.append({"from": str(tier.from_yuan), "to": str(tier.to_yuan) if tier.to_yuan is not None else "∞",
                      "rate": str(tier.rate), "on": exact(top - tier.from_yuan), "amount": exact(part)})
    return total, parts


def _selected_referrals(project: Project, notes: list[dict[str, str]]) -> list[tuple[Referral, Decimal]]:
    """Who brought the project: the agreed shares where a conflict was settled,
    else the earliest registration (首报); later ones are contested."""
    live = sorted((r for r in project.referrals if r.status != "REJECTED"), key=lambda r: (r.registered_on, r.id))
    if not live:
        return []
    agreed = [r for r in live if r.agreed_share is not None]
    if agreed:
        return [(r, r.agreed_share) for r in agreed]  # type: ignore[misc]
    for contested in live[1:]:
        notes.append({"project": project.id, "referral": contested.id,
                      "reason": "contested (撞单): registered after the primary one; no reward until shares are agreed"})
    return [(live[0], Decimal(1))]


def _referral_conditions(rules: PolicyRules, project: Project, referral: Referral) -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = []
    if rules.require_confirmed:
        checks.append({"condition": "referral confirmed", "met": referral.status == "CONFIRMED",
                       "detail": f"status {referral.status}"})
    if rules.registered_before_signing:
        if project.signed_on is None:
            checks.append({"condition": "registered before signing", "met": True, "detail": "not signed yet"})
        else:
            limit = project.signed_on + timedelta(days=rules.days_after_signing_allowed)
            checks.append({"condition": f"registered by signing + {rules.days_after_signing_allowed} days",
                           "met": referral.registered_on <= limit,
                           "detail": f"registered {referral.registered_on}, signed {project.signed_on}"})
    return checks


def _stage_condition(rules: PolicyRules, project: Project) -> dict[str, Any] | None:
    if rules.required_stage is None:
        return None
    met = project.stage in STAGE_ORDER and (
        STAGE_ORDER.index(project.stage) >= STAGE_ORDER.index(rules.required_stage))
    return {"condition": f"project reached {rules.required_stage.value}", "met": met,
            "detail": f"stage {project.stage.value}"}


def _basis(rules: PolicyRules, policy: Policy, tranches: tuple[Tranche, ...], before: date,
           through: date) -> tuple[int, int, list[dict[str, str]]]:
    counted = [t for t in tranches if t.verified and not t.reversed and t.arrived_on >= policy.effective_from
               and (policy.effective_to is None or t.arrived_on <= policy.effective_to)
               and (rules.origins is None or t.origin in rules.origins) and t.arrived_on <= through]
    counted.sort(key=lambda t: (t.arrived_on, t.id))
    start = sum(t.cny_fen for t in counted if t.arrived_on < before)
    end = sum(t.cny_fen for t in counted)
    used = [{"tranche": t.id, "arrivedOn": t.arrived_on.isoformat(), "yuan": yuan(t.cny_fen),
             "origin": t.origin.value, "inThisYear": str(t.arrived_on >= before).lower()} for t in counted]
    return start, end, used


def calculate(policy: Policy, year: int, projects: list[Project]) -> Outcome:
    rules = policy.rules
    notes: list[dict[str, str]] = []
    window = _window(policy, year)
    if window is None:
        return Outcome([], [{"project": "*", "reason": f"policy not in effect in {year}"}])
    start, end = window
    drafts: list[Entitlement] = []
    for project in sorted(projects, key=lambda p: p.id):
        drafts += _project_entitlements(policy, rules, project, start, end, notes)
    _apply_year_limits(rules, drafts)
    return Outcome([d for d in drafts if d.amount_fen != 0 or d.kind is LineKind.RECOGNITION], notes)


def _project_entitlements(policy: Policy, rules: PolicyRules, project: Project, start: date, end: date,
                          notes: list[dict[str, str]]) -> list[Entitlement]:
    selected = _selected_referrals(project, notes)
    if not selected:
        return []
    if rules.only_issuer_projects and policy.issuer_unit_id not in project.responsible_units:
        notes.append({"project": project.id, "reason": "not a project of the issuing unit or its sub-units"})
        return []
    stage = _stage_condition(rules, project)
    if stage and not stage["met"]:
        notes.append({"project": project.id, "reason": f"{stage['condition']} not met ({stage['detail']})"})
        return []
    before_fen, end_fen, used = _basis(rules, policy, project.tranches, start, end)
    if end_fen == before_fen:
        return []

    # Who gets what weight of the project's reward.
    weights: list[tuple[Referral, Introducer, Decimal, list[dict[str, Any]]]] = []
    for referral, referral_share in selected:
        checks = _referral_conditions(rules, project, referral)
        given = [s for _, s in referral.introducers if s is not None]
        for introducer, share in referral.introducers:
            inner = share if given else Decimal(1) / len(referral.introducers)
            weights.append((referral, introducer, referral_share * inner, checks))

    f = rules.upstream.fraction if rules.upstream else Decimal(0)
    on_top = rules.upstream is not None and rules.upstream.mode is UpstreamMode.ON_TOP
    # ON_TOP upstream shares are paid on top of the direct lines; the project cap
    # covers both, so the direct part is capped at cap / (1 + f × weight with an upstream).
    uplift = Decimal(1) + (f * sum((w for _, i, w, _ in weights if i.id in project.upstream), Decimal(0))
                           if on_top else Decimal(0))

    def capped(basis_fen: int) -> tuple[Decimal, list[dict[str, str]]]:
        amount, parts = reward_for(rules, fen_to_yuan(basis_fen))
        if rules.cap_per_project_yuan is not None:
            amount = min(amount, rules.cap_per_project_yuan / uplift)
        return amount, parts

    r_before, _ = capped(before_fen)
    r_end, tier_parts = capped(end_fen)
    # Rounded once, on the cumulative amounts: the years' amounts then add up to
    # the rounded reward on the whole basis, however the funds were split.
    project_fen = to_fen_exact(r_end) - to_fen_exact(r_before)
    project_amount = Decimal(project_fen) / 100
    common = {
        "policy": {"id": policy.id, "code": policy.code, "version": policy.version, "name": policy.name},
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "project": {"id": project.id, "name": project.name, "stage": project.stage.value},
        "tranches": used,
        "basis": {"cumulativeBeforeYear": yuan(before_fen), "cumulativeAtYearEnd": yuan(end_fen),
                  "minimum": str(rules.minimum_yuan)},
        "tiers": tier_parts,
        "reward": {"cumulativeBeforeYear": exact(r_before), "cumulativeAtYearEnd": exact(r_end),
                   "thisYear": f"{project_amount:.2f}",
                   "projectCap": str(rules.cap_per_project_yuan) if rules.cap_per_project_yuan is not None else None},
    }
    if stage:
        common["stage"] = stage

    parts: list[tuple[Introducer, LineRole, LineKind, Decimal, dict[str, Any], tuple[Any, ...]]] = []
    for referral, introducer, weight, checks in weights:
        failed = [c for c in checks if not c["met"]]
        share_text = {"referral": referral.id, "registeredOn": referral.registered_on.isoformat(),
                      "weight": str(weight)}
        if failed:
            notes.append({"project": project.id, "introducer": introducer.id,
                          "reason": "; ".join(f"{c['condition']} not met ({c['detail']})" for c in failed)})
            continue
        order = (referral.registered_on, project.id, 0, introducer.id)
        direct = project_amount * weight
        upstream = project.upstream.get(introducer.id)
        up_amount = direct * f if (upstream and rules.upstream) else Decimal(0)
        if upstream and rules.upstream and rules.upstream.mode is UpstreamMode.CARVED_OUT:
            direct -= up_amount
        chain = [{"introducer": introducer.id, "name": introducer.name}]
        if upstream:
            chain.insert(0, {"introducer": upstream.id, "name": upstream.name})
        detail = {**common, "conditions": checks, "split": share_text, "chain": chain}
        kind = LineKind.RECOGNITION if introducer.public else LineKind.CASH
        parts.append((introducer, LineRole.DIRECT, kind, direct,
                      {**detail, "upstreamShare": {"to": upstream.id, "fraction": str(f),
                                                   "mode": rules.upstream.mode.value} if up_amount else None},
                      order))
        if up_amount:
            up_kind = LineKind.RECOGNITION if upstream.public else LineKind.CASH
            parts.append((upstream, LineRole.UPSTREAM, up_kind, up_amount,
                          {**detail, "upstreamOf": introducer.id, "fraction": str(f),
                           "mode": rules.upstream.mode.value}, (referral.registered_on, project.id, 1, upstream.id)))

    cash = [e for e in parts if e[2] is LineKind.CASH]
    fen = dict(zip(range(len(cash)), allocate([e[3] for e in cash])))
    out: list[Entitlement] = []
    cash_index = 0
    for introducer, role, kind, amount, detail, order in parts:
        if kind is LineKind.CASH:
            amount_fen = fen[cash_index]
            cash_index += 1
        else:
            amount_fen = 0
            detail = {**detail, "recognition": f"public servant or government unit: recognition, no cash "
                                               f"(their share would have been {to_fen_exact(amount) / 100:.2f} 元)"}
        detail = {**detail, "rounding": "cumulative rewards half-up to the fen; the year's amount split by largest "
                                        "remainder so the parts add up exactly",
                  "exactAmount": exact(amount)}
        out.append(Entitlement(project.id, introducer.id, role, kind, amount_fen, end_fen - before_fen, order,
                               detail))
    return out


def _apply_year_limits(rules: PolicyRules, drafts: list[Entitlement]) -> None:
    """Per-introducer yearly caps, then the yearly budget, in settlement order:
    earliest referral first, then project, direct before upstream, introducer id."""
    per_introducer: dict[str, int] = {}
    cap = None if rules.cap_per_introducer_year_yuan is None else to_fen_exact(rules.cap_per_introducer_year_yuan)
    budget_left = None if rules.budget_per_year_yuan is None else to_fen_exact(rules.budget_per_year_yuan)
    for d in sorted(drafts, key=lambda d: d.order):
        if d.kind is not LineKind.CASH:
            continue
        limits = []
        if cap is not None:
            room = cap - per_introducer.get(d.introducer_id, 0)
            if d.amount_fen > room:
                limits.append(f"introducer's yearly cap {yuan(cap)} 元 reached: cut from {yuan(d.amount_fen)} "
                              f"to {yuan(max(room, 0))} 元")
                d.amount_fen = max(room, 0)
        if budget_left is not None:
            if d.amount_fen > budget_left:
                limits.append(f"policy's yearly budget ran out: cut from {yuan(d.amount_fen)} to "
                              f"{yuan(budget_left)} 元 (what is cut is forfeited, not carried over)")
                d.amount_fen = budget_left
            budget_left -= d.amount_fen
        per_introducer[d.introducer_id] = per_introducer.get(d.introducer_id, 0) + d.amount_fen
        if limits:
            d.explanation = {**d.explanation, "limits": limits}
