"""The errors the domain raises. Only api/ turns them into GraphQL errors."""

from __future__ import annotations

from dataclasses import dataclass


class CrmError(Exception):
    """Root of every error the product reports to its users."""

    code = "CRM_ERROR"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class FieldProblem:
    field: str
    reason: str


class InvalidInput(CrmError):
    """One or more input fields are wrong; each problem names its field."""

    code = "INVALID_INPUT"

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        text = "; ".join(f"{p.field}: {p.reason}" for p in problems)
        super().__init__(f"invalid input: {text}", field=problems[0].field if problems else None)

    @classmethod
    def one(cls, field: str, reason: str) -> "InvalidInput":
        return cls([FieldProblem(field, reason)])


class NotFound(CrmError):
    """An id names nothing of the expected kind."""

    code = "NOT_FOUND"

    def __init__(self, kind: str, id_: str, *, field: str | None = None) -> None:
        super().__init__(f"no {kind} with id {id_!r}", field=field)
        self.kind = kind
        self.id = id_


class WrongKind(CrmError):
    """A relationship or reference points at a record of the wrong kind."""

    code = "WRONG_KIND"


class Conflict(CrmError):
    """The write would break a rule about what already exists."""

    code = "CONFLICT"


class StorageUnavailable(CrmError):
    """The graph engine could not be reached or failed."""

    code = "STORAGE_UNAVAILABLE"


class ReferralCycle(CrmError):
    """A referral would close a loop in the 以商招商 chain (A brought B … brought A)."""

    code = "REFERRAL_CYCLE"

    def __init__(self, names: list[str], *, field: str) -> None:
        super().__init__("this referral would close a cycle: " + " → ".join(names), field=field)
        self.names = names


class InvalidTransition(CrmError):
    """A record is not in the state the action needs (e.g. approving a paid line)."""

    code = "INVALID_TRANSITION"


class Unauthenticated(CrmError):
    code = "UNAUTHENTICATED"


class Forbidden(CrmError):
    """The signed-in user may not do this (their role, or the record is outside their unit)."""

    code = "FORBIDDEN"
