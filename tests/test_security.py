"""Accounts, unit scoping, personal data, the audit trail and the API's limits,
on the real embedded engine."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import get_settings
from crm import accounts, audit, people
from crm.models.accounts import Role
from crm.privacy import PLACEHOLDER
from tests.helpers import signed_in_client, token_for, unit
from tests.reward_world import World


def post(client, query: str, **variables) -> dict:
    return client.post("/graphql", json={"query": query, "variables": variables}).json()


def test_without_a_valid_token_nothing_but_the_error(falkordb_store) -> None:
    app = create_app(get_settings(), store=falkordb_store)
    with TestClient(app) as client:
        for header in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Bearer crm_" + "x" * 43}):
            r = client.post("/graphql", json={"query": "{ me { username } }"}, headers=header)
            assert r.status_code == 401 and set(r.json()) == {"detail"}
        assert client.get("/exports/report/2026-01.xlsx").status_code == 401
        good = token_for(falkordb_store, "LEADER", username="leader")
        ok = client.post("/graphql", json={"query": "{ me { role } }"}, headers={"Authorization": f"Bearer {good}"})
        assert ok.json() == {"data": {"me": {"role": "LEADER"}}}
        accounts.revoke(store=falkordb_store, username="leader")
        again = client.post("/graphql", json={"query": "{ me { role } }"}, headers={"Authorization": f"Bearer {good}"})
        assert again.status_code == 401
        _, expiring = accounts.issue_token(store=falkordb_store, username="leader", days=1)
        falkordb_store.engine.write("MATCH (t:ApiToken) WHERE t.revoked_at IS NULL SET t.expires_at = $past",
                                    {"past": "2020-01-01T00:00:00.000Z"})
        assert client.post("/graphql", json={"query": "{ me { role } }"},
                           headers={"Authorization": f"Bearer {expiring}"}).status_code == 401
    stored = falkordb_store.engine.read("MATCH (t:ApiToken) RETURN t.hash AS hash", {})
    assert good not in json.dumps(stored) and all(len(r["hash"]) == 64 for r in stored)  # only hashes


PERSON = "query($id: ID!) { person(id: $id) { name mobiles notes detailsWithheld ownerUnitId } }"


def test_cross_unit_read_shows_existence_and_owner_but_masks_details(falkordb_store) -> None:
    store = falkordb_store
    a, b = unit(store, "高亭乡人民政府", unit_type="TOWNSHIP"), unit(store, "泷泊镇人民政府", unit_type="TOWNSHIP")
    with signed_in_client(store, "UNIT_STAFF", unit_id=a) as staff_a, \
            signed_in_client(store, "UNIT_STAFF", unit_id=b) as staff_b, signed_in_client(store, "LEADER") as leader:
        made = post(staff_a, 'mutation { createPerson(input: {name: "刘中兴", mobiles: ["13802231234"], '
                             'roles: [INVESTOR], notes: "有意投资烟花市场"}) { id } }')["data"]["createPerson"]["id"]
        other = post(staff_b, PERSON, id=made)["data"]["person"]
        assert other == {"name": "刘中兴", "mobiles": ["138****1234"], "notes": None, "detailsWithheld": True,
                         "ownerUnitId": a}
        own = post(staff_a, PERSON, id=made)["data"]["person"]
        assert own["mobiles"] == ["+8613802231234"] and own["notes"] == "有意投资烟花市场"
        assert post(leader, PERSON, id=made)["data"]["person"]["mobiles"] == ["+8613802231234"]
        edit = post(staff_b, 'mutation($id: ID!) { updatePerson(id: $id, input: {notes: "x"}) { id } }', id=made)
        assert edit["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    reads = audit.entries(store=store, record_id=made, action="READ_MOBILE")
    assert len(reads) == 2  # staff A and the leader read it whole; staff B's masked read is not a read of the number


def test_every_change_is_audited_with_before_and_after(falkordb_store) -> None:
    with signed_in_client(falkordb_store, "ADMIN", username="root") as admin:
        pid = post(admin, 'mutation { createPerson(input: {name: "张三"}) { id } }')["data"]["createPerson"]["id"]
        post(admin, 'mutation($id: ID!) { updatePerson(id: $id, input: {name: "张三丰"}) { id } }', id=pid)
        trail = post(admin, "query($id: ID!) { auditTrail(recordId: $id) { action username before after } }", id=pid)
    update, create = trail["data"]["auditTrail"]
    assert (update["action"], update["username"]) == ("updatePerson", "root")
    assert (update["before"]["name"], update["after"]["name"]) == ("张三", "张三丰")
    assert create["before"] is None and create["after"]["name"] == "张三"
    schema = build_schema_fields()
    assert not [m for m in schema if "audit" in m.lower()]  # no mutation touches the trail


def build_schema_fields() -> list[str]:
    from api.graphql.schema import build_schema

    return list(build_schema()._schema.mutation_type.fields)


def test_erasure_keeps_reward_lines_and_leaves_no_personal_data(falkordb_store) -> None:
    w = World(falkordb_store)
    liu = people.create_person(store=w.store, data={"name": "刘中兴", "mobiles": ["13802231234"],
                                                    "roles": ["HOMETOWN_CONTACT"], "notes": "住广州天河"}).id
    chen, p = w.person("陈国富"), w.project()
    w.refer(liu, investor=chen)
    w.refer(chen, project=p)
    w.funds(p, "500")
    policy = w.policy(upstream={"fraction": "0.1", "mode": "CARVED_OUT"})
    before = {(x.introducer_id, x.amount_fen) for x in w.settle(policy).written}
    with signed_in_client(w.store, "ADMIN") as admin:
        post(admin, PERSON, id=liu)  # an audited read of the number
        done = post(admin, 'mutation($id: ID!) { erasePerson(id: $id, reason: "本人书面申请") }', id=liu)
        assert done["data"]["erasePerson"]["rewardLines"] >= 1
        again = post(admin, 'mutation($id: ID!) { erasePerson(id: $id, reason: "again") }', id=liu)
        assert again["errors"][0]["extensions"]["field"] == "id"
    assert {(x.introducer_id, x.amount_fen) for x in w.lines(policy)} == before  # reward history intact
    everything = json.dumps(w.store.engine.read("MATCH (n) RETURN properties(n) AS p", {}), ensure_ascii=False)
    for secret in ("刘中兴", "13802231234", "住广州天河"):
        assert secret not in everything
    assert people.get_person(store=w.store, id=liu).name == PLACEHOLDER
    assert audit.entries(store=w.store, record_id=liu, action="ERASE_PERSON")[0]["detail"]["reason"] == "本人书面申请"


class CountingStore:
    """The real store, counting what reaches it."""

    def __init__(self, store) -> None:
        self.store, self.engine, self.calls = store, store.engine, []

    def read(self, statement, params=None):
        self.calls.append(statement.name)
        return self.store.read(statement, params)

    def write(self, statement, params=None):
        self.calls.append(statement.name)
        return self.store.write(statement, params)


def test_deep_wide_or_huge_queries_are_refused_before_the_store(falkordb_store) -> None:
    counting = CountingStore(falkordb_store)
    token = token_for(falkordb_store, "ADMIN")
    with TestClient(create_app(get_settings(), store=counting)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        deep = "{ people { nodes { unit { parentUnit { parentUnit { parentUnit { parentUnit { parentUnit { " \
               "parentUnit { parentUnit { parentUnit { parentUnit { id } } } } } } } } } } } } }"
        aliases = "{ " + " ".join(f"a{i}: people(first: 1) {{ nodes {{ id }} }}" for i in range(40)) + " }"
        wide = "{ people(first: 200) { nodes { relationships { from { ... on Person { relationships { kind } } } } } } }"
        huge = "{ me { username } }" + " " * 10 + "# " + "x" * 20_000
        for query, words in ((deep, "exceeds maximum operation depth"), (aliases, "aliases"),
                             (wide, "could return up to")):
            counting.calls.clear()
            body = client.post("/graphql", json={"query": query}).json()
            assert words in body["errors"][0]["message"], body
            assert [c for c in counting.calls if c != "account.token_user"] == []
        assert client.post("/graphql", content=b"x" * 2_000_000,
                           headers={"content-type": "application/json"}).status_code == 413
        assert client.post("/graphql", json={"query": huge}).status_code == 200  # comments are not tokens of cost
        ordinary = "{ people(first: 50) { nodes { name mobiles roles relationships { kind } } } projects { nodes { name } } }"
        assert "errors" not in client.post("/graphql", json={"query": ordinary}).json()


def test_production_mode_hides_the_schema(falkordb_store) -> None:
    with signed_in_client(falkordb_store, env="production") as client:
        body = post(client, "{ __schema { types { name } } }")
        assert body["errors"] and "introspection" in body["errors"][0]["message"].lower()


def test_approvers_are_independent(falkordb_store) -> None:
    w = World(falkordb_store)
    chen, p = w.person("陈国富", "INVESTOR", "CADRE"), w.project()
    w.refer(chen, project=p)
    w.funds(p, "100")
    (line,) = w.settle(w.policy()).written
    with signed_in_client(w.store, "FINANCE", person_id=chen) as finance:
        body = post(finance, "mutation($ids: [ID!]!) { approveRewardLines(ids: $ids) { id } }", ids=[line.id])
        assert "you are the introducer" in body["errors"][0]["message"]
    from crm.relationships import add_relationship

    registrar_unit = unit(w.store, "财政局")
    add_relationship(store=w.store, data={"kind": "BELONGS_TO", "fromId": w.cadre, "toId": registrar_unit})
    clerk = w.person("会计", "CADRE")
    with signed_in_client(w.store, "FINANCE", person_id=clerk, unit_id=registrar_unit) as finance:
        body = post(finance, "mutation($ids: [ID!]!) { approveRewardLines(ids: $ids) { id } }", ids=[line.id])
        assert "your own unit registered" in body["errors"][0]["message"]
    assert Role.FINANCE  # the only role that may approve: see test_access
