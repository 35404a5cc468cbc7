"""Places: the hierarchy and its rules, on every engine."""

import pytest

from crm import places
from crm.errors import InvalidInput, NotFound
from crm.models.places import PlaceLevel
from graph.catalogue import admin
from tests.helpers import county_with_township


def test_hierarchy_and_within_filter(store) -> None:
    p = county_with_township(store)
    township = places.get_place(store=store, id=p["township"])
    assert (township.name, township.level, township.parent_id) == ("高亭乡", PlaceLevel.TOWNSHIP, p["county"])
    inside_hunan = {x.name for x in places.list_places(store=store, within=p["hunan"]).items}
    assert inside_hunan == {"湖南省", "永州市", "双牌县", "高亭乡"}
    assert [x.name for x in places.list_places(store=store, level=PlaceLevel.CITY).items] == ["永州市", "广州市"]
    assert [x.name for x in places.list_places(store=store, name="双牌").items] == ["双牌县"]


def test_pagination_walks_every_place_once(store) -> None:
    county_with_township(store)
    seen, after = [], None
    while True:
        page = places.list_places(store=store, first=4, after=after)
        seen += [x.name for x in page.items]
        if not page.has_next_page:
            break
        after = page.end_cursor
    assert seen == ["湖南省", "永州市", "双牌县", "高亭乡", "广东省", "广州市"]


@pytest.mark.parametrize("data,field,reason", [
    ({"name": "双牌县", "level": "COUNTY"}, "parentId", "needs the place it lies in"),
    ({"name": "", "level": "PROVINCE"}, "name", "at least 1 character"),
    ({"name": "X", "level": "STATE"}, "level", "PROVINCE"),
])
def test_bad_places_are_refused_naming_the_field(store, data, field, reason) -> None:
    with pytest.raises(InvalidInput) as e:
        places.create_place(store=store, data=data)
    assert e.value.problems[0].field == field and reason in e.value.problems[0].reason
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 0


def test_a_county_cannot_lie_in_a_township(store) -> None:
    p = county_with_township(store)
    with pytest.raises(InvalidInput, match="cannot lie in a township"):
        places.create_place(store=store, data={"name": "X县", "level": "COUNTY", "parentId": p["township"]})
    with pytest.raises(InvalidInput, match="a province has no parent"):
        places.create_place(store=store, data={"name": "X省", "level": "PROVINCE", "parentId": p["hunan"]})


def test_unknown_parent_is_not_found(store) -> None:
    with pytest.raises(NotFound) as e:
        places.create_place(store=store, data={"name": "X市", "level": "CITY",
                                               "parentId": "plc_01J00000000000000000000000"})
    assert e.value.field == "parentId"


def test_rename(store) -> None:
    p = county_with_township(store)
    assert places.update_place(store=store, id=p["county"], data={"name": "双牌县(新)"}).name == "双牌县(新)"
    assert places.get_place(store=store, id=p["county"]).parent_id == p["yongzhou"]
