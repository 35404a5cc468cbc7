"""Users, their API tokens (only hashes are stored) and the append-only audit trail."""

from graph.statement import Statement

CREATE_USER = Statement(
    "account.create_user",
    """CREATE (u:User {id: $id, username: $username, display_name: $display_name, role: $role, active: true,
               created_at: $now})
SET u.unit_id = $unit_id, u.person_id = $person_id
RETURN u.id AS id""",
    writes=True,
)

USER_BY_NAME = Statement("account.user_by_name", "MATCH (u:User {username: $username}) RETURN properties(u) AS user")

USERS = Statement("account.users", "MATCH (u:User) RETURN properties(u) AS user ORDER BY user.username")

COUNT_USERS = Statement("account.count_users", "MATCH (u:User) RETURN count(u) AS users")

ISSUE_TOKEN = Statement(
    "account.issue_token",
    """MATCH (u:User {id: $user_id})
CREATE (t:ApiToken {id: $id, user_id: $user_id, hash: $hash, created_at: $now, expires_at: $expires_at})
RETURN t.id AS id""",
    writes=True,
)

# A token is good when its hash matches, it is not revoked, not expired, and its user is active.
TOKEN_USER = Statement(
    "account.token_user",
    """MATCH (t:ApiToken {hash: $hash})
WHERE t.revoked_at IS NULL AND t.expires_at > $now
MATCH (u:User {id: t.user_id})
WHERE u.active = true
RETURN properties(u) AS user, t.id AS token_id""",
)

REVOKE_TOKENS = Statement(
    "account.revoke_tokens",
    """MATCH (t:ApiToken)
WHERE (t.id = $token_id OR t.user_id = $user_id) AND t.revoked_at IS NULL
SET t.revoked_at = $now
RETURN count(t) AS revoked""",
    writes=True,
)

TOKENS = Statement(
    "account.tokens",
    """MATCH (t:ApiToken)
RETURN t.id AS id, t.user_id AS user_id, t.created_at AS created_at, t.expires_at AS expires_at,
       t.revoked_at AS revoked_at
ORDER BY created_at""",
)

# Append-only: there is a statement to add entries and statements to read them, none to change or delete.
AUDIT = Statement(
    "audit.append",
    """CREATE (a:AuditEntry {id: $id, at: $at, user_id: $user_id, username: $username, action: $action,
                     record_id: $record_id})
SET a.before = $before, a.after = $after, a.detail = $detail
RETURN a.id AS id""",
    writes=True,
)

AUDIT_QUERY = Statement(
    "audit.query",
    """MATCH (a:AuditEntry)
WHERE ($record_id IS NULL OR a.record_id = $record_id) AND ($user_id IS NULL OR a.user_id = $user_id)
  AND ($action IS NULL OR a.action = $action)
RETURN properties(a) AS entry
ORDER BY entry.at DESC, entry.id DESC
LIMIT $limit""",
)
