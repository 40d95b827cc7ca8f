"""A party's account named, not told: "his relatives dispute the police account", "the ministry's account is wrong".

The words hold no proposition of their own (no key, few words), yet a reader knows what they deny: what that party
says in the same article. Such a negated content is read as a denial of the party's first account there (its
first statement, else its first act): it takes that mention's type, arguments and item, keeping its own words,
chain and origin. Words in graph/data/propositions.yaml (account_nouns, account_determiners, account_verdicts).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

import yaml

from claimgraph.graph.keys import fold
from claimgraph.model import Analysis, Attribution
from claimgraph.model.claims import ClaimMention

DATA = __import__("pathlib").Path(__file__).parent / "data" / "propositions.yaml"
_WORD = re.compile(r"\w+", re.UNICODE)
# At most this many words name the party ("the New York police department's account").
PARTY_WORDS = 5
# Origins that are the outlet itself: an outlet's narration is nobody's account (graph.mentions OUTLET_VOICES).
OUTLET_VOICES = ("story", "press_report", "media")
OWNER_LINKS = frozenset({"of", "de", "du", "des", "d"})


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {section: frozenset(fold(str(w)) for per_lang in data[section].values() for w in per_lang)
            for section in ("account_nouns", "account_determiners", "account_verdicts")}


def account_party(text: str) -> Optional[tuple[str, ...]]:
    """The words naming whose account `text` is, when the text is only that account (and a verdict on it):
    "the police account" -> ("police",), "the ministry's account is wrong" -> ("ministry",); None otherwise."""
    words = _words()
    tokens = _WORD.findall(fold(text))
    nouns = [i for i, token in enumerate(tokens) if token in words["account_nouns"]]
    if not nouns:
        return None
    i = nouns[0]
    party = [token for token in tokens[:i] if token not in words["account_determiners"]]
    owner = False  # after "of" / «de»: the party's words ("la version de la police")
    for token in tokens[i + 1:]:
        if token in OWNER_LINKS:
            owner = True
        elif token in words["account_determiners"]:
            continue
        elif owner and token not in words["account_verdicts"]:
            party.append(token)
        elif token in words["account_verdicts"]:
            owner = False
        else:
            return None
    return tuple(party) if 0 < len(party) <= PARTY_WORDS else None


def _speaks_for(mention: ClaimMention, party: tuple[str, ...], named: set[str]) -> bool:
    if mention.origin.type in OUTLET_VOICES or mention.stance != "supports" or mention.polarity == "negative":
        return False
    origin = fold(mention.origin.name or "")
    if origin in named:
        return True  # "the NYPD's account": the entity the words name is the origin
    said = set(_WORD.findall(origin)) | {w for link in mention.chain for w in _WORD.findall(fold(link.text or ""))}
    return all(word in said for word in party)


def account_denials(analysis: Analysis, mentions: list[ClaimMention]) -> list[ClaimMention]:
    """`mentions` with each negated content that names a party's account read as a denial of that account (it
    replaces the content's own statement mention, when it had one)."""
    out = list(mentions)
    for attribution in analysis.attributions:
        if attribution.polarity != "negative":
            continue
        party = account_party(attribution.content.text)
        if party is None:
            continue
        target = _account_of(analysis, attribution, party, out)
        if target is None:
            continue
        own = next((m for m in out if m.record_id == attribution.id), None)
        origin, chain = _voice(analysis, attribution, own)
        if origin is None:
            continue
        denial = replace(target, record_id=attribution.id, stance="denies", polarity="negative",
                         quote=attribution.content, chain=chain, origin=origin, denies=())
        out = [m for m in out if m.record_id != attribution.id] + [denial]
    return out


def _account_of(analysis: Analysis, attribution: Attribution, party: tuple[str, ...],
                mentions: list[ClaimMention]) -> Optional[ClaimMention]:
    named = {fold(e.name) for e in analysis.entities if any(attribution.content.contains(m) for m in e.mentions)}
    speaking = [m for m in mentions if m.record_id != attribution.id and _speaks_for(m, party, named)]
    statements = [m for m in speaking if m.type == "STATEMENT"]
    return (statements or speaking or [None])[0]


def _voice(analysis: Analysis, attribution: Attribution, own: Optional[ClaimMention]):
    """The chain and origin of the denying content (its own statement mention's, or read off the analysis)."""
    if own is not None:
        return own.origin, own.chain
    from claimgraph.graph.mentions import sane_chain
    from claimgraph.graph.origins import chain_of, origin_of
    entities = {e.id: e for e in analysis.entities}
    chain = sane_chain(chain_of(attribution.id, analysis, entities), analysis)
    return origin_of(chain, analysis), chain
