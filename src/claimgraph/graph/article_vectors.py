"""An article's sentence vectors, computed where it is analysed, so that the graph sync only reads them.

Encoding sentences was about 70% of a graph sync (docs/performance.md), and the
sync takes articles in one at a time in one process, while the analysis runs in
worker processes. So the worker that analyses an article also encodes what the
sync will ask for (`prepare`, set as the `Analyzer`'s `prepare` hook by
`claimgraph ingest`): the first paragraphs (the document vector) and every
claim item and label of its mentions. The store keeps them with the analysis
(`article_vectors`) until the sync takes the article in (`vectors_for`, then
`drop`); any other text (a label renamed by a later entity merge, a candidate
translation's paragraphs, a rebuild after the rows are gone) is encoded by the
sync as before.

The vectors are a function of the article alone, whatever the number of
processes and the order: USE's last bits depend on the other texts of a batch
(1.6e-7 at most), so the texts are encoded in the same two calls the sync makes
for the article, without the encoder's cache of texts (`encode_uncached`: only a
whole call seen before, such as a relay's paragraphs, is answered from memory).
"""
from __future__ import annotations

import json
from typing import Optional, Sequence

import numpy as np
from sqlalchemy import Connection, select

from claimgraph.graph.copies import paragraphs
from claimgraph.graph.embed import DIM, Embedder, UseEmbedder, default_embedder
from claimgraph.graph.labels import claim_label
from claimgraph.graph.mentions import claim_mentions
from claimgraph.model import Analysis
from claimgraph.model.claims import ClaimMention
from claimgraph.store.shape import as_stored, same_as_stored
from claimgraph.store import tables as t

PREPARED_KEY = "vectors"
# The article's claim mentions, computed on its stored shape (`store.shape.as_stored`): the ingest's parent process
# takes them instead of computing them again when the analysis it reads back has that shape (graph/sync.py `take`).
MENTIONS_KEY = "claim_mentions"


def prepare(analysis: Analysis, embedder: Optional[UseEmbedder] = None) -> None:
    """Put the article's claim mentions and sentence vectors in `analysis.prepared` (by default, the process's
    multilingual encoder)."""
    embedder = embedder or default_embedder()
    parts = paragraphs(analysis.document.text)
    mentions = claim_mentions(as_stored(analysis))
    analysis.prepared[MENTIONS_KEY] = mentions
    claim_texts = sorted({m.item for m in mentions if m.item} | {claim_label(m) for m in mentions})
    texts, blocks = [], []
    for call in (parts, claim_texts):  # the sync's two calls for this article (copies.document_vector, _add_claims)
        if call:
            texts += call
            blocks.append(embedder.encode_uncached(call))
    if texts:
        analysis.prepared[PREPARED_KEY] = (embedder.name, texts, np.concatenate(blocks).astype(np.float32).tobytes())


class WithVectors:
    """An embedder that answers from one article's stored vectors and asks `base` for every other text."""

    def __init__(self, base: Embedder, vectors: dict[str, np.ndarray]) -> None:
        self.base = base
        self.name = base.name
        self.vectors = vectors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self.vectors]
        found = dict(zip(missing, self.base.encode(missing))) if missing else {}
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = self.vectors[text] if text in self.vectors else found[text]
        return out


def vectors_for(connection: Connection, document_id: str, base: Embedder) -> Embedder:
    """`base`, answering first from the vectors stored for `document_id` when the same encoder made them."""
    v = t.article_vectors
    row = connection.execute(select(v.c.embedder, v.c.texts, v.c.vectors).where(v.c.document_id == document_id)).first()
    if row is None:
        return base
    return _answering(base, row.embedder, json.loads(row.texts), row.vectors)


def vectors_ahead(analysis: Analysis, base: Embedder) -> Embedder:
    """`vectors_for` from the analysis in memory (`prepare`'s vectors, never written: an ingest that takes the
    article into the graph in the transaction that stores it)."""
    vectors = analysis.prepared.get(PREPARED_KEY)
    if not vectors:
        return base
    name, texts, blob = vectors
    return _answering(base, name, list(texts), blob)


def _answering(base: Embedder, name: str, texts: list[str], blob: bytes) -> Embedder:
    if name != base.name:
        return base
    matrix = np.frombuffer(blob, dtype=np.float32).reshape(len(texts), DIM)
    vectors: dict[str, np.ndarray] = {}
    for text, vector in zip(texts, matrix):
        vectors.setdefault(text, vector)  # a text in both calls: the first, as the encoder's cache would answer
    remember = getattr(base, "remember", None)
    if remember is not None:  # as if the sync had encoded them: its cache answers a later translation check
        remember(vectors)
    return WithVectors(base, vectors)


def mentions_ahead(read: Analysis, ahead: Optional[Analysis]) -> Optional[list[ClaimMention]]:
    """The claim mentions `prepare` computed on `ahead` (the analysis as the worker gave it), when `read` (the
    same article read back from the store) is its stored shape with other entity ids: `claim_mentions` then
    gives the same mentions (they hold keys and names, never an entity id). None otherwise (an entity the store
    merged or named another way): the caller computes them from `read`."""
    mentions = ahead.prepared.get(MENTIONS_KEY) if ahead is not None else None
    if mentions is None or ahead is None or not same_as_stored(read, as_stored(ahead)):
        return None
    return list(mentions)


def drop(connection: Connection, document_id: str) -> None:
    """The vectors are read once: the graph keeps what it needs of them (a rebuild encodes again)."""
    connection.execute(t.article_vectors.delete().where(t.article_vectors.c.document_id == document_id))

