"""Use cases for accounts: create users, issue, check and revoke API tokens.

A token is 32 random bytes (url-safe), shown once; only its SHA-256 is stored
(a token has far more entropy than a password, so a fast hash is enough)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from crm.clock import utc_now
from crm.errors import Conflict, InvalidInput, NotFound, WrongKind
from crm.ids import IdKind, new_id
from crm.lookup import brief, require_optional
from crm.models.accounts import Role, User, UserCreate
from crm.models.organizations import OrgKind
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import accounts as q

TOKEN_PREFIX = "crm_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(n: dict[str, Any]) -> User:
    return User(id=n["id"], username=n["username"], display_name=n["display_name"], role=n["role"],
                unit_id=n.get("unit_id"), person_id=n.get("person_id"), active=n.get("active", True))


def create_user(*, store: GraphStore, data: UserCreate | dict[str, Any]) -> User:
    data = parse(UserCreate, data)
    if store.read(q.USER_BY_NAME, {"username": data.username}):
        raise Conflict(f"a user named {data.username!r} exists", field="username")
    if data.role is Role.UNIT_STAFF and data.unit_id is None:
        raise InvalidInput.one("unitId", "unit staff work within a unit: name it")
    unit = require_optional(store, data.unit_id, field="unitId", expected=IdKind.ORGANIZATION)
    if unit is not None and unit.kind != OrgKind.GOVERNMENT_UNIT.value:
        raise WrongKind(f"unitId: {unit.name} is not a government unit", field="unitId")
    if data.person_id is not None:
        brief(store, data.person_id, field="personId", expected=(IdKind.PERSON,))
    id_ = new_id(IdKind.USER)
    store.write(q.CREATE_USER, {"id": id_, "username": data.username, "display_name": data.display_name,
                                "role": data.role.value, "unit_id": data.unit_id, "person_id": data.person_id,
                                "now": utc_now()})
    return user_by_name(store=store, username=data.username)


def user_by_name(*, store: GraphStore, username: str) -> User:
    rows = store.read(q.USER_BY_NAME, {"username": username})
    if not rows:
        raise NotFound("user", username, field="username")
    return _user(rows[0]["user"])


def list_users(*, store: GraphStore) -> list[User]:
    return [_user(r["user"]) for r in store.read(q.USERS)]


def issue_token(*, store: GraphStore, username: str, days: int = 90) -> tuple[str, str]:
    """(token id, the token itself: shown this once, never stored)."""
    if not 1 <= days <= 3650:
        raise InvalidInput.one("days", "a token lives 1 to 3650 days")
    user = user_by_name(store=store, username=username)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires = (datetime.now(UTC) + timedelta(days=days)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    id_ = new_id(IdKind.TOKEN)
    store.write(q.ISSUE_TOKEN, {"id": id_, "user_id": user.id, "hash": _hash(token), "now": utc_now(),
                                "expires_at": expires})
    return id_, token


def authenticate(*, store: GraphStore, token: str | None) -> User | None:
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    rows = store.read(q.TOKEN_USER, {"hash": _hash(token), "now": utc_now()})
    return _user(rows[0]["user"]) if rows else None


def revoke(*, store: GraphStore, username: str | None = None, token_id: str | None = None) -> int:
    user_id = user_by_name(store=store, username=username).id if username else None
    if user_id is None and token_id is None:
        raise InvalidInput.one("username", "name a user or a token id")
    return store.write(q.REVOKE_TOKENS, {"user_id": user_id, "token_id": token_id, "now": utc_now()})[0]["revoked"]


def has_users(*, store: GraphStore) -> bool:
    return store.read(q.COUNT_USERS)[0]["users"] > 0
