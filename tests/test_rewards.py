"""Introducer rewards, worked examples on every engine. The arithmetic is written
out beside each expectation; amounts in 元 unless said."""

from decimal import Decimal

import pytest

from crm import funds
from crm import referrals as R
from crm.errors import Conflict, InvalidInput, InvalidTransition
from crm.rewards import lines as L
from tests.reward_world import World

D = Decimal


@pytest.fixture
def w(store) -> World:
    return World(store)


def test_flat_rate_per_10_wan(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "300", on="2025-03-01")
    w.funds(p, "200", on="2025-09-01")
    policy = w.policy(flatRate="0.001")  # 每10万奖100元 = 0.001 per 元
    result = w.settle(policy)
    # basis 300万 + 200万 = 5,000,000 元; × 0.001 = 5,000.00 元
    assert [(x.introducer_id, x.amount_fen) for x in result.written] == [(chen, 500_000)]
    line = result.written[0]
    assert line.explanation["basis"]["cumulativeAtYearEnd"] == "5000000.00"
    assert [t["yuan"] for t in line.explanation["tranches"]] == ["3000000.00", "2000000.00"]
    assert line.explanation["chain"] == [{"introducer": chen, "name": "陈国富"}]
    assert line.explanation["policy"]["version"] == 1


def test_marginal_tiers_across_two_years(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "800", on="2025-05-01")
    w.funds(p, "1500", on="2026-02-01")
    policy = w.policy(tiers=[{"fromYuan": "0", "toYuan": "10000000", "rate": "0.002"},
                             {"fromYuan": "10000000", "toYuan": "50000000", "rate": "0.001"},
                             {"fromYuan": "50000000", "rate": "0.0005"}])
    # 2025: R(800万) = 8,000,000 × 0.002 = 16,000
    assert w.owed(policy, 2025) == {} and w.settle(policy, 2025).written[0].amount_fen == 1_600_000
    # 2026: R(2300万) = 10,000,000 × 0.002 + 13,000,000 × 0.001 = 20,000 + 13,000 = 33,000; minus 16,000 = 17,000
    line = w.settle(policy, 2026).written[0]
    assert line.amount_fen == 1_700_000
    assert [t["amount"] for t in line.explanation["tiers"]] == ["20000.00", "13000.00"]


def test_minimum_earns_nothing_until_crossed(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "60", on="2025-05-01")
    w.funds(p, "50", on="2026-05-01")
    policy = w.policy(minimumYuan="1000000")  # 100万
    assert w.settle(policy, 2025).written == []  # 60万 < 100万
    # 2026: cumulative 110万 ≥ 100万: 1,100,000 × 0.001 = 1,100, all of it this year
    assert w.settle(policy, 2026).written[0].amount_fen == 110_000


def test_cap_per_project_and_per_introducer_year(w: World) -> None:
    chen = w.person("陈国富")
    p1, p2 = w.project("甲项目"), w.project("乙项目")
    w.refer(chen, project=p1, on="2025-01-10")
    w.refer(chen, project=p2, on="2025-02-10")
    w.funds(p1, "500", on="2025-03-01")  # 5,000 → project cap 3,000
    w.funds(p2, "400", on="2025-03-01")  # 4,000
    policy = w.policy(capPerProjectYuan="3000", capPerIntroducerYearYuan="5000")
    lines = w.settle(policy).written
    # p1 (earlier referral) first: min(5,000, 3,000) = 3,000; p2: 4,000 cut to the 2,000 left of the 5,000 cap
    assert [(x.project_id, x.amount_fen) for x in lines] == [(p1, 300_000), (p2, 200_000)]
    assert "yearly cap" in lines[1].explanation["limits"][0]


def test_budget_runs_out_in_settlement_order(w: World) -> None:
    a, b = w.person("陈国富"), w.person("黄嘉实")
    p1, p2 = w.project("甲项目"), w.project("乙项目")
    w.refer(a, project=p1, on="2025-01-10")
    w.refer(b, project=p2, on="2025-02-10")
    w.funds(p1, "300", on="2025-03-01")
    w.funds(p2, "300", on="2025-03-01")
    policy = w.policy(budgetPerYearYuan="4000")  # 高亭乡: 4,000 元 a year for rewards
    # each earns 3,000; p1's referral is earlier: 3,000, then 1,000 left for p2 (the other 2,000 forfeited)
    assert [(x.introducer_id, x.amount_fen) for x in w.settle(policy).written] == [(a, 300_000), (b, 100_000)]


def test_conditions_stage_timing_confirmation(w: World) -> None:
    a, b, c = w.person("陈国富"), w.person("黄嘉实"), w.person("唐锦城")
    signed = w.project("已签约", stage="SIGNED")
    late = w.project("迟报", stage="STARTED", signed_on="2025-01-01")
    unconfirmed = w.project("未确认", stage="STARTED")
    w.refer(a, project=signed)
    w.refer(b, project=late, on="2025-01-20")  # 19 days after signing
    w.refer(c, project=unconfirmed, confirm=False)
    for p in (signed, late, unconfirmed):
        w.funds(p, "100")
    policy = w.policy(requiredStage="STARTED", registeredBeforeSigning=True, daysAfterSigningAllowed=15)
    result = w.settle(policy)
    assert result.written == []
    reasons = " | ".join(n["reason"] for n in result.notes)
    assert "project reached STARTED not met (stage SIGNED)" in reasons
    assert "registered by signing + 15 days not met" in reasons
    assert "referral confirmed not met (status REGISTERED)" in reasons
    lenient = w.policy("LENIENT", requiredStage="SIGNED", registeredBeforeSigning=True, daysAfterSigningAllowed=30,
                       requireConfirmed=False)
    # all three now qualify: 1,000,000 × 0.001 = 1,000 each
    assert sorted(x.amount_fen for x in w.settle(lenient).written) == [100_000] * 3


def test_public_servants_get_recognition_not_cash(w: World) -> None:
    cadre_intro, p = w.person("李晓梅", "CADRE"), w.project()
    w.refer(cadre_intro, project=p)
    w.funds(p, "500")
    line = w.settle(w.policy()).written[0]
    assert (line.kind, line.amount_fen) == ("RECOGNITION", 0)
    assert "5000.00" in line.explanation["recognition"]  # what the cash would have been


def test_co_introducers_split_equally_and_exactly(w: World) -> None:
    a, b, c = w.person("甲"), w.person("乙"), w.person("丙")
    p = w.project()
    w.refer(a, b, c, project=p)
    w.funds(p, "100")  # 1,000,000 × 0.001 = 1,000.00 → 333.34 + 333.33 + 333.33
    lines = w.settle(w.policy()).written
    assert sorted(x.amount_fen for x in lines) == [33_333, 33_333, 33_334]
    assert sum(x.amount_fen for x in lines) == 100_000


def test_co_introducers_with_shares(w: World) -> None:
    a, b = w.person("甲"), w.person("乙")
    p = w.project()
    w.refer(a, b, project=p, shares=["0.7", "0.3"])
    w.funds(p, "100")  # 1,000 → 700 + 300
    assert w.owed(w.settle(w.policy()).policy.id) == {(a, "DIRECT"): D("700.00"), (b, "DIRECT"): D("300.00")}


def test_conflict_primary_only_until_shares_are_agreed(w: World) -> None:
    first, second, p = w.person("陈国富"), w.person("黄嘉实"), w.project()
    r1 = w.refer(first, project=p, on="2025-01-10")
    r2 = w.refer(second, project=p, on="2025-01-20")
    w.funds(p, "100")
    policy = w.policy()
    result = w.settle(policy)
    assert w.owed(policy) == {(first, "DIRECT"): D("1000.00")}
    assert any("contested" in n["reason"] for n in result.notes)
    with pytest.raises(InvalidInput, match="sum to 1"):
        R.agree_shares(store=w.store, data={"targetId": p, "decidedBy": w.cadre,
                                            "shares": [{"referralId": r1, "share": "0.6"}, {"referralId": r2, "share": "0.3"}]})
    R.agree_shares(store=w.store, data={"targetId": p, "decidedBy": w.cadre,
                                        "shares": [{"referralId": r1, "share": "0.6"}, {"referralId": r2, "share": "0.4"}]})
    w.settle(policy)  # the computed line is replaced: 600 + 400
    assert w.owed(policy) == {(first, "DIRECT"): D("600.00"), (second, "DIRECT"): D("400.00")}


@pytest.mark.parametrize("mode,direct,upstream", [("CARVED_OUT", "4500.00", "500.00"), ("ON_TOP", "5000.00", "500.00")])
def test_upstream_share_of_the_chain(w: World, mode, direct, upstream) -> None:
    liu, chen, p = w.person("刘中兴", "HOMETOWN_CONTACT"), w.person("陈国富"), w.project()
    w.refer(liu, investor=chen)  # 刘中兴 brought 陈国富 …
    w.refer(chen, project=p)  # … who brought the project (以商招商)
    w.funds(p, "500")  # 5,000
    policy = w.policy(upstream={"fraction": "0.1", "mode": mode})
    # CARVED_OUT: 陈 5,000 − 10% = 4,500, 刘 500; ON_TOP: 陈 5,000, 刘 500 on top
    assert w.owed(w.settle(policy).policy.id) == {(chen, "DIRECT"): D(direct), (liu, "UPSTREAM"): D(upstream)}


def test_on_top_upstream_stays_within_the_project_cap(w: World) -> None:
    liu, chen, p = w.person("刘中兴", "HOMETOWN_CONTACT"), w.person("陈国富"), w.project()
    w.refer(liu, investor=chen)
    w.refer(chen, project=p)
    w.funds(p, "500")
    policy = w.policy(upstream={"fraction": "0.1", "mode": "ON_TOP"}, capPerProjectYuan="4400")
    # the direct part is capped at 4,400 / 1.1 = 4,000; upstream 400; together 4,400 = the cap
    assert w.owed(w.settle(policy).policy.id) == {(chen, "DIRECT"): D("4000.00"), (liu, "UPSTREAM"): D("400.00")}


def test_settling_twice_writes_nothing(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "500")
    policy = w.policy()
    assert len(w.settle(policy).written) == 1
    again = w.settle(policy)
    assert again.written == [] and again.superseded == []


def test_reversal_after_payment_writes_an_adjustment(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "300", on="2025-03-01")
    later = w.funds(p, "200", on="2025-09-01")
    policy = w.policy()
    (line,) = w.settle(policy).written  # 5,000
    L.approve_lines(store=w.store, ids=[line.id], by=w.cadre)
    L.pay_lines(store=w.store, ids=[line.id], payment_ref="PZ-2026-0001", by=w.cadre)
    funds.reverse_tranche(store=w.store, id=later, data={"by": w.cadre, "note": "撤资 200万"})
    (adjustment,) = w.settle(policy).written
    # entitled now: 3,000,000 × 0.001 = 3,000; paid 5,000 → adjustment −2,000
    assert (adjustment.entry, adjustment.amount_fen) == (L.LineEntry.ADJUSTMENT, -200_000)
    assert "PAID" in adjustment.explanation["adjustment"]
    assert w.owed(policy) == {(chen, "DIRECT"): D("3000.00")}
    assert L.get_lines(store=w.store, ids=[line.id])[0].status is L.LineStatus.PAID  # paid lines never change
    assert w.settle(policy).written == []


def test_a_change_before_approval_replaces_the_computed_line(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "300")
    policy = w.policy()
    (first,) = w.settle(policy).written
    w.funds(p, "200", on="2025-10-01")
    second = w.settle(policy)
    assert second.superseded == [first.id] and second.written[0].amount_fen == 500_000
    assert second.written[0].entry is L.LineEntry.ORIGINAL


def test_foreign_funds_convert_at_the_dated_rate(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    funds.record_exchange_rate(store=w.store, data={"currency": "USD", "on": "2025-01-02", "cnyPerUnit": "7.1",
                                                    "recordedBy": w.cadre})
    tid = w.funds(p, "100", currency="USD", origin="FOREIGN")  # 100万 USD × 7.1 = 7,100,000 元
    assert funds.get_tranche(store=w.store, id=tid).cny_fen == 710_000_000
    only_foreign = w.policy(origins=["FOREIGN"])
    assert w.settle(only_foreign).written[0].amount_fen == 710_000  # 7,100


def test_two_policies_each_yield_their_lines(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "500")
    city, township = w.policy("CITY"), w.policy("GAOTING", flatRate="0.0005")
    assert w.settle(city).written[0].amount_fen == 500_000  # 5,000
    assert w.settle(township).written[0].amount_fen == 250_000  # 2,500


def test_line_lifecycle_rules(w: World) -> None:
    chen, p = w.person("陈国富"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "500")
    (line,) = w.settle(w.policy()).written
    with pytest.raises(InvalidTransition):
        L.pay_lines(store=w.store, ids=[line.id], payment_ref="PZ-1", by=w.cadre)  # not approved yet
    L.approve_lines(store=w.store, ids=[line.id], by=w.cadre)
    L.pay_lines(store=w.store, ids=[line.id], payment_ref="PZ-1", by=w.cadre)
    with pytest.raises(InvalidTransition):
        L.approve_lines(store=w.store, ids=[line.id], by=w.cadre)


def test_a_payment_reference_is_used_once(w: World) -> None:
    a, b = w.person("甲"), w.person("乙")
    p1, p2 = w.project("甲项目"), w.project("乙项目")
    w.refer(a, project=p1)
    w.refer(b, project=p2)
    w.funds(p1, "100")
    w.funds(p2, "100")
    first, second = w.settle(w.policy()).written
    L.approve_lines(store=w.store, ids=[first.id, second.id], by=w.cadre)
    L.pay_lines(store=w.store, ids=[first.id], payment_ref="PZ-7", by=w.cadre)
    with pytest.raises(Conflict):
        L.pay_lines(store=w.store, ids=[second.id], payment_ref="PZ-7", by=w.cadre)


def test_policy_inputs_are_checked(w: World) -> None:
    with pytest.raises(InvalidInput, match="overlap") as e:
        w.policy(tiers=[{"fromYuan": "0", "toYuan": "100", "rate": "0.01"},
                        {"fromYuan": "50", "rate": "0.005"}])
    assert e.value.field == "rules.tiers[1].fromYuan"
    with pytest.raises(InvalidInput, match="gap"):
        w.policy(tiers=[{"fromYuan": "0", "toYuan": "100", "rate": "0.01"}, {"fromYuan": "200", "rate": "0.005"}])
    with pytest.raises(InvalidInput) as e:
        w.policy(flatRate="-0.1")
    assert e.value.field == "rules.flatRate"
    with pytest.raises(InvalidInput):
        w.policy(flatRate="abc")
    with pytest.raises(InvalidInput, match="not both"):
        w.policy(flatRate="0.001", tiers=[{"fromYuan": "0", "rate": "0.01"}])
