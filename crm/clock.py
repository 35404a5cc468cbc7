"""Instants are kept as ISO-8601 UTC strings (FalkorDB has no datetime type)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def today() -> date:
    """The date in China (UTC+8), where the bureau works: what 'in the future' means."""
    return datetime.now(CHINA).date()


def parse_instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
