"""Accounts: who may see and do what."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from crm.models.base import Input, Record


class Role(str, Enum):
    ADMIN = "ADMIN"  # administrator: everything but editing the audit trail
    LEADER = "LEADER"  # reads everything
    UNIT_STAFF = "UNIT_STAFF"  # works within their unit and its sub-units
    FINANCE = "FINANCE"  # verifies funds, settles, approves and pays reward lines
    AUDITOR = "AUDITOR"  # reads everything, the audit trail included; changes nothing


class UserCreate(Input):
    username: str = Field(min_length=2, max_length=40, pattern=r"^[a-z0-9_.\-]+$")
    display_name: str = Field(min_length=1, max_length=50)
    role: Role
    unit_id: str | None = None  # required for unit staff
    person_id: str | None = None  # the cadre this user is, who acts in "by" fields


class User(Record):
    id: str
    username: str
    display_name: str
    role: Role
    unit_id: str | None = None
    person_id: str | None = None
    active: bool = True
