"""The claimgraph data model: every record that flows between the per-article stages.

Records are slotted dataclasses; `to_dict` gives the v1 JSON shape of
`CONTRACT.md` and `from_dict` reads it back. The evidence graph's records
live beside these in `claims.py`; nothing outside `model/` defines records.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

SCHEMA_VERSION = "claimgraph/v1"

# The input header of CONTRACT.md §1 (" date 2024-09 " before the title): not article text to read.
INPUT_HEADER = re.compile(r"^\s*date\s+\d{4}(?:-\d{2}){0,2}\s+")

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT"]
SourceType = Literal["named_person", "anonymous_person", "organization", "media", "document", "unspecified"]
Kind = Literal["direct", "indirect", "according_to", "mixed"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
Polarity = Literal["positive", "negative"]
EventType = Literal["SUPPLY", "PRODUCE", "DEVELOP", "OWNERSHIP", "ACCUSE", "DENY", "SANCTION", "USE", "OTHER"]

ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT")
SOURCE_TYPES: tuple[str, ...] = ("named_person", "anonymous_person", "organization", "media", "document", "unspecified")
CERTAINTIES: tuple[str, ...] = ("certain", "probable", "possible", "underspecified")
EVENT_ROLES: dict[str, tuple[str, ...]] = {
    "SUPPLY": ("agent", "recipient", "item", "via"),
    "PRODUCE": ("agent", "item", "location"),
    "DEVELOP": ("agent", "item", "partner", "location"),
    "OWNERSHIP": ("owner", "owned"),
    "ACCUSE": ("agent", "target", "item"),
    "DENY": ("agent", "item"),
    "SANCTION": ("agent", "target"),
    "USE": ("agent", "item", "location"),
    "OTHER": ("agent", "item"),
}


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of `Document.text` (code points, end exclusive)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Span":
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """Make a span of `text[start:end]`, trimmed of surrounding whitespace."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start, end, text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its input, before any analysis."""

    id: str
    text: str
    title: Optional[str] = None
    date: Optional[str] = None
    lang: str = "und"
    source: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = None
    record_id: Optional[str] = None
    # Problems met while reading (e.g. a non-UTF-8 file decoded as cp1252); they become analysis warnings.
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "date": self.date, "lang": self.lang,
                "source": self.source, "url": self.url, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        return cls(id=data["id"], text=data["text"], title=data.get("title"), date=data.get("date"),
                   lang=data.get("lang") or "und", source=data.get("source"), url=data.get("url"))


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    wikidata: Optional[str] = None
    country: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases),
                "mentions": [m.to_dict() for m in self.mentions],
                "wikidata": self.wikidata, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        return cls(id=data["id"], name=data["name"], type=data["type"], aliases=list(data.get("aliases", [])),
                   mentions=[Span.from_dict(m) for m in data.get("mentions", [])],
                   wikidata=data.get("wikidata"), country=data.get("country"))


@dataclass(frozen=True, slots=True)
class Source:
    span: Span
    type: str
    entity: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "entity": self.entity, "type": self.type}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Source":
        return cls(Span.from_dict(data), data["type"], data.get("entity"))


@dataclass(slots=True)
class Attribution:
    id: str
    source: Source
    cue: Optional[Span]
    content: Span
    kind: str = "indirect"
    certainty: str = "certain"
    polarity: str = "positive"
    parent: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source.to_dict(),
                "cue": self.cue.to_dict() if self.cue else None, "content": self.content.to_dict(),
                "kind": self.kind, "certainty": self.certainty, "polarity": self.polarity, "parent": self.parent}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Attribution":
        cue = data.get("cue")
        return cls(id=data["id"], source=Source.from_dict(data["source"]),
                   cue=Span.from_dict(cue) if cue else None, content=Span.from_dict(data["content"]),
                   kind=data["kind"], certainty=data["certainty"], polarity=data["polarity"],
                   parent=data.get("parent"))


@dataclass(frozen=True, slots=True)
class Argument:
    span: Span
    entity: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "entity": self.entity}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Argument":
        return cls(Span.from_dict(data), data.get("entity"))


@dataclass(frozen=True, slots=True)
class TimeRef:
    span: Span
    value: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "value": self.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TimeRef":
        return cls(Span.from_dict(data), data.get("value"))


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Optional[Span]
    arguments: dict[str, Argument] = field(default_factory=dict)
    time: Optional[TimeRef] = None
    attribution: Optional[str] = None
    certainty: str = "certain"
    polarity: str = "positive"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "trigger": self.trigger.to_dict() if self.trigger else None,
                "arguments": {role: arg.to_dict() for role, arg in self.arguments.items()},
                "time": self.time.to_dict() if self.time else None, "attribution": self.attribution,
                "certainty": self.certainty, "polarity": self.polarity}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        trigger, time = data.get("trigger"), data.get("time")
        return cls(id=data["id"], type=data["type"], trigger=Span.from_dict(trigger) if trigger else None,
                   arguments={r: Argument.from_dict(a) for r, a in (data.get("arguments") or {}).items() if a},
                   time=TimeRef.from_dict(time) if time and "start" in time else None,
                   attribution=data.get("attribution"), certainty=data["certainty"], polarity=data["polarity"])


@dataclass(slots=True)
class Analysis:
    """The v1 analysis of one article (CONTRACT.md), plus warnings met on the way."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Work done ahead for the evidence graph where the article was analysed (its sentence vectors,
    # graph.article_vectors), stored with the analysis; not part of the v1 record.
    prepared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA_VERSION, "document": self.document.to_dict(),
                               "entities": [e.to_dict() for e in self.entities],
                               "attributions": [a.to_dict() for a in self.attributions],
                               "events": [v.to_dict() for v in self.events]}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        return cls(document=Document.from_dict(data["document"]),
                   entities=[Entity.from_dict(e) for e in data.get("entities", [])],
                   attributions=[Attribution.from_dict(a) for a in data.get("attributions", [])],
                   events=[Event.from_dict(v) for v in data.get("events", [])],
                   warnings=list(data.get("warnings", [])))


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become an article: where it is and why."""

    path: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left out on purpose (not an error): where it is and why.

    Kept apart from `Rejection` so a skipped file never counts as a failure
    in a batch's report or exit code.
    """

    path: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")
