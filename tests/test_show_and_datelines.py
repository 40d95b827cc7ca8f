"""`claimgraph show` (one stored article, readable in a pipe), the shared marks, and dateline outlets."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.ingest.datelines import dateline_outlet
from claimgraph.marks import article_marks, segments
from graph_docs import store_with, times_en, wire

runner = CliRunner()


def test_dateline_credits_are_read_and_running_text_is_not() -> None:
    assert dateline_outlet("Title line\n\nLONDON (Invented Wire) - Someone said.") == "Invented Wire"
    assert dateline_outlet("NEW YORK, Sept 26 (Daily Sample) – text") == "Daily Sample"
    assert dateline_outlet("PÉKIN (Le Journal fictif) — texte") == "Le Journal fictif"
    assert dateline_outlet("The firm (in 2023) - said nothing.") is None
    assert dateline_outlet("BRUSSELS - No credit here.") is None
    assert dateline_outlet("x" * 1300 + "\nPARIS (Late Credit) - too far") is None


def test_text_without_source_takes_the_dateline_outlet(tmp_path: Path) -> None:
    from claimgraph.ingest.readers import READERS

    raw = " date 2024-09 Invented headline\n\nOSLO (Fjord Post) - An invented first sentence.\n".encode()
    document = next(READERS["text"]("a.txt", raw))
    assert document.source == "Fjord Post"
    given = "source: Own Outlet\n\nOSLO (Fjord Post) - An invented first sentence.\n".encode()
    assert next(READERS["text"]("b.txt", given)).source == "Own Outlet"


def test_segments_cut_at_every_mark_and_keep_the_text() -> None:
    analysis = times_en()
    marks = article_marks(analysis)
    parts = segments(analysis.document.text, marks, quoted=(0, 5))
    assert "".join(p.text for p in parts) == analysis.document.text
    assert parts[0].kinds and "quoted" in parts[0].kinds
    source = analysis.attributions[0].source.span
    inside = [p for p in parts if source.start <= p.start and p.end <= source.end]
    assert inside and all({"content", "source"} & set(p.kinds) for p in inside)
    assert all(analysis.attributions[0].id in p.records for p in inside)


def test_show_prints_one_article_with_its_analysis(tmp_path: Path) -> None:
    article = times_en()
    store_with(tmp_path, [article, wire("wire-a", "Reuters", "2024-09-25")], "show.db").close()
    db = str(tmp_path / "show.db")
    result = runner.invoke(app, ["show", article.document.id[:8], "--db", db], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert article.document.text.split()[0] in result.stdout
    assert "attributions and events" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    missing = runner.invoke(app, ["show", "nope-nope", "--db", db])
    assert missing.exit_code != 0
