"""Who may do what: every role against every operation, on the real embedded engine.

A denied call is refused by the permission table ("not allowed for the … role")
before its resolver runs; an allowed one gets past it (it may still fail on its
input, which is the point of sending dummy ids). Masking is checked separately."""

from __future__ import annotations

import pytest

from api.access import RULES
from api.graphql.schema import build_schema
from crm.models.accounts import Role
from tests.helpers import signed_in_client, unit

X = "per_01J00000000000000000000000"
P = "prj_01J00000000000000000000000"

OPERATIONS: dict[str, str] = {
    # queries
    "me": "{ me { username } }",
    "person": f'{{ person(id: "{X}") {{ id }} }}',
    "people": "{ people(first: 1) { nodes { id } } }",
    "organization": '{ organization(id: "org_01J00000000000000000000000") { id } }',
    "organizations": "{ organizations(first: 1) { nodes { id } } }",
    "place": '{ place(id: "plc_01J00000000000000000000000") { id } }',
    "places": "{ places(first: 1) { nodes { id } } }",
    "project": f'{{ project(id: "{P}") {{ id }} }}',
    "projects": "{ projects(first: 1) { nodes { id } } }",
    "relationships": f'{{ relationships(id: "{X}") {{ kind }} }}',
    "referral": '{ referral(id: "ref_01J00000000000000000000000") { id } }',
    "referralsFor": f'{{ referralsFor(targetId: "{P}") {{ id }} }}',
    "referralConflicts": "{ referralConflicts { targetId } }",
    "upstreamChain": f'{{ upstreamChain(id: "{P}") {{ originIds }} }}',
    "downstreamTree": f'{{ downstreamTree(id: "{X}") {{ investors }} }}',
    "projectIntroducers": f'{{ projectIntroducers(projectId: "{P}") {{ name }} }}',
    "warmPaths": f'{{ warmPaths(fromId: "{X}", toId: "{X}") {{ hops }} }}',
    "tranches": f'{{ tranches(projectId: "{P}") {{ id }} }}',
    "rewardPolicies": "{ rewardPolicies { id } }",
    "rewardLines": '{ rewardLines(policyId: "pol_01J00000000000000000000000", year: 2025) { id } }',
    "rewardStatement": f'{{ rewardStatement(introducerId: "{X}", year: 2025) {{ year }} }}',
    "stageHistory": f'{{ stageHistory(projectId: "{P}") {{ id }} }}',
    "figuresReport": '{ figuresReport(period: "2026-01") { label } }',
    "contact": '{ contact(id: "ctc_01J00000000000000000000000") { id } }',
    "event": '{ event(id: "evt_01J00000000000000000000000") { id } }',
    "timeline": f'{{ timeline(id: "{X}") {{ on }} }}',
    "followUps": "{ followUps { days } }",
    "auditTrail": "{ auditTrail(first: 1) { action } }",
    # mutations
    "createPlace": 'mutation { createPlace(input: {name: "X", level: PROVINCE}) { id } }',
    "updatePlace": 'mutation { updatePlace(id: "plc_01J00000000000000000000000", input: {name: "X"}) { id } }',
    "createPerson": 'mutation { createPerson(input: {name: "张三"}) { id } }',
    "updatePerson": f'mutation {{ updatePerson(id: "{X}", input: {{name: "张三"}}) {{ id }} }}',
    "createOrganization": 'mutation { createOrganization(input: {name: "X", kind: ENTERPRISE}) { id } }',
    "updateOrganization": 'mutation { updateOrganization(id: "org_01J00000000000000000000000", input: {name: "X"}) { id } }',
    "addRelationship": f'mutation {{ addRelationship(input: {{kind: KNOWS, fromId: "{X}", toId: "{X}"}}) {{ kind }} }}',
    "removeRelationship": f'mutation {{ removeRelationship(input: {{kind: KNOWS, fromId: "{X}", toId: "{X}"}}) }}',
    "createProject": 'mutation { createProject(input: {name: "X", industry: "Y"}) { id } }',
    "updateProject": f'mutation {{ updateProject(id: "{P}", input: {{name: "X"}}) {{ id }} }}',
    "changeProjectStage": f'mutation {{ changeProjectStage(projectId: "{P}", input: {{stage: SIGNED, on: "2025-01-01", by: "{X}"}}) {{ id }} }}',
    "recordContract": f'mutation {{ recordContract(projectId: "{P}", input: {{signedOn: "2025-01-01", contractedInvestment: {{amount: "1"}}, by: "{X}"}}) {{ id }} }}',
    "setTarget": 'mutation { setTarget(input: {unitId: "org_01J00000000000000000000000", year: 2026}) }',
    "logContact": f'mutation {{ logContact(input: {{kind: PHONE, on: "2025-01-01", participantIds: ["{X}"]}}) {{ id }} }}',
    "completeFollowUp": f'mutation {{ completeFollowUp(contactId: "ctc_01J00000000000000000000000", by: "{X}") {{ id }} }}',
    "createEvent": 'mutation { createEvent(input: {name: "X", kind: FAIR, startsOn: "2025-01-01"}) { id } }',
    "registerReferral": f'mutation {{ registerReferral(input: {{introducers: [{{id: "{X}"}}], projectId: "{P}", registeredBy: "{X}"}}) {{ contested }} }}',
    "confirmReferral": f'mutation {{ confirmReferral(id: "ref_01J00000000000000000000000", input: {{decidedBy: "{X}"}}) {{ id }} }}',
    "rejectReferral": f'mutation {{ rejectReferral(id: "ref_01J00000000000000000000000", input: {{decidedBy: "{X}"}}) {{ id }} }}',
    "agreeShares": f'mutation {{ agreeShares(input: {{targetId: "{P}", shares: [], decidedBy: "{X}"}}) {{ id }} }}',
    "recordExchangeRate": f'mutation {{ recordExchangeRate(input: {{currency: "USD", on: "2025-01-01", cnyPerUnit: "7", recordedBy: "{X}"}}) {{ id }} }}',
    "recordTranche": f'mutation {{ recordTranche(input: {{projectId: "{P}", amount: "1", arrivedOn: "2025-01-01", origin: FOREIGN, recordedBy: "{X}"}}) {{ id }} }}',
    "verifyTranche": f'mutation {{ verifyTranche(id: "ftr_01J00000000000000000000000", input: {{by: "{X}"}}) {{ id }} }}',
    "reverseTranche": f'mutation {{ reverseTranche(id: "ftr_01J00000000000000000000000", input: {{by: "{X}"}}) {{ id }} }}',
    "createRewardPolicy": 'mutation { createRewardPolicy(input: {code: "X", name: "X", issuerUnitId: "org_01J00000000000000000000000", effectiveFrom: "2025-01-01", rules: {flatRate: "0.001"}}) { id } }',
    "settleRewards": 'mutation { settleRewards(policyId: "pol_01J00000000000000000000000", year: 2025) { supersededIds } }',
    "approveRewardLines": f'mutation {{ approveRewardLines(ids: ["rwl_01J00000000000000000000000"], by: "{X}") {{ id }} }}',
    "payRewardLines": f'mutation {{ payRewardLines(ids: ["rwl_01J00000000000000000000000"], paymentRef: "R", by: "{X}") {{ id }} }}',
    "exportPerson": f'mutation {{ exportPerson(id: "{X}") }}',
    "erasePerson": f'mutation {{ erasePerson(id: "{X}", reason: "申请") }}',
}


def test_every_operation_has_a_rule_and_a_case() -> None:
    schema = build_schema()._schema
    names = set(schema.query_type.fields) | set(schema.mutation_type.fields)
    assert names == set(RULES), f"without a rule: {names - set(RULES)}; rules for nothing: {set(RULES) - names}"
    assert names == set(OPERATIONS)


@pytest.fixture(scope="module")
def clients(falkordb_server):
    from ulid import ULID

    from graph.engines.falkordb import FalkorEngine
    from graph.store import CatalogueStore

    engine = FalkorEngine(falkordb_server, f"access_{ULID()}", where="tests", query_timeout_ms=30_000)
    store = CatalogueStore(engine)
    store.bootstrap()
    u = unit(store)
    made = {role: signed_in_client(store, role.value, unit_id=u if role is Role.UNIT_STAFF else None) for role in Role}
    for c in made.values():
        c.__enter__()
    yield made
    for c in made.values():
        c.__exit__(None, None, None)
    engine.drop_graph()


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_role_against_operation(clients, role: Role, operation: str) -> None:
    body = clients[role].post("/graphql", json={"query": OPERATIONS[operation]}).json()
    denied = [e for e in body.get("errors") or [] if "not allowed for the" in e["message"]]
    if role in RULES[operation].roles:
        assert not denied, body
    else:
        assert denied and denied[0]["extensions"]["code"] == "FORBIDDEN", body


MASKING = {Role.ADMIN: True, Role.LEADER: True, Role.AUDITOR: True, Role.FINANCE: False}


@pytest.mark.parametrize("viewer", ["ADMIN", "LEADER", "AUDITOR", "FINANCE", "STAFF_SAME_UNIT", "STAFF_OTHER_UNIT"])
def test_who_sees_a_units_lead_whole(falkordb_store, viewer: str) -> None:
    from crm import people

    owner, other = unit(falkordb_store, "高亭乡人民政府", unit_type="TOWNSHIP"), unit(falkordb_store, "泷泊镇")
    lead = people.create_person(store=falkordb_store, data={"name": "刘中兴", "mobiles": ["13802231234"],
                                                           "notes": "意向强"}, owner_unit_id=owner).id
    role, unit_id, whole = {
        "STAFF_SAME_UNIT": ("UNIT_STAFF", owner, True), "STAFF_OTHER_UNIT": ("UNIT_STAFF", other, False),
    }.get(viewer, (viewer, None, MASKING.get(Role(viewer) if viewer in Role.__members__ else Role.ADMIN)))
    with signed_in_client(falkordb_store, role, unit_id=unit_id) as client:
        got = client.post("/graphql", json={"query": f'{{ person(id: "{lead}") {{ name mobiles notes }} }}'}).json()
    assert got["data"]["person"]["name"] == "刘中兴"  # existence and name: everyone
    expected = (["+8613802231234"], "意向强") if whole else (["138****1234"], None)
    assert (got["data"]["person"]["mobiles"], got["data"]["person"]["notes"]) == expected
