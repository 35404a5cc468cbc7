"""Settling a policy for a year (年度结账): gather the facts, calculate what every
introducer is entitled to, and write only the difference with what is there.

- nothing changed: nothing is written (settling is idempotent);
- a line still COMPUTED (not yet approved) whose amount is now wrong is marked
  SUPERSEDED and replaced;
- what was APPROVED or PAID stays; an ADJUSTMENT line (positive or negative)
  brings the total to the new entitlement.
All of it is one atomic write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from crm.clock import utc_now
from crm.errors import InvalidInput
from crm.ids import IdKind, new_id
from crm.models.funds import TrancheStatus
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole
from crm.ports import GraphStore
from crm.rewards import facts
from crm.rewards.calculation import Entitlement, LineKind, calculate
from crm.rewards.lines import LineEntry, LineStatus, RewardLine
from crm.rewards.policies import get_policy
from crm.models.projects import ProjectStage
from crm.rewards.policy import FundsOrigin, Policy
from graph.catalogue import funds as fq
from graph.catalogue import rewards as q


def _public(kind: str | None, roles: list[str] | None) -> bool:
    return kind == OrgKind.GOVERNMENT_UNIT.value or PersonRole.CADRE.value in (roles or [])


def gather(store: GraphStore, policy: Policy) -> list[facts.Project]:
    rows = store.read(q.SETTLEMENT_PROJECTS)
    projects = [r["project"] for r in rows]
    units = {r["project"]["id"]: tuple(r["responsible_units"]) for r in rows}
    ids = [p["id"] for p in projects]
    referrals: dict[str, dict[str, Any]] = {}
    by_project: dict[str, list[str]] = {i: [] for i in ids}
    introducers: dict[str, facts.Introducer] = {}
    for row in store.read(q.SETTLEMENT_REFERRALS, {"project_ids": ids}):
        r = row["referral"]
        entry = referrals.setdefault(r["id"], {"node": r, "introducers": []})
        if r["id"] not in by_project[row["project_id"]]:
            by_project[row["project_id"]].append(r["id"])
        who = facts.Introducer(row["introducer_id"], row["name"], _public(row["kind"], row["roles"]))
        introducers[who.id] = who
        share = Decimal(row["share"]) if row.get("share") is not None else None
        entry["introducers"].append((who, share))
    statuses = ["CONFIRMED"] if policy.rules.require_confirmed else ["REGISTERED", "CONFIRMED"]
    upstream: dict[str, facts.Introducer] = {}
    for row in store.read(q.SETTLEMENT_UPSTREAM, {"introducer_ids": sorted(introducers), "statuses": statuses}):
        upstream.setdefault(row["introducer_id"], facts.Introducer(row["id"], row["name"],
                                                                   _public(row["kind"], row["roles"])))
    tranches: dict[str, list[facts.Tranche]] = {i: [] for i in ids}
    for row in store.read(fq.FOR_PROJECTS, {"project_ids": ids}):
        t = row["node"]
        tranches[row["project_id"]].append(facts.Tranche(
            t["id"], t["cny_fen"], date.fromisoformat(t["arrived_on"]), FundsOrigin(t["origin"]),
            verified=t["status"] == TrancheStatus.VERIFIED.value, reversed=t["status"] == TrancheStatus.REVERSED.value))
    out = []
    for p in projects:
        refs = tuple(
            facts.Referral(rid, date.fromisoformat(referrals[rid]["node"]["registered_on"]),
                           referrals[rid]["node"]["status"], tuple(referrals[rid]["introducers"]),
                           Decimal(referrals[rid]["node"]["agreed_share"])
                           if referrals[rid]["node"].get("agreed_share") is not None else None)
            for rid in by_project[p["id"]])
        who = {i.id for r in refs for i, _ in r.introducers}
        out.append(facts.Project(p["id"], p["name"], ProjectStage(p["stage"]),
                                 date.fromisoformat(p["signed_on"]) if p.get("signed_on") else None, refs,
                                 tuple(tranches[p["id"]]), {k: v for k, v in upstream.items() if k in who},
                                 units[p["id"]]))
    return out


@dataclass(frozen=True)
class Settlement:
    policy: Policy
    year: int
    written: list[RewardLine]
    superseded: list[str]
    notes: list[dict[str, str]]


def settle(*, store: GraphStore, policy_id: str, year: int, by: str | None = None) -> Settlement:
    if not 2000 <= year <= date.today().year:
        raise InvalidInput.one("year", f"must be a past or current year, not {year}")
    policy = get_policy(store=store, id=policy_id)
    outcome = calculate(policy, year, gather(store, policy))
    existing: dict[str, list[RewardLine]] = {}
    for row in store.read(q.LINES_FOR, {"policy_id": policy.id, "year": year,
                                        "superseded": LineStatus.SUPERSEDED.value}):
        line = RewardLine.of(row["node"])
        existing.setdefault(line.key, []).append(line)
    now = utc_now()
    new_lines: list[dict[str, Any]] = []
    superseded: list[str] = []
    wanted = {e.key: e for e in outcome.entitlements}
    for key in sorted(set(wanted) | set(existing)):
        e = wanted.get(key)
        lines = existing.get(key, [])
        fixed = [x for x in lines if x.status in (LineStatus.APPROVED, LineStatus.PAID)]
        computed = [x for x in lines if x.status is LineStatus.COMPUTED]
        if e is not None and e.kind is LineKind.RECOGNITION:
            if not lines:
                new_lines.append(_line(policy, year, e, 0, LineEntry.ORIGINAL, now, by))
            continue
        need = (e.amount_fen if e else 0) - sum(x.amount_fen for x in fixed)
        if len(computed) == 1 and computed[0].amount_fen == need and need != 0:
            continue
        if not computed and need == 0:
            continue
        superseded += [x.id for x in computed]
        if need != 0:
            entry = LineEntry.ADJUSTMENT if fixed else LineEntry.ORIGINAL
            new_lines.append(_line(policy, year, e, need, entry, now, by, key=key, previous=lines))
    if new_lines or superseded:
        store.write(q.WRITE_SETTLEMENT, {"superseded": superseded, "lines": new_lines, "now": now,
                                         "computed": LineStatus.COMPUTED.value,
                                         "superseded_status": LineStatus.SUPERSEDED.value})
    return Settlement(policy, year, [RewardLine.of(n) for n in new_lines], superseded, outcome.notes)


def _line(policy: Policy, year: int, e: Entitlement | None, amount_fen: int, entry: LineEntry, now: str,
          by: str | None, *, key: str | None = None, previous: list[RewardLine] | None = None) -> dict[str, Any]:
    if e is None:  # nothing is owed any more: a negative adjustment against what was approved or paid
        last = (previous or [])[-1]
        project_id, introducer_id, role, kind, basis = last.project_id, last.introducer_id, last.role, last.kind, 0
        explanation = {"policy": last.explanation.get("policy"), "project": last.explanation.get("project"),
                       "reason": "no longer entitled (a tranche reversed, a referral rejected or a condition no "
                                 "longer met): this adjustment reverses what was approved or paid"}
    else:
        project_id, introducer_id, role, kind = e.project_id, e.introducer_id, e.role.value, e.kind.value
        basis, explanation = e.basis_fen, dict(e.explanation)
        explanation["entitledThisYear"] = f"{Decimal(e.amount_fen) / 100:.2f}"
    if entry is LineEntry.ADJUSTMENT:
        explanation["adjustment"] = ("against lines already approved or paid: "
                                     + ", ".join(f"{x.id} {x.status.value} {Decimal(x.amount_fen) / 100:.2f}"
                                                 for x in previous or [] if x.status is not LineStatus.COMPUTED))
    return {"id": new_id(IdKind.REWARD_LINE), "key": key or e.key,  # type: ignore[union-attr]
            "policy_id": policy.id, "policy_code": policy.code, "policy_version": policy.version, "year": year,
            "project_id": project_id, "introducer_id": introducer_id, "role": role, "kind": kind,
            "entry": entry.value, "amount_fen": amount_fen, "basis_fen": basis,
            "status": LineStatus.COMPUTED.value, "explanation": json.dumps(explanation, ensure_ascii=False),
            "computed_at": now, "computed_by": by}
