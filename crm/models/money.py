"""An amount as the user states it: a Decimal, its unit (元/万元/亿元) and currency."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, field_validator

from crm.models.base import Input, Record
from crm.money import MoneyUnit, describe_yuan, fen_to_yuan, to_decimal, yuan_to_fen


def _exact_decimal(value: object) -> Decimal:
    return to_decimal(value)


ExactDecimal = Annotated[Decimal, BeforeValidator(_exact_decimal)]


class MoneyInput(Input):
    """A non-negative amount; project figures are in CNY (foreign funds arrive
    as tranches with a dated rate, not here)."""

    amount: ExactDecimal
    unit: MoneyUnit = MoneyUnit.YUAN
    currency: str = "CNY"

    @field_validator("amount")
    @classmethod
    def _not_negative(cls, v: Decimal) -> Decimal:
        if v < 0:
            raise ValueError("must not be negative")
        return v

    @field_validator("currency")
    @classmethod
    def _cny(cls, v: str) -> str:
        if v.upper() != "CNY":
            raise ValueError("project investment is stated in CNY (人民币)")
        return "CNY"

    def to_fen(self, field: str = "") -> int:
        """Integer fen; an amount finer than a fen is refused, naming `field`.amount."""
        try:
            return yuan_to_fen(self.amount, self.unit)
        except ValueError as e:
            # Raised outside pydantic's field loop; InvalidInput names the field.
            from crm.errors import InvalidInput

            raise InvalidInput.one(f"{field}.amount" if field else "amount", str(e)) from None


class Money(Record):
    """An amount in 元 (exact), with its integer fen and a reader's rendering."""

    fen: int
    currency: str = "CNY"

    @property
    def yuan(self) -> Decimal:
        return fen_to_yuan(self.fen)

    @property
    def display(self) -> str:
        return describe_yuan(self.fen)
