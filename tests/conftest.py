"""Fixtures: a store on every engine available, and the API over it.

The embedded FalkorDB engine always runs (one server per test session, a fresh
graph per test). Neo4j 5 runs in a testcontainers container where a Docker
engine answers; elsewhere its tests are skipped with the reason.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest
from ulid import ULID

from graph.catalogue import admin
from graph.engines.falkordb import DURABLE, FalkorEngine
from graph.store import CatalogueStore

NEO4J_IMAGE = "neo4j:5"


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from redislite.falkordb_client import FalkorDB

    db = FalkorDB(str(tmp_path_factory.mktemp("falkordb") / "test.db"), serverconfig=dict(DURABLE))
    yield db
    db.close()


@functools.cache
def docker_unavailable_reason() -> str | None:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception as e:  # any failure to reach the engine means: no Docker here
        return f"no Docker engine answers ({type(e).__name__}); the Neo4j suite needs one"
    return None


@pytest.fixture(scope="session")
def neo4j_url() -> Iterator[str]:
    reason = docker_unavailable_reason()
    if reason:
        pytest.skip(reason)
    from testcontainers.neo4j import Neo4jContainer

    with Neo4jContainer(NEO4J_IMAGE, password="crm-test-password") as container:
        url = container.get_connection_url().replace("bolt://", "bolt://neo4j:crm-test-password@", 1)
        yield url


def _falkordb_store(request: pytest.FixtureRequest) -> Iterator[CatalogueStore]:
    db = request.getfixturevalue("falkordb_server")
    engine = FalkorEngine(db, f"test_{ULID()}", where="embedded FalkorDB (tests)", query_timeout_ms=30_000)
    store = CatalogueStore(engine)
    store.bootstrap()
    yield store
    engine.drop_graph()


def _neo4j_store(request: pytest.FixtureRequest) -> Iterator[CatalogueStore]:
    from graph.engines.neo4j import Neo4jEngine

    engine = Neo4jEngine(request.getfixturevalue("neo4j_url"))
    store = CatalogueStore(engine)
    store.bootstrap()
    store.write(admin.DELETE_ALL)  # one database for the suite: start each test empty
    yield store
    engine.close()


ENGINES = {"falkordb": _falkordb_store, "neo4j": _neo4j_store}


@pytest.fixture(params=[pytest.param("falkordb"), pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> Iterator[CatalogueStore]:
    yield from ENGINES[request.param](request)


@pytest.fixture
def falkordb_store(request: pytest.FixtureRequest) -> Iterator[CatalogueStore]:
    """The embedded engine only, for tests about the API layer rather than storage."""
    yield from _falkordb_store(request)
