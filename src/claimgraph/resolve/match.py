"""Cross-article name matching: normalised keys, spelling-variant similarity, gazetteer lookup.

The store merges entities of different articles with these functions, so they
are pure and versioned: a change of behaviour gets a new `MATCHER_VERSION`.

* `match_key(name, type)`: a key equal for names a reader would call the same
  spelling ("Almaz-Antey", "ALMAZ ANTEY", "Алмаз-Антей" -> "almaz antey").
* `similarity(a, b)`: 0..1, tolerant of transliteration variants
  ("Garpiya-3" / "Harpiya-3" / "Гарпия-3") but strict on numbers ("Garpiya-2"
  is another drone).
* `resolve_name(name, type, lang)`: the gazetteer's canonical name and QID.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz
from unidecode import unidecode

MATCHER_VERSION = "match.v1"

# Leading words that never tell two names apart ("The Times" = "Times").
_LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "l", "der", "die", "das", "el", "los", "las", "il"})
# Legal-form words that many outlets drop ("Xiamen Limbach Aircraft Engine Co., Ltd.").
_LEGAL_FORMS = frozenset({"co", "ltd", "llc", "inc", "corp", "plc", "sa", "gmbh", "ag", "jsc", "pjsc", "oao", "ooo", "ao", "limited", "company"})
# Transliteration variants of the same letters (Russian/Ukrainian/Chinese names in
# English or French spelling): applied to both sides before fuzzy comparison.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("kh", "h"), ("tch", "c"), ("ch", "s"), ("sh", "s"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ck", "k"), ("ph", "f"),
    ("ou", "u"), ("oo", "u"), ("ie", "ia"), ("ya", "ia"), ("ja", "ia"), ("yu", "iu"), ("ju", "iu"),
    ("y", "i"), ("j", "i"), ("w", "v"), ("g", "h"), ("k", "c"), ("q", "c"), ("x", "cs"),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\d+")
_REPEATS = re.compile(r"(.)\1+")


def ascii_fold(text: str) -> str:
    """Transliterate `text` to lowercase ASCII (Cyrillic, Greek, accents: `unidecode`).

    text (str): any name.
    RETURNS (str): the folded text, punctuation kept.
    """
    return unidecode(unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=65536)
def match_key(name: str, type: Optional[str] = None) -> str:
    """A normalised key: same key, same spelling up to case, accents, script and punctuation.

    Leading articles go ("The Times" -> "times"); for organisations (or an unknown type), legal forms go too
    ("Xiamen Limbach Aircraft Engine Co., Ltd." -> "xiamen limbach aircraft engine");
    possessive endings go ("China's" -> "china").

    name (str): the name as written.
    type (Optional[str]): the contract type (PERSON, ORG...), or None.
    RETURNS (str): space-separated lowercase ASCII words.
    """
    folded = ascii_fold(name).replace("'s ", " ")
    if folded.endswith("'s"):
        folded = folded[:-2]
    words = [w for w in _NON_WORD.split(folded.replace("'", " ")) if w]
    while len(words) > 1 and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    if type in (None, "ORG"):
        while len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """`key` with transliteration variants merged and doubled letters collapsed ("harpiia" -> "harpia")."""
    out = key
    for old, new in _VARIANTS:
        out = out.replace(old, new)
    return _REPEATS.sub(r"\1", out)


def similarity(a: str, b: str, type: Optional[str] = None) -> float:
    """How likely `a` and `b` name the same thing, from their spelling alone.

    1.0 for equal keys; skeleton (transliteration) equality scores 0.95; otherwise
    the best fuzzy ratio of keys and skeletons. Names whose numbers differ
    ("Garpiya-2" vs "Garpiya-3", "G7" vs "G20") score at most 0.3.

    a (str): a name.
    b (str): another name.
    type (Optional[str]): their contract type, when known.
    RETURNS (float): similarity in [0, 1].
    """
    key_a, key_b = match_key(a, type), match_key(b, type)
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b:
        return 1.0
    if _DIGITS.findall(key_a) != _DIGITS.findall(key_b):
        return min(0.3, fuzz.ratio(key_a, key_b) / 100.0)
    skel_a, skel_b = skeleton(key_a), skeleton(key_b)
    if skel_a == skel_b:
        return 0.95
    plain = fuzz.ratio(key_a, key_b) / 100.0
    variant = 0.95 * fuzz.ratio(skel_a, skel_b) / 100.0
    return round(max(plain, variant), 4)


def resolve_name(name: str, type: Optional[str] = None, lang: Optional[str] = None) -> tuple[str, Optional[str]]:
    """The canonical name and Wikidata QID of `name` according to the gazetteer.

    Exact key matches first (any alias of any language, `lang`'s first); then a
    transliteration-skeleton match. A name the gazetteer does not know comes back
    unchanged with no QID.

    name (str): the name as written.
    type (Optional[str]): its contract type, used to prefer entries of that type.
    lang (Optional[str]): the language the name was written in.
    RETURNS (tuple[str, Optional[str]]): (canonical name, QID or None).
    """
    from claimgraph.resolve.gazetteer import default_gazetteer

    entry = default_gazetteer().lookup(name, type=type, lang=lang)
    if entry is None:
        return name, None
    return entry.name, entry.wikidata


__all__ = ["MATCHER_VERSION", "ascii_fold", "match_key", "resolve_name", "similarity", "skeleton"]
