"""Rounding, applied once: exact amounts become fen by the largest remainder.

The total is rounded half-up to the fen; each part gets its amount rounded
down, and the fen left over go one each to the parts with the largest
remainders (ties: in the order given). So the parts always add up exactly to
the rounded total, and no part is off by more than one fen.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")


def to_fen_exact(total_yuan: Decimal) -> int:
    return int((total_yuan / FEN).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def allocate(parts_yuan: list[Decimal]) -> list[int]:
    """Exact non-negative amounts in 元 -> fen, summing to the rounded total."""
    if not parts_yuan:
        return []
    total = to_fen_exact(sum(parts_yuan, Decimal(0)))
    floors = [int((p / FEN).to_integral_value(rounding=ROUND_FLOOR)) for p in parts_yuan]
    remainders = [p / FEN - f for p, f in zip(parts_yuan, floors)]
    left = total - sum(floors)
    order = sorted(range(len(parts_yuan)), key=lambda i: (-remainders[i], i))
    for i in order[:max(left, 0)]:
        floors[i] += 1
    return floors
