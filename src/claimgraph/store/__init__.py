"""store: articles and analyses in SQL (SQLite by default, PostgreSQL by URL)."""
from claimgraph.store.sql import SqlStore, database_url

__all__ = ["SqlStore", "database_url"]
