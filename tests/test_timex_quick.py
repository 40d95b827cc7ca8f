"""time.yaml's `quick` phrases (read without dateparser) give dateparser's answers, over a grid of dates."""
from __future__ import annotations

import pytest

from claimgraph.extract import timex
from claimgraph.lang import get_rules

# every weekday and month of the year as the article's date, at day, month and year precision
DATES = ([f"2024-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 2, 3, 4, 5, 6, 7, 15, 28, 29, 30)
          if m != 2 or d < 30] + [f"2024-{m:02d}-31" for m in (1, 3, 5, 7, 8, 10, 12)]
         + ["2023-03-01", "2023-07-16", "2024-02-29", "2025-10-08"]
         + [f"2024-{m:02d}" for m in range(1, 13)] + ["2023", "2024"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_quick_phrases_read_as_dateparser_reads_them(lang, monkeypatch):
    rules = get_rules(lang)
    compiled = timex._time_rules(rules)
    days, months, relative = compiled.quick
    assert len(days) == 7 and len(months) == 12 and relative
    phrases = [p for table in compiled.quick for p in table]
    phrases += [p.capitalize() for p in phrases] + [p.upper() for p in list(days)[:2]]
    phrases += [f"{m} {y}" for m in months for y in (1999, 2024, 2025)] + ["March 2100"]
    quick = {(p, d): timex._normalize_time(p, rules, d) for p in phrases for d in DATES}
    monkeypatch.setattr(timex, "_quick", lambda *args: None)
    slow = {(p, d): timex._normalize_time(p, rules, d) for p in phrases for d in DATES}
    assert all(v is not None for (p, _), v in slow.items() if "2100" not in p)
    assert [k for k in quick if quick[k] != slow[k]] == []


def test_quick_reads_only_listed_phrases():
    compiled = timex._time_rules(get_rules("en"))
    import datetime as dt
    base = dt.datetime(2024, 9, 11)  # a Wednesday
    assert timex._quick("Wednesday", compiled, base) == (dt.datetime(2024, 9, 4), "day")
    assert timex._quick("Tuesday", compiled, base) == (dt.datetime(2024, 9, 10), "day")
    assert timex._quick("October", compiled, base) == (dt.datetime(2023, 10, 1), "month")
    assert timex._quick("last month", compiled, dt.datetime(2024, 1, 15)) == (dt.datetime(2023, 12, 1), "month")
    assert timex._quick("February", compiled, dt.datetime(2024, 1, 30)) is None  # dateparser's own reading
    assert timex._quick("next week", compiled, base) is None
    assert timex._quick("October 2022", compiled, base) == (dt.datetime(2022, 10, 1), "month")
    assert timex._quick("October 5", compiled, base) is None
    assert timex._quick("Someday 2022", compiled, base) is None
