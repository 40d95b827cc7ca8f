"""Participles around a cue verb: a gerund or a participle set off at the end speaks for its sentence's subject
(« en affirmant que ... », ", adding that ..."); one right after a noun lets the noun speak ("a statement saying")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.spans import subject_of
from claimgraph.extract.doc_text import sentence_of

PRESENT_KEY = "claimgraph.present_participles"


def present_participle(verb: Token) -> bool:
    """A present participle ("saying", « affirmant »), read once per token of a Doc: the cue readers ask it of
    the same verb several times, and each morphology lookup makes a new analysis."""
    known: dict[int, bool] = verb.doc.user_data.get(PRESENT_KEY)
    if known is None:
        known = verb.doc.user_data[PRESENT_KEY] = {}
    found = known.get(verb.i)
    if found is None:
        found = known[verb.i] = verb.tag_ == "VBG" or (
            "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", []))
    return found


def gerund(verb: Token, lexicon: Lexicon) -> bool:
    """« en affirmant que ... »: in French grammar a gerund's subject is that of the clause it hangs on."""
    if not present_participle(verb) or verb.i == 0 or subject_of(verb) is not None or verb.head.i == verb.i:
        return False
    before = verb.doc[verb.i - 1]
    # « tout en insistant »: any label; "opened the session by calling for X": the participle hangs on "by"
    return before.lower_ in lexicon.gerund_marks and (
        before.head.i == verb.i or verb.head.i == before.i and verb.dep_ == "pcomp")


def trailing_participle(verb: Token, lexicon: Lexicon) -> bool:
    """A participle that speaks for its sentence's subject: set off at the end (", adding that ...") or a gerund."""
    if gerund(verb, lexicon):
        return True
    if not present_participle(verb) or verb.i == 0 or subject_of(verb) is not None:
        return False
    return verb.dep_ in ("advcl", "xcomp", "acl") and verb.doc[verb.i - 1].text == "," and sentence_of(verb).root.i < verb.i


def participle_noun(verb: Token) -> Optional[Token]:
    """The noun a participle right after it describes: "a statement saying that ...", « une croyance
    locale affirmant que ... » (a reduced relative clause: the noun speaks)."""
    if not present_participle(verb) or verb.i == 0 or subject_of(verb) is not None:
        return None
    node = verb.doc[verb.i - 1]
    if node.dep_ in ("amod", "compound", "flat", "flat:name"):
        while node.head.i < node.i and node.dep_ in ("amod", "compound", "flat", "flat:name"):
            node = node.head  # « une croyance locale affirmant »
    elif node.dep_ in ("nmod", "pobj") and node.head.i < node.i:
        node = node.head  # « des informations de presse affirmant », "a statement from the ministry saying"
        if node.dep_ == "prep" and node.head.i < node.i:
            node = node.head
    return node if node.pos_ in ("NOUN", "PROPN") else None
