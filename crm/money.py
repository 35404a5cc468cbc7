"""Money: exact Decimal amounts in 元, stored as integer fen.

Rounding rule, stated once: input amounts must be exact to the fen (0.01 元);
an amount finer than that is refused, never rounded, so what the user typed is
what is stored. Computed amounts (rewards, later) are rounded once, half-up to
the fen, by `round_to_fen`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum

FEN_PER_YUAN = 100
FEN = Decimal("0.01")


class MoneyUnit(str, Enum):
    """The unit an amount is stated in; 万元 and 亿元 are how the seeds count."""

    YUAN = "YUAN"  # 元
    WAN = "WAN"  # 万元 = 10^4 元
    YI = "YI"  # 亿元 = 10^8 元

    @property
    def yuan(self) -> Decimal:
        return {"YUAN": Decimal(1), "WAN": Decimal(10_000), "YI": Decimal(100_000_000)}[self.value]


def to_decimal(value: object) -> Decimal:
    """A Decimal from a str, int or Decimal; floats are refused (they are not exact)."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError("must be a decimal number given as a string or integer, not a float")
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValueError(f"{value!r} is not a number") from None
    if not d.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return d


def yuan_to_fen(amount: Decimal, unit: MoneyUnit = MoneyUnit.YUAN) -> int:
    """Convert an amount in `unit` to integer fen, refusing anything finer than a fen."""
    yuan = amount * unit.yuan
    fen = yuan * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise ValueError(f"{amount} {unit.value} is finer than one fen (0.01 元)")
    return int(fen)


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(FEN)


def round_to_fen(amount: Decimal) -> Decimal:
    """The one rounding rule for computed amounts: half-up to the fen."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def describe_yuan(fen: int) -> str:
    """How a leader would read an amount: 8.6亿元, 6400万元, 3500元."""
    yuan = Decimal(fen) / FEN_PER_YUAN
    for unit, suffix in ((MoneyUnit.YI, "亿元"), (MoneyUnit.WAN, "万元")):
        if abs(yuan) >= unit.yuan:
            return f"{(yuan / unit.yuan).normalize():f}{suffix}"
    return f"{yuan.normalize():f}元"
