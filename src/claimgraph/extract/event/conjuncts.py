"""Named conjuncts in one role: one event each (ANNOTATION 2.3).

"The US Treasury sanctioned Orlan Components and Teskar Avionics" is two
SANCTION events sharing trigger, agent and time, one per target. A
coordination with an unnamed or plural description ("Germany and other EU
states") stays one span, so it is split only when every conjunct is a name.
"""
from __future__ import annotations

from itertools import product

from spacy.tokens import Token

from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.roles import Filler
from claimgraph.extract.event.syntax import phrase_bounds

# Beyond this many events from one trigger the coordination is more likely a list the parser misread.
MAX_VARIANTS = 6


def _conjuncts(head: Token, lexicon: EventLexicon) -> list[Token]:
    """The words coordinated with `head`, in order ("A, B and C": B and C)."""
    found: list[Token] = []
    stack = [head]
    while stack:
        word = stack.pop()
        for child in word.children:
            if child.dep_ in lexicon.dep("conj") and child.i > head.i:
                found.append(child)
                stack.append(child)
    return sorted(found, key=lambda t: t.i)


def _is_name(word: Token, named: set[int]) -> bool:
    return word.i in named and word.pos_ == "PROPN"


def _parts(filled: Filler, lexicon: EventLexicon, named: set[int]) -> list[Filler]:
    """One filler per named conjunct of `filled`, or just `filled` when it is no such coordination."""
    if filled.is_clause or not _is_name(filled.head, named):
        return [filled]
    conjuncts = [c for c in _conjuncts(filled.head, lexicon) if filled.first <= c.i <= filled.last]
    if not conjuncts or not all(_is_name(c, named) for c in conjuncts):
        return [filled]
    members = [filled.head] + conjuncts
    subtrees = {m.i: {t.i for t in m.subtree} for m in members}
    parts = []
    for member in members:
        # the member's own words: its subtree without the later conjuncts hanging below it
        later = set().union(*(subtrees[o.i] for o in members if o.i > member.i))
        first, last = phrase_bounds(member, lexicon, later)
        parts.append(Filler(member, max(first, filled.first), min(last, filled.last)))
    return parts


def split_named_conjuncts(fillers: dict[str, Filler], lexicon: EventLexicon, named: set[int]) -> list[dict[str, Filler]]:
    """The role fillings of one trigger: one per combination of named conjuncts.

    fillers (dict[str, Filler]): the trigger's roles as found.
    lexicon (EventLexicon): the language's dependency labels.
    named (set[int]): indexes of the tokens inside entity mentions.
    RETURNS (list[dict[str, Filler]]): `[fillers]` when no role is a coordination of names.
    """
    roles = list(fillers)
    options = [_parts(fillers[role], lexicon, named) for role in roles]
    count = 1
    for option in options:
        count *= len(option)
    if count == 1 or count > MAX_VARIANTS:
        return [fillers]
    return [dict(zip(roles, combination)) for combination in product(*options)]
