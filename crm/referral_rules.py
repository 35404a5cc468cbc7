"""Who counts as a project's introducer when several registered (撞单).

One rule, used by the queries and by the reward calculation alike: where an
authorised user agreed shares, the referrals with agreed shares count by those
shares; otherwise the earliest live registration (首报) is primary and counts
whole, and later ones are contested and count for nothing until shares are agreed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

R = TypeVar("R")


def select_referrals(referrals: Sequence[R], *, registered: Callable[[R], Any]) -> tuple[list[tuple[R, Decimal]], list[R]]:
    """(counted referrals with their part of the project, contested ones)."""
    live = sorted((r for r in referrals if _status(r) != "REJECTED"), key=lambda r: (registered(r), r.id))  # type: ignore[attr-defined]
    if not live:
        return [], []
    agreed = [r for r in live if r.agreed_share is not None]  # type: ignore[attr-defined]
    if agreed:
        return [(r, Decimal(r.agreed_share)) for r in agreed], []  # type: ignore[attr-defined]
    return [(live[0], Decimal(1))], live[1:]


def _status(r: Any) -> str:
    status = r.status
    return getattr(status, "value", status)
