"""The visit and contact log, events, timelines and follow-ups."""

from __future__ import annotations

from datetime import date

import strawberry

from api.graphql.context import Info
from api.graphql.convert import to_dict
from api.graphql.types import _sees
from crm import contacts
from crm.models import contacts as cm

ContactKind = strawberry.enum(cm.ContactKind)
Interest = strawberry.enum(cm.Interest)
EventKind = strawberry.enum(cm.EventKind)


@strawberry.type(description="走访记录: one visit, inspection, event, meeting, call or WeChat")
class Contact:
    id: strawberry.ID
    kind: ContactKind
    on: date
    participant_ids: list[strawberry.ID]
    participant_names: list[str]
    counterpart_ids: list[strawberry.ID]
    counterpart_names: list[str]
    unit_ids: list[strawberry.ID]
    place_id: strawberry.ID | None
    project_id: strawberry.ID | None
    event_id: strawberry.ID | None
    outcome: Interest
    follow_up_on: date | None
    follow_up_done_at: str | None
    _summary: strawberry.Private[str]
    _next_step: strawberry.Private[str | None]

    @strawberry.field(description="Withheld (null) from other units")
    def summary(self, info: Info) -> str | None:
        return self._summary if _sees(info, list(self.unit_ids)) else None

    @strawberry.field(description="Withheld (null) from other units")
    def next_step(self, info: Info) -> str | None:
        return self._next_step if _sees(info, list(self.unit_ids)) else None

    @staticmethod
    def of(c: cm.Contact) -> "Contact":
        shown = {k: getattr(c, k) for k in cm.Contact.model_fields if k not in ("summary", "next_step")}
        return Contact(**shown, _summary=c.summary, _next_step=c.next_step)


@strawberry.type
class Event:
    id: strawberry.ID
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    place_id: strawberry.ID | None
    organizer_unit_id: strawberry.ID | None

    @strawberry.field
    def contacts(self, info: Info) -> list[Contact]:
        return [Contact.of(c) for c in contacts.event_contacts(store=info.context.store, id=self.id)]

    @strawberry.field(description="Projects whose stage changed at this event (contracts signed there)")
    def signed_project_ids(self, info: Info) -> list[strawberry.ID]:
        return [strawberry.ID(r["project_id"]) for r in contacts.event_signings(store=info.context.store, id=self.id)]


@strawberry.type
class FollowUp:
    contact: Contact
    overdue: bool
    days: int = strawberry.field(description="Days overdue (positive) or until due (zero or negative)")


@strawberry.type
class TimelineEntry:
    on: date
    what: str
    title: str
    detail: str
    record_id: strawberry.ID


@strawberry.input
class ContactInput:
    kind: ContactKind
    on: date
    participant_ids: list[strawberry.ID]
    counterpart_ids: list[strawberry.ID] | None = None
    place_id: strawberry.ID | None = None
    project_id: strawberry.ID | None = None
    event_id: strawberry.ID | None = None
    summary: str | None = None
    outcome: Interest | None = None
    next_step: str | None = None
    follow_up_on: date | None = None


@strawberry.input
class EventInput:
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None = None
    place_id: strawberry.ID | None = None
    organizer_unit_id: strawberry.ID | None = None


@strawberry.type
class ContactQuery:
    @strawberry.field
    def contact(self, info: Info, id: strawberry.ID) -> Contact:
        return Contact.of(contacts.get_contact(store=info.context.store, id=id))

    @strawberry.field
    def event(self, info: Info, id: strawberry.ID) -> Event:
        e = contacts.get_event(store=info.context.store, id=id)
        return Event(**{k: getattr(e, k) for k in cm.Event.model_fields})

    @strawberry.field(description="Everything with a person, organization or project, newest first")
    def timeline(self, info: Info, id: strawberry.ID) -> list[TimelineEntry]:
        return [TimelineEntry(on=e.on, what=e.what, title=e.title, detail=e.detail, record_id=strawberry.ID(e.record_id))
                for e in contacts.timeline(store=info.context.store, id=id)]

    @strawberry.field(description="Follow-ups not done: overdue, or due within the days given")
    def follow_ups(self, info: Info, cadre_id: strawberry.ID | None = None, unit_id: strawberry.ID | None = None,
                   within_days: int = 7) -> list[FollowUp]:
        return [FollowUp(contact=Contact.of(f.contact), overdue=f.overdue, days=f.days)
                for f in contacts.follow_ups(store=info.context.store, cadre_id=cadre_id, unit_id=unit_id,
                                             within_days=within_days)]


@strawberry.type
class ContactMutation:
    @strawberry.mutation
    def log_contact(self, info: Info, input: ContactInput) -> Contact:
        return Contact.of(contacts.log_contact(store=info.context.store, data=to_dict(input)))

    @strawberry.mutation
    def complete_follow_up(self, info: Info, contact_id: strawberry.ID, by: strawberry.ID | None = None) -> Contact:
        return Contact.of(contacts.complete_follow_up(store=info.context.store, id=contact_id, by=by))

    @strawberry.mutation
    def create_event(self, info: Info, input: EventInput) -> Event:
        e = contacts.create_event(store=info.context.store, data=to_dict(input))
        return Event(**{k: getattr(e, k) for k in cm.Event.model_fields})
