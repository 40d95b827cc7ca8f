"""A participle after a quotation that reports its own clause is no incise of the quotation
(extract/attribution/quotes.py). Every sentence here is invented for the tests."""
from __future__ import annotations


def _records(analyzer, text: str, lang: str = "en") -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text(text, lang=lang)
    return {(a.source.span.text, a.content.text) for a in analysis.attributions}


def test_a_participle_with_its_own_clause_after_a_quote_keeps_the_quote_with_its_speaker(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("A flood hit the valley on Sunday. Marta Lindqvist told reporters: \"We have counted 14 people dead "
            "and 80 people hurt\", adding that more than 200 homes have been flooded.")
    records = _records(analyzer, text)
    sources = {source for source, _ in records}
    assert "more than 200 homes" not in sources
    assert all(source == "Marta Lindqvist" for source in sources), records


def test_a_split_quotation_keeps_its_finite_incise(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "\"If the figures are right,\" a city spokesperson said on Monday, \"the plan failed.\""
    assert any(source == "a city spokesperson" and content.startswith("If the figures")
               for source, content in _records(analyzer, text))
