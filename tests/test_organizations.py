"""Organizations: kinds, unit hierarchy, credit codes, on every engine."""

import pytest

from crm import organizations
from crm.errors import InvalidInput, WrongKind
from crm.models.organizations import OrgKind, UnitType
from graph.catalogue import admin
from tests.helpers import county_with_township, enterprise, unit


def test_units_form_a_hierarchy(store) -> None:
    county = unit(store, "双牌县人民政府")
    bureau = unit(store, "双牌县投资促进局", parent=county)
    squad = unit(store, "驻广东招商小分队", parent=bureau, unit_type="SQUAD")
    unit(store, "陵县招商局")
    assert organizations.get_organization(store=store, id=squad).parent_unit_id == bureau
    within = [o.name for o in organizations.list_organizations(store=store, within_unit=county).items]
    assert within == ["双牌县人民政府", "双牌县投资促进局", "驻广东招商小分队"]
    squads = organizations.list_organizations(store=store, unit_type=UnitType.SQUAD).items
    assert [o.id for o in squads] == [squad]


def test_a_unit_cannot_sit_under_itself_or_its_sub_unit(store) -> None:
    county = unit(store, "双牌县人民政府")
    bureau = unit(store, "双牌县投资促进局", parent=county)
    for parent in (county, bureau):
        with pytest.raises(InvalidInput) as e:
            organizations.update_organization(store=store, id=county, data={"parentUnitId": parent})
        assert e.value.field == "parentUnitId"
    assert organizations.get_organization(store=store, id=county).parent_unit_id is None


def test_only_government_units_have_unit_types_and_parents(store) -> None:
    company = enterprise(store)
    with pytest.raises(InvalidInput) as e:
        organizations.create_organization(store=store, data={"name": "X", "kind": "GOVERNMENT_UNIT"})
    assert e.value.field == "unitType"
    with pytest.raises(InvalidInput) as e:
        organizations.create_organization(store=store, data={"name": "X", "kind": "ENTERPRISE", "unitType": "PARK"})
    assert e.value.field == "unitType"
    with pytest.raises(WrongKind) as e:
        unit(store, "X局", parent=company)
    assert e.value.field == "parentUnitId"
    with pytest.raises(InvalidInput):
        organizations.update_organization(store=store, id=company, data={"unitType": "PARK"})
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 1


def test_credit_code_is_checked(store) -> None:
    ok = organizations.create_organization(store=store, data={
        "name": "富路车业有限公司", "kind": "ENTERPRISE", "creditCode": "91371421ma3c4xy12r"})
    assert ok.credit_code == "91371421MA3C4XY12R"
    with pytest.raises(InvalidInput, match="check character"):
        organizations.create_organization(store=store, data={
            "name": "X", "kind": "ENTERPRISE", "creditCode": "91371421MA3C4XY12A"})


def test_filters_by_kind_place_and_name(store) -> None:
    p = county_with_township(store)
    organizations.create_organization(store=store, data={"name": "广东双牌商会", "kind": "CHAMBER",
                                                         "placeId": p["guangzhou"]})
    organizations.create_organization(store=store, data={"name": "富路车业有限公司", "kind": "ENTERPRISE",
                                                         "placeId": p["township"]})
    assert [o.name for o in organizations.list_organizations(store=store, kind=OrgKind.CHAMBER).items] == [
        "广东双牌商会"]
    assert [o.name for o in organizations.list_organizations(store=store, located_in=p["hunan"]).items] == [
        "富路车业有限公司"]
    assert [o.name for o in organizations.list_organizations(store=store, name="双牌").items] == ["广东双牌商会"]
    moved = organizations.update_organization(store=store, id=organizations.list_organizations(
        store=store, name="富路").items[0].id, data={"placeId": p["guangzhou"], "notes": "迁址"})
    assert moved.place_id == p["guangzhou"] and moved.notes == "迁址"
