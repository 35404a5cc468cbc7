"""The demo data set loads through the use cases and answers the questions it is for."""

from crm import organizations, people, places, projects
from crm.demo import load_demo
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole
from graph.catalogue import admin


def test_demo_loads_and_answers(store) -> None:
    made = load_demo(store=store)
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == made["places"] + made["organizations"] + made["people"] + made["projects"]
    county = places.list_places(store=store, name="双牌县").items[0]
    natives = {p.name for p in people.list_people(store=store, native_of=county.id, first=200).items}
    assert {"刘中兴", "刘中庆", "何志艳", "王社华"} <= natives  # 高亭乡 natives count as the county's
    assert "陈国富" not in natives
    chambers = [o.name for o in organizations.list_organizations(store=store, kind=OrgKind.CHAMBER).items]
    assert "广东双牌商会" in chambers
    sigma = projects.list_projects(store=store, name="西格玛").items[0]
    assert sigma.total_investment.display == "15亿元"
    assert organizations.get_organization(store=store, id=sigma.investor_ids[0]).name == "金嘉实集团有限公司"
    bureau = organizations.list_organizations(store=store, name="双牌县人民政府").items[0]
    cadres = {p.name for p in people.list_people(store=store, unit=bureau.id, role=PersonRole.CADRE).items}
    assert cadres == {"王社华", "周建国", "李晓梅", "邓志刚"}  # the county's units and squads, not 陵县's
