"""store: articles and analyses in SQL (SQLite by default, PostgreSQL by URL), behind the `Store` protocol."""
from claimgraph.store.protocol import Store, open_store
from claimgraph.store.sql import SqlStore, database_url

__all__ = ["SqlStore", "Store", "database_url", "open_store"]
