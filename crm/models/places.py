"""Places (地点): province / city / county / township, as a hierarchy.

A place points at its parent (PART_OF), so "natives of this county" includes
those of its townships. Districts (区) count as county level, towns (镇) and
street offices (街道) as township level.
"""

from __future__ import annotations

from enum import Enum

from crm.models.base import Input, PlaceName, Record


class PlaceLevel(str, Enum):
    PROVINCE = "PROVINCE"  # 省
    CITY = "CITY"  # 市
    COUNTY = "COUNTY"  # 县/区
    TOWNSHIP = "TOWNSHIP"  # 乡/镇/街道

    @property
    def rank(self) -> int:
        return list(PlaceLevel).index(self)


class PlaceCreate(Input):
    name: PlaceName
    level: PlaceLevel
    parent_id: str | None = None


class PlaceUpdate(Input):
    name: PlaceName | None = None


class Place(Record):
    id: str
    name: str
    level: PlaceLevel
    parent_id: str | None = None
