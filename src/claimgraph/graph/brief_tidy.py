"""What a brief shows once, and whole: one row per passage, origin names cut at a word.

The graph keeps every mention it read, so one sentence can be evidence twice ("China has
repeatedly denied sending weapons to either side." as the article's own DENY, and "sending weapons
to either side" as what China denies). A brief shows such rows of one article, one stance and
overlapping characters as one row: the widest quote (its offsets, so the reader sees the whole
sentence), said by the most telling of their sources (a counted certainty first, then a named
speaker). Counting is done before: the verdict and the origins are read from every row.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Optional

from sqlalchemy import Connection, select

from claimgraph.graph.denials import ASSERTED
from claimgraph.graph.embed import from_blob
from claimgraph.graph.firmness import brief_data
from claimgraph.graph.keys import fold, words
from claimgraph.graph.sanity import is_outlet_name
from claimgraph.graph.scoring import ITEM_THRESHOLD, stored_classes
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin
from claimgraph.store import tables as t

# An origin named after its article's title carries the first 50 characters of it (graph.origins).
_TITLE = re.compile(r"«([^»]{50})»")


def merge_overlapping(rows: list[Evidence]) -> list[Evidence]:
    """`rows` with the rows of one article and stance whose quotes overlap shown as one (order kept)."""
    out: list[Evidence] = []
    # Only rows of one article and stance can overlap: each row is tested against those (in `out`'s order).
    groups: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        group = groups.setdefault((row.document_id, row.stance), [])
        for i in group:
            if _overlap(out[i], row):
                out[i] = _merged(out[i], row)
                break
        else:
            group.append(len(out))
            out.append(row)
    return out


def _overlap(a: Evidence, b: Evidence) -> bool:
    """Whether two rows' quotes share a character (callers compare rows of one article and stance only)."""
    return a.quote.start < b.quote.end and b.quote.start < a.quote.end


def _rank(row: Evidence) -> tuple[bool, bool]:
    return row.certainty in ASSERTED, bool(row.chain and row.chain[0].name)


def _merged(a: Evidence, b: Evidence) -> Evidence:
    wide = a if len(a.quote.text) >= len(b.quote.text) else b
    said = a if _rank(a) >= _rank(b) else b
    return replace(wide, certainty=said.certainty, polarity=said.polarity, chain=said.chain, origin=said.origin)


def same_item(connection: Connection, claims: Iterable[ClaimSummary], items: Mapping[str, str]) -> Callable[[str, str], bool]:
    """Whether two accusations' items (by claim id: `items`, the claims' stored item words and item vectors) say the
    same thing, as the graph tells one item from another (graph.scoring): item classes decide when both have some
    ("arming the enemy" and «livrer des obus à l'ennemi»: weapons); otherwise the cosine of their items must reach
    the graph's measured same-item floor (ITEM_THRESHOLD, any language). One accusation told in two languages or
    wordings meets it (eight hand-made translations of classless items: 0.58-0.91), two accusations do not
    ("arming the enemy" and "hacking the election commission" 0.26; five such pairs 0.19-0.40). The one rule
    `verdict.merge_duplicates` needs to read two same-day accusations by the same origins as one."""
    ids = sorted(c.id for c in claims if c.type == "ACCUSE")
    vectors = {r.id: from_blob(r.vector) for r in connection.execute(
        select(t.claims.c.id, t.claims.c.vector).where(t.claims.c.id.in_(ids))) if r.vector is not None} if ids else {}

    def same(a: str, b: str) -> bool:
        first, second = stored_classes(items.get(a)), stored_classes(items.get(b))
        if first and second:
            return bool(first & second)
        if a not in vectors or b not in vectors:
            return False
        return float(vectors[a] @ vectors[b]) >= ITEM_THRESHOLD
    return same


def whole_title(name: str) -> str:
    """An origin's name whose article title was cut mid-word ("article «La Chine fournit des équipements de dr»"),
    cut at the last whole word and marked ("article «La Chine fournit des équipements de …»")."""
    def cut(match: re.Match[str]) -> str:
        text = match.group(1)
        return f"«{text.rsplit(' ', 1)[0].rstrip(' ,;:')} …»" if " " in text else match.group(0)
    return _TITLE.sub(cut, name)


def _origin(origin: Origin) -> Origin:
    name = whole_title(origin.name)
    return origin if name == origin.name else replace(origin, name=name)


def whole_names(claims: Iterable[ClaimSummary]) -> None:
    """Each claim's origins' names whole, in its origins, deniers and rows (in place)."""
    for claim in claims:
        claim.origins = [_origin(o) for o in claim.origins]
        claim.denied_by = [_origin(o) for o in claim.denied_by]
        claim.evidence = [_with_origin(e, _origin(e.origin)) for e in claim.evidence]


def _with_origin(row: Evidence, origin: Origin) -> Evidence:
    """`row` with `origin` (itself when its origin is that one: no copy of every row of every claim)."""
    return row if origin is row.origin else replace(row, origin=origin)


# Links that pass on what others said: a name after them in "x (via NAME)" is a relay. Any other named link (the body
# that authored a document, an organisation) is whose words x are: its declaration, its spokesperson, its diplomat.
RELAY_TYPES = frozenset({"media"})


@lru_cache(maxsize=1)
def _self_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(definite singular determiners, an outlet's nouns for itself, words that make such a noun another outlet's),
    folded, from `outlet_self` in lang/<code>/brief.yaml."""
    lists: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for data in brief_data().values():
        own = data.get("outlet_self") or {}
        for out, name in zip(lists, ("determiners", "nouns", "others")):
            out.update(fold(str(w)) for w in own.get(name) or [])
    return frozenset(lists[0]), frozenset(lists[1]), frozenset(lists[2])


def _outlet_itself(chain: tuple[ChainLink, ...], body: str) -> bool:
    """Whether `chain` opens with an unnamed media link that is the outlet `body` naming itself: a definite singular
    outlet noun ("the agency", "the London paper", «l'agence», «le quotidien») that refers back to `body` named
    before it (the next link, read from context). "State media", "a newspaper", "the state news agency", and a
    newspaper `body` cites ("Reuters reported, citing the newspaper") are other outlets, relayed through it."""
    if len(chain) < 2 or chain[0].name or chain[0].type not in RELAY_TYPES:
        return False
    if chain[1].type != "context" or chain[1].name != body:
        return False
    determiners, nouns, others = _self_words()
    tokens = words(chain[0].text)
    return (len(tokens) >= 2 and tokens[0] in determiners and any(w in nouns for w in tokens[1:])
            and not any(w in others for w in tokens[1:]))


def _body_voice(row: Evidence, outlets: set[str]) -> Optional[tuple[str, str]]:
    """(the row's origin shown as a body's own voice, the body) when its name reads "x (via BODY)" and BODY is no
    news outlet: "The summit declaration (via NATO)" -> "The summit declaration (NATO)", as "Le département d'État
    (Government of the United States)" reads; "a Western official (via The Times)" stays. `outlets`: names some
    row's chain gives as a media link."""
    inner, via, rest = row.origin.name.partition(" (via ")
    if not via or not rest.endswith(")"):
        return None
    body = rest[:-1]
    if _outlet_itself(row.chain, body):
        return body, body  # "the news agency (via Reuters)": the outlet's own noun for itself is the outlet
    link = next((link for link in row.chain if link.name == body), None)
    if link is None or link.type in RELAY_TYPES or body in outlets or is_outlet_name(body):
        return None
    return f"{inner} ({body})", body


def body_voices(claims: Iterable[ClaimSummary]) -> None:
    """Rows whose origin is a body speaking through its own document or people named as its voice, not as relayed
    through it; the body alone in the claim's origins and deniers (in place; names only: keys and counts unchanged)."""
    claims = list(claims)
    outlets = {link.name for claim in claims for row in claim.evidence for link in row.chain
               if link.name and link.type in RELAY_TYPES}
    for claim in claims:
        plain: dict[str, str] = {}
        rows = []
        for row in claim.evidence:
            voice = _body_voice(row, outlets)
            if voice is not None:
                plain[row.origin.name] = voice[1]
                row = _with_origin(row, replace(row.origin, name=voice[0]))
            rows.append(row)
        claim.evidence = rows
        if plain:
            claim.origins = [replace(o, name=plain[o.name]) if o.name in plain else o for o in claim.origins]
            claim.denied_by = [replace(o, name=plain[o.name]) if o.name in plain else o for o in claim.denied_by]


def tidy(claims: Iterable[ClaimSummary]) -> None:
    """Each claim's rows merged where they overlap (in place; after every count is made)."""
    for claim in claims:
        claim.evidence = merge_overlapping(claim.evidence)


def row_key(row: Evidence) -> str:
    """A shown row's passage: its article and characters ("doc:120-180")."""
    return f"{row.document_id}:{row.quote.start}-{row.quote.end}"


def quoted_above(order: Iterable[ClaimSummary]) -> dict[str, dict[str, str]]:
    """The rows each claim shares with a claim shown before it (claims in the brief's order; rows already merged):
    claim id -> {row key: the label of the claim it was first quoted under}. One passage may evidence two claims (a
    NATO sentence is a statement and, by its "by supplying dual-use technology", a supply), and a state's denial
    answers every allegation of its article: a brief quotes each passage in full once and, after that, says where
    (graph.render), so that one sentence does not read as three. A row is quoted above when a row of an earlier
    claim, of the same article and stance, holds all its characters (a wider row is still quoted in full)."""
    first: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    out: dict[str, dict[str, str]] = {}
    for claim in order:
        mine: list[tuple[tuple[str, str], int, int]] = []
        for row in claim.evidence:
            spans = first.get((row.document_id, row.stance), [])
            above = next((label for start, end, label in spans if start <= row.quote.start and row.quote.end <= end),
                         None)
            if above is not None:
                out.setdefault(claim.id, {})[row_key(row)] = above
            else:
                mine.append(((row.document_id, row.stance), row.quote.start, row.quote.end))
        for group, start, end in mine:
            first.setdefault(group, []).append((start, end, claim.label))
    return out


__all__ = ["body_voices", "merge_overlapping", "quoted_above", "row_key", "same_item", "tidy", "whole_names", "whole_title"]
