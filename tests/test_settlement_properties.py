"""Settlement properties on the real embedded engine (a fresh graph per example)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ulid import ULID

from crm import funds
from crm.rewards import lines as L
from crm.rewards.allocation import to_fen_exact
from crm.rewards.calculation import reward_for
from crm.rewards.policies import get_policy
from graph.engines.falkordb import FalkorEngine
from graph.store import CatalogueStore
from tests.reward_world import World

amounts = st.lists(st.integers(1, 50_000), min_size=1, max_size=5)  # in 万元


def _world(server) -> tuple[World, FalkorEngine]:
    engine = FalkorEngine(server, f"prop_{ULID()}", where="tests", query_timeout_ms=30_000)
    store = CatalogueStore(engine)
    store.bootstrap()
    return World(store), engine


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wan=amounts, tiered=st.booleans())
def test_settling_twice_writes_nothing(falkordb_server, wan: list[int], tiered: bool) -> None:
    w, engine = _world(falkordb_server)
    try:
        a, b, p = w.person("甲"), w.person("乙"), w.project()
        w.refer(a, b, project=p)
        for n, x in enumerate(wan):
            w.funds(p, str(x), on=f"2025-{n + 1:02d}-15")
        rules = ({"tiers": [{"fromYuan": "0", "toYuan": "5000000", "rate": "0.003"}, {"fromYuan": "5000000", "rate": "0.001"}]}
                 if tiered else {"flatRate": "0.001"})
        policy = w.policy(capPerIntroducerYearYuan="30000", **rules)
        first = w.settle(policy)
        again = w.settle(policy)
        assert first.written and again.written == [] and again.superseded == []
    finally:
        engine.drop_graph()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wan=amounts, data=st.data())
def test_reversing_leaves_exactly_the_reward_on_what_remains(falkordb_server, wan: list[int], data) -> None:
    w, engine = _world(falkordb_server)
    try:
        a, p = w.person("甲"), w.project()
        w.refer(a, project=p)
        tranche_ids = [w.funds(p, str(x), on=f"2025-{n + 1:02d}-15") for n, x in enumerate(wan)]
        policy = w.policy(tiers=[{"fromYuan": "0", "toYuan": "3000000", "rate": "0.002"},
                                 {"fromYuan": "3000000", "rate": "0.0007"}])
        lines = w.settle(policy).written
        if data.draw(st.booleans(), label="approve and pay first"):
            L.approve_lines(store=w.store, ids=[x.id for x in lines], by=w.cadre)
            L.pay_lines(store=w.store, ids=[x.id for x in lines], payment_ref=f"PZ-{ULID()}", by=w.cadre)
        gone = data.draw(st.sets(st.sampled_from(range(len(wan)))), label="reversed")
        for n in gone:
            funds.reverse_tranche(store=w.store, id=tranche_ids[n], data={"by": w.cadre, "note": "撤资"})
        w.settle(policy)
        remaining_yuan = Decimal(sum(x for n, x in enumerate(wan) if n not in gone) * 10_000)
        expected = to_fen_exact(reward_for(get_policy(store=w.store, id=policy).rules, remaining_yuan)[0])
        assert sum(x.amount_fen for x in w.lines(policy)) == expected
    finally:
        engine.drop_graph()
