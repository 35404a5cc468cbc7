"""Neo4j 5 through the official driver: managed transactions, retried on
transient errors by the driver; unique constraints created with Cypher DDL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from neo4j import GraphDatabase, Query
from neo4j.exceptions import ConstraintError, ServiceUnavailable, SessionExpired

from crm.errors import Conflict, StorageUnavailable
from graph.catalogue import schema
from graph.engines.base import plain
from graph.statement import EngineName


class Neo4jEngine:
    name = EngineName.NEO4J

    def __init__(self, url: str, *, database: str | None = None, query_timeout_ms: int = 30_000) -> None:
        parts = urlsplit(url)
        auth = None
        if parts.username:
            auth = (unquote(parts.username), unquote(parts.password or ""))
        netloc = parts.hostname or "localhost"
        if parts.port:
            netloc += f":{parts.port}"
        self._uri = urlunsplit((parts.scheme, netloc, "", "", ""))
        self._driver = GraphDatabase.driver(self._uri, auth=auth)
        self._database = database or None
        self._timeout_s = query_timeout_ms / 1000

    def _run(self, cypher: str, params: Mapping[str, Any], *, read_only: bool) -> list[dict[str, Any]]:
        query = Query(cypher, timeout=self._timeout_s)

        def work(tx: Any) -> list[dict[str, Any]]:
            return [{k: plain(v) for k, v in record.items()} for record in tx.run(query, dict(params))]

        try:
            with self._driver.session(database=self._database) as session:
                if read_only:
                    return session.execute_read(work)
                return session.execute_write(work)
        except ConstraintError as e:
            raise Conflict("a record with this id already exists") from e
        except (ServiceUnavailable, SessionExpired) as e:
            raise StorageUnavailable(f"Neo4j is not answering at {self._uri}") from e

    def read(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self._run(cypher, params, read_only=True)

    def write(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self._run(cypher, params, read_only=False)

    def bootstrap_schema(self) -> None:
        for statement in schema.NEO4J_ID_CONSTRAINTS.values():
            with self._driver.session(database=self._database) as session:
                session.run(statement.cypher).consume()

    def describe(self) -> str:
        return f"Neo4j at {self._uri}" + (f", database {self._database!r}" if self._database else "")

    def close(self) -> None:
        self._driver.close()
