"""Benchmark: claimgraph vs bare spaCy on the same synthetic seed-sized articles, one run.

The corpus is made from the repository's own examples/ texts (each copy made unique),
N articles per language (French and English). In one run, on the same texts:

* bare spaCy `nlp.pipe` with the models claimgraph loads (2 processes, batch 16), per language;
* `claimgraph analyze` (the library's Analyzer, what the CLI calls), per language;
* `claimgraph ingest` (store) and the graph sync that the first `claims` does;
* the ratio of each to bare spaCy's throughput, and each phase's peak RSS (own process);
* a per-stage profile: cProfile of one in-process analyze + store + graph sync on a
  small slice, time entering each claimgraph stage from outside it (inclusive).

    python scripts/bench_ingest.py            # 200 articles per language (make bench)
    python scripts/bench_ingest.py --quick    # 20 per language
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LANGS = ("fr", "en")

# Stage -> path fragments of the claimgraph modules that make it up (first match wins).
STAGES = [
    ("second parses", ("nlp/stand_ins", "nlp/asides")),
    ("parse", ("nlp/",)),
    ("factuality", ("extract/factuality",)),
    ("time", ("extract/timex", "ingest/dates")),
    ("attributions", ("extract/attribution",)),
    ("events", ("extract/event",)),
    ("entities", ("extract/entit", "extract/names", "extract/metonymy")),
    ("resolve", ("resolve/",)),
    ("store", ("store/",)),
    ("graph", ("graph/",)),
]


def build_corpus(folder: Path, per_language: int) -> Path:
    """The examples' articles per language, repeated (each copy made unique) into one JSON Lines file."""
    from claimgraph.config import load_settings
    from claimgraph.ingest import iter_inputs
    from claimgraph.model import Document
    from claimgraph.nlp.pipeline import detect_language

    settings = load_settings()
    base: dict[str, list[Document]] = {lang: [] for lang in LANGS}
    for doc in iter_inputs([REPO / "examples"], settings):
        if isinstance(doc, Document):
            lang = doc.lang if doc.lang != "und" else detect_language(doc.text, settings.detect_languages) or "und"
            if lang in base:
                base[lang].append(doc)
    records = []
    for lang in LANGS:
        for i in range(per_language):
            doc = base[lang][i % len(base[lang])]
            records.append({"id": f"bench-{lang}-{i}", "text": f"{doc.text}\n\n[{i}]", "lang": lang,
                            "title": doc.title, "date": doc.date})
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _records(corpus: Path, lang: str | None = None) -> list[dict]:
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if lang is None or r["lang"] == lang]


def _documents(records: list[dict]):  # type: ignore[no-untyped-def]
    from claimgraph.model import Document
    return [Document(id=r["id"], text=r["text"], lang=r["lang"], title=r["title"], date=r["date"]) for r in records]


def phase_spacy(corpus: Path, lang: str, batch_size: int, n_process: int) -> dict:
    import spacy
    from claimgraph.lang import get_language

    texts = [r["text"] for r in _records(corpus, lang)]
    nlp = spacy.load(get_language(lang).spacy_package)
    started, cpu = time.perf_counter(), _cpu()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    return {"seconds": time.perf_counter() - started, "articles": len(texts), "tokens": tokens, "cpu": _cpu() - cpu}


def phase_analyze(corpus: Path, lang: str, batch_size: int) -> dict:
    from claimgraph.config import load_settings
    from claimgraph.pipeline import Analyzer

    analyzer = Analyzer(load_settings(batch_size=batch_size))
    analyzer.pipelines.get(lang)  # load outside the timing, as bare spaCy does
    documents = _documents(_records(corpus, lang))
    started, cpu = time.perf_counter(), _cpu()
    count = sum(1 for _ in analyzer.analyze(iter(documents)))
    seconds = time.perf_counter() - started
    analyzer.close()  # the workers' CPU counts once they have ended
    return {"seconds": seconds, "articles": count, "cpu": _cpu() - cpu}


def phase_ingest(corpus: Path, batch_size: int) -> dict:
    from claimgraph.config import load_settings
    from claimgraph.graph.sync import sync
    from claimgraph.pipeline import Analyzer
    from claimgraph.run import ingest_paths
    from claimgraph.store import SqlStore

    settings = load_settings(batch_size=batch_size)
    analyzer = Analyzer(settings)
    for lang in LANGS:
        analyzer.pipelines.get(lang)
    # The graph's sentence encoder (USE) is a model ingest loads, like the spaCy models: loaded before the clock
    # (about 2.2 s of CPU in the parent, with the workers not started yet); the workers fork with it loaded.
    from claimgraph.graph.embed import default_embedder
    default_embedder().encode_uncached(["."])
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        cpu, parent = _cpu(), _cpu(resource.RUSAGE_SELF)
        report = ingest_paths([corpus], db=db, settings=settings, analyzer=analyzer)
        parent = _cpu(resource.RUSAGE_SELF) - parent  # the parent alone: storing, the graph, reading results
        analyzer.close()
        started, sync_cpu = time.perf_counter(), _cpu()
        store = SqlStore(db)
        synced = sync(store)
        store.close()
        sync_seconds = time.perf_counter() - started
        ended = _cpu()
    return {"seconds": report.seconds + sync_seconds, "ingest_seconds": report.seconds, "sync_seconds": sync_seconds,
            "articles": report.new, "synced": synced, "rejected": len(report.rejected), "cpu": ended - cpu,
            "sync_cpu": ended - sync_cpu, "parent_cpu": parent}


def _cpu(who: int | None = None) -> float:
    """CPU seconds of this process and of its ended children (worker processes), user + system: under a
    shared machine's load these move less than wall time. `who`: one of them only (resource.RUSAGE_SELF)."""
    usages = [resource.getrusage(who)] if who is not None else [resource.getrusage(resource.RUSAGE_SELF),
                                                                 resource.getrusage(resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usages)


def stage_of(filename: str) -> str | None:
    path = filename.replace("\\", "/")
    if "/claimgraph/" not in path:
        return None
    inner = path.split("/claimgraph/", 1)[1]
    for stage, fragments in STAGES:
        if any(inner.startswith(f) for f in fragments):
            return stage
    return None


def phase_profile(corpus: Path, batch_size: int, per_language: int) -> dict:
    """cProfile of analyze + store + graph sync in one process; seconds entering each stage from outside it."""
    from claimgraph.config import load_settings
    from claimgraph.graph.sync import sync
    from claimgraph.pipeline import Analyzer
    from claimgraph.store import SqlStore

    analyzer = Analyzer(load_settings(batch_size=batch_size, n_process=1))  # cProfile sees this process only
    for lang in LANGS:
        analyzer.pipelines.get(lang)
    documents = []
    for lang in LANGS:
        documents += _documents(_records(corpus, lang)[:per_language])
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        store = SqlStore(str(Path(tmp) / "profile.db"))
        profiler.enable()
        for analysis in analyzer.analyze(iter(documents)):
            store.put_analysis(analysis)
        sync(store)
        profiler.disable()
        store.close()
    stats = pstats.Stats(profiler)
    total = max(ct for (_, _, _, ct, _) in stats.stats.values())  # type: ignore[attr-defined]
    stages: dict[str, float] = {}
    for (filename, line, name), (_, _, tt, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        stage = stage_of(filename)
        if stage is None:
            continue
        # inclusive time spent in this stage when entered from a caller outside the stage
        entered = sum(c[3] for caller, c in callers.items() if stage_of(caller[0]) != stage)
        stages[stage] = stages.get(stage, 0.0) + entered
    return {"articles": len(documents), "total_seconds": total, "stages": stages}


def run_phase(args: argparse.Namespace, corpus: Path, name: str, lang: str = "") -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--corpus", str(corpus), "--batch-size", str(args.batch_size),
           "--n-process", str(args.n_process), "--lang", lang, "--per-language", str(args.per_language)]
    output = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-language", type=int, default=200, help="articles per language (default 200)")
    parser.add_argument("--quick", action="store_true", help="20 articles per language")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--n-process", type=int, default=2, help="bare spaCy processes (default 2)")
    parser.add_argument("--profile-articles", type=int, default=10, help="articles per language in the profile")
    parser.add_argument("--skip", default="", help="comma-separated phases to leave out: ingest, profile")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--phase", choices=["spacy", "analyze", "ingest", "profile"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.per_language = 20
    if args.phase:
        if args.phase == "spacy":
            result = phase_spacy(args.corpus, args.lang, args.batch_size, args.n_process)
        elif args.phase == "analyze":
            result = phase_analyze(args.corpus, args.lang, args.batch_size)
        elif args.phase == "ingest":
            result = phase_ingest(args.corpus, args.batch_size)
        else:
            result = phase_profile(args.corpus, args.batch_size, args.per_language)
        # children: bare spaCy's worker processes count too
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["peak_rss_mb"] = max(own, children) / 1024
        print(json.dumps(result))
        return
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp), args.per_language)
        results: dict[str, dict] = {}
        for lang in LANGS:
            results[f"bare spaCy {lang} ({args.n_process} proc)"] = run_phase(args, corpus, "spacy", lang)
            results[f"claimgraph analyze {lang}"] = run_phase(args, corpus, "analyze", lang)
        skip = set(args.skip.split(","))
        if "ingest" not in skip:
            results["claimgraph ingest fr+en (store + graph)"] = run_phase(args, corpus, "ingest")
        args.per_language = min(args.profile_articles, args.per_language)
        profile = run_phase(args, corpus, "profile") if "profile" not in skip else None
    load_after = Path("/proc/loadavg").read_text().split()[:3]
    bare = {lang: results[f"bare spaCy {lang} ({args.n_process} proc)"] for lang in LANGS}
    bare_both = sum(r["articles"] for r in bare.values()) / sum(r["seconds"] for r in bare.values())
    print(f"{sum(r['articles'] for r in bare.values())} articles ({', '.join(LANGS)}), batch {args.batch_size}; "
          f"load avg before {' '.join(load_before)}, after {' '.join(load_after)}")
    print(f"| {'run':<40} | {'articles':>8} | {'seconds':>8} | {'art/s':>6} | {'x bare spaCy':>12} | {'peak MB':>7} "
          f"| {'CPU s':>6} | {'x CPU':>6} |")
    print(f"|{'-' * 42}|{'-' * 10}|{'-' * 10}|{'-' * 8}|{'-' * 14}|{'-' * 9}|{'-' * 8}|{'-' * 8}|")
    for name, r in results.items():
        rate = r["articles"] / r["seconds"]
        lang = next((code for code in LANGS if f" {code}" in name and "fr+en" not in name), None)
        ratio = rate / (bare[lang]["articles"] / bare[lang]["seconds"]) if lang else rate / bare_both
        # the same ratio in CPU seconds per article (parent and workers): what the load moves least
        bare_cpu = (bare[lang]["cpu"] / bare[lang]["articles"] if lang else
                    sum(b["cpu"] for b in bare.values()) / sum(b["articles"] for b in bare.values()))
        cpu_ratio = bare_cpu / (r["cpu"] / r["articles"])
        print(f"| {name:<40} | {r['articles']:>8} | {r['seconds']:>8.1f} | {rate:>6.2f} | {ratio:>11.2f}x | "
              f"{r['peak_rss_mb']:>7.0f} | {r['cpu']:>6.1f} | {cpu_ratio:>5.2f}x |")
    ingest = results.get("claimgraph ingest fr+en (store + graph)")
    if ingest:
        print(f"ingest: store {ingest['ingest_seconds']:.1f} s + graph sync {ingest['sync_seconds']:.1f} s "
              f"(sync CPU {ingest['sync_cpu']:.1f} s); the ingest's parent process (store + graph, reading the "
              f"workers' results) {ingest.get('parent_cpu', 0.0):.1f} CPU s")
    if profile is not None:
        print(f"\nprofile: analyze + store + graph sync of {profile['articles']} articles in one process, "
              f"{profile['total_seconds']:.1f} s under cProfile (stages inclusive; second parses also inside parse)")
        print(f"| {'stage':<16} | {'seconds':>8} | {'share':>6} |")
        print(f"|{'-' * 18}|{'-' * 10}|{'-' * 8}|")
        for stage, _ in STAGES:
            seconds = profile["stages"].get(stage, 0.0)
            print(f"| {stage:<16} | {seconds:>8.2f} | {seconds / profile['total_seconds']:>6.1%} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"load_before": load_before, "load_after": load_after, "runs": results,
                                         "profile": profile}, indent=1))


if __name__ == "__main__":
    main()
