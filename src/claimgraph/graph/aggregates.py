"""What a listing reads instead of every evidence row: per claim, its articles and its origins.

`claims` and `brief` show, for each claim, every article (in the order the
claim's evidence is dated), its languages, first/last seen, firmness, its
independent origins and who denies it. Reading every evidence row of the
listed claims for that made a listing grow with the evidence of its claims
(about 58 000 rows for the 50 most evidenced claims of a 100k-article store,
1.5-2 s). Two tables, kept at write time (`add_article`, in the article's
transaction) and filled from the evidence on an existing store (migration
0004, `backfill`), hold what the read-time rules need:

* `claim_documents`: one row per (claim, article): the article's date,
  language, first evidence row (`evidence.id`; rows are read in
  `(date, id)` order) and rows per stance, and, only where a read-time rule needs the article,
  its *voices*: every row whose origin is the article's own (`story:`,
  `anon:`), with the head noun and commentator flag of its chain and whether
  it is a copy's own unnamed source, the rows an outlet quotes ("... (via The
  Times)") when the article has unnamed sources of its own, and the named
  origins the article cites anywhere (`cited`, for relays).
* `claim_origins`: one row per distinct named origin of a claim (stance,
  origin key/name/type, certainty) with its first evidence row: a named origin
  is what it says it is, whatever article carries it.

Copy groups and wire bylines are still resolved at read time (`graph.query`):
a voice keeps the key it was written with (`story:<root>`), and the root's
current copy group is looked up when read, so groups merging later never
leave a stale aggregate. Replaying every article gives the same rows
(`graph.rebuild`), and `backfill` from the evidence gives rows that read the
same (`tests/test_graph_listing.py`).
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from typing import Any, Callable, Iterable, Optional

from sqlalchemy import Connection, and_, bindparam, exists, select

from claimgraph.graph.keys import words
from claimgraph.graph.source_roles import is_commentator
from claimgraph.graph.origins import STORY_PREFIXES
from claimgraph.store import tables as t

# A voice in `claim_documents.voices`: [evidence id, stance, certainty, origin key, origin name, origin type,
# head noun of its innermost source, flags].
COMMENTATOR = 1  # the innermost source is a commentator ("des analystes"): the article's own voice
OWN_IN_COPY = 2  # an unnamed source of a same-language copy, in a sentence its root does not carry verbatim

GROUP_COLUMNS = ("claim_id", "stance", "origin_key", "origin_name", "origin_type", "certainty")
ROW_COLUMNS = ("id", "claim_id", "document_id", "stance", "certainty", "origin_key", "origin_name", "origin_type",
               "date", "lang", "chain", "quote_text")


def order_key(dialect: str) -> Callable[[Optional[str], int], tuple[bool, str, int]]:
    """The `ORDER BY date, id` of the evidence as a Python key: NULL dates first on SQLite, last on PostgreSQL."""
    if dialect == "sqlite":
        return lambda date, row_id: (date is not None, date or "", row_id)
    return lambda date, row_id: (date is None, date or "", row_id)


def is_story(key: str) -> bool:
    return key.startswith(STORY_PREFIXES)


def quoted_by_outlet(stance: str, name: str) -> bool:
    """A supporting row whose source an outlet quotes ("des sources internes (via The Times)")."""
    return stance == "supports" and " (via " in name


@lru_cache(maxsize=65536)
def head_noun(chain_json: str) -> str:
    """The head noun of a chain's innermost source, singular ("a Western official", "Western officials" ->
    "official"); "" for none."""
    chain = json.loads(chain_json)
    tokens = words(chain[0]["text"]) if chain else []
    if not tokens:
        return ""
    head = tokens[-1]
    return head[:-1] if head.endswith(("s", "x")) and len(head) > 3 else head


@lru_cache(maxsize=65536)
def commentator_chain(chain_json: str) -> bool:
    chain = json.loads(chain_json)
    return bool(chain) and is_commentator(chain[0]["text"])


def plain(text: str) -> str:
    return " ".join(words(text))


# A copy's edited sentence is its root's when its source's words are the root's too and this share of its word
# trigrams is in the root ("was bombed on Thursday, officials and witnesses said" for "was bombed Thursday, officials
# and witnesses said"); a source the root does not name is the copy's own, whatever it says.
COPIED_SHARE = 0.6


def own_in_copy(root: Optional[tuple[str, str]], lang: str, quote_text: str, chain_json: str = "[]") -> bool:
    """An unnamed source of a copy is its own, not its root's, when the copy is in the root's language and
    the sentence is not the root's, word for word or edited with the same source (`root`: the root's language
    and plain text; `chain_json`: the row's attribution chain, its first link the source's words)."""
    if root is None or root[0] != lang:
        return False
    quote = plain(quote_text)
    if quote in root[1]:
        return False
    chain = json.loads(chain_json)
    source = plain(chain[0]["text"]) if chain else ""
    if not source or f" {source} " not in f" {root[1]} ":
        return True
    tokens = quote.split()
    trigrams = [" ".join(tokens[i:i + 3]) for i in range(len(tokens) - 2)]
    return not trigrams or sum(f" {g} " in f" {root[1]} " for g in trigrams) < COPIED_SHARE * len(trigrams)


def root_texts(connection: Connection, roots: Iterable[str]) -> dict[str, tuple[str, str]]:
    d = t.documents
    ids = sorted(set(roots))
    if not ids:
        return {}
    return {r.id: (r.lang, plain(r.text)) for r in connection.execute(select(d.c.id, d.c.lang, d.c.text)
                                                                       .where(d.c.id.in_(ids)))}


def _voice_root(row: Any) -> Optional[str]:
    """The root an unnamed source's row was written under, when it is not the row's own article."""
    if row.origin_key.startswith("anon:") and row.origin_key[len("anon:"):] != row.document_id:
        return row.origin_key[len("anon:"):]
    return None


def aggregate(rows: list[Any], cited: dict[str, set[str]], roots: dict[str, tuple[str, str]],
              dialect: str) -> tuple[list[dict[str, Any]], dict[tuple[str, ...], dict[str, Any]]]:
    """The aggregate rows of `rows`, all the evidence rows of some (claim, article) pairs.

    An article's rows share its date and language (`graph.mentions` dates and
    places every mention by its article), so they are in `ORDER BY date, id`
    order by id, and an article's rows of a claim come all before or all
    after another article's (ids grow article by article).

    cited: per article, the named origin keys of all its evidence (every claim).
    roots: language and plain text of the roots `_voice_root` names.
    RETURNS: `claim_documents` rows, and `claim_origins` rows keyed by their primary key (each at its
    first row).
    """
    key = order_key(dialect)
    pairs: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r.id):
        pairs[(row.claim_id, row.document_id)].append(row)
    documents = []
    origins: dict[tuple[str, ...], dict[str, Any]] = {}
    for (claim_id, document_id), items in pairs.items():
        first = items[0]
        story = [x for x in items if is_story(x.origin_key)]
        unnamed = any(x.stance == "supports" and x.origin_key.startswith("anon:") for x in story)
        voices = []
        for x in items:
            if is_story(x.origin_key):
                flags = COMMENTATOR if commentator_chain(x.chain) else 0
                root = _voice_root(x)
                if root is not None and own_in_copy(roots.get(root), x.lang, x.quote_text, x.chain):
                    flags |= OWN_IN_COPY
            else:
                # A named origin is what it says it is, in whatever article: kept once per claim, at its first row.
                group = (claim_id, x.stance, x.origin_key, x.origin_name, x.origin_type, x.certainty)
                kept = origins.get(group)
                if kept is None or key(x.date, x.id) < key(kept["first_date"], kept["first_id"]):
                    origins[group] = dict(zip(GROUP_COLUMNS, group), first_date=x.date, first_id=x.id)
                if not (unnamed and quoted_by_outlet(x.stance, x.origin_name)):
                    continue
                flags = 0  # an outlet's quoted source, which the article's own unnamed sources may be
            noun = head_noun(x.chain) if x.origin_key.startswith("anon:") or quoted_by_outlet(x.stance, x.origin_name) else ""
            voices.append([x.id, x.stance, x.certainty, x.origin_key, x.origin_name, x.origin_type, noun, flags])
        # The named origins an article cites: what its narration relays, whom its unnamed officials are.
        relays = any(x.origin_key.startswith("story:") or x.stance == "denies" for x in story) or unnamed
        documents.append(dict(claim_id=claim_id, document_id=document_id, date=first.date, lang=first.lang,
                              first_id=first.id, supports=sum(x.stance == "supports" for x in items),
                              denies=sum(x.stance != "supports" for x in items),
                              voices=json.dumps(voices, ensure_ascii=False) if voices else None,
                              cited=json.dumps(sorted(cited.get(document_id, ())), ensure_ascii=False) if relays else None))
    return documents, origins


def _cited(rows: Iterable[Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if not is_story(row.origin_key):
            out[row.document_id].add(row.origin_key)
    return out


def _evidence_columns() -> list[Any]:
    return [t.evidence.c[name] for name in ROW_COLUMNS]


def add_article(connection: Connection, document_id: str) -> None:
    """Take one article's evidence rows (just written, in its transaction) into the aggregates."""
    e = t.evidence
    rows = list(connection.execute(select(*_evidence_columns()).where(e.c.document_id == document_id)))
    if not rows:
        return
    dialect = connection.dialect.name
    roots = root_texts(connection, {r for r in map(_voice_root, rows) if r is not None})
    documents, origins = aggregate(rows, _cited(rows), roots, dialect)
    connection.execute(t.claim_documents.insert(), documents)
    o = t.claim_origins
    key = order_key(dialect)
    kept = _kept_origins(connection, list(origins))
    new = []
    for group, row in origins.items():
        first = kept.get(group)
        if first is None:
            new.append(row)
        elif key(row["first_date"], row["first_id"]) < key(first.first_date, first.first_id):
            # An article dated before the claim's earlier evidence: this origin now comes first here.
            connection.execute(o.update().where(_is_origin(group)).values(first_date=row["first_date"],
                                                                       first_id=row["first_id"]))
    if new:
        connection.execute(o.insert(), new)


ORIGIN_BATCH = 100


def _is_origin(group: tuple[str, ...]) -> Any:
    o = t.claim_origins
    return and_(*(o.c[name] == value for name, value in zip(GROUP_COLUMNS, group)))


_KEPT = (select(*(t.claim_origins.c[name] for name in GROUP_COLUMNS), t.claim_origins.c.first_date,
                t.claim_origins.c.first_id)
         .where(t.claim_origins.c.claim_id.in_(bindparam("claims", expanding=True)),
                t.claim_origins.c.origin_key.in_(bindparam("keys", expanding=True))))


def _kept_origins(connection: Connection, groups: list[tuple[str, ...]]) -> dict[tuple[str, ...], Any]:
    """The stored first row of each origin group that has one, in one statement per ORIGIN_BATCH groups.

    The rows of the groups' claims with the groups' origin keys (the primary key's first column, then its
    third), kept when the whole group matches: one statement built once, rather than an OR of primary-key
    lookups built anew for each article (most of `add_article`'s time); not a tuple IN list, which SQLite
    answers by scanning the whole table.
    """
    out = {}
    for start in range(0, len(groups), ORIGIN_BATCH):
        chunk = groups[start:start + ORIGIN_BATCH]
        wanted = set(chunk)
        params = {"claims": sorted({g[0] for g in chunk}), "keys": sorted({g[2] for g in chunk})}
        for row in connection.execute(_KEPT, params):
            group = tuple(row[:len(GROUP_COLUMNS)])
            if group in wanted:
                out[group] = row
    return out


BACKFILL_BATCH = 2000


def backfill(connection: Connection, batch: int = BACKFILL_BATCH) -> int:
    """Fill the aggregates of every claim that has none, from its evidence, in creation order.

    RETURNS (int): the number of claims filled.
    """
    c, cd = t.claims, t.claim_documents
    done = 0
    last = None
    while True:
        query = select(c.c.id, c.c.seq).where(~exists().where(cd.c.claim_id == c.c.id))
        if last is not None:
            query = query.where(c.c.seq >= last)
        claims = list(connection.execute(query.order_by(c.c.seq).limit(batch)))
        if not claims:
            return done
        documents = _fill(connection, [r.id for r in claims])
        done += len(claims)
        if not documents:  # claims without evidence: nothing to fill, move past them
            last = claims[-1].seq + 1
        else:
            last = claims[-1].seq


def _fill(connection: Connection, ids: list[str]) -> list[dict[str, Any]]:
    """Write the aggregate rows of claims `ids` from their evidence; RETURNS the `claim_documents` rows."""
    e = t.evidence
    rows = list(connection.execute(select(*_evidence_columns()).where(e.c.claim_id.in_(ids))))
    relaying = sorted({r.document_id for r in rows if is_story(r.origin_key)})
    cited: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(relaying), 5000):
        for r in connection.execute(select(e.c.document_id, e.c.origin_key)
                                    .where(e.c.document_id.in_(relaying[start:start + 5000])).distinct()):
            if not is_story(r.origin_key):
                cited[r.document_id].add(r.origin_key)
    roots = root_texts(connection, {r for r in map(_voice_root, rows) if r is not None})
    documents, origins = aggregate(rows, cited, roots, connection.dialect.name)
    if documents:
        connection.execute(t.claim_documents.insert(), documents)
    if origins:
        connection.execute(t.claim_origins.insert(), list(origins.values()))
    return documents


def refill(connection: Connection, claim_id: str) -> None:
    """Write a claim's aggregates anew from its evidence, after stored rows of it changed stance
    (graph/stances.py `answer_earlier`)."""
    connection.execute(t.claim_documents.delete().where(t.claim_documents.c.claim_id == claim_id))
    connection.execute(t.claim_origins.delete().where(t.claim_origins.c.claim_id == claim_id))
    _fill(connection, [claim_id])
