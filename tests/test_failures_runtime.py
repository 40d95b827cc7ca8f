"""When the machine misbehaves: a full disk, a read-only store, two ingests at once, a graph sync killed with -9.

The disk tests mount a tiny tmpfs (root only, as on the development and CI machines; skipped elsewhere).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.errors import StoreError
from claimgraph.graph import sync
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]
SENTENCES = ["The ministry of {a} said on Monday that {b} had sold radar parts to {a}.",
             "{b} denied on Tuesday that it had shipped drone engines to {a}, a spokesman said.",
             "Officials in {a} accused {b} of supplying artillery shells, the agency reported."]
PLACES = ["Norland", "Vesteria", "Ostrava", "Brenmark", "Tessin", "Kalder"]


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = PLACES[i % 6], PLACES[(i + 1 + i // 6) % 6]
        text = " ".join(s.format(a=a, b=b) for s in SENTENCES[: 1 + i % 3]) + f" ({i})"
        (folder / f"a{i:03d}.txt").write_text(f"lang: en\ndate: 2024-{1 + i % 12:02d}\n\n{text}", encoding="utf-8")


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_full_disk_stops_the_run_cleanly(analyzer, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "tiny", "700k") as disk:
        report = ingest_paths([EXAMPLES], db=str(disk / "s.db"), analyzer=analyzer)
        assert report.stopped and "cannot be written" in report.stopped
        assert not report.ok and 0 <= report.new < 30


def test_a_read_only_store_is_readable(analyzer, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "20m") as disk:
        write_articles(tmp_path / "in", 4)
        db = str(disk / "s.db")
        ingest_paths([tmp_path / "in"], db=db, analyzer=analyzer)
        store = SqlStore(db)
        sync(store)
        store.close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        runner = CliRunner()
        summary = runner.invoke(app, ["summary", "--db", db, "--format", "json"])
        assert summary.exit_code == 0 and json.loads(summary.stdout)["counts"]["documents"] == 4
        claims = runner.invoke(app, ["claims", "--db", db, "--format", "json"])
        assert claims.exit_code == 0 and json.loads(claims.stdout)["claims"]
        exported = runner.invoke(app, ["export", "--db", db])
        assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == 4
        with pytest.raises(StoreError, match="read-only"):
            ingest_paths([EXAMPLES], db=db, analyzer=analyzer)


@pytest.mark.slow
def test_two_concurrent_ingests_store_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 6)
    db = tmp_path / "s.db"
    runs = [subprocess.Popen([*CLAIMGRAPH, "ingest", str(folder), "--db", str(db), "--format", "json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0 and "Traceback" not in err, err[-2000:]
    reports = [json.loads(out) for out, _ in outputs]
    assert sum(r["new"] for r in reports) == 6 and all(r["new"] + r["known"] == 6 for r in reports)
    assert SqlStore(str(db), create=False).counts()["documents"] == 6


def claims_hash(db: str) -> str:
    result = CliRunner().invoke(app, ["claims", "--db", db, "--format", "json", "--limit", "500", "--evidence"])
    assert result.exit_code == 0, result.output
    return hashlib.sha256(result.stdout.encode()).hexdigest()


@pytest.mark.slow
def test_a_graph_sync_killed_at_random_points_resumes_to_the_same_graph(analyzer, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 24)
    killed, clean = str(tmp_path / "killed.db"), str(tmp_path / "clean.db")
    for db in (killed, clean):
        ingest_paths([tmp_path / "in"], db=db, analyzer=analyzer, graph=False)  # the graph left to `claims`
    rng = random.Random(13)
    kills = 0
    for _ in range(2):
        target = rng.randint(1, 20)
        process = subprocess.Popen([*CLAIMGRAPH, "claims", "--db", killed], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while process.poll() is None and time.monotonic() < deadline:
            try:
                taken = sqlite3.connect(killed).execute("select count(*) from graph_documents").fetchone()[0]
            except sqlite3.OperationalError:
                taken = 0
            if taken >= target:
                process.send_signal(signal.SIGKILL)
                kills += 1
                break
            time.sleep(0.05)
        process.wait()
    assert kills >= 1, "no kill landed inside a sync"
    assert claims_hash(killed) == claims_hash(clean)
