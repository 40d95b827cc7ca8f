"""Read the graph: claims with their independent origins, denials, articles, languages and dates.

Every read is bounded: claims are picked through indexed keys (an entity, a
type) or by how much evidence they have, then only their own evidence rows
are read. Story origins are resolved here, at read time, onto their copy
group and onto the wire whose byline the group carries, so that copy groups
merging later never leaves stale counts.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Iterable, Optional

from sqlalchemy import Connection, select

from claimgraph.graph.keys import country_code, entity_key, fold, is_commentator, nationality, unnamed_group, words
from claimgraph.graph.origins import STORY_PREFIXES, wire_origin
from claimgraph.model import CERTAINTIES, Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin
from claimgraph.store import tables as t

FIRMNESS = {c: i for i, c in enumerate(CERTAINTIES)}  # certain=0 ... underspecified=3


def keys_for_name(connection: Connection, name: str) -> set[str]:
    """Argument keys a name stands for: known surface forms, unnamed groups, country codes."""
    folded = fold(name)
    keys = {r for r in connection.execute(select(t.graph_names.c.key).where(t.graph_names.c.name == folded)).scalars()}
    group = unnamed_group(name)
    if group:
        keys.add(group[0])
    if not keys:
        keys.add(entity_key(name))
    return keys


def keys_in_question(connection: Connection, question: str) -> set[str]:
    """Entities (any language) named in a question, its unnamed groups, and the countries it names."""
    tokens = words(question)
    grams = {" ".join(tokens[i:i + n]) for n in range(1, 6) for i in range(len(tokens) - n + 1)}
    keys = set(connection.execute(select(t.graph_names.c.key).where(t.graph_names.c.name.in_(sorted(grams)))).scalars())
    group = unnamed_group(question)
    if group:
        keys.add(group[0])
    for gram in grams:
        code = country_code(gram) or nationality(gram)
        if code and gram not in {"us", "uk"}:  # too ambiguous as plain words in a question
            keys.add(f"cc:{code}")
    return keys


# Per key, how many of its newest claims a lookup considers: bounded work on a store of any size.
RECENT_PER_KEY = 3000


def recent_claim_ids(connection: Connection, keys: Iterable[str], per_key: int = RECENT_PER_KEY,
                     type: Optional[str] = None) -> set[str]:
    """The newest claims of each key (of one type, if given), off the (key, seq) or (key, type, seq) index."""
    k = t.claim_keys
    ids: set[str] = set()
    for key in sorted(set(keys)):
        query = select(k.c.claim_id).where(k.c.key == key)
        if type:
            query = query.where(k.c.type == type)
        ids.update(connection.execute(query.order_by(k.c.seq.desc()).limit(per_key)).scalars())
    return ids


def claim_ids_for_keys(connection: Connection, keys: Iterable[str], limit: int) -> list[str]:
    """The most evidenced among the newest claims of `keys`."""
    c = t.claims
    ids = sorted(recent_claim_ids(connection, keys))
    if not ids:
        return []
    return list(connection.execute(select(c.c.id).where(c.c.id.in_(ids))
                                   .order_by(c.c.n_evidence.desc(), c.c.seq.desc()).limit(limit)).scalars())


def select_claim_ids(connection: Connection, entity: Optional[str] = None, type: Optional[str] = None,
                     since: Optional[str] = None, limit: int = 50) -> list[str]:
    """Claim ids for `claims`: filtered by entity (name or alias, any language), type and last-seen date."""
    c = t.claims
    query = select(c.c.id)
    if entity:
        # The type is filtered on claim_keys (which copies it): a `claims.type` term here would make
        # SQLite walk every claim of that type through ix_claims_type_evidence (536 ms at 50k articles).
        ids = sorted(recent_claim_ids(connection, keys_for_name(connection, entity), type=type.upper() if type else None))
        query = query.where(c.c.id.in_(ids))
    elif type:
        query = query.where(c.c.type == type.upper())
    if since:
        query = query.where(c.c.last_seen >= since)
    return list(connection.execute(query.order_by(c.c.n_evidence.desc(), c.c.seq.desc()).limit(limit)).scalars())


def summaries(connection: Connection, claim_ids: list[str], with_evidence: bool = True) -> list[ClaimSummary]:
    """Summaries of `claim_ids`, in that order; with `with_evidence`, every quote and chain too.

    Without evidence only the columns the summary needs are read (no join; a
    chain is parsed only for an unattributed row, to see who speaks), which
    keeps a listing of heavily evidenced claims fast.
    """
    if not claim_ids:
        return []
    c, e, d = t.claims, t.evidence, t.documents
    rows = {r.id: r for r in connection.execute(
        select(c.c.id, c.c.type, c.c.label, c.c.names).where(c.c.id.in_(claim_ids)))}
    light = (e.c.claim_id, e.c.document_id, e.c.stance, e.c.certainty, e.c.origin_key, e.c.origin_name,
             e.c.origin_type, e.c.date, e.c.lang, e.c.chain, e.c.quote_text)
    query = (select(e, d.c.url, d.c.source, d.c.title).join(d, d.c.id == e.c.document_id) if with_evidence
             else select(*light))
    evidence_rows = list(connection.execute(query.where(e.c.claim_id.in_(claim_ids)).order_by(e.c.date, e.c.id)))
    own = _own_in_copy(connection, evidence_rows)
    resolve = _origin_resolver(connection, {r.origin_key for r in evidence_rows})
    cited = _cited_sources(connection, {r.document_id for r in evidence_rows if r.origin_key.startswith(STORY_PREFIXES)})
    by_claim: dict[str, list[Any]] = defaultdict(list)
    for r in evidence_rows:
        by_claim[r.claim_id].append(r)
    out = []
    for claim_id in claim_ids:
        row = rows.get(claim_id)
        if row is None:
            continue
        items = by_claim[claim_id]
        support = [x for x in items if x.stance == "supports"]
        against = [x for x in items if x.stance == "denies"]
        dates = sorted(x.date for x in items if x.date)
        # Each stored origin resolved once (copy group, wire byline), then read by every rule below.
        stored: dict[int, Origin] = {id(x): resolve(Origin(f"anon:{x.document_id}" if id(x) in own else x.origin_key,
                                                          x.origin_name, x.origin_type)) for x in items}
        named = _distinct(stored[id(x)] for x in support)
        deniers = _distinct(stored[id(x)] for x in against)

        quoted: dict[str, list[tuple[str, Origin]]] = defaultdict(list)
        for x in support:
            if " (via " in x.origin_name:
                quoted[x.document_id].append((_speaker_noun(x), stored[id(x)]))

        def origin(x: Any) -> Origin:
            if _speaks_for_itself(x):
                return stored[id(x)]
            if x.origin_key.startswith(STORY_PREFIXES):
                # An article's unattributed telling of a claim (or of its denial) it attributes elsewhere
                # relays that source: "Reuters reported ..." above, "the engines were shipped" below.
                relayed = _relayed(named if x.stance == "supports" else deniers, cited.get(x.document_id, set()))
                if relayed is not None and (x.stance == "denies" or x.origin_key.startswith("story:")):
                    return relayed
            if x.stance == "supports" and x.origin_key.startswith("anon:") and x.document_id in quoted:
                # "Western official says" in a headline is the official the story says spoke to The Times;
                # "a Western diplomat" is not the "company documents" it says Reuters cited.
                noun = _speaker_noun(x)
                same = [o for n, o in quoted[x.document_id] if n == noun]
                if noun and same:
                    return same[0]
            if x.stance == "supports" and x.origin_key.startswith("story:") and x.document_id in own_sources:
                # An article telling a claim it also puts in its own unnamed sources' mouths is one origin.
                return origin(own_sources[x.document_id])
            return stored[id(x)]

        own_sources = {x.document_id: x for x in reversed(support) if x.origin_key.startswith("anon:")}

        out.append(ClaimSummary(
            id=row.id, type=row.type, label=row.label, arguments=json.loads(row.names),
            origins=_distinct(origin(x) for x in support), denied_by=_distinct(origin(x) for x in against),
            articles=list(dict.fromkeys(x.document_id for x in items)),
            languages=sorted({x.lang for x in items}), first_seen=dates[0] if dates else None,
            last_seen=dates[-1] if dates else None,
            certainty=min((x.certainty for x in support), key=lambda v: FIRMNESS.get(v, 9), default="underspecified"),
            evidence=[_evidence(x, origin(x)) for x in items] if with_evidence else []))
    return out


def _evidence(r: Any, origin: Origin) -> Evidence:
    return Evidence(claim_id=r.claim_id, document_id=r.document_id, record_id=r.record_id, stance=r.stance,
                    certainty=r.certainty, polarity=r.polarity, quote=Span(r.quote_start, r.quote_end, r.quote_text),
                    chain=tuple(ChainLink.from_dict(x) for x in json.loads(r.chain)), origin=origin, date=r.date,
                    lang=r.lang, url=r.url, outlet=r.source, title=r.title)


def _distinct(origins: Iterable[Origin]) -> list[Origin]:
    """One origin per key; the plainest name wins ("The Times" over "des sources internes (via The Times)")."""
    def plainness(origin: Origin) -> tuple[bool, bool]:
        return ("(via" not in origin.name and "(in" not in origin.name, origin.name[:1].isupper())

    best: dict[str, Origin] = {}
    for origin in origins:
        if origin.key.startswith("state:") and origin.name.endswith(")"):
            # "Lin Jian (Government of China)" and "China (Government of China)" are listed as the state.
            origin = Origin(origin.key, origin.name[origin.name.rindex("(") + 1:-1], origin.type)
        kept = best.get(origin.key)
        if kept is None or plainness(origin) > plainness(kept):
            best[origin.key] = origin
    return list(best.values())


def _origin_resolver(connection: Connection, keys: set[str]):  # type: ignore[no-untyped-def]
    """Map an article's own reporting (`story:<root>`, `anon:<root>`) onto the wire of its copy
    group when one of its articles carries a byline: a Reuters story's narration and unnamed
    sources are Reuters'."""
    roots = [k.split(":", 1)[1] for k in keys if k.startswith(STORY_PREFIXES)]
    wires: dict[str, str] = {}
    if roots:
        g = t.graph_documents
        for r in connection.execute(select(g.c.root_id, g.c.wire).where(g.c.root_id.in_(roots), g.c.wire.is_not(None))):
            wires.setdefault(r.root_id, r.wire)

    def resolve(origin: Origin) -> Origin:
        if origin.key.startswith(STORY_PREFIXES):
            wire = wires.get(origin.key.split(":", 1)[1])
            if wire:
                plain = wire_origin(wire)
                if origin.key.startswith("anon:"):
                    unnamed = origin.name.split(" (in ")[0]
                    return Origin(plain.key, f"{unnamed} (via {wire})", plain.type)
                return plain
        return origin

    return resolve


def _own_in_copy(connection: Connection, rows: list[Any]) -> set[int]:
    """Rows (by `id()`) of a copy's unnamed sources that are its own, not its original's.

    A copy's `anon:` origin is stored under its copy group's first article (a
    wire relay's "two intelligence sources" are the wire's). A same-language
    copy that adds its own source ("The agency's account was confirmed by a
    Western diplomat"), a sentence the original does not hold word for word, has
    its own unnamed source; a translation holds no sentence verbatim, so its
    sources stay the original's.
    """
    pending = [x for x in rows if x.origin_key.startswith("anon:") and x.origin_key[len("anon:"):] != x.document_id]
    if not pending:
        return set()
    d = t.documents
    roots = sorted({x.origin_key[len("anon:"):] for x in pending})
    originals = {r.id: (r.lang, _plain(r.text)) for r in connection.execute(select(d.c.id, d.c.lang, d.c.text)
                                                                             .where(d.c.id.in_(roots)))}
    out = set()
    for x in pending:
        lang, text = originals.get(x.origin_key[len("anon:"):], (None, ""))
        if lang == x.lang and _plain(x.quote_text) not in text:
            out.add(id(x))
    return out


def _plain(text: str) -> str:
    return " ".join(words(text))


def _cited_sources(connection: Connection, document_ids: set[str]) -> dict[str, set[str]]:
    """Per article, the named origins its evidence cites anywhere (`src:reuters`, `state:CN`)."""
    if not document_ids:
        return {}
    e = t.evidence
    out: dict[str, set[str]] = defaultdict(set)
    for r in connection.execute(select(e.c.document_id, e.c.origin_key).where(e.c.document_id.in_(sorted(document_ids)))
                                .distinct()):
        if not r.origin_key.startswith(STORY_PREFIXES):
            out[r.document_id].add(r.origin_key)
    return out


def _speaks_for_itself(x: Any) -> bool:
    """Only what has no named source of its own (narration, documents, unnamed sources) can be read as
    an origin the article cites elsewhere; a commentator ("analysts doubt ...") is the article's own
    voice, whoever else it quotes. Named sources never reach here: their origin is their name."""
    if not x.origin_key.startswith(STORY_PREFIXES):
        return False
    chain = json.loads(x.chain)
    return bool(chain) and is_commentator(chain[0]["text"])


def _speaker_noun(x: Any) -> str:
    """The head noun of an evidence row's innermost source, singular ("a Western official", "Western
    officials" -> "official"); "" for none."""
    chain = json.loads(x.chain)
    tokens = words(chain[0]["text"]) if chain else []
    if not tokens:
        return ""
    head = tokens[-1]
    return head[:-1] if head.endswith(("s", "x")) and len(head) > 3 else head


def _relayed(origins: list[Origin], cited: set[str]) -> Optional[Origin]:
    """The claim's named origin an article's unattributed telling relays: one the article cites
    elsewhere ("Reuters reported ..." above, "the engines", unattributed, below)."""
    named = [o for o in origins if not o.key.startswith(STORY_PREFIXES) and o.key in cited]
    return named[0] if named else None
