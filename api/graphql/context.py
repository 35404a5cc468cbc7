"""What every resolver gets: the store and the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.fastapi import BaseContext
from strawberry.types import Info as _Info

from crm.figures.definitions import Unit
from crm.models.accounts import User
from crm.ports import GraphStore


@dataclass
class Context(BaseContext):
    store: GraphStore
    user: User
    _units: dict[str, Unit] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        super().__init__()

    def units(self) -> dict[str, Unit]:
        """The government units and their parents, read once per request."""
        if self._units is None:
            from crm.figures.facts import load_units

            self._units = load_units(self.store)
        return self._units


Info = _Info[Context, None]
