"""A small world for reward tests, built through the real use cases."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from crm import funds, people, projects
from crm import referrals as R
from crm.ports import GraphStore
from crm.rewards import lines as L
from crm.rewards.policies import create_policy
from crm.rewards.settlement import Settlement, settle
from graph.catalogue import rewards as q
from tests.helpers import unit as make_unit


class World:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.unit = make_unit(store)
        self.cadre = people.create_person(store=store, data={"name": "周建国", "roles": ["CADRE"]}).id

    def person(self, name: str, *roles: str) -> str:
        return people.create_person(store=self.store, data={"name": name, "roles": list(roles or ["INVESTOR"])}).id

    def project(self, name: str = "汽车零部件产业园", stage: str = "STARTED", signed_on: str | None = None) -> str:
        return projects.create_project(store=self.store, data={"name": name, "industry": "汽车零部件", "stage": stage,
                                                               "signedOn": signed_on}).id

    def refer(self, *introducers: str, project: str | None = None, investor: str | None = None,
              on: str = "2025-01-10", confirm: bool = True, shares: list[str] | None = None) -> str:
        intro = [{"id": i, "share": shares[n] if shares else None} for n, i in enumerate(introducers)]
        reg = R.register_referral(store=self.store, data={
            "introducers": intro, "projectId": project, "investorId": investor, "registeredBy": self.cadre,
            "registeredAt": f"{on}T09:00:00+08:00"})
        if confirm:
            R.confirm_referral(store=self.store, id=reg.referral.id, data={"decidedBy": self.cadre})
        return reg.referral.id

    def funds(self, project: str, amount: str, *, unit: str = "WAN", on: str = "2025-03-01", currency: str = "CNY",
              origin: str = "OUT_OF_PROVINCE", verify: bool = True) -> str:
        t = funds.record_tranche(store=self.store, data={
            "projectId": project, "amount": amount, "unit": unit, "currency": currency, "arrivedOn": on,
            "origin": origin, "recordedBy": self.cadre})
        if verify:
            funds.verify_tranche(store=self.store, id=t.id, data={"by": self.cadre})
        return t.id

    def policy(self, code: str = "CITY", effective_from: str = "2020-01-01", effective_to: str | None = None,
               **rules: Any) -> str:
        rules.setdefault("requireConfirmed", True)
        if "tiers" not in rules:
            rules.setdefault("flatRate", "0.001")  # 每10万奖100元
        return create_policy(store=self.store, data={
            "code": code, "name": f"{code} 引荐奖励办法", "issuerUnitId": self.unit, "effectiveFrom": effective_from,
            "effectiveTo": effective_to, "rules": rules}).id

    def settle(self, policy: str, year: int = 2025) -> Settlement:
        return settle(store=self.store, policy_id=policy, year=year, by=self.cadre)

    def lines(self, policy: str, year: int = 2025) -> list[L.RewardLine]:
        return [L.RewardLine.of(r["node"]) for r in self.store.read(q.LINES_FOR, {
            "policy_id": policy, "year": year, "superseded": L.LineStatus.SUPERSEDED.value})]

    def owed(self, policy: str, year: int = 2025) -> dict[tuple[str, str], Decimal]:
        """(introducer, role) -> total of live lines, in 元."""
        out: dict[tuple[str, str], Decimal] = {}
        for line in self.lines(policy, year):
            k = (line.introducer_id, line.role)
            out[k] = out.get(k, Decimal(0)) + Decimal(line.amount_fen) / 100
        return out
