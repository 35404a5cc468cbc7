"""The demo data set loads through the use cases and answers the questions it is for."""

from crm import organizations, people, places, projects
from crm.demo import load_demo
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole
from graph.catalogue import admin


def test_demo_loads_and_answers(store) -> None:
    made = load_demo(store=store)
    kinds = ("places", "organizations", "people", "projects", "referrals", "tranches", "policies", "reward_lines",
             "stage_changes", "contacts", "events", "targets")
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == sum(made[k] for k in kinds)
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


def test_demo_reward_statements_read_correctly(store) -> None:
    """The seeds' scenario: an investor already here brings a second project; a
    hometown contact brings a third; 2025 settled under the county's and 高亭乡's policies."""
    load_demo(store=store)
    from crm.rewards.statement import statement, why

    def lines(name):
        pid = people.list_people(store=store, name=name).items[0].id
        return [(x.policy_code, x.role, x.amount_fen) for x in statement(store=store, introducer_id=pid, year=2025).lines]

    # 恒盛: 8000万 + 5000万 = 1.3亿 × 0.001 = 130,000; 10% carved out for 何志艳, who introduced 唐锦城
    assert lines("唐锦城") == [("SHUANGPAI-YJJL", "DIRECT", 11_700_000)]
    assert lines("何志艳") == [("SHUANGPAI-YJJL", "UPSTREAM", 1_300_000)]
    # 高亭 plant: 3000万 verified (the 1000万 not yet verified does not count): county 30,000;
    # 高亭乡 0.0002 × 3000万 = 6,000, cut to its 4,000 budget
    assert lines("刘中兴") == [("GAOTING-YJJL", "DIRECT", 400_000), ("SHUANGPAI-YJJL", "DIRECT", 3_000_000)]
    assert lines("谢永安") == []  # registered the same project later: contested
    liu = people.list_people(store=store, name="刘中兴").items[0].id
    county_line = [x for x in statement(store=store, introducer_id=liu, year=2025).lines
                   if x.policy_code == "SHUANGPAI-YJJL"][0]
    assert "双牌县招商引资引荐奖励办法" in why(county_line) and "30000000.00" in why(county_line)
