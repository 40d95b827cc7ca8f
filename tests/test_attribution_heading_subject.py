"""A heading line the parser runs into the sentence after it is no subject of that sentence's verb
(extract/attribution/spans.py subject_of). Every sentence here is invented for the tests."""
from __future__ import annotations


def test_a_heading_line_is_not_the_source_of_the_next_sentence(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("The rebels hold the hills near the border, analysts say.\nTolvik's false alarms\n"
            "On Monday, Tolvik sent a letter to the council, accusing Brannland of arming the rebels.\n")
    analysis = analyzer.analyze_text(text, lang="en")
    accusing = [a for a in analysis.attributions if a.cue is not None and a.cue.text == "accusing"]
    assert [a.source.span.text for a in accusing] == ["Tolvik"]
