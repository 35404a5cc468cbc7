"""The port through which use cases reach storage.

A use case names a catalogue statement and passes parameters; it gets back rows
as plain dicts. It never sees a driver, a session or an engine's own types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from graph.statement import Statement

Row = dict[str, Any]


class GraphStore(Protocol):
    def read(self, statement: Statement, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only statement."""
        ...

    def write(self, statement: Statement, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one write statement atomically (each write use case is one statement)."""
        ...
