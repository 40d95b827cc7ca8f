"""Support needs assertion, and a denial answers what it names.

A sentence that asks ("... has China begun to arm Russia?", "it remains to be seen whether
Beijing ..."), or that supposes ("if confirmed, these deliveries would be ...") asserts
nothing: its claim is shown as such (certainty `underspecified`) and never counted as an
origin's support, however the extraction read its verbs. Word lists live in
`graph/data/roles.yaml` (`open_questions`, `conditions`, `anaphoric_matters`, `denial_covers`).

A denial answers a claim when what it denies and what the claim is about meet by item class
(`graph/data/items.yaml`: "never supplied lethal weapons" answers a supply of weapons or of
military drones, not a statement about sanctions); a denial that names no item ("not aware of
the case", «a rejeté ces accusations») answers what its own article reports.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import yaml

from claimgraph.graph.items import item_classes
from claimgraph.graph.keys import fold, words
from claimgraph.graph.sanity import ROLES

# Characters that close a sentence for the question test, and those that end a clause.
SENTENCE_ENDS = ".!?\n"
CLAUSE_BREAKS = ",;:"
CLOSING = " \"'»”’)"
# Function words that tell a French item from an English one.
FRENCH_MARKS = frozenset({"de", "des", "du", "d", "la", "le", "les", "une", "un", "aux", "au"})


@lru_cache(maxsize=1)
def _data() -> dict[str, object]:
    data = yaml.safe_load(ROLES.read_text(encoding="utf-8"))
    phrases = {name: tuple(sorted({" ".join(words(str(p))) for forms in data[name].values() for p in forms}))
               for name in ("open_questions", "conditions", "anaphoric_matters", "charges", "concessions",
                            "normative_negations", "report_complements")}
    covers = {str(k): frozenset(map(str, v)) for k, v in data.get("denial_covers", {}).items()}
    return {**phrases, "covers": covers}


def _has(phrases: object, text: str) -> bool:
    padded = " " + " ".join(words(text)) + " "
    for concession in _data()["concessions"]:  # type: ignore[attr-defined]
        padded = padded.replace(f" {concession} ", " ")  # "even if" asserts what follows
    return any(f" {p} " in padded for p in phrases)  # type: ignore[attr-defined]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max(text.rfind(c, 0, start) for c in SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(c, max(end - 1, begin)) for c in SENTENCE_ENDS) if i != -1]
    return begin, (min(stops) + 1 if stops else len(text))


def unasserted(text: str, start: int, end: int) -> bool:
    """Whether the claim at `text[start:end]` is asked or supposed rather than asserted: its sentence
    is a question or holds a condition on its truth, or an open-question phrase ("whether",
    «reste à savoir») stands in the claim's own clause before it, or inside it."""
    if end <= start:
        return False
    begin, stop = _sentence(text, start, end)
    sentence = text[begin:stop]
    if sentence.rstrip(CLOSING).endswith("?") or _has(_data()["conditions"], sentence):
        return True
    clause = max(text.rfind(c, begin, start) for c in CLAUSE_BREAKS)
    return _has(_data()["open_questions"], text[max(clause + 1, begin):end])


def is_normative(text: Optional[str]) -> bool:
    """A negation of ability or duty ("cannot fuel the war"), not of a happening."""
    return _has(_data()["normative_negations"], text or "")


def is_anaphoric(item: Optional[str]) -> bool:
    """A denied item that only points back at a matter already told ("the case", «ces accusations»)."""
    tokens = words(item or "")
    return not tokens or (not item_classes(item) and any(t in _data()["anaphoric_matters"] for t in tokens))


def covered(denied: frozenset[str], claimed: frozenset[str]) -> bool:
    """Whether a denial of items of classes `denied` answers a claim about items of classes `claimed`."""
    covers: dict[str, frozenset[str]] = _data()["covers"]  # type: ignore[assignment]
    wider = set(denied).union(*(covers.get(c, frozenset()) for c in denied)) if denied else set()
    return bool(wider & claimed)


def answers(denied_text: Optional[str], claim_text: Optional[str], same_article: bool, remark: bool = False) -> bool:
    """Whether a denial whose words are `denied_text` answers a claim about `claim_text`.

    Both name items: their classes must meet (a denial of weapons also covers the classes
    `denial_covers` lists under it). A denial naming no item ("rejected the charge") answers
    only its own article's claims, and a `remark` (a statement, not an act) only when it is a
    charge ("a decisive enabler", "knew about the shipments"; not "seeks to avoid sanctions").
    """
    denied = item_classes(denied_text, _lang(denied_text)) or reported_classes(denied_text)
    claimed = item_classes(claim_text, _lang(claim_text))
    if not denied:
        return same_article and (not remark or is_charge(claim_text))
    return covered(denied, claimed)


@lru_cache(maxsize=1)
def _report_clause() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, _data()["anaphoric_matters"]))  # type: ignore[call-overload]
    complements = "|".join(map(re.escape, _data()["report_complements"]))  # type: ignore[call-overload]
    return re.compile(rf"\b(?:{nouns}) (?:{complements}) ([^,;:.!?]+)")


@lru_cache(maxsize=16_384)
def reported_classes(text: Optional[str]) -> frozenset[str]:
    """The item classes a denied report or accusation names in what it says ("rejected reports that a firm had
    supplied engines for attack drones" -> {engines}; «des informations selon lesquelles une société aurait livré
    des armes» -> {weapons}); empty when the words hold no such clause ("rejected the charge")."""
    match = _report_clause().search(" ".join(fold(text or "").split()))
    return item_classes(match.group(1), _lang(match.group(1))) if match else frozenset()


def _lang(text: Optional[str]) -> str:
    """English or French, enough to find an item's head word ("drone engines", «moteurs de drones»)."""
    tokens = set(words(text or ""))
    return "fr" if tokens & FRENCH_MARKS else "en"


def is_charge(text: Optional[str]) -> bool:
    """A remark that says someone helps, arms, fuels, knows or did a deed (`charges` in roles.yaml)."""
    return _has(_data()["charges"], text or "")


__all__ = ["answers", "covered", "is_anaphoric", "is_charge", "reported_classes", "unasserted"]
