"""Jinja2 rendering for the pages and the standalone HTML brief (`claimgraph brief --format html`).

Autoescaping is on for every template: article text, titles and URLs are
data, never markup. Links to outside pages are kept only for http(s) URLs.
The small SVG drawings (timelines, neighbourhood graph) are laid out here so
that templates only draw them.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimgraph.graph.firmness import STATEMENT_SECTIONS, UNASSERTED
from claimgraph.graph.brief_tidy import row_key
from claimgraph.graph.render import (ORIGINS_NOTE, WARNED_TITLE, brief_firmness, brief_status, evidence_note, is_speaker_brief,
                                     link_text, quoted_under, short_quote)
from claimgraph.model.claims import Brief

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def safe_url(url: Optional[str]) -> Optional[str]:
    """`url` if it is an http(s) URL, else None (no `javascript:`, `data:` or relative tricks)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def article_href(document_id: str, start: Optional[int] = None, end: Optional[int] = None) -> str:
    """The article page, opened at a quote (`?quote=start-end#quoted`) when one is given."""
    href = "/articles/" + quote(document_id, safe="")
    if start is not None and end is not None:
        href += f"?quote={start}-{end}#quoted"
    return href


def bars(series: list[tuple[str, int, int]], width: int = 560, height: int = 140) -> dict[str, Any]:
    """A bar chart's geometry: per period a 'for' bar and an 'against' bar, scaled to the largest count."""
    top = max([max(a, b) for _, a, b in series] + [1])
    slot = width / max(1, len(series))
    bar = max(2.0, min(28.0, slot / 2 - 4))
    items = []
    for i, (label, a, b) in enumerate(series):
        x = i * slot + slot / 2
        items.append({"label": label, "x": x, "bar": bar,
                      "for": a, "against": b,
                      "h_for": (height - 40) * a / top, "h_against": (height - 40) * b / top})
    return {"width": width, "height": height, "base": height - 20, "items": items, "top": top}


def neighbourhood(center: str, neighbours: list[dict[str, Any]]) -> dict[str, Any]:
    """A radial layout: the entity in the middle, the actors it shares claims with around it (the drawing
    grows with their number, so that one or two neighbours do not float in an empty square)."""
    size = 260 if len(neighbours) <= 3 else 420
    radius = size / 2 - 70
    mid = size / 2
    top = max([n["claims"] for n in neighbours] + [1])
    nodes = []
    for i, n in enumerate(neighbours):
        angle = 2 * math.pi * i / max(1, len(neighbours)) - math.pi / 2
        x, y = mid + radius * math.cos(angle), mid + radius * math.sin(angle)
        nodes.append({**n, "x": round(x, 1), "y": round(y, 1), "stroke": round(1 + 4 * n["claims"] / top, 1),
                      "anchor": "start" if math.cos(angle) > 0.3 else ("end" if math.cos(angle) < -0.3 else "middle"),
                      "dy": -10 if math.sin(angle) < -0.5 else (18 if math.sin(angle) > 0.5 else 4)})
    return {"size": size, "mid": mid, "center": center, "nodes": nodes}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(safe_url=safe_url, article_href=article_href, bars=bars, neighbourhood=neighbourhood,
                       evidence_note=evidence_note, link_text=link_text, row_key=row_key, short_quote=short_quote,
                       quoted_under=quoted_under)
    return env


def render(template: str, **context: Any) -> str:
    context.setdefault("standalone", False)
    return environment().get_template(template).render(**context)


def brief_page(brief: Brief, standalone: bool = True, **context: Any) -> str:
    """The brief as one HTML page: served (links to the article pages) or standalone (styles inline, links
    to the articles' own URLs), from the same template."""
    css = (STATIC / "style.css").read_text(encoding="utf-8") if standalone else ""
    context.setdefault("json_url", None)
    # How firmly each claim is said, as the brief reads its sources (graph.firmness), in the table and per claim.
    firmness = {c.id: brief_firmness(c, brief.details.get(c.id)) for c in brief.claims}
    status = {c.id: brief_status(c, brief.details.get(c.id)) for c in brief.claims}
    # Per claim, its supporting rows that only warn or demand (graph.firmness.warning), shown apart from its evidence.
    warned = {c.id: [e for e in c.evidence if e.stance == "supports"
                     and row_key(e) in set((brief.details.get(c.id) or {}).get("warnings") or ())] for c in brief.claims}
    return render("brief.html", brief=brief, by_id={c.id: c for c in brief.claims}, standalone=standalone,
                  firmness=firmness, status=status, warned=warned, warned_title=WARNED_TITLE, speaker=is_speaker_brief(brief), unasserted=UNASSERTED, statement_sections=STATEMENT_SECTIONS, css=css, title=f"Evidence brief: {brief.question}", origins_note=ORIGINS_NOTE, **context)
