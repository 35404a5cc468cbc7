"""Referrals on every engine: decisions, chains, trees with totals, bad input."""

import pytest

from crm import referrals as R
from crm.errors import InvalidInput, InvalidTransition, WrongKind
from crm.models.referrals import ReferralStatus
from tests.reward_world import World


@pytest.fixture
def w(store) -> World:
    return World(store)


def test_a_rejected_referral_leaves_the_chain(w: World) -> None:
    liu, chen, p = w.person("刘中兴"), w.person("陈国富"), w.project()
    w.refer(liu, investor=chen)
    second = w.refer(chen, project=p, confirm=False)
    assert [h.introducer_name for h in R.upstream_chain(store=w.store, id=p).hops] == ["陈国富", "刘中兴"]
    rejected = R.reject_referral(store=w.store, id=second, data={"decidedBy": w.cadre, "note": "无确认函"})
    assert rejected.status is ReferralStatus.REJECTED and rejected.decision_note == "无确认函"
    assert R.upstream_chain(store=w.store, id=p).hops == []
    with pytest.raises(InvalidTransition):
        R.confirm_referral(store=w.store, id=second, data={"decidedBy": w.cadre})
    # a rejected referral no longer blocks the reverse direction
    w.refer(w.person("黄嘉实"), project=p)


def test_downstream_tree_totals_contracted_and_verified_funds(w: World) -> None:
    from crm import projects

    liu, chen = w.person("刘中兴"), w.person("陈国富")
    p = projects.create_project(store=w.store, data={"name": "甲", "industry": "新材料",
                                                     "contractedInvestment": {"amount": "2", "unit": "YI"}}).id
    w.refer(liu, investor=chen)
    w.refer(chen, project=p)
    w.funds(p, "3000")
    w.funds(p, "1000", verify=False)  # not verified: not counted
    tree = R.downstream_tree(store=w.store, id=liu, depth=2)
    assert tree.investors == 1 and tree.contracted_fen == 20_000_000_000 and tree.arrived_fen == 3_000_000_000
    assert R.downstream_tree(store=w.store, id=liu, depth=1).projects == []
    with pytest.raises(InvalidInput):
        R.downstream_tree(store=w.store, id=liu, depth=11)


def test_registration_input_rules(w: World) -> None:
    a, p = w.person("甲"), w.project()
    with pytest.raises(InvalidInput) as e:
        R.register_referral(store=w.store, data={"introducers": [{"id": a}], "registeredBy": w.cadre})
    assert e.value.field == "investorId"
    with pytest.raises(WrongKind) as e:
        R.register_referral(store=w.store, data={"introducers": [{"id": a}], "projectId": p, "registeredBy": a})
    assert e.value.field == "registeredBy"
    with pytest.raises(InvalidInput, match="listed twice"):
        R.register_referral(store=w.store, data={"introducers": [{"id": a}, {"id": a}], "projectId": p,
                                                 "registeredBy": w.cadre})
    with pytest.raises(InvalidInput, match="every co-introducer"):
        R.register_referral(store=w.store, data={"introducers": [{"id": a, "share": "1"}, {"id": w.person("乙")}],
                                                 "projectId": p, "registeredBy": w.cadre})
    assert R.referrals_for(store=w.store, target_id=p) == []
