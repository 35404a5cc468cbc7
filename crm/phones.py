"""Mobile numbers of mainland China, normalised to +86 and 11 digits.

Accepted: 13812345678, 138 1234 5678, 138-1234-5678, +86 138 1234 5678,
86-13812345678, 0086 13812345678. Mainland mobile numbers have 11 digits and
start with 1 followed by 3-9. Anything else is refused with the reason.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-().]")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalise_mobile(raw: str) -> str:
    """'+86 138-1234-5678' -> '+8613812345678'; ValueError says what is wrong."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError("a mobile number is required")
    digits = _SEPARATORS.sub("", raw.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    elif digits.startswith("+") or digits.startswith("00"):
        raise ValueError(f"{raw!r} is not a mainland China mobile number: only +86 numbers are accepted")
    if not digits.isdigit():
        raise ValueError(f"{raw!r} is not a phone number: only digits, spaces, '-' and a +86 prefix are allowed")
    if not _MOBILE.match(digits):
        raise ValueError(
            f"{raw!r} is not a mainland China mobile number (11 digits starting 13-19)"
        )
    return "+86" + digits


def mask_mobile(normalised: str) -> str:
    """'+8613812345678' -> '138****5678' (for readers who may not see it whole)."""
    local = normalised[3:] if normalised.startswith("+86") else normalised
    return f"{local[:3]}****{local[-4:]}"
