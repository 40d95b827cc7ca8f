"""`claimgraph`: analyse, store and export who-says-what from news articles."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimgraph.cli.render import analysis_panel, skipped_notice
from claimgraph.config import load_settings
from claimgraph.display import markup
from claimgraph.errors import ClaimgraphError
from claimgraph.model import Rejection, Skipped

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="claimgraph: who alleges what, how firmly, about whom, in news articles (French, English). "
                       "Exit codes: 0 done; 1 some input was rejected (or the run stopped, e.g. disk full); "
                       "2 bad usage, setting or store.")
out_console = Console()
err_console = Console(stderr=True)

PATHS_HELP = "Files or folders (- reads standard input): .txt (optional ' date YYYY-MM ' header or key: value front matter), .html, .jsonl, RSS/Atom (.rss/.atom/.xml); folders are walked, symlinked folders followed."
DB_HELP = "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...). Environment: CLAIMGRAPH_DB."
DB_DEFAULT, DB_ENV = "claimgraph.db", "CLAIMGRAPH_DB"
MAX_BYTES_HELP = "Reject input files larger than this many bytes (environment: CLAIMGRAPH_MAX_BYTES)."
LANG_HELP = "Force the language code (e.g. fr, en) instead of detecting it."


def _version(value: bool) -> None:
    if value:
        from claimgraph import __version__

        out_console.print(f"claimgraph {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """claimgraph: who alleges what, how firmly, about whom, in news articles."""


def _settings(max_bytes: Optional[int]):  # type: ignore[no-untyped-def]
    return load_settings(max_bytes=max_bytes)


def _checked_lang(lang: Optional[str]) -> Optional[str]:
    from claimgraph.ingest.readers import language_code

    if lang is None:
        return None
    code, problem = language_code(lang)
    if problem:
        raise typer.BadParameter(f"{lang!r} is not an ISO 639 language code (e.g. en, fr)", param_hint="--lang")
    return code


def _with_lang(documents, lang: Optional[str]):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    for document in documents:
        yield replace(document, lang=lang) if lang else document


@app.command("analyze")
def analyze_cli(
    paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
    format: str = typer.Option("json", "--format", "-f", help="Output format: json (v1 analysis) or text (tables)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write DIR/<id>.json per article (id: a JSONL record's own id, else the document id; an id unsafe as a file name gets -<hash> appended) instead of printing."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
) -> None:
    """Print (or write) the v1 analysis of each article found in PATHS."""
    from claimgraph.cli.files import OutputNames
    from claimgraph.ingest import iter_inputs
    from claimgraph.pipeline import Analyzer

    if format not in ("json", "text"):
        raise typer.BadParameter(f"unknown format {format!r}; choose json or text", param_hint="--format")
    lang = _checked_lang(lang)
    analyzer = Analyzer(_settings(max_bytes))
    rejected: list[Rejection] = []

    def documents():  # type: ignore[no-untyped-def]
        for item in iter_inputs(paths, analyzer.settings):
            if isinstance(item, Rejection):
                rejected.append(item)
                err_console.print(f"[red]rejected[/red] {markup(item)}", highlight=False)
            elif isinstance(item, Skipped):
                err_console.print(skipped_notice(item), highlight=False, soft_wrap=True)
            else:
                yield item

    names = OutputNames(out) if out else None
    count = 0
    for item in analyzer.analyze_all(_with_lang(documents(), lang)):
        if isinstance(item, Rejection):
            rejected.append(item)
            err_console.print(f"[red]rejected[/red] {markup(item)}", highlight=False)
            continue
        analysis = item
        count += 1
        for warning in analysis.warnings:
            err_console.print(f"[yellow]warning[/yellow] {markup(analysis.document.path)}: {markup(warning)}",
                              highlight=False)
        if names:
            path = names.path_for(analysis.document.record_id or analysis.document.id)
            path.write_text(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        elif format == "json":
            sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        else:
            out_console.print(analysis_panel(analysis))
    if out:
        err_console.print(f"wrote {count} analyses to {markup(out)}", highlight=False)
    if rejected:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cli(
    paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
    db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    format: str = typer.Option("text", "--format", "-f", help="Report format: text or json (one object on standard output)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Analyse on a local Dask cluster of N worker processes."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Analyse on an existing Dask cluster (tcp://HOST:PORT)."),
) -> None:
    """Analyse every article in PATHS and store it; articles already stored are skipped.
    Exits 1 when any input was rejected."""
    from claimgraph.cli.render import print_ingest_report

    if format not in ("text", "json"):
        raise typer.BadParameter(f"unknown format {format!r}; choose text or json", param_hint="--format")
    lang = _checked_lang(lang)
    console = None if quiet or format == "json" else err_console
    if workers or scheduler:
        from claimgraph.scale import ingest_distributed

        report = ingest_distributed(paths, db=db, settings=_settings(max_bytes), lang=lang, workers=workers,
                                    scheduler=scheduler, console=console)
    else:
        from claimgraph.run import ingest_paths

        report = ingest_paths(paths, db=db, settings=_settings(max_bytes), lang=lang, console=console)
    if format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        print_ingest_report(out_console, report)
    if not report.ok:
        raise typer.Exit(1)


@app.command("export")
def export_cli(
    format: str = typer.Option("jsonl", "--format", "-f", help="Export format: jsonl (v1 analyses, one per line), ftm (FollowTheMoney entities and relations, JSON lines), graphml (Gephi), csv (one row per claim evidence)."),
    db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV),
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
    store = SqlStore(db, create=False)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for analysis in store.iter_analyses():
            handle.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()


@app.command("summary")
def summary_cli(db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV),
                format: str = typer.Option("text", "--format", "-f", help="text or json.")) -> None:
    """A readable summary of the store: counts, languages, top entities and sources."""
    from claimgraph.cli.summary import print_summary, summary_dict
    from claimgraph.store import SqlStore

    if format not in ("text", "json"):
        raise typer.BadParameter(f"unknown format {format!r}; choose text or json", param_hint="--format")
    store = SqlStore(db, create=False)
    if format == "json":
        sys.stdout.write(json.dumps(summary_dict(store), ensure_ascii=False) + "\n")
    else:
        print_summary(out_console, store)


def _register_graph_commands() -> None:
    from claimgraph.cli.graph import brief_cli, claims_cli
    from claimgraph.cli.maintenance import graph_app, reanalyze_cli
    from claimgraph.cli.web import serve_cli, show_cli

    app.command("claims")(claims_cli)
    app.command("brief")(brief_cli)
    app.command("show")(show_cli)
    app.command("serve")(serve_cli)
    app.add_typer(graph_app, name="graph")
    app.command("reanalyze")(reanalyze_cli)


_register_graph_commands()


def main() -> None:
    try:
        app()
    except ClaimgraphError as exc:
        err_console.print(f"[red]error:[/red] {markup(exc.message)}", highlight=False)
        if exc.details:
            err_console.print(markup(json.dumps(exc.details, ensure_ascii=False)), highlight=False)
        sys.exit(2)
