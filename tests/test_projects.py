"""Projects: money in 元/万元/亿元, responsibility rules, filters, on every engine."""

from decimal import Decimal

import pytest

from crm import people, projects
from crm.errors import InvalidInput, WrongKind
from crm.models.projects import ProjectStage
from graph.catalogue import admin
from tests.helpers import cadre, county_with_township, enterprise, unit


def test_amounts_are_exact_in_their_units(store) -> None:
    pr = projects.create_project(store=store, data={
        "name": "汽车零部件产业园", "industry": "汽车零部件", "stage": "SIGNED",
        "totalInvestment": {"amount": "8.6", "unit": "YI"}, "contractedInvestment": {"amount": "86000", "unit": "WAN"}})
    got = projects.get_project(store=store, id=pr.id)
    assert got.total_investment.yuan == Decimal("860000000.00")
    assert got.total_investment.fen == got.contracted_investment.fen == 86_000_000_000
    assert got.total_investment.display == "8.6亿元" and got.stage is ProjectStage.SIGNED


@pytest.mark.parametrize("money,field,reason", [
    ({"amount": "-1"}, "totalInvestment.amount", "must not be negative"),
    ({"amount": "八亿"}, "totalInvestment.amount", "is not a number"),
    ({"amount": "0.001"}, "totalInvestment.amount", "finer than one fen"),
    ({"amount": "1", "currency": "USD"}, "totalInvestment.currency", "CNY"),
    ({"amount": "1", "unit": "QIAN"}, "totalInvestment.unit", "YUAN"),
])
def test_bad_amounts_name_the_field_and_write_nothing(store, money, field, reason) -> None:
    with pytest.raises(InvalidInput) as e:
        projects.create_project(store=store, data={"name": "X", "industry": "新材料", "totalInvestment": money})
    assert e.value.problems[0].field == field and reason in e.value.problems[0].reason
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 0


def test_responsibility_goes_to_a_unit_and_a_cadre(store) -> None:
    u, c, company = unit(store), cadre(store), enterprise(store)
    investor = people.create_person(store=store, data={"name": "陈国富", "roles": ["INVESTOR"]}).id
    with pytest.raises(WrongKind) as e:
        projects.create_project(store=store, data={"name": "X", "industry": "新材料", "responsibleUnitId": company})
    assert e.value.field == "responsibleUnitId"
    with pytest.raises(WrongKind) as e:
        projects.create_project(store=store, data={"name": "X", "industry": "新材料", "responsibleCadreId": investor})
    assert e.value.field == "responsibleCadreId"
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 4  # nothing half-written
    pr = projects.create_project(store=store, data={"name": "X", "industry": "新材料", "responsibleUnitId": u,
                                                    "responsibleCadreId": c})
    assert (pr.responsible_unit_id, pr.responsible_cadre_id) == (u, c)
    other = unit(store, "泷泊镇人民政府", unit_type="TOWNSHIP")
    moved = projects.update_project(store=store, id=pr.id, data={"responsibleUnitId": other})
    assert (moved.responsible_unit_id, moved.responsible_cadre_id) == (other, c)  # one unit, replaced


def test_filters(store) -> None:
    p = county_with_township(store)
    county_unit = unit(store, "双牌县人民政府")
    township_unit = unit(store, "高亭乡人民政府", parent=county_unit, unit_type="TOWNSHIP")
    projects.create_project(store=store, data={"name": "湘南烟花爆竹原材料供应大市场", "industry": "商贸物流",
                                               "stage": "NEGOTIATING", "responsibleUnitId": township_unit,
                                               "placeId": p["township"]})
    projects.create_project(store=store, data={"name": "西格玛产业园", "industry": "装备制造", "stage": "SIGNED",
                                               "responsibleUnitId": county_unit, "placeId": p["county"]})
    names = lambda **f: [x.name for x in projects.list_projects(store=store, **f).items]  # noqa: E731
    assert names(unit=county_unit) == ["湘南烟花爆竹原材料供应大市场", "西格玛产业园"]
    assert names(unit=township_unit) == ["湘南烟花爆竹原材料供应大市场"]
    assert names(stage=ProjectStage.SIGNED) == ["西格玛产业园"]
    assert names(industry="商贸物流") == ["湘南烟花爆竹原材料供应大市场"]
    assert names(located_in=p["township"]) == ["湘南烟花爆竹原材料供应大市场"]
    assert names(name="产业园") == ["西格玛产业园"]


def test_update_keeps_what_is_not_given(store) -> None:
    pr = projects.create_project(store=store, data={"name": "X", "industry": "新材料",
                                                    "totalInvestment": {"amount": "1.5", "unit": "YI"}})
    up = projects.update_project(store=store, id=pr.id, data={"contractedInvestment": {"amount": "15000", "unit": "WAN"}})
    assert up.total_investment.fen == up.contracted_investment.fen == 15_000_000_000
    assert up.stage is ProjectStage.PACKAGED and up.name == "X"
    with pytest.raises(InvalidInput) as e:
        projects.update_project(store=store, id=pr.id, data={"stage": "LANDED"})
    assert e.value.field == "stage"  # stages change by dated events only
