"""FalkorDB: embedded (falkordblite, one local file) or a server (redis:// URL).

Differences from Neo4j handled here, and only here:
- a unique constraint needs an exact-match index first, and is created with a
  Redis command (GRAPH.CONSTRAINT), not Cypher;
- there are no multi-statement transactions: each statement is atomic, which
  is why every write use case is a single statement;
- reads go through GRAPH.RO_QUERY so a read statement cannot write.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from crm.errors import Conflict, StorageUnavailable
from graph.catalogue import schema
from graph.engines.base import plain
from graph.statement import EngineName

log = logging.getLogger(__name__)

# Zero loss of acknowledged writes: every write is appended and fsynced to the
# append-only file before the engine answers.
DURABLE = {"appendonly": "yes", "appendfsync": "always"}


class FalkorEngine:
    name = EngineName.FALKORDB

    def __init__(self, db: Any, graph_name: str, *, where: str, query_timeout_ms: int) -> None:
        self._db = db
        self._graph_name = graph_name
        self._graph = db.select_graph(graph_name)
        self._where = where
        self._timeout = query_timeout_ms

    @classmethod
    def embedded(cls, path: Path, graph_name: str, *, query_timeout_ms: int = 30_000) -> "FalkorEngine":
        """Start (or join) the embedded engine storing its data beside `path`."""
        try:  # imported here: only the embedded engine needs it
            from redislite.falkordb_client import FalkorDB
        except ImportError as e:
            raise StorageUnavailable(
                "the embedded engine needs falkordblite: scripts/bootstrap installs it "
                "(pip install --ignore-requires-python --no-deps falkordblite==0.11.0)") from e

        path = path.resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        db = FalkorDB(str(path), serverconfig=dict(DURABLE))
        return cls(db, graph_name, where=f"embedded FalkorDB at {path}", query_timeout_ms=query_timeout_ms)

    @classmethod
    def server(cls, url: str, graph_name: str, *, query_timeout_ms: int = 30_000) -> "FalkorEngine":
        from falkordb import FalkorDB

        from urllib.parse import urlsplit

        db = FalkorDB.from_url(url)
        parts = urlsplit(url)  # described without the password
        return cls(db, graph_name, where=f"FalkorDB server {parts.hostname}:{parts.port or 6379}",
                   query_timeout_ms=query_timeout_ms)

    def _run(self, cypher: str, params: Mapping[str, Any], *, read_only: bool) -> list[dict[str, Any]]:
        try:
            if read_only:
                result = self._graph.ro_query(cypher, dict(params), timeout=self._timeout)
            else:
                result = self._graph.query(cypher, dict(params), timeout=self._timeout)
        except ResponseError as e:
            text = str(e)
            if "unique constraint violation" in text:
                raise Conflict("a record with this id already exists") from e
            raise
        except (RedisConnectionError, RedisTimeoutError, OSError) as e:
            raise StorageUnavailable(f"the graph engine is not answering ({self._where})") from e
        names = [column[1] for column in result.header]
        return [dict(zip(names, (plain(v) for v in row))) for row in result.result_set]

    def read(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self._run(cypher, params, read_only=True)

    def write(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self._run(cypher, params, read_only=False)

    def bootstrap_schema(self) -> None:
        for label, statement in schema.FALKORDB_ID_INDEXES.items():
            try:
                self._graph.query(statement.cypher)
            except ResponseError as e:
                if "already indexed" not in str(e):
                    raise
            try:
                self._db.execute_command(
                    "GRAPH.CONSTRAINT", "CREATE", self._graph_name, "UNIQUE", "NODE", label,
                    "PROPERTIES", "1", "id",
                )
            except ResponseError as e:
                if "already exists" not in str(e):
                    raise

    def describe(self) -> str:
        return f"{self._where}, graph {self._graph_name!r}"

    def server_pid(self) -> int | None:
        """The embedded engine's process id (None for a server)."""
        return getattr(getattr(self._db, "client", None), "pid", None)

    def drop_graph(self) -> None:
        """Delete this graph entirely (tests and `crm reset`)."""
        try:
            self._graph.delete()
        except ResponseError as e:
            if "empty key" not in str(e) and "Invalid graph operation" not in str(e):
                raise

    def close(self) -> None:
        # falkordblite stops its own server at interpreter exit; closing the
        # client here lets a long-lived process release the connection.
        try:
            self._db.close()
        except Exception:  # closing is best effort
            log.debug("closing FalkorDB", exc_info=True)
