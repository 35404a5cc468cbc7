"""People: validation, places, roles, search by name and phone, on every engine."""

import pytest

from crm import people
from crm.errors import InvalidInput, NotFound, WrongKind
from crm.models.people import PersonRole
from graph.catalogue import admin
from tests.helpers import cadre, county_with_township, unit


def test_create_normalises_and_reads_back(store) -> None:
    p = county_with_township(store)
    person = people.create_person(store=store, data={
        "name": "刘中兴", "mobiles": ["138 0223 1234", "+86 139-0224-5678", "13802231234"],
        "roles": ["HOMETOWN_CONTACT", "INVESTOR", "INVESTOR"], "nativePlaceId": p["township"],
        "currentCityId": p["guangzhou"], "notes": "在广州经营电子厂"})
    got = people.get_person(store=store, id=person.id)
    assert got.mobiles == ["+8613802231234", "+8613902245678"]  # normalised, duplicates dropped
    assert got.roles == [PersonRole.HOMETOWN_CONTACT, PersonRole.INVESTOR]
    assert (got.native_place_id, got.current_city_id) == (p["township"], p["guangzhou"])
    assert got.notes == "在广州经营电子厂" and got.created_at == got.updated_at


@pytest.mark.parametrize("name", ["阿依古丽·买买提", "欧阳 修", "John Smith", "李"])
def test_names_that_are_names(store, name) -> None:
    assert people.create_person(store=store, data={"name": name}).name == name


@pytest.mark.parametrize("data,field", [
    ({"name": "张三3"}, "name"), ({"name": "张" * 51}, "name"), ({"name": ""}, "name"),
    ({"name": "张三", "mobiles": ["12345"]}, "mobiles[0]"),
    ({"name": "张三", "mobiles": ["13812345678", "call me"]}, "mobiles[1]"),
    ({"name": "张三", "roles": ["BOSS"]}, "roles[0]"),
    ({"name": "张三", "age": 40}, "age"),
])
def test_bad_input_names_the_field_and_writes_nothing(store, data, field) -> None:
    with pytest.raises(InvalidInput) as e:
        people.create_person(store=store, data=data)
    assert e.value.problems[0].field == field
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 0


def test_a_place_id_must_name_a_place(store) -> None:
    u = unit(store)
    with pytest.raises(WrongKind) as e:
        people.create_person(store=store, data={"name": "张三", "nativePlaceId": u})
    assert e.value.field == "nativePlaceId"
    with pytest.raises(NotFound):
        people.create_person(store=store, data={"name": "张三", "nativePlaceId": "plc_01J00000000000000000000000"})
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 1  # only the unit


def test_update_changes_only_what_is_given(store) -> None:
    p = county_with_township(store)
    person = people.create_person(store=store, data={"name": "刘中兴", "mobiles": ["13802231234"],
                                                     "nativePlaceId": p["township"], "notes": "a"})
    moved = people.update_person(store=store, id=person.id, data={"currentCityId": p["guangzhou"]})
    assert moved.mobiles == ["+8613802231234"] and moved.notes == "a" and moved.native_place_id == p["township"]
    assert moved.current_city_id == p["guangzhou"]
    again = people.update_person(store=store, id=person.id, data={"nativePlaceId": p["county"], "mobiles": []})
    assert again.native_place_id == p["county"] and again.mobiles == []
    assert again.updated_at >= again.created_at
    with pytest.raises(NotFound):
        people.update_person(store=store, id="per_01J00000000000000000000000", data={"name": "X"})


def test_filters_natives_of_a_county_include_its_townships(store) -> None:
    p = county_with_township(store)
    township_native = people.create_person(store=store, data={"name": "刘中兴", "nativePlaceId": p["township"],
                                                              "roles": ["HOMETOWN_CONTACT"]})
    county_native = people.create_person(store=store, data={"name": "何志艳", "nativePlaceId": p["county"]})
    people.create_person(store=store, data={"name": "陈国富", "roles": ["INVESTOR"],
                                            "currentCityId": p["guangzhou"]})
    natives = [x.id for x in people.list_people(store=store, native_of=p["county"]).items]
    assert natives == [township_native.id, county_native.id]
    assert [x.name for x in people.list_people(store=store, native_of=p["township"]).items] == ["刘中兴"]
    assert [x.name for x in people.list_people(store=store, lives_in=p["guangdong"]).items] == ["陈国富"]
    assert [x.name for x in people.list_people(store=store, role=PersonRole.INVESTOR).items] == ["陈国富"]


def test_cadres_of_a_unit_include_its_sub_units(store) -> None:
    from crm.relationships import add_relationship

    county = unit(store, "双牌县人民政府")
    township = unit(store, "高亭乡人民政府", parent=county, unit_type="TOWNSHIP")
    a, b = cadre(store, "王社华"), cadre(store, "周建国")
    add_relationship(store=store, data={"kind": "BELONGS_TO", "fromId": a, "toId": township})
    add_relationship(store=store, data={"kind": "BELONGS_TO", "fromId": b, "toId": county})
    assert {x.name for x in people.list_people(store=store, unit=county).items} == {"王社华", "周建国"}
    assert [x.name for x in people.list_people(store=store, unit=township).items] == ["王社华"]
    with pytest.raises(InvalidInput, match="belongs to a unit"):
        people.update_person(store=store, id=a, data={"roles": ["INVESTOR"]})


def test_search_by_part_of_name_and_by_phone(store) -> None:
    people.create_person(store=store, data={"name": "刘中兴", "mobiles": ["13802231234"]})
    people.create_person(store=store, data={"name": "刘中庆", "mobiles": ["13902245678"]})
    people.create_person(store=store, data={"name": "黄嘉实", "mobiles": ["13823345566"]})
    assert [x.name for x in people.list_people(store=store, name="刘中").items] == ["刘中兴", "刘中庆"]
    assert [x.name for x in people.list_people(store=store, mobile="+86 139-0224-5678").items] == ["刘中庆"]
    assert [x.name for x in people.list_people(store=store, mobile="5566").items] == ["黄嘉实"]
    assert people.list_people(store=store, mobile="13800000000").items == []
    with pytest.raises(InvalidInput) as e:
        people.list_people(store=store, mobile="12")
    assert e.value.field == "mobile"
