"""find_timexes scans line by line and skips a pattern on lines without its `needs` words: the same
expressions as one scan of the whole text with every pattern (the reference below)."""
from pathlib import Path

import pytest

from claimgraph.extract.timex import Timex, _time_rules, _weekdays_from_dates, find_timexes, normalize_time
from claimgraph.lang import get_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _whole_scan(text, rules, date, start=0):
    compiled = _time_rules(rules)
    taken, found = [], []
    for finder in compiled.finders:
        for match in finder.finditer(text, start, len(text)):
            s, e = match.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(Timex(s, e, text[s:e], normalize_time(text[s:e], rules, date)))
    return _weekdays_from_dates(sorted(found, key=lambda t: t.start), compiled)


WRITTEN = {
    "en": ["On Monday\nMarch 3, 2025 the board met.\n\nLast week\nit said: two weeks ago, in the year 2019.",
           "\nJan.\n5 and Jan. 5, 2024; early September 2023\ntoday, Tuesday, April 18\n\n",
           "It may rain in May.\nThursday, 4th of July 2024\nnothing here\n12 March"],
    "fr": ["Le jeudi soir 4 août 2022\nil y a trois jours, hier et avant-hier.\nFin mai\n2023",
           "\nla semaine dernière\nl'an dernier, début septembre 2021\n\nmardi\n1er mai",
           "aujourd'hui\nen 2024 et depuis mars\nrien ici\nau mois de mars 2023"],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_same_expressions_as_one_whole_scan(lang):
    rules = get_rules(lang)
    texts = list(WRITTEN[lang]) + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    checked = 0
    for text in texts:
        for start in (0, 7):
            expected = _whole_scan(text, rules, "2024-09-15", start)
            assert find_timexes(text, rules, "2024-09-15", start=start) == expected
            checked += len(expected)
    assert checked > 20


def test_every_pattern_has_needs():
    for lang in ("en", "fr"):
        compiled = _time_rules(get_rules(lang))
        assert len(compiled.needs) == len(compiled.finders)
        assert all(need is not None for need in compiled.needs)
