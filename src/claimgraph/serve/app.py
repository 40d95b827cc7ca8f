"""The application: one store, the /v1 API, the pages and their static files.

`create_app` is what `claimgraph serve` runs under uvicorn and what the tests
drive; it holds no logic of its own beyond wiring (the reads live in
claimgraph.store.read, claimgraph.graph.detail and claimgraph.marks).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimgraph.graph import default_embedder, sync
from claimgraph.graph.embed import Embedder
from claimgraph.serve.auth import configured_token
from claimgraph.serve.errors import ErrorEnvelope, install_error_handlers
from claimgraph.store import SqlStore

STATIC = Path(__file__).parent / "static"
API_VERSION = "v1"


class Services:
    """What the routes share: the store, the embedder briefs rank with, an analyser loaded on first write."""

    def __init__(self, store: SqlStore, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self.write_lock = threading.Lock()  # one write at a time: the analyser and graph updates are not shared
        self._analyzer: Any = None

    def analyzer(self) -> Any:
        if self._analyzer is None:
            from claimgraph.pipeline import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer


def create_app(db: str, token: Optional[str] = None, embedder: Optional[Embedder] = None,
               take_in: bool = True) -> FastAPI:
    """The server over the store `db` (a SQLite path or a SQLAlchemy URL).

    token: the bearer token writes need (default: `configured_token()`; none: no writes).
    take_in: first add to the graph any article stored since its last update (as `claims` does).
    """
    store = SqlStore(db)
    services = Services(store, embedder or default_embedder())
    if take_in:
        sync(store, services.embedder)
    app = FastAPI(title="claimgraph", version=API_VERSION,
                  description="Who alleges what, how firmly, about whom, across news articles. "
                              "Reads need no token; writes need `Authorization: Bearer <token>`.",
                  responses={500: {"model": ErrorEnvelope, "description": "internal error"}})
    app.state.services = services
    app.state.token = token if token is not None else configured_token()
    install_error_handlers(app)
    from claimgraph.serve.api import router as api_router
    from claimgraph.serve.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
