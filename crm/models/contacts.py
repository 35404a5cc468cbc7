"""The visit and contact log (走访记录) and events (推介会, 洽谈会, delegations' trips)."""

from __future__ import annotations

from datetime import date
from enum import Enum

from pydantic import Field, model_validator

from crm.errors import InvalidInput
from crm.models.base import Input, OrgName, Record


class ContactKind(str, Enum):
    OUTBOUND_VISIT = "OUTBOUND_VISIT"  # 走出去拜访
    INBOUND_INSPECTION = "INBOUND_INSPECTION"  # 请进来考察
    EVENT = "EVENT"  # 推介会 / 洽谈会
    MEETING = "MEETING"
    PHONE = "PHONE"
    WECHAT = "WECHAT"


class Interest(str, Enum):
    NONE = "NONE"
    WEAK = "WEAK"
    INTENT = "INTENT"  # 有意向
    STRONG = "STRONG"


class EventKind(str, Enum):
    FAIR = "FAIR"  # 洽谈会 / 博览会 (西博会, 渝洽会)
    PROMOTION = "PROMOTION"  # 推介会
    DELEGATION_TRIP = "DELEGATION_TRIP"  # 招商考察团 / 小分队外出
    OTHER = "OTHER"


class ContactInput(Input):
    kind: ContactKind
    on: date
    participant_ids: list[str] = Field(min_length=1, max_length=30)  # our cadres; their units follow
    counterpart_ids: list[str] = Field(default_factory=list, max_length=200)  # people and organizations
    place_id: str | None = None  # the city where it happened
    project_id: str | None = None
    event_id: str | None = None
    summary: str = Field(default="", max_length=5000)
    outcome: Interest = Interest.NONE
    next_step: str | None = Field(default=None, max_length=1000)
    follow_up_on: date | None = None

    @model_validator(mode="after")
    def _check(self) -> "ContactInput":
        if self.kind is not ContactKind.EVENT and not self.counterpart_ids:
            raise InvalidInput.one("counterpartIds", "name who was visited, received or called")
        if self.follow_up_on is not None and self.follow_up_on < self.on:
            raise InvalidInput.one("followUpOn", "is before the contact itself")
        for field, ids in (("participantIds", self.participant_ids), ("counterpartIds", self.counterpart_ids)):
            if len(set(ids)) != len(ids):
                raise InvalidInput.one(field, "an id is listed twice")
        return self


class Contact(Record):
    id: str
    kind: ContactKind
    on: date
    participant_ids: list[str]
    participant_names: list[str]
    counterpart_ids: list[str]
    counterpart_names: list[str]
    unit_ids: list[str]
    place_id: str | None = None
    project_id: str | None = None
    event_id: str | None = None
    summary: str
    outcome: Interest
    next_step: str | None = None
    follow_up_on: date | None = None
    follow_up_done_at: str | None = None


class EventInput(Input):
    name: OrgName
    kind: EventKind
    starts_on: date
    ends_on: date | None = None
    place_id: str | None = None
    organizer_unit_id: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> "EventInput":
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise InvalidInput.one("endsOn", "is before startsOn")
        return self


class Event(Record):
    id: str
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    place_id: str | None
    organizer_unit_id: str | None
