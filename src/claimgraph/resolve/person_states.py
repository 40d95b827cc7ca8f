"""The country a person speaks for, from the title a journalist writes with their name (issue 12).

News introduces an official with their state in the title: "Chilean Navy spokesman Tomas Rey", "Peru's
president Ana Quispe", "Greek Prime Minister X", "Chile Armed Forces spokesman X", or in an apposition:
"Lia Moss, the governor of Tarn County in Chile's Maule Region,", "Rui Sal, an aide to Peru's armed
forces,". Such a person gets the entity's `country` (ISO 3166 alpha-2,
upper case), so every mention of them (a later "Ms Moss said") speaks for that state. The title must hold a role
of `state_titles.roles` and the country must be written as a state's: an adjective of nationality ("Sudanese",
"Greek"), a country's possessive ("Sudan's"), or a country's name right before a body of
`state_titles.bodies` ("Sudan Armed Forces"); "Sudan People's Liberation Army" names no state. A person
whose mentions name two countries gets none.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from claimgraph.model import Entity, Span
from claimgraph.resolve.territories import lookup_territory

# How far before a name its title may start, and how long an apposition after it may run (characters).
_TITLE_REACH = 80
_APPOSITION_REACH = 110
_WORD = re.compile(r"[\w'’.-]+")


def person_countries(text: str, entities: list[Entity], data: dict[str, Any]) -> None:
    """Give `country` to the PERSON entities whose title names the state they serve (in place)."""
    titles = data.get("state_titles") or {}
    roles = _phrases(titles.get("roles"))
    bodies = _phrases(titles.get("bodies"))
    if not roles:
        return
    for entity in entities:
        if entity.type != "PERSON" or entity.country:
            continue
        codes = {code for mention in entity.mentions for phrase in _title_phrases(text, mention)
                 if (code := _state_in(phrase, roles, bodies)) is not None}
        if len(codes) == 1:
            entity.country = codes.pop().upper()


def _phrases(values: Any) -> list[tuple[str, ...]]:
    return sorted({tuple(str(v).lower().split()) for v in values or ()}, key=len, reverse=True)


def _title_phrases(text: str, mention: Span) -> list[list[str]]:
    """The words of the title before a mention (back to a clause mark) and of an apposition after it."""
    before = re.split(r"[.!?;:\n(,\"“”]", text[max(0, mention.start - _TITLE_REACH):mention.start])[-1]
    out = [_WORD.findall(before)]
    after = text[mention.end:mention.end + _APPOSITION_REACH]
    if after.startswith(","):
        out.append(_WORD.findall(re.split(r"[.!?;:\n(\"“”]|,", after[1:])[0]))
    return out


def _has(words: list[str], phrase: tuple[str, ...], at: Optional[int] = None) -> bool:
    lowered = [w.lower() for w in words]
    starts = [at] if at is not None else range(len(words) - len(phrase) + 1)
    return any(tuple(lowered[i:i + len(phrase)]) == phrase for i in starts if 0 <= i <= len(words) - len(phrase))


def _name_like(word: str) -> bool:
    """A word that may name a country: capitalised and at least four letters ("Peru", not "It", "Mr." read as
    country codes), or an abbreviation in capitals ("US", "U.S.")."""
    letters = word.replace(".", "").replace(" ", "")
    return letters.isalpha() and (letters.isupper() or (word[:1].isupper() and len(letters) >= 4 and "." not in word))


def _state_in(words: list[str], roles: list[tuple[str, ...]], bodies: list[tuple[str, ...]]) -> Optional[str]:
    """The country code a title names as a state's, when the title holds a state role."""
    if not any(_has(words, role) for role in roles):
        return None
    found, i = set(), 0
    while i < len(words):
        step = 1
        for n in (3, 2, 1):
            gram = words[i:i + n]
            if len(gram) < n:
                continue
            last = gram[-1]
            possessive = last.endswith(("'s", "’s"))
            name = " ".join(gram[:-1] + [last[:-2] if possessive else last])
            territory = lookup_territory(name) if _name_like(name) else None
            if territory is None or not territory.is_country:
                continue
            # "Sudanese Army spokesman", "Greek Prime Minister", "Sudan Armed Forces": a state's word right before
            # its role or body; not "the Center for American Progress", "United Mine Workers of America"
            titled = i > 0 and words[i - 1].lower() == "of" or not any(
                _has(words, phrase, i + n + k) for phrase in roles + bodies for k in range(3))
            if possessive or not titled and (n == 1 and name.lower() != territory.name.lower()
                                            or any(_has(words, body, i + n) for body in bodies)):
                found.add(territory.code)
            step = n  # the longest name at i ("South Sudan", not then "Sudan")
            break
        i += step
    return found.pop() if len(found) == 1 else None
