"""Dates at the precision the source gives them (`2024`, `2024-09`, `2024-09-15`)."""
from __future__ import annotations

import re
from typing import Optional

ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_date(value: object) -> Optional[str]:
    """Return an ISO 8601 date keeping the precision of `value`, or None.

    ISO-looking values keep their own precision ("2024-09" stays a month);
    anything else goes through dateparser and keeps the parts it really found.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    match = ISO_PREFIX.match(text)
    if match:
        year, month, day = match.groups()
        return "-".join(part for part in (year, month, day) if part)
    return _parse_free_date(text)


def _parse_free_date(text: str) -> Optional[str]:
    import dateparser.search  # noqa: F401  (imported late: dateparser is slow to import)
    from dateparser.date import DateDataParser

    parsed = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first"}).get_date_data(text)
    if parsed is None or parsed.date_obj is None:
        return None
    date = parsed.date_obj
    if parsed.period == "year":
        return f"{date.year:04d}"
    if parsed.period == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
