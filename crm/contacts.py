"""Use cases for the visit and contact log: log a contact, events, timelines,
follow-ups due and overdue, and the activity counts leaders quote
("赴市外开展活动323次, 共拜访企业1768家")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crm.clock import today, utc_now
from crm.errors import InvalidInput, InvalidTransition, NotFound, WrongKind
from crm.figures.compute import subtree
from crm.figures.definitions import Unit
from crm.ids import IdKind, kind_of, new_id
from crm.lookup import brief, require_optional
from crm.models.contacts import Contact, ContactInput, ContactKind, Event, EventInput
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole
from crm.people import get_people
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import contacts as q
from graph.catalogue import pipeline as pq


def _record(row: dict[str, Any]) -> Contact:
    c = row["contact"]
    return Contact(id=c["id"], kind=c["kind"], on=c["on"], participant_ids=row["participant_ids"],
                   participant_names=row["participant_names"], counterpart_ids=row["counterpart_ids"],
                   counterpart_names=row["counterpart_names"], unit_ids=c.get("unit_ids") or [],
                   place_id=c.get("place_id"), project_id=c.get("project_id"), event_id=c.get("event_id"),
                   summary=c.get("summary") or "", outcome=c["outcome"], next_step=c.get("next_step"),
                   follow_up_on=c.get("follow_up_on"), follow_up_done_at=c.get("follow_up_done_at"))


def log_contact(*, store: GraphStore, data: ContactInput | dict[str, Any]) -> Contact:
    data = parse(ContactInput, data)
    if data.on > today():
        raise InvalidInput.one("on", f"{data.on} is in the future")
    for n, pid in enumerate(data.participant_ids):
        b = brief(store, pid, field=f"participantIds[{n}]", expected=(IdKind.PERSON,))
        if PersonRole.CADRE.value not in b.roles:
            raise WrongKind(f"participantIds[{n}]: {b.name} is not one of our cadres", field=f"participantIds[{n}]")
    for n, cid in enumerate(data.counterpart_ids):
        brief(store, cid, field=f"counterpartIds[{n}]", expected=(IdKind.PERSON, IdKind.ORGANIZATION))
    require_optional(store, data.place_id, field="placeId", expected=IdKind.PLACE)
    require_optional(store, data.project_id, field="projectId", expected=IdKind.PROJECT)
    require_optional(store, data.event_id, field="eventId", expected=IdKind.EVENT)
    # The units follow from the cadres, as they are today: the contact keeps them.
    units = sorted({p.unit_id for p in get_people(store=store, ids=data.participant_ids).values() if p.unit_id})
    id_ = new_id(IdKind.CONTACT)
    store.write(q.LOG, {
        "id": id_, "kind": data.kind.value, "on": data.on.isoformat(), "summary": data.summary,
        "outcome": data.outcome.value, "unit_ids": units, "now": utc_now(), "next_step": data.next_step,
        "follow_up_on": data.follow_up_on.isoformat() if data.follow_up_on else None,
        "place_id": data.place_id, "project_id": data.project_id, "event_id": data.event_id,
        "participant_ids": data.participant_ids, "counterpart_ids": data.counterpart_ids,
        "place_ids": [data.place_id] if data.place_id else [], "project_ids": [data.project_id] if data.project_id else [],
        "event_ids": [data.event_id] if data.event_id else []})
    return get_contact(store=store, id=id_)


def get_contact(*, store: GraphStore, id: str) -> Contact:
    rows = store.read(q.GET, {"id": id})
    if not rows:
        raise NotFound("contact", id, field="id")
    return _record(rows[0])


def complete_follow_up(*, store: GraphStore, id: str, by: str) -> Contact:
    contact = get_contact(store=store, id=id)
    if contact.follow_up_on is None or contact.follow_up_done_at is not None:
        raise InvalidTransition(f"contact {id} has no open follow-up", field="id")
    store.write(q.COMPLETE_FOLLOW_UP, {"id": id, "now": utc_now(), "by": by})
    return get_contact(store=store, id=id)


@dataclass(frozen=True)
class FollowUp:
    contact: Contact
    overdue: bool
    days: int  # overdue by (positive) or due in (zero or negative)


def follow_ups(*, store: GraphStore, cadre_id: str | None = None, unit_id: str | None = None,
               within_days: int = 7) -> list[FollowUp]:
    """Follow-ups not done, due within `within_days` or overdue; for a cadre, or a
    unit and its sub-units (by the units the contact was logged under)."""
    if not 0 <= within_days <= 365:
        raise InvalidInput.one("withinDays", "must be between 0 and 365")
    on = today()
    members: set[str] | None = None
    if unit_id is not None:
        from crm.figures.facts import load_units

        members = subtree(load_units(store), unit_id)
    out = []
    for row in store.read(q.FOLLOW_UPS, {"until": (on + timedelta(days=within_days)).isoformat()}):
        c = _record(row)
        if cadre_id is not None and cadre_id not in c.participant_ids:
            continue
        if members is not None and not members & set(c.unit_ids):
            continue
        out.append(FollowUp(c, c.follow_up_on < on, (on - c.follow_up_on).days))  # type: ignore[operator]
    return sorted(out, key=lambda f: (f.contact.follow_up_on, f.contact.id))


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    what: str  # CONTACT, STAGE, REFERRAL, FUNDS
    title: str
    detail: str
    record_id: str


def timeline(*, store: GraphStore, id: str) -> list[TimelineEntry]:
    """Everything that happened with a person, organization or project, newest first, across units."""
    kind = kind_of(id)
    if kind not in (IdKind.PERSON, IdKind.ORGANIZATION, IdKind.PROJECT):
        raise InvalidInput.one("id", "is not the id of a person, organization or project")
    brief(store, id, field="id", expected=(kind,))
    entries = [TimelineEntry(c.on, "CONTACT", f"{c.kind.value} {'、'.join(c.participant_names)} → "
                                               f"{'、'.join(c.counterpart_names)}",
                             f"{c.summary} [{c.outcome.value}]" + (f" 下一步: {c.next_step}" if c.next_step else ""),
                             c.id)
               for c in map(_record, store.read(q.ABOUT, {"id": id}))]
    from crm.referrals import referrals_for

    for r in referrals_for(store=store, target_id=id):
        entries.append(TimelineEntry(r.registered_on, "REFERRAL",
                                     f"引荐登记 {'、'.join(i.name for i in r.introducers)} → "
                                     f"{r.project_name or r.investor_name}", r.status.value, r.id))
    if kind is IdKind.PROJECT:
        for row in store.read(pq.HISTORY, {"project_ids": [id]}):
            c = row["change"]
            entries.append(TimelineEntry(date.fromisoformat(c["on"]), "STAGE", c["stage"], c.get("reason") or "",
                                         c["id"]))
        from crm.funds import tranches_of

        for t in tranches_of(store=store, project_id=id):
            entries.append(TimelineEntry(t.arrived_on, "FUNDS", f"到位资金 {t.amount} {t.currency}",
                                         f"{t.status.value} {t.origin.value}", t.id))
    return sorted(entries, key=lambda e: (e.on, e.record_id), reverse=True)


@dataclass
class Activity:
    trips: int = 0  # 走出去: outbound visits
    enterprises_visited: int = 0  # distinct enterprises met on outbound visits
    investors_received: int = 0  # distinct people and enterprises received on inspections
    events: int = 0
    contacts: int = 0


def activity(*, store: GraphStore, units: dict[str, Unit], unit_id: str, start: date, end: date) -> Activity:
    members = subtree(units, unit_id)
    a = Activity()
    visited: set[str] = set()
    received: set[str] = set()
    for row in store.read(q.ACTIVITY, {"from": start.isoformat(), "to": end.isoformat()}):
        if not members & set(row["unit_ids"] or []):
            continue
        a.contacts += 1
        counterparts = [c for c in row["counterparts"] if c]
        if row["kind"] == ContactKind.OUTBOUND_VISIT.value:
            a.trips += 1
            visited |= {c[0] for c in counterparts if c[1] == OrgKind.ENTERPRISE.value}
        elif row["kind"] == ContactKind.INBOUND_INSPECTION.value:
            received |= {c[0] for c in counterparts if c[1] == OrgKind.ENTERPRISE.value or
                         PersonRole.INVESTOR.value in (c[2] or [])}
        elif row["kind"] == ContactKind.EVENT.value:
            a.events += 1
    a.enterprises_visited, a.investors_received = len(visited), len(received)
    return a


def create_event(*, store: GraphStore, data: EventInput | dict[str, Any]) -> Event:
    data = parse(EventInput, data)
    require_optional(store, data.place_id, field="placeId", expected=IdKind.PLACE)
    require_optional(store, data.organizer_unit_id, field="organizerUnitId", expected=IdKind.ORGANIZATION)
    id_ = new_id(IdKind.EVENT)
    store.write(q.CREATE_EVENT, {"id": id_, "name": data.name, "kind": data.kind.value,
                                 "starts_on": data.starts_on.isoformat(),
                                 "ends_on": data.ends_on.isoformat() if data.ends_on else None,
                                 "place_id": data.place_id, "organizer_unit_id": data.organizer_unit_id,
                                 "now": utc_now()})
    return get_event(store=store, id=id_)


def get_event(*, store: GraphStore, id: str) -> Event:
    rows = store.read(q.GET_EVENT, {"id": id})
    if not rows:
        raise NotFound("event", id, field="id")
    e = rows[0]["event"]
    return Event(id=e["id"], name=e["name"], kind=e["kind"], starts_on=e["starts_on"], ends_on=e.get("ends_on"),
                 place_id=e.get("place_id"), organizer_unit_id=e.get("organizer_unit_id"))


def event_contacts(*, store: GraphStore, id: str) -> list[Contact]:
    return [_record(r) for r in store.read(q.DURING, {"id": id})]


def event_signings(*, store: GraphStore, id: str) -> list[dict[str, Any]]:
    return store.read(q.SIGNED_AT_EVENT, {"id": id})
