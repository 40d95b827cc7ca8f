"""Full-text search over article titles and texts: SQLite FTS5, PostgreSQL full text.

SQLite keeps an external-content FTS5 index (`documents_fts`, rowid = the
documents row's rowid) up to date with triggers; PostgreSQL searches a GIN
expression index on the same words (`simple` configuration: the store holds
several languages, so no stemming that suits one and breaks another).
Created by migration 0007 (`create_search_index`).
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

# One PostgreSQL expression for the index and the query, so the planner uses the index.
PG_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

_SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
]


def create_search_index(connection: Connection) -> None:
    """The full-text index over every stored article, kept current on each insert from now on."""
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_DDL:
            connection.execute(text(statement))
        connection.execute(text("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"))
    elif connection.dialect.name == "postgresql":
        connection.execute(text(f"CREATE INDEX IF NOT EXISTS ix_documents_fulltext ON documents USING GIN ({PG_VECTOR})"))


def search_terms(query: str) -> list[str]:
    """The words of a free-text query (letters and digits; any syntax of the engines is dropped)."""
    return re.findall(r"\w+", query)[:12]


def search_documents(connection: Connection, query: str, limit: int, offset: int = 0) -> list[Any]:
    """Rows (id, title, date, lang, source, url, snippet) of the articles holding every word of `query`, best first.

    The snippet is plain text with the matched words between U+E000 and U+E001
    (private-use marks a page turns into <mark> after escaping)."""
    terms = search_terms(query)
    if not terms:
        return []
    if connection.dialect.name == "sqlite":
        match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
        return list(connection.execute(text(
            "SELECT d.id, d.title, d.date, d.lang, d.source, d.url,"
            " snippet(documents_fts, 1, char(57344), char(57345), '…', 24) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH :match ORDER BY bm25(documents_fts, 4.0, 1.0), d.id LIMIT :limit OFFSET :offset"),
            {"match": match, "limit": limit, "offset": offset}))
    if connection.dialect.name == "postgresql":
        return list(connection.execute(text(
            "SELECT id, title, date, lang, source, url,"
            " ts_headline('simple', text, q, 'StartSel=\ue000,StopSel=\ue001,MaxWords=30,MinWords=10') AS snippet"
            f" FROM documents, plainto_tsquery('simple', :query) q WHERE {PG_VECTOR} @@ q"
            f" ORDER BY ts_rank({PG_VECTOR}, q) DESC, id LIMIT :limit OFFSET :offset"),
            {"query": " ".join(terms), "limit": limit, "offset": offset}))
    like = "%" + terms[0] + "%"  # any other engine: a plain scan on the first word
    return list(connection.execute(text(
        "SELECT id, title, date, lang, source, url, substr(text, 1, 200) AS snippet FROM documents"
        " WHERE title LIKE :like OR text LIKE :like ORDER BY date DESC, id LIMIT :limit OFFSET :offset"),
        {"like": like, "limit": limit, "offset": offset}))
