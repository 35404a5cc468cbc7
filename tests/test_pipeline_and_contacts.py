"""Stage changes, contracts and targets; the contact log, timelines, follow-ups and counts (every engine)."""

from datetime import date, timedelta

import pytest

from crm import contacts, organizations, people, projects
from crm.errors import InvalidInput, InvalidTransition, WrongKind
from crm.figures.facts import load_units
from crm.models.projects import ProjectStage
from crm.pipeline import change_stage, record_contract, set_target, stage_history
from tests.helpers import unit

TODAY = date.today()


@pytest.fixture
def setup(store):
    bureau = unit(store, "投资促进局")
    squad = unit(store, "驻广东招商小分队", parent=bureau, unit_type="SQUAD")
    from crm.relationships import add_relationship

    cadre = people.create_person(store=store, data={"name": "邓志刚", "roles": ["CADRE"]}).id
    add_relationship(store=store, data={"kind": "BELONGS_TO", "fromId": cadre, "toId": squad})
    company = organizations.create_organization(store=store, data={"name": "中兴电子", "kind": "ENTERPRISE"}).id
    investor = people.create_person(store=store, data={"name": "刘中庆", "roles": ["INVESTOR"]}).id
    p = projects.create_project(store=store, data={"name": "配套厂", "industry": "电子信息", "stage": "NEGOTIATING",
                                                   "stageOn": "2025-01-10", "responsibleUnitId": squad}).id
    return {"store": store, "bureau": bureau, "squad": squad, "cadre": cadre, "company": company,
            "investor": investor, "project": p}


def test_stages_are_dated_events_and_may_be_skipped(setup) -> None:
    s, p, by = setup["store"], setup["project"], setup["cadre"]
    change_stage(store=s, project_id=p, data={"stage": "SIGNED", "on": "2025-03-28", "by": by})
    got = change_stage(store=s, project_id=p, data={"stage": "STARTED", "on": "2025-08-01", "by": by})  # LANDED skipped
    assert got.stage is ProjectStage.STARTED and got.signed_on == date(2025, 3, 28)
    assert [(c.stage.value, c.on.isoformat(), c.by) for c in stage_history(store=s, project_id=p)] == [
        ("NEGOTIATING", "2025-01-10", None), ("SIGNED", "2025-03-28", by), ("STARTED", "2025-08-01", by)]


@pytest.mark.parametrize("change,field,reason", [
    ({"stage": "SIGNED", "on": "2024-12-31"}, "on", "do not go backwards"),
    ({"stage": "SIGNED", "on": (TODAY + timedelta(days=2)).isoformat()}, "on", "in the future"),
    ({"stage": "WITHDRAWN", "on": "2025-02-01"}, "reason", "say why"),
    ({"stage": "NEGOTIATING", "on": "2025-02-01"}, "stage", "already"),
])
def test_stage_change_rules(setup, change, field, reason) -> None:
    with pytest.raises(InvalidInput) as e:
        change_stage(store=setup["store"], project_id=setup["project"], data={**change, "by": setup["cadre"]})
    assert e.value.problems[0].field == field and reason in e.value.problems[0].reason
    assert len(stage_history(store=setup["store"], project_id=setup["project"])) == 1


def test_only_cadres_record_stage_changes(setup) -> None:
    with pytest.raises(WrongKind):
        change_stage(store=setup["store"], project_id=setup["project"],
                     data={"stage": "SIGNED", "on": "2025-03-01", "by": setup["investor"]})


def test_contract_needs_a_signing_and_consistent_dates(setup) -> None:
    s, p, by = setup["store"], setup["project"], setup["cadre"]
    contract = {"signedOn": "2025-03-28", "contractedInvestment": {"amount": "4000", "unit": "WAN"}, "by": by,
                "promisedStartOn": "2025-09-01", "promisedProductionOn": "2026-09-30", "landMu": "80",
                "investmentIntensityWanPerMu": "50", "plotRatio": "1.2"}
    with pytest.raises(InvalidInput, match="never signed"):
        record_contract(store=s, project_id=p, data=contract)
    change_stage(store=s, project_id=p, data={"stage": "SIGNED", "on": "2025-03-28", "by": by})
    with pytest.raises(InvalidInput) as e:
        record_contract(store=s, project_id=p, data={**contract, "promisedStartOn": "2025-01-01"})
    assert e.value.field == "promisedStartOn"
    with pytest.raises(InvalidInput) as e:
        record_contract(store=s, project_id=p, data={**contract, "plotRatio": "0"})
    assert e.value.problems[0].field == "plotRatio"
    assert record_contract(store=s, project_id=p, data=contract).contracted_investment.fen == 4_000_000_000


def test_targets_belong_to_government_units(setup) -> None:
    with pytest.raises(WrongKind):
        set_target(store=setup["store"], data={"unitId": setup["company"], "year": 2026, "projectsSigned": 1})
    set_target(store=setup["store"], data={"unitId": setup["bureau"], "year": 2026, "projectsSigned": 1})
    set_target(store=setup["store"], data={"unitId": setup["bureau"], "year": 2026, "projectsSigned": 3})
    from crm.figures.facts import load_targets

    assert load_targets(setup["store"], 2026)[setup["bureau"]].signed == 3  # replaced, not added


def test_contact_log_timeline_follow_ups_and_counts(setup) -> None:
    s, by = setup["store"], setup["cadre"]
    visit = contacts.log_contact(store=s, data={
        "kind": "OUTBOUND_VISIT", "on": "2025-09-08", "participantIds": [by],
        "counterpartIds": [setup["company"], setup["investor"]], "projectId": setup["project"],
        "summary": "拜访中兴电子", "outcome": "INTENT", "nextStep": "寄送用地资料", "followUpOn": "2025-10-10"})
    assert visit.unit_ids == [setup["squad"]]  # the unit follows from the cadre
    contacts.log_contact(store=s, data={"kind": "INBOUND_INSPECTION", "on": "2025-10-18", "participantIds": [by],
                                        "counterpartIds": [setup["investor"]], "summary": "来县考察",
                                        "followUpOn": (TODAY + timedelta(days=3)).isoformat()})
    timeline = contacts.timeline(store=s, id=setup["project"])
    assert [(e.what, e.on.isoformat()) for e in timeline] == [("CONTACT", "2025-09-08"), ("STAGE", "2025-01-10")]
    assert [e.on.isoformat() for e in contacts.timeline(store=s, id=setup["investor"])] == ["2025-10-18", "2025-09-08"]
    due = contacts.follow_ups(store=s, unit_id=setup["bureau"])  # the squad is under the bureau
    assert [(f.overdue, f.contact.kind.value) for f in due] == [(True, "OUTBOUND_VISIT"), (False, "INBOUND_INSPECTION")]
    assert contacts.follow_ups(store=s, cadre_id=setup["investor"]) == []
    contacts.complete_follow_up(store=s, id=visit.id, by=by)
    assert len(contacts.follow_ups(store=s, cadre_id=by)) == 1
    with pytest.raises(InvalidTransition):
        contacts.complete_follow_up(store=s, id=visit.id, by=by)
    counts = contacts.activity(store=s, units=load_units(s), unit_id=setup["bureau"], start=date(2025, 1, 1),
                               end=date(2025, 12, 31))
    # one trip; one enterprise visited (the person met is not an enterprise); one investor received
    assert (counts.trips, counts.enterprises_visited, counts.investors_received) == (1, 1, 1)


def test_contact_input_rules(setup) -> None:
    s, by = setup["store"], setup["cadre"]
    base = {"kind": "OUTBOUND_VISIT", "on": "2025-09-08", "participantIds": [by], "counterpartIds": [setup["company"]]}
    for change, field in (({"counterpartIds": []}, "counterpartIds"), ({"followUpOn": "2025-09-01"}, "followUpOn"),
                          ({"on": (TODAY + timedelta(days=1)).isoformat()}, "on"), ({"outcome": "MAYBE"}, "outcome")):
        with pytest.raises(InvalidInput) as e:
            contacts.log_contact(store=s, data={**base, **change})
        assert e.value.problems[0].field == field
    with pytest.raises(WrongKind) as e:
        contacts.log_contact(store=s, data={**base, "participantIds": [setup["investor"]]})
    assert e.value.field == "participantIds[0]"


def test_events_group_visits_and_signings(setup) -> None:
    s, by, p = setup["store"], setup["cadre"], setup["project"]
    fair = contacts.create_event(store=s, data={"name": "深圳洽谈会", "kind": "FAIR", "startsOn": "2025-09-20",
                                                "endsOn": "2025-09-22"})
    contacts.log_contact(store=s, data={"kind": "EVENT", "on": "2025-09-21", "participantIds": [by],
                                        "eventId": fair.id, "summary": "专场推介会"})
    change_stage(store=s, project_id=p, data={"stage": "SIGNED", "on": "2025-09-21", "by": by, "eventId": fair.id})
    assert [c.summary for c in contacts.event_contacts(store=s, id=fair.id)] == ["专场推介会"]
    assert [r["project_id"] for r in contacts.event_signings(store=s, id=fair.id)] == [p]
    with pytest.raises(InvalidInput):
        contacts.create_event(store=s, data={"name": "X", "kind": "FAIR", "startsOn": "2025-09-20", "endsOn": "2025-09-01"})


def test_logged_contacts_warm_a_tie(setup) -> None:
    from crm.introductions import warm_paths
    from crm.relationships import add_relationship

    s, cadre, investor = setup["store"], setup["cadre"], setup["investor"]
    add_relationship(store=s, data={"kind": "KNOWS", "fromId": cadre, "toId": investor, "knowsKind": "FRIEND",
                                    "strength": 2})
    assert warm_paths(store=s, from_id=cadre, to_id=investor)[0].weakest == 2
    contacts.log_contact(store=s, data={"kind": "MEETING", "on": TODAY.isoformat(), "participantIds": [cadre],
                                        "counterpartIds": [investor], "summary": "面谈"})
    # a contact today adds a whole point; it fades by half every 180 days
    assert warm_paths(store=s, from_id=cadre, to_id=investor)[0].weakest == 3


def test_tie_strength_fades_by_half_every_180_days() -> None:
    from decimal import Decimal

    from crm.introductions import tie_strength

    day = date(2026, 6, 30)
    assert tie_strength(2, [], day) == Decimal("2.00")
    assert tie_strength(2, [day - timedelta(days=180)], day) == Decimal("2.50")
    assert tie_strength(2, [day - timedelta(days=360)], day) == Decimal("2.25")
    assert tie_strength(4, [day, day, day], day) == Decimal("5.00")  # never above 5
    assert tie_strength(2, [day + timedelta(days=1)], day) == Decimal("2.00")  # future contacts do not count
