"""Store backends for tests: a SQLite file, or a fresh schema on the PostgreSQL server at 127.0.0.1:5432.

The development and CI machines run PostgreSQL with trust auth and a database
`test` (CLAIMGRAPH_TEST_PG overrides the URL); where no server answers, the
PostgreSQL tests skip with a message. Each test gets its own schema, dropped
afterwards, so runs never see each other's rows.
"""
from __future__ import annotations

import os
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import pytest

PG_URL = os.environ.get("CLAIMGRAPH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@lru_cache(maxsize=1)
def pg_problem() -> str:
    """Why PostgreSQL cannot be used here ("" when it can)."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return ""
    except Exception as exc:  # noqa: BLE001
        return f"no PostgreSQL server answers at {PG_URL}: {str(exc).splitlines()[0]}"


def fresh_pg_schema() -> Iterator[str]:
    """A store URL on a new, empty schema; the schema is dropped afterwards."""
    import psycopg

    if pg_problem():
        pytest.skip(pg_problem())
    name = f"cg_test_{uuid.uuid4().hex[:12]}"
    admin = PG_URL.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{name}" CASCADE')


def store_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """For a fixture parametrised with "sqlite" and "postgresql"."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield from fresh_pg_schema()
