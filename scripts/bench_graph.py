"""Graph update time per added article as the store grows, and claims/brief latency.

    .venv/bin/python scripts/bench_graph.py                  # checkpoints 1k, 10k, 50k, 100k
    .venv/bin/python scripts/bench_graph.py --max 10000      # quicker
    .venv/bin/python scripts/bench_graph.py --checkpoints 100000 --samples 0 --db build/bench100k.db
                                                             # the 100k store of bench_serve.py, queries timed
    .venv/bin/python scripts/bench_graph.py --db build/bench100k.db --time-only 20
                                                             # only time the queries on that store
    .venv/bin/python scripts/bench_graph.py --db build/copy.db --copy-from postgresql://...
                                                             # the same store on the other backend

Synthetic articles are derived from the gold analyses of the bundled examples
(real v1 shapes: their entities, attributions, events and spans) with the
organisations and people renamed from a pool that grows with the store, dates
spread over 2022-2025, both languages, and the letters of the text outside
event arguments scrambled (same length, so every span stays exact) so that
articles are not copies of one another while items recur and claims merge;
one in ten is a verbatim relay of an earlier one under another outlet, so copy
groups form. The first --base articles go through `GraphUpdater.add` (hash
embeddings: no NLP, no USE); the store then grows to each checkpoint by
replicating those graph rows with renamed organisations and people (fresh
ids, keys, bands, noisy document vectors), which is what 100k articles would
write, in seconds. At each checkpoint, --samples articles are added one at a
time through the real path (store.put_analysis + graph.sync, one transaction
each, multilingual USE) and timed, then `claims` and `brief` are timed. Each
checkpoint also reports the 1-minute load average before and after its timings
(`load_1m`): on a shared machine, another process's work shows up in them.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import string
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))  # bench_graph_stores, when loaded by path

from claimgraph.graph import GraphUpdater, HashEmbedder, UseEmbedder, answer, default_embedder, select_claim_ids, summaries, sync  # noqa: E402
from claimgraph.model import Analysis, Attribution, Entity, Event, Source, Span  # noqa: E402
from claimgraph.graph.precomputed import refresh_all  # noqa: E402
from claimgraph.graph.sync import refresh_statistics  # noqa: E402
from claimgraph.graph.update import block_stem  # noqa: E402
from claimgraph.store import SqlStore  # noqa: E402
from claimgraph.store.migrations import mark_synthetic_graph  # noqa: E402
from claimgraph.store import tables as t  # noqa: E402
from claimgraph.versioning import analysis_version  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench_graph_stores import copy_store, insert_rows, protect, resumed_base, time_store  # noqa: E402

KEEP = set(" \n.,;:'\"«»()-–—") | set(string.digits)


def templates() -> list[Analysis]:
    return [Analysis.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((REPO / "tests" / "gold").glob("*.gold.json"))]


def scramble(text: str, rng: random.Random, keep: list[Span]) -> str:
    kept = [False] * len(text)
    for span in keep:
        kept[span.start:span.end] = [True] * (span.end - span.start)
    return "".join(c if kept[i] or c in KEEP else rng.choice(string.ascii_lowercase) for i, c in enumerate(text))


def respan(span: Span, text: str) -> Span:
    return Span(span.start, span.end, text[span.start:span.end])


def synthetic(template: Analysis, index: int, rng: random.Random, pool: int) -> Analysis:
    """A new article shaped like `template`: renamed actors, another date, scrambled letters."""
    keep = [a.span for v in template.events for a in v.arguments.values()] + [v.trigger for v in template.events if v.trigger]
    text = scramble(template.document.text, rng, keep)
    renamed = {}
    for e in template.entities:
        keep = e.type in ("GPE", "LOC") or e.name.startswith("Government of")
        renamed[e.id] = e.name if keep else f"{e.name} {rng.randrange(pool)}"
    entities = [Entity(e.id, renamed[e.id], e.type, mentions=[respan(m, text) for m in e.mentions]) for e in template.entities]
    attributions = [Attribution(a.id, Source(respan(a.source.span, text), a.source.type, a.source.entity),
                                respan(a.cue, text) if a.cue else None, respan(a.content, text), a.kind, a.certainty,
                                a.polarity, a.parent) for a in template.attributions]
    events = [Event(v.id, v.type, respan(v.trigger, text) if v.trigger else None,
                    {r: replace(arg, span=respan(arg.span, text)) for r, arg in v.arguments.items()},
                    None, v.attribution, v.certainty, v.polarity) for v in template.events]
    date = f"{rng.randrange(2022, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    document = replace(template.document, id=f"syn{index:07d}", text=text, date=date,
                       source=f"Outlet {rng.randrange(max(10, pool // 5))}", title=f"synthetic {index}")
    return Analysis(document, entities, attributions, events)


def relay(original: Analysis, index: int, rng: random.Random) -> Analysis:
    return replace(original, document=replace(original.document, id=f"syn{index:07d}", source=f"Relay {rng.randrange(1000)}"))


def insert_document(connection, analysis: Analysis) -> None:  # type: ignore[no-untyped-def]
    d = analysis.document
    connection.execute(t.documents.insert().values(id=d.id, title=d.title, date=d.date, lang=d.lang, source=d.source,
                                                   text=d.text, analysis_version=analysis_version(),
                                                   ingested_at=datetime.now(timezone.utc)))


def fill(store: SqlStore, start: int, stop: int, rng: random.Random, bases: list[Analysis], made: list[Analysis]) -> float:
    """Bulk-add articles start..stop through GraphUpdater.add, 500 per transaction. RETURNS seconds."""
    updater = GraphUpdater(HashEmbedder())
    began = time.perf_counter()
    for batch in range(start, stop, 500):
        with store.engine.begin() as connection:
            for i in range(batch, min(stop, batch + 500)):
                if made and rng.random() < 0.1:
                    analysis = relay(rng.choice(made[-2000:]), i, rng)
                else:
                    analysis = synthetic(rng.choice(bases), i, rng, pool=max(50, i // 20))
                    made.append(analysis)
                insert_document(connection, analysis)
                updater.add(connection, analysis)
    refresh_all(store.engine)  # the kept claim summaries, as sync computes them after its articles
    return time.perf_counter() - began


GRAPH_ROWS = ("documents", "graph_documents", "graph_bands", "graph_copies", "claims", "claim_keys", "evidence", "graph_names",
              "claim_documents", "claim_origins")


def _base36(n: int) -> str:
    digits = string.digits + string.ascii_lowercase
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out.rjust(3, "0")


def base_rows(store: SqlStore) -> dict[str, list[dict]]:
    with store.engine.connect() as connection:
        return {name: [dict(r._mapping) for r in connection.execute(select(t.metadata.tables[name]))] for name in GRAPH_ROWS}


def replicate(store: SqlStore, replicas: range, base: dict[str, list[dict]],
              progress: Optional[Callable[[int], None]] = None) -> None:
    """Copy the base articles' rows once per replica, as if as many more articles had been taken in:
    fresh document and claim ids, organisations/people renamed (`ent:` keys), bands and document
    vectors that do not collide with the originals; shared actors (states, wires) stay shared. The
    replica's own stories and unnamed sources (`story:`/`anon:` origins) are its own articles', and its
    listing aggregates (claim_documents, claim_origins) name its own evidence rows.
    `progress(r)` is called after each replica's transaction."""
    import numpy as np

    from claimgraph.graph.embed import from_blob, to_blob

    max_seq = max((r["seq"] for r in base["claims"]), default=0) + 1
    max_pos = max((r["position"] for r in base["graph_documents"]), default=0) + 1
    base_ids = {r["id"] for r in base["documents"]}

    for r in replicas:
        tag = _base36(r)

        def key(k: str) -> str:
            return f"{k} #{tag}" if k.startswith("ent:") else k

        def block(b: str) -> str:
            return "|".join(p.split("=", 1)[0] + "=" + key(p.split("=", 1)[1]) if "=" in p else key(p) for p in b.split("|"))

        def doc(d: str) -> str:
            return f"{d}~{tag}" if d in base_ids else d

        def claim(c: str) -> str:
            return c[:13] + tag

        def origin(k: str) -> str:
            prefix, _, root = k.partition(":")
            return f"{prefix}:{doc(root)}" if prefix in ("story", "anon") else k

        with store.engine.connect() as connection:
            last_id = connection.execute(select(func.coalesce(func.max(t.evidence.c.id), 0))).scalar_one()
        evidence_ids = {e["id"]: last_id + n for n, e in enumerate(sorted(base["evidence"], key=lambda e: e["id"]), 1)}

        rows: dict[str, list[dict]] = {}
        rows["documents"] = [{**d, "id": doc(d["id"])} for d in base["documents"]]
        rows["graph_documents"] = []
        for g in base["graph_documents"]:
            vector = g["vector"]
            if vector is not None:
                noisy = from_blob(vector) + np.random.default_rng(r).normal(0, 0.08, 512).astype(np.float32)
                vector = to_blob(noisy / float(np.linalg.norm(noisy)))
            rows["graph_documents"].append({**g, "document_id": doc(g["document_id"]), "root_id": doc(g["root_id"]),
                                            "position": g["position"] + r * max_pos, "vector": vector})
        # A band of its own per replica, within the column's 40 characters (PostgreSQL enforces them).
        rows["graph_bands"] = [{"band": b["band"].split(":", 1)[0] + ":" + hashlib.sha1(f"{b['band']}/{tag}".encode()).hexdigest()[:32],
                                "document_id": doc(b["document_id"])} for b in base["graph_bands"]]
        rows["graph_copies"] = [{**c, "document_id": doc(c["document_id"]), "copy_of": doc(c["copy_of"])} for c in base["graph_copies"]]
        rows["claims"] = [{**c, "id": claim(c["id"]), "seq": c["seq"] + r * max_seq, "block": block(c["block"]),
                           "stem": block_stem(block(c["block"])),
                           "arguments": json.dumps({k: key(v) for k, v in json.loads(c["arguments"]).items()})}
                          for c in base["claims"]]
        rows["claim_keys"] = [{**k, "claim_id": claim(k["claim_id"]), "key": key(k["key"]), "seq": k["seq"] + r * max_seq}
                              for k in base["claim_keys"]]
        rows["evidence"] = [{**e, "id": evidence_ids[e["id"]], "claim_id": claim(e["claim_id"]),
                             "document_id": doc(e["document_id"]), "origin_key": origin(e["origin_key"])}
                            for e in base["evidence"]]
        rows["claim_documents"] = [{**c, "claim_id": claim(c["claim_id"]), "document_id": doc(c["document_id"]),
                                    "first_id": evidence_ids[c["first_id"]],
                                    "voices": json.dumps([[evidence_ids[v[0]], *v[1:3], origin(v[3]), *v[4:]]
                                                          for v in json.loads(c["voices"])], ensure_ascii=False)
                                    if c["voices"] else None} for c in base["claim_documents"]]
        rows["claim_origins"] = [{**c, "claim_id": claim(c["claim_id"]), "first_id": evidence_ids[c["first_id"]]}
                                 for c in base["claim_origins"]]
        rows["graph_names"] = [{"name": f"{n['name']} #{tag}", "key": key(n["key"])} for n in base["graph_names"] if n["key"].startswith("ent:")]
        # The replica's claims have no kept summary yet: queued, as an article's sync queues them.
        rows["claim_summaries_stale"] = [{"claim_id": claim(c["id"])} for c in base["claims"]]
        with store.engine.begin() as connection:
            for name in (*GRAPH_ROWS, "claim_summaries_stale"):
                if rows[name]:
                    insert_rows(connection, t.metadata.tables[name], rows[name])
        if progress:
            progress(r)


def timed_additions(store: SqlStore, count: int, offset: int, bases: list[Analysis], embedder) -> list[float]:  # type: ignore[no-untyped-def]
    """Add `count` articles one at a time through the real path: put_analysis, then sync.

    The same sequence of articles (seeded) at every checkpoint, under fresh
    ids, so that the curve compares like with like.
    """
    rng = random.Random(77)
    times = []
    for k in range(count):
        analysis = synthetic(rng.choice(bases), offset + k, rng, pool=1000)
        began = time.perf_counter()
        store.put_analysis(analysis)
        sync(store, embedder)
        times.append((time.perf_counter() - began) * 1000)
    return times


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


def query_times(store: SqlStore, repeats: int = 5, warm: int = 0, detail: Optional[dict] = None) -> dict[str, float]:
    """Median wall milliseconds per query, after `warm` unmeasured runs; `detail` (when given) gets each query's
    p50 / p95 of wall time and of this process's CPU time (the client's share; the server's is not in it)."""
    embedder = default_embedder()
    embedder.encode(["warm up"])
    out = {}
    with store.engine.connect() as connection:
        for name, run in {
            "claims": lambda: summaries(connection, select_claim_ids(connection, limit=50), with_evidence=False),
            "claims --entity China --type SUPPLY": lambda: summaries(
                connection, select_claim_ids(connection, "China", "SUPPLY", limit=50), with_evidence=False),
            "brief 'China supplies weapons to Russia'": lambda: answer(connection, "China supplies weapons to Russia", embedder),
            "brief 'Is the Chinese government involved?'": lambda: answer(connection, "Is the Chinese government involved?", embedder),
        }.items():
            for _ in range(warm):
                run()
            walls, cpus = [], []
            for _ in range(repeats):
                began, cpu = time.perf_counter(), time.process_time()
                run()
                walls.append((time.perf_counter() - began) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            out[name] = round(statistics.median(walls), 1)
            if detail is not None:
                detail[name] = {"wall_p50": _percentile(walls, 0.5), "wall_p95": _percentile(walls, 0.95),
                                "cpu_p50": _percentile(cpus, 0.5), "cpu_p95": _percentile(cpus, 0.95)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="1000,10000,50000,100000")
    parser.add_argument("--samples", type=int, default=30,
                        help="articles timed one by one at each checkpoint (0: build the store and time the queries only)")
    parser.add_argument("--base", type=int, default=500, help="articles taken in for real before replication")
    parser.add_argument("--db", help="store path (default: a temporary file)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--time-only", type=int, metavar="RUNS", default=0,
                        help="build nothing: time the queries RUNS times on the existing --db (p50 / p95, wall and CPU)")
    parser.add_argument("--copy-from", metavar="URL", help="build nothing: copy the store at URL into --db")
    args = parser.parse_args()
    if args.copy_from:
        copy_store(args.copy_from, args.db)
        return
    if args.time_only:
        time_store(args.db, args.time_only)
        return
    checkpoints = sorted(c for c in (int(x) for x in args.checkpoints.split(",")) if c <= args.max)
    rng = random.Random(5)
    bases = templates()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or str(Path(tmp) / "bench.db"))
        target = args.db if args.db and "://" in args.db else str(path)  # a file, or a PostgreSQL URL
        protect(target)  # a store this script built before: its graph is kept (see `protect`)
        store = SqlStore(target)
        with store.engine.begin() as connection:  # a graph with no analyses behind it: never retaken
            mark_synthetic_graph(connection)
        made: list[Analysis] = []
        rows: list[dict] = []
        resumed = resumed_base(store, args.base)  # a build stopped before: it goes on from its last replica
        if resumed is None:
            base_seconds = fill(store, 0, args.base, rng, bases, made)
            print(json.dumps({"base_articles": args.base, "base_fill_ms_per_article": round(1000 * base_seconds / args.base, 1)}),
                  flush=True)
        base, replicas_done = resumed or (base_rows(store), 0)
        for checkpoint in checkpoints:
            began = time.perf_counter()
            wanted = max(0, checkpoint // args.base - 1)

            def progress(r: int, wanted: int = wanted, began: float = began) -> None:
                print(f"{time.strftime('%H:%M:%S')} replica {r}/{wanted} ({(r + 1) * args.base} articles) "
                      f"{time.perf_counter() - began:.0f} s load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)

            replicate(store, range(replicas_done + 1, wanted + 1), base, progress)
            replicas_done = max(replicas_done, wanted)
            seconds = time.perf_counter() - began
            began = time.perf_counter()
            refresh_all(store.engine)  # what sync does after its articles: the replicas' claim summaries
            summary_seconds = time.perf_counter() - began
            refresh_statistics(store, checkpoint)  # what sync does on PostgreSQL after many articles (ANALYZE)
            print(f"{time.strftime('%H:%M:%S')} summaries {summary_seconds:.0f} s", file=sys.stderr, flush=True)
            load_before = os.getloadavg()[0]  # the machine is shared: a busy one slows every figure
            graph_only, times = [0.0], [0.0]
            if args.samples:
                graph_only = timed_additions(store, args.samples, 10_000_000 + checkpoint, bases, HashEmbedder())
                fresh = UseEmbedder()  # an empty cache: the same articles at each checkpoint must not hit it
                fresh.encode(["warm up"])
                times = timed_additions(store, args.samples, 20_000_000 + checkpoint, bases, fresh)
            queries = query_times(store)
            counts = store.counts()
            with store.engine.connect() as connection:
                n_claims = connection.execute(select(func.count()).select_from(t.claims)).scalar_one()
                n_evidence = connection.execute(select(func.count()).select_from(t.evidence)).scalar_one()
            size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists() and p.is_file())
            row = {"articles": counts["documents"], "claims": n_claims, "evidence": n_evidence,
                   "db_mb": round(size / 2**20, 1),
                   "replicate_s": round(seconds, 1), "summaries_s": round(summary_seconds, 1), "update_ms_median": round(statistics.median(times), 1),
                   "update_ms_p90": round(sorted(times)[int(0.9 * len(times))], 1),
                   "update_ms_median_hash_embedder": round(statistics.median(graph_only), 1),
                   "update_ms_p90_hash_embedder": round(sorted(graph_only)[int(0.9 * len(graph_only))], 1),
                   "query_ms": queries, "load_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
            rows.append(row)
            print(json.dumps(row), flush=True)
        store.close()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
