"""The demo's daily work and targets: 2026 targets, funds arriving in 2025 and
2026 (so that growth on last year means something), outbound visits to
Guangdong (走出去), inspections received (请进来), a fair (以会招商) and follow-ups,
some of them overdue."""

from __future__ import annotations

from collections import Counter

from crm.contacts import create_event, log_contact
from crm.funds import record_tranche, verify_tranche
from crm.pipeline import set_target
from crm.ports import GraphStore


def load_activity(*, store: GraphStore, cadres: dict[str, str], units: dict[str, str], parties: dict[str, str],
                  projects: dict[str, str], places: dict[str, str]) -> dict[str, int]:
    made: Counter[str] = Counter()
    by = cadres["zhou"]

    for unit, funds, signed, started in (("bureau", "12000", 3, 2), ("park", "6000", 2, 2),
                                         ("gaoting", "800", 1, 1), ("longbo", "1000", 1, 1)):
        set_target(store=store, data={"unitId": units[unit], "year": 2026, "projectsSigned": signed,
                                      "projectsStarted": started, "fundsArrived": {"amount": funds, "unit": "WAN"}})
        made["targets"] += 1

    for project, wan, on, origin in (("wansheng", "6000", "2025-10-12", "OUT_OF_CITY"),
                                     ("lansai", "4000", "2025-10-20", "OUT_OF_PROVINCE"),
                                     ("wansheng", "5000", "2026-03-18", "OUT_OF_CITY"),
                                     ("lansai", "3000", "2026-05-09", "OUT_OF_PROVINCE"),
                                     ("hospital", "800", "2026-06-30", "OUT_OF_CITY"),
                                     ("gaoting_plant", "600", "2026-09-12", "OUT_OF_PROVINCE"),
                                     ("lansai", "2500", "2026-10-15", "OUT_OF_PROVINCE"),
                                     ("wansheng", "3000", "2026-10-28", "OUT_OF_CITY")):
        t = record_tranche(store=store, data={"projectId": projects[project], "amount": wan, "unit": "WAN",
                                              "arrivedOn": on, "origin": origin, "recordedBy": by})
        verify_tranche(store=store, id=t.id, data={"by": by, "note": "银行进账单已核"})
        made["tranches"] += 1

    fair = create_event(store=store, data={"name": "2026中国(深圳)国际招商引资洽谈会", "kind": "FAIR",
                                           "startsOn": "2026-09-20", "endsOn": "2026-09-22",
                                           "placeId": places["shenzhen"], "organizerUnitId": units["bureau"]})
    made["events"] += 1

    def contact(kind: str, on: str, who: list[str], whom: list[str], **more: object) -> None:
        log_contact(store=store, data={"kind": kind, "on": on, "participantIds": [cadres[w] for w in who],
                                       "counterpartIds": [parties[w] for w in whom], **more})
        made["contacts"] += 1

    contact("OUTBOUND_VISIT", "2026-09-08", ["deng"], ["zhongxing", "liu_zq"], placeId=places["guangzhou"],
            summary="拜访广州中兴电子, 商谈二期扩产", outcome="INTENT", nextStep="寄送园区用地资料",
            followUpOn="2026-10-10")
    contact("OUTBOUND_VISIT", "2026-09-21", ["zhou", "li"], ["jinjiashi", "huang"], placeId=places["shenzhen"],
            eventId=fair.id, projectId=projects["sigma"], summary="洽谈会期间拜访金嘉实集团, 西格玛产业园用地方案",
            outcome="STRONG", nextStep="邀请来县考察", followUpOn="2026-10-20")
    contact("OUTBOUND_VISIT", "2026-10-14", ["deng"], ["lansai", "su"], placeId=places["guangzhou"],
            summary="回访蓝赛环保, 了解二期资金计划", outcome="INTENT", followUpOn="2026-12-05")
    contact("INBOUND_INSPECTION", "2026-10-25", ["zhou", "li"], ["jinjiashi", "huang"], placeId=places["longbo"],
            projectId=projects["sigma"], summary="金嘉实集团考察团来县实地察看园区", outcome="STRONG",
            nextStep="起草投资协议", followUpOn="2026-11-30")
    contact("INBOUND_INSPECTION", "2026-10-18", ["wang"], ["zhongxing"], placeId=places["longbo"],
            projectId=projects["gaoting_plant"], summary="中兴电子考察配套厂二期用地", outcome="INTENT")
    contact("WECHAT", "2026-11-03", ["wang"], ["liu_zq"], summary="微信沟通二期设备采购进度", outcome="WEAK")
    contact("EVENT", "2026-09-21", ["zhou", "li", "deng"], ["gd_chamber"], eventId=fair.id,
            summary="洽谈会双牌县专场推介会, 广东双牌商会组织会员企业参加", outcome="INTENT")
    return dict(made)
