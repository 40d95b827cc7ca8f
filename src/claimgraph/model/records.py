"""The claimgraph data model: every record that flows between stages.

Records are slotted dataclasses; `to_dict` gives the v1 JSON shape of
`CONTRACT.md` and `from_dict` reads it back. Nothing else in the package
defines records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

SCHEMA_VERSION = "claimgraph/v1"

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


# -- the evidence graph: claims across articles ---------------------------------

Stance = Literal["supports", "denies"]
# A claim's type is an event type, or STATEMENT for an attribution with no event inside.
CLAIM_TYPES: tuple[str, ...] = ("SUPPLY", "PRODUCE", "DEVELOP", "OWNERSHIP", "ACCUSE", "DENY", "SANCTION", "USE",
                                "OTHER", "STATEMENT")


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One source of an attribution chain: its words in the article and, when named, its canonical name."""

    text: str
    type: str
    name: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "name": self.name}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ChainLink":
        return cls(data["text"], data["type"], data.get("name"))


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a mention comes from: the innermost named source of its chain, a wire, or the article's own story.

    `key` is what independence is counted on: two mentions with the same key
    are one origin, however many outlets relay them.
    """

    key: str
    name: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "type": self.type}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Origin":
        return cls(data["key"], data["name"], data["type"])


@dataclass(slots=True)
class ClaimMention:
    """One article's mention of a claim, before grouping: an event, or an attribution's content.

    `arguments` maps a role to its canonical key (`ent:china`, `grp:CN:company`,
    `txt:...`) and `names` the same role to a readable name; `item` is the text
    compared by meaning across articles and languages.
    """

    document_id: str
    record_id: str
    type: str
    arguments: dict[str, str]
    names: dict[str, str]
    item: Optional[str]
    stance: str
    certainty: str
    polarity: str
    quote: Span
    chain: tuple[ChainLink, ...]
    origin: Origin
    date: Optional[str] = None
    lang: str = "und"
    time_value: Optional[str] = None
    # For a DENY event: the records of the same article it denies (filled by the mention builder).
    denies: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "record_id": self.record_id, "type": self.type,
                "arguments": dict(self.arguments), "names": dict(self.names), "item": self.item,
                "stance": self.stance, "certainty": self.certainty, "polarity": self.polarity,
                "quote": self.quote.to_dict(), "chain": [c.to_dict() for c in self.chain],
                "origin": self.origin.to_dict(), "date": self.date, "lang": self.lang,
                "time_value": self.time_value, "denies": list(self.denies)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ClaimMention":
        return cls(document_id=data["document_id"], record_id=data["record_id"], type=data["type"],
                   arguments=dict(data["arguments"]), names=dict(data["names"]), item=data.get("item"),
                   stance=data["stance"], certainty=data["certainty"], polarity=data["polarity"],
                   quote=Span.from_dict(data["quote"]), chain=tuple(ChainLink.from_dict(c) for c in data["chain"]),
                   origin=Origin.from_dict(data["origin"]), date=data.get("date"), lang=data.get("lang", "und"),
                   time_value=data.get("time_value"), denies=tuple(data.get("denies", ())))


@dataclass(slots=True)
class Evidence:
    """A stored mention of a claim: which article, which words, who says it, how firmly, for or against."""

    claim_id: str
    document_id: str
    record_id: str
    stance: str
    certainty: str
    polarity: str
    quote: Span
    chain: tuple[ChainLink, ...]
    origin: Origin
    date: Optional[str] = None
    lang: str = "und"
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "document_id": self.document_id, "record_id": self.record_id,
                "stance": self.stance, "certainty": self.certainty, "polarity": self.polarity,
                "quote": self.quote.to_dict(), "chain": [c.to_dict() for c in self.chain],
                "origin": self.origin.to_dict(), "date": self.date, "lang": self.lang, "url": self.url,
                "outlet": self.outlet, "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Evidence":
        return cls(claim_id=data["claim_id"], document_id=data["document_id"], record_id=data["record_id"],
                   stance=data["stance"], certainty=data["certainty"], polarity=data["polarity"],
                   quote=Span.from_dict(data["quote"]), chain=tuple(ChainLink.from_dict(c) for c in data["chain"]),
                   origin=Origin.from_dict(data["origin"]), date=data.get("date"), lang=data.get("lang", "und"),
                   url=data.get("url"), outlet=data.get("outlet"), title=data.get("title"))


@dataclass(slots=True)
class ClaimSummary:
    """A claim as an analyst reads it: what, who asserts it (independent origins), who denies it, when."""

    id: str
    type: str
    label: str
    arguments: dict[str, str]
    origins: list[Origin] = field(default_factory=list)
    denied_by: list[Origin] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    certainty: str = "certain"
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def hedged(self) -> bool:
        """True when no supporting mention presents the claim as certain."""
        return self.certainty != "certain"

    @property
    def single_sourced(self) -> bool:
        return len(self.origins) == 1

    @property
    def status(self) -> str:
        asserted = f"asserted by {len(self.origins)} independent origin{'s' if len(self.origins) != 1 else ''}"
        denied = f", denied by {len(self.denied_by)}" if self.denied_by else ""
        firmness = "hedged" if self.hedged else "firm"
        flag = ", single-sourced" if self.single_sourced else ""
        return f"{asserted}{denied}; {firmness}{flag}"

    def to_dict(self, with_evidence: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "type": self.type, "label": self.label, "arguments": dict(self.arguments),
            "origins": [o.to_dict() for o in self.origins], "independent_origins": len(self.origins),
            "denied_by": [o.to_dict() for o in self.denied_by], "articles": list(self.articles),
            "languages": list(self.languages), "first_seen": self.first_seen, "last_seen": self.last_seen,
            "certainty": self.certainty, "hedged": self.hedged, "single_sourced": self.single_sourced,
            "status": self.status}
        if with_evidence:
            out["evidence"] = [e.to_dict() for e in self.evidence]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ClaimSummary":
        return cls(id=data["id"], type=data["type"], label=data["label"], arguments=dict(data["arguments"]),
                   origins=[Origin.from_dict(o) for o in data.get("origins", [])],
                   denied_by=[Origin.from_dict(o) for o in data.get("denied_by", [])],
                   articles=list(data.get("articles", [])), languages=list(data.get("languages", [])),
                   first_seen=data.get("first_seen"), last_seen=data.get("last_seen"),
                   certainty=data.get("certainty", "certain"),
                   evidence=[Evidence.from_dict(e) for e in data.get("evidence", [])])


@dataclass(slots=True)
class Brief:
    """An evidence brief: the claims that answer a question, grouped by who is alleged to act."""

    question: str
    matched: list[str] = field(default_factory=list)  # the entities/groups the question was read as naming
    claims: list[ClaimSummary] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # (actor, claim ids)

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "matched": list(self.matched),
                "sections": [{"actor": actor, "claims": list(ids)} for actor, ids in self.sections],
                "claims": [c.to_dict() for c in self.claims]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Brief":
        return cls(question=data["question"], matched=list(data.get("matched", [])),
                   claims=[ClaimSummary.from_dict(c) for c in data.get("claims", [])],
                   sections=[(s["actor"], list(s["claims"])) for s in data.get("sections", [])])
