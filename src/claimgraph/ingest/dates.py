"""Dates at the precision the source gives them (`2024`, `2024-09`, `2024-09-15`), validated.

A date that cannot be a calendar date keeps its valid part and says why
(`2024-02-30` -> `2024-02`, warned); a relative date (`yesterday`) is not
kept, since its value would depend on the day of ingest; garbage is dropped
with a warning, never silently.
"""
from __future__ import annotations

import calendar
import re
from datetime import datetime
from typing import Optional

ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d])")
# Two reference days far apart: a date that reads differently from each is relative to "now".
REFERENCE_DAYS = (datetime(2001, 3, 7, 12), datetime(2013, 10, 21, 12))


def read_date(value: object) -> tuple[Optional[str], Optional[str]]:
    """An ISO 8601 date keeping the valid precision of `value`, and a warning when part of it was dropped.

    RETURNS (tuple): (date or None, warning or None).
    """
    if value is None:
        return None, None
    text = str(value).strip()
    if not text:
        return None, None
    match = ISO_PREFIX.match(text)
    if match:
        return _valid_iso(text, *match.groups())
    return _parse_free_date(text)


def normalise_date(value: object) -> Optional[str]:
    """`read_date` without its warning."""
    return read_date(value)[0]


def _valid_iso(text: str, year: str, month: Optional[str], day: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    shown = _shown(text)
    if int(year) < 1:
        return None, f"date {shown} ignored: year {year} does not exist"
    if month is None:
        return year, None
    if not 1 <= int(month) <= 12:
        return year, f"date {shown}: month {month} does not exist, kept the year {year}"
    kept = f"{year}-{int(month):02d}"
    if day is None:
        return kept, None
    last = calendar.monthrange(int(year), int(month))[1]
    if not 1 <= int(day) <= last:
        return kept, f"date {shown}: day {day} does not exist in {kept}, kept the month {kept}"
    return f"{kept}-{int(day):02d}", None


def _parse_free_date(text: str) -> tuple[Optional[str], Optional[str]]:
    import dateparser.search  # noqa: F401  (imported late: dateparser is slow to import)
    from dateparser.date import DateDataParser

    readings = []
    for reference in REFERENCE_DAYS:
        parser = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": reference})
        try:
            readings.append(parser.get_date_data(text[:200]))
        except (ValueError, OverflowError, TypeError):
            readings.append(None)
    parsed = readings[0]
    if parsed is None or parsed.date_obj is None:
        return None, f"date {_shown(text)} ignored: not a date"
    other = readings[1]
    if other is None or other.date_obj != parsed.date_obj:
        return None, f"date {_shown(text)} ignored: relative to the day it was read, give a calendar date"
    date = parsed.date_obj
    if parsed.period == "year":
        return f"{date.year:04d}", None
    if parsed.period == "month":
        return f"{date.year:04d}-{date.month:02d}", None
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}", None


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")
