"""Response and request shapes of the /v1 API, as the OpenAPI document publishes them.

They mirror the records' `to_dict` forms (claimgraph.model); the v1 analysis
of an article is CONTRACT.md's and is published as an object.
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class OriginOut(BaseModel):
    key: str
    name: str
    type: str


class ChainLinkOut(BaseModel):
    text: str
    type: str
    name: Optional[str] = None


class EvidenceOut(BaseModel):
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


class ClaimOut(BaseModel):
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


class QuoteRef(BaseModel):
    start: Optional[int] = None
    end: Optional[int] = None


class RelayNodeOut(BaseModel):
    label: str
    kind: str = Field(description="origin, relay or article")
    document_id: Optional[str] = None
    date: Optional[str] = None
    stance: Optional[str] = None
    quote: Optional[QuoteRef] = None
    children: list["RelayNodeOut"] = []


class MonthOut(BaseModel):
    month: str
    supports: int
    denies: int


class ClaimDetailOut(ClaimOut):
    relay_trees: list[RelayNodeOut]
    timeline: list[MonthOut]


class Page(BaseModel):
    limit: int
    offset: int
    next: Optional[str] = Field(None, description="the URL of the next page, or null on the last")


class ClaimsPage(Page):
    items: list[ClaimOut]


class DocumentRow(BaseModel):
    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    lang: str
    source: Optional[str] = None
    url: Optional[str] = None
    snippet: Optional[str] = Field(None, description="matched words between [ and ] (search only)")


class DocumentsPage(Page):
    items: list[DocumentRow]


class AnalysisOut(BaseModel):
    """The v1 analysis (CONTRACT.md) with entity ids global to the store, and the claims each record is evidence of."""

    schema_: str = Field(alias="schema")
    document: dict[str, Any]
    entities: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    warnings: list[str] = []
    claims: dict[str, list[dict[str, Any]]] = Field(default_factory=dict, description="record id -> claims")


class EntityOut(BaseModel):
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


class RoleClaims(BaseModel):
    role: str
    claims: list[ClaimOut]


class Neighbour(BaseModel):
    key: str
    name: str
    claims: int
    types: list[str]


class EntityDetailOut(EntityOut):
    by_role: list[RoleClaims]
    neighbours: list[Neighbour]
    timeline: list[dict[str, Any]] = Field(description="articles mentioning it per month: {month, articles}")
    recent_articles: list[DocumentRow]


class BriefSection(BaseModel):
    actor: str
    claims: list[str]


class BriefOut(BaseModel):
    question: str
    matched: list[str]
    sections: list[BriefSection]
    claims: list[ClaimOut]


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


class StoredOut(BaseModel):
    id: str
    record_id: Optional[str] = None
    new: bool
    title: Optional[str] = None


class RejectedOut(BaseModel):
    where: str
    reason: str
    detail: str


class WriteOut(BaseModel):
    stored: list[StoredOut]
    rejected: list[RejectedOut]
    graph_added: int


class HealthOut(BaseModel):
    status: str
    version: str
    store: str
    documents: int
    claims: int
