"""Where names start and end, and what they are, in news as newsrooms write it (extract/name_spans.py,
extract/names.py, extract/entity_groups.py, extract/entities.py).

Every sentence here is invented for the tests.
"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.entity_groups import Group, Mention, add_series_mentions, group_mentions
from claimgraph.extract.name_cuts import split_name_pairs
from claimgraph.extract.names import trim_tokens
from claimgraph.lang import get_rules
from claimgraph.model import Span
from entity_checks import entities_of

EN = get_rules("en").data("entities")
FR = get_rules("fr").data("entities")


def doc_of(words: list[str], pos: list[str], ents: list[str], spaces: list[bool] = None) -> Doc:  # type: ignore[assignment]
    return Doc(spacy.blank("fr").vocab, words=words, spaces=spaces, pos=pos, ents=ents)


def test_a_party_run_into_its_leaders_name_is_two_names() -> None:
    doc = doc_of(["la", "présidente", "du", "Rassemblement", "populaire", "Claire", "Dubreuil", "a", "parlé"],
                 ["DET", "NOUN", "ADP", "PROPN", "ADJ", "PROPN", "PROPN", "AUX", "VERB"],
                 ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    spans = split_name_pairs(list(doc.ents), FR)
    assert [(s.text, s.label_) for s in spans] == [("Rassemblement populaire", "ORG"), ("Claire Dubreuil", "PERSON")]


def test_a_name_with_a_conjunction_or_a_particle_is_not_split() -> None:
    doc = doc_of(["le", "Front", "et", "Charles", "de", "Tolvik"], ["DET", "PROPN", "CCONJ", "PROPN", "ADP", "PROPN"],
                 ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"])
    assert [s.text for s in split_name_pairs(list(doc.ents), FR)] == ["Front et Charles de Tolvik"]


def test_a_name_stops_at_a_line_break_a_trailing_link_word_and_an_open_bracket() -> None:
    doc = doc_of(["pays", "du", "Golfe", "\n", "Un", "porte-parole"], ["NOUN", "ADP", "PROPN", "SPACE", "DET", "NOUN"],
                 ["O", "O", "B-LOC", "I-LOC", "I-LOC", "O"])
    assert trim_tokens(doc.ents[0], FR).text == "Golfe"
    doc = doc_of(["l'", "Énergie", "de", "l'", "Union"], ["DET", "PROPN", "ADP", "DET", "PROPN"],
                 ["O", "B-ORG", "I-ORG", "I-ORG", "O"], spaces=[False, True, True, False, False])
    assert trim_tokens(doc.ents[0], FR).text == "Énergie"
    doc = doc_of(["Tolvik", "Union", "(", "TU"], ["PROPN", "PROPN", "PUNCT", "PROPN"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG"])
    assert trim_tokens(doc.ents[0], EN).text == "Tolvik Union"


def mention(text: str, start: int, end: int, etype: str) -> Mention:
    return Mention(span=Span.of(text, start, end), type=etype, name=text[start:end])


def test_the_plural_of_a_code_is_the_same_thing() -> None:
    text = "The KDR missile is old. KDRs were sold."
    groups = group_mentions([mention(text, 4, 7, "PRODUCT"), mention(text, 24, 28, "GPE")])
    assert len(groups) == 1 and groups[0].type == "PRODUCT" and len(groups[0].mentions) == 2


def test_a_numbered_products_series_is_a_product_of_its_own_with_its_acronym() -> None:
    text = "Velbrook Navigator 7 ships. Velbrook Navigator's share fell and VN lost users."
    doc = spacy.blank("en")(text)
    numbered = Group(mentions=[mention(text, 0, 20, "PRODUCT")])
    cut = Group(mentions=[mention(text, 37, 46, "ORG")])          # "Navigator" inside "Velbrook Navigator's"
    acronym = Group(mentions=[mention(text, 64, 66, "ORG")])      # "VN"
    groups = [numbered, cut, acronym]
    add_series_mentions(doc, groups, text)
    series = [g for g in groups if g.name == "Velbrook Navigator"]
    assert len(groups) == 2 and len(series) == 1 and series[0].type == "PRODUCT"
    assert sorted(m.span.text for m in series[0].mentions) == ["VN", "Velbrook Navigator"]


def test_names_newsrooms_write(analyzer) -> None:  # type: ignore[no-untyped-def]
    en = entities_of(analyzer, "Researchers from the Tolvik Institute of Technology and Brann State University "
                         "published the study on Monday.", "en")
    assert en.get("Tolvik Institute of Technology") == ("Tolvik Institute of Technology", "ORG")
    assert en.get("Brann State University") == ("Brann State University", "ORG")
    en = entities_of(analyzer, "The Union of Tolvik Farmers and Fishers (UTFF) launched a petition on Monday.", "en")
    assert en.get("Union of Tolvik Farmers and Fishers", ("", ""))[1] == "ORG"
    en = entities_of(analyzer, "Deputies of Partito 5 Lune (P5L) asked the council to act.", "en")
    assert en.get("Partito 5 Lune") == ("Partito 5 Lune", "ORG") and en.get("P5L") == ("Partito 5 Lune", "ORG")
    en = entities_of(analyzer, "The minister told The Brannock Post that the plan was dead.", "en")
    assert "The Brannock Post" in en
    en = entities_of(analyzer, "Professor Ana Ruiz, Chairman of the Tolvik Centre for Rail Safety, said the line was safe.", "en")
    assert "Tolvik Centre for Rail Safety" in en


def test_words_around_a_name_type_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    en = entities_of(analyzer, "The crew flew on TX-1, the first crewed mission. TX-4 will launch next month, and TX-5 in May.", "en")
    assert {en.get(code, ("", ""))[1] for code in ("TX-1", "TX-4", "TX-5")} == {"EVENT"}
    fr = entities_of(analyzer, "Le gouverneur a écrit sur sa chaîne Vokalo que l'eau était coupée.", "fr")
    assert fr.get("Vokalo") == ("Vokalo", "ORG")
    fr = entities_of(analyzer, "La ministre multiplie les rencontres avec les émirs des pays du Golfe.", "fr")
    assert fr.get("Golfe", ("", ""))[1] == "LOC"


def test_a_capital_addressed_or_sanctioned_acts_and_a_capital_one_arrives_in_is_a_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    fr = entities_of(analyzer, "Les sanctions que les Européens imposent à Moscou depuis février ont un coût.", "fr")
    assert fr.get("Moscou") == ("Government of Russia", "ORG")
    en = entities_of(analyzer, "The delegation landed in Washington D.C. late on Sunday.", "en")
    assert en.get("Washington D.C.") == ("Washington", "GPE")


def test_a_described_war_is_no_event_its_country_is_a_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    en = entities_of(analyzer, "Sanctions were tightened after the invasion of Ukraine in February.", "en")
    assert en.get("Ukraine") == ("Ukraine", "GPE") and "invasion of Ukraine" not in en


def test_a_one_word_name_after_an_office_title_is_its_portfolio() -> None:
    from claimgraph.extract.entities import _portfolio

    doc = Doc(spacy.blank("en").vocab, words=["Undersecretary", "for", "Education", "Mr.", "Lund", "said", "so"])
    assert _portfolio(doc[2:3], EN)
    doc = Doc(spacy.blank("en").vocab, words=["a", "director", "of", "Tolvik", "said", "so"])
    assert not _portfolio(doc[3:4], EN)  # a lowercase job: "Tolvik" is the company


def test_elections_institutions_and_campuses_newsrooms_write(analyzer) -> None:  # type: ignore[no-untyped-def]
    fr = entities_of(analyzer, "Le candidat a perdu l'élection présidentielle américaine de 2012 face au sortant.", "fr")
    assert fr.get("élection présidentielle américaine de 2012", ("", ""))[1] == "EVENT"
    fr = entities_of(analyzer, "Le Parquet fédéral indique que des escrocs ont détourné trois millions d'euros.", "fr")
    assert fr.get("Parquet fédéral") == ("Parquet fédéral", "ORG")
    en = entities_of(analyzer, "The Kenyan Ambassador to the United States Farid Tolvani praised the team.", "en")
    assert en.get("United States") == ("United States", "GPE")
    en = entities_of(analyzer, "The prints went to the Tolvik Museum of Art at Brannock University last year.", "en")
    assert "Tolvik Museum of Art" in en and en.get("Brannock University") == ("Brannock University", "ORG")
    en = entities_of(analyzer, "The school in Livorno, Tolvania, was asked to pay the tax.", "en")
    assert en.get("Tolvania", ("", ""))[1] == "GPE"
    en = entities_of(analyzer, "NASA showed the hangar known as Orbiter Assembly Facility-2 to reporters.", "en")
    assert en.get("Orbiter Assembly Facility-2", ("", ""))[1] == "LOC"
