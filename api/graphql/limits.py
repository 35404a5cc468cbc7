"""Limits on what one request may ask (strawberry has no cost limit of its own).

`PageCostRule` bounds the product of page sizes along any path of a query: a
list of 200 people each with a list of 200 relationships… would multiply out
of all proportion, and is refused at validation, before anything reaches the
store. A list field without `first` counts as the default page (50); a list
with no paging at all (relationships, stage history…) counts as 50 too. A
connection's page counts once (not again at its `nodes`), and lists of
strings or enums count nothing."""

from __future__ import annotations

from graphql import (FieldNode, GraphQLError, GraphQLList, GraphQLNonNull, ValidationRule, get_named_type,
                     is_composite_type)
from graphql.language import IntValueNode, VariableNode

MAX_COST = 20_000
DEFAULT_PAGE = 50


def _is_list(t) -> bool:  # type: ignore[no-untyped-def]
    while isinstance(t, GraphQLNonNull):
        t = t.of_type
    return isinstance(t, GraphQLList)


class PageCostRule(ValidationRule):
    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context)
        self.stack: list[int] = [1]

    def _page(self, node: FieldNode) -> int:
        for arg in node.arguments or ():
            if arg.name.value in ("first", "limit"):
                if isinstance(arg.value, IntValueNode):
                    return max(1, int(arg.value.value))
                if isinstance(arg.value, VariableNode):
                    return 200  # the most a page may be
        return DEFAULT_PAGE

    def enter_field(self, node: FieldNode, *_args) -> None:  # type: ignore[no-untyped-def]
        field = self.context.get_field_def()
        parent_type = self.context.get_parent_type()
        parent = self.stack[-1]
        cost = parent
        if field is not None:
            named = get_named_type(field.type)
            if named.name.endswith("Connection"):
                cost = parent * self._page(node)  # the page counts once, here, not again at its nodes
            elif (_is_list(field.type) and is_composite_type(named)
                  and not (parent_type is not None and parent_type.name.endswith("Connection"))):
                cost = parent * self._page(node)  # lists of strings or enums are not lists of records
        if cost > MAX_COST:
            self.report_error(GraphQLError(
                f"this query could return up to {cost} items along one path (the limit is {MAX_COST}): "
                "ask for smaller pages or fewer nested lists", node))
            cost = parent
        self.stack.append(cost)

    def leave_field(self, *_args) -> None:  # type: ignore[no-untyped-def]
        self.stack.pop()
