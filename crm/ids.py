"""Application-generated ids: a kind prefix and a ULID (sortable by creation time).

The engine's internal ids are never used, so data can move between engines, and
the prefix tells what kind of record an id names before any query is made.
"""

from __future__ import annotations

import re
from enum import Enum

from ulid import ULID


class IdKind(str, Enum):
    PERSON = "per"
    ORGANIZATION = "org"
    PLACE = "plc"
    PROJECT = "prj"
    REFERRAL = "ref"
    TRANCHE = "ftr"
    EXCHANGE_RATE = "fxr"
    POLICY = "pol"
    REWARD_LINE = "rwl"
    STAGE_CHANGE = "stg"
    CONTACT = "ctc"
    EVENT = "evt"
    USER = "usr"
    TOKEN = "tok"
    AUDIT = "aud"

    @property
    def noun(self) -> str:
        return self.name.lower().replace("_", " ")


_ID = re.compile(r"^(per|org|plc|prj|ref|ftr|fxr|pol|rwl|stg|ctc|evt|usr|tok|aud)_[0-9A-HJKMNP-TV-Z]{26}$")


def new_id(kind: IdKind) -> str:
    return f"{kind.value}_{ULID()}"


def kind_of(id_: str) -> IdKind | None:
    """The kind an id names, or None when it is not one of our ids."""
    if not isinstance(id_, str) or not _ID.match(id_):
        return None
    return IdKind(id_[:3])
