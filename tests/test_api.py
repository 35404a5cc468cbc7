"""The GraphQL API over the real embedded engine: real query strings, real errors."""

from __future__ import annotations

import pytest

from graph.catalogue import admin
from tests.helpers import signed_in_client


@pytest.fixture
def gql(falkordb_store):
    with signed_in_client(falkordb_store) as client:
        def run(query: str, **variables):
            response = client.post("/graphql", json={"query": query, "variables": variables})
            assert response.status_code == 200, response.text
            return response.json()
        run.store = falkordb_store
        run.client = client
        yield run


def _nodes(gql) -> int:
    return gql.store.read(admin.COUNT_NODES)[0]["nodes"]


CREATE_PLACE = "mutation($i: PlaceCreateInput!) { createPlace(input: $i) { id name level } }"
CREATE_PERSON = "mutation($i: PersonCreateInput!) { createPerson(input: $i) { id name mobiles maskedMobiles roles } }"
CREATE_ORG = "mutation($i: OrganizationCreateInput!) { createOrganization(input: $i) { id name kind } }"
CREATE_PROJECT = ("mutation($i: ProjectCreateInput!) { createProject(input: $i) "
                  "{ id totalInvestment { yuan display currency } } }")
ADD_TIE = "mutation($i: RelationshipInput!) { addRelationship(input: $i) { kind fromId toId title } }"


def test_create_then_read_through_nested_fields(gql) -> None:
    province = gql(CREATE_PLACE, i={"name": "湖南省", "level": "PROVINCE"})["data"]["createPlace"]["id"]
    county = gql(CREATE_PLACE, i={"name": "双牌县", "level": "COUNTY", "parentId": province})["data"]["createPlace"]["id"]
    person = gql(CREATE_PERSON, i={"name": "刘中兴", "mobiles": ["138 0223 1234"], "roles": ["HOMETOWN_CONTACT"],
                                   "nativePlaceId": county})["data"]["createPerson"]
    assert person["mobiles"] == ["+8613802231234"] and person["maskedMobiles"] == ["138****1234"]
    chamber = gql(CREATE_ORG, i={"name": "广东双牌商会", "kind": "CHAMBER"})["data"]["createOrganization"]["id"]
    tie = gql(ADD_TIE, i={"kind": "MEMBER_OF", "fromId": person["id"], "toId": chamber, "title": "会长"})
    assert tie["data"]["addRelationship"]["title"] == "会长"
    got = gql("""query($id: ID!) { person(id: $id) { name nativePlace { name parent { name } }
                 relationships { kind to { ... on Organization { name kind } ... on Place { name } } } } }""",
              id=person["id"])
    assert got == {"data": {"person": {"name": "刘中兴", "nativePlace": {"name": "双牌县", "parent": {"name": "湖南省"}},
                                       "relationships": [{"kind": "MEMBER_OF",
                                                          "to": {"name": "广东双牌商会", "kind": "CHAMBER"}},
                                                         {"kind": "NATIVE_OF", "to": {"name": "双牌县"}}]}}}
    found = gql('{ people(filter: {nativeOf: "%s", mobile: "1234"}) { nodes { name } pageInfo { hasNextPage } } }'
                % province)
    assert found["data"]["people"] == {"nodes": [{"name": "刘中兴"}], "pageInfo": {"hasNextPage": False}}


def test_money_comes_back_exact_and_readable(gql) -> None:
    out = gql(CREATE_PROJECT, i={"name": "西格玛产业园", "industry": "装备制造",
                                 "totalInvestment": {"amount": "15", "unit": "YI"}})
    assert out["data"]["createProject"]["totalInvestment"] == {"yuan": "1500000000.00", "display": "15亿元",
                                                               "currency": "CNY"}


def _error(result) -> dict:
    assert result["data"] is None, result
    (error,) = result["errors"]
    return error


@pytest.mark.parametrize("query,variables,code,field,reason", [
    (CREATE_PERSON, {"i": {"name": "张三", "mobiles": ["12345"]}}, "INVALID_INPUT", "mobiles[0]",
     "not a mainland China mobile number"),
    (CREATE_PERSON, {"i": {"name": "张三", "nativePlaceId": "plc_01J00000000000000000000000"}}, "NOT_FOUND",
     "nativePlaceId", None),
    (CREATE_PROJECT, {"i": {"name": "X", "industry": "Y", "totalInvestment": {"amount": "-1"}}}, "INVALID_INPUT",
     "totalInvestment.amount", "must not be negative"),
    (CREATE_PROJECT, {"i": {"name": "X", "industry": "Y", "contractedInvestment": {"amount": "abc"}}},
     "INVALID_INPUT", "contractedInvestment.amount", "is not a number"),
    (CREATE_ORG, {"i": {"name": "X", "kind": "GOVERNMENT_UNIT"}}, "INVALID_INPUT", "unitType", "unit type"),
])
def test_bad_input_is_a_graphql_error_naming_field_and_reason(gql, query, variables, code, field, reason) -> None:
    error = _error(gql(query, **variables))
    assert error["extensions"]["code"] == code and error["extensions"]["field"] == field
    if reason:
        assert reason in error["extensions"]["reason"]
    assert field in error["message"] or "no place" in error["message"]
    assert _nodes(gql) == 0


def test_a_tie_between_the_wrong_kinds_is_refused_and_not_written(gql) -> None:
    investor = gql(CREATE_PERSON, i={"name": "陈国富", "roles": ["INVESTOR"]})["data"]["createPerson"]["id"]
    company = gql(CREATE_ORG, i={"name": "富路车业", "kind": "ENTERPRISE"})["data"]["createOrganization"]["id"]
    error = _error(gql(ADD_TIE, i={"kind": "BELONGS_TO", "fromId": investor, "toId": company}))
    assert error["extensions"] == {"code": "WRONG_KIND", "field": "fromId"}
    assert "cadre" in error["message"]
    assert gql("query($id: ID!) { relationships(id: $id) { kind } }", id=investor)["data"]["relationships"] == []


def test_unknown_id_on_read(gql) -> None:
    error = _error(gql('{ project(id: "prj_01J00000000000000000000000") { id } }'))
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "id"}


def test_graphql_mistakes_are_reported_as_such(gql) -> None:
    result = gql("{ people { nodes { nosuchfield } } }")
    assert result["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION"
    error = _error(gql("{ people(first: 300) { nodes { id } } }"))
    assert error["extensions"]["field"] == "first"  # pages hold at most 200
    refused = gql("{ people(first: 100000) { nodes { id } } }")["errors"][0]
    assert refused["extensions"]["code"] == "GRAPHQL_VALIDATION" and "could return up to" in refused["message"]


def test_pagination_cursor_is_opaque_and_checked(gql) -> None:
    for name in ("甲", "乙", "丙"):
        gql(CREATE_PERSON, i={"name": name})
    first = gql("{ people(first: 2) { nodes { name } pageInfo { endCursor hasNextPage } } }")["data"]["people"]
    assert [n["name"] for n in first["nodes"]] == ["甲", "乙"] and first["pageInfo"]["hasNextPage"]
    rest = gql("query($a: String) { people(first: 2, after: $a) { nodes { name } pageInfo { hasNextPage } } }",
               a=first["pageInfo"]["endCursor"])["data"]["people"]
    assert rest == {"nodes": [{"name": "丙"}], "pageInfo": {"hasNextPage": False}}
    assert _error(gql('{ people(after: "garbage") { nodes { id } } }'))["extensions"]["field"] == "after"


def test_internal_failures_are_masked(gql, monkeypatch) -> None:
    from crm import people

    def broken(**_):
        raise RuntimeError("engine said: secret internals at 0xdeadbeef")

    monkeypatch.setattr(people, "get_person", broken)
    error = _error(gql('{ person(id: "per_01J00000000000000000000000") { id } }'))
    assert error["message"] == "internal error" and error["extensions"] == {"code": "INTERNAL"}


def test_health_and_graphiql(gql) -> None:
    health = gql.client.get("/health", headers={"Authorization": ""}).json()
    assert health == {"status": "ok"}  # public, and says nothing of where the data lives
    assert "graphiql" in gql.client.get("/graphql", headers={"accept": "text/html"}).text.lower()


def test_graphiql_is_off_in_production(falkordb_store) -> None:
    with signed_in_client(falkordb_store, env="production") as client:
        assert client.get("/graphql", headers={"accept": "text/html"}).status_code != 200
