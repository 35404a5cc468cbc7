"""The demo data set: places, units, enterprises, chambers and projects named in
the seeds (陵县, 双牌县, 宜宾, 高亭乡, 富路车业, 金嘉实集团, 广东双牌商会 …), with
invented people (names and mobile numbers are fictitious). Loaded through the
same use cases as the API, so it is validated like any user's input."""

from __future__ import annotations

from collections import Counter

from crm.organizations import create_organization
from crm.people import create_person
from crm.pipeline import change_stage, record_contract
from crm.places import create_place
from crm.ports import GraphStore
from crm.projects import create_project
from crm.demo_activity import load_activity
from crm.funds import record_tranche, verify_tranche
from crm.referrals import confirm_referral, register_referral
from crm.relationships import add_relationship
from crm.rewards.policies import create_policy
from crm.rewards.settlement import settle


def _money(amount: str, unit: str = "WAN") -> dict[str, str]:
    return {"amount": amount, "unit": unit}


def load_demo(*, store: GraphStore) -> dict[str, int]:
    """Load the data set; returns how many records of each kind were created."""
    made: Counter[str] = Counter()

    def place(name: str, level: str, parent: str | None = None) -> str:
        made["places"] += 1
        return create_place(store=store, data={"name": name, "level": level, "parentId": parent}).id

    def org(name: str, kind: str, **more: object) -> str:
        made["organizations"] += 1
        return create_organization(store=store, data={"name": name, "kind": kind, **more}).id

    def person(name: str, roles: list[str], **more: object) -> str:
        made["people"] += 1
        return create_person(store=store, data={"name": name, "roles": roles, **more}).id

    def tie(kind: str, a: str, b: str, **more: object) -> None:
        made["relationships"] += 1
        add_relationship(store=store, data={"kind": kind, "fromId": a, "toId": b, **more})

    def project(name: str, industry: str, **more: object) -> str:
        made["projects"] += 1
        made["stage_changes"] += 1  # every project starts with its first dated stage
        return create_project(store=store, data={"name": name, "industry": industry, **more}).id

    # Places: our county (双牌县, 湖南永州) and its townships; where our people live.
    hunan = place("湖南省", "PROVINCE")
    yongzhou = place("永州市", "CITY", hunan)
    shuangpai = place("双牌县", "COUNTY", yongzhou)
    gaoting = place("高亭乡", "TOWNSHIP", shuangpai)
    longbo = place("泷泊镇", "TOWNSHIP", shuangpai)
    hejiadong = place("何家洞乡", "TOWNSHIP", shuangpai)
    guangdong = place("广东省", "PROVINCE")
    guangzhou = place("广州市", "CITY", guangdong)
    shenzhen = place("深圳市", "CITY", guangdong)
    dongguan = place("东莞市", "CITY", guangdong)
    shandong = place("山东省", "PROVINCE")
    dezhou = place("德州市", "CITY", shandong)
    lingxian = place("陵县", "COUNTY", dezhou)
    qiansun = place("前孙镇", "TOWNSHIP", lingxian)
    sichuan = place("四川省", "PROVINCE")
    yibin = place("宜宾市", "CITY", sichuan)
    jiangsu = place("江苏省", "PROVINCE")
    suzhou = place("苏州市", "CITY", jiangsu)

    # Our units: the bureau, townships under the county, the park, a squad posted in Guangdong.
    county = org("双牌县人民政府", "GOVERNMENT_UNIT", unitType="BUREAU", placeId=shuangpai)
    bureau = org("双牌县投资促进局", "GOVERNMENT_UNIT", unitType="BUREAU", placeId=shuangpai, parentUnitId=county)
    gaoting_gov = org("高亭乡人民政府", "GOVERNMENT_UNIT", unitType="TOWNSHIP", placeId=gaoting, parentUnitId=county)
    longbo_gov = org("泷泊镇人民政府", "GOVERNMENT_UNIT", unitType="TOWNSHIP", placeId=longbo, parentUnitId=county)
    park = org("双牌县工业园区管委会", "GOVERNMENT_UNIT", unitType="PARK", placeId=longbo, parentUnitId=county)
    squad = org("驻广东招商小分队", "GOVERNMENT_UNIT", unitType="SQUAD", placeId=guangzhou, parentUnitId=bureau)
    ling_bureau = org("陵县招商局", "GOVERNMENT_UNIT", unitType="BUREAU", placeId=lingxian)

    # Enterprises, chambers, an agency.
    fulu = org("富路车业有限公司", "ENTERPRISE", placeId=lingxian, creditCode="91371421MA3C4XY12R")
    jinjiashi = org("金嘉实集团有限公司", "ENTERPRISE", placeId=shenzhen)
    jincheng = org("加州锦城置业有限公司", "ENTERPRISE", placeId=yongzhou)
    lansai = org("江苏蓝赛环保新材料有限公司", "ENTERPRISE", placeId=suzhou)
    aochuang = org("湖南傲创科技有限公司", "ENTERPRISE", placeId=shuangpai)
    zhongxing = org("广州市中兴电子有限公司", "ENTERPRISE", placeId=guangzhou)
    gd_chamber = org("广东双牌商会", "CHAMBER", placeId=guangzhou,
                     notes="在粤双牌籍企业家商会; 县里选派干部挂职")
    org("省外四川商会", "CHAMBER", placeId=yibin)
    agency = org("东莞市粤湘招商服务有限公司", "AGENCY", placeId=dongguan)

    # Cadres.
    wang = person("王社华", ["CADRE"], mobiles=["13907461001"], nativePlaceId=gaoting)
    zhou = person("周建国", ["CADRE"], mobiles=["13907461002"], nativePlaceId=longbo)
    li = person("李晓梅", ["CADRE"], mobiles=["13907461003"], nativePlaceId=shuangpai)
    deng = person("邓志刚", ["CADRE"], mobiles=["13907461004"], nativePlaceId=hejiadong)
    zhao = person("赵立新", ["CADRE"], mobiles=["15305341005"], nativePlaceId=lingxian)
    for cadre, unit, title in ((wang, gaoting_gov, "乡长"), (zhou, bureau, "局长"), (li, park, "招商科科长"),
                               (deng, squad, "组长"), (zhao, ling_bureau, "副局长")):
        tie("BELONGS_TO", cadre, unit, title=title)

    # Investors, hometown contacts (在外乡贤), an intermediary.
    liu_zx = person("刘中兴", ["HOMETOWN_CONTACT", "INVESTOR"], mobiles=["13802231234"], nativePlaceId=gaoting,
                    currentCityId=guangzhou, notes="对家乡的烟花爆竹原材料市场项目很感兴趣")
    liu_zq = person("刘中庆", ["HOMETOWN_CONTACT", "INVESTOR"], mobiles=["13902245678"], nativePlaceId=gaoting,
                    currentCityId=guangzhou)
    chen = person("陈国富", ["INVESTOR"], mobiles=["13562881234"], currentCityId=lingxian)
    huang = person("黄嘉实", ["INVESTOR"], mobiles=["13823345566"], currentCityId=shenzhen)
    tang = person("唐锦城", ["INVESTOR"], mobiles=["13707461234"], currentCityId=yongzhou)
    su = person("苏蓝", ["INVESTOR"], mobiles=["13912781234"], currentCityId=suzhou)
    he = person("何志艳", ["HOMETOWN_CONTACT"], mobiles=["13926781234"], nativePlaceId=gaoting,
                currentCityId=shenzhen, notes="退伍军人, 在深圳从事物流")
    xie = person("谢永安", ["INTERMEDIARY"], mobiles=["13829871234"], currentCityId=dongguan)

    tie("WORKS_FOR", liu_zq, zhongxing, title="总经理")
    tie("WORKS_FOR", chen, fulu, title="董事长")
    tie("WORKS_FOR", huang, jinjiashi, title="董事长")
    tie("WORKS_FOR", tang, jincheng, title="总经理")
    tie("WORKS_FOR", su, lansai, title="总经理")
    tie("WORKS_FOR", xie, agency, title="招商代理")
    tie("MEMBER_OF", liu_zx, gd_chamber, title="会长")
    tie("MEMBER_OF", liu_zq, gd_chamber, title="副会长")
    tie("MEMBER_OF", he, gd_chamber, title="会员")
    tie("MEMBER_OF", zhongxing, gd_chamber)
    tie("WORKS_FOR", deng, gd_chamber, title="挂职秘书长")
    tie("KNOWS", liu_zx, liu_zq, knowsKind="RELATIVE", strength=5, note="堂兄弟")
    tie("KNOWS", wang, liu_zx, knowsKind="FELLOW_TOWNSMAN", strength=3)
    tie("KNOWS", deng, he, knowsKind="COMRADE_IN_ARMS", strength=4, since="1998")
    tie("KNOWS", he, huang, knowsKind="FRIEND", strength=2)
    tie("KNOWS", zhao, chen, knowsKind="CLASSMATE", strength=4)
    tie("KNOWS", xie, su, knowsKind="COLLEAGUE", strength=2)

    # Projects (amounts from the seeds: 8.6亿, 15亿, 1.5亿, 6400万, 6000万 …), each with its dated
    # stage history (包装 → 洽谈 → 签约 → 落地 → 开工 → 投产) and, once signed, its contract.
    def staged(name: str, industry: str, history: list[tuple[str, str]], contract: tuple | None = None,
               **more: object) -> str:
        first, on = history[0]
        pid = project(name, industry, stage=first, stageOn=on, **more)
        for stage, day in history[1:]:
            made["stage_changes"] += 1
            change_stage(store=store, project_id=pid, data={"stage": stage, "on": day, "by": zhou,
                                                            "reason": "资金链紧张, 暂缓" if stage == "STALLED" else None})
        if contract:
            signed_on, amount, start, production = contract
            record_contract(store=store, project_id=pid, data={
                "signedOn": signed_on, "contractedInvestment": amount, "promisedStartOn": start,
                "promisedProductionOn": production, "by": zhou, "landMu": "120", "investmentIntensityWanPerMu": "300",
                "plotRatio": "1.2"})
        return pid

    autoparts = staged("汽车零部件产业园", "汽车零部件",
                       [("PACKAGED", "2024-09-01"), ("NEGOTIATING", "2024-12-10"), ("SIGNED", "2025-05-18")],
                       ("2025-05-18", _money("8.6", "YI"), "2025-10-01", "2026-12-31"),
                       totalInvestment=_money("8.6", "YI"), responsibleUnitId=ling_bureau, responsibleCadreId=zhao,
                       placeId=lingxian, notes="富路车业以商招商引进")
    sigma = staged("西格玛产业园", "装备制造", [("PACKAGED", "2025-03-01"), ("NEGOTIATING", "2025-06-01")],
                   totalInvestment=_money("15", "YI"), responsibleUnitId=park, responsibleCadreId=li, placeId=longbo,
                   notes="金嘉实集团联系引进")
    wansheng = staged("万晟置业项目", "房地产",
                      [("NEGOTIATING", "2023-10-01"), ("SIGNED", "2024-03-15"), ("LANDED", "2024-06-01"),
                       ("STARTED", "2024-09-10")],
                      ("2024-03-15", _money("2.8", "YI"), "2024-10-01", "2026-06-30"),
                      totalInvestment=_money("3", "YI"), responsibleUnitId=bureau, responsibleCadreId=zhou,
                      placeId=longbo)
    hengsheng = staged("恒盛置业项目", "房地产",
                       [("NEGOTIATING", "2024-11-01"), ("SIGNED", "2025-02-18"), ("LANDED", "2025-05-20")],
                       ("2025-02-18", _money("2.5", "YI"), "2025-12-01", None),
                       totalInvestment=_money("2.5", "YI"), responsibleUnitId=bureau, responsibleCadreId=zhou,
                       placeId=longbo)
    lansai_p = staged("江苏蓝赛环保新材料项目", "新材料",
                      [("NEGOTIATING", "2025-01-15"), ("SIGNED", "2025-04-08"), ("LANDED", "2025-07-01"),
                       ("STARTED", "2025-10-15")],
                      ("2025-04-08", _money("1.5", "YI"), "2025-11-01", "2026-10-01"),
                      totalInvestment=_money("1.5", "YI"), responsibleUnitId=park, responsibleCadreId=li,
                      placeId=longbo)
    fireworks = staged("湘南烟花爆竹原材料供应大市场", "商贸物流", [("NEGOTIATING", "2025-09-01")],
                       totalInvestment=_money("12000"), responsibleUnitId=gaoting_gov, responsibleCadreId=wang,
                       placeId=gaoting, notes="在外乡贤刘中兴有意投资")
    hospital = staged("中医康复医院", "文旅康养",
                      [("SIGNED", "2023-11-01"), ("STARTED", "2024-03-01"), ("IN_PRODUCTION", "2025-06-30")],
                      ("2023-11-01", _money("6000"), "2024-03-31", "2025-12-31"),
                      totalInvestment=_money("6000"), responsibleUnitId=longbo_gov, placeId=longbo)
    farm = staged("绿野休闲农场", "现代农业", [("SIGNED", "2024-05-01"), ("STARTED", "2024-08-01")],
                  ("2024-05-01", _money("6400"), "2024-09-01", None),
                  totalInvestment=_money("6400"), responsibleUnitId=ling_bureau, placeId=qiansun)
    staged("龙洞文化艺术园", "文旅康养", [("PACKAGED", "2025-03-01")], totalInvestment=_money("5000"),
           responsibleUnitId=bureau, placeId=hejiadong)
    staged("光伏发电项目", "新能源", [("NEGOTIATING", "2025-02-01"), ("SIGNED", "2025-06-20"),
                                   ("STALLED", "2026-03-01")],
           ("2025-06-20", _money("8000"), "2025-12-31", None), totalInvestment=_money("8000"),
           responsibleUnitId=longbo_gov, placeId=longbo, notes="投资方资金链紧张, 暂缓开工")

    tie("INVESTS_IN", fulu, autoparts)
    tie("INVESTS_IN", jinjiashi, sigma)
    tie("INVESTS_IN", jincheng, wansheng)
    tie("INVESTS_IN", jincheng, hengsheng)
    tie("INVESTS_IN", lansai, lansai_p)
    tie("INVESTS_IN", liu_zx, fireworks)
    tie("INVESTS_IN", aochuang, hospital)
    tie("INVESTS_IN", chen, farm)

    people_ids = {"zhou": zhou, "wang": wang, "he": he, "tang": tang, "liu_zx": liu_zx, "xie": xie}
    projects = {"hengsheng": hengsheng, "gaoting_plant": staged(
        "高亭乡电子元器件配套厂", "电子信息",
        [("NEGOTIATING", "2025-01-10"), ("SIGNED", "2025-03-28"), ("STARTED", "2025-08-01")],
        ("2025-03-28", _money("4000"), "2025-09-01", "2026-09-30"), totalInvestment=_money("5000"),
        responsibleUnitId=gaoting_gov, responsibleCadreId=wang, placeId=gaoting,
        notes="在外乡贤刘中兴牵线, 广州中兴电子投资")}
    tie("INVESTS_IN", zhongxing, projects["gaoting_plant"])
    units = {"county": county, "gaoting": gaoting_gov}
    made.update(load_reward_scenario(store=store, people=people_ids, projects=projects, units=units,
                                     investors={"zhongxing": zhongxing}))
    made.update(load_activity(store=store, cadres={"zhou": zhou, "wang": wang, "li": li, "deng": deng, "zhao": zhao},
                              units={"bureau": bureau, "gaoting": gaoting_gov, "longbo": longbo_gov, "park": park,
                                     "squad": squad, "ling": ling_bureau},
                              parties={"jinjiashi": jinjiashi, "huang": huang, "zhongxing": zhongxing,
                                       "liu_zq": liu_zq, "lansai": lansai, "su": su, "gd_chamber": gd_chamber,
                                       "fulu": fulu, "chen": chen},
                              projects={"wansheng": wansheng, "lansai": lansai_p, "hospital": hospital,
                                        "gaoting_plant": projects["gaoting_plant"], "sigma": sigma},
                              places={"guangzhou": guangzhou, "shenzhen": shenzhen, "longbo": longbo}))
    return dict(made)


def load_reward_scenario(*, store: GraphStore, people: dict[str, str], projects: dict[str, str],
                         units: dict[str, str], investors: dict[str, str]) -> dict[str, int]:
    """以商招商 and 亲缘招商, with funds, two policies and the 2025 settlement.

    - 何志艳 (a hometown contact in Shenzhen) introduced 唐锦城 in 2023;
    - 唐锦城, whose company is already here (万晟置业), brings a second project,
      恒盛置业项目: 8000万 + 5000万 arrive in 2025;
    - 刘中兴 (a 高亭 native in Guangzhou) brings a third: his cousin's company,
      广州市中兴电子, builds a plant in 高亭乡: 3000万 arrive (and 1000万 not yet
      verified); the intermediary 谢永安 registers the same project later, so it
      is contested (撞单);
    - the county's policy pays 每10万奖100元 on landed projects, 10% to the
      introducer's own introducer (carved out); 高亭乡 adds its own, for its own
      projects, 0.0002 a 元 with a 4000元 budget for the year.
    """
    cadre = people["zhou"]
    made: Counter[str] = Counter()

    def refer(introducer: str, on: str, *, investor: str | None = None, project: str | None = None,
              letter: str | None = None, confirm: bool = True) -> str:
        reg = register_referral(store=store, data={
            "introducers": [{"id": introducer}], "investorId": investor, "projectId": project,
            "registeredBy": cadre, "registeredAt": f"{on}T10:00:00+08:00", "evidenceLetterNo": letter})
        if confirm:
            confirm_referral(store=store, id=reg.referral.id, data={"decidedBy": cadre, "note": "投资方确认函已核"})
        made["referrals"] += 1
        return reg.referral.id

    refer(people["he"], "2023-06-12", investor=people["tang"], letter="SPQR-2023-017")
    refer(people["tang"], "2025-01-08", project=projects["hengsheng"], letter="SPQR-2025-003")
    refer(people["liu_zx"], "2025-02-20", project=projects["gaoting_plant"], investor=investors["zhongxing"],
          letter="GTQR-2025-001")
    refer(people["xie"], "2025-03-15", project=projects["gaoting_plant"], confirm=False)

    def arrive(project: str, wan: str, on: str, origin: str, verify: bool = True) -> None:
        t = record_tranche(store=store, data={"projectId": project, "amount": wan, "unit": "WAN", "arrivedOn": on,
                                              "origin": origin, "recordedBy": cadre})
        if verify:
            verify_tranche(store=store, id=t.id, data={"by": cadre, "note": "银行进账单已核"})
        made["tranches"] += 1

    arrive(projects["hengsheng"], "8000", "2025-04-10", "OUT_OF_CITY")
    arrive(projects["hengsheng"], "5000", "2025-08-20", "OUT_OF_CITY")
    arrive(projects["gaoting_plant"], "3000", "2025-06-01", "OUT_OF_PROVINCE")
    arrive(projects["gaoting_plant"], "1000", "2025-11-05", "OUT_OF_PROVINCE", verify=False)

    county = create_policy(store=store, data={
        "code": "SHUANGPAI-YJJL", "name": "双牌县招商引资引荐奖励办法", "issuerUnitId": units["county"],
        "effectiveFrom": "2024-01-01", "rules": {
            "flatRate": "0.001", "requiredStage": "LANDED", "requireConfirmed": True,
            "capPerProjectYuan": "200000", "capPerIntroducerYearYuan": "150000",
            "upstream": {"fraction": "0.1", "mode": "CARVED_OUT"}}})
    township = create_policy(store=store, data={
        "code": "GAOTING-YJJL", "name": "高亭乡招商引资引荐奖励(乡自定)", "issuerUnitId": units["gaoting"],
        "effectiveFrom": "2024-01-01", "rules": {"flatRate": "0.0002", "budgetPerYearYuan": "4000",
                                                 "onlyIssuerProjects": True}})
    for policy in (county, township):
        made["policies"] += 1
        made["reward_lines"] += len(settle(store=store, policy_id=policy.id, year=2025).written)
    return dict(made)



def demo_admin(store: GraphStore) -> str:
    """A local administrator for the demo, acting as the bureau's director 周建国; returns its token."""
    from crm.accounts import create_user, issue_token
    from crm.people import list_people

    zhou = list_people(store=store, name="周建国").items
    create_user(store=store, data={"username": "admin", "displayName": "本机管理员(演示)", "role": "ADMIN",
                                   "personId": zhou[0].id if zhou else None})
    return issue_token(store=store, username="admin", days=30)[1]
