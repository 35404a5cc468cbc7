"""Pure helpers: mobile numbers, money, ids, credit codes."""

from decimal import Decimal

import pytest

from crm.ids import IdKind, kind_of, new_id
from crm.models.organizations import credit_code_check_character
from crm.money import MoneyUnit, describe_yuan, fen_to_yuan, round_to_fen, to_decimal, yuan_to_fen
from crm.phones import mask_mobile, normalise_mobile


@pytest.mark.parametrize("raw", ["13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
                                 "+8613812345678", "86-13812345678", "0086 13812345678", "(+86) 138.1234.5678"])
def test_mobile_forms_normalise_to_plus86(raw: str) -> None:
    assert normalise_mobile(raw) == "+8613812345678"


@pytest.mark.parametrize("raw,why", [("12345", "mainland China mobile"), ("23812345678", "mainland China mobile"),
                                     ("1381234567", "mainland China mobile"), ("138123456789", "mainland"),
                                     ("0731-8888888", "mainland"), ("138abcd5678", "not a phone number"),
                                     ("", "required"), ("+1 415 555 0100", "mainland")])
def test_not_a_mobile_is_refused_with_the_reason(raw: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        normalise_mobile(raw)


def test_mask_keeps_first_three_and_last_four() -> None:
    assert mask_mobile("+8613812345678") == "138****5678"


def test_amounts_in_wan_and_yi_convert_exactly_to_fen() -> None:
    assert yuan_to_fen(Decimal("8.6"), MoneyUnit.YI) == 86_000_000_000  # 8.6亿元 = 860,000,000.00 元
    assert yuan_to_fen(Decimal("6400"), MoneyUnit.WAN) == 6_400_000_000  # 6400万元
    assert yuan_to_fen(Decimal("1.2345"), MoneyUnit.WAN) == 1_234_500  # 12,345 元
    assert yuan_to_fen(Decimal("0.01")) == 1


def test_finer_than_a_fen_is_refused_not_rounded() -> None:
    with pytest.raises(ValueError, match="finer than one fen"):
        yuan_to_fen(Decimal("1.005"))
    with pytest.raises(ValueError, match="finer than one fen"):
        yuan_to_fen(Decimal("0.00000000001"), MoneyUnit.YI)  # 0.001 元 = 0.1 fen
    assert yuan_to_fen(Decimal("0.0000000001"), MoneyUnit.YI) == 1  # 0.01 元 = 1 fen


def test_floats_and_words_are_not_amounts() -> None:
    with pytest.raises(ValueError, match="not a float"):
        to_decimal(8.6)
    with pytest.raises(ValueError, match="not a number"):
        to_decimal("八亿")
    with pytest.raises(ValueError, match="finite"):
        to_decimal("NaN")


def test_rounding_rule_is_half_up_to_the_fen() -> None:
    assert round_to_fen(Decimal("0.005")) == Decimal("0.01")
    assert round_to_fen(Decimal("0.0049")) == Decimal("0.00")
    assert round_to_fen(Decimal("-0.005")) == Decimal("-0.01")


def test_display_reads_like_the_seeds() -> None:
    assert describe_yuan(86_000_000_000) == "8.6亿元"
    assert describe_yuan(6_400_000_000) == "6400万元"
    assert describe_yuan(400_000) == "4000元"
    assert fen_to_yuan(123) == Decimal("1.23")


def test_ids_carry_their_kind_and_sort_by_creation() -> None:
    a, b = new_id(IdKind.PERSON), new_id(IdKind.PERSON)
    assert kind_of(a) is IdKind.PERSON and a.startswith("per_")
    assert kind_of("per_123") is None and kind_of("nonsense") is None
    assert a < b or a[:14] == b[:14]  # same millisecond: random part decides


def test_credit_code_check_character_matches_a_published_code() -> None:
    # 914403001922038216 is a published code; its 18th character is the check.
    assert credit_code_check_character("91440300192203821") == "6"
