"""French verbs of giving whose recipient « à X » comes before the direct object (« a vendu à un
industriel des pièces »), with the reporting clause put after the sentence (« …, a écrit le quotidien »):
the object of that reporting verb is no part of the act, the partitive object hung under the recipient
is the item, and an adjective used as a noun (« un industriel ») can be the recipient. Invented sentences."""
from __future__ import annotations

from event_checks import args, of_type, run


def test_recipient_before_the_object_with_a_reporting_clause_after(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Une firme belge aurait fourni à un important chantier naval des moteurs marins, a indiqué le journal."
    (supply,) = of_type(run(nlp_fr, "fr", text), "SUPPLY")
    assert args(supply) == {"agent": "Une firme belge", "recipient": "un important chantier naval",
                            "item": "des moteurs marins"}
    assert supply.certainty == "probable"


def test_an_adjective_used_as_a_noun_is_the_recipient(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = ("Un négociant turc aurait vendu à un industriel iranien de la défense des pièces de radar, "
            "a écrit lundi le quotidien.")
    (supply,) = of_type(run(nlp_fr, "fr", text), "SUPPLY")
    assert args(supply) == {"agent": "Un négociant turc", "recipient": "un industriel iranien de la défense",
                            "item": "des pièces de radar"}
    assert supply.certainty == "probable"


def test_coordinated_verbs_still_share_their_object(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp_fr, "fr", "L'entreprise a conçu puis fabriqué un nouveau moteur.")
    assert {e.type: args(e)["item"] for e in events} == {"DEVELOP": "un nouveau moteur", "PRODUCE": "un nouveau moteur"}


def test_the_object_of_a_reporting_verb_coordinated_after_is_not_the_item(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    """The parse the French model gives some of these sentences, built by hand: the reporting verb read as
    a verb coordinated with the act, and its postposed subject as its object."""
    from spacy.tokens import Doc

    from claimgraph.extract.events import extract_events
    from claimgraph.lang import get_rules

    rows = [("Une", "un", "DET", "det", 1), ("entreprise", "entreprise", "NOUN", "nsubj", 4),
            ("turque", "turc", "ADJ", "amod", 1), ("aurait", "avoir", "AUX", "aux:tense", 4),
            ("livré", "livrer", "VERB", "ROOT", 4), ("à", "à", "ADP", "case", 7), ("un", "un", "DET", "det", 7),
            ("industriel", "industriel", "ADJ", "obl:arg", 4), ("iranien", "iranien", "ADJ", "amod", 7),
            ("des", "de", "ADP", "case", 10), ("moteurs", "moteur", "NOUN", "nmod", 7),
            (",", ",", "PUNCT", "punct", 13), ("a", "avoir", "AUX", "aux:tense", 13),
            ("rapporté", "rapporter", "VERB", "conj", 4), ("la", "le", "DET", "det", 15),
            ("radio", "radio", "NOUN", "obj", 13), (".", ".", "PUNCT", "punct", 4)]
    doc = Doc(nlp_fr.vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              morphs=["Mood=Cnd" if r[0] == "aurait" else "" for r in rows])
    (supply,) = of_type(extract_events(doc, get_rules("fr"), [], [], "2024-09"), "SUPPLY")
    assert args(supply) == {"agent": "Une entreprise turque", "recipient": "un industriel iranien",
                            "item": "des moteurs"}
