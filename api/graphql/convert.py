"""Strawberry inputs become plain dicts for the domain's pydantic models."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from pydantic.alias_generators import to_camel
from strawberry.types.unset import UnsetType


def to_dict(value: Any) -> Any:
    """Drop fields left out (None or UNSET); enums to their values; keys spelled
    as GraphQL spells them, so validation errors name fields the client knows."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if v is None or isinstance(v, UnsetType):
                continue
            out[to_camel(f.name)] = to_dict(v)
        return out
    if isinstance(value, list):
        return [to_dict(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value
