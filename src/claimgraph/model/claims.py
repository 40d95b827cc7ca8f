"""The evidence graph's records: claims across articles, the evidence for and
against them, and the briefs that answer a question with them.

Same conventions as `records.py` (slotted dataclasses, `to_dict`/`from_dict`).
Only `claimgraph.graph` and the commands that print its results use them;
the per-article stages never do.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional, TypedDict

from claimgraph.model.records import Span


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


class Provenance(TypedDict):
    """Where a mention's words are and who says them: the fields `ClaimMention` and `Evidence` share."""

    quote: Span
    chain: tuple[ChainLink, ...]
    origin: Origin


def provenance_to_dict(quote: Span, chain: tuple[ChainLink, ...], origin: Origin) -> dict[str, Any]:
    """The dict form of a mention's provenance, written one way for both records so the two cannot drift."""
    return {"quote": quote.to_dict(), "chain": [link.to_dict() for link in chain], "origin": origin.to_dict()}


def provenance_from_dict(data: dict[str, Any]) -> Provenance:
    """A mention's provenance read back from its dict form (the keyword arguments of either record)."""
    return Provenance(quote=Span.from_dict(data["quote"]),
                      chain=tuple(ChainLink.from_dict(link) for link in data["chain"]),
                      origin=Origin.from_dict(data["origin"]))


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
                **provenance_to_dict(self.quote, self.chain, self.origin), "date": self.date, "lang": self.lang,
                "time_value": self.time_value, "denies": list(self.denies)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ClaimMention":
        return cls(document_id=data["document_id"], record_id=data["record_id"], type=data["type"],
                   arguments=dict(data["arguments"]), names=dict(data["names"]), item=data.get("item"),
                   stance=data["stance"], certainty=data["certainty"], polarity=data["polarity"],
                   **provenance_from_dict(data), date=data.get("date"), lang=data.get("lang", "und"),
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
                **provenance_to_dict(self.quote, self.chain, self.origin), "date": self.date, "lang": self.lang,
                "url": self.url, "outlet": self.outlet, "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Evidence":
        return cls(claim_id=data["claim_id"], document_id=data["document_id"], record_id=data["record_id"],
                   stance=data["stance"], certainty=data["certainty"], polarity=data["polarity"],
                   **provenance_from_dict(data), date=data.get("date"), lang=data.get("lang", "und"),
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
    # Evidence rows left out of `evidence` (a brief shows the first of each stance); 0: all are there.
    more_evidence: int = 0

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
            if self.more_evidence:
                out["more_evidence"] = self.more_evidence
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ClaimSummary":
        return cls(id=data["id"], type=data["type"], label=data["label"], arguments=dict(data["arguments"]),
                   origins=[Origin.from_dict(o) for o in data.get("origins", [])],
                   denied_by=[Origin.from_dict(o) for o in data.get("denied_by", [])],
                   articles=list(data.get("articles", [])), languages=list(data.get("languages", [])),
                   first_seen=data.get("first_seen"), last_seen=data.get("last_seen"),
                   certainty=data.get("certainty", "certain"),
                   evidence=[Evidence.from_dict(e) for e in data.get("evidence", [])],
                   more_evidence=int(data.get("more_evidence", 0)))


@dataclass(slots=True)
class Brief:
    """An evidence brief: the claims that answer a question, grouped by who is alleged to act."""

    question: str
    matched: list[str] = field(default_factory=list)  # the entities/groups the question was read as naming
    claims: list[ClaimSummary] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # (actor, claim ids)
    # The answer first: what is alleged, by how many origins, how firmly, who denies, what is speculation.
    verdict: str = ""
    # Names in the question the store knows nothing about (then no claim is shown).
    unknown: list[str] = field(default_factory=list)
    # The denials that answer the claims (DENY claims, and claims their actors only deny), listed apart.
    denials: list[ClaimSummary] = field(default_factory=list)
    # Per claim id: {"relay_trees": [...], "timeline": [{month, supports, denies}]} (graph.detail.claim_extras).
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "matched": list(self.matched), "verdict": self.verdict,
                "unknown": list(self.unknown),
                "sections": [{"actor": actor, "claims": list(ids)} for actor, ids in self.sections],
                "claims": [c.to_dict() for c in self.claims], "denials": [c.to_dict() for c in self.denials],
                "details": dict(self.details)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Brief":
        return cls(question=data["question"], matched=list(data.get("matched", [])),
                   verdict=data.get("verdict", ""), unknown=list(data.get("unknown", [])),
                   claims=[ClaimSummary.from_dict(c) for c in data.get("claims", [])],
                   sections=[(s["actor"], list(s["claims"])) for s in data.get("sections", [])],
                   denials=[ClaimSummary.from_dict(c) for c in data.get("denials", [])],
                   details=dict(data.get("details", {})))
