"""Calling a claim false in a predicate: "the claims were false", « ces informations sont fausses ».

A DENY whose trigger is the word of falsehood, whose item is the claim it is said of and whose
agent is the one who says so (the subject of the speech verb above it), ANNOTATION 2.5.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.syntax import children, subject_of
from claimgraph.model import Argument, Attribution


def _copula_subject(word: Token, lexicon: EventLexicon) -> Optional[Token]:
    """The subject a predicate word is said of: "the claims were false" (English hangs both on the
    copula), « ces informations sont fausses » (French hangs the subject on the adjective)."""
    subjects = children(word, lexicon.dep("subject"))
    if subjects and any(c.dep_ == "cop" for c in word.children):
        return subjects[0]
    if word.dep_ in ("acomp", "attr") and word.head.pos_ == "AUX":
        found = children(word.head, lexicon.dep("subject"))
        return found[0] if found else None
    return None


def is_predicate_rebuttal(word: Token, lexicon: EventLexicon) -> bool:
    """Whether `word` calls a claim false as a predicate: a false word said of a claim noun ("the
    allegations were baseless") or of a demonstrative ("this is a lie")."""
    if word.pos_ not in ("ADJ", "NOUN") or not (word.lemma_.lower() in lexicon.false_words or word.lower_ in lexicon.false_words):
        return False
    subject = _copula_subject(word, lexicon)
    return subject is not None and (subject.lemma_.lower() in lexicon.deny_objects
                                    or subject.lower_ in lexicon.anaphor_pronouns) and not _negated_or_hedged(word, lexicon)


def _negated_or_hedged(word: Token, lexicon: EventLexicon) -> bool:
    """"the reports were not false", « ne sont pas fausses », "may be false": the claim is not called
    false (a negation or a modal on the false word or on its copula), so no DENY (ANNOTATION 2.5)."""
    clause = word.head if word.dep_ in ("acomp", "attr") else word
    return any(c.lower_ in lexicon.negation_words or c.dep_ in lexicon.dep("negation") or c.tag_ == "MD"
               for w in (word, clause) for c in w.children)


def rebuttal_heads(word: Token, lexicon: EventLexicon) -> dict[str, Token]:
    """The item (the claim) and the agent (who calls it false: the subject of the verb the predicate's
    clause depends on, "he said")."""
    heads: dict[str, Token] = {}
    subject = _copula_subject(word, lexicon)
    if subject is not None:
        heads["item"] = subject
    clause = word.head if word.dep_ in ("acomp", "attr") else word
    if clause.head.i != clause.i and clause.head.pos_ in ("VERB", "AUX"):
        speaker = subject_of(clause.head, lexicon)
        if speaker is not None:
            heads["agent"] = speaker
    return heads


def quoted_rebutter(word: Token, arguments: dict[str, Argument], attributions: list[Attribution],
                    lexicon: EventLexicon) -> dict[str, Argument]:
    """A claim called false in a quote with no speech verb of its own ('"That report is wholly false. We
    shelled no town," she told the wire'): the quote's speaker calls it false (ANNOTATION 2.5)."""
    if "agent" in arguments or not is_predicate_rebuttal(word, lexicon):
        return arguments
    start, end = word.idx, word.idx + len(word.text)
    holding = sorted((a for a in attributions if a.content.start <= start and end <= a.content.end),
                     key=lambda a: a.content.end - a.content.start)  # innermost first
    quote = next((a for a in holding if a.kind in ("direct", "mixed")), None)
    if quote is None:
        return arguments
    return {"agent": Argument(quote.source.span, quote.source.entity), **arguments}
