"""Relative clauses and controlled verbs in real news: who "that" stands for, the phrase of a noun a clause
describes, the object a relative clause leaves out ("the fuel it has been shipping"), and the object that
does what an infinitive or gerund says ("urged the ministers to send"). Invented sentences."""
from __future__ import annotations

from event_checks import args, of_type, run


def test_a_relative_subject_of_a_governing_verb_is_its_antecedent(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_en, "en", "Officials named the trading networks that help supply the army with rifles."),
                        "SUPPLY")
    assert args(supply)["agent"] == "the trading networks"


def test_the_antecedent_stops_before_the_clause_that_holds_the_trigger(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry listed brokers and entities that produce jet engines for the navy."
    (produce,) = of_type(run(nlp_en, "en", text), "PRODUCE")
    assert args(produce)["agent"] == "brokers and entities"
    assert args(produce)["item"].startswith("jet engines")


def test_a_relative_clause_with_no_relative_word_acts_on_its_noun(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (sold,) = of_type(run(nlp_en, "en", "The report listed the rifles the firm has sold to the militia."), "SUPPLY")
    assert args(sold) == {"agent": "the firm", "recipient": "the militia", "item": "the rifles"}
    # a stranded preposition or a relative word: the noun is not what the verb acts on
    (to,) = of_type(run(nlp_en, "en", "They named the port the firm shipped rifles to."), "SUPPLY")
    assert args(to)["item"] == "rifles"


def test_an_object_does_what_the_infinitive_or_gerund_says(nlp_en, nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (send,) = of_type(run(nlp_en, "en", "The alliance urged the ministers to send more rockets to the army."), "SUPPLY")
    assert args(send)["agent"] == "the ministers"
    (sell,) = of_type(run(nlp_en, "en", "The treaty bars firms from selling rifles to the militia."), "SUPPLY")
    assert args(sell)["agent"] == "firms"
    (livrer,) = of_type(run(nlp_fr, "fr", "L'alliance a exhorté les alliés à livrer des missiles à l'armée."), "SUPPLY")
    assert args(livrer)["agent"] == "les alliés"
    # no object: the subject still does it
    (own,) = of_type(run(nlp_en, "en", "The ministry decided to send rockets to the army."), "SUPPLY")
    assert args(own)["agent"] == "The ministry"
