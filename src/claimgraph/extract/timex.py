"""Time expressions: find them in a text and normalise them against the article's date.

Where an expression is comes from per-language patterns (`lang/<code>/time.yaml`);
what it means comes from dateparser, read at the precision the words support:
"en 2023" is a year, "le mois dernier" a month, "mardi" a day. An expression
finer than the article's own date ("mardi" in an article dated only "2024-09")
cannot be pinned down and keeps the article's precision instead.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from claimgraph.lang import LanguageRules

# dateparser periods, finest last.
PRECISIONS = ("year", "month", "week", "day")


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression of a text: where it is and its ISO 8601 value (None if unreadable)."""

    start: int
    end: int
    text: str
    value: Optional[str]


@dataclass(frozen=True, slots=True)
class _TimeRules:
    finders: tuple[re.Pattern[str], ...]
    strips: tuple[re.Pattern[str], ...]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    weekday: Optional[re.Pattern[str]] = None
    # per finder, words any of its matches contains (None: no such list): lines without them are not scanned
    needs: tuple[Optional[re.Pattern[str]], ...] = ()
    # phrases read without dateparser (lower case -> weekday 0-6, month 1-12, (period, step))
    quick: tuple[dict[str, int], dict[str, int], dict[str, tuple[str, int]]] = ({}, {}, {})


def parse_document_date(value: Optional[str]) -> Optional[tuple[dt.datetime, str]]:
    """The article's date as (datetime, precision) from "2024", "2024-09" or "2024-09-15".

    value (Optional[str]): the ISO 8601 date of `Document.date`.
    RETURNS (Optional[tuple]): the date (missing parts set to the middle of the
        period, so "last month" stays inside the right month) and its precision.
    """
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        return dt.datetime(int(year), int(month), int(day)), "day"
    if month:
        return dt.datetime(int(year), int(month), 15), "month"
    return dt.datetime(int(year), 7, 1), "year"


def format_date(when: dt.datetime, precision: str) -> str:
    """ISO 8601 text of `when` cut at `precision` ("year", "month", "week" or "day")."""
    if precision == "year":
        return f"{when.year:04d}"
    if precision == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if precision == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return when.strftime("%Y-%m-%d")


_COMPILED: dict[str, _TimeRules] = {}


def _compile(data: dict[str, Any]) -> _TimeRules:
    flags = 0 if data.get("case_sensitive") else re.IGNORECASE
    names = {"months": "|".join(data.get("months", [])), "weekdays": "|".join(data.get("weekdays", []))}
    def expand(pattern: str) -> str:
        return pattern.replace("{months}", names["months"]).replace("{weekdays}", names["weekdays"])

    finders = tuple(re.compile(r"(?<!\w)(?:" + expand(pattern) + r")(?!\w)", flags)
                    for pattern in data.get("patterns", []))
    strips = tuple(re.compile(expand(p), flags) for p in data.get("strip", []))
    rewrites = tuple((re.compile(p, flags), r) for p, r in (data.get("rewrites") or {}).items())
    weekday = re.compile(r"(?<!\w)(" + names["weekdays"] + r")(?!\w)", re.IGNORECASE) if names["weekdays"] else None
    needs_data = list(data.get("needs") or [])
    needs = tuple(re.compile(expand(n), flags) if n else None
                  for n in needs_data + [None] * (len(finders) - len(needs_data)))
    quick = data.get("quick") or {}
    quick_days = {w.lower(): i for i, w in enumerate(quick.get("weekdays") or [])}
    quick_months = {m.lower(): i + 1 for i, m in enumerate(quick.get("months") or [])}
    quick_relative = {p.lower(): (v[0], int(v[1])) for p, v in (quick.get("relative") or {}).items()}
    return _TimeRules(finders, strips, rewrites, weekday, needs, (quick_days, quick_months, quick_relative))


def _time_rules(rules: LanguageRules) -> Optional[_TimeRules]:
    """The compiled `time.yaml` of a language, compiled once per data folder."""
    key = str(rules.spec.data_dir)
    if key not in _COMPILED:
        if not rules.has("time"):
            return None
        _COMPILED[key] = _compile(rules.data("time"))
    return _COMPILED[key]


@lru_cache(maxsize=8)
def _parser(code: str, base: dt.datetime) -> Any:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]  # loaded when first needed
    return DateDataParser(languages=[code], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                      "RETURN_TIME_AS_PERIOD": True})


def find_timexes(text: str, rules: LanguageRules, document_date: Optional[str],
                 start: int = 0, end: Optional[int] = None) -> list[Timex]:
    """Every time expression of `text[start:end]`, normalised against `document_date`.

    text (str): the whole document text (offsets are into it).
    rules (LanguageRules): the language's rules (`time.yaml`).
    document_date (Optional[str]): the article's ISO 8601 date.
    RETURNS (list[Timex]): non-overlapping expressions, in text order.
    """
    compiled = _time_rules(rules)
    if compiled is None:
        return []
    end = len(text) if end is None else end
    lines = _stretches(text, start, end)
    found: list[Timex] = []
    taken: list[list[tuple[int, int]]] = [[] for _ in lines]
    with_need: dict[re.Pattern[str], list[int]] = {}  # several finders need the same words (a digit)
    for finder, need in zip(compiled.finders, compiled.needs):
        if need is not None and need not in with_need:
            with_need[need] = _lines_with(need, text, lines)
        for index in range(len(lines)) if need is None else with_need[need]:
            line_start, line_end = lines[index]
            line_taken = taken[index]
            for match in finder.finditer(text, line_start, line_end):
                s, e = match.span()
                if s == e or any(s < te and ts < e for ts, te in line_taken):
                    continue
                line_taken.append((s, e))
                found.append(Timex(s, e, text[s:e], normalize_time(text[s:e], rules, document_date)))
    return _weekdays_from_dates(sorted(found, key=lambda t: t.start), compiled)


def _stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut at its line breaks, which no pattern crosses (they match spaces, not
    whitespace): each line is scanned alone, the break itself being a non-word character on either
    side, so the finders' (?<!\\w) and (?!\\w) read the same there as in the whole text."""
    stretches = []
    while start < end:
        cut = text.find("\n", start, end)
        if cut < 0:
            cut = end
        if cut > start:
            stretches.append((start, cut))
        start = cut + 1
    return stretches


def _lines_with(need: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> list[int]:
    """Indices of the lines where `need` matches, one search from each hit to the next line."""
    out: list[int] = []
    if not lines:
        return out
    index, end = 0, lines[-1][1]
    match = need.search(text, lines[0][0], end)
    while match is not None:
        at = match.start()
        while lines[index][1] <= at:  # lines are in order; a match lies inside one (needs match no line break)
            index += 1
        out.append(index)
        if index + 1 == len(lines):
            break
        match = need.search(text, lines[index + 1][0], end)
    return out


def _weekdays_from_dates(found: list[Timex], compiled: _TimeRules) -> list[Timex]:
    """"jeudi" alone in an article dated to the month is that month (ANNOTATION 2.7), unless the
    text spells the day out elsewhere ("Thursday, April 18", « jeudi soir 4 août »): then that date."""
    if compiled.weekday is None:
        return found
    spelled: dict[str, str] = {}
    for timex in found:
        match = compiled.weekday.search(timex.text)
        if match and re.search(r"\d", timex.text) and timex.value and len(timex.value) == 10:
            spelled.setdefault(match.group(1).lower(), timex.value)
    out = []
    for timex in found:
        match = compiled.weekday.search(timex.text)
        day = spelled.get(match.group(1).lower(), "") if match else ""
        if day and not re.search(r"\d", timex.text) and timex.value and len(timex.value) == 7 \
                and day.startswith(timex.value):
            timex = Timex(timex.start, timex.end, timex.text, day)
        out.append(timex)
    return out


def normalize_time(expression: str, rules: LanguageRules, document_date: Optional[str]) -> Optional[str]:
    """ISO 8601 value of one time expression, at the precision its words support.

    expression (str): e.g. "en 2023", "le mois dernier", "last Tuesday".
    rules (LanguageRules): the expression's language.
    document_date (Optional[str]): the article's date, the anchor of relative expressions.
    RETURNS (Optional[str]): "2023", "2024-08", "2024-09-10", or None when unreadable.
    """
    if document_date is None:  # anchored on today: not the same answer tomorrow
        return _normalize_time(expression, rules, document_date)
    key = (rules.code, str(rules.spec.data_dir), expression, document_date)
    if key not in _NORMALIZED:
        if len(_NORMALIZED) >= NORMALIZED_MAX:
            _NORMALIZED.clear()
        _NORMALIZED[key] = _normalize_time(expression, rules, document_date)
    return _NORMALIZED[key]


# normalize_time's answers by (language files, expression, document date): dateparser takes a few
# milliseconds per call, and "mardi", "last week", "in 2022" recur from article to article
_NORMALIZED: dict[tuple[str, str, str, str], Optional[str]] = {}
NORMALIZED_MAX = 50_000


def _normalize_time(expression: str, rules: LanguageRules, document_date: Optional[str]) -> Optional[str]:
    compiled = _time_rules(rules)
    anchor = parse_document_date(document_date)
    base, base_precision = anchor if anchor else (dt.datetime.now(), "day")
    phrase = " ".join(expression.split())
    if compiled is not None:
        for strip in compiled.strips:
            phrase = strip.sub("", phrase, count=1)
        for pattern, replacement in compiled.rewrites:
            phrase = pattern.sub(replacement, phrase)
    if re.fullmatch(r"(?:19|20)\d{2}", phrase):
        return phrase
    read = _quick(phrase, compiled, base) if compiled is not None else None
    if read is None:
        data = _parser(rules.code, base).get_date_data(phrase)
        if data is None or data.date_obj is None:
            return None
        read = data.date_obj, data.period
    when, period = read
    precision = period if period in PRECISIONS else "day"
    if precision == "day" and not re.search(r"\d", phrase) and (base - when).days == 7 and base_precision == "day":
        # a bare weekday is the latest such day on or before the article's date: the day itself too
        when = base
    explicit = bool(re.search(r"\d", phrase))
    if explicit and base_precision == "month" and not re.search(r"\d{4}", phrase) \
            and (when.year, when.month) == (base.year - 1, base.month):
        # "April 18" in an article of April 2024: the article's year (the base sits mid-month)
        when = when.replace(year=base.year)
    if not explicit and PRECISIONS.index(precision) > PRECISIONS.index(base_precision):
        # "mardi" in an article dated to the month: only the month is known.
        precision = base_precision
    return format_date(when, precision)


_MONTH_YEAR = re.compile(r"(\S+) ((?:19|20)\d{2})")


def _quick(phrase: str, compiled: _TimeRules, base: dt.datetime) -> Optional[tuple[dt.datetime, str]]:
    """dateparser's (date, period) for a bare weekday, a bare month, "month YYYY" or "this/last year|month" of
    `time.yaml`'s `quick` lists, without dateparser (its first call costs ~0.4 s of setup per process);
    tests/test_timex_quick.py holds these answers equal to dateparser's over a grid. None: not such a phrase."""
    days, months, relative = compiled.quick
    key = phrase.lower()
    if key in days:  # the latest such day before the article's date (a week back on that very day)
        return base - dt.timedelta(days=(base.weekday() - days[key]) % 7 or 7), "day"
    named = _MONTH_YEAR.fullmatch(key)
    if named and named.group(1) in months and base.day <= 28:  # "février 2022": that month
        return dt.datetime(int(named.group(2)), months[named.group(1)], 1), "month"
    if key in months and base.day <= 28:  # the latest such month up to the article's (dateparser
        # keeps the base's day: "February" on a 29th-31st goes back to a leap year, left to it)
        month = months[key]
        return dt.datetime(base.year if month <= base.month else base.year - 1, month, 1), "month"
    if key in relative:
        period, step = relative[key]
        if period == "year":
            return dt.datetime(base.year + step, 1, 1), "year"
        index = base.year * 12 + base.month - 1 + step
        return dt.datetime(index // 12, index % 12 + 1, 1), "month"
    return None
