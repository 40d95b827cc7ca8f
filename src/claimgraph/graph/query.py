"""Read the graph: claims with their independent origins, denials, articles, languages and dates.

Every read is bounded: claims are picked through indexed keys (an entity, a
type) or by how much evidence they have, then only their aggregates are read
(`graph.aggregates`: a row per article and per named origin of the claim, not
per evidence row; quoted evidence, when asked for, is read from the evidence
itself). Story origins are resolved here, at read time, onto their copy group
and onto the wire whose byline the group carries, so that copy groups merging
later never leaves stale counts. An unidentified press report ("media
reports", `graph.press`) is left out of a claim's origins here when a named
origin carried the claim on or before its date.
"""
from __future__ import annotations

import gc
import json
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Optional, Sequence

from sqlalchemy import Connection, bindparam, select, text

from claimgraph.graph.aggregates import COMMENTATOR, OWN_IN_COPY, order_key, own_in_copy, root_texts
from claimgraph.graph.keys import country_code, entity_key, fold, nationality, unnamed_group, words
from claimgraph.graph.origins import STORY_PREFIXES, wire_origin
from claimgraph.graph.press import PRESS_REPORT
from claimgraph.model import CERTAINTIES, Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin
from claimgraph.store import tables as t

FIRMNESS = {c: i for i, c in enumerate(CERTAINTIES)}  # certain=0 ... underspecified=3
UNASSERTED = "underspecified"


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


def summaries(connection: Connection, claim_ids: list[str], with_evidence: bool = True,
              evidence_limit: Optional[int] = None) -> list[ClaimSummary]:
    """Summaries of `claim_ids`, in that order; with `with_evidence`, their quotes and chains too.

    Counts, dates and origins come from the claims' aggregates
    (`graph.aggregates`: one row per article and per named origin, not per
    evidence row); story origins are resolved here onto their copy group and
    wire. With `evidence_limit`, at most that many evidence rows per stance and
    claim are read, the first in date order (`ClaimSummary.more_evidence`
    says how many are left out).
    """
    if not claim_ids:
        return []
    with _bulk():
        return _summaries(connection, claim_ids, with_evidence, evidence_limit)


@contextmanager
def _bulk() -> Iterator[None]:
    """A listing builds tens of thousands of small objects that all stay alive until it returns: the
    cyclic garbage collector, which would walk them again and again, is held off meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# The columns of a listed article (`claim_documents`, its copy group now), read by position.
_CLAIM, _ARTICLE, _DATE, _LANG, _SUPPORTS, _DENIES, _VOICES, _CITED, _ROOT = range(9)


def _summaries(connection: Connection, claim_ids: list[str], with_evidence: bool,
               evidence_limit: Optional[int]) -> list[ClaimSummary]:
    c, co = t.claims, t.claim_origins
    ids = sorted(set(claim_ids))
    rows = {r.id: r for r in connection.execute(
        select(c.c.id, c.c.type, c.c.label, c.c.names).where(c.c.id.in_(ids)))}
    # Each claim's articles in the order of its evidence (`ORDER BY date, id`, as the rows were read), with
    # the first article of each one's copy group now (voices keep the root they were written under).
    docs = connection.execute(text(
        "SELECT cd.claim_id, cd.document_id, cd.date, cd.lang, cd.supports, cd.denies, cd.voices, cd.cited, g.root_id"
        f" FROM claim_documents cd LEFT JOIN graph_documents g{_group_index(connection)} ON g.document_id = cd.document_id"
        " WHERE cd.claim_id IN :ids ORDER BY cd.claim_id, cd.date, cd.first_id").bindparams(
        bindparam("ids", ids, expanding=True))).all()
    voices, cited = _voices(connection, ids, docs)
    spans = _spans([d[_CLAIM] for d in docs])
    # Each claim's named origins, at their first row.
    named = connection.execute(select(co.c.claim_id, co.c.stance, co.c.origin_key, co.c.origin_name, co.c.origin_type,
                                      co.c.certainty, co.c.first_date, co.c.first_id).where(co.c.claim_id.in_(ids))
                               .order_by(co.c.claim_id)).all()
    named_spans = _spans([n[0] for n in named])
    key = order_key(connection.dialect.name)
    listing: dict[Triple, tuple[Triple, tuple[bool, bool]]] = {}  # each origin as listed, computed once
    out = []
    for claim_id in claim_ids:
        row = rows.get(claim_id)
        if row is None:
            continue
        first, last = spans.get(claim_id, (0, 0))
        start, stop = named_spans.get(claim_id, (0, 0))
        summary, items = _summary(row, docs[first:last], voices[first:last], cited[first:last], named[start:stop], key,
                                  listing)
        if with_evidence:
            origin_of = {i[2][_ID]: i[2][_ORIGIN] for i in items if i[2] is not None}
            evidence = _evidence_rows(connection, claim_id, docs[first:last], evidence_limit, key)
            summary.evidence = [_evidence(x, Origin(*origin_of[x.id]) if x.origin_key.startswith(STORY_PREFIXES)
                                          else Origin(x.origin_key, x.origin_name, x.origin_type)) for x in evidence]
            summary.more_evidence = sum(d[_SUPPORTS] + d[_DENIES] for d in docs[first:last]) - len(evidence)
        out.append(summary)
    return out


def _spans(column: list[str]) -> dict[str, tuple[int, int]]:
    """Where each claim's rows start and stop in rows grouped by claim (`column`: their claim ids)."""
    starts = [i for i in range(len(column)) if i == 0 or column[i] != column[i - 1]] + [len(column)]
    return {column[start]: (start, stop) for start, stop in zip(starts, starts[1:])}


def _group_index(connection: Connection) -> str:
    """SQLite reads an article's copy group off `ix_graph_documents_group` (document_id, root_id) only when
    told: it prefers the primary key, whose table rows (with their embeddings) cost a page read each."""
    return " INDEXED BY ix_graph_documents_group" if connection.dialect.name == "sqlite" else ""


# Origins are read as (key, name, type) tuples and made `Origin`s once listed.
Triple = tuple[str, str, str]
# A voice (`claim_documents.voices`, graph.aggregates) as read: its stored fields, then its article, its
# stored origin resolved (copy group, wire) and the origin it counts as, once decided.
_ID, _STANCE, _CERTAINTY, _KEY, _NAME, _TYPE, _NOUN, _FLAGS, _DOC, _STORED, _ORIGIN = range(11)


def _voices(connection: Connection, claim_ids: list[str],
            docs: Sequence[Any]) -> tuple[list[Optional[list[list[Any]]]], list[Optional[list[str]]]]:
    """Per listed article (as `docs`), its voices with their stored origin resolved: onto the copy group (the
    root a row was written under may have joined an elder group since), a copy's own unnamed sources, and
    the wire whose byline one of the group's articles carries; and the named origins it cites (or None)."""
    g, cd = t.graph_documents, t.claim_documents
    # The wire of each group: the first of its articles (in graph order) with a byline.
    listed = text(f"SELECT g.root_id FROM claim_documents cd JOIN graph_documents g{_group_index(connection)}"
                  " ON g.document_id = cd.document_id WHERE cd.claim_id IN :ids AND cd.voices IS NOT NULL").bindparams(
        bindparam("ids", claim_ids, expanding=True)).columns(g.c.root_id)
    wires: dict[str, str] = {}

    def read_wires(roots: Any) -> None:
        for root_id, wire in connection.execute(select(g.c.root_id, g.c.wire)
                                                .where(g.c.root_id.in_(roots), g.c.wire.is_not(None))
                                                .order_by(g.c.root_id, g.c.position)):
            wires.setdefault(root_id, wire)

    read_wires(listed)
    texts = [d[_VOICES] for d in docs if d[_VOICES] is not None]
    parsed = iter(json.loads("[" + ",".join(texts) + "]") if texts else [])  # one parse for every article
    texts = [d[_CITED] for d in docs if d[_CITED] is not None]
    cited_lists = iter(json.loads("[" + ",".join(texts) + "]") if texts else [])
    cited = [None if d[_CITED] is None else next(cited_lists) for d in docs]
    out: list[Optional[list[list[Any]]]] = []
    moved: list[tuple[list[Any], str, str]] = []  # (voice, prefix, written root)
    for d in docs:
        if d[_VOICES] is None:
            out.append(None)
            continue
        entries = next(parsed)
        document_id, now = d[_ARTICLE], d[_ROOT]
        for v in entries:
            prefix, _, written = v[_KEY].partition(":")
            if prefix != "story" and prefix != "anon":  # an outlet's quoted source: a named origin
                v += (document_id, (v[_KEY], v[_NAME], v[_TYPE]), None)
                continue
            v += (document_id, None, None)
            if written != now:
                # Its root has joined an elder group since it was written (or the row was written under
                # another article's key): the written root's own root now decides, below.
                moved.append((v, prefix, written))
            elif prefix == "anon" and written != document_id and v[_FLAGS] & OWN_IN_COPY:
                # A copy's own unnamed source: in its root's language, in a sentence the root does not hold
                # word for word (decided at write time, against this same root).
                v[_STORED] = _on_wire("anon", document_id, v, wires) if wires else (f"anon:{document_id}", v[_NAME], v[_TYPE])
            else:
                v[_STORED] = _on_wire(prefix, written, v, wires) if wires else (v[_KEY], v[_NAME], v[_TYPE])
        out.append(entries)
    if not moved:
        return out, cited
    written_roots = sorted({written for _, _, written in moved})
    root = {document_id: root_id for document_id, root_id in connection.execute(
        select(g.c.document_id, g.c.root_id).where(g.c.document_id.in_(written_roots)))}
    others = sorted(set(root.values()) - set(wires))
    if others:
        read_wires(others)
    regrouped: list[tuple[list[Any], str]] = []
    for v, prefix, written in moved:
        current = root.get(written, written)
        if prefix == "anon" and current != v[_DOC]:
            if current != written:
                regrouped.append((v, current))  # whether it is the copy's own is decided again, below
                continue
            if v[_FLAGS] & OWN_IN_COPY:
                current = v[_DOC]
        v[_STORED] = _on_wire(prefix, current, v, wires)
    if regrouped:
        e = t.evidence
        quotes = {r.id: r for r in connection.execute(select(e.c.id, e.c.lang, e.c.quote_text)
                                                      .where(e.c.id.in_(sorted(v[_ID] for v, _ in regrouped))))}
        texts_now = root_texts(connection, {current for _, current in regrouped})
        for v, current in regrouped:
            if own_in_copy(texts_now.get(current), quotes[v[_ID]].lang, quotes[v[_ID]].quote_text):
                current = v[_DOC]
            v[_STORED] = _on_wire("anon", current, v, wires)
    return out, cited


def _on_wire(prefix: str, root: str, v: list[Any], wires: dict[str, str]) -> Triple:
    """An article's own reporting (`story:<root>`, `anon:<root>`) as the wire of its copy group when one of
    its articles carries a byline: a Reuters story's narration and unnamed sources are Reuters'. The press
    reports it cites ("according to media reports") are not the wire's own reporting: they stay press reports."""
    wire = wires.get(root)
    if not wire or v[_TYPE] == PRESS_REPORT:
        return (f"{prefix}:{root}", v[_NAME], v[_TYPE])
    plain = wire_origin(wire)
    if prefix == "anon":
        return (plain.key, f"{v[_NAME].split(' (in ')[0]} (via {wire})", plain.type)
    return (plain.key, plain.name, plain.type)


# (order, stored origin, voice or None, certainty, date): a named origin's first row, or a voice's article.
Item = tuple[Any, Triple, Optional[list[Any]], str, Optional[str]]


def _summary(row: Any, docs: Sequence[Any], voices: list[Optional[list[list[Any]]]], cited_lists: list[Optional[list[str]]],
             named: Sequence[Any], key: Any,
             listing: dict[Triple, tuple[Triple, tuple[bool, bool]]]) -> tuple[ClaimSummary, list[Item]]:
    """One claim's summary (without evidence), and its rows as read (voices with the origin they count as)."""
    # The claim's rows in date order: each named origin once, at its first row (all that a distinct listing
    # of origins needs), each own voice on its own.
    support: list[Item] = []
    against: list[Item] = []
    for _, stance, origin_key, origin_name, origin_type, certainty, first_date, first_id in named:
        (support if stance == "supports" else against).append(
            (key(first_date, first_id), (origin_key, origin_name, origin_type), None, certainty, first_date))
    quoted: dict[str, list[tuple[str, Triple]]] = {}
    own_sources: dict[str, list[Any]] = {}
    cited: dict[str, list[str]] = {}
    for d, entries, cites in zip(docs, voices, cited_lists):
        if entries is None:
            continue
        document_id, date = d[_ARTICLE], d[_DATE]
        via = []
        for v in entries:
            supports = v[_STANCE] == "supports"
            if v[_KEY].startswith(STORY_PREFIXES):
                (support if supports else against).append((key(date, v[_ID]), v[_STORED], v, v[_CERTAINTY], date))
                if supports and v[_KEY].startswith("anon:") and document_id not in own_sources:
                    own_sources[document_id] = v
            if supports and " (via " in v[_NAME]:
                # "des sources internes (via The Times)": whom the article's own unnamed sources may be.
                via.append((v[_NOUN], v[_STORED]))
        if via:
            quoted[document_id] = via
        if cites is not None:
            cited[document_id] = cites
    support.sort(key=_first)
    against.sort(key=_first)
    rules = _Rules(support, against, quoted, own_sources, cited, listing)
    # Support needs assertion: a question, a condition, "if confirmed" (certainty `underspecified`) is shown
    # with the claim but counts as no origin.
    asserted = [i for i in support if i[3] != UNASSERTED]
    if len(asserted) < len(support):
        _counted(support, rules)  # every row's origin resolved: the evidence list shows each one
    origins = _distinct(_counted(asserted, rules), listing)
    # Nobody denies their own words: an origin on both sides is read as asserting (the denial is another claim
    # the graph could not tell apart, e.g. a negated remark of the same speaker).
    asserting = {o[0] for o in origins}
    denied_by = [o for o in _distinct(_counted(against, rules), listing) if o[0] not in asserting]
    dates = [d[_DATE] for d in docs if d[_DATE]]
    summary = ClaimSummary(
        id=row.id, type=row.type, label=row.label, arguments=json.loads(row.names),
        origins=[Origin(*o) for o in origins], denied_by=[Origin(*o) for o in denied_by],
        articles=[d[_ARTICLE] for d in docs], languages=sorted({d[_LANG] for d in docs}),
        first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
        certainty=min((i[3] for i in support), key=_firmness, default="underspecified"))
    return summary, support + against


class _Rules:
    """The origin each own voice of one claim counts as (a class, not closures: nothing here refers back to
    itself, so a listing's objects go as soon as it returns, without the garbage collector)."""

    def __init__(self, support: list[Item], against: list[Item], quoted: dict[str, list[tuple[str, Triple]]],
                 own_sources: dict[str, list[Any]], cited: dict[str, list[str]],
                 listing: dict[Triple, tuple[Triple, tuple[bool, bool]]]) -> None:
        self.rows = {"supports": support, "denies": against}
        self.quoted, self.own_sources, self.cited, self.listing = quoted, own_sources, cited, listing
        self.relayable: dict[str, tuple[list[Triple], dict[str, int]]] = {}
        self.relays: dict[tuple[str, str], Optional[Triple]] = {}

    def relayed(self, stance: str, document_id: str) -> Optional[Triple]:
        """The claim's first named origin (or denier) that an article cites elsewhere: what its
        unattributed telling relays ("Reuters reported ..." above, "the engines", unattributed, below)."""
        if document_id not in self.cited:  # an article that cites no named origin relays none
            return None
        pair = (stance, document_id)
        if pair not in self.relays:
            if stance not in self.relayable:  # (a key is kept or left out whole: filtering first lists the same)
                origins = _distinct((i[1] for i in self.rows[stance] if not i[1][0].startswith(STORY_PREFIXES)),
                                    self.listing)
                self.relayable[stance] = (origins, {o[0]: n for n, o in enumerate(origins)})
            origins, rank = self.relayable[stance]
            first = min((rank[k] for k in self.cited[document_id] if k in rank), default=None)
            self.relays[pair] = None if first is None else origins[first]
        return self.relays[pair]

    def origin(self, v: list[Any]) -> Triple:
        if v[_ORIGIN] is None:
            v[_ORIGIN] = self._origin(v)
        return v[_ORIGIN]  # type: ignore[no-any-return]

    def _origin(self, v: list[Any]) -> Triple:
        stance, stored, document_id, unnamed = v[_STANCE], v[_STORED], v[_DOC], v[_KEY].startswith("anon:")
        if v[_FLAGS] & COMMENTATOR:
            return stored  # type: ignore[no-any-return]
        # An article's unattributed telling of a claim (or of its denial) it attributes elsewhere
        # relays that source: "Reuters reported ..." above, "the engines were shipped" below.
        if stance == "denies" or not unnamed:
            found = self.relayed(stance, document_id)
            if found is not None:
                return found
        if stance == "supports":
            if unnamed and document_id in self.quoted:
                # "Western official says" in a headline is the official the story says spoke to The Times;
                # "a Western diplomat" is not the "company documents" it says Reuters cited.
                same = [o for noun, o in self.quoted[document_id] if noun == v[_NOUN]]
                if v[_NOUN] and same:
                    return same[0]
            if not unnamed and v[_TYPE] != PRESS_REPORT and document_id in self.own_sources:
                # An article telling a claim it also puts in its own unnamed sources' mouths is one origin.
                return self.origin(self.own_sources[document_id])
        return stored  # type: ignore[no-any-return]


def _counted(items: list[Item], rules: _Rules) -> list[Triple]:
    """The origins one stance's rows count: each row's origin, less the unidentified press reports ("media
    reports", "selon la presse") of a claim a named origin carried on or before their date. Such a report
    cites earlier reporting that exists elsewhere; alone (or first) it still counts, as a press report."""
    resolved = [(item[1] if item[2] is None else rules.origin(item[2]), item[4]) for item in items]
    named = [date for origin, date in resolved if date and not origin[0].startswith(STORY_PREFIXES)]
    return [origin for origin, date in resolved
            if origin[2] != PRESS_REPORT or not any(_on_or_before(first, date) for first in named)]


def _on_or_before(first: str, date: Optional[str]) -> bool:
    """`first` is not after `date`, compared at the precision they share ("2024-09" and "2024-09-27" are
    each on or before the other); never for an undated row, which cannot be shown to come later."""
    if not date:
        return False
    shared = min(len(first), len(date))
    return first[:shared] <= date[:shared]


def _first(item: Item) -> Any:
    return item[0]


def _firmness(certainty: str) -> int:
    return FIRMNESS.get(certainty, 9)


def _evidence_rows(connection: Connection, claim_id: str, docs: Sequence[Any], limit: Optional[int], key: Any) -> list[Any]:
    """A claim's evidence rows with their articles, in date order: all, or the first `limit` of each stance
    (a claim's rows come article by article in that order, so the first articles holding a stance hold them)."""
    e, d = t.evidence, t.documents
    query = select(e, d.c.url, d.c.source, d.c.title).join(d, d.c.id == e.c.document_id).where(e.c.claim_id == claim_id)
    if limit is None:
        return list(connection.execute(query.order_by(e.c.date, e.c.id)))
    wanted: set[str] = set()
    for stance in ("supports", "denies"):
        count = 0
        for doc in docs:
            if count >= limit:
                break
            held = doc[_SUPPORTS] if stance == "supports" else doc[_DENIES]
            if held:
                wanted.add(doc[_ARTICLE])
                count += held
    if not wanted:
        return []
    found = sorted(connection.execute(query.where(e.c.document_id.in_(sorted(wanted)))), key=lambda r: key(r.date, r.id))
    shown: dict[str, int] = defaultdict(int)
    out = []
    for r in found:
        stance = "supports" if r.stance == "supports" else "denies"
        if shown[stance] < limit:
            shown[stance] += 1
            out.append(r)
    return out


def _evidence(r: Any, origin: Origin) -> Evidence:
    return Evidence(claim_id=r.claim_id, document_id=r.document_id, record_id=r.record_id, stance=r.stance,
                    certainty=r.certainty, polarity=r.polarity, quote=Span(r.quote_start, r.quote_end, r.quote_text),
                    chain=tuple(ChainLink.from_dict(x) for x in json.loads(r.chain)), origin=origin, date=r.date,
                    lang=r.lang, url=r.url, outlet=r.source, title=r.title)


def _distinct(origins: Iterable[Triple], listing: dict[Triple, tuple[Triple, tuple[bool, bool]]]) -> list[Triple]:
    """One origin per key; the plainest name wins ("The Times" over "des sources internes (via The Times)").

    listing: a cache of `_listed` (each origin as listed, and how plain its name is)."""
    best: dict[str, tuple[Triple, tuple[bool, bool]]] = {}
    for origin in origins:
        found = listing.get(origin)
        if found is None:
            found = listing[origin] = _listed(origin)
        kept = best.get(origin[0])
        if kept is None or found[1] > kept[1]:
            best[origin[0]] = found
    return [origin for origin, _ in best.values()]


def _listed(origin: Triple) -> tuple[Triple, tuple[bool, bool]]:
    key, name, type = origin
    if name.endswith(")") and key.startswith("state:"):
        # "Lin Jian (Government of China)" and "China (Government of China)" are listed as the state.
        name = name[name.rindex("(") + 1:-1]
        origin = (key, name, type)
    return origin, ("(via" not in name and "(in" not in name, name[:1].isupper())
