"""Referrals, funds and rewards through GraphQL on the real embedded engine."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from graph.catalogue import rewards as reward_statements
from tests.helpers import signed_in_client
from tests.reward_world import World


@pytest.fixture
def api(falkordb_store):
    with signed_in_client(falkordb_store) as client:
        def run(query: str, **variables):
            body = client.post("/graphql", json={"query": query, "variables": variables}).json()
            return body
        run.client = client
        run.world = World(falkordb_store)
        yield run


def ok(result: dict) -> dict:
    assert not result.get("errors"), result
    return result["data"]


def error(result: dict) -> dict:
    assert result["data"] is None and len(result["errors"]) == 1, result
    return result["errors"][0]


REGISTER = """mutation($i: ReferralInput!) { registerReferral(input: $i) {
  contested primaryReferralIds referral { id status registeredOn evidenceLetterNo introducers { name share } } } }"""
CONFIRM = "mutation($id: ID!, $by: ID!) { confirmReferral(id: $id, input: {decidedBy: $by}) { status } }"
TRANCHE = "mutation($i: TrancheInput!) { recordTranche(input: $i) { id cny { yuan } status } }"
VERIFY = "mutation($id: ID!, $by: ID!) { verifyTranche(id: $id, input: {by: $by}) { status } }"
POLICY = "mutation($i: RewardPolicyInput!) { createRewardPolicy(input: $i) { id version rules } }"
SETTLE = "mutation($p: ID!, $y: Int!) { settleRewards(policyId: $p, year: $y) { written { id amount { yuan } why explanation } supersededIds notes } }"


def test_referral_to_paid_reward_over_graphql(api) -> None:
    w = api.world
    liu, chen, project = w.person("刘中兴", "HOMETOWN_CONTACT"), w.person("陈国富"), w.project()
    first = ok(api(REGISTER, i={"introducers": [{"id": liu}], "investorId": chen, "registeredBy": w.cadre,
                               "registeredAt": "2024-05-01T09:00:00+08:00", "evidenceLetterNo": "QR-001"}))
    ok(api(CONFIRM, id=first["registerReferral"]["referral"]["id"], by=w.cadre))
    second = ok(api(REGISTER, i={"introducers": [{"id": chen}], "projectId": project, "registeredBy": w.cadre,
                                "registeredAt": "2025-01-10T09:00:00+08:00"}))["registerReferral"]
    assert second["contested"] is False and second["referral"]["registeredOn"] == "2025-01-10"
    ok(api(CONFIRM, id=second["referral"]["id"], by=w.cadre))

    chain = ok(api("query($id: ID!) { upstreamChain(id: $id) { originIds hops { depth introducerName introducedName "
                   "referral { registeredOn status evidenceLetterNo } } } }", id=project))["upstreamChain"]
    assert chain["originIds"] == [liu]
    assert [(h["depth"], h["introducerName"], h["introducedName"], h["referral"]["evidenceLetterNo"])
            for h in chain["hops"]] == [(1, "陈国富", "汽车零部件产业园", None), (2, "刘中兴", "陈国富", "QR-001")]

    tranche = ok(api(TRANCHE, i={"projectId": project, "amount": "500", "unit": "WAN", "arrivedOn": "2025-03-01",
                                 "origin": "OUT_OF_PROVINCE", "recordedBy": w.cadre}))["recordTranche"]
    assert tranche["cny"]["yuan"] == "5000000.00" and tranche["status"] == "RECORDED"
    ok(api(VERIFY, id=tranche["id"], by=w.cadre))
    tree = ok(api("query($id: ID!) { downstreamTree(id: $id, depth: 3) { investors projects { name arrived { display } } "
                  "arrived { yuan } } }", id=liu))["downstreamTree"]
    assert tree["investors"] == 1 and tree["projects"] == [{"name": "汽车零部件产业园", "arrived": {"display": "500万元"}}]

    policy = ok(api(POLICY, i={"code": "CITY", "name": "市引荐奖励办法", "issuerUnitId": w.unit,
                               "effectiveFrom": "2024-01-01",
                               "rules": {"flatRate": "0.001", "upstream": {"fraction": "0.1", "mode": "CARVED_OUT"}}}))
    pid = policy["createRewardPolicy"]["id"]
    assert policy["createRewardPolicy"]["rules"]["flatRate"] == "0.001"
    written = ok(api(SETTLE, p=pid, y=2025))["settleRewards"]["written"]
    # 5,000,000 × 0.001 = 5,000: 陈国富 4,500 and 刘中兴 500 (10% carved out)
    assert sorted(x["amount"]["yuan"] for x in written) == ["4500.00", "500.00"]
    assert all("市引荐奖励办法" in x["why"] for x in written)
    assert ok(api(SETTLE, p=pid, y=2025))["settleRewards"]["written"] == []

    ids = [x["id"] for x in written]
    # Only finance approves and pays, acting as themselves (their own cadre record).
    assert error(api("mutation($ids: [ID!]!) { approveRewardLines(ids: $ids) { status } }", ids=ids))[
        "extensions"]["code"] == "FORBIDDEN"
    finance_cadre = w.person("财务科长", "CADRE")
    with signed_in_client(w.store, "FINANCE", person_id=finance_cadre) as finance:
        post = lambda q, **v: finance.post("/graphql", json={"query": q, "variables": v}).json()  # noqa: E731
        ok(post("mutation($ids: [ID!]!) { approveRewardLines(ids: $ids) { status } }", ids=ids))
        paid = ok(post("mutation($ids: [ID!]!) { payRewardLines(ids: $ids, paymentRef: \"PZ-2026-01\") "
                       "{ status paymentRef } }", ids=ids))["payRewardLines"]
    assert {x["status"] for x in paid} == {"PAID"}

    st = ok(api("query($i: ID!) { rewardStatement(introducerId: $i, year: 2025) { introducerName total { yuan } "
                "paid { yuan } xlsxUrl lines { amount { yuan } status } } }", i=chen))["rewardStatement"]
    assert st["total"] == st["paid"] == {"yuan": "4500.00"}
    sheet = load_workbook(io.BytesIO(api.client.get(st["xlsxUrl"]).content)).active
    assert sheet["A1"].value == "陈国富 2025年度引荐奖励结算单"
    assert sheet["C4"].value == "汽车零部件产业园" and float(sheet["H4"].value) == 4500.0 and sheet["I4"].value == "已支付"
    assert "0.001" in sheet["L4"].value


def test_warm_paths_over_graphql(api) -> None:
    from crm.relationships import add_relationship

    w = api.world
    friend, target = w.person("何志艳", "HOMETOWN_CONTACT"), w.person("黄嘉实")
    add_relationship(store=w.store, data={"kind": "KNOWS", "fromId": w.cadre, "toId": friend,
                                          "knowsKind": "COMRADE_IN_ARMS", "strength": 4})
    add_relationship(store=w.store, data={"kind": "KNOWS", "fromId": friend, "toId": target,
                                          "knowsKind": "FRIEND", "strength": 2})
    paths = ok(api("query($f: ID!, $t: ID!) { warmPaths(fromId: $f, toId: $t) { hops weakest explanation } }",
                   f=w.cadre, t=target))["warmPaths"]
    assert paths == [{"hops": 2, "weakest": "2.00", "explanation": "周建国 → [战友 4.00] 何志艳 → [朋友 2.00] 黄嘉实"}]
    assert error(api("query($f: ID!, $t: ID!) { warmPaths(fromId: $f, toId: $t) { hops } }",
                     f=target, t=friend))["extensions"]["field"] == "fromId"


def test_the_errors_the_issue_names(api) -> None:
    w = api.world
    a, b, p = w.person("甲"), w.person("乙"), w.project()
    unknown = error(api(REGISTER, i={"introducers": [{"id": "per_01J00000000000000000000000"}], "projectId": p,
                                     "registeredBy": w.cadre}))
    assert unknown["extensions"] == {"code": "NOT_FOUND", "field": "introducers[0].id"}
    shares = error(api(REGISTER, i={"introducers": [{"id": a, "share": "0.5"}, {"id": b, "share": "0.4"}],
                                    "projectId": p, "registeredBy": w.cadre}))
    assert shares["extensions"]["field"] == "introducers" and "sum to 1" in shares["message"]
    ok(api(REGISTER, i={"introducers": [{"id": a}], "investorId": b, "registeredBy": w.cadre}))
    cycle = error(api(REGISTER, i={"introducers": [{"id": b}], "investorId": a, "registeredBy": w.cadre}))
    assert cycle["extensions"]["code"] == "REFERRAL_CYCLE" and "乙 → 甲 → 乙" in cycle["message"]
    future = error(api(REGISTER, i={"introducers": [{"id": a}], "projectId": p, "registeredBy": w.cadre,
                                    "registeredAt": "2099-01-01T00:00:00+08:00"}))
    assert future["extensions"]["field"] == "registeredAt"
    for amount, reason in (("-5", "more than 0"), ("五百", "not a number"), ("0", "more than 0")):
        bad = error(api(TRANCHE, i={"projectId": p, "amount": amount, "arrivedOn": "2025-03-01",
                                    "origin": "OUT_OF_CITY", "recordedBy": w.cadre}))
        assert bad["extensions"]["field"] == "amount" and reason in bad["extensions"]["reason"]
    late = error(api(TRANCHE, i={"projectId": p, "amount": "5", "arrivedOn": "2099-03-01", "origin": "OUT_OF_CITY",
                                 "recordedBy": w.cadre}))
    assert late["extensions"]["field"] == "arrivedOn"
    no_rate = error(api(TRANCHE, i={"projectId": p, "amount": "5", "currency": "USD", "arrivedOn": "2025-03-01",
                                    "origin": "FOREIGN", "recordedBy": w.cadre}))
    assert no_rate["extensions"]["field"] == "currency" and "record the rate" in no_rate["message"]
    overlap = error(api(POLICY, i={"code": "X", "name": "X", "issuerUnitId": w.unit, "effectiveFrom": "2025-01-01",
                                   "rules": {"tiers": [{"fromYuan": "0", "toYuan": "1000000", "rate": "0.002"},
                                                       {"fromYuan": "500000", "rate": "0.001"}]}}))
    assert overlap["extensions"]["field"] == "rules.tiers[1].fromYuan" and "overlap" in overlap["message"]
    assert api.world.store.read(reward_statements.LIST_POLICIES, {"code": None}) == []  # nothing half-written


def test_conflicts_are_listed_and_settled(api) -> None:
    w = api.world
    a, b, p = w.person("甲"), w.person("乙"), w.project()
    r1 = ok(api(REGISTER, i={"introducers": [{"id": a}], "projectId": p, "registeredBy": w.cadre,
                             "registeredAt": "2025-01-01T09:00:00+08:00"}))["registerReferral"]["referral"]["id"]
    second = ok(api(REGISTER, i={"introducers": [{"id": b}], "projectId": p, "registeredBy": w.cadre}))
    assert second["registerReferral"]["contested"] is True
    assert second["registerReferral"]["primaryReferralIds"] == [r1]
    conflicts = ok(api("{ referralConflicts { targetName referrals { id } } }"))["referralConflicts"]
    assert [c["targetName"] for c in conflicts] == ["汽车零部件产业园"]
    r2 = second["registerReferral"]["referral"]["id"]
    ok(api("mutation($i: SharesAgreementInput!) { agreeShares(input: $i) { agreedShare } }",
           i={"targetId": p, "decidedBy": w.cadre, "shares": [{"referralId": r1, "share": "0.5"},
                                                               {"referralId": r2, "share": "0.5"}]}))
    assert ok(api("{ referralConflicts { targetName } }"))["referralConflicts"] == []
    shares = ok(api("query($p: ID!) { projectIntroducers(projectId: $p) { name share contested } }", p=p))
    assert shares["projectIntroducers"] == [{"name": "甲", "share": "0.5", "contested": False},
                                            {"name": "乙", "share": "0.5", "contested": False}]
