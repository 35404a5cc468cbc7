"""Use cases for referrals: register (首报/备案), decide, settle conflicts (撞单),
and trace the 以商招商 chains up and down."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from crm.clock import CHINA, parse_instant, utc_now
from crm.errors import Conflict, InvalidInput, InvalidTransition, NotFound, ReferralCycle
from crm.ids import IdKind, kind_of, new_id
from crm.lookup import brief, require_cadre
from crm.models.referrals import (NamedShare, Referral, ReferralDecision, ReferralRegister, ReferralStatus,
                                  SharesAgreement)
from crm.ports import GraphStore
from crm.referral_rules import select_referrals
from crm.validation import parse
from graph.catalogue import referrals as q

PARTY = (IdKind.PERSON, IdKind.ORGANIZATION)
REJECTED = ReferralStatus.REJECTED.value




def _record(row: dict[str, Any]) -> Referral:
    n = row["node"]
    return Referral(
        id=n["id"], status=n["status"], registered_at=parse_instant(n["registered_at"]),
        registered_on=n["registered_on"], registered_by=n["registered_by"],
        introducers=sorted((NamedShare(**i) for i in row["introducers"] if i.get("id")), key=lambda i: i.id),
        investor_id=row.get("investor_id"), investor_name=row.get("investor_name"),
        project_id=row.get("project_id"), project_name=row.get("project_name"),
        evidence_letter_no=n.get("evidence_letter_no"), evidence_note=n.get("evidence_note"),
        agreed_share=n.get("agreed_share"), decided_at=parse_instant(n["decided_at"]) if n.get("decided_at") else None,
        decided_by=n.get("decided_by"), decision_note=n.get("decision_note"),
    )


@dataclass(frozen=True)
class Registration:
    referral: Referral
    contested: bool  # an earlier live registration exists for the same investor or project
    primary_referral_ids: list[str]


def register_referral(*, store: GraphStore, data: ReferralRegister | dict[str, Any]) -> Registration:
    data = parse(ReferralRegister, data)
    require_cadre(store, data.registered_by, field="registeredBy")
    introducers = [brief(store, i.id, field=f"introducers[{n}].id", expected=PARTY)
                   for n, i in enumerate(data.introducers)]
    if data.investor_id is not None:
        investor = brief(store, data.investor_id, field="investorId", expected=PARTY)
        for i in introducers:
            if i.id == investor.id:
                raise ReferralCycle([i.name, i.name], field="investorId")
            loop = store.read(q.CYCLE, {"target": investor.id, "introducer": i.id, "rejected": REJECTED})
            if loop:
                raise ReferralCycle([i.name, *loop[0]["names"]], field="investorId")
    if data.project_id is not None:
        brief(store, data.project_id, field="projectId", expected=(IdKind.PROJECT,))
    at = data.registered_at or datetime.now(UTC)
    if at.tzinfo is None:
        at = at.replace(tzinfo=CHINA)  # a time without a zone is Beijing time
    if at > datetime.now(UTC):
        raise InvalidInput.one("registeredAt", f"{at.isoformat()} is in the future")
    id_ = new_id(IdKind.REFERRAL)
    rows = store.write(q.REGISTER, {
        "id": id_, "registered_at": at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "registered_on": at.astimezone(CHINA).date().isoformat(), "registered_by": data.registered_by,
        "status": ReferralStatus.REGISTERED.value, "now": utc_now(),
        "evidence_letter_no": data.evidence_letter_no, "evidence_note": data.evidence_note,
        "introducers": [{"id": i.id, "share": str(i.share) if i.share is not None else None}
                        for i in data.introducers],
        "investor_id": data.investor_id, "project_id": data.project_id,
    })
    if not rows:
        raise Conflict("an introducer disappeared while the referral was being registered; nothing was written")
    referral = get_referral(store=store, id=id_)
    primaries: list[str] = []
    contested = False
    for target in (data.investor_id, data.project_id):
        if target is None:
            continue
        counted, later = select_referrals(referrals_for(store=store, target_id=target),
                                          registered=lambda r: r.registered_at)
        primaries += [r.id for r, _ in counted if r.id != id_]
        contested = contested or any(r.id == id_ for r in later)
    return Registration(referral, contested, sorted(set(primaries)))


def get_referral(*, store: GraphStore, id: str) -> Referral:
    rows = store.read(q.GET_MANY, {"ids": [id]})
    if not rows:
        raise NotFound("referral", id, field="id")
    return _record(rows[0])


def referrals_for(*, store: GraphStore, target_id: str) -> list[Referral]:
    """Every referral naming this investor or project, earliest first."""
    if kind_of(target_id) not in (IdKind.PERSON, IdKind.ORGANIZATION, IdKind.PROJECT):
        raise InvalidInput.one("targetId", "is not the id of an investor or a project")
    return [_record(r) for r in store.read(q.FOR_TARGET, {"target": target_id})]


def _decide(store: GraphStore, id: str, data: ReferralDecision | dict[str, Any], status: ReferralStatus) -> Referral:
    data = parse(ReferralDecision, data)
    require_cadre(store, data.decided_by, field="decidedBy")
    current = get_referral(store=store, id=id)
    if current.status is not ReferralStatus.REGISTERED:
        raise InvalidTransition(f"referral {id} is already {current.status.value.lower()}", field="id")
    rows = store.write(q.DECIDE, {"id": id, "from_status": ReferralStatus.REGISTERED.value, "status": status.value,
                                  "now": utc_now(), "decided_by": data.decided_by, "note": data.note})
    if not rows:
        raise Conflict(f"referral {id} was decided by someone else meanwhile")
    return get_referral(store=store, id=id)


def confirm_referral(*, store: GraphStore, id: str, data: ReferralDecision | dict[str, Any]) -> Referral:
    """经相关部门确认: the introduction is confirmed (rewards may require it)."""
    return _decide(store, id, data, ReferralStatus.CONFIRMED)


def reject_referral(*, store: GraphStore, id: str, data: ReferralDecision | dict[str, Any]) -> Referral:
    return _decide(store, id, data, ReferralStatus.REJECTED)


def agree_shares(*, store: GraphStore, data: SharesAgreement | dict[str, Any]) -> list[Referral]:
    data = parse(SharesAgreement, data)
    require_cadre(store, data.decided_by, field="decidedBy")
    live = {r.id for r in referrals_for(store=store, target_id=data.target_id) if r.status is not ReferralStatus.REJECTED}
    if not live:
        raise NotFound("live referral for", data.target_id, field="targetId")
    given = [s.referral_id for s in data.shares]
    if len(set(given)) != len(given):
        raise InvalidInput.one("shares", "a referral is listed twice")
    if set(given) != live:
        missing, extra = sorted(live - set(given)), sorted(set(given) - live)
        raise InvalidInput.one("shares", "list every live referral for this target exactly once"
                               + (f"; missing {', '.join(missing)}" if missing else "")
                               + (f"; not live referrals of it: {', '.join(extra)}" if extra else ""))
    store.write(q.AGREE_SHARES, {"shares": [{"referral_id": s.referral_id, "share": str(s.share)} for s in data.shares],
                                 "decided_by": data.decided_by, "now": utc_now()})
    return referrals_for(store=store, target_id=data.target_id)


@dataclass(frozen=True)
class ReferralConflict:
    target_id: str
    target_name: str
    referrals: list[Referral]


def open_conflicts(*, store: GraphStore) -> list[ReferralConflict]:
    """Investors and projects named by two or more live referrals without agreed shares."""
    out = []
    for row in store.read(q.CONTESTED_TARGETS, {"rejected": REJECTED}):
        live = [r for r in referrals_for(store=store, target_id=row["target_id"])
                if r.status is not ReferralStatus.REJECTED]
        out.append(ReferralConflict(row["target_id"], row["target_name"], live))
    return out


@dataclass(frozen=True)
class IntroducerOfProject:
    referral: Referral
    introducer: NamedShare
    share: Decimal  # of the project: referral part × share inside the referral
    contested: bool


def project_introducers(*, store: GraphStore, project_id: str) -> list[IntroducerOfProject]:
    refs = referrals_for(store=store, target_id=project_id)
    counted, contested = select_referrals(refs, registered=lambda r: r.registered_at)
    out = []
    for referral, part in counted:
        given = all(i.share is not None for i in referral.introducers)
        for i in referral.introducers:
            inner = i.share if given else Decimal(1) / len(referral.introducers)
            out.append(IntroducerOfProject(referral, i, part * inner, False))  # type: ignore[operator]
    for referral in contested:
        out += [IntroducerOfProject(referral, i, Decimal(0), True) for i in referral.introducers]
    return out


@dataclass(frozen=True)
class Hop:
    """One step of a chain: `introducer` brought `introduced` through `referral`."""

    depth: int
    introducer_id: str
    introducer_name: str
    introduced_id: str
    introduced_name: str
    referral: Referral


@dataclass(frozen=True)
class Chain:
    hops: list[Hop]
    origins: list[str] = field(default_factory=list)  # ids at the top: nobody (live) introduced them


def _hops(store: GraphStore, rows: list[dict[str, Any]], *, upward: bool) -> list[Hop]:
    seen: dict[tuple[str, str, str], int] = {}
    names: dict[str, str] = {}
    for row in rows:
        nodes, rels = row["node_ids"], row["referral_ids"]
        names.update(zip(nodes, row["names"]))
        n = len(rels)
        for k, rid in enumerate(rels):
            depth = n - k if upward else k + 1
            key = (nodes[k], nodes[k + 1], rid)
            seen[key] = min(seen.get(key, depth), depth)
    referrals = {r.id: r for r in (_record(x) for x in store.read(q.GET_MANY, {"ids": sorted({k[2] for k in seen})}))}
    return sorted((Hop(d, a, names[a], b, names[b], referrals[rid]) for (a, b, rid), d in seen.items()),
                  key=lambda h: (h.depth, h.referral.registered_at, h.referral.id))


def upstream_chain(*, store: GraphStore, id: str) -> Chain:
    """Back from an investor or project to its origin(s), each hop with its referral."""
    kind = kind_of(id)
    if kind not in (IdKind.PERSON, IdKind.ORGANIZATION, IdKind.PROJECT):
        raise InvalidInput.one("id", "is not the id of an investor or a project")
    label = "Project" if kind is IdKind.PROJECT else "Party"
    hops = _hops(store, store.read(q.UPSTREAM[label], {"id": id, "rejected": REJECTED}), upward=True)
    introduced = {h.introduced_id for h in hops}
    origins = sorted({h.introducer_id for h in hops} - introduced)
    return Chain(hops, origins)


@dataclass(frozen=True)
class Tree:
    hops: list[Hop]
    investors: int
    projects: list[dict[str, Any]]
    contracted_fen: int
    arrived_fen: int


def downstream_tree(*, store: GraphStore, id: str, depth: int = 3) -> Tree:
    """What an introducer led to, to `depth` hops: who and which projects, and the
    contracted and verified arrived funds of those projects."""
    if not 1 <= depth <= 10:
        raise InvalidInput.one("depth", "must be between 1 and 10")
    brief(store, id, field="id", expected=PARTY)
    hops = _hops(store, store.read(q.DOWNSTREAM, {"id": id, "depth": depth, "rejected": REJECTED}), upward=False)
    parties = sorted({h.introduced_id for h in hops if kind_of(h.introduced_id) is not IdKind.PROJECT})
    named_projects = sorted({h.introduced_id for h in hops if kind_of(h.introduced_id) is IdKind.PROJECT})
    totals = store.read(q.PROJECT_TOTALS, {"project_ids": named_projects, "party_ids": parties, "verified": "VERIFIED"})
    projects = [{"id": t["id"], "name": t["name"], "contracted_fen": t["contracted_fen"] or 0,
                 "arrived_fen": t["arrived_fen"] or 0} for t in totals]
    return Tree(hops, len(parties), projects, sum(p["contracted_fen"] for p in projects),
                sum(p["arrived_fen"] for p in projects))
