"""The leaders' reports end to end: GraphQL, the downloads, and `crm report` as the issue writes it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from crm.demo import load_demo
from tests.helpers import signed_in_client

ROOT = Path(__file__).resolve().parent.parent


def test_figures_report_over_graphql_and_downloads(falkordb_store) -> None:
    load_demo(store=falkordb_store)
    with signed_in_client(falkordb_store) as client:
        body = client.post("/graphql", json={"query": """{ figuresReport(period: "2026-Q3") {
            label rows { rank unitName startRate growth fundsYearToDate { display } targetCompletion }
            total { signed byStage { stage projects } } xlsxUrl chartUrl } }"""}).json()
        assert "errors" not in body, body
        report = body["data"]["figuresReport"]
        assert report["label"] == "2026年第3季度"
        assert [r["rank"] for r in report["rows"]] == list(range(1, len(report["rows"]) + 1))
        assert any(r["growth"] is None for r in report["rows"])  # no funds in Q3 2025: undefined, not 0
        book = load_workbook(io.BytesIO(client.get(report["xlsxUrl"]).content))
        assert book.sheetnames == ["季通报", "图表"]
        png = client.get(report["chartUrl"])
        assert png.headers["content-type"] == "image/png" and png.content[:4] == b"\x89PNG"
        bad = client.get("/exports/report/2026-Q9.xlsx")
        assert bad.status_code == 400 and bad.json()["field"] == "period"


def test_crm_report_monthly_writes_the_table(tmp_path: Path) -> None:
    env = {**os.environ, "CRM_GRAPH_URL": f"file:{tmp_path / 'data' / 'crm.db'}"}
    crm = [sys.executable, "-m", "api.cli"]
    subprocess.run([*crm, "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    out = tmp_path / "file.xlsx"
    done = subprocess.run([*crm, "report", "monthly", "2026-10", "-o", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ws = load_workbook(out).active
    assert ws["A1"].value == "招商引资工作月调度表(2026年10月)"
    assert [c.value for c in ws[3]][:3] == ["排名", "单位", "年度到位资金目标(万元)"]
    assert ws.cell(row=ws.max_row - 2, column=2).value == "合计"
    wrong = subprocess.run([*crm, "report", "monthly", "2026-Q3"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert wrong.returncode == 2
