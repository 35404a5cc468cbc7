"""Funds that arrived (到位资金), in tranches, and the dated exchange rates that
convert foreign funds (外资, often USD) to CNY."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, field_validator

from crm.models.base import Input, Record
from crm.money import MoneyUnit, to_decimal
from crm.rewards.policy import FundsOrigin

Amount = Annotated[Decimal, BeforeValidator(to_decimal)]


def _currency(value: str) -> str:
    value = value.upper()
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError("a currency is its three-letter ISO 4217 code: CNY, USD, HKD, EUR…")
    return value


Currency = Annotated[str, AfterValidator(_currency)]


class TrancheStatus(str, Enum):
    RECORDED = "RECORDED"  # entered by the unit
    VERIFIED = "VERIFIED"  # verified by an authorised user: counts for rewards
    REVERSED = "REVERSED"  # the funds were withdrawn (撤资) or the entry was wrong


class ExchangeRateRecord(Input):
    currency: Currency
    on: date
    cny_per_unit: Amount
    recorded_by: str

    @field_validator("currency")
    @classmethod
    def _not_cny(cls, v: str) -> str:
        if v == "CNY":
            raise ValueError("CNY needs no exchange rate")
        return v

    @field_validator("cny_per_unit")
    @classmethod
    def _positive(cls, v: Decimal) -> Decimal:
        if v <= 0:
            raise ValueError("must be more than 0")
        if v != v.quantize(Decimal("0.000001")):
            raise ValueError("at most six decimal places")
        return v


class TrancheRecord(Input):
    project_id: str
    amount: Amount
    unit: MoneyUnit = MoneyUnit.YUAN  # 万 and 亿 apply to foreign currencies too (万美元)
    currency: Currency = "CNY"
    arrived_on: date
    origin: FundsOrigin
    recorded_by: str
    note: str | None = Field(default=None, max_length=2000)

    @field_validator("amount")
    @classmethod
    def _positive(cls, v: Decimal) -> Decimal:
        if v <= 0:
            raise ValueError("must be more than 0 (a withdrawal is a reversal of the tranche)")
        return v


class TrancheChange(Input):
    by: str
    note: str | None = Field(default=None, max_length=2000)


class Tranche(Record):
    id: str
    project_id: str
    amount: Decimal  # in its currency, exact to the cent
    currency: str
    cny_fen: int  # converted once, half-up to the fen
    rate: Decimal | None = None
    rate_on: date | None = None
    arrived_on: date
    origin: FundsOrigin
    status: TrancheStatus
    recorded_by: str
    note: str | None = None
    status_note: str | None = None
