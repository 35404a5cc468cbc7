"""Reward controls: nobody approves a line on which they are the introducer, or
whose referral their own unit registered."""

from __future__ import annotations

from crm.access import scope
from crm.errors import Forbidden
from crm.figures.definitions import Unit
from crm.models.accounts import User
from crm.people import get_people
from crm.ports import GraphStore
from crm.referrals import get_referral
from crm.rewards.lines import get_lines


def check_independent_approver(*, store: GraphStore, user: User, line_ids: list[str], units: dict[str, Unit]) -> None:
    mine = scope(user, units)
    for n, line in enumerate(get_lines(store=store, ids=line_ids)):
        if user.person_id and line.introducer_id == user.person_id:
            raise Forbidden(f"ids[{n}]: you are the introducer on line {line.id}", field=f"ids[{n}]")
        referral_id = (line.explanation.get("split") or {}).get("referral")
        if referral_id and mine:
            registrar = get_referral(store=store, id=referral_id).registered_by
            unit = get_people(store=store, ids=[registrar]).get(registrar)
            if unit is not None and unit.unit_id in mine:
                raise Forbidden(f"ids[{n}]: your own unit registered the referral behind line {line.id}",
                                field=f"ids[{n}]")
