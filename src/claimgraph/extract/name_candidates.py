"""Candidate name spans found by the words around a name rather than by its own words.

A candidate is a spaCy span labelled with its contract type, `id_` = CANDIDATE + type;
extract/name_spans.py gathers them and merges them with the NER's entities. Found here:

* a proper noun the NER left out of a pair it tagged the other half of ("at Tolvik or Brann");
* a proper noun the NER left out that rigour knows as a country or region;
* a French town after « à » (`town_prepositions` in entities.yaml), with its capitalised article;
* French elections named by their kind (« l'élection présidentielle américaine de 2012 »);
* an acronym's long form in brackets after it, and a proper noun before a noun of its staff;
* a known place's part named by a point of the compass (« l'Europe de l'Est »);
* state services written in lowercase (`lowercase_bodies` in entities.yaml): a service head with an
  adjective of rank (« la police fédérale ») or with its function and that function's adjective (« la
  direction des renseignements militaires », « le service de la sécurité intérieure »).
"""
from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import texts_of
from claimgraph.resolve.territories import lookup_territory

# `id_` prefix of a candidate span; the contract type is its label.
CANDIDATE = "candidate:"
# Small words inside a bracketed long form ("(Tolvik Council of the Arts)").
BRACKET_LINKS = ("of", "for", "the", "and", "de", "du", "des", "la", "et", "pour", "d'", "l'", "d’", "l’")
# Capitalised articles that start some towns' names (« à Des Moines », « à La Rochelle »).
TOWN_ARTICLES = ("Des", "La", "Le", "Les", "L'", "L’")


# NER labels a name coordinated with another shares ("at Tolvik or Brann": both places).
COORDINATED_TYPES = {"GPE": "GPE", "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG"}


def coordinated_type(doc: Doc, start: int, end: int) -> Optional[str]:
    """The type of the name the NER left out of a pair it tagged the other half of ("at Tolvik or
    Brann", "Tolvik and Brann said"): a proper noun conjoined to a tagged name, none of it tagged."""
    tokens = doc[start:end]
    if any(t.ent_type_ for t in tokens) or any(t.pos_ != "PROPN" for t in tokens):
        return None
    root = tokens.root
    if root.dep_ != "conj" or root.head.i >= start or root.head.ent_iob_ == "":
        return None
    between = doc[root.head.i + 1:start]
    if not any(t.lower_ in ("and", "or", "et", "ou") for t in between) or len(between) > 3:
        return None
    return COORDINATED_TYPES.get(root.head.ent_type_)


def untagged_territory(doc: Doc, start: int, end: int) -> Optional[str]:
    """GPE for a proper noun the NER left out that rigour knows as a country or region ("Tolvikshire
    was excluded", at a sentence start)."""
    tokens = doc[start:end]
    if any(t.ent_type_ for t in tokens) or any(t.pos_ != "PROPN" for t in tokens):
        return None
    territory = lookup_territory(tokens.text)
    return "GPE" if territory is not None and territory.name == tokens.text else None


def town_after_preposition(doc: Doc, start: int, end: int, data: dict[str, Any]) -> Optional[SpacySpan]:
    """« à Tolvik », « à Des Brannes »: a name the NER left out or gave no type after a preposition
    that French puts before towns (`town_prepositions`), with the capitalised article some towns'
    names start with, and not after a verb (« a déclaré à Tolvik » addresses someone)."""
    prepositions = {w.casefold() for w in data.get("town_prepositions", [])}
    if not prepositions:
        return None
    if start > 0 and doc[start - 1].text in TOWN_ARTICLES and not doc[start - 1].is_sent_start:
        start -= 1  # « à Des Moines », « au Havre » is another preposition
    if start < 2 or doc[start - 1].lower_ not in prepositions or doc[start - 2].pos_ in ("VERB", "AUX"):
        return None
    tokens = doc[start:end]
    if any(t.ent_type_ not in ("", "MISC") or t.ent_id_ for t in tokens) or not all(
            t.pos_ in ("PROPN", "DET", "NOUN") for t in tokens) or not any(t.pos_ == "PROPN" or t.ent_type_ for t in tokens):
        return None
    if end < len(doc) and not (doc[end].is_punct or doc[end].is_lower):
        return None
    return _span(doc, start, end, "GPE")


def elections(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """« l'élection présidentielle américaine de 2012 »: an election head, its kind, a nationality
    adjective and « de <year> » maybe (`election_heads`, `election_kinds` in entities.yaml)."""
    heads = {w.casefold() for w in data.get("election_heads", [])}
    kinds = {w.casefold() for w in data.get("election_kinds", [])}
    if not heads:
        return []
    demonyms = {f.casefold() for forms in (data.get("nationalities") or {}).values() for f in forms}
    spans = []
    for token in doc[:-1]:
        if token.lower_ not in heads or doc[token.i + 1].lower_ not in kinds:
            continue
        end = token.i + 2
        if end < len(doc) and doc[end].lower_ in demonyms:
            end += 1
        if end + 1 < len(doc) and doc[end].lower_ == "de" and doc[end + 1].like_num and len(doc[end + 1].text) == 4:
            end += 2
        spans.append(_span(doc, token.i, end, "EVENT"))
    return spans


def staff_of(doc: Doc, start: int, end: int, data: dict[str, Any]) -> Optional[str]:
    """ORG for a proper noun the NER left out before a noun of its staff ("Tolvikpost reporters attended",
    "Brannco employees"; `staff_nouns` in entities.yaml): people work for organisations."""
    nouns = {w.casefold() for w in data.get("staff_nouns", [])}
    tokens = doc[start:end]
    if end >= len(doc) or doc[end].lower_ not in nouns or not doc[end].is_lower:
        return None
    if any(t.ent_type_ for t in tokens) or any(t.pos_ != "PROPN" for t in tokens):
        return None
    return "ORG"


def bracketed_long_forms(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """An acronym's long form in brackets after it ("the TEC (Tolvik Episcopal Conference)"): the
    capitalised words inside, typed as the acronym (letters in another language's order need not match)."""
    spans = []
    texts = texts_of(doc)
    for i in range(1, len(doc) - 3):  # doc[1:-3], read for "(" without making each Token
        if texts[i] != "(":
            continue
        token = doc[i]
        acronym = doc[token.i - 1]
        if token.text != "(" or not (acronym.is_upper and acronym.is_alpha and 2 <= len(acronym) <= 6) \
                or acronym.ent_type_ not in ("ORG", "PRODUCT"):
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].text != ")" and end - token.i <= 10:
            end += 1
        inside = doc[token.i + 1:end]
        if end >= len(doc) or doc[end].text != ")" or len(inside) < 2 or not inside[0].text[:1].isupper() \
                or any(t.ent_type_ for t in inside) \
                or not all(t.text[:1].isupper() or t.lower_ in BRACKET_LINKS for t in inside):
            continue
        spans.append(_span(doc, token.i + 1, end, acronym.ent_type_))
    return spans


def compass_regions(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """LOC candidates for a known place's part named by a point of the compass (« l'Europe de l'Est »,
    « l'Afrique du Nord »; `compass_points` in entities.yaml): one region, not the place."""
    points = set(data.get("compass_points", []))
    if not points:
        return []
    spans = []
    for token in doc[:-2]:
        if token.ent_type_ not in ("GPE", "LOC") or not token.ent_id_ or token.ent_iob_ != "B":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        at = end
        if at < len(doc) and doc[at].lower_ in ("de", "du", "d'", "d’"):
            at += 1
            if at < len(doc) and doc[at].lower_ in ("l'", "l’"):
                at += 1
            if at < len(doc) and doc[at].text in points:
                spans.append(_span(doc, token.i, at + 1, "LOC"))
    return spans


def lowercase_bodies(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """ORG candidates for state services written in lowercase (see the module's docstring)."""
    table = data.get("lowercase_bodies") or {}
    heads = {w.casefold() for w in table.get("heads", [])}
    if not heads:
        return []
    ranks = {w.casefold() for w in table.get("ranks", [])}
    functions = {w.casefold() for w in table.get("functions", [])}
    links = {w.casefold() for w in table.get("links", [])}
    demonyms = {f.casefold() for forms in (data.get("nationalities") or {}).values() for f in forms}
    spans = []
    for token in doc[:-2]:
        if token.lower_ not in heads or not token.is_lower or token.pos_ != "NOUN":
            continue
        index = token.i + 1
        if doc[index].lower_ in ranks:
            spans.append(_span(doc, token.i, index + 1, "ORG"))  # « la police fédérale »
            continue
        if doc[index].pos_ == "ADJ" and doc[index].is_lower and doc[index].lower_ not in demonyms:
            index += 1  # « direction générale de la sécurité »
        while index < len(doc) and doc[index].lower_ in links:
            index += 1  # « de la », « des »
        if index >= len(doc) or doc[index].lower_ not in functions:
            continue
        end = index + 1
        while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower and doc[end].lower_ not in demonyms:
            end += 1
        if end > index + 1:  # the function's adjective makes it a service's name
            spans.append(_span(doc, token.i, end, "ORG"))
    return spans


def _span(doc: Doc, start: int, end: int, etype: str) -> SpacySpan:
    return SpacySpan(doc, start, end, label=etype, span_id=CANDIDATE + etype)


__all__ = ["CANDIDATE", "bracketed_long_forms", "compass_regions", "coordinated_type", "elections",
           "lowercase_bodies", "staff_of", "town_after_preposition", "untagged_territory"]
