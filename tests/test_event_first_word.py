"""A sentence's first word the tagger took for a name ("Deliveries" tagged PROPN with itself as lemma
after a quotation's paragraph) is still a trigger noun, read through the language's plural endings.
Invented sentences."""
from __future__ import annotations

from event_checks import args, of_type, run

TEXT = ("The minister said: “We will pay higher fees to the port.”\n"
        "Deliveries of Norwegian oil through the northern pipeline, which passes through Denmark and Sweden, "
        "ceased in May due to strikes.")


def test_a_first_word_taken_for_a_name_is_a_trigger(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", TEXT), "SUPPLY")
    assert supply.trigger.text == "Deliveries"
    assert args(supply) == {"item": "Norwegian oil", "via": "the northern pipeline"}


def test_plural_endings_give_the_singular() -> None:
    from claimgraph.extract.event.lexicon import load_lexicon
    from claimgraph.extract.event.triggers import _singular
    from claimgraph.lang import get_rules

    english, french = load_lexicon(get_rules("en")), load_lexicon(get_rules("fr"))
    assert english is not None and french is not None
    assert [_singular(w, english) for w in ("deliveries", "shipments", "sanctions", "gas")] == \
        ["delivery", "shipment", "sanction", "gas"]
    assert _singular("livraisons", french) == "livraison"


def test_deliveries_that_ceased_had_happened(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", TEXT), "SUPPLY")
    assert supply.polarity == "positive"


def test_stopping_deliveries_is_still_negative(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", "The broker stopped supplying drone engines to the yard."), "SUPPLY")
    assert supply.polarity == "negative"
