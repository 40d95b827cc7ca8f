"""/v1: the JSON API. Each route reads through the same library functions as the CLI and the pages."""
from __future__ import annotations

from typing import Any, Optional
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import func, select

from claimgraph.graph import answer, select_claim_ids, summaries, sync
from claimgraph.graph.detail import claim_detail, document_claims, entity_claims
from claimgraph.model import CLAIM_TYPES
from claimgraph.serve.auth import require_token
from claimgraph.serve.errors import ApiError, ErrorEnvelope
from claimgraph.serve.schemas import (AnalysisOut, ArticlesIn, BriefOut, ClaimDetailOut, ClaimsPage, DocumentsPage,
                                      EntitiesPage, EntityDetailOut, HealthOut, WriteOut)
from claimgraph.store import tables as t
from claimgraph.store.read import (entity_articles, entity_record, entity_timeline, list_entities, load_analysis,
                                   recent_documents)
from claimgraph.store.search import search_documents

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorEnvelope, "description": "not found"},
    422: {"model": ErrorEnvelope, "description": "invalid request"}}
router = APIRouter(prefix="/v1", tags=["v1"], responses=ERRORS)

Limit = Query(50, ge=1, le=200, description="items per page")
Offset = Query(0, ge=0, le=100_000, description="items to skip")


class FastJSON(JSONResponse):
    """Answers are built from records already shaped as the schemas say (the schema tests check them against
    the OpenAPI document): returned as a response, they skip FastAPI's second validation, which cost a brief
    more than its own reads (orjson serialises)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def services(request: Request) -> Any:
    return request.app.state.services


def page(request: Request, items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of `items` (read with one extra to know whether a next page exists)."""
    more = len(items) > limit
    following = None
    if more:
        params = dict(request.query_params)
        params["offset"] = str(offset + limit)
        following = f"{request.url.path}?{urlencode(params)}"
    return {"items": items[:limit], "limit": limit, "offset": offset, "next": following}


def snippet(text: Optional[str]) -> Optional[str]:
    return text.replace("\ue000", "[").replace("\ue001", "]") if text else text


def document_item(row: Any) -> dict[str, Any]:
    item = {"id": row.id, "title": row.title, "date": row.date, "lang": row.lang, "source": row.source, "url": row.url}
    if "snippet" in row._fields:
        item["snippet"] = snippet(row.snippet)
    return item


@router.get("/health", response_model=HealthOut, summary="Is the server up, and what store does it read")
def health(request: Request) -> FastJSON:
    store = services(request).store
    with store.engine.connect() as connection:
        documents = connection.execute(select(func.count()).select_from(t.documents)).scalar_one()
        claims = connection.execute(select(func.count()).select_from(t.claims)).scalar_one()
    return FastJSON({"status": "ok", "version": request.app.version, "store": store.engine.url.render_as_string(hide_password=True),
            "documents": documents, "claims": claims})


@router.post("/documents", response_model=WriteOut, status_code=200, dependencies=[Depends(require_token)],
             responses={401: {"model": ErrorEnvelope, "description": "missing or wrong bearer token"}},
             summary="Analyse and store one article or a batch (bearer token required)")
def post_documents(request: Request, body: ArticlesIn) -> dict[str, Any]:
    from claimgraph.run import ingest_records

    s = services(request)
    with s.write_lock:
        report = ingest_records([d.model_dump() for d in body.documents], s.store, s.analyzer())
        added = sync(s.store, s.embedder)
    return {"stored": [{"id": d.id, "record_id": d.record_id, "new": new, "title": d.title} for d, new in report.stored],
            "rejected": [{"where": r.path, "reason": r.reason, "detail": r.detail} for r in report.rejected],
            "graph_added": added}


@router.get("/documents", response_model=DocumentsPage, summary="Search articles (full text) or list the newest")
def get_documents(request: Request, q: Optional[str] = Query(None, max_length=500, description="words to find in titles and texts"),
                  limit: int = Limit, offset: int = Offset) -> FastJSON:
    with services(request).store.engine.connect() as connection:
        rows = (search_documents(connection, q, limit + 1, offset) if q and q.strip()
                else recent_documents(connection, limit + 1, offset))
    return FastJSON(page(request, [document_item(r) for r in rows], limit, offset))


@router.get("/documents/{document_id}", response_model=AnalysisOut,
            summary="One stored article with its v1 analysis and the claims its records are evidence of")
def get_document(request: Request, document_id: str) -> FastJSON:
    store = services(request).store
    analysis = load_analysis(store, document_id)
    if analysis is None:
        raise ApiError(404, f"no article {document_id}", {"id": document_id})
    with store.engine.connect() as connection:
        claims = document_claims(connection, document_id)
    return FastJSON({**analysis.to_dict(), "claims": claims})


@router.get("/claims", response_model=ClaimsPage,
            summary="Claims, most evidenced first, filtered as `claimgraph claims`")
def get_claims(request: Request,
               entity: Optional[str] = Query(None, max_length=200, description="an actor's name or alias, any language"),
               type: Optional[str] = Query(None, description="one of " + ", ".join(CLAIM_TYPES)),
               since: Optional[str] = Query(None, pattern=r"^\d{4}(-\d{2}){0,2}$", description="last seen on or after"),
               limit: int = Limit, offset: int = Offset) -> FastJSON:
    if type and type.upper() not in CLAIM_TYPES:
        raise ApiError(422, f"unknown claim type {type!r}", {"choose": list(CLAIM_TYPES)})
    with services(request).store.engine.connect() as connection:
        ids = select_claim_ids(connection, entity, type, since, limit + 1, offset)  # one more: is there a next page
        found = summaries(connection, ids, with_evidence=False)
    return FastJSON(page(request, [c.to_dict(with_evidence=False) for c in found], limit, offset))


@router.get("/claims/{claim_id}", response_model=ClaimDetailOut,
            summary="One claim: evidence, origins with their relay trees, denials, timeline")
def get_claim(request: Request, claim_id: str) -> FastJSON:
    with services(request).store.engine.connect() as connection:
        detail = claim_detail(connection, claim_id)
    if detail is None:
        raise ApiError(404, f"no claim {claim_id}", {"id": claim_id})
    return FastJSON(detail.to_dict())


@router.get("/entities", response_model=EntitiesPage, summary="Entities, most mentioned first; q matches names and aliases")
def get_entities(request: Request, q: Optional[str] = Query(None, max_length=200), type: Optional[str] = Query(None),
                 limit: int = Limit, offset: int = Offset) -> FastJSON:
    with services(request).store.engine.connect() as connection:
        found = list_entities(connection, q, type, limit + 1, offset)
    return FastJSON(page(request, [e.to_dict() for e in found], limit, offset))


def entity_payload(connection: Any, entity_id: str) -> dict[str, Any]:
    """What the entity page and GET /v1/entities/{id} show (one function, so they cannot differ)."""
    record = entity_record(connection, entity_id)
    if record is None:
        raise ApiError(404, f"no entity {entity_id}", {"id": entity_id})
    claims = entity_claims(connection, record.name)
    return {**record.to_dict(), **claims.to_dict(),
            "timeline": [{"month": m, "articles": n} for m, n in entity_timeline(connection, record.id)],
            "recent_articles": [document_item(r) for r in entity_articles(connection, record.id)]}


@router.get("/entities/{entity_id}", response_model=EntityDetailOut,
            summary="One entity: its claims by role, the actors it shares claims with, its timeline")
def get_entity(request: Request, entity_id: str) -> FastJSON:
    with services(request).store.engine.connect() as connection:
        return FastJSON(entity_payload(connection, entity_id))


@router.get("/brief", response_model=BriefOut,
            summary="An evidence brief for a question or an entity, as `claimgraph brief --format json`")
def get_brief(request: Request, q: str = Query(..., min_length=1, max_length=500),
              limit: int = Query(15, ge=1, le=50)) -> FastJSON:
    s = services(request)
    with s.store.engine.connect() as connection:
        return FastJSON(answer(connection, q, s.embedder, limit=limit).to_dict())
