"""Human-readable renderings of analyses for the terminal."""
from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimgraph.model import Analysis, Rejection, Skipped


def analysis_panel(analysis: Analysis) -> Panel:
    doc = analysis.document
    names = {e.id: e.name for e in analysis.entities}
    entities = Table("id", "name", "type", "mentions", "aliases", title="entities", title_justify="left", expand=True)
    for e in analysis.entities:
        entities.add_row(e.id, e.name, e.type, str(len(e.mentions)), ", ".join(e.aliases[:4]))
    attributions = Table("id", "source", "cue", "content", "kind", "certainty", "polarity", "parent",
                         title="attributions", title_justify="left", expand=True)
    for a in analysis.attributions:
        source = a.source.span.text + (f" → {names[a.source.entity]}" if a.source.entity in names else "")
        attributions.add_row(a.id, f"{source} [{a.source.type}]", a.cue.text if a.cue else "—",
                             _clip(a.content.text), a.kind, a.certainty, a.polarity, a.parent or "")
    events = Table("id", "type", "trigger", "arguments", "time", "attr.", "certainty", "polarity",
                   title="events", title_justify="left", expand=True)
    for v in analysis.events:
        args = "; ".join(f"{role}: {arg.span.text}" + (f" → {names[arg.entity]}" if arg.entity in names else "")
                         for role, arg in v.arguments.items())
        events.add_row(v.id, v.type, v.trigger.text if v.trigger else "—", _clip(args, 90),
                       v.time.value or "" if v.time else "", v.attribution or "", v.certainty, v.polarity)
    header = Text(f"{doc.date or 'undated'} · {doc.lang} · {doc.source or 'unknown source'} · {doc.id[:12]}", style="dim")
    parts: list = [header]
    parts += [Text(w, style="yellow") for w in analysis.warnings]
    parts += [entities, attributions, events]
    return Panel(Group(*parts), title=doc.title or doc.path or doc.id[:12], title_align="left")


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_rejections(console: Console, rejections: list[Rejection]) -> None:
    if not rejections:
        return
    table = Table("input", "reason", "detail", title=f"rejected ({len(rejections)})", title_justify="left")
    for r in rejections:
        table.add_row(r.path, r.reason, r.detail)
    console.print(table)


def skipped_notice(skipped: Skipped) -> str:
    """One dim line: a skipped file is a notice, not an error. (Escaped: a path may contain `[`.)"""
    return f"[dim]skipped {escape(str(skipped))}[/dim]"


def print_skipped(console: Console, skipped: list[Skipped]) -> None:
    for item in skipped:
        console.print(skipped_notice(item), highlight=False, soft_wrap=True)
