"""Which claims a listing or a brief reads: by entity, unnamed group or country, by type and date.

Every lookup is bounded and indexed: an entity's newest claims come off
`claim_keys` (key, seq) or (key, type, seq), the most evidenced ones off
`claims` (n_evidence, seq) or (type, n_evidence, seq), and a page of a listing
is cut by the database (LIMIT/OFFSET), not in Python.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from sqlalchemy import Connection, select, text

from claimgraph.graph.keys import country_code, entity_key, fold, nationality, unnamed_group, words
from claimgraph.store import tables as t


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
    sql, params = _recent(keys, per_key, type)
    return set(connection.execute(text(sql), params).scalars()) if sql else set()


def _recent(keys: Iterable[str], per_key: int, type: Optional[str]) -> tuple[str, dict[str, Any]]:
    """`recent_claim_ids` as one statement ("" for no key), for the database to rank without the ids coming
    back through Python first (6 400 ids for a brief's four keys at 100k articles): one LIMITed index walk per
    key, each a subquery (SQLite allows ORDER BY / LIMIT in a compound's members only there)."""
    walks = []
    params: dict[str, Any] = {"per_key": per_key, "key_type": type}
    for n, key in enumerate(sorted(set(keys))):
        params[f"key{n}"] = key
        of_type = " AND type = :key_type" if type else ""
        walks.append(f"SELECT claim_id FROM (SELECT claim_id FROM claim_keys WHERE key = :key{n}{of_type}"
                     f" ORDER BY seq DESC LIMIT :per_key) AS walk{n}")  # PostgreSQL 15 wants the alias
    return " UNION ".join(walks), params


def _ranked(connection: Connection, keys: Iterable[str], type: Optional[str], since: Optional[str], limit: int,
            offset: int = 0) -> list[str]:
    """The most evidenced of the newest claims of `keys` (their ids, best first)."""
    sql, params = _ranked_sql(connection, keys, type, since)
    if not sql:
        return []
    _without_jit(connection)
    return list(connection.execute(text(sql + " LIMIT :limit OFFSET :offset"),
                                   {**params, "limit": limit, "offset": offset}).scalars())


def _without_jit(connection: Connection) -> None:
    """No JIT compilation for the rest of this transaction on PostgreSQL. It compiles any statement estimated above
    `jit_above_cost` (100,000), which the ranking reaches at about 50,000 articles: 21-25 ms of compiling in a
    statement that then runs in 80-110 ms (EXPLAIN ANALYZE, docs/performance.md). The rows are the same."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SET LOCAL jit = off"))


def _ranked_sql(connection: Connection, keys: Iterable[str], type: Optional[str],
                since: Optional[str]) -> tuple[str, dict[str, Any]]:
    """`_ranked` as one statement without its LIMIT ("" for no key), selecting `id`, `n_evidence` and `seq`.

    SQLite: ranked off `ix_claims_rank` (id, n_evidence, seq) without reading the claims' rows (two
    embeddings each: a page per claim); it takes that index only when told (INDEXED BY): it prefers the
    primary key, then reads every row for its evidence count. PostgreSQL: one primary-key probe per distinct
    id (CROSS JOIN LATERAL) instead of a hash join on all the claims of the store (it expects 12,000 ids from
    the walks where 5,860 come), the same ids."""
    recent, params = _recent(keys, RECENT_PER_KEY, type)
    if not recent:
        return "", params
    since_term = " AND last_seen >= :since" if since else ""
    params = {**params, "since": since}
    if connection.dialect.name == "postgresql":
        # LIMIT 1 (the id is the primary key) keeps the planner from flattening the LATERAL back into a hash join
        # on every claim of the store (195-202 ms at 197,400 claims; 85-112 ms for ranking and keys with it).
        return (f"SELECT c.id, c.n_evidence, c.seq FROM ({recent}) AS w CROSS JOIN LATERAL (SELECT id, n_evidence,"
                f" seq FROM claims WHERE id = w.claim_id{since_term} LIMIT 1) AS c"
                " ORDER BY c.n_evidence DESC, c.seq DESC"), params
    hint = " INDEXED BY ix_claims_rank" if connection.dialect.name == "sqlite" else ""
    return (f"SELECT id, n_evidence, seq FROM claims{hint} WHERE id IN ({recent}){since_term}"
            " ORDER BY n_evidence DESC, seq DESC"), params


def ranked_keys(connection: Connection, keys: Iterable[str], limit: int) -> dict[str, set[str]]:
    """`claim_ids_for_keys(keys, limit)` with every key each of those claims holds, in one statement: the
    candidates' keys joined onto their ranking. Read apart (`claim_id IN (<2,000 ids>)`), PostgreSQL scans
    all the store's keys rather than probe `ix_claim_keys_claim` per id (74 ms on its own at 197,400 claims)."""
    sql, params = _ranked_sql(connection, keys, None, None)
    out: dict[str, set[str]] = {}
    if not sql:
        return out
    _without_jit(connection)
    # One row per candidate, its keys joined by the database (12,000 (claim, key) rows through the driver and a
    # Python loop were about 10% of a brief's CPU at 100k articles), in the ranking's order.
    together = "string_agg(k.key, chr(31))" if connection.dialect.name == "postgresql" else "group_concat(k.key, char(31))"
    joined = (f"SELECT r.id, {together} FROM ({sql} LIMIT :limit) AS r LEFT JOIN claim_keys AS k ON k.claim_id = r.id"
              " GROUP BY r.id, r.n_evidence, r.seq ORDER BY r.n_evidence DESC, r.seq DESC")
    for claim_id, keys_held in connection.execute(text(joined), {**params, "limit": limit}).fetchall():
        out[claim_id] = set(keys_held.split(KEY_SEPARATOR)) if keys_held else set()
    return out


# What `ranked_keys` joins a claim's keys with (chr(31), the unit separator: no key holds it).
KEY_SEPARATOR = "\x1f"


def claim_ids_for_keys(connection: Connection, keys: Iterable[str], limit: int) -> list[str]:
    """The most evidenced among the newest claims of `keys`."""
    return _ranked(connection, keys, None, None, limit)


def select_claim_ids(connection: Connection, entity: Optional[str] = None, type: Optional[str] = None,
                     since: Optional[str] = None, limit: int = 50, offset: int = 0) -> list[str]:
    """Claim ids for `claims`: filtered by entity (name or alias, any language), type and last-seen date;
    `limit` of them from the `offset`-th on, most evidenced first (a page, cut in SQL)."""
    if entity:
        # The type is filtered on claim_keys (which copies it): a `claims.type` term here would make
        # SQLite walk every claim of that type through ix_claims_type_evidence (536 ms at 50k articles).
        keys = keys_for_name(connection, entity)
        return _ranked(connection, keys, type.upper() if type else None, since, limit, offset)
    c = t.claims
    query = select(c.c.id)
    if type:
        query = query.where(c.c.type == type.upper())
    if since:
        query = query.where(c.c.last_seen >= since)
    query = query.order_by(c.c.n_evidence.desc(), c.c.seq.desc()).limit(limit)
    return list(connection.execute(query.offset(offset) if offset else query).scalars())
