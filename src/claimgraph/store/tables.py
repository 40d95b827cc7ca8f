"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Local ids of an article (`e3`, `a7`, `v2`) are kept so that an analysis can be
rebuilt exactly; entities are global (one row per real-world thing across the
store), linked to articles through their mentions.
"""
from __future__ import annotations

from sqlalchemy import (Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint, text)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", String(64), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text), Column("date", String(10)), Column("lang", String(8), nullable=False),
    Column("source", Text), Column("url", Text), Column("text", Text, nullable=False),
    Column("path", Text), Column("record_id", Text),
    Column("warnings", Text),  # JSON list
    Column("analysis_version", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False), Column("type", String(16), nullable=False),
    Column("match_key", Text, nullable=False),
    Column("wikidata", String(32)), Column("country", String(2)),
    Column("aliases", Text),  # JSON list
    Column("merged_into", Integer, ForeignKey("entities.id")),
    UniqueConstraint("match_key", "type", name="uq_entity_key"),
)

entity_merges = Table(
    "entity_merges", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kept_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("merged_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("reason", Text, nullable=False), Column("score", Text),
    Column("matcher", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("local_name", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_document", "document_id"), Index("ix_mentions_entity", "entity_id"),
)

attributions = Table(
    "attributions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("source_start", Integer, nullable=False), Column("source_end", Integer, nullable=False),
    Column("source_text", Text, nullable=False), Column("source_type", String(24), nullable=False),
    Column("source_entity", String(16)),
    Column("cue_start", Integer), Column("cue_end", Integer), Column("cue_text", Text),
    Column("content_start", Integer, nullable=False), Column("content_end", Integer, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("kind", String(16), nullable=False), Column("certainty", String(16), nullable=False),
    Column("polarity", String(8), nullable=False), Column("parent", String(16)),
    Index("ix_attributions_document", "document_id"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False), Column("type", String(16), nullable=False),
    Column("trigger_start", Integer), Column("trigger_end", Integer), Column("trigger_text", Text),
    Column("time_start", Integer), Column("time_end", Integer), Column("time_text", Text),
    Column("time_value", String(10)),
    Column("attribution", String(16)),
    Column("certainty", String(16), nullable=False), Column("polarity", String(8), nullable=False),
    Index("ix_events_document", "document_id"), Index("ix_events_type", "type"),
)

arguments = Table(
    "arguments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(16), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("entity_local", String(16)),
    Index("ix_arguments_event", "event_id"),
)


# Sentence vectors computed with the analysis (graph.article_vectors), migration 0013: kept until the graph
# takes the article in, which then deletes them. `texts` is a JSON list; `vectors` its float32 rows.
article_vectors = Table(
    "article_vectors", metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("embedder", String(32), nullable=False), Column("texts", Text, nullable=False),
    Column("vectors", LargeBinary, nullable=False),
)


# -- the evidence graph (claimgraph.graph), migration 0002 ------------------------
# Derived from the tables above, article by article, in ingest order; dropping
# them and replaying every article gives the same rows (`graph.rebuild`).

graph_documents = Table(
    "graph_documents", metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),  # order in which the graph took the article in
    Column("lang", String(8), nullable=False), Column("date", String(10)),
    Column("root_id", String(64), nullable=False),  # first article of its copy group (itself when original)
    Column("wire", Text),  # wire agency whose byline it carries
    Column("vector", LargeBinary),  # float16 document embedding (cross-language copy detection)
    Index("ix_graph_documents_root", "root_id"), Index("ix_graph_documents_date", "date"),
    Index("ix_graph_documents_position", "position"),
    # Migration 0004, for listings: an article's copy group without reading its row (its embedding makes
    # rows a page each), and a group's bylines (few articles carry one) in graph order.
    Index("ix_graph_documents_group", "document_id", "root_id", unique=True),
    Index("ix_graph_documents_wire", "root_id", "position", "wire", sqlite_where=text("wire IS NOT NULL"),
          postgresql_where=text("wire IS NOT NULL")),
)

# Migration 0058: the stored articles the graph has not taken in (store/pending.py), kept by the database's own
# triggers on `documents` and `graph_documents`, so that "anything pending?" reads one row, not two counts.
graph_pending = Table(
    "graph_pending", metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

graph_bands = Table(
    "graph_bands", metadata,
    Column("band", String(40), nullable=False),  # MinHash LSH band, prefixed by language
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Index("ix_graph_bands_band", "band"),
)

graph_copies = Table(
    "graph_copies", metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("copy_of", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("method", String(16), nullable=False),  # minhash | embedding
    Column("score", Float, nullable=False),
    Index("ix_graph_copies_document", "document_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(16), primary_key=True),  # "c" + sha1 of its first mention (document id, record id)
    Column("seq", Integer, nullable=False),  # creation order; the newest claims of a block are compared first
    Column("type", String(16), nullable=False),
    Column("block", Text, nullable=False),  # type + canonical keys of the identifying roles
    # The block up to its second "|" (graph.update.block_stem: type + first role), migration 0003.
    Column("stem", Text),
    Column("label", Text, nullable=False),
    Column("arguments", Text, nullable=False),  # JSON {role: key}
    Column("names", Text, nullable=False),  # JSON {role: readable name}
    Column("item", Text),  # the first mention's item words
    Column("vector", LargeBinary),  # float16 embedding of the first mention's item (None: no item)
    Column("label_vector", LargeBinary),  # float16 embedding of the label (question matching)
    Column("n_evidence", Integer, nullable=False),
    Column("first_seen", String(10)), Column("last_seen", String(10)),
    # (block, seq): the newest claims of a block come straight off the index, however big the block.
    Index("ix_claims_block", "block", "seq"), Index("ix_claims_seq", "seq"), Index("ix_claims_type", "type"),
    # (stem, seq): the newest claims sharing a block's first role, for blocks widened to it.
    Index("ix_claims_stem", "stem", "seq"),
    # (n_evidence, seq) and (type, n_evidence, seq): "most evidenced first" reads straight off an index.
    Index("ix_claims_evidence", "n_evidence", "seq"), Index("ix_claims_type_evidence", "type", "n_evidence", "seq"),
    # Migration 0011: "the most evidenced of these claims" (an entity's or a question's newest) ranked off this
    # index alone, without reading the claims' rows, which carry two embeddings each.
    Index("ix_claims_rank", "id", "n_evidence", "seq"),
)

claim_keys = Table(
    "claim_keys", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),  # every argument key, for --entity and question lookups
    Column("type", String(16), nullable=False), Column("seq", Integer, nullable=False),  # copied from claims
    Index("ix_claim_keys_key", "key", "type", "seq"), Index("ix_claim_keys_recent", "key", "seq"),
    Index("ix_claim_keys_claim", "claim_id"),
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("record_id", String(40), nullable=False),
    Column("stance", String(8), nullable=False), Column("certainty", String(16), nullable=False),
    Column("polarity", String(8), nullable=False),
    Column("quote_start", Integer, nullable=False), Column("quote_end", Integer, nullable=False),
    Column("quote_text", Text, nullable=False),
    Column("chain", Text, nullable=False),  # JSON list of ChainLink dicts, innermost first
    Column("origin_key", Text, nullable=False), Column("origin_name", Text, nullable=False),
    Column("origin_type", String(24), nullable=False),
    Column("date", String(10)), Column("lang", String(8), nullable=False),
    Index("ix_evidence_claim", "claim_id"), Index("ix_evidence_document", "document_id"),
    Index("ix_evidence_origin", "origin_key"),
    # Migration 0011: a claim's first rows of one stance in date order (what a brief or a claim page quotes).
    Index("ix_evidence_claim_stance", "claim_id", "stance", "date", "id"),
)

graph_names = Table(
    "graph_names", metadata,
    Column("name", Text, nullable=False),  # folded surface form (name or alias, any language)
    Column("key", Text, nullable=False),  # the argument key it stands for
    UniqueConstraint("name", "key", name="uq_graph_name"),
    # Migration 0011: a key's surface forms (a brief checks a question's names against its keys' forms)
    # without walking every form of the store (622k at 100k articles).
    Index("ix_graph_names_key", "key", "name"),
)


# -- what a listing reads instead of every evidence row (graph.aggregates), migration 0004 --------
# Kept in each article's transaction by graph.update; clustered by claim (WITHOUT ROWID on SQLite), so
# a claim's rows are read off one B-tree range.

claim_documents = Table(
    "claim_documents", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("date", String(10)), Column("lang", String(8), nullable=False),  # the article's (its evidence's)
    Column("first_id", Integer, nullable=False),  # evidence.id of the claim's first row in this article
    Column("supports", Integer, nullable=False), Column("denies", Integer, nullable=False),  # its rows by stance
    Column("voices", Text),  # JSON: the rows a read-time origin rule needs (graph.aggregates), or NULL
    Column("cited", Text),  # JSON: named origin keys the article cites anywhere, when a row may relay one
    sqlite_with_rowid=False,
)

claim_origins = Table(
    "claim_origins", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("stance", String(8), primary_key=True),
    Column("origin_key", Text, primary_key=True), Column("origin_name", Text, primary_key=True),
    Column("origin_type", String(24), primary_key=True), Column("certainty", String(16), primary_key=True),
    # The first evidence row (in `ORDER BY date, id`) with this named origin.
    Column("first_date", String(10)), Column("first_id", Integer, nullable=False),
    sqlite_with_rowid=False,
)


# -- claim summaries as listings show them (graph.precomputed), migration 0010 -------------------------
# Derived from the aggregates above, kept by graph sync: a claim without a row is stale (queued in
# claim_summaries_stale) and is computed when read; rows follow the rules in claim_summary_rules.

claim_summaries = Table(
    "claim_summaries", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("origins", Text, nullable=False),  # JSON [[key, name, type], ...]: its independent origins as listed
    Column("denied_by", Text, nullable=False),  # JSON, the same for who denies it
    Column("languages", Text, nullable=False),  # JSON list
    Column("first_seen", String(10)), Column("last_seen", String(10)),
    Column("certainty", String(16), nullable=False),  # the firmest supporting row's
    Column("n_rows", Integer, nullable=False),  # its evidence rows, for and against
    Column("articles", Text, nullable=False),  # JSON [document id, ...] in the order of its evidence
    # JSON {evidence id: [key, name, type]}: the origin each own-voice row counts as (read to show evidence only;
    # last, so that a listing without evidence never reads its overflow pages).
    Column("voice_origins", Text, nullable=False),
)

claim_summaries_stale = Table(
    "claim_summaries_stale", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)

claim_summary_rules = Table(
    "claim_summary_rules", metadata,
    Column("version", String(32), primary_key=True),  # graph.precomputed.rules_version() of the kept rows
)
