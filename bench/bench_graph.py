"""Measure the graph queries a county would run most, on the embedded engine,
against a baseline measured in the same run (listing a page of people with no
filter). Prints median milliseconds and the ratio to the baseline.

    .venv/bin/python bench/bench_graph.py [--people 2000] [--repeat 15]

Synthetic data at county scale: 30 townships, N people (a third investors, a
third hometown contacts with a native township), 150 projects with referrals
and tranches, one policy."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from crm import organizations, people, places, projects
from crm.funds import record_tranche, verify_tranche
from crm.introductions import warm_paths
from crm.referrals import register_referral
from crm.relationships import add_relationship
from crm.rewards.policies import create_policy
from crm.rewards.settlement import settle
from graph.open import open_store


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def _name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[(i * 7) % len(GIVEN)]


def build(store, n_people: int, rng: random.Random) -> dict:  # type: ignore[no-untyped-def]
    province = places.create_place(store=store, data={"name": "湖南省", "level": "PROVINCE"}).id
    city = places.create_place(store=store, data={"name": "永州市", "level": "CITY", "parentId": province}).id
    county = places.create_place(store=store, data={"name": "双牌县", "level": "COUNTY", "parentId": city}).id
    towns = [places.create_place(store=store, data={"name": f"乡镇{i}", "level": "TOWNSHIP", "parentId": county}).id
             for i in range(30)]
    unit = organizations.create_organization(store=store, data={"name": "投资促进局", "kind": "GOVERNMENT_UNIT",
                                                                 "unitType": "BUREAU"}).id
    cadre = people.create_person(store=store, data={"name": "周建国", "roles": ["CADRE"]}).id
    add_relationship(store=store, data={"kind": "BELONGS_TO", "fromId": cadre, "toId": unit})
    ids = []
    for i in range(n_people):
        roles = [["INVESTOR"], ["HOMETOWN_CONTACT"], ["INTERMEDIARY"]][i % 3]
        ids.append(people.create_person(store=store, data={
            "name": _name(i), "roles": roles, "mobiles": [f"139{i:08d}"],
            "nativePlaceId": rng.choice(towns) if i % 3 == 1 else None}).id)
    for i in range(20):
        add_relationship(store=store, data={"kind": "KNOWS", "fromId": cadre, "toId": ids[i], "knowsKind": "FRIEND",
                                            "strength": rng.randint(1, 5)})
    for i in range(n_people):
        other = rng.randrange(n_people)
        if other != i:
            add_relationship(store=store, data={"kind": "KNOWS", "fromId": ids[i], "toId": ids[other],
                                                "knowsKind": "FRIEND", "strength": rng.randint(1, 5)})
    for i in range(150):
        p = projects.create_project(store=store, data={"name": f"项目{i}", "industry": "新材料", "stage": "STARTED",
                                                       "stageOn": "2025-01-01", "responsibleUnitId": unit}).id
        register_referral(store=store, data={"introducers": [{"id": ids[i * 3]}], "projectId": p,
                                             "registeredBy": cadre, "registeredAt": "2025-01-02T09:00:00+08:00"})
        t = record_tranche(store=store, data={"projectId": p, "amount": str(rng.randint(100, 5000)), "unit": "WAN",
                                              "arrivedOn": "2025-06-01", "origin": "OUT_OF_PROVINCE",
                                              "recordedBy": cadre})
        verify_tranche(store=store, id=t.id, data={"by": cadre})
    policy = create_policy(store=store, data={"code": "B", "name": "bench", "issuerUnitId": unit,
                                              "effectiveFrom": "2024-01-01",
                                              "rules": {"flatRate": "0.001", "requireConfirmed": False}}).id
    return {"county": county, "cadre": cadre, "target": ids[-1], "policy": policy}


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"file:{Path(tmp) / 'bench.db'}", graph_name="bench")
        t0 = time.perf_counter()
        w = build(store, args.people, random.Random(7))
        print(f"loaded {args.people} people, 150 projects in {time.perf_counter() - t0:.1f} s")
        cases = {
            "baseline: a page of 50 people, no filter": lambda: people.list_people(store=store, first=50),
            "natives of the county (hierarchy)": lambda: people.list_people(store=store, native_of=w["county"], first=50),
            "search by phone (last 4 digits)": lambda: people.list_people(store=store, mobile="1234"),
            "warm paths, cadre to a person": lambda: warm_paths(store=store, from_id=w["cadre"], to_id=w["target"]),
            "settle 150 projects (nothing new)": lambda: settle(store=store, policy_id=w["policy"], year=2025),
        }
        base = None
        print(f"{'query':45} {'median ms':>10} {'× baseline':>11}")
        for name, fn in cases.items():
            ms = timed(fn, args.repeat)
            base = base or ms
            print(f"{name:45} {ms:10.2f} {ms / base:11.1f}")
        store.close()


if __name__ == "__main__":
    main()
