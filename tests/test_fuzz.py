"""Fuzz the GraphQL endpoint: queries and mutations generated from the schema
(hypothesis-graphql), valid and invalid, signed in as an administrator, against
the real embedded engine. No answer may be a 500, and no error may carry a
traceback or the engine's internals.

Examples per run: CRM_FUZZ_EXAMPLES (default 60, as CI runs it); raise it for a
longer campaign: `CRM_FUZZ_EXAMPLES=2000 scripts/test tests/test_fuzz.py`."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema, nodes

from api.graphql.schema import build_schema
from crm.demo import load_demo
from tests.helpers import signed_in_client

EXAMPLES = int(os.environ.get("CRM_FUZZ_EXAMPLES", "60"))
SCHEMA = build_schema().as_str()
# Our custom scalars, from real-looking values and junk alike.
SCALARS = {
    "Decimal": st.one_of(st.just("8.6"), st.just("-1"), st.text(max_size=8)).map(nodes.String),
    "JSON": st.just("{}").map(nodes.String),
    "DateTime": st.one_of(st.just("2025-01-01T09:00:00+08:00"), st.text(max_size=8)).map(nodes.String),
    "Date": st.one_of(st.just("2025-06-01"), st.just("2099-01-01"), st.text(max_size=8)).map(nodes.String),
}
LEAKS = ("Traceback", "redis", "falkordb", "neo4j.", "File \"")


def _check(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code in (200, 400, 413), response.text[:500]
    body = response.json()
    for error in body.get("errors") or []:
        assert not any(leak in error.get("message", "") for leak in LEAKS), error


@pytest.fixture(scope="module")
def client(falkordb_server):
    from ulid import ULID

    from graph.engines.falkordb import FalkorEngine
    from graph.store import CatalogueStore

    engine = FalkorEngine(falkordb_server, f"fuzz_{ULID()}", where="tests", query_timeout_ms=30_000)
    store = CatalogueStore(engine)
    store.bootstrap()
    load_demo(store=store)
    with signed_in_client(store, "ADMIN") as c:
        yield c
    engine.drop_graph()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=from_schema(SCHEMA, custom_scalars=SCALARS))
def test_valid_operations_never_fail_the_server(client, query: str) -> None:
    _check(client.post("/graphql", json={"query": query}))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=from_schema(SCHEMA, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
def test_invalid_operations_are_refused_cleanly(client, query: str) -> None:
    _check(client.post("/graphql", json={"query": query}))
