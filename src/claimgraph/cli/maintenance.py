"""Repair and upgrade commands: `claimgraph graph rebuild` and `claimgraph reanalyze`."""
from __future__ import annotations

import typer
from rich.console import Console

from claimgraph.display import markup

DB_HELP = "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...). Environment: CLAIMGRAPH_DB."
DB_DEFAULT, DB_ENV = "claimgraph.db", "CLAIMGRAPH_DB"

graph_app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                        context_settings={"help_option_names": ["-h", "--help"]},
                        help="The evidence graph derived from the stored analyses.")


@graph_app.command("rebuild")
def graph_rebuild_cli(db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV)) -> None:
    """Empty the evidence graph and take every stored article in again, in ingest order (a repair)."""
    from claimgraph.graph import rebuild
    from claimgraph.store import SqlStore

    count = rebuild(SqlStore(db, create=False))
    Console().print(f"graph rebuilt from {count} article(s)", highlight=False)


def reanalyze_cli(
    since: str = typer.Option(None, "--since", help="Only articles analysed by this release or an older one (e.g. 0.1)."),
    db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV),
) -> None:
    """Analyse stored articles again with this version's extraction (those analysed by another version),
    then rebuild the evidence graph. Exits 1 when an article could not be analysed."""
    from claimgraph.reanalyze import reanalyze
    from claimgraph.store import SqlStore
    from claimgraph.versioning import analysis_version

    console = Console()
    report = reanalyze(SqlStore(db, create=False), since=since)
    console.print(f"analysis {markup(analysis_version())}: {report.reanalysed} article(s) analysed again, "
                  f"{report.current} already current; graph rebuilt from {report.graph_articles}", highlight=False)
    for rejection in report.rejected:
        console.print(f"[red]rejected[/red] {markup(rejection)}", highlight=False)
    if report.rejected:
        raise typer.Exit(1)
