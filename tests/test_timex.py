"""Time expressions: found in text, normalised against the article's date at the right precision."""
from __future__ import annotations

import pytest

from claimgraph.extract.timex import find_timexes, format_date, normalize_time, parse_document_date
from claimgraph.lang import get_rules


@pytest.mark.parametrize("lang,expression,date,expected", [
    ("fr", "en 2023", "2024-09", "2023"),
    ("fr", "cette année", "2024-09", "2024"),
    ("fr", "au début de ce mois", "2024-09", "2024-09"),
    ("fr", "le 12 mars", "2024-09", "2024-03-12"),
    ("fr", "le 12 mars 2022", "2024-09", "2022-03-12"),
    ("fr", "en mars", "2024-09", "2024-03"),
    ("fr", "le mois dernier", "2024-09", "2024-08"),
    ("fr", "l'an dernier", "2024-09", "2023"),
    ("fr", "fin 2023", "2024-09", "2023"),
    ("fr", "jeudi", "2024-09-27", "2024-09-26"),   # 2024-09-27 is a Friday
    ("fr", "vendredi", "2024-09-27", "2024-09-27"),  # the article's own weekday is that day
    ("en", "in 2023", "2024-09", "2023"),
    ("en", "last Tuesday", "2024-09-27", "2024-09-24"),
    ("en", "on March 12", "2024-09", "2024-03-12"),
    ("en", "in March", "2024-09", "2024-03"),
    ("en", "last month", "2024-09", "2024-08"),
    ("en", "earlier this year", "2024-12-16", "2024"),
    ("en", "two years ago", "2024-09", "2022"),
])
def test_normalize_time(lang: str, expression: str, date: str, expected: str) -> None:
    assert normalize_time(expression, get_rules(lang), date) == expected


def test_weekday_keeps_the_article_precision() -> None:
    # "mardi" in an article dated only to the month cannot be a day.
    assert normalize_time("mardi", get_rules("fr"), "2024-09") == "2024-09"


def test_find_timexes_spans_point_into_the_text() -> None:
    text = "Cette activité aurait eu lieu en 2023, selon un officiel. Au début de ce mois, il a parlé."
    found = find_timexes(text, get_rules("fr"), "2024-09")
    assert [(t.text, t.value) for t in found] == [("en 2023", "2023"), ("Au début de ce mois", "2024-09")]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_english_modal_may_is_not_a_month() -> None:
    found = find_timexes("Beijing may supply more engines in May 2024.", get_rules("en"), "2024-09")
    assert [(t.text, t.value) for t in found] == [("in May 2024", "2024-05")]


def test_document_date_precision() -> None:
    assert parse_document_date("2024-09")[1] == "month"  # type: ignore[index]
    assert parse_document_date("2024")[1] == "year"  # type: ignore[index]
    assert parse_document_date(None) is None
    when, precision = parse_document_date("2024-09-15")  # type: ignore[misc]
    assert format_date(when, "week") == "2024-W37"
