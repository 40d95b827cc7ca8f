"""One error envelope for every API failure: `{"error": {"code", "message", "details"}}`.

Pages answer the same failures with a readable HTML page; the JSON shape is
for /v1 (and any client that asks for JSON).
"""
from __future__ import annotations

from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from claimgraph.errors import ClaimgraphError

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 422: "invalid_request", 500: "internal_error", 503: "unavailable"}


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorEnvelope(BaseModel):
    error: ErrorBody


def envelope(status: int, message: str, details: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    return {"error": {"code": CODES.get(status, f"http_{status}"), "message": message, "details": details or {}}}


class ApiError(HTTPException):
    """An HTTP error with structured details, raised by the API and the pages."""

    def __init__(self, status: int, message: str, details: Optional[dict[str, Any]] = None) -> None:
        super().__init__(status, message)
        self.details = details or {}


def _respond(request: Request, status: int, message: str, details: Optional[dict[str, Any]] = None,
             headers: Optional[dict[str, str]] = None) -> Any:
    if request.url.path.startswith("/v1") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(envelope(status, message, details), status_code=status, headers=headers)
    from claimgraph.serve.render import render

    page = render("error.html", status=status, message=message, json_url=None)
    return HTMLResponse(page, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Any:
        details = getattr(exc, "details", None)
        return _respond(request, exc.status_code, str(exc.detail), details, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in exc.errors()]
        return _respond(request, 422, "the request does not match the API", {"problems": problems})

    @app.exception_handler(ClaimgraphError)
    async def claimgraph_error(request: Request, exc: ClaimgraphError) -> Any:
        return _respond(request, 400, exc.message, exc.details)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Any:
        return _respond(request, 500, "internal error", {"type": type(exc).__name__})
