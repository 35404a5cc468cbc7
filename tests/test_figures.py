"""The leaders' figures against a small data set worked out by hand.

Period: 2026-Q3 (2026-07-01 … 2026-09-30); year to date from 2026-01-01; the
same period last year 2025-07-01 … 2025-09-30. Amounts in 万元.

Units: 县政府 C; under it 投资促进局 B, 高亭乡 T, 园区 P (P has no signed project).
Targets 2026: B 1000万, signed 2, started 2; T 200万 of out-of-province funds; P 100万.

P1 (B) signed 2026-02-01, started 2026-05-01; contract 2000万, start promised 2026-04-01 (missed).
   funds 300万 (03-10), 200万 (08-15) verified; 100万 (08-20) not verified.
P2 (B) signed 2025-06-01, started 2025-09-01, in production 2026-06-01; contract 1000万, start promised
   2025-10-01, production 2026-06-30 (both kept). funds 100万 USD × 7.0 = 700万 (2025-08-01), 50万 (2026-07-05).
P3 (B) signed 2026-01-10, withdrawn 2026-04-01; contract 500万, start promised 2026-06-01 (not kept).
P4 moved from B to T; signed 2026-03-01; contract 800万, no promised dates.
   funds 100万 out of province (07-10), 40万 out of city (09-01).
P5 (P) negotiating.
"""

from decimal import Decimal

import pytest

from crm import funds, organizations, people, projects
from crm.figures.report import build_report, parse_period
from crm.pipeline import change_stage, record_contract, set_target
from crm.errors import InvalidInput

D = Decimal
WAN = 1_000_000  # fen


@pytest.fixture
def report(store):
    c = organizations.create_organization(store=store, data={"name": "县政府", "kind": "GOVERNMENT_UNIT",
                                                             "unitType": "BUREAU"}).id
    unit = lambda name, t: organizations.create_organization(store=store, data={  # noqa: E731
        "name": name, "kind": "GOVERNMENT_UNIT", "unitType": t, "parentUnitId": c}).id
    b, t, p = unit("投资促进局", "BUREAU"), unit("高亭乡", "TOWNSHIP"), unit("园区", "PARK")
    cadre = people.create_person(store=store, data={"name": "周建国", "roles": ["CADRE"]}).id

    def project(name, unit_id, industry="新材料", stage="PACKAGED", on="2025-01-01"):
        return projects.create_project(store=store, data={"name": name, "industry": industry, "stage": stage,
                                                          "stageOn": on, "responsibleUnitId": unit_id}).id

    def stage(pid, s, on, reason=None):
        change_stage(store=store, project_id=pid, data={"stage": s, "on": on, "by": cadre, "reason": reason})

    def contract(pid, signed, wan, start=None, production=None):
        record_contract(store=store, project_id=pid, data={
            "signedOn": signed, "contractedInvestment": {"amount": wan, "unit": "WAN"}, "promisedStartOn": start,
            "promisedProductionOn": production, "by": cadre})

    def arrive(pid, wan, on, origin="OUT_OF_PROVINCE", currency="CNY", verify=True):
        tr = funds.record_tranche(store=store, data={"projectId": pid, "amount": wan, "unit": "WAN", "arrivedOn": on,
                                                     "origin": origin, "currency": currency, "recordedBy": cadre})
        if verify:
            funds.verify_tranche(store=store, id=tr.id, data={"by": cadre})

    p1 = project("P1", b)
    stage(p1, "SIGNED", "2026-02-01")
    stage(p1, "STARTED", "2026-05-01")
    contract(p1, "2026-02-01", "2000", start="2026-04-01")
    arrive(p1, "300", "2026-03-10")
    arrive(p1, "200", "2026-08-15")
    arrive(p1, "100", "2026-08-20", verify=False)
    p2 = project("P2", b)
    stage(p2, "SIGNED", "2025-06-01")
    stage(p2, "STARTED", "2025-09-01")
    stage(p2, "IN_PRODUCTION", "2026-06-01")
    contract(p2, "2025-06-01", "1000", start="2025-10-01", production="2026-06-30")
    funds.record_exchange_rate(store=store, data={"currency": "USD", "on": "2025-07-01", "cnyPerUnit": "7.0",
                                                  "recordedBy": cadre})
    arrive(p2, "100", "2025-08-01", origin="FOREIGN", currency="USD")
    arrive(p2, "50", "2026-07-05")
    p3 = project("P3", b, industry="文旅")
    stage(p3, "SIGNED", "2026-01-10")
    contract(p3, "2026-01-10", "500", start="2026-06-01")
    stage(p3, "WITHDRAWN", "2026-04-01", reason="投资方资金链断裂")
    p4 = project("P4", b)
    projects.update_project(store=store, id=p4, data={"responsibleUnitId": t})  # moved from B to T
    stage(p4, "SIGNED", "2026-03-01")
    contract(p4, "2026-03-01", "800")
    arrive(p4, "100", "2026-07-10")
    arrive(p4, "40", "2026-09-01", origin="OUT_OF_CITY")
    project("P5", p, stage="NEGOTIATING")
    set_target(store=store, data={"unitId": b, "year": 2026, "fundsArrived": {"amount": "1000", "unit": "WAN"},
                                  "projectsSigned": 2, "projectsStarted": 2})
    set_target(store=store, data={"unitId": t, "year": 2026, "fundsArrived": {"amount": "200", "unit": "WAN"},
                                  "origin": "OUT_OF_PROVINCE"})
    set_target(store=store, data={"unitId": p, "year": 2026, "fundsArrived": {"amount": "100", "unit": "WAN"}})
    return build_report(store=store, period=parse_period("2026-Q3"))


def _row(report, name):
    return next(r for r in report.rows if r.figures.unit_name == name).figures


def test_bureau(report) -> None:
    f = _row(report, "投资促进局")
    assert (f.signed, f.started, f.in_production) == (3, 2, 1)  # P1, P2, P3 signed (P3 withdrawn, still counts)
    assert f.start_rate == D(2) / 3 and f.production_rate == D(1) / 3
    assert (f.due, f.fulfilled) == (3, 1)  # only P2 kept its promised dates
    assert f.contracted_fen == 3500 * WAN and f.arrived_to_date_fen == 1250 * WAN  # 500 + 700 + 50
    assert f.funds_arrival_rate == D(1250) / D(3500)
    assert f.funds_in_period_fen == 250 * WAN  # 200 (P1, 08-15) + 50 (P2, 07-05); the unverified 100 is out
    assert f.funds_year_to_date_fen == 550 * WAN and f.target_completion == D("0.55")
    assert f.funds_same_period_last_year_fen == 700 * WAN  # the USD tranche, converted
    assert f.growth == D(250 - 700) / 700
    assert (f.signed_in_year, f.started_in_year) == (2, 1)
    assert f.rank == 1


def test_township_gets_the_moved_project_and_counts_only_its_targets_origin(report) -> None:
    f = _row(report, "高亭乡")
    assert (f.signed, f.started) == (1, 0) and f.start_rate == 0  # defined: one signed, none started
    assert f.fulfilment_rate is None  # no promised date due: undefined, not 0
    assert f.funds_year_to_date_fen == 140 * WAN and f.target_funds_ytd_fen == 100 * WAN
    assert f.target_completion == D("0.5") and f.funds_arrival_rate == D(140) / D(800)
    assert f.rank == 2


def test_a_unit_with_no_signed_projects_has_undefined_rates(report) -> None:
    f = _row(report, "园区")
    assert f.signed == 0
    assert f.start_rate is None and f.production_rate is None and f.fulfilment_rate is None
    assert f.funds_arrival_rate is None and f.growth is None
    assert f.target_completion == 0 and f.rank == 3
    assert f.by_stage == {"NEGOTIATING": 1}


def test_total_covers_every_project(report) -> None:
    f = report.total.figures
    assert f.signed == 4 and f.funds_in_period_fen == 390 * WAN  # 250 + 140
    assert f.by_stage == {"STARTED": 1, "IN_PRODUCTION": 1, "WITHDRAWN": 1, "SIGNED": 1, "NEGOTIATING": 1}


def test_reports_open_as_a_leader_would_read_them(report) -> None:
    import io

    from openpyxl import load_workbook

    from crm.figures.xlsx import monthly_xlsx, quarterly_xlsx

    ws = load_workbook(io.BytesIO(monthly_xlsx(report))).active
    assert ws["A1"].value.startswith("招商引资工作月调度表") and ws["B3"].value == "单位"
    rows = {ws.cell(row=r, column=2).value: [c.value for c in ws[r]] for r in range(4, 8)}
    assert rows["投资促进局"][:6] == [1, "投资促进局", 1000, 250, 550, 0.55]
    assert rows["园区"][10] == "—" and rows["合计"][0] is None
    book = load_workbook(io.BytesIO(quarterly_xlsx(report)))
    assert book.sheetnames == ["季通报", "图表"] and len(book["图表"]._images) == 1


def test_periods() -> None:
    assert parse_period("2026-10").end.isoformat() == "2026-10-31"
    assert parse_period("2026-Q1").start.isoformat() == "2026-01-01"
    for bad in ("2026-13", "2026-Q5", "十月", "2099-01"):
        with pytest.raises(InvalidInput):
            parse_period(bad)
