"""Benchmark: `claimgraph ingest` vs bare spaCy `nlp.pipe` on the examples repeated to N articles.

Each phase runs in its own process so its peak memory (ru_maxrss) is its own.
Prints a table and, with --json, writes the figures.

    python scripts/bench_ingest.py --articles 500 [--batch-size 16] [--json build/bench.json]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_corpus(folder: Path, n_articles: int) -> Path:
    """The examples' articles repeated (each copy made unique) into one JSON Lines file."""
    from claimgraph.ingest import iter_inputs
    from claimgraph.model import Document
    from claimgraph.nlp.pipeline import detect_language
    from claimgraph.config import load_settings

    settings = load_settings()
    base = [d for d in iter_inputs([REPO / "examples"], settings) if isinstance(d, Document)]
    records = []
    for i in range(n_articles):
        doc = base[i % len(base)]
        lang = doc.lang if doc.lang != "und" else detect_language(doc.text, settings.detect_languages) or "und"
        records.append({"id": f"bench-{i}", "text": f"{doc.text}\n\n[{i}]", "lang": lang, "title": doc.title,
                        "date": doc.date})
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def phase_spacy(corpus: Path, batch_size: int, n_process: int) -> dict:
    import spacy
    from claimgraph.lang import get_language

    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    by_lang: dict[str, list[str]] = {}
    for r in records:
        by_lang.setdefault(r["lang"], []).append(r["text"])
    models = {lang: spacy.load(get_language(lang).spacy_package) for lang in by_lang if get_language(lang)}
    started = time.perf_counter()
    words = 0
    for lang, texts in by_lang.items():
        if lang in models:
            for doc in models[lang].pipe(texts, batch_size=batch_size, n_process=n_process):
                words += len(doc.text.split())
    return {"seconds": time.perf_counter() - started, "words": words, "articles": len(records)}


def phase_ingest(corpus: Path, batch_size: int) -> dict:
    from claimgraph.config import load_settings
    from claimgraph.pipeline import Analyzer
    from claimgraph.run import ingest_paths

    settings = load_settings(batch_size=batch_size)
    analyzer = Analyzer(settings)
    for lang in ("en", "fr"):  # load outside the timing, as bare spaCy does
        analyzer.pipelines.get(lang)
    with tempfile.TemporaryDirectory() as tmp:
        report = ingest_paths([corpus], db=str(Path(tmp) / "bench.db"), settings=settings, analyzer=analyzer)
    return {"seconds": report.seconds, "words": report.words, "articles": report.new, "rejected": len(report.rejected)}


def run_phase(name: str, corpus: Path, args: argparse.Namespace, n_process: int = 1) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--corpus", str(corpus), "--batch-size", str(args.batch_size),
           "--n-process", str(n_process)]
    output = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--phase", choices=["spacy", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = phase_spacy(args.corpus, args.batch_size, args.n_process) if args.phase == "spacy" \
            else phase_ingest(args.corpus, args.batch_size)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp), args.articles)
        langs = Counter(json.loads(line)["lang"] for line in corpus.read_text(encoding="utf-8").splitlines())
        results = {"bare spaCy nlp.pipe (1 process)": run_phase("spacy", corpus, args),
                   "bare spaCy nlp.pipe (2 processes)": run_phase("spacy", corpus, args, n_process=2),
                   "claimgraph ingest (1 process)": run_phase("ingest", corpus, args)}
    print(f"{args.articles} articles ({dict(langs)}), batch size {args.batch_size}")
    print(f"{'run':<36} {'articles/s':>10} {'words/s':>9} {'seconds':>8} {'peak MB':>8}")
    for name, r in results.items():
        print(f"{name:<36} {r['articles'] / r['seconds']:>10.1f} {r['words'] / r['seconds']:>9.0f} "
              f"{r['seconds']:>8.1f} {r['peak_rss_mb']:>8.0f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"articles": args.articles, "languages": dict(langs), "runs": results}, indent=1))


if __name__ == "__main__":
    main()
