"""`claimgraph serve` (the API and pages over a store) and `claimgraph show` (one stored article, its analysis).

Thin: `show` walks the same marks as the article page (claimgraph.marks) and
the server is claimgraph.serve's app under uvicorn.
"""
from __future__ import annotations

import sys
from typing import Optional

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimgraph.errors import ClaimgraphError

DB_HELP = "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...)."
# How `show` draws each kind of mark (the article page's colours, as a terminal has them).
STYLES = {"content": "on grey23", "source": "bold cyan", "cue": "bold magenta", "trigger": "underline",
          "entity": "bold", "quoted": "reverse"}


def serve_cli(
    db: str = typer.Option("claimgraph.db", "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the REST API (/v1, docs at /docs) and the web pages over the store. Reads need no token;
    writes need the bearer token of CLAIMGRAPH_API_TOKEN (or the file CLAIMGRAPH_API_TOKEN_FILE)."""
    import uvicorn

    from claimgraph.serve import create_app

    app = create_app(db)
    Console(stderr=True).print(f"claimgraph: serving {db} on http://{host}:{port}/ (API docs: /docs)"
                               + ("" if app.state.token else "; no API token configured, so writes are refused"))
    uvicorn.run(app, host=host, port=port, log_level="warning")


def show_cli(
    document_id: str = typer.Argument(..., help="A stored article's id (or the first characters of it)."),
    db: str = typer.Option("claimgraph.db", "--db", help=DB_HELP),
) -> None:
    """Print one stored article with its analysis: the text with sources, cues and contents marked,
    then its attributions, events and the claims they are evidence of."""
    from claimgraph.graph.detail import document_claims
    from claimgraph.store import SqlStore
    from claimgraph.store.read import load_analysis, resolve_document_id

    store = SqlStore(db)
    with store.engine.connect() as connection:
        full_id = resolve_document_id(connection, document_id)
        claims = document_claims(connection, full_id) if full_id else {}
    analysis = load_analysis(store, full_id) if full_id else None
    if analysis is None:
        raise ClaimgraphError(f"no stored article {document_id}", {"db": db})
    console = Console(width=min(Console().width, 100), highlight=False)
    console.print(article_view(analysis, claims))


def article_view(analysis, claims) -> Group:  # type: ignore[no-untyped-def]
    from claimgraph.marks import article_marks, record_details, segments

    doc = analysis.document
    text = Text()
    for segment in segments(doc.text, article_marks(analysis)):
        style = " ".join(STYLES[k] for k in segment.kinds if k in STYLES and k != "entity") or None
        text.append(segment.text, style=style)
    details = record_details(analysis, claims)
    rows = Table("id", "who", "how", "what", "claims", expand=True, show_lines=True, title="attributions and events",
                 title_justify="left")
    for record_id, r in details.items():
        if r["kind"] == "attribution":
            who = " ← ".join(r["relay_chain"])
            how = f"{r['cue'] or '—'} · {r['certainty']}" + (" · negated" if r["polarity"] == "negative" else "")
            what = r["content"]
        elif r["kind"] == "event":
            who = r["arguments"].get("agent") or r["arguments"].get("owner") or "—"
            how = f"{r['type']} · {r['certainty']}" + (" · negated" if r["polarity"] == "negative" else "")
            what = "; ".join(f"{k}: {v}" for k, v in r["arguments"].items())
        else:
            continue
        rows.add_row(record_id, who, how, _clip(what), "\n".join(f"{c['claim_id']} {c['stance']}" for c in r["claims"]))
    entities = ", ".join(f"{e.name} [{e.type}]" for e in analysis.entities) or "none"
    header = Text(f"{doc.source or 'unknown outlet'} · {doc.date or 'undated'} · {doc.lang} · {doc.url or 'no url'}\n"
                  f"{doc.id}", style="dim")
    legend = Text.assemble(("source", STYLES["source"]), " · ", ("cue", STYLES["cue"]), " · ",
                           ("reported content", STYLES["content"]), " · ", ("event trigger", STYLES["trigger"]))
    return Group(Panel(Group(header, legend, Text(""), text), title=doc.title or doc.id[:12], title_align="left"),
                 Text("entities: " + entities), rows)


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def brief_html_page(brief) -> str:  # type: ignore[no-untyped-def]
    """`brief --format html`: the brief page's template, standalone (styles inline, links to the articles' URLs)."""
    from claimgraph.serve.render import brief_page

    return brief_page(brief, standalone=True)


__all__ = ["serve_cli", "show_cli", "brief_html_page"]
