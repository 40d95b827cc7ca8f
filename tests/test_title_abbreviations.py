"""A title written with a period before a name ("Sgt. Ray Moss") is one token: the parser no longer ends the
sentence after its period and cuts the name off the report (lang/en/parsing.yaml title_abbreviations)."""
from __future__ import annotations


def test_a_title_abbreviation_does_not_end_the_sentence(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("Witnesses say the boy waved a phone at Sgt. Ray Moss and Det. Lena Park before the shots.")
    assert len(list(doc.sents)) == 1
    assert [t.text for t in doc if t.text.startswith(("Sgt", "Det"))] == ["Sgt.", "Det."]


def test_the_report_keeps_its_whole_content(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text(
        "Neighbours said the boy waved a phone at Sgt. Ray Moss before the officers fired.", lang="en")
    (report,) = analysis.attributions
    assert report.content.text.endswith("before the officers fired")
    assert "Ray Moss" in {e.name for e in analysis.entities}

