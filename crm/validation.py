"""Turn raw input into a validated model, or an InvalidInput naming each field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from crm.errors import FieldProblem, InvalidInput

M = TypeVar("M", bound=BaseModel)


def field_path(loc: tuple[Any, ...]) -> str:
    """('mobiles', 0) -> 'mobiles[0]'; ('totalInvestment', 'amount') -> 'totalInvestment.amount'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path or "input"


def _reason(error: dict[str, Any]) -> str:
    message = str(error.get("msg", "is not valid"))
    # pydantic prefixes messages of ValueErrors raised by our validators.
    return message.removeprefix("Value error, ")


def parse(model: type[M], raw: dict[str, Any] | BaseModel) -> M:
    if isinstance(raw, model):
        return raw
    data = raw.model_dump(by_alias=True, exclude_unset=True) if isinstance(raw, BaseModel) else raw
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise InvalidInput([FieldProblem(field_path(err["loc"]), _reason(err)) for err in e.errors()]) from None
