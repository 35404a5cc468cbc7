"""The narrow interface every engine adapter offers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from graph.statement import EngineName


class Engine(Protocol):
    name: EngineName

    def read(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]: ...

    def write(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]: ...

    def bootstrap_schema(self) -> None:
        """Create the indexes and unique constraints; safe to run again."""
        ...

    def describe(self) -> str:
        """Where the data lives, for logs and the health check (no secrets)."""
        ...

    def close(self) -> None: ...


def plain(value: Any) -> Any:
    """Engine values as plain Python: OrderedDicts become dicts, recursively."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
