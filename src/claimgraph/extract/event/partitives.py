"""Objects the French parser hangs in the wrong place: the partitive article « des », « du » read as
« de les » makes the object a complement of whatever noun comes before it.

« fournir à la Russie des machines-outils » hangs the goods on the recipient; « a livré mardi des obusiers »,
« ont imposé jeudi des sanctions » hang them on the day. Here too: which verb a coordinated verb may share
its object with, and an adjective used as a noun (« un industriel »).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.syntax import NOMINAL_POS, preposition_of


def substantive(word: Token) -> bool:
    """« à un industriel russe », "to the wounded": an adjective with its own article stands for a noun."""
    return any(c.dep_ == "det" and c.i < word.i for c in word.children)


def shares_object(head: Token, conj: Token) -> bool:
    """"fabriquer et déployer des drones", "designed and produced engines": a verb shares the object of
    the verb coordinated right after it; not when its own complements come between them (« livré à un
    industriel des moteurs, a rapporté l'agence »: the second verb's object is no part of the first act)."""
    between = head.doc[head.i + 1:conj.i]
    return all(t.is_punct or t.is_space or t.pos_ == "CCONJ" or conj in t.ancestors for t in between)


def _partitive_article(word: Token, lexicon: EventLexicon) -> bool:
    article = next((c for c in word.children if c.dep_ in lexicon.dep("case") and c.i < word.i), None)
    return article is not None and article.lower_ in lexicon.partitives


def partitive_object(head: Token, lexicon: EventLexicon, time_tokens: set[int],
                     entity_tokens: set[int]) -> Optional[Token]:
    """The object the parser hung under the recipient (« fournir à la Russie des machines-outils ») or
    under the day after the verb (« a livré mardi des obusiers »), or None."""
    if not lexicon.partitives:
        return None
    for dependent in head.children:
        if dependent.i < head.i:
            continue
        if dependent.i in time_tokens:
            # « mardi des obusiers », « jeudi 4 août des sanctions »: a complement of the date's own words
            found = [c for c in dependent.subtree if c.i > dependent.i and c.head.i in time_tokens
                     and c.pos_ in NOMINAL_POS and _partitive_article(c, lexicon)
                     and c.i not in entity_tokens and c.i not in time_tokens]
            if found:
                return found[0]
            continue
        if preposition_of(dependent, lexicon) not in ("à", "to"):
            continue
        for inner in dependent.subtree:
            if inner.i > dependent.i and inner.pos_ in NOMINAL_POS \
                    and (inner.head.pos_ in NOMINAL_POS or substantive(inner.head)) \
                    and _partitive_article(inner, lexicon) and inner.i not in entity_tokens:
                return inner
    return None


def over_time_word(noun: Token, lexicon: EventLexicon, time_tokens: set[int]) -> Token:
    """The word that governs `noun`: « ont imposé jeudi des sanctions » read as « jeudi de les sanctions »
    is governed by the verb, not by the day."""
    governor = noun.head
    if governor.i not in time_tokens or governor.i > noun.i or not _partitive_article(noun, lexicon):
        return governor
    above = governor
    while above.i in time_tokens and above.head.i != above.i:
        above = above.head  # « jeudi 4 août des sanctions »: up the date's words
    return above if above.pos_ in ("VERB", "AUX") and above.i not in time_tokens else governor




def hung_on_date(head: Token, lexicon: EventLexicon, time_tokens: set[int],
                 entity_tokens: set[int]) -> list[tuple[str, Token]]:
    """The phrases after a date between the verb and its complements that the parser hung on the date's own
    words (« a accusé mardi 21 mars la Moldavie de », « ont imposé samedi 30 novembre des sanctions à la
    société »), as (preposition or "", noun): the date is transparent. A phrase with a preposition counts
    only after an object found there (« jeudi à Bruxelles » stays where the date is)."""
    found: list[tuple[str, Token]] = []
    for dependent in head.children:
        if dependent.i < head.i or dependent.i not in time_tokens:
            continue
        for word in dependent.subtree:
            if word.i <= dependent.i or word.head.i not in time_tokens or word.i in time_tokens \
                    or word.pos_ not in NOMINAL_POS:
                continue
            prep = "" if _partitive_article(word, lexicon) else preposition_of(word, lexicon)
            if prep == "" or found:
                found.append((prep, word))
    return found
