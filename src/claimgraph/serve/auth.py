"""Bearer-token check for writes. Reads need no token; every write needs the one configured.

The token comes from `CLAIMGRAPH_API_TOKEN`, else from the file named by
`CLAIMGRAPH_API_TOKEN_FILE`, else from `~/.config/claimgraph/api_token`. With
no token configured the server accepts no write at all.
"""
from __future__ import annotations

import hmac
import os
from pathlib import Path
from typing import Optional

from fastapi import Request

from claimgraph.serve.errors import ApiError

DEFAULT_TOKEN_FILE = Path("~/.config/claimgraph/api_token")


def configured_token() -> Optional[str]:
    token = os.environ.get("CLAIMGRAPH_API_TOKEN", "").strip()
    if token:
        return token
    path = Path(os.environ.get("CLAIMGRAPH_API_TOKEN_FILE") or DEFAULT_TOKEN_FILE).expanduser()
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def require_token(request: Request) -> None:
    """FastAPI dependency of every write route: 401 unless `Authorization: Bearer <token>` matches."""
    expected: Optional[str] = request.app.state.token
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    challenge = {"WWW-Authenticate": "Bearer"}
    if expected is None:
        raise ApiError(401, "writes are disabled: no API token is configured on the server",
                       {"configure": "CLAIMGRAPH_API_TOKEN or CLAIMGRAPH_API_TOKEN_FILE"}) from None
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), expected.encode()):
        error = ApiError(401, "a valid bearer token is required for writes")
        error.headers = challenge
        raise error
