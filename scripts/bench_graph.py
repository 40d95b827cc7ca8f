"""Graph update time per added article as the store grows, and claims/brief latency.

    .venv/bin/python scripts/bench_graph.py                  # checkpoints 1k, 10k, 50k, 100k
    .venv/bin/python scripts/bench_graph.py --max 10000      # quicker

Synthetic articles are derived from the gold analyses of the bundled examples
(real v1 shapes: their entities, attributions, events and spans) with the
organisations and people renamed from a pool that grows with the store, dates
spread over 2022-2025, both languages, and the letters of the text scrambled
(same length, so every span stays exact) so that articles are not copies of
one another; one in ten is a verbatim relay of an earlier one under another
outlet, so copy groups form. The store is filled in bulk through the same
`GraphUpdater.add` (one transaction per batch, hash embeddings: no NLP and no
USE on 100k articles); at each checkpoint, articles are added one at a time
through the real path (store.put_analysis + graph.sync, one transaction each,
multilingual USE) and timed, then `claims` and `brief` are timed.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import string
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from claimgraph.graph import GraphUpdater, HashEmbedder, answer, default_embedder, select_claim_ids, summaries, sync  # noqa: E402
from claimgraph.model import Analysis, Attribution, Entity, Event, Source, Span  # noqa: E402
from claimgraph.store import SqlStore  # noqa: E402
from claimgraph.store import tables as t  # noqa: E402
from claimgraph.store.sql import ANALYSIS_VERSION  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

KEEP = set(" \n.,;:'\"«»()-–—") | set(string.digits)


def templates() -> list[Analysis]:
    return [Analysis.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((REPO / "tests" / "gold").glob("*.gold.json"))]


def scramble(text: str, rng: random.Random) -> str:
    return "".join(c if c in KEEP else rng.choice(string.ascii_lowercase) for c in text)


def respan(span: Span, text: str) -> Span:
    return Span(span.start, span.end, text[span.start:span.end])


def synthetic(template: Analysis, index: int, rng: random.Random, pool: int) -> Analysis:
    """A new article shaped like `template`: renamed actors, another date, scrambled letters."""
    text = scramble(template.document.text, rng)
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
                                                   text=d.text, analysis_version=ANALYSIS_VERSION,
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
    return time.perf_counter() - began


def timed_additions(store: SqlStore, count: int, offset: int, rng: random.Random, bases: list[Analysis]) -> list[float]:
    """Add `count` articles one at a time through the real path: put_analysis, then sync (USE embeddings)."""
    times = []
    for k in range(count):
        analysis = synthetic(rng.choice(bases), offset + k, rng, pool=max(50, offset // 20))
        began = time.perf_counter()
        store.put_analysis(analysis)
        sync(store, default_embedder())
        times.append((time.perf_counter() - began) * 1000)
    return times


def query_times(store: SqlStore, repeats: int = 5) -> dict[str, float]:
    embedder = default_embedder()
    embedder.encode(["warm up"])
    out = {}
    with store.engine.connect() as connection:
        for name, run in {
            "claims": lambda: summaries(connection, select_claim_ids(connection, limit=50)),
            "claims --entity China --type SUPPLY": lambda: summaries(connection, select_claim_ids(connection, "China", "SUPPLY", limit=50)),
            "brief 'China supplies weapons to Russia'": lambda: answer(connection, "China supplies weapons to Russia", embedder),
            "brief 'Is the Chinese government involved?'": lambda: answer(connection, "Is the Chinese government involved?", embedder),
        }.items():
            samples = []
            for _ in range(repeats):
                began = time.perf_counter()
                run()
                samples.append((time.perf_counter() - began) * 1000)
            out[name] = round(statistics.median(samples), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="1000,10000,50000,100000")
    parser.add_argument("--samples", type=int, default=30, help="articles timed one by one at each checkpoint")
    parser.add_argument("--db", help="store path (default: a temporary file)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    checkpoints = sorted(c for c in (int(x) for x in args.checkpoints.split(",")) if c <= args.max)
    rng = random.Random(5)
    bases = templates()
    with tempfile.TemporaryDirectory() as tmp:
        store = SqlStore(args.db or str(Path(tmp) / "bench.db"))
        made: list[Analysis] = []
        size, rows = 0, []
        for checkpoint in checkpoints:
            seconds = fill(store, size, checkpoint, rng, bases, made)
            size = checkpoint
            times = timed_additions(store, args.samples, 10_000_000 + checkpoint, rng, bases)
            size += args.samples
            queries = query_times(store)
            counts = store.counts()
            with store.engine.connect() as connection:
                n_claims = connection.execute(select(func.count()).select_from(t.claims)).scalar_one()
            row = {"articles": checkpoint, "claims": n_claims, "fill_s": round(seconds, 1),
                   "fill_ms_per_article": round(1000 * seconds / max(1, checkpoint - (rows[-1]["articles"] if rows else 0)), 2),
                   "update_ms_median": round(statistics.median(times), 1),
                   "update_ms_p90": round(sorted(times)[int(0.9 * len(times))], 1), "query_ms": queries,
                   "documents": counts["documents"]}
            rows.append(row)
            print(json.dumps(row), flush=True)
        store.close()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
