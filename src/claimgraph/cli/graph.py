"""`claimgraph claims` and `claimgraph brief`, and the graph export formats (thin: the work is in claimgraph.graph)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimgraph.ingest.dates import normalise_date
from claimgraph.store import SqlStore

DB_HELP = "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...). Environment: CLAIMGRAPH_DB."
DB_DEFAULT, DB_ENV = "claimgraph.db", "CLAIMGRAPH_DB"
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def open_synced(db: str, console: Optional[Console] = None) -> SqlStore:
    """Open the store and take in any article the graph has not seen yet (incremental, one transaction each)."""
    from claimgraph.graph import sync

    store = SqlStore(db, create=False)
    added = sync(store)
    if added and console is not None:
        console.print(f"graph: took in {added} new article(s)")
    return store


def claims_cli(
    entity: Optional[str] = typer.Option(None, "--entity", "-e", help="Only claims with this actor (name or alias, any language)."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="Only this claim type: SUPPLY, PRODUCE, DEVELOP, OWNERSHIP, ACCUSE, DENY, SANCTION, USE, OTHER, STATEMENT."),
    since: Optional[str] = typer.Option(None, "--since", help="Only claims seen on or after this ISO date (2024, 2024-09, 2024-09-15)."),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many claims, most evidenced first."),
    db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    evidence: bool = typer.Option(False, "--evidence", help="With --format json: include every quote, chain and article link."),
) -> None:
    """Claims across articles: independent origins, articles, languages, first/last seen, who denies them."""
    from claimgraph.graph import select_claim_ids, summaries
    from claimgraph.graph.render import claims_view
    from claimgraph.model import CLAIM_TYPES

    if format not in ("table", "json"):
        raise typer.BadParameter(f"unknown format {format!r}; choose table or json", param_hint="--format")
    if since is not None and (not ISO_DATE.match(since) or normalise_date(since) != since):
        raise typer.BadParameter(f"{since!r} is not an ISO date: give 2024, 2024-09 or 2024-09-15", param_hint="--since")
    if type and type.upper() not in CLAIM_TYPES:
        raise typer.BadParameter(f"unknown type {type!r}; choose one of {', '.join(CLAIM_TYPES)}", param_hint="--type")
    err = Console(stderr=True)
    store = open_synced(db, err)
    with store.engine.connect() as connection:
        found = summaries(connection, select_claim_ids(connection, entity, type, since, limit),
                          with_evidence=evidence)
    if format == "json":
        sys.stdout.write(json.dumps({"claims": [c.to_dict(with_evidence=evidence) for c in found]},
                                    ensure_ascii=False, indent=1) + "\n")
    else:
        console = Console()
        console.print(claims_view(found, console.width))


def brief_cli(
    question: str = typer.Argument(..., help="A question or an entity, in English or French."),
    format: str = typer.Option("md", "--format", "-f", help="md (Markdown), html or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
    limit: int = typer.Option(15, "--limit", "-n", min=1, help="At most this many claims (at least 1)."),
    db: str = typer.Option(DB_DEFAULT, "--db", help=DB_HELP, envvar=DB_ENV),
    as_json: bool = typer.Option(False, "--json", help="The same as --format json."),
) -> None:
    """An evidence brief: the claims that answer QUESTION, for and against, origins, hedging, timeline, quotes."""
    format = "json" if as_json else format
    from claimgraph.graph import answer, default_embedder
    from claimgraph.cli.web import brief_html_page
    from claimgraph.graph.render import brief_markdown

    if format not in ("md", "html", "json"):
        raise typer.BadParameter(f"unknown format {format!r}; choose md, html or json", param_hint="--format")
    if not re.search(r"\w", question):
        # An empty question is a mistake (an unset shell variable), not a question that finds nothing.
        raise typer.BadParameter(f"the question {question!r} has no words: give a question or an entity name",
                                 param_hint="QUESTION")
    store = open_synced(db, Console(stderr=True))
    with store.engine.connect() as connection:
        brief = answer(connection, question, default_embedder(), limit=limit)
    if format == "json":
        text = json.dumps(brief.to_dict(), ensure_ascii=False, indent=1) + "\n"
    elif format == "html":
        text = brief_html_page(brief)
    else:
        text = brief_markdown(brief)
    if out:
        out.write_text(text, encoding="utf-8")
    elif format == "md" and sys.stdout.isatty():
        # On a terminal the Markdown is laid out to its width (words wrapped whole, tables boxed; a narrow one lists
        # the glance table); a pipe or a file gets the Markdown itself.
        from rich.markdown import Markdown
        console = Console()
        console.print(Markdown(brief_markdown(brief, width=console.width)))
    else:
        sys.stdout.write(text)


def export_graph(format: str, db: str, out: Optional[Path]) -> None:
    """`export --format ftm|graphml|csv`."""
    from claimgraph.graph.export import write_csv, write_ftm, write_graphml

    store = open_synced(db, Console(stderr=True))
    with store.engine.connect() as connection:
        if format == "graphml":
            write_graphml(connection, str(out) if out else sys.stdout.buffer)
            return
        handle = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            (write_ftm if format == "ftm" else write_csv)(connection, handle)
        finally:
            if out:
                handle.close()
