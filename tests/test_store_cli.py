"""End to end: analyze the seed, store, re-ingest, export, a killed ingest resumed, CLI help."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.model import Analysis
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore

from conftest import EXAMPLES, SEED

CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]
runner = CliRunner()


def assert_spans_exact(data: dict) -> None:
    text = data["document"]["text"]
    spans = [m for e in data["entities"] for m in e["mentions"]]
    for a in data["attributions"]:
        spans += [a["source"], a["content"]] + ([a["cue"]] if a["cue"] else [])
    for v in data["events"]:
        spans += [s for s in [v["trigger"], *v["arguments"].values()] if s]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span


def test_seed_analysis_validates_and_spans_are_exact(analyzer, schema) -> None:
    (analysis,) = list(analyzer.analyze_paths([SEED]))
    data = analysis.to_dict()
    jsonschema.validate(data, schema)
    assert data["document"]["date"] == "2024-09" and data["document"]["lang"] == "fr"
    assert data["document"]["title"].startswith("La Chine fournit à la Russie")
    assert data["entities"], "the French pipeline finds entities in the seed"
    assert_spans_exact(data)
    assert Analysis.from_dict(data).to_dict() == data


def test_unknown_language_is_stored_with_a_warning(analyzer, tmp_path: Path) -> None:
    text = ("Die Regierung in Berlin hat am Dienstag neue Sanktionen gegen mehrere Unternehmen angekündigt, "
            "die nach Angaben des Ministeriums Bauteile für Drohnen geliefert haben sollen.")
    (tmp_path / "de.txt").write_text(text, encoding="utf-8")
    report = ingest_paths([tmp_path], db=str(tmp_path / "s.db"), analyzer=analyzer)
    assert report.new == 1 and any("no pipeline for language 'de'" in w for w in report.warnings)
    (stored,) = list(SqlStore(str(tmp_path / "s.db")).iter_analyses())
    assert stored.document.lang == "de" and stored.entities == [] and stored.warnings


def test_reingest_adds_nothing_and_export_round_trips(analyzer, tmp_path: Path, schema) -> None:
    db = str(tmp_path / "store.db")
    first = ingest_paths([SEED, EXAMPLES], db=db, analyzer=analyzer)
    counts = SqlStore(db).counts()
    second = ingest_paths([EXAMPLES], db=db, analyzer=analyzer)
    assert first.new >= 1 and second.new == 0 and second.known == first.new
    assert SqlStore(db).counts() == counts
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == counts["documents"]
    ids_by_name: dict[str, set[str]] = {}
    for data in lines:
        jsonschema.validate(data, schema)
        assert_spans_exact(data)
        for entity in data["entities"]:
            ids_by_name.setdefault(entity["name"] + "/" + entity["type"], set()).add(entity["id"])
    assert all(len(ids) == 1 for ids in ids_by_name.values()), "entity ids are global across the store"


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    places = ["Kyiv", "Warsaw", "Berlin", "Paris", "Riga", "Vilnius", "Tallinn", "Prague"]
    for i in range(n):
        place = places[i % len(places)]
        (folder / f"a{i:03d}.txt").write_text(
            f"Officials in {place} describe shipment {i}\n\n"
            f"Officials in {place} said on Monday that shipment number {i} of drone parts reached Russia in March. "
            f"The Reuters news agency reported that the company denied the claims about shipment {i}.\n",
            encoding="utf-8")


def db_counts(db: Path) -> dict[str, int]:
    return SqlStore(str(db)).counts()


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60)
    env = {**os.environ, "CLAIMGRAPH_BATCH_SIZE": "2"}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    process = subprocess.Popen([*CLAIMGRAPH, "ingest", str(corpus), "--db", str(killed_db), "--quiet", "--lang", "en"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if killed_db.exists():
            try:
                stored = sqlite3.connect(killed_db).execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = db_counts(killed_db)["documents"]
    assert 0 < partial < 60, "the kill landed mid-batch"
    subprocess.run([*CLAIMGRAPH, "ingest", str(corpus), "--db", str(killed_db), "--quiet", "--lang", "en"],
                   env=env, check=True, capture_output=True)
    subprocess.run([*CLAIMGRAPH, "ingest", str(corpus), "--db", str(clean_db), "--quiet", "--lang", "en"],
                   env=env, check=True, capture_output=True)
    assert db_counts(killed_db) == db_counts(clean_db)
    assert db_counts(clean_db)["documents"] == 60


def test_analyze_cli_writes_one_file_per_article_named_by_record_id(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "wire/7", "text": "NATO said on Tuesday that China supplied parts to Russia.",
                                 "lang": "en"}) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(batch), "--out", str(out)])
    assert result.exit_code == 1, result.output  # one line was rejected
    from claimgraph.cli.files import safe_name

    assert safe_name("wire/7").startswith("wire_7-") and safe_name("wire_7") == "wire_7"
    assert [p.name for p in out.iterdir()] == [safe_name("wire/7") + ".json"]
    assert "malformed JSON" in result.output


def test_analyze_text_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(SEED), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "entities" in result.stdout and "2024-09" in result.stdout


def test_all_inputs_rejected_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 1 and "empty file" in result.stdout


@pytest.mark.parametrize("command", [[], ["analyze"], ["ingest"], ["export"], ["summary"]])
def test_help_is_complete(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    for option in {"analyze": ["--format", "--out", "--lang", "--max-bytes"], "ingest": ["--db", "--max-bytes", "--quiet"],
                   "export": ["--format", "--db", "--out"], "summary": ["--db"]}.get(command[0] if command else "", []):
        assert option in result.stdout
