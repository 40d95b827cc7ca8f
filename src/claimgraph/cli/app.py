"""`claimgraph`: analyse, store and export who-says-what from news articles."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimgraph.cli.render import analysis_panel, print_rejections, print_skipped, skipped_notice
from claimgraph.config import load_settings
from claimgraph.errors import ClaimgraphError
from claimgraph.model import Rejection, Skipped

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="claimgraph: who alleges what, how firmly, about whom, in news articles (French, English).")
out_console = Console()
err_console = Console(stderr=True)

PATHS_HELP = "Files or folders: .txt (optional ' date YYYY-MM ' header or key: value front matter), .html, .jsonl, RSS/Atom (.rss/.atom/.xml); folders are walked."
DB_HELP = "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...)."
MAX_BYTES_HELP = "Reject input files larger than this many bytes."
LANG_HELP = "Force the language code (e.g. fr, en) instead of detecting it."


def _settings(max_bytes: Optional[int]):  # type: ignore[no-untyped-def]
    return load_settings(max_bytes=max_bytes)


def _with_lang(documents, lang: Optional[str]):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    for document in documents:
        yield replace(document, lang=lang) if lang else document


@app.command("analyze")
def analyze_cli(
    paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
    format: str = typer.Option("json", "--format", "-f", help="Output format: json (v1 analysis) or text (tables)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write DIR/<id>.json per article (id: a JSONL record's own id, else the document id) instead of printing."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
) -> None:
    """Print (or write) the v1 analysis of each article found in PATHS."""
    from claimgraph.ingest import iter_inputs
    from claimgraph.pipeline import Analyzer

    if format not in ("json", "text"):
        raise typer.BadParameter(f"unknown format {format!r}; choose json or text", param_hint="--format")
    analyzer = Analyzer(_settings(max_bytes))
    rejected: list[Rejection] = []

    def documents():  # type: ignore[no-untyped-def]
        for item in iter_inputs(paths, analyzer.settings):
            if isinstance(item, Rejection):
                rejected.append(item)
                err_console.print(f"[red]rejected[/red] {item}")
            elif isinstance(item, Skipped):
                err_console.print(skipped_notice(item), highlight=False, soft_wrap=True)
            else:
                yield item

    if out:
        out.mkdir(parents=True, exist_ok=True)
    count = 0
    for analysis in analyzer.analyze(_with_lang(documents(), lang)):
        count += 1
        for warning in analysis.warnings:
            err_console.print(f"[yellow]warning[/yellow] {analysis.document.path}: {warning}")
        if out:
            name = _safe_name(analysis.document.record_id or analysis.document.id)
            (out / f"{name}.json").write_text(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        elif format == "json":
            sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        else:
            out_console.print(analysis_panel(analysis))
    if out:
        err_console.print(f"wrote {count} analyses to {out}")
    if count == 0 and rejected:
        raise typer.Exit(1)


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return cleaned[:120] or "document"


@app.command("ingest")
def ingest_cli(
    paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
    db: str = typer.Option("claimgraph.db", "--db", help=DB_HELP),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Analyse every article in PATHS and store it; articles already stored are skipped."""
    from claimgraph.run import ingest_paths

    report = ingest_paths(paths, db=db, settings=_settings(max_bytes), lang=lang,
                          console=None if quiet else err_console)
    out_console.print(f"[bold]{report.new}[/bold] new, [bold]{report.known}[/bold] already known, "
                      f"[bold]{len(report.rejected)}[/bold] rejected, [bold]{len(report.skipped)}[/bold] skipped"
                      f" · {report.seconds:.1f} s "
                      f"({report.new / report.seconds if report.seconds else 0:.1f} new articles/s)")
    for warning in report.warnings:
        out_console.print(f"[yellow]warning[/yellow] {warning}")
    print_skipped(out_console, report.skipped)
    print_rejections(out_console, report.rejected)
    if report.rejected:
        reasons = Counter(r.reason for r in report.rejected)
        out_console.print("rejections by reason: " + ", ".join(f"{k}: {v}" for k, v in reasons.most_common()))
    if report.new + report.known == 0 and report.rejected:
        raise typer.Exit(1)


@app.command("export")
def export_cli(
    format: str = typer.Option("jsonl", "--format", "-f", help="Export format: jsonl (v1 analyses, one per line), ftm (FollowTheMoney entities and relations, JSON lines), graphml (Gephi), csv (one row per claim evidence)."),
    db: str = typer.Option("claimgraph.db", "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
) -> None:
    """Write every stored article in the v1 shape (jsonl), or the evidence graph (ftm, graphml, csv)."""
    from claimgraph.store import SqlStore

    if format in ("ftm", "graphml", "csv"):
        from claimgraph.cli.graph import export_graph

        export_graph(format, db, out)
        return
    if format != "jsonl":
        raise typer.BadParameter(f"unknown format {format!r}; choose jsonl, ftm, graphml or csv", param_hint="--format")
    store = SqlStore(db)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for analysis in store.iter_analyses():
            handle.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()


@app.command("summary")
def summary_cli(db: str = typer.Option("claimgraph.db", "--db", help=DB_HELP)) -> None:
    """A readable summary of the store: counts, languages, top entities and sources."""
    from claimgraph.cli.summary import print_summary
    from claimgraph.store import SqlStore

    print_summary(out_console, SqlStore(db))


def _register_graph_commands() -> None:
    from claimgraph.cli.graph import brief_cli, claims_cli
    from claimgraph.cli.web import serve_cli, show_cli

    app.command("claims")(claims_cli)
    app.command("brief")(brief_cli)
    app.command("show")(show_cli)
    app.command("serve")(serve_cli)


_register_graph_commands()


def main() -> None:
    try:
        app()
    except ClaimgraphError as exc:
        err_console.print(f"[red]error:[/red] {exc.message}")
        if exc.details:
            err_console.print(json.dumps(exc.details, ensure_ascii=False))
        sys.exit(2)
