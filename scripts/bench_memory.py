"""Peak memory of `claimgraph ingest`, `analyze` and the first `claims` on many articles or one long one.

    python scripts/bench_memory.py --articles 10000 --work /tmp/mem10k            # ingest, then claims (the sync)
    python scripts/bench_memory.py --articles 10000 --work /tmp/mem10k --commands analyze
    python scripts/bench_memory.py --long-lines 20000 --work /tmp/long --commands analyze,ingest

A benchmark, not a test. The corpus is written under --work (outside the
repository): --articles N copies of the repository's own examples/ articles,
each made unique (a line with its number), as JSON Lines files of 100 records;
--long-lines N one English article of N short invented lines. Each command
runs as `python -m claimgraph ...` in a child process, while this process
samples the whole process tree (the CLI and its analysis workers) every
--interval seconds with psutil: the peak of each process's RSS, the peak of
the sum of RSS over the tree (pages shared copy-on-write by forked workers
counted once per process: an upper bound) and the peak of the sum of PSS
(shared pages divided among the processes that map them: what the tree takes
from the machine), and each process's VmHWM (the kernel's record of its peak RSS, read at each sample:
exact for a process alive at the last sample; a worker that ends between samples
keeps only the peak read before). Each sample is also appended to --work/samples.log, with
the load average, so a long run can be watched.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
ACTORS = ["Norland", "Vesteria", "the Ostrava ministry", "Kalder Systems", "the Brenmark navy", "Tessin Arms"]
ITEMS = ["drone engines", "radar parts", "artillery shells", "machine tools", "microchips", "armoured vehicles"]
DAYS_EN = ["Monday", "Tuesday", "Friday"]
SHORT_EN = ["{a} said {i} were shipped.", "{a} denied it.", "Officials in {b} disagreed.",
            "{a} may be selling {i}.", "The talks ended on {d}."]
PER_FILE = 100


def write_corpus(folder: Path, n_articles: int) -> int:
    """`n_articles` copies of examples/' articles (both languages, in turn), each made unique, as JSON Lines
    files of PER_FILE records (each file under the 2 MB read limit). RETURNS the characters written."""
    sys.path.insert(0, str(REPO / "src"))
    from claimgraph.config import load_settings
    from claimgraph.ingest import iter_inputs
    from claimgraph.model import Document

    base = [d for d in iter_inputs([REPO / "examples"], load_settings()) if isinstance(d, Document)]
    folder.mkdir(parents=True, exist_ok=True)
    characters = 0
    for first in range(0, n_articles, PER_FILE):
        lines = []
        for i in range(first, min(n_articles, first + PER_FILE)):
            doc = base[i % len(base)]
            text = f"{doc.text}\n\n[{i}]"
            characters += len(text)
            lines.append(json.dumps({"id": f"mem-{i}", "text": text, "lang": doc.lang, "title": doc.title,
                                     "date": doc.date, "source": doc.source}, ensure_ascii=False))
        (folder / f"part{first // PER_FILE:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return characters


def write_long_article(folder: Path, lines: int, seed: int = 7) -> int:
    """One English article of `lines` short lines (a transcript-like text), our own invented sentences."""
    rng = random.Random(seed)
    body = "\n".join(rng.choice(SHORT_EN).format(a=rng.choice(ACTORS).capitalize(), b=rng.choice(ACTORS),
                                                 i=rng.choice(ITEMS), d=rng.choice(DAYS_EN)) for _ in range(lines))
    folder.mkdir(parents=True, exist_ok=True)
    text = f"title: Long record\ndate: 2024-05\nlang: en\n\n{body}\n"
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return len(text)


class TreeSampler:
    """Samples a process and its descendants: peak RSS per process, peak sums of RSS and PSS over the tree."""

    def __init__(self, pid: int, interval: float, log: Path, label: str) -> None:
        self.root = psutil.Process(pid)
        self.interval, self.log, self.label = interval, log, label
        self.per_process: dict[int, dict] = {}
        self.peak_rss_sum = self.peak_pss_sum = 0
        self.peak_processes = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        started = time.perf_counter()
        while not self._stop.is_set():
            self.sample(time.perf_counter() - started)
            self._stop.wait(self.interval)

    def sample(self, elapsed: float) -> None:
        try:
            tree = [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        rss_sum = pss_sum = 0
        each = []
        for process in tree:
            try:
                info = process.memory_full_info()  # rss and pss (reads /proc/PID/smaps_rollup)
                name = " ".join(process.cmdline()[1:4])[-60:]
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            rss_sum += info.rss
            pss_sum += info.pss
            each.append(f"{info.rss / 2**20:.0f}/{info.pss / 2**20:.0f}")
            seen = self.per_process.setdefault(process.pid, {"pid": process.pid, "cmd": name, "peak_rss_mb": 0,
                                                             "peak_pss_mb": 0})
            seen["peak_rss_mb"] = max(seen["peak_rss_mb"], round(info.rss / 2**20))
            seen["peak_pss_mb"] = max(seen["peak_pss_mb"], round(info.pss / 2**20))
            seen["vmhwm_mb"] = max(seen.get("vmhwm_mb", 0), _high_water_mb(process.pid))
        self.peak_rss_sum = max(self.peak_rss_sum, rss_sum)
        self.peak_pss_sum = max(self.peak_pss_sum, pss_sum)
        self.peak_processes = max(self.peak_processes, len(tree))
        self.samples += 1
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(f"{time.strftime('%H:%M:%S')} {self.label} {elapsed:7.0f} s  processes {len(tree)}  "
                         f"rss sum {rss_sum / 2**20:6.0f} MB  pss sum {pss_sum / 2**20:6.0f} MB  "
                         f"load {os.getloadavg()[0]:.2f}  rss/pss MB {' '.join(each)}\n")

    def result(self) -> dict:
        return {"peak_rss_sum_mb": round(self.peak_rss_sum / 2**20), "peak_pss_sum_mb": round(self.peak_pss_sum / 2**20),
                "processes": self.peak_processes, "samples": self.samples,
                "per_process": sorted(self.per_process.values(), key=lambda p: -p["peak_rss_mb"])}


def _high_water_mb(pid: int) -> int:
    """The process's own peak RSS so far (VmHWM): the kernel's record, so a peak shorter than --interval still counts."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return 0


def command_line(command: str, corpus: Path, db: Path, out: Path) -> list[str]:
    cli = [sys.executable, "-m", "claimgraph"]
    if command == "ingest":
        return [*cli, "ingest", str(corpus), "--db", str(db), "--format", "json"]
    if command == "analyze":
        return [*cli, "analyze", str(corpus), "--out", str(out)]
    if command == "claims":  # the first listing after an ingest syncs the graph
        return [*cli, "claims", "--db", str(db), "--limit", "5"]
    raise SystemExit(f"unknown command {command!r}: ingest, analyze or claims")


def run(command: str, corpus: Path, work: Path, interval: float) -> dict:
    out = work / "analyses"
    out.mkdir(exist_ok=True)
    line = command_line(command, corpus, work / "store.db", out)
    load = os.getloadavg()
    started = time.perf_counter()
    with (work / f"{command}.stdout").open("w") as stdout, (work / f"{command}.stderr").open("w") as stderr:
        child = subprocess.Popen(line, stdout=stdout, stderr=stderr, env={**os.environ, "COLUMNS": "200"})
        sampler = TreeSampler(child.pid, interval, work / "samples.log", command)
        sampler.start()
        returncode = child.wait()
        sampler.stop()
    seconds = time.perf_counter() - started
    result = {"command": " ".join(line[2:]), "seconds": round(seconds, 1), "returncode": returncode,
              "load_before": [round(x, 2) for x in load], "load_after": [round(x, 2) for x in os.getloadavg()],
              **sampler.result()}
    if returncode not in (0, 1):  # failed or stopped by hand: the memory seen until then is still reported
        result["error"] = (work / f"{command}.stderr").read_text()[-500:]
        return result
    if command == "ingest":
        report = json.loads((work / "ingest.stdout").read_text())
        result.update(new=report["new"], known=report["known"], rejected=len(report["rejected"]))
    if command == "analyze":
        result["analyses"] = sum(1 for _ in out.iterdir())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--long-lines", type=int, default=0, help="instead: one article of this many short lines")
    parser.add_argument("--work", type=Path, required=True, help="a folder outside the repository (corpus, store, logs)")
    parser.add_argument("--commands", default="ingest,claims", help="in order, on the same corpus and store")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between samples")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    corpus = args.work / "corpus"
    if not corpus.exists():
        if args.long_lines:
            characters = write_long_article(corpus, args.long_lines)
        else:
            characters = write_corpus(corpus, args.articles)
        print(json.dumps({"corpus": str(corpus), "characters": characters}), flush=True)
    results = []
    for command in args.commands.split(","):
        results.append(run(command, corpus, args.work, args.interval))
        print(json.dumps(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
