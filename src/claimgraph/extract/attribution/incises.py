"""Reporting clauses set into the content, and contents the parser hung in odd places.

* "As the agency reported earlier, P" / "As X told the Courier, P": a fronted as-clause relays P
  (ANNOTATION 1.8, according_to); P is what follows the clause's comma.
* "The army, the colonel said, has lost ..." / "In the meantime, she said, P": a reporting clause
  between commas inside its content; P is the host clause around it.
* "Norway says Chile to buy ferries": a headline's subject-and-infinitive content.
* "Firefighters said three men ... fell ill from fumes": the clause's subject read as the cue's object.
* "said at a briefing that the army had sent a number of shells": a that-clause read as a relative
  clause of the briefing; a doubled object shows the "that" is a complementiser. The French parse
  hangs it on the oblique as a clause opened by « que » (« a écrit dans son communiqué que P »).
* « P, a précisé son ministre X » parsed with the cue as the sentence's root: P is the sentence
  before the comma, the speaker the noun phrase after the verb.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.doc_text import sentence_of
from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.spans import SUBJECT_DEPS, clause_tokens, subject_of

OBJECT = ("dobj", "obj")


def fronted_as(verb: Token, lexicon: Lexicon) -> Optional[list[Token]]:
    """The content of "As X reported, P": the sentence after the as-clause's comma."""
    if verb.dep_ not in ("advcl", "parataxis", "ccomp") or verb.head.i <= verb.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ in lexicon.as_marks and c.i < verb.i for c in verb.children):
        return None
    sent = sentence_of(verb)
    comma = next((t for t in verb.doc[verb.i + 1:sent.end] if t.text == ","), None)
    if comma is None or comma.i >= verb.head.i + 1 and verb.head.i > comma.i + 40:
        return None
    return [t for t in verb.doc[comma.i + 1:sent.end]]


def parenthetical(verb: Token) -> Optional[list[Token]]:
    """The host clause of a reporting clause set between commas: "The army, the colonel said, has lost ..."."""
    if verb.dep_ not in ("parataxis", "advcl", "ccomp") or verb.head.i <= verb.i:
        return None
    sub = sorted(verb.subtree, key=lambda t: t.i)
    doc = verb.doc
    left, right = sub[0].i, sub[-1].i
    if right + 1 >= len(doc) or doc[right].text != "," and doc[right + 1].text != ",":
        return None
    if left > 0 and doc[left - 1].text != "," and doc[left].text != ",":
        return None
    if any(c.dep_ in ("ccomp", "dobj", "obj", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # "he said the plan, which ..." has its own content
    return clause_tokens(verb.head, exclude=[verb])


def subject_infinitive(verb: Token) -> Optional[list[Token]]:
    """"says Iran to supply drones": an object followed by a to-infinitive of its own."""
    objects = [c for c in verb.children if c.dep_ in OBJECT + ("nsubj",) and c.i > verb.i]
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i
               and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    if not clauses:
        clauses = [g for o in objects for g in o.children if g.dep_ in ("acl", "relcl")
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in g.children)]
    if not objects or not clauses or objects[0].i > clauses[0].i:
        return None
    return sorted({t for part in (objects[0], clauses[0]) for t in part.subtree}, key=lambda t: t.i)


def object_read_as_subject(verb: Token) -> Optional[list[Token]]:
    """The clause of "Firefighters said three men, aged 20 to 50, fell ill from fumes" when the parser made its
    subject the cue's object: a finite verb after the object with no subject of its own (nor a conjunct's) has it for
    subject, so the content runs from the object to the end of the cue's words."""
    objects = [c for c in verb.children if c.dep_ in OBJECT and c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "NUM")]
    if not objects or not any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None  # « P, a rapporté l'agence »: an inverted subject is read as an object
    start = objects[0].left_edge.i
    words = sorted((t for t in verb.subtree if t.i >= start), key=lambda t: t.i)
    finite = next((t for t in words if t.i > objects[0].i and t.pos_ in ("VERB", "AUX")
                   and "Fin" in t.morph.get("VerbForm")), None)  # the first, not one in a clause further on
    if finite is None or finite.dep_ in ("conj", "cop") or finite.dep_.startswith("aux") \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_.startswith("expl") for c in finite.children):
        return None
    return words


def misread_relative(verb: Token, lexicon: Lexicon) -> Optional[Token]:
    """The clause of "said at a briefing that the army had sent a number of shells", hung on "briefing"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            for clause in (g for g in noun.children if g.dep_ in ("relcl", "acl:relcl") and g.i > noun.i):
                that = clause.left_edge
                if that.lower_ not in lexicon.complementizers or that.dep_ not in OBJECT:
                    continue
                if sum(1 for c in clause.children if c.dep_ in OBJECT) >= 2:
                    return clause
    return None





def clause_on_oblique(verb: Token, lexicon: Lexicon) -> Optional[Token]:
    """The clause of « a écrit dans son communiqué que P », hung on « communiqué » with its « que »."""
    for noun in (c for c in verb.children if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj") and c.i > verb.i):
        for clause in (g for g in noun.children if g.dep_ in ("acl", "acl:relcl") and g.i > noun.i):
            if any(m.dep_ == "mark" and m.pos_ == "SCONJ" and m.lower_ in lexicon.complementizers
                   for m in clause.children):
                return clause
    return None


def postposed_root(verb: Token, lexicon: Lexicon) -> Optional[list[Token]]:
    """The content of « P, a précisé son ministre X » when the parser made the cue the root: the
    sentence before the comma, if the cue is followed only by its inverted subject."""
    subject = subject_of(verb)
    clitic = any(inverted_clitic(c) for c in verb.children if c.i < verb.i)
    misread = subject is not None and subject.i < verb.i and _clause_like(subject)
    if verb.dep_ != "ROOT" or subject is not None and subject.i < verb.i and not (clitic or misread):
        return None  # "The secretary, X, has called the ruling ...": a subject before the cue is no incise
    doc = verb.doc
    first = verb.i
    while first > 0 and doc[first - 1].head.i == verb.i and (doc[first - 1].dep_.startswith("aux")
                                                            or inverted_clitic(doc[first - 1])):
        first -= 1  # the verb group right before the comma: « , a précisé », « , a-t-il dit »
    if first == 0 or doc[first - 1].text != "," or first - 1 <= sentence_of(verb).start:
        return None
    after = [t for t in doc[verb.i + 1:sentence_of(verb).end] if not t.is_punct and not t.is_space]
    if not clitic and (not after or after[0].pos_ not in ("DET", "NOUN", "PROPN", "PRON")):
        return None  # an inverted subject comes right after the verb (or a clitic before it)
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in lexicon.complementizers for t in after):
        return None
    return [t for t in doc[sentence_of(verb).start:first - 1]]


def inverted_clitic(token: Token) -> bool:
    """« a-t-il dit », « précise-t-elle »: French writes the inverted subject pronoun with a hyphen."""
    return token.pos_ == "PRON" and token.text.startswith("-") and token.head.pos_ in ("VERB", "AUX")


def _clause_like(subject: Token) -> bool:
    """« Ce club sera un forum ouvert à tous, expliquent les dirigeants »: the parser took the content
    clause before the comma for the cue's subject; a subject with its own verb or copula is a clause."""
    return subject.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "aux", "aux:tense", "aux:pass")
                                                  for c in subject.children)


def clause_after_mark(verb: Token, lexicon: Lexicon) -> Optional[list[Token]]:
    """« l'ONG précise que « P » » with « que » hung elsewhere by the parser: a complementiser right after
    the cue opens its content, to the end of the sentence."""
    doc = verb.doc
    mark = verb.i + 1
    while mark < len(doc) and doc[mark].pos_ == "ADV":
        mark += 1
    if mark >= len(doc) or doc[mark].lower_ not in lexicon.complementizers or doc[mark].pos_ != "SCONJ":
        return None
    return [t for t in doc[mark + 1:sentence_of(verb).end]]


def second_that_clause(tokens: list[Token], lexicon: Lexicon) -> Optional[tuple[list[Token], list[Token]]]:
    """("A", "B") of a content "A and that B": one cue governing two that-clauses (ANNOTATION 1.5)."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.dep_ != "conj" or token.head.i not in inside:
            continue
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in lexicon.complementizers), None)
        if mark is None:
            continue
        cut = mark.i
        while cut - 1 in inside and (token.doc[cut - 1].dep_ == "cc" or token.doc[cut - 1].is_punct):
            cut -= 1
        first = [t for t in tokens if t.i < cut]
        second = [t for t in tokens if t.i > mark.i]
        if first and second:
            return first, second
    return None
