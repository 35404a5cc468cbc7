"""Who may see what: pure rules, used by the API.

- administrators, leaders and auditors see everything;
- unit staff see the contact details and notes of records owned by their unit
  or one of its sub-units; of other records they see that they exist and who
  owns them (so a second unit can see an investor is already being worked, 防撞单);
- finance sees what it pays, without contact details.
"""

from __future__ import annotations

from collections.abc import Iterable

from crm.figures.compute import subtree
from crm.figures.definitions import Unit
from crm.models.accounts import Role, User

SEE_ALL = {Role.ADMIN, Role.LEADER, Role.AUDITOR}


def scope(user: User, units: dict[str, Unit]) -> set[str]:
    """The units a user works within (empty for roles without a unit)."""
    return subtree(units, user.unit_id) if user.unit_id else set()


def sees_details(user: User, owners: Iterable[str | None], units: dict[str, Unit]) -> bool:
    if user.role in SEE_ALL:
        return True
    if user.role is not Role.UNIT_STAFF:
        return False
    return bool(scope(user, units) & {o for o in owners if o})


def may_edit(user: User, owners: Iterable[str | None], units: dict[str, Unit]) -> bool:
    if user.role is Role.ADMIN:
        return True
    return user.role is Role.UNIT_STAFF and bool(scope(user, units) & {o for o in owners if o})
