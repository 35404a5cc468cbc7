"""Cursor pagination over ids (ULIDs sort by creation time)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

from crm.errors import InvalidInput
from crm.ids import kind_of

T = TypeVar("T")

DEFAULT_PAGE = 50
MAX_PAGE = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    end_cursor: str | None
    has_next_page: bool


def encode_cursor(id_: str) -> str:
    return base64.urlsafe_b64encode(f"id:{id_}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    id_ = text.removeprefix("id:")
    if not text.startswith("id:") or kind_of(id_) is None:
        raise InvalidInput.one("after", "is not a cursor this API returned")
    return id_


def page_size(first: int | None) -> int:
    size = DEFAULT_PAGE if first is None else first
    if not 1 <= size <= MAX_PAGE:
        raise InvalidInput.one("first", f"must be between 1 and {MAX_PAGE}")
    return size


def paginate(rows: list[T], size: int, id_of) -> Page[T]:  # type: ignore[no-untyped-def]
    """`rows` was fetched with LIMIT size + 1: the extra row says there is more."""
    has_next = len(rows) > size
    items = rows[:size]
    return Page(items, encode_cursor(id_of(items[-1])) if items else None, has_next)
