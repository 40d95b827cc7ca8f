"""Capital metonymy: whether a capital's mention stands for its government or the place (ANNOTATION 3.4)."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token


def acts(ent: SpacySpan, data: dict[str, Any]) -> bool:
    """Whether a capital's mention stands for its government rather than the place.

    A capital is a place after a place preposition ("à Pékin", "in Beijing"), as
    the modifier of a place noun ("le maire de Moscou", "Beijing airport",
    "Beijing-based"), or in a capitalised dateline ("WASHINGTON (Reuters)");
    everywhere else news uses it as an actor ("Pékin dément", "Moscou appelle",
    "accuse Washington", "according to Beijing").

    ent (Span): the capital's mention.
    data (dict[str, Any]): the language's entities.yaml (place_prepositions, place_nouns,
        place_verbs: a capital visited, struck or reached is the place).
    RETURNS (bool): True for the government reading.
    """
    preps = {w.lower() for w in data.get("place_prepositions", [])}
    place_nouns = {w.lower() for w in data.get("place_nouns", [])}
    place_verbs = {w.lower() for w in data.get("place_verbs", [])}
    if ent.text.isupper() and len(ent.text) > 3:
        return False
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in ("-", "–") and ent.end + 1 < len(doc):
        return False
    # The name's own head: the parser may hang a trailing part on the clause as punctuation ("Washington D.C.").
    token = next((t for t in ent if t.dep_ != "punct" and not ent.start <= t.head.i < ent.end), ent.root)
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    governor = token.head
    preposition = next((c for c in token.children if c.dep_ == "case" and c.lower_ in preps), None)
    if token.dep_ == "pobj":
        if governor.lower_ in preps:
            preposition = governor
        governor = governor.head
    if preposition is not None:
        return _recipient(token, preposition, data)
    if token.dep_ in ("nmod", "compound", "pobj", "poss", "amod", "npadvmod") and (
            governor.lemma_.lower() in place_nouns or governor.lower_ in place_nouns):
        return False
    if token.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass") and governor.lemma_.lower() in place_verbs:
        return False  # "visited Tehran", "struck Kyiv", "Kyiv was hit": the place
    return token.dep_ != "compound"


def _recipient(token: Token, preposition: Token, data: dict[str, Any]) -> bool:
    """After a place preposition, whether the capital is still an actor.

    It is after a multi-word preposition that is not about places ("face à Pékin"),
    and after a dative one governed by a transfer verb ("fournir à Moscou",
    "supplied drones to Moscow"); otherwise it is the place.
    """
    window = "".join(t.lower_ for t in token.doc[max(0, preposition.i - 4):preposition.i + 1])
    if any(window.endswith(p.lower().replace(" ", "")) for p in data.get("non_place_prepositions", [])):
        return True
    if preposition.lower_ not in {w.lower() for w in data.get("dative_prepositions", [])}:
        return False
    verbs = {w.lower() for w in data.get("recipient_verbs", [])}
    verb = next((t for t in token.ancestors if t.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in verbs


__all__ = ["acts"]
