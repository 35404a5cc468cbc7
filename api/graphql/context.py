"""What every resolver gets: the store (and, later, the signed-in user)."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext
from strawberry.types import Info as _Info

from crm.ports import GraphStore


@dataclass
class Context(BaseContext):
    store: GraphStore

    def __post_init__(self) -> None:
        super().__init__()


Info = _Info[Context, None]
