"""The reward statement of one introducer for one year (引荐奖励结算单), and its
xlsx export: every live line, with its policy, project, basis, status and why."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from crm.errors import InvalidInput
from crm.ids import IdKind, kind_of
from crm.lookup import brief
from crm.money import fen_to_yuan
from crm.ports import GraphStore
from crm.rewards.lines import LineStatus, RewardLine
from graph.catalogue import rewards as q


@dataclass(frozen=True)
class Statement:
    introducer_id: str
    introducer_name: str
    year: int
    lines: list[RewardLine]

    def total_fen(self, *statuses: LineStatus) -> int:
        return sum(x.amount_fen for x in self.lines if not statuses or x.status in statuses)


def statement(*, store: GraphStore, introducer_id: str, year: int) -> Statement:
    if kind_of(introducer_id) not in (IdKind.PERSON, IdKind.ORGANIZATION):
        raise InvalidInput.one("introducerId", "is not the id of a person or organization")
    who = brief(store, introducer_id, field="introducerId", expected=(IdKind.PERSON, IdKind.ORGANIZATION))
    rows = store.read(q.STATEMENT, {"introducer_id": introducer_id, "year": year,
                                    "superseded": LineStatus.SUPERSEDED.value})
    return Statement(introducer_id, who.name, year, [RewardLine.of(r["node"]) for r in rows])


STATUS_ZH = {"COMPUTED": "已核算", "APPROVED": "已审批", "PAID": "已支付"}
ROLE_ZH = {"DIRECT": "直接引荐", "UPSTREAM": "上家分成"}
KIND_ZH = {"CASH": "现金奖励", "RECOGNITION": "表彰(不发现金)"}


def why(line: RewardLine) -> str:
    """One sentence a person can check: policy, tier or rate, basis, split, conditions, limits."""
    e = line.explanation
    if "reason" in e:
        return e["reason"]
    parts = [f"{e['policy']['name']} v{e['policy']['version']}",
             f"{e['period']['from']}至{e['period']['to']}到位资金累计 {e['basis']['cumulativeAtYearEnd']} 元"
             f"(年初 {e['basis']['cumulativeBeforeYear']} 元)"]
    for t in e.get("tiers", []):
        if "from" in t:
            parts.append(f"{t['from']}–{t['to']} 元段 {t['on']} × {t['rate']} = {t['amount']}")
        else:
            parts.append(f"按比例 {t['on']} × {t['rate']} = {t['amount']}")
    parts.append(f"本年项目奖励 {e['reward']['thisYear']} 元")
    parts.append(f"份额 {e['split']['weight']}")
    if e.get("upstreamOf"):
        parts.append(f"作为上家分得 {e['fraction']} ({'另计' if e['mode'] == 'ON_TOP' else '从引荐人份额中划出'})")
    if e.get("upstreamShare"):
        up = e["upstreamShare"]
        parts.append(f"其中 {up['fraction']} {'另付' if up['mode'] == 'ON_TOP' else '划归'}上家 {up['to']}")
    parts += e.get("limits", [])
    if e.get("recognition"):
        parts.append(e["recognition"])
    if e.get("adjustment"):
        parts.append("调整: " + e["adjustment"])
    return "; ".join(parts)


def to_xlsx(st: Statement, project_names: dict[str, str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"{st.year}年引荐奖励"
    ws.append([f"{st.introducer_name} {st.year}年度引荐奖励结算单"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    headers = ["政策", "版本", "项目", "角色", "类别", "条目", "本年计奖基数(元)", "奖励金额(元)", "状态",
               "付款凭证号", "明细编号", "计算说明"]
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for x in st.lines:
        ws.append([x.explanation.get("policy", {}).get("name", x.policy_code), x.policy_version,
                   project_names.get(x.project_id, x.project_id), ROLE_ZH.get(x.role, x.role),
                   KIND_ZH.get(x.kind, x.kind), "调整" if x.entry.value == "ADJUSTMENT" else "原始",
                   Decimal(fen_to_yuan(x.basis_fen)), Decimal(fen_to_yuan(x.amount_fen)),
                   STATUS_ZH.get(x.status.value, x.status.value), x.payment_ref or "", x.id, why(x)])
    ws.append([])
    for label, statuses in (("合计", ()), ("其中已支付", (LineStatus.PAID,)),
                            ("待支付(已审批)", (LineStatus.APPROVED,)), ("待审批", (LineStatus.COMPUTED,))):
        ws.append(["", "", "", "", "", "", label, Decimal(fen_to_yuan(st.total_fen(*statuses)))])
    for col, width in zip("ABCDEFGHIJKL", (22, 6, 24, 10, 14, 8, 16, 14, 8, 16, 32, 90)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=4):
        row[6].number_format = row[7].number_format = "#,##0.00"
        row[11].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
