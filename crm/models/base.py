"""What every input model shares: camelCase field names (as GraphQL spells them),
no unknown fields, stripped strings; and the validators for names and notes."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class Input(BaseModel):
    """Base of validated inputs. Errors name fields the way the API spells them."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
    )


class Record(BaseModel):
    """Base of what the domain returns: plain, immutable values."""

    model_config = ConfigDict(frozen=True)


def _no_control_characters(value: str) -> str:
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t" for ch in value):
        raise ValueError("must not contain control characters")
    return value


# A person's name: Chinese (张三), with a middle dot for minority names
# (阿依古丽·买买提), or Latin letters; no digits or symbols.
_PERSON_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ ·•.'\-])*$")


def _person_name(value: str) -> str:
    if not _PERSON_NAME.match(value):
        raise ValueError("a person's name has letters (汉字 or Latin), spaces, '·' or '-', no digits or symbols")
    return value


PersonName = Annotated[str, Field(min_length=1, max_length=50), AfterValidator(_person_name)]
OrgName = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_no_control_characters)]
PlaceName = Annotated[str, Field(min_length=1, max_length=50), AfterValidator(_no_control_characters)]
ShortText = Annotated[str, Field(min_length=1, max_length=50), AfterValidator(_no_control_characters)]
Notes = Annotated[str, Field(max_length=5000)]
