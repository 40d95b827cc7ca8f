"""A source span that names no one: only a cue or hedge ("reportedly", «apparemment»), a verb form ("is believed",
"are accused", «serait accusé»). Such a span is no origin's name: the origin is whoever reports it (issue 12,
"nothing else can be an origin")."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from claimgraph.graph.keys import DETERMINERS, fold, words
from claimgraph.lang import available_languages, get_rules


# The noun lists of lang/<code>/sources.yaml: a word in them names a source even when it is a cue's form too.
NOUN_LISTS = ("person_nouns", "document_nouns", "generic_plural", "generic_mass", "unspecified_nouns", "media_nouns",
              "organization_nouns")


def is_cue_words(text: str) -> bool:
    """`text` holds only cue words, hedge adverbs and verb forms (after its determiners), or determiners alone:
    "reportedly", "is believed", "are accused", "The"; not "officials", "the documents", "Reuters", "the Post"."""
    if any(w[:1].isupper() for w in text.split()[1:]):
        return False  # a name ("the Post", "The Daily Report"): only a sentence's first word is capitalised for nothing
    tokens = [t for t in words(text) if t not in DETERMINERS]
    if not tokens:
        # An article alone ("The", a span cut short) names no one; "Some", "Several", "Those" stand for people.
        return bool(words(text)) and all(t in _articles() for t in words(text))
    single, phrases = _cue_words()
    joined = f" {' '.join(tokens)} "
    for phrase in phrases:  # "sans doute", "semble-t-il"
        joined = joined.replace(f" {phrase} ", " ")
    return all(t in single for t in joined.split())


@lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    """The articles of every language (`articles` in lang/<code>/sources.yaml), folded."""
    found: set[str] = set()
    for code in available_languages():
        rules = get_rules(code)
        found.update(fold(str(a)) for a in (rules.data("sources") if rules.has("sources") else {}).get("articles") or [])
    return frozenset(found)


def _forms(lemma: str) -> set[str]:
    """A cue lemma's regular forms in English and French ("believe" -> "believed", "believes"; «rapporter» ->
    «rapporté», «rapportée»...): folded, as `words` gives them."""
    out = {lemma}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out |= {lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if lemma.endswith("er"):  # French first group: «rapporter» -> «rapporte», «rapporté(e)(s)», «rapportent»
        root = lemma[:-2]
        out |= {root + e for e in ("e", "es", "ent", "ee", "ees", "ait", "aient")}
    if lemma.endswith("ir"):
        root = lemma[:-2]
        out |= {root + e for e in ("i", "ie", "is", "ies", "it", "issent")}
    return out


def _strings(values: Any) -> Iterable[str]:
    if isinstance(values, dict):
        return (str(k) for k in values)
    return (str(v) for v in values or ())


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[str], tuple[str, ...]]:
    single: set[str] = set()
    phrases: set[str] = set()
    nouns: set[str] = set()  # a source noun that is also a verb form ("reports", "claims") names a source
    for code in available_languages():
        rules = get_rules(code)
        hedges = rules.data("hedges") if rules.has("hedges") else {}
        cues = rules.data("cues") if rules.has("cues") else {}
        sources = rules.data("sources") if rules.has("sources") else {}
        lemmas = [*_strings(cues.get("verbs")), *_strings(hedges.get("passive_hearsay")),
                  *_strings(hedges.get("raising"))]
        for lemma in lemmas:
            token = " ".join(words(lemma))
            if token and " " not in token:
                single.update(_forms(token))
        for key in NOUN_LISTS:
            for noun in _strings(sources.get(key)):
                nouns.update({fold(noun), fold(noun) + "s", fold(noun) + "es"})
        for entry in [*_strings(hedges.get("adverbs")), *_strings(hedges.get("boosters")),
                      *_strings(hedges.get("modals")), *_strings(sources.get("not_source_words"))]:
            tokens = words(entry)
            if len(tokens) == 1:
                single.add(tokens[0])
            elif tokens:
                phrases.add(" ".join(tokens))
    return frozenset(single - nouns), tuple(sorted(phrases, key=len, reverse=True))


__all__ = ["is_cue_words"]
