"""What the denials of the best allegation name, against what it alleges (a sentence of the verdict).

A state may deny "lethal weapons" while the best-evidenced allegation is about dual-use
components: the graph links such a denial to the allegation through a general rejection
("Beijing rejected the charge"), and the verdict would read as if the components were denied.
A fact-checker says what the denials name: when none of the allegation's denying rows names a
class of its item (`graph/data/items.yaml`: weapons, drones, components ...), the verdict says so,
with what they name instead and one general rejection, quoted.
"""
from __future__ import annotations

import re
from typing import Optional

from claimgraph.graph.denials import ASSERTED
from claimgraph.graph.items import item_classes
from claimgraph.graph.reader import language_of
from claimgraph.model.claims import ClaimSummary, Evidence

_QUOTED = re.compile(r"«([^»]*)»")
_TOKEN = re.compile(r"[^\W\d_][\w\-']*", re.UNICODE)
# A general rejection quoted in the sentence is cut at this many characters.
QUOTE_CHARS = 120


def named_classes(text: str, lang: Optional[str]) -> frozenset[str]:
    """Every item class a sentence names by one word or two ("lethal weapons", "engines", "drones"): a sentence
    has no one head, so each of its words counts."""
    tokens = _TOKEN.findall(text)
    out: set[str] = set()
    for n in (1, 2):
        for i in range(len(tokens) - n + 1):
            out |= item_classes(" ".join(tokens[i:i + n]), lang)
    return frozenset(out)


def item_of(claim: ClaimSummary) -> Optional[str]:
    found = _QUOTED.findall(claim.label)
    return found[-1] if claim.type != "STATEMENT" and found else None


def _rejection(rows: list[Evidence]) -> Optional[str]:
    for e in rows:
        text = " ".join(e.quote.text.split())
        if len(text) <= QUOTE_CHARS:
            return text
    return None


def _and(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c" """
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def denials_miss(claim: ClaimSummary) -> Optional[str]:
    """A sentence saying that no denial of `claim` names what it alleges, or None when one does (or it has no
    item, no item class, or no denial)."""
    item = item_of(claim)
    alleged = item_classes(item, language_of(item or "")) if item else frozenset()
    rows = [e for e in claim.evidence if e.stance == "denies" and e.certainty in ASSERTED]
    if not alleged or not rows:
        return None
    named: set[str] = set()
    general: list[Evidence] = []
    for e in rows:
        classes = named_classes(e.quote.text, e.lang)
        named |= classes
        if not classes:
            general.append(e)
    if alleged & named:
        return None
    quote = _rejection(general)
    rejecting = "reject the charge in general" + (f" («{quote}»)" if quote else "")
    said = f"they name {_and(sorted(named))}" + (f", or {rejecting}" if general else "") if named else \
        f"they only {rejecting}"
    return f"No denial of the first allegation names {' or '.join(sorted(alleged))} («{item}»): {said}."


__all__ = ["denials_miss", "item_of", "named_classes"]
