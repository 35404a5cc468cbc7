"""The store the use cases talk to: named catalogue statements on one engine."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from graph.engines.base import Engine
from graph.statement import Statement

log = logging.getLogger(__name__)


class CatalogueStore:
    """Implements crm.ports.GraphStore over an engine adapter."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def read(self, statement: Statement, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        if statement.writes:
            raise ValueError(f"{statement.name} writes; run it with write()")
        return self.engine.read(statement.text_for(self.engine.name), params or {})

    def write(self, statement: Statement, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        if not statement.writes:
            raise ValueError(f"{statement.name} only reads; run it with read()")
        log.debug("write %s", statement.name)
        return self.engine.write(statement.text_for(self.engine.name), params or {})

    def bootstrap(self) -> None:
        self.engine.bootstrap_schema()

    def close(self) -> None:
        self.engine.close()
