"""Domain errors become GraphQL errors naming the field and the reason.

Every error carries `extensions.code`; input errors also carry `field` and
`reason` (and `problems` when several fields are wrong). Anything that is not a
CrmError or a GraphQL validation error is logged with its traceback and shown
to the client only as "internal error": no stack traces, no engine details.
"""

from __future__ import annotations

import logging

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from crm.errors import CrmError, InvalidInput

log = logging.getLogger("api.errors")


class DomainErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(error_message="internal error")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._one(e) for e in errors]

    def _one(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None:  # syntax or validation error: already says what is wrong
            return GraphQLError(error.message, nodes=error.nodes, source=error.source,
                                positions=error.positions, path=error.path,
                                extensions={"code": "GRAPHQL_VALIDATION", **(error.extensions or {})})
        if isinstance(original, CrmError):
            extensions: dict[str, object] = {"code": original.code}
            if original.field:
                extensions["field"] = original.field
            if isinstance(original, InvalidInput):
                extensions["reason"] = original.problems[0].reason
                extensions["problems"] = [{"field": p.field, "reason": p.reason} for p in original.problems]
            return GraphQLError(original.message, nodes=error.nodes, source=error.source,
                                positions=error.positions, path=error.path, extensions=extensions)
        if isinstance(original, GraphQLError):  # e.g. a scalar that could not be parsed
            return GraphQLError(error.message, nodes=error.nodes, source=error.source,
                                positions=error.positions, path=error.path,
                                extensions={"code": "GRAPHQL_VALIDATION"})
        log.error("unexpected error in %s", error.path, exc_info=original)
        masked = self.anonymise_error(error)
        masked.extensions = {"code": "INTERNAL"}
        return masked
