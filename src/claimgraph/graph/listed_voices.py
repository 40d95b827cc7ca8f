"""A listed claim's articles and own voices, with the origin each voice was stored under resolved as it stands now.

`claim_documents` keeps, per (claim, article), the rows whose origin is the
article's own (`story:<root>`, `anon:<root>`: its *voices*, graph.aggregates)
under the root of the copy group the article had when it was written. What
may have changed since is resolved here: the root's own copy group now (an
elder group may have taken it in), whether a copy's unnamed source is its
own (decided again against the new root's text), and the wire whose byline
one of the group's articles carries (a Reuters story's narration is
Reuters').
"""
from __future__ import annotations

import json
from typing import Any, Optional, Sequence

from sqlalchemy import Connection, bindparam, select, text

from claimgraph.graph.aggregates import OWN_IN_COPY, own_in_copy, root_texts
from claimgraph.graph.keys import is_pronoun
from claimgraph.graph.origins import wire_origin
from claimgraph.graph.press import PRESS_REPORT
from claimgraph.store import tables as t

UNNAMED_SOURCE = "an unnamed source"

# The columns of a listed article (`claim_documents`, its copy group now), read by position.
CLAIM, ARTICLE, DATE, LANG, SUPPORTS, DENIES, VOICES, CITED, ROOT = range(9)
# Origins are read as (key, name, type) tuples and made `Origin`s once listed.
Triple = tuple[str, str, str]
# A voice (`claim_documents.voices`, graph.aggregates) as read: its stored fields, then its article, its
# stored origin resolved (copy group, wire) and the origin it counts as, once decided.
ID, STANCE, CERTAINTY, KEY, NAME, TYPE, NOUN, FLAGS, DOC, STORED, ORIGIN = range(11)


def listed_documents(connection: Connection, claim_ids: list[str]) -> Sequence[Any]:
    """Each claim's articles in the order of its evidence (`ORDER BY date, id`, as the rows were read), grouped
    by claim, with the first article of each one's copy group now (voices keep the root they were written under)."""
    return connection.execute(text(
        "SELECT cd.claim_id, cd.document_id, cd.date, cd.lang, cd.supports, cd.denies, cd.voices, cd.cited, g.root_id"
        f" FROM claim_documents cd LEFT JOIN graph_documents g{group_index(connection)} ON g.document_id = cd.document_id"
        " WHERE cd.claim_id IN :ids ORDER BY cd.claim_id, cd.date, cd.first_id").bindparams(
        bindparam("ids", claim_ids, expanding=True))).all()


def group_index(connection: Connection) -> str:
    """SQLite reads an article's copy group off `ix_graph_documents_group` (document_id, root_id) only when
    told: it prefers the primary key, whose table rows (with their embeddings) cost a page read each."""
    return " INDEXED BY ix_graph_documents_group" if connection.dialect.name == "sqlite" else ""


def resolve_voices(connection: Connection, claim_ids: list[str],
            docs: Sequence[Any]) -> tuple[list[Optional[list[list[Any]]]], list[Optional[list[str]]]]:
    """Per listed article (as `docs`), its voices with their stored origin resolved: onto the copy group (the
    root a row was written under may have joined an elder group since), a copy's own unnamed sources, and
    the wire whose byline one of the group's articles carries; and the named origins it cites (or None)."""
    g, cd = t.graph_documents, t.claim_documents
    # The wire of each group: the first of its articles (in graph order) with a byline.
    listed = text(f"SELECT g.root_id FROM claim_documents cd JOIN graph_documents g{group_index(connection)}"
                  " ON g.document_id = cd.document_id WHERE cd.claim_id IN :ids AND cd.voices IS NOT NULL").bindparams(
        bindparam("ids", claim_ids, expanding=True)).columns(g.c.root_id)
    wires: dict[str, str] = {}

    def read_wires(roots: Any) -> None:
        for root_id, wire in connection.execute(select(g.c.root_id, g.c.wire)
                                                .where(g.c.root_id.in_(roots), g.c.wire.is_not(None))
                                                .order_by(g.c.root_id, g.c.position)):
            wires.setdefault(root_id, wire)

    read_wires(listed)
    texts = [d[VOICES] for d in docs if d[VOICES] is not None]
    parsed = iter(json.loads("[" + ",".join(texts) + "]") if texts else [])  # one parse for every article
    texts = [d[CITED] for d in docs if d[CITED] is not None]
    cited_lists = iter(json.loads("[" + ",".join(texts) + "]") if texts else [])
    cited = [None if d[CITED] is None else next(cited_lists) for d in docs]
    out: list[Optional[list[list[Any]]]] = []
    moved: list[tuple[list[Any], str, str]] = []  # (voice, prefix, written root)
    for d in docs:
        if d[VOICES] is None:
            out.append(None)
            continue
        entries = next(parsed)
        document_id, now = d[ARTICLE], d[ROOT]
        for v in entries:
            prefix, _, written = v[KEY].partition(":")
            if prefix != "story" and prefix != "anon":  # an outlet's quoted source: a named origin
                v += (document_id, (v[KEY], v[NAME], v[TYPE]), None)
                continue
            v += (document_id, None, None)
            if written != now:
                # Its root has joined an elder group since it was written (or the row was written under
                # another article's key): the written root's own root now decides, below.
                moved.append((v, prefix, written))
            elif prefix == "anon" and written != document_id and v[FLAGS] & OWN_IN_COPY:
                # A copy's own unnamed source: in its root's language, in a sentence the root does not hold
                # word for word (decided at write time, against this same root).
                v[STORED] = on_wire("anon", document_id, v, wires) if wires else (f"anon:{document_id}", v[NAME], v[TYPE])
            else:
                v[STORED] = on_wire(prefix, written, v, wires) if wires else (v[KEY], v[NAME], v[TYPE])
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
        if prefix == "anon" and current != v[DOC]:
            if current != written:
                regrouped.append((v, current))  # whether it is the copy's own is decided again, below
                continue
            if v[FLAGS] & OWN_IN_COPY:
                current = v[DOC]
        v[STORED] = on_wire(prefix, current, v, wires)
    if regrouped:
        e = t.evidence
        quotes = {r.id: r for r in connection.execute(select(e.c.id, e.c.lang, e.c.quote_text, e.c.chain)
                                                      .where(e.c.id.in_(sorted(v[ID] for v, _ in regrouped))))}
        texts_now = root_texts(connection, {current for _, current in regrouped})
        for v, current in regrouped:
            row = quotes[v[ID]]
            if own_in_copy(texts_now.get(current), row.lang, row.quote_text, row.chain):
                current = v[DOC]
            v[STORED] = on_wire("anon", current, v, wires)
    return out, cited


def on_wire(prefix: str, root: str, v: list[Any], wires: dict[str, str]) -> Triple:
    """An article's own reporting (`story:<root>`, `anon:<root>`) as the wire of its copy group when one of
    its articles carries a byline: a Reuters story's narration and unnamed sources are Reuters'. The press
    reports it cites ("according to media reports") are not the wire's own reporting: they stay press reports."""
    wire = wires.get(root)
    if not wire or v[TYPE] == PRESS_REPORT:
        return (f"{prefix}:{root}", v[NAME], v[TYPE])
    plain = wire_origin(wire)
    if prefix == "anon":
        # Whom the wire quotes, by the article's words; a pronoun it left unresolved ("They said") names no one.
        quoted = v[NAME].split(" (in ")[0]
        return (plain.key, f"{UNNAMED_SOURCE if is_pronoun(quoted) else quoted} (via {wire})", plain.type)
    return (plain.key, plain.name, plain.type)
