"""Small builders for test data, through the real use cases."""

from __future__ import annotations

from crm import organizations, people, places
from crm.ports import GraphStore


def county_with_township(store: GraphStore) -> dict[str, str]:
    """湖南省 > 永州市 > 双牌县 > 高亭乡, and 广东省 > 广州市."""
    hunan = places.create_place(store=store, data={"name": "湖南省", "level": "PROVINCE"}).id
    yongzhou = places.create_place(store=store, data={"name": "永州市", "level": "CITY", "parentId": hunan}).id
    county = places.create_place(store=store, data={"name": "双牌县", "level": "COUNTY", "parentId": yongzhou}).id
    township = places.create_place(store=store, data={"name": "高亭乡", "level": "TOWNSHIP", "parentId": county}).id
    gd = places.create_place(store=store, data={"name": "广东省", "level": "PROVINCE"}).id
    gz = places.create_place(store=store, data={"name": "广州市", "level": "CITY", "parentId": gd}).id
    return {"hunan": hunan, "yongzhou": yongzhou, "county": county, "township": township, "guangdong": gd,
            "guangzhou": gz}


def unit(store: GraphStore, name: str = "双牌县投资促进局", parent: str | None = None, unit_type: str = "BUREAU") -> str:
    return organizations.create_organization(
        store=store, data={"name": name, "kind": "GOVERNMENT_UNIT", "unitType": unit_type, "parentUnitId": parent}
    ).id


def enterprise(store: GraphStore, name: str = "富路车业有限公司") -> str:
    return organizations.create_organization(store=store, data={"name": name, "kind": "ENTERPRISE"}).id


def cadre(store: GraphStore, name: str = "王社华") -> str:
    return people.create_person(store=store, data={"name": name, "roles": ["CADRE"]}).id


def token_for(store: GraphStore, role: str = "ADMIN", *, unit_id: str | None = None, person_id: str | None = None,
              username: str | None = None) -> str:
    """A user of that role (a fresh one each call) and a token for it."""
    from ulid import ULID

    from crm import accounts

    name = username or f"{role.lower()}-{str(ULID()).lower()[-8:]}"
    accounts.create_user(store=store, data={"username": name, "displayName": name, "role": role, "unitId": unit_id,
                                            "personId": person_id})
    return accounts.issue_token(store=store, username=name)[1]


def signed_in_client(store: GraphStore, role: str = "ADMIN", env: str = "development", **user: str | None):
    """A TestClient over the real app, sending a token of a user with that role."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import get_settings

    client = TestClient(create_app(get_settings(env=env), store=store))
    client.headers["Authorization"] = f"Bearer {token_for(store, role, **user)}"
    return client
