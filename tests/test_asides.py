"""A participle aside inside a report ("Reuters reported, citing documents, that ...") no longer
breaks the sentence: the report's content is the that-clause, the aside names a cited source."""
from __future__ import annotations

from claimgraph.lang import get_rules
from claimgraph.nlp.asides import without_asides
from claimgraph.nlp.stand_ins import load_parsing_hints

SENTENCE = "The sanctions came a week after Reuters reported, citing customs records, that Velmor Engines had shipped gearboxes to Belarus."


def test_the_aside_hangs_on_the_reporting_verb_and_the_words_stay(nlp_en) -> None:  # type: ignore[no-untyped-def]
    before = nlp_en(SENTENCE)
    doc = without_asides(nlp_en, before, load_parsing_hints(get_rules("en")))
    assert doc.text == SENTENCE and [t.idx for t in doc] == [t.idx for t in before]
    citing = next(t for t in doc if t.text == "citing")
    assert citing.head.text == "reported"
    shipped = next(t for t in doc if t.text == "shipped")
    assert shipped.head.text == "reported"


def test_the_report_holds_the_that_clause_and_cites_its_records(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text(SENTENCE, lang="en")
    by_cue = {a.cue.text: a for a in analysis.attributions if a.cue is not None}
    assert by_cue["reported"].content.text == "Velmor Engines had shipped gearboxes to Belarus"
    assert by_cue["citing"].source is not None and by_cue["citing"].source.span.text == "customs records"
    (supply,) = [e for e in analysis.events if e.type == "SUPPLY"]
    assert supply.attribution == by_cue["reported"].id


def test_une_incise_participiale_en_francais(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text(
        "Le Monde a rapporté, citant des documents douaniers, que Velmor Engines avait livré des boîtes de vitesses au Bélarus.",
        lang="fr")
    (report,) = [a for a in analysis.attributions if a.cue is not None and "rapporté" in a.cue.text]
    assert report.content.text == "Velmor Engines avait livré des boîtes de vitesses au Bélarus"
