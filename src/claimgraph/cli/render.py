"""Human-readable renderings of analyses for the terminal."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimgraph.display import cell, markup, plain
from claimgraph.model import Analysis, Rejection, Skipped

if TYPE_CHECKING:
    from claimgraph.run import IngestReport


def analysis_panel(analysis: Analysis) -> Panel:
    doc = analysis.document
    names = {e.id: e.name for e in analysis.entities}
    entities = Table("id", "name", "type", "mentions", "aliases", title="entities", title_justify="left", expand=True)
    for e in analysis.entities:
        entities.add_row(*map(cell, (e.id, e.name, e.type, len(e.mentions), ", ".join(e.aliases[:4]))))
    attributions = Table("id", "source", "cue", "content", "kind", "certainty", "polarity", "parent",
                         title="attributions", title_justify="left", expand=True)
    for a in analysis.attributions:
        source = a.source.span.text + (f" → {names[a.source.entity]}" if a.source.entity in names else "")
        attributions.add_row(*map(cell, (a.id, f"{source} [{a.source.type}]", a.cue.text if a.cue else "—",
                                         _clip(a.content.text), a.kind, a.certainty, a.polarity, a.parent or "")))
    events = Table("id", "type", "trigger", "arguments", "time", "attr.", "certainty", "polarity",
                   title="events", title_justify="left", expand=True)
    for v in analysis.events:
        args = "; ".join(f"{role}: {arg.span.text}" + (f" → {names[arg.entity]}" if arg.entity in names else "")
                         for role, arg in v.arguments.items())
        events.add_row(*map(cell, (v.id, v.type, v.trigger.text if v.trigger else "—", _clip(args, 90),
                                   v.time.value or "" if v.time else "", v.attribution or "", v.certainty, v.polarity)))
    header = Text(plain(f"{doc.date or 'undated'} · {doc.lang} · {doc.source or 'unknown source'} · {doc.id[:12]}"),
                  style="dim")
    parts: list = [header]
    parts += [Text(plain(w), style="yellow") for w in analysis.warnings]
    parts += [entities, attributions, events]
    return Panel(Group(*parts), title=cell(doc.title or doc.path or doc.id[:12]), title_align="left")


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(plain(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_rejections(console: Console, rejections: list[Rejection]) -> None:
    if not rejections:
        return
    table = Table("input", "reason", "detail", title=f"rejected ({len(rejections)})", title_justify="left")
    for r in rejections:
        table.add_row(cell(r.path), cell(r.reason), cell(r.detail))
    console.print(table)


def skipped_notice(skipped: Skipped) -> str:
    """One dim line: a skipped file is a notice, not an error. (Escaped: a path may contain `[`.)"""
    return f"[dim]skipped {markup(skipped)}[/dim]"


def print_skipped(console: Console, skipped: list[Skipped]) -> None:
    for item in skipped:
        console.print(skipped_notice(item), highlight=False, soft_wrap=True)


def print_ingest_report(console: Console, report: "IngestReport") -> None:
    """The ingest summary: counts and speed, warnings, skipped files, rejections and why."""
    rate = report.new / report.seconds if report.seconds else 0
    console.print(f"[bold]{report.new}[/bold] new, [bold]{report.known}[/bold] already known, "
                  f"[bold]{len(report.rejected)}[/bold] rejected, [bold]{len(report.skipped)}[/bold] skipped"
                  f" · {report.seconds:.1f} s ({rate:.1f} new articles/s)", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]warning[/yellow] {markup(warning)}", highlight=False)
    print_skipped(console, report.skipped)
    print_rejections(console, report.rejected)
    if report.rejected:
        reasons = Counter(r.reason for r in report.rejected)
        console.print("rejections by reason: " + markup(", ".join(f"{k}: {v}" for k, v in reasons.most_common())),
                      highlight=False)
    if report.stopped:
        console.print(f"[red]stopped:[/red] {markup(report.stopped)}; run the same command again once there is room",
                      highlight=False)
