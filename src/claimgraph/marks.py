"""An analysed article as marked text: which words are entity mentions, sources, cues, contents and event
triggers, and what each record says (certainty, polarity, relay chain, the claims it is evidence of).

Shared by the article page (HTML) and `claimgraph show` (terminal): both walk the same segments, so they
cannot disagree on what is highlighted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from claimgraph.model import Analysis, Attribution

# Drawing order, outermost first: a content holds sources, cues and mentions; a cue is drawn over a mention.
KINDS = ("content", "source", "trigger", "cue", "entity")


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str  # one of KINDS
    start: int
    end: int
    record: str  # the record it belongs to: a3, v2, e12


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text under the same marks (`kinds` and `records` in mark order; none for plain text)."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...] = ()
    records: tuple[str, ...] = ()


def relay_chain(analysis: Analysis, attribution: Attribution) -> list[str]:
    """Who says it, outward: "two sources" <- "Reuters" <- ... following `parent` links (no cycles)."""
    by_id = {a.id: a for a in analysis.attributions}
    chain, seen, current = [], set(), attribution
    while current is not None and current.id not in seen:
        seen.add(current.id)
        chain.append(current.source.span.text)
        current = by_id.get(current.parent) if current.parent else None
    return chain


def article_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for entity in analysis.entities:
        marks += [Mark("entity", m.start, m.end, entity.id) for m in entity.mentions]
    for a in analysis.attributions:
        marks.append(Mark("content", a.content.start, a.content.end, a.id))
        marks.append(Mark("source", a.source.span.start, a.source.span.end, a.id))
        if a.cue is not None:
            marks.append(Mark("cue", a.cue.start, a.cue.end, a.id))
    for v in analysis.events:
        if v.trigger is not None:
            marks.append(Mark("trigger", v.trigger.start, v.trigger.end, v.id))
    size = len(analysis.document.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def segments(text: str, marks: list[Mark], quoted: Optional[tuple[int, int]] = None) -> list[Segment]:
    """`text` cut at every mark boundary; `quoted` (start, end) adds a pseudo-mark of kind "quoted"."""
    marks = list(marks)
    if quoted is not None and 0 <= quoted[0] < quoted[1] <= len(text):
        marks.append(Mark("quoted", quoted[0], quoted[1], ""))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    order = {kind: i for i, kind in enumerate(KINDS)}
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = sorted((m for m in marks if m.start <= start and end <= m.end),
                          key=lambda m: (order.get(m.kind, -1), m.record))
        out.append(Segment(start, end, text[start:end], tuple(dict.fromkeys(m.kind for m in covering)),
                           tuple(dict.fromkeys(m.record for m in covering if m.record))))
    return out


def record_details(analysis: Analysis, claims: Optional[dict[str, list[dict[str, Any]]]] = None) -> dict[str, dict[str, Any]]:
    """What a hover or a terminal listing says about each record, by record id."""
    claims = claims or {}
    names = {e.id: e.name for e in analysis.entities}
    out: dict[str, dict[str, Any]] = {}
    for e in analysis.entities:
        out[e.id] = {"kind": "entity", "name": e.name, "type": e.type, "mentions": len(e.mentions)}
    for a in analysis.attributions:
        out[a.id] = {"kind": "attribution", "source": a.source.span.text, "source_type": a.source.type,
                     "source_entity": names.get(a.source.entity or ""), "cue": a.cue.text if a.cue else None,
                     "content": a.content.text, "certainty": a.certainty, "polarity": a.polarity,
                     "form": a.kind, "relay_chain": relay_chain(analysis, a), "claims": claims.get(a.id, [])}
    for v in analysis.events:
        out[v.id] = {"kind": "event", "type": v.type, "trigger": v.trigger.text if v.trigger else None,
                     "arguments": {role: names.get(arg.entity or "", arg.span.text) for role, arg in v.arguments.items()},
                     "time": v.time.value if v.time else None, "certainty": v.certainty, "polarity": v.polarity,
                     "attribution": v.attribution, "claims": claims.get(v.id, [])}
    return out
