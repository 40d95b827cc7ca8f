"""Peak memory and speed of `claimgraph ingest` on N generated articles (our own invented sentences).

    python scripts/bench_memory.py --articles 10000 [--workers N] [--json build/memory.json]
    python scripts/bench_memory.py --long-lines 20000   # one article of 20,000 short lines

Writes N short English and French articles as .txt files, 100 per folder,
then runs `claimgraph ingest` on the whole tree in a child process and reports
its peak resident memory (ru_maxrss of the children, workers included when
they are child processes) and its time.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = ["Norland", "Vesteria", "the Ostrava ministry", "Kalder Systems", "the Brenmark navy", "Tessin Arms"]
ITEMS = ["drone engines", "radar parts", "artillery shells", "machine tools", "microchips", "armoured vehicles"]
EN = ["{s} said on {d} that {a} had supplied {i} to {b}.",
      "{a} denied selling {i} to {b}, a spokesman told reporters.",
      "According to officials in {b}, {a} is developing new {i}.",
      "Analysts warned that {a} might be shipping {i} through third countries."]
FR = ["{s} a affirmé {d} que {a} avait livré des {i} à {b}.",
      "{a} a démenti avoir vendu des {i} à {b}, selon un porte-parole.",
      "Selon des responsables de {b}, {a} développerait de nouveaux {i}."]
DAYS_EN, DAYS_FR = ["Monday", "Tuesday", "Friday"], ["lundi", "mardi", "vendredi"]
ITEMS_FR = ["moteurs de drones", "pièces de radar", "obus d'artillerie", "machines-outils", "composants"]


def article(rng: random.Random, number: int) -> str:
    french = number % 3 == 0
    templates, days, items = (FR, DAYS_FR, ITEMS_FR) if french else (EN, DAYS_EN, ITEMS)
    a, b = rng.sample(ACTORS, 2)
    sentences = [rng.choice(templates).format(s=rng.choice(ACTORS).capitalize(), d=rng.choice(days), a=a, b=b,
                                              i=rng.choice(items)) for _ in range(rng.randint(2, 4))]
    month = 1 + number % 12
    return f"title: Report {number}\ndate: 2024-{month:02d}\nlang: {'fr' if french else 'en'}\n\n" + " ".join(sentences) + f" ({number})\n"


def write_corpus(folder: Path, n_articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for number in range(n_articles):
        part = folder / f"part{number // 100:04d}"
        part.mkdir(parents=True, exist_ok=True)
        (part / f"a{number:06d}.txt").write_text(article(rng, number), encoding="utf-8")


SHORT_EN = ["{a} said {i} were shipped.", "{a} denied it.", "Officials in {b} disagreed.",
            "{a} may be selling {i}.", "The talks ended on {d}."]


def write_long_article(folder: Path, lines: int, seed: int = 7) -> None:
    """One English article of `lines` short lines (a transcript-like text), our own invented sentences."""
    rng = random.Random(seed)
    body = "\n".join(rng.choice(SHORT_EN).format(a=rng.choice(ACTORS).capitalize(), b=rng.choice(ACTORS),
                                                 i=rng.choice(ITEMS), d=rng.choice(DAYS_EN)) for _ in range(lines))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long.txt").write_text(f"title: Long record\ndate: 2024-05\nlang: en\n\n{body}\n", encoding="utf-8")


def run(folder: Path, db: Path, workers: int | None) -> dict:
    command = [sys.executable, "-m", "claimgraph", "ingest", str(folder), "--db", str(db), "--format", "json"]
    if workers:
        command += ["--workers", str(workers)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-2000:])
    report = json.loads(done.stdout)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": report["new"] + report["known"], "new": report["new"], "rejected": len(report["rejected"]),
            "seconds": round(seconds, 1), "articles_per_s": round(report["new"] / seconds, 2),
            "peak_rss_mb": round(peak_mb), "workers": workers or 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--long-lines", type=int, default=0, help="instead: one article of this many short lines")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        if args.long_lines:
            write_long_article(folder, args.long_lines)
        else:
            write_corpus(folder, args.articles)
        result = run(folder, Path(tmp) / "store.db", args.workers)
        if args.long_lines:
            result["characters"] = len((folder / "long.txt").read_text(encoding="utf-8"))
    print(json.dumps(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
