"""The second parses of a batch's articles share their `nlp.pipe` calls (nlp/components.py, `parsed_together`)
and give each article the Doc it gets alone; an article whose repair fails is rejected on its own.

Sentences are invented (the stand-in and aside tests' own).
"""
from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from claimgraph.lang import get_rules
from claimgraph.model import Document, Rejection
from claimgraph.nlp import components
from claimgraph.nlp.components import parsed_together
from claimgraph.nlp.pipeline import repair_steps
from claimgraph.nlp.stand_ins import load_parsing_hints

FRENCH = [
    "Drones : Moscou dément toute livraison de missiles par l'Iran",
    "La société Orvane a de son côté démenti toute livraison de drones à Brelsk.",
    "Le Conseil de l'Union européenne sanctionne trois sociétés turques liées à Rosoboronexport",
    "Le port a rouvert lundi après deux semaines de grève.",
]
ATTRS = [POS, TAG, MORPH, LEMMA, HEAD, DEP]


def _parse_of(doc):  # type: ignore[no-untyped-def]
    return doc.text, doc.to_array(ATTRS).tolist(), [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_articles_repaired_together_get_their_parse_alone(nlp_fr, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hints = load_parsing_hints(get_rules("fr"))
    alone = []
    for text in FRENCH:
        (doc,) = parsed_together(nlp_fr, [repair_steps(nlp_fr(text), hints)])
        alone.append(_parse_of(doc))
    calls = []
    parse_again = components.parse_again
    monkeypatch.setattr(components, "parse_again", lambda nlp, docs: calls.append(len(docs)) or parse_again(nlp, docs))
    together = parsed_together(nlp_fr, [repair_steps(nlp_fr(text), hints) for text in FRENCH])
    assert [_parse_of(doc) for doc in together] == alone
    assert alone[0][1] != _parse_of(nlp_fr(FRENCH[0]))[1]  # a repair happened: the comparison means something
    made = [n for n in calls if n]
    assert max(made) >= 2 and len(made) <= 3  # stand-ins, asides, adverbials: each round one call for all


def test_a_failing_repair_rejects_its_article_only(analyzer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.nlp import pipeline

    steps = pipeline.repair_steps

    def broken(doc, hints, *rest):  # type: ignore[no-untyped-def]
        if "Orvane" in doc.text:
            raise ValueError("broken repair")
        return (yield from steps(doc, hints, *rest))

    monkeypatch.setattr(pipeline, "repair_steps", broken)
    documents = [Document(id=f"d{i}", text=text, lang="fr") for i, text in enumerate(FRENCH)]
    results = [parsed for _, parsed in analyzer.pipelines.parse_batch(documents)]
    assert isinstance(results[1], Rejection) and "broken repair" in results[1].detail
    assert all(not isinstance(r, Rejection) for i, r in enumerate(results) if i != 1)
