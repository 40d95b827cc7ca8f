"""The web pages: server-rendered, each the rendering of one /v1 call (linked at its foot as its JSON twin)."""
from __future__ import annotations

import re
from typing import Any, Optional
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import func, select

from claimgraph.graph import answer, select_claim_ids, summaries
from claimgraph.graph.detail import ACTOR_ROLES, claim_detail, contested_claim_ids, document_claims, search_claim_ids
from claimgraph.marks import article_marks, record_details, segments
from claimgraph.serve.api import entity_payload
from claimgraph.serve.errors import ApiError
from claimgraph.serve.render import brief_page, render
from claimgraph.store import tables as t
from claimgraph.store.read import list_entities, load_analysis, recent_documents
from claimgraph.store.search import search_documents

router = APIRouter(include_in_schema=False)
EXAMPLE_QUESTION = "China supplies weapons to Russia"
QUOTE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def _store(request: Request) -> Any:
    return request.app.state.services.store


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet cut into (text, matched) parts at the engine's private-use marks."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split("[\ue000\ue001]", snippet)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> str:
    with _store(request).engine.connect() as connection:
        evidenced = summaries(connection, select_claim_ids(connection, limit=10), with_evidence=False)
        contested = summaries(connection, contested_claim_ids(connection, 10), with_evidence=False)
        recent = recent_documents(connection, 10)
        counts = {name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                  for name, table in (("documents", t.documents), ("claims", t.claims),
                                      ("entities", t.entities))}
    return render("home.html", title="claimgraph", evidenced=evidenced, contested=contested, recent=recent,
                  counts=counts, example_question=EXAMPLE_QUESTION, json_url="/v1/claims?limit=10")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500)) -> Any:
    q = q.strip()
    if not q:
        return RedirectResponse("/", status_code=303)
    with _store(request).engine.connect() as connection:
        claims = summaries(connection, search_claim_ids(connection, q, 15), with_evidence=False)
        entities = list_entities(connection, q, limit=10)
        documents = search_documents(connection, q, 20)
    return render("search.html", title=f"Search: {q}", q=q, claims=claims, entities=entities, documents=documents,
                  snippet_parts=snippet_parts, json_url="/v1/documents?" + urlencode({"q": q}))


def _quote(value: Optional[str]) -> Optional[tuple[int, int]]:
    match = QUOTE.match(value or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


@router.get("/articles/{document_id}", response_class=HTMLResponse)
def article(request: Request, document_id: str, quote_range: Optional[str] = Query(None, alias="quote")) -> str:
    store = _store(request)
    analysis = load_analysis(store, document_id)
    if analysis is None:
        raise ApiError(404, f"no article {document_id}")
    with store.engine.connect() as connection:
        claims = document_claims(connection, document_id)
    quoted = _quote(quote_range)
    marks = article_marks(analysis)
    claim_list = list({c["claim_id"]: {**c} for items in claims.values() for c in items}.values())
    return render("article.html", title=analysis.document.title or document_id[:12], analysis=analysis,
                  segments=segments(analysis.document.text, marks, quoted), quoted=quoted,
                  records=record_details(analysis, claims), claim_list=claim_list,
                  json_url="/v1/documents/" + quote(document_id, safe=""))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: str) -> str:
    with _store(request).engine.connect() as connection:
        detail = claim_detail(connection, claim_id)
    if detail is None:
        raise ApiError(404, f"no claim {claim_id}")
    return render("claim.html", title=detail.claim.label, detail=detail, actor_roles=ACTOR_ROLES,
                  json_url="/v1/claims/" + quote(claim_id, safe=""))


@router.get("/entities/lookup")
def entity_lookup(request: Request, name: str = Query(..., max_length=300)) -> RedirectResponse:
    """An actor named in a claim -> its entity page (the most mentioned match), else a search."""
    with _store(request).engine.connect() as connection:
        found = list_entities(connection, name, limit=1)
    if found:
        return RedirectResponse(f"/entities/{found[0].id}", status_code=303)
    return RedirectResponse("/search?" + urlencode({"q": name}), status_code=303)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> str:
    with _store(request).engine.connect() as connection:
        payload = entity_payload(connection, entity_id)
    rows = [(m["month"], m["articles"], 0) for m in payload["timeline"]]
    return render("entity.html", title=payload["name"], e=payload, timeline_rows=rows,
                  json_url="/v1/entities/" + quote(entity_id, safe=""))


@router.get("/brief", response_class=HTMLResponse)
def brief(request: Request, q: str = Query(EXAMPLE_QUESTION, min_length=1, max_length=500),
          limit: int = Query(15, ge=1, le=50)) -> str:
    services = request.app.state.services
    with services.store.engine.connect() as connection:
        found = answer(connection, q, services.embedder, limit=limit)
    return brief_page(found, standalone=False, q=q, json_url="/v1/brief?" + urlencode({"q": q}))
