"""Response and request shapes of the /v1 API, as the OpenAPI document publishes them.

They mirror the records' `to_dict` forms (claimgraph.model) by hand, which is
why every response shape refuses unknown keys: tests/test_serve_api.py checks
each route's answer against this document, so a field added to a record and
not published here fails there. The v1 analysis of an article is CONTRACT.md's
and is published as an object.
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field


class Shape(BaseModel):
    """A response shape. Unknown keys are refused, so the OpenAPI document says
    `additionalProperties: false` and the schema tests fail when a record's
    `to_dict` gains a field this module does not publish."""

    model_config = ConfigDict(extra="forbid")


class SpanOut(Shape):
    start: int
    end: int
    text: str


class OriginOut(Shape):
    key: str
    name: str
    type: str


class ChainLinkOut(Shape):
    text: str
    type: str
    name: Optional[str] = None


class EvidenceOut(Shape):
    claim_id: str
    document_id: str
    record_id: str
    stance: str
    certainty: str
    polarity: str
    quote: SpanOut
    chain: list[ChainLinkOut]
    origin: OriginOut
    date: Optional[str] = None
    lang: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None


class ClaimOut(Shape):
    id: str
    type: str
    label: str
    arguments: dict[str, str]
    origins: list[OriginOut]
    independent_origins: int
    denied_by: list[OriginOut]
    articles: list[str]
    languages: list[str]
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    certainty: str
    hedged: bool
    single_sourced: bool
    status: str
    evidence: Optional[list[EvidenceOut]] = None
    more_evidence: Optional[int] = None


class QuoteRef(Shape):
    start: Optional[int] = None
    end: Optional[int] = None


class RelayNodeOut(Shape):
    label: str
    kind: str = Field(description="origin, relay or article")
    document_id: Optional[str] = None
    date: Optional[str] = None
    stance: Optional[str] = None
    quote: Optional[QuoteRef] = None
    speaker: Optional[str] = Field(None, description="an article's own words for the origin, when not its name")
    counted: Optional[bool] = Field(None, description="false when the row counts for nothing: a hedged denial, "
                                                      "a question or supposition (absent otherwise)")
    children: list["RelayNodeOut"] = []


class MonthOut(Shape):
    month: str
    supports: int
    denies: int


class ClaimDetailOut(ClaimOut):
    relay_trees: list[RelayNodeOut]
    timeline: list[MonthOut]


class Page(Shape):
    limit: int
    offset: int
    next: Optional[str] = Field(None, description="the URL of the next page, or null on the last")


class ClaimsPage(Page):
    items: list[ClaimOut]


class DocumentRow(Shape):
    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    lang: str
    source: Optional[str] = None
    url: Optional[str] = None
    snippet: Optional[str] = Field(None, description="matched words between [ and ] (search only)")


class DocumentsPage(Page):
    items: list[DocumentRow]


class AnalysisOut(Shape):
    """The v1 analysis (CONTRACT.md) with entity ids global to the store, and the claims each record is evidence of."""

    schema_: str = Field(alias="schema")
    document: dict[str, Any]
    entities: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    warnings: list[str] = []
    claims: dict[str, list[dict[str, Any]]] = Field(default_factory=dict, description="record id -> claims")


class EntityOut(Shape):
    id: str
    name: str
    type: str
    wikidata: Optional[str] = None
    country: Optional[str] = None
    aliases: list[str]
    mentions: int
    articles: int


class EntitiesPage(Page):
    items: list[EntityOut]


class RoleClaims(Shape):
    role: str
    claims: list[ClaimOut]


class Neighbour(Shape):
    key: str
    name: str
    claims: int
    types: list[str]


class EntityDetailOut(EntityOut):
    by_role: list[RoleClaims]
    neighbours: list[Neighbour]
    timeline: list[dict[str, Any]] = Field(description="articles mentioning it per month: {month, articles}")
    recent_articles: list[DocumentRow]


class BriefSection(Shape):
    actor: str
    claims: list[str]


class FirmnessOut(Shape):
    level: str = Field(description="certain | probable | headline | possible | underspecified: how firmly the claim's "
                                   "firmest counted origin says it, read from its own words")
    said: str = Field(description="the level as the brief says it (\"only in a headline\")")
    by_origin: dict[str, str] = Field(description="origin key -> its level")


class ClaimExtrasOut(Shape):
    relay_trees: list[RelayNodeOut] = Field(default_factory=list)
    timeline: list[MonthOut] = Field(default_factory=list)
    firmness: Optional[FirmnessOut] = None
    stored_label: Optional[str] = Field(None, description="the stored label, when the brief shows it in the "
                                                          "reader's language")
    quoted_above: dict[str, str] = Field(default_factory=dict, description="rows quoted in full under an earlier "
                                         "claim of the brief: 'DOC:START-END' -> that claim's label")
    warnings: list[str] = Field(default_factory=list, description="supporting rows ('DOC:START-END') that only warn "
                                "or make demands of the actor: context, not evidence of the claim")


class BriefOut(Shape):
    question: str
    matched: list[str] = Field(description="the entities and groups the question was read as naming")
    verdict: str = Field(description="the answer first: what is alleged, by how many independent origins, "
                                     "how firmly, who denies, what is only speculation")
    unknown: list[str] = Field(description="names in the question the store knows nothing about")
    sections: list[BriefSection]
    claims: list[ClaimOut]
    denials: list[ClaimOut] = Field(description="the denials that answer the claims, listed apart")
    details: dict[str, ClaimExtrasOut] = Field(description="claim id -> its relay trees and timeline")


class ArticleIn(BaseModel):
    """One article to analyse and store (the fields of a JSON Lines input record)."""

    text: str = Field(min_length=1)
    id: Optional[str] = Field(None, description="your own record id, kept beside the document id")
    title: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date at any precision: 2024, 2024-09, 2024-09-25")
    source: Optional[str] = None
    url: Optional[str] = None
    lang: Optional[str] = Field(None, description="language code; detected when absent")


class ArticlesIn(BaseModel):
    documents: list[ArticleIn] = Field(min_length=1, max_length=100)


class StoredOut(Shape):
    id: str
    record_id: Optional[str] = None
    new: bool
    title: Optional[str] = None


class RejectedOut(Shape):
    where: str
    reason: str
    detail: str


class WriteOut(Shape):
    stored: list[StoredOut]
    rejected: list[RejectedOut]
    graph_added: int


class HealthOut(Shape):
    status: str
    version: str
    store: str
    documents: int
    claims: int
