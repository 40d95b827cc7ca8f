"""Reading a source from the voices around it: whether a parent relays a child, whether a source refers back
to one already quoted ("the official", "il", "one of them"), which voices come just before it, and whom an
unresolved pronoun stands for. graph/origins.py completes an unnamed chain with these.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from claimgraph.graph.keys import fold, is_pronoun, words
from claimgraph.graph.source_roles import is_commentator
from claimgraph.graph.voices import speaker_pronouns, state_voice
from claimgraph.model import Analysis, Attribution, Entity
from claimgraph.model.claims import ChainLink

# How far back (characters) an unnamed source looks for the outlet quoting it.
QUOTING_WINDOW = 700
# The chain of an attribution id (graph/origins.py `chain_of`), passed in to keep this module below it.
ChainOf = Callable[[Optional[str], Analysis, dict[str, Entity]], tuple[ChainLink, ...]]


# "The Times, citing a Western official", "C'est ce qu'affirme le Times, qui cite un responsable occidental".
_CITING = re.compile(r"\b(?:citing|quoting|cited|quoted|cites|quotes|cite|citant|citait|s'appuyant sur|relying on)\b",
                     re.IGNORECASE)
CITING_WINDOW = 40


def relays(parent: Attribution, child: Attribution, text: str = "") -> bool:
    """The parent carries the child's words: the child's source sits in the parent's content ("X said
    that officials believe ..."), between the parent's source and its content ("Reuters reported,
    citing company documents, that ..."), or right after the parent's source, which cites it
    ("..., affirme le Times, qui cite un responsable occidental")."""
    if parent.content.contains(child.source.span):
        return True
    source, content, inner = parent.source.span, parent.content, child.source.span
    if source.end <= inner.start and inner.end <= content.start:
        return True
    between = text[source.end:inner.start] if text and source.end <= inner.start else ""
    return (0 < len(between) <= CITING_WINDOW and not re.search(r"[.!?\n]", between)
            and bool(_CITING.search(between)))


def _sentence(text: str, offset: int) -> tuple[int, int]:
    """The bounds of the sentence holding `offset` (cut at . ! ? or a line break)."""
    start = max(text.rfind(c, 0, offset) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, offset) for c in ".!?\n") if i != -1]
    return start, min(ends) if ends else len(text)


def same_head(said_by: str, earlier: str) -> bool:
    """A source referring back by the head noun of an earlier one ("the spokesperson" after "A NATO
    spokesperson", "ce porte-parole" after "un porte-parole de l'OTAN")."""
    tokens = words(said_by)
    if not tokens or not refers_back(said_by) or is_pronoun(said_by):
        return False
    before = words(earlier)
    head = tokens[-1]
    return bool(before) and (head == before[-1] or head in before[:4] and len(tokens) <= 3)


def pronoun_speaker(attribution: Attribution, analysis: Analysis, entities: dict[str, Entity],
                    chain_of: ChainOf) -> Optional[tuple[ChainLink, ...]]:
    """A pronoun for one speaker the analysis left unresolved ("..., said disaster agency official Jane Roe. ...
    he said") is the voice quoted just before it, named or new (an unnamed one referring back, "the doctor", is
    passed over): that voice's chain (None when there is none within QUOTING_WINDOW, or it is a commentator's). A
    plural pronoun ("they", "nous") is an unnamed group or an organisation's voice, never one named person: None then.
    """
    number = _pronoun_number(attribution.source.span.text)
    if number is None:
        return None
    by_id = {a.id: a for a in analysis.attributions}
    related, current = {attribution.id}, attribution
    while current.parent and current.parent in by_id and current.parent not in related:
        related.add(current.parent)
        current = by_id[current.parent]
    for other in voices_before(attribution, analysis, related):
        if is_commentator(other.source.span.text):
            return None
        chain = chain_of(other.id, analysis, entities)
        if any(link.name for link in chain) or not refers_back(other.source.span.text):
            return None if number == "plural" and _one_person(other, chain, analysis) else chain
        # "the doctor", "she" left unresolved too: whom they refer to comes before them.
    return None


def _pronoun_number(said_by: str) -> Optional[str]:
    """"singular" or "plural" for a pronoun for a speaker ("he", "ils": `speaker_pronouns` in graph/data/voices.yaml),
    None for any other source."""
    said = fold(said_by).strip(" .,")
    return next((number for number, forms in speaker_pronouns().items() if said in forms), None)


def _one_person(voice: Attribution, chain: tuple[ChainLink, ...], analysis: Analysis) -> bool:
    """The voice is one named person speaking as themself: the first name of its chain is a person's, not the
    organisation or state they speak for (a state's spokesperson is the state: `state_voice`)."""
    name = next((link.name for link in chain if link.name), None)
    if name is None or state_voice(name, analysis) is not None:
        return False
    if any(e.type == "PERSON" and e.name == name for e in analysis.entities):
        return True
    return voice.source.type == "named_person" and name == chain[0].name and not any(
        e.type != "PERSON" and e.name == name for e in analysis.entities)


def _end(attribution: Attribution) -> int:
    return max(attribution.source.span.end, attribution.content.end)


def voices_before(attribution: Attribution, analysis: Analysis, related: set[str]) -> list[Attribution]:
    """The attributions that end before this one starts, within QUOTING_WINDOW, nearest first."""
    start = min(attribution.source.span.start, attribution.content.start)
    return sorted((a for a in analysis.attributions
                   if a.id not in related and _end(a) <= start + 1 and start - _end(a) <= QUOTING_WINDOW),
                  key=_end, reverse=True)


def opens_paragraph(attribution: Attribution, before: list[Attribution], text: str) -> bool:
    """A paragraph break lies between the nearest voice before and this one."""
    start = min(attribution.source.span.start, attribution.content.start)
    return not before or "\n" in text[_end(before[0]):start]


def confirms_report(attribution: Optional[Attribution], by_id: dict[str, Attribution], text: str) -> bool:
    """A source outside its parent's sentence (and words) confirms the parent's report ("The agency's
    account was confirmed by a Western diplomat"): it speaks to the article, not to the parent."""
    parent = by_id.get(attribution.parent) if attribution is not None and attribution.parent else None
    if parent is None or attribution is None or parent.polarity == "negative" or relays(parent, attribution, text):
        return False
    return _sentence(text, parent.source.span.start) != _sentence(text, attribution.source.span.start)


# Words that open a reference back to someone already introduced: definite and demonstrative
# determiners, "one of them", "l'un d'eux" (pronouns are in unnamed.yaml).
_BACK = {"the", "this", "that", "these", "those", "le", "la", "l", "les", "ce", "cet", "cette", "ces", "celui", "celle",
         "ceux", "celles", "ledit", "ladite"}
_ONE_OF = re.compile(r"^(?:one|either|each|both|another|l un|l une|un|une|chacun|chacune|l autre|the other) "
                     r"(?:of|d|des|de)\b")


def refers_back(text: str) -> bool:
    """True for a source that points back at one already quoted ("the official", "Il", "ce
    responsable", "l'une d'elles", "one of the sources"); False for a new one ("a Western diplomat",
    "des sources proches du dossier", "Diplomats")."""
    tokens = [t.lstrip("-") for t in words(text)]
    tokens = [t[2:] if t.startswith("t-") else t for t in tokens if t]
    if not tokens:
        return False
    return tokens[0] in _BACK or is_pronoun(" ".join(tokens)) or bool(_ONE_OF.match(" ".join(tokens)))
