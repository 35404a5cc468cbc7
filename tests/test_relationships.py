"""Relationships: the rules table enforced, exclusivity, removal, on every engine."""

import pytest

from crm import people, projects
from crm.errors import InvalidInput, NotFound, WrongKind
from crm.models.relationships import RelationshipKind
from crm.relationships import add_relationship, relationships_of, remove_relationship
from tests.helpers import cadre, county_with_township, enterprise, unit


def _person(store, name="刘中兴", roles=("INVESTOR",)) -> str:
    return people.create_person(store=store, data={"name": name, "roles": list(roles)}).id


def _chamber(store) -> str:
    from crm import organizations

    return organizations.create_organization(store=store, data={"name": "广东双牌商会", "kind": "CHAMBER"}).id


def test_each_kind_of_tie_between_the_right_kinds(store) -> None:
    p = county_with_township(store)
    liu, he, c = _person(store), _person(store, "何志艳", ["HOMETOWN_CONTACT"]), cadre(store)
    u, company, chamber = unit(store), enterprise(store), _chamber(store)
    pr = projects.create_project(store=store, data={"name": "X", "industry": "新材料"}).id
    ties = [("WORKS_FOR", liu, company, {"title": "董事长"}), ("MEMBER_OF", liu, chamber, {"title": "会长"}),
            ("MEMBER_OF", company, chamber, {}), ("NATIVE_OF", he, p["township"], {}),
            ("LIVES_IN", he, p["guangzhou"], {}), ("WORKS_IN", he, p["guangzhou"], {}),
            ("KNOWS", he, liu, {"knowsKind": "COMRADE_IN_ARMS", "strength": 4, "since": "1998"}),
            ("BELONGS_TO", c, u, {"title": "科长"}), ("RESPONSIBLE_FOR", u, pr, {}),
            ("RESPONSIBLE_FOR", c, pr, {}), ("INVESTS_IN", company, pr, {}), ("INVESTS_IN", liu, pr, {}),
            ("LOCATED_IN", company, p["county"], {}), ("LOCATED_IN", pr, p["township"], {})]
    for kind, a, b, extra in ties:
        add_relationship(store=store, data={"kind": kind, "fromId": a, "toId": b, **extra})
    assert {t.kind for t in relationships_of(store=store, id=liu)} == {
        RelationshipKind.WORKS_FOR, RelationshipKind.MEMBER_OF, RelationshipKind.KNOWS, RelationshipKind.INVESTS_IN}
    knows = [t for t in relationships_of(store=store, id=he) if t.kind is RelationshipKind.KNOWS][0]
    assert (knows.strength, knows.since, knows.knows_kind.value) == (4, "1998", "COMRADE_IN_ARMS")
    assert sorted(projects.get_project(store=store, id=pr).investor_ids) == sorted([company, liu])


@pytest.mark.parametrize("kind,a,b,field", [
    ("BELONGS_TO", "investor", "unit", "fromId"),  # a cadre's unit: the person must be a cadre
    ("BELONGS_TO", "cadre", "company", "toId"),  # … and the unit a government unit
    ("MEMBER_OF", "investor", "company", "toId"),  # membership points at a chamber
    ("WORKS_FOR", "investor", "place", "toId"),  # works for an organization, not a place
    ("NATIVE_OF", "company", "place", "fromId"),  # only people are natives
    ("INVESTS_IN", "cadre", "project", "fromId"),  # cadres do not invest
    ("RESPONSIBLE_FOR", "company", "project", "fromId"),
])
def test_ties_between_the_wrong_kinds_are_refused(store, kind, a, b, field) -> None:
    p = county_with_township(store)
    ids = {"investor": _person(store), "cadre": cadre(store), "unit": unit(store), "company": enterprise(store),
           "place": p["county"], "project": projects.create_project(store=store, data={"name": "X", "industry": "Y"}).id}
    with pytest.raises(WrongKind) as e:
        add_relationship(store=store, data={"kind": kind, "fromId": ids[a], "toId": ids[b]})
    assert e.value.field == field
    assert all(not relationships_of(store=store, id=i) or i == p["county"] for i in ids.values())


def test_knows_needs_its_kind_and_a_strength_in_range(store) -> None:
    a, b = _person(store), _person(store, "何志艳")
    for extra, field in (({}, "knowsKind"), ({"knowsKind": "FRIEND"}, "strength"),
                         ({"knowsKind": "FRIEND", "strength": 6}, "strength"),
                         ({"knowsKind": "FRIEND", "strength": 0}, "strength")):
        with pytest.raises(InvalidInput) as e:
            add_relationship(store=store, data={"kind": "KNOWS", "fromId": a, "toId": b, **extra})
        assert e.value.problems[0].field == field
    with pytest.raises(InvalidInput):
        add_relationship(store=store, data={"kind": "KNOWS", "fromId": a, "toId": a, "knowsKind": "FRIEND",
                                            "strength": 3})
    with pytest.raises(InvalidInput) as e:
        add_relationship(store=store, data={"kind": "WORKS_FOR", "fromId": a, "toId": b, "strength": 3})
    assert e.value.field == "strength"
    assert relationships_of(store=store, id=a) == []


def test_knows_is_mutual_and_stored_once(store) -> None:
    a, b = _person(store), _person(store, "何志艳")
    add_relationship(store=store, data={"kind": "KNOWS", "fromId": b, "toId": a, "knowsKind": "FRIEND", "strength": 2})
    add_relationship(store=store, data={"kind": "KNOWS", "fromId": a, "toId": b, "knowsKind": "CLASSMATE",
                                        "strength": 5})
    ties = relationships_of(store=store, id=a)
    assert len(ties) == 1 and ties[0].strength == 5 and ties[0].knows_kind.value == "CLASSMATE"
    remove_relationship(store=store, data={"kind": "KNOWS", "fromId": b, "toId": a})
    assert relationships_of(store=store, id=a) == []


def test_a_cadre_belongs_to_one_unit(store) -> None:
    c, u1, u2 = cadre(store), unit(store), unit(store, "高亭乡人民政府", unit_type="TOWNSHIP")
    add_relationship(store=store, data={"kind": "BELONGS_TO", "fromId": c, "toId": u1})
    add_relationship(store=store, data={"kind": "BELONGS_TO", "fromId": c, "toId": u2, "title": "乡长"})
    assert people.get_person(store=store, id=c).unit_id == u2
    assert [(t.to_id, t.title) for t in relationships_of(store=store, id=c)] == [(u2, "乡长")]


def test_unknown_ids_and_missing_ties(store) -> None:
    a = _person(store)
    with pytest.raises(NotFound) as e:
        add_relationship(store=store, data={"kind": "WORKS_FOR", "fromId": a, "toId": "org_01J00000000000000000000000"})
    assert e.value.field == "toId"
    with pytest.raises(InvalidInput) as e:
        add_relationship(store=store, data={"kind": "WORKS_FOR", "fromId": "x", "toId": a})
    assert e.value.field == "fromId"
    with pytest.raises(NotFound):
        remove_relationship(store=store, data={"kind": "WORKS_FOR", "fromId": a, "toId": enterprise(store)})
