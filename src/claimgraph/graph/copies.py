"""Articles that copy or translate one another.

Within a language, MinHash over word 5-grams with LSH bands finds candidates
among every stored article in constant time (an indexed band lookup), and the
exact shingle containment of the two texts confirms them: a trimmed relay of a
wire story is contained in it even when their Jaccard is low. Across
languages, the mean multilingual embedding of an article's paragraphs is
compared with articles from the few days around its date. Thresholds are
measured on the bundled relays (docs/graph.md).
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import numpy as np

from claimgraph.graph.embed import Embedder

SHINGLE = 5
PERMUTATIONS = 40
ROWS_PER_BAND = 2
_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20240925)
_A = _RNG.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
# Share of the shorter article's shingles found in the other: above this, one copies the other.
CONTAINMENT_THRESHOLD = 0.5
# Across languages, a candidate's mean paragraph embedding must reach this cosine (cheap prefilter) ...
TRANSLATION_PREFILTER = 0.82
# ... then its paragraphs must align: a paragraph matches when its best counterpart reaches PARAGRAPH_MATCH,
# and a translation has ALIGNED_SHARE of the shorter article's paragraphs matched and ALIGNED_MEAN mean best cosine.
PARAGRAPH_MATCH = 0.8
ALIGNED_SHARE = 0.6
ALIGNED_MEAN = 0.77
# How far apart (days) a translation and its original can be dated.
TRANSLATION_WINDOW_DAYS = 3
MAX_PARAGRAPHS = 12
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What copy detection keeps of an article: LSH bands and a document embedding."""

    shingles: frozenset[int]
    bands: tuple[str, ...]
    vector: Optional[np.ndarray]


# Texts whose shingles are kept: a copy's candidates are the recent articles it shares a band with, whose
# shingles the graph computed when it took them in (re-shingling them was 17% of a sync of relays).
SHINGLES_KEPT = 256


@lru_cache(maxsize=SHINGLES_KEPT)
def shingles(text: str) -> frozenset[int]:
    tokens = _TOKEN.findall(fold_text(text))
    if len(tokens) < SHINGLE:
        return frozenset({zlib.crc32(" ".join(tokens).encode())}) if tokens else frozenset()
    return frozenset(zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode()) for i in range(len(tokens) - SHINGLE + 1))


_QUOTES = re.compile(r"[\"“”«»‘’'`]")


def fold_text(text: str) -> str:
    """`keys.fold` of a whole article's text, equal to it, and not kept in fold's cache of names: the combining
    marks are dropped in one `str.translate` (each distinct character tested once) instead of a generator over
    every character (2 ms a French bench article)."""
    if text.isascii():
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = decomposed.translate({ord(c): None for c in set(decomposed) if unicodedata.combining(c)}).lower()
    return " ".join(_QUOTES.sub(" ", plain).split())


def minhash_bands(items: frozenset[int], lang: str) -> tuple[str, ...]:
    """LSH band keys: two articles sharing one band are candidates (Jaccard 0.3 -> 97% chance with 20x2)."""
    if not items:
        return ()
    values = np.fromiter(items, dtype=np.uint64)
    # (a*x + b) mod p on 64-bit integers: x < 2^32 and a < 2^61 overflow, so mix in two halves instead.
    lo = (values[None, :] * (_A[:, None] & np.uint64(0xFFFFFFFF)) + _B[:, None]) & np.uint64(_PRIME)
    hi = (values[None, :] * (_A[:, None] >> np.uint64(32))) & np.uint64(_PRIME)
    signature = (lo ^ (hi << np.uint64(7))).min(axis=1)
    return tuple(f"{lang}:{b}:" + "-".join(f"{int(v):x}" for v in signature[b * ROWS_PER_BAND:(b + 1) * ROWS_PER_BAND])
                 for b in range(PERMUTATIONS // ROWS_PER_BAND))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if len(p.strip().split()) >= 5]
    return [p[:1000] for p in parts[:MAX_PARAGRAPHS]]


def document_vector(text: str, embedder: Embedder) -> Optional[np.ndarray]:
    """The normalised mean embedding of the article's first paragraphs (None for a text too short)."""
    parts = paragraphs(text)
    if not parts:
        return None
    mean = embedder.encode(parts).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


def fingerprint(text: str, lang: str, embedder: Embedder) -> Fingerprint:
    items = shingles(text)
    return Fingerprint(items, minhash_bands(items, lang), document_vector(text, embedder))


def date_window(value: Optional[str], days: int = TRANSLATION_WINDOW_DAYS) -> Optional[tuple[str, str]]:
    """The ISO date range (inclusive) to look for translations of an article dated `value`."""
    if not value:
        return None
    try:
        year, month, day = (value.split("-") + ["", ""])[:3]
        if not day:  # month or year precision: the whole period
            return (value, value + "~")
        center = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return ((center - timedelta(days=days)).isoformat(), (center + timedelta(days=days)).isoformat() + "~")


def alignment(text_a: str, text_b: str, embedder: Embedder) -> tuple[float, float]:
    """`(mean best cosine, share of paragraphs matched)` over the shorter article's paragraphs."""
    a, b = paragraphs(text_a), paragraphs(text_b)
    if not a or not b:
        return 0.0, 0.0
    if len(a) > len(b):
        a, b = b, a
    best = (embedder.encode(a) @ embedder.encode(b).T).max(axis=1)
    return float(best.mean()), float((best >= PARAGRAPH_MATCH).mean())


def is_translation(text_a: str, text_b: str, embedder: Embedder) -> tuple[bool, float]:
    mean, share = alignment(text_a, text_b, embedder)
    return mean >= ALIGNED_MEAN and share >= ALIGNED_SHARE, mean
