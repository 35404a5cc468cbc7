"""The two reports as xlsx files, with Chinese headers, ready to print."""

from __future__ import annotations

import io
from decimal import Decimal

from crm.figures.definitions import Figures
from crm.figures.report import Report, Row

WAN = Decimal(1_000_000)  # fen in 1 万元

HEADERS = ["排名", "单位", "年度到位资金目标(万元)", "本期到位资金(万元)", "年初至今到位资金(万元)", "目标完成率",
           "同比增长", "签约项目(年内/目标)", "开工项目(年内/目标)", "合同履约率", "项目开工率", "项目投产率",
           "资金到位率", "走出去(次)", "拜访企业(家)", "接待客商(家/人)"]
WIDTHS = [6, 24, 14, 14, 16, 11, 10, 15, 15, 11, 11, 11, 11, 10, 11, 12]


def _wan(fen: int) -> Decimal:
    return (Decimal(fen) / WAN).quantize(Decimal("0.01"))


def _rate(value: Decimal | None) -> object:
    return "—" if value is None else float(value)


def _vs(done: int, target: int | None) -> str:
    return f"{done}/{target}" if target is not None else f"{done}/—"


def row_values(row: Row, *, total: bool = False) -> list[object]:
    f: Figures = row.figures
    a = row.activity
    target = f.target
    return [None if total else f.rank, f.unit_name,
            _wan(target.funds_fen) if target and target.funds_fen is not None else "—",
            _wan(f.funds_in_period_fen), _wan(f.funds_year_to_date_fen), _rate(f.target_completion), _rate(f.growth),
            _vs(f.signed_in_year, target.signed if target else None),
            _vs(f.started_in_year, target.started if target else None),
            _rate(f.fulfilment_rate), _rate(f.start_rate), _rate(f.production_rate), _rate(f.funds_arrival_rate),
            a.trips, a.enterprises_visited, a.investors_received]


def _sheet(ws, title: str, report: Report) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    scope = f"统计期间: {report.period.start} 至 {report.period.end}" + (
        f"; 产业链: {report.industry}" if report.industry else "")
    ws.append([scope])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    ws.append(HEADERS)
    thin = Side(style="thin", color="999999")
    for row in [*report.rows]:
        ws.append(row_values(row))
    ws.append(row_values(report.total, total=True))
    last = ws.max_row
    for r in ws.iter_rows(min_row=3, max_row=last):
        for c in r:
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for c in ws[3]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE7F3")
    for c in ws[last]:
        c.font = Font(bold=True)
    for r in ws.iter_rows(min_row=4, max_row=last):
        for i in (2, 3, 4):
            r[i].number_format = "#,##0.00"
        for i in (5, 6, 9, 10, 11, 12):
            r[i].number_format = "0.0%"
    for n, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[ws.cell(row=3, column=n).column_letter].width = width
    ws.append([])
    ws.append(["说明: 比率分母为0时显示“—”(无签约项目等), 不计为0。定义见系统说明(README)。"])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "3:3"


def monthly_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "月调度表"
    _sheet(ws, f"招商引资工作月调度表({report.period.label})", report)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def quarterly_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image

    from crm.figures.chart import overview_png

    wb = Workbook()
    ws = wb.active
    ws.title = "季通报"
    _sheet(ws, f"招商引资工作季度通报({report.period.label})", report)
    chart = wb.create_sheet("图表")
    chart.append([f"项目推进与单位排名({report.period.label})"])
    image = Image(io.BytesIO(overview_png(report)))
    chart.add_image(image, "A3")
    chart.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
