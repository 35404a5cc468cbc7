"""Referrals (引荐登记 / 首报备案): who introduced whom, registered first, with evidence."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator, model_validator

from crm.errors import InvalidInput
from crm.models.base import Input, Record, ShortText
from crm.money import to_decimal

Share = Annotated[Decimal, BeforeValidator(to_decimal)]


class ReferralStatus(str, Enum):
    REGISTERED = "REGISTERED"  # 已备案
    CONFIRMED = "CONFIRMED"  # 已确认 (the department confirmed the introduction)
    REJECTED = "REJECTED"  # 不予认定


class IntroducerShare(Input):
    id: str
    share: Share | None = None

    @field_validator("share")
    @classmethod
    def _share(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and not Decimal(0) < v <= Decimal(1):
            raise ValueError("a share is more than 0 and at most 1")
        return v


def _sum_to_one(shares: list[Decimal], field: str) -> None:
    total = sum(shares, Decimal(0))
    if total != 1:
        raise InvalidInput.one(field, f"shares must sum to 1; these sum to {total}")


class ReferralRegister(Input):
    introducers: list[IntroducerShare] = Field(min_length=1, max_length=10)
    investor_id: str | None = None
    project_id: str | None = None
    registered_by: str  # the cadre who registers it
    registered_at: datetime | None = None  # when it was first reported; now when left out
    evidence_letter_no: ShortText | None = None  # 投资方确认函编号
    evidence_note: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _check(self) -> "ReferralRegister":
        if self.investor_id is None and self.project_id is None:
            raise InvalidInput.one("investorId", "name the investor or the project (or both) that was introduced")
        ids = [i.id for i in self.introducers]
        if len(set(ids)) != len(ids):
            raise InvalidInput.one("introducers", "an introducer is listed twice")
        given = [i.share for i in self.introducers if i.share is not None]
        if given and len(given) != len(self.introducers):
            raise InvalidInput.one("introducers", "give every co-introducer a share, or none (equal shares)")
        if given:
            _sum_to_one(given, "introducers")
        return self


class ReferralDecision(Input):
    decided_by: str
    note: str | None = Field(default=None, max_length=2000)


class AgreedShare(Input):
    referral_id: str
    share: Share

    @field_validator("share")
    @classmethod
    def _share(cls, v: Decimal) -> Decimal:
        if not Decimal(0) < v <= Decimal(1):
            raise ValueError("a share is more than 0 and at most 1")
        return v


class SharesAgreement(Input):
    """An authorised user's settlement of a conflict (撞单): every live referral for
    the target gets an agreed share, and they sum to 1."""

    target_id: str
    shares: list[AgreedShare] = Field(min_length=1)
    decided_by: str

    @model_validator(mode="after")
    def _check(self) -> "SharesAgreement":
        _sum_to_one([s.share for s in self.shares], "shares")
        return self


class NamedShare(Record):
    id: str
    name: str
    share: Decimal | None = None


class Referral(Record):
    id: str
    status: ReferralStatus
    registered_at: datetime
    registered_on: date
    registered_by: str
    introducers: list[NamedShare]
    investor_id: str | None = None
    investor_name: str | None = None
    project_id: str | None = None
    project_name: str | None = None
    evidence_letter_no: str | None = None
    evidence_note: str | None = None
    agreed_share: Decimal | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    decision_note: str | None = None
