"""The countries a question sets against each other, and whether any stored claim links them.

"Does Russia sell oil to India?" asks about Russia and India together: claims about Russia's drones,
which never name India, do not answer it, and a brief that lists them answers another question. A
country is a party of the question when it, its people or its state are named ("Russia", "Chinese
drones", "the Indian government"); a country named only as the place of something ("the war in
Ukraine", «la guerre en Ukraine», «les combats au Soudan»: a noun of `place_events` then a word of
`place_prepositions`, in `lang/<code>/brief.yaml`) is no party. A preposition alone makes no place:
«vend-elle des armes au Venezuela ?», «livre-t-il des obus en Bolivie ?» name the recipient.
When a question has two parties or more and no candidate claim holds two of them (by the country
of its keys: `cc:`, `state:`, `actor:`), the store has no evidence for it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Mapping

from claimgraph.graph.firmness import brief_data
from claimgraph.graph.keys import DETERMINERS, country_code, fold, nationality, words

COUNTRY_KINDS = ("cc", "state", "actor")


# How many words may stand between an event noun and its preposition ("the civil war in", «la guerre civile au»).
_EVENT_REACH = 2


@lru_cache(maxsize=1)
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """(prepositions before a place, nouns of what happens at one), folded, from every lang/<code>/brief.yaml."""
    lists = [frozenset(fold(str(w)) for data in brief_data().values() for w in data.get(name) or [])
             for name in ("place_prepositions", "place_events")]
    return lists[0], lists[1]


def is_place(tokens: list[str], i: int) -> bool:
    """Whether the country at `tokens[i]` is named as where something happens: after a place preposition (and a
    determiner) that follows an event noun ("the war in Ukraine", «la guerre au Chili»)."""
    prepositions, events = _place_words()
    j = i - 1
    if j > 0 and tokens[j] in DETERMINERS:
        j -= 1
    if j < 1 or tokens[j] not in prepositions:
        return False
    return any(w in events for w in tokens[max(0, j - _EVENT_REACH):j])


def question_parties(question: str) -> set[str]:
    """The country codes `question` names outside a place phrase ("Did Ukraine buy Chinese drones?" -> UA, CN;
    "Is China involved in the war in Ukraine?" -> CN; «La Chine vend-elle des armes au Venezuela ?» -> CN, VE)."""
    tokens = words(question)
    out: set[str] = set()
    i = 0
    while i < len(tokens):
        # A country's name ("the United States", "Chine"), else one word naming its people ("Chinese", «russes»).
        found = next(((n, code) for n in (3, 2, 1) if i + n <= len(tokens)
                      for code in [country_code(" ".join(tokens[i:i + n]))] if code), None)
        if found is None and nationality(tokens[i]):
            found = (1, nationality(tokens[i]))
        if found is None:
            i += 1
            continue
        if not is_place(tokens, i):
            out.add(str(found[1]))
        i += found[0]
    return out


def _countries(keys: Iterable[str]) -> set[str]:
    return {key.split(":", 2)[1] for key in keys if key.split(":", 1)[0] in COUNTRY_KINDS and ":" in key}


def unlinked(parties: set[str], claim_keys: Mapping[str, set[str]]) -> bool:
    """Whether the question has two parties or more and no claim of `claim_keys` holds two of them."""
    return len(parties) >= 2 and not any(len(_countries(keys) & parties) >= 2 for keys in claim_keys.values())


def country_does(question: str) -> bool:
    """A country named after a doer's word (`doer_markers` in lang/<code>/brief.yaml: "helped by China", "engines
    from China", « aidée par la Chine »): it acts, whatever named body the question names before it."""
    tokens = words(question)
    markers = {w for data in brief_data().values() for w in words(" ".join(map(str, data.get("doer_markers") or [])))}
    for i, token in enumerate(tokens):
        rest = [t for t in tokens[i + 1:i + 5] if t not in DETERMINERS]
        if token in markers and any(country_code(" ".join(rest[:n])) or nationality(" ".join(rest[:n]))
                                    for n in (3, 2, 1)):
            return True
    return False


__all__ = ["country_does", "is_place", "question_parties", "unlinked"]
