"""Incises and line ends that mislead the parser in real news: « pour sa part » between the auxiliary and the
participle, a perfect auxiliary with a subject labelled passive, a headline line the parser runs into the lede,
a French object after an adverbial phrase read as an apposition, a negation in another clause. Invented sentences."""
from __future__ import annotations

from event_checks import args, of_type, run


def test_a_compound_infinitive_after_an_incise_is_a_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La garde côtière a assuré pour sa part avoir frappé avec des obus de mortier un hangar près de la digue."
    (use,) = of_type(run(nlp_fr, "fr", text), "USE")
    assert args(use)["agent"] == "La garde côtière"


def test_a_determined_noun_hung_as_an_apposition_with_no_comma_is_no_part_of_the_phrase(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La garde côtière a assuré avoir frappé avec des « obus de mortier » un hangar près de la digue."
    (use,) = of_type(run(nlp_fr, "fr", text), "USE")
    assert "hangar" not in args(use)["item"]


def test_a_perfect_auxiliary_makes_the_subject_the_doer(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre avait pour sa part accusé la société de livrer des armes."
    (accuse,) = of_type(run(nlp_fr, "fr", text), "ACCUSE")
    assert args(accuse)["agent"] == "Le ministre"
    (passive,) = of_type(run(nlp_fr, "fr", "Les armes ont été livrées à la milice."), "SUPPLY")
    assert args(passive) == {"recipient": "la milice", "item": "Les armes"}


def test_a_headline_line_fills_no_role_of_the_lede(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Un hangar à bateaux près de la digue frappé\nLa garde côtière a assuré pour sa part avoir frappé avec des obus un entrepôt."
    uses = of_type(run(nlp_fr, "fr", text), "USE")
    assert uses and all("hangar à bateaux" not in value for use in uses for value in args(use).values())


def test_a_negation_in_another_clause_disclaims_nothing(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La directrice a indiqué que « personne ne restera sans aide » en soulignant : « nous sommes conscients des enjeux »."
    assert not of_type(run(nlp_fr, "fr", text), "DENY")
    (deny,) = of_type(run(nlp_fr, "fr", "Nous ne sommes pas conscients de ces livraisons."), "DENY")
    assert args(deny)["item"] == "ces livraisons"
