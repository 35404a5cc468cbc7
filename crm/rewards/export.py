"""The statement as an xlsx file, named as a person would save it."""

from __future__ import annotations

from crm.ports import GraphStore
from crm.projects import get_projects
from crm.rewards.statement import statement, to_xlsx


def statement_xlsx(*, store: GraphStore, introducer_id: str, year: int) -> tuple[str, bytes]:
    st = statement(store=store, introducer_id=introducer_id, year=year)
    names = {pid: p.name for pid, p in get_projects(store=store, ids=sorted({x.project_id for x in st.lines})).items()}
    return f"{st.introducer_name}_{year}年引荐奖励结算单.xlsx", to_xlsx(st, names)
