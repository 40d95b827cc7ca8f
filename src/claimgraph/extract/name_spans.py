"""Names the statistical NER misses or cuts, found by how names are built.

The small English model leaves many institution and facility names untagged or
tags only a part of them ("US National Science Foundation" as "US"). Two shapes
of news names are read here, with word lists from lang/<code>/entities.yaml:

* a run of capitalised words headed by a type head word (`type_heads`): "Intrepid
  Sea-Air-Space Museum", "EU Foreign Affairs Council", "Municipality of Livorno";
  a head-first language also takes a lowercase head before a capitalised name
  (« château de Montretout », « gazoduc Nord Stream ») for facility heads;
  a capitalised name followed by lowercase facility words ("Carlisle railway station",
  "Yamal pipeline") when the name is not a known place;
* a long form before its acronym in brackets ("Deep Sky Survey Array (DSSA)").

Each candidate is a spaCy span labelled with its contract type; extract/entities.py
merges them with `doc.ents`, the longest name winning (ANNOTATION 3.2).
"""
from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.extract.doc_text import sentence_starts, texts_of, words_of
from claimgraph.extract.entity_context import descriptor_around, descriptor_words
from claimgraph.extract.entity_types import ACRONYM_SKIPS, head_type, is_model_code
from claimgraph.extract.name_candidates import (CANDIDATE, _span, bracketed_long_forms, compass_regions, coordinated_type,
                                                elections, lowercase_bodies, staff_of, town_after_preposition,
                                                untagged_territory)

# Title-case lines (headlines) capitalise every word: no evidence of a name there. A line is one
# when at most this many of its long words are lowercase.
TITLE_CASE_LOWER = 1
# How many lowercase words may stand between a name and its facility head ("nuclear power plant").
MAX_LOWER_BEFORE_HEAD = 3
HYPHENS = ("-", "–")
# NER labels of numbers that are no version of a product ("September 2010", "$ 20").
NOT_PRODUCT_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL_DATE")
# NER labels of numbers, which a name candidate replaces.
NUMBER_LABELS = ("CARDINAL", "ORDINAL", "QUANTITY")
# Words inside a name between capitalised words: conjunctions ("Food Standards of Tolvik and Brann")
# and the articles after a link word ("Union of the Comoros", « Conseil de la Région »).
CONJUNCTIONS = ("and", "&", "et")
LINK_ARTICLES = ("the", "la", "l'", "l’", "les")
ROMAN_VERSIONS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def candidate_spans(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """Name spans built from head words and acronyms, labelled with their contract type.

    doc (Doc): the parsed article.
    data (dict[str, Any]): the language's entities.yaml.
    RETURNS (list[SpacySpan]): candidate spans (`id_` = CANDIDATE + type), possibly overlapping.
    """
    if not data.get("type_heads"):
        return []
    title_case = _title_case_sentences(doc)
    spans = []
    descriptors = descriptor_words(data)
    links = {w.casefold() for w in data.get("name_links", [])}
    sentence_of = sentence_starts(doc)
    for start, end in _capitalised_runs(doc, data):
        if sentence_of[start] in title_case:
            continue
        while end - start > 1 and doc[start].text.casefold() in descriptors and doc[start + 1].lower_ not in links:
            start += 1  # "NGO Tolvik Watch", « ONG Tolvik Watch »: the descriptor is no part of the name (but "Union of")
        start = _after_job_title(doc, start, end, data)
        span = _headed(doc, start, end, data)
        if span is None and (doc[start].pos_ == "PROPN" or (doc[start].pos_ == "NOUN" and not doc[start].is_sent_start)):
            # A name the NER missed next to its descriptor ("the gas operator Brenvik", "Rilco, an energy major,").
            etype = descriptor_around(doc, start, end, data) or coordinated_type(doc, start, end) \
                or untagged_territory(doc, start, end) or staff_of(doc, start, end, data)
            span = _span(doc, start, end, etype) if etype is not None else None
        if span is None:
            span = town_after_preposition(doc, start, end, data)
        if span is not None:
            spans.append(span)
    spans += _acronym_long_forms(doc, data)
    spans += _products(doc, title_case)
    if data.get("head_first"):
        spans += _lowercase_head_first(doc, data, title_case)
    spans += elections(doc, data)
    spans += lowercase_bodies(doc, data)
    spans += compass_regions(doc, data)
    spans += bracketed_long_forms(doc, data)
    return spans


def _after_job_title(doc: Doc, start: int, end: int, data: dict[str, Any]) -> int:
    """Where a run's name starts after a leading job title and its link word ("Chairman of the Tolvik
    Centre" -> "Tolvik Centre"): the title is the person's, not part of the body's name."""
    titles, links = _folded(data, "job_titles"), _folded(data, "name_links")  # once per language, not per run
    if doc[start].lower_ not in titles or start + 2 >= end or doc[start + 1].lower_ not in links:
        return start
    name = start + 2
    if doc[name].lower_ in LINK_ARTICLES and name + 1 < end:
        name += 1
    return name


_FOLDED: dict[tuple[int, str], tuple[dict[str, Any], frozenset[str]]] = {}


def _folded(data: dict[str, Any], key: str) -> frozenset[str]:
    """`{w.casefold() for w in data.get(key, [])}`, made once per language data (held to check it is the same)."""
    cached = _FOLDED.get((id(data), key))
    if cached is None or cached[0] is not data:
        cached = _FOLDED[(id(data), key)] = (data, frozenset(w.casefold() for w in data.get(key, [])))
    return cached[1]


def _loc_heads(data: dict[str, Any]) -> frozenset[str]:
    """The casefolded LOC heads of `type_heads`, made once per language data."""
    cached = _FOLDED.get((id(data), "type_heads LOC"))
    if cached is None or cached[0] is not data:
        heads = frozenset(w.casefold() for w in (data.get("type_heads") or {}).get("LOC", []))
        cached = _FOLDED[(id(data), "type_heads LOC")] = (data, heads)
    return cached[1]


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text) and not token.is_punct


def _capitalised_runs(doc: Doc, data: dict[str, Any]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, with link words ("of", "de") and hyphens inside."""
    links = {w.casefold() for w in data.get("name_links", [])} | {"for"}
    determiners = {w.casefold() for w in data.get("determiners", [])}
    campus_heads = {w.casefold() for w in data.get("campus_heads", [])}
    campus_links = {w.casefold() for w in data.get("campus_links", [])}
    runs = []
    texts = texts_of(doc)
    index = 0
    while index < len(doc):
        if not texts[index][:1].isupper():  # not `_capitalised`, read without making the Token
            index += 1
            continue
        token = doc[index]
        if not _capitalised(token) or token.lower_ in determiners:
            index += 1
            continue
        start, end = index, index + 1
        while end < len(doc):
            following = doc[end]
            if _capitalised(following) or (following.like_num and end > start and doc[end - 1].text in HYPHENS):
                end += 1
            elif following.text in HYPHENS and end + 1 < len(doc) and not following.whitespace_ \
                    and (_capitalised(doc[end + 1]) or doc[end + 1].like_num):
                end += 1
            elif following.lower_ in campus_links and end + 1 < len(doc) and _capitalised(doc[end + 1]) \
                    and doc[start].lower_ in campus_heads:
                end += 1  # "University of Tolvik at Brann": one campus, one name
            elif following.lower_ in links or following.lower_ in CONJUNCTIONS:
                if following.lower_ in CONJUNCTIONS and _two_names(doc, start, end, links, data):
                    break  # "the Tolvik Foundation and the Brann Museum" are two names
                after = end + 1
                if following.lower_ in links and after < len(doc) and doc[after].lower_ in LINK_ARTICLES:
                    if any(t.lower_ in links for t in doc[start:end]):
                        break  # "University of Tolvik of the UK": the second "of the" leaves the name
                    after += 1  # "of the", « de la »
                if after < len(doc) and _capitalised(doc[after]) and doc[after].lower_ not in determiners:
                    end = after
                else:
                    break
            else:
                break
        # A sentence-initial word that is no proper noun starts the sentence, not the name.
        while start < end and doc[start].is_sent_start and doc[start].pos_ not in ("PROPN", "X"):
            start += 1
        if end > start:
            runs.append((start, end))
        index = end
    return runs


def _two_names(doc: Doc, start: int, end: int, links: set[str], data: dict[str, Any]) -> bool:
    """Whether the conjunction at `end` joins two names rather than words of one: the capitalised
    words after it carry a head word of their own ("Tolvik Institute of Technology and Brann State
    University"), or the run before it is a typed name without a link word ("the Tolvik Foundation
    and Brann"); after a link word the conjunction coordinates its complement ("Union of Tolvik
    Atheists and Agnostics", "Food Standards of Tolvik and Brann")."""
    heads = _head_words(data)
    after = end + 1
    while after < len(doc) and _capitalised(doc[after]):
        if doc[after].lower_ in heads:
            return True
        after += 1
    run = doc[start:end]
    return _run_type(run, data) is not None and not any(t.lower_ in links for t in run)


def _head_words(data: dict[str, Any]) -> set[str]:
    return {w.casefold() for words in (data.get("type_heads") or {}).values() for w in words}


def _headed(doc: Doc, start: int, end: int, data: dict[str, Any]) -> Optional[SpacySpan]:
    """The run as a typed name when a head word types it, else with its lowercase facility head."""
    etype = _run_type(doc[start:end], data)
    if etype is not None:
        return _span(doc, start, end, etype)
    if data.get("head_first"):
        return None
    # "Carlisle railway station": a name before lowercase words ending in a facility head; not a
    # nationality ("a Chinese space station") nor a town right before the head ("the Tolvik station"
    # is a station in Tolvik).
    if all(t.ent_type_ == "NORP" for t in doc[start:end]):
        return None
    loc_heads = _loc_heads(data)
    for last in range(end, min(end + MAX_LOWER_BEFORE_HEAD, len(doc))):
        token = doc[last]
        if not token.is_lower or not token.is_alpha:
            return None
        if token.lower_ in loc_heads and token.pos_ == "NOUN":
            if last == end and all(t.ent_type_ in ("GPE", "LOC") for t in doc[start:end]):
                return None
            return _span(doc, start, last + 1, "LOC")
    return None


def _run_type(tokens: SpacySpan, data: dict[str, Any]) -> Optional[str]:
    """The type a run's head word gives: the whole run, or the part before its first link word."""
    name = " ".join(t.text for t in tokens if t.text not in HYPHENS)
    if len(name.split()) < 2:
        return None
    by_head = head_type(name, data)
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i > 1 and w.casefold() == "for"), None)
    if by_head is None and cut is not None and not data.get("head_first"):
        by_head = head_type(" ".join(words[:cut]), data)  # "Tolvik Foundation for the Arts"
    return by_head


def _acronym_long_forms(doc: Doc, data: dict[str, Any]) -> list[SpacySpan]:
    """"Deep Sky Survey Array (DSSA)": the words before a bracketed acronym whose capitalised
    initials spell it (lowercase words may stand between them: "Five hundred metre ...")."""
    spans = []
    texts = texts_of(doc)
    for i in range(1, len(doc) - 2):  # doc[1:-2], read for "(" without making each Token
        if texts[i] != "(":
            continue
        token = doc[i]
        acronym = doc[token.i + 1]
        if doc[token.i + 2].text != ")" or not _acronym_shape(acronym.text):
            continue
        letters = acronym.text
        initials = ""
        for start in range(token.i - 1, max(token.i - 12, -1), -1):
            word = doc[start]
            if word.is_punct and word.text not in HYPHENS:
                break
            if _capitalised(word):
                initials = word.text[0] + initials
            elif word.is_digit:
                initials = word.text + initials  # "Movimento 5 Stelle (M5S)"
            if len(initials) > len(letters) or not letters.endswith(initials):
                break
            if initials == letters and word.lower_ not in ACRONYM_SKIPS:
                etype = head_type(" ".join(t.text for t in doc[start:token.i]), data) or "ORG"
                spans.append(_span(doc, start, token.i, etype))
                spans.append(_span(doc, token.i + 1, token.i + 2, etype))
                break
    return spans


def _acronym_shape(text: str) -> bool:
    """Two to six capitals, a digit maybe among them ("DSSA", "M5S")."""
    return 2 <= len(text) <= 6 and text.isalnum() and text.isupper() and sum(c.isalpha() for c in text) >= 2


def _products(doc: Doc, title_case: set[int]) -> list[SpacySpan]:
    """Model names the NER leaves out: a model code ("M990", "Rk-45s") and a capitalised name with
    its version number ("Webview Navigator 7", « Baltic Link II »)."""
    spans = []
    sentence_of = sentence_starts(doc)
    # a model code starts with a capital, a version number is digits or a capital Roman numeral
    for i, text in enumerate(texts_of(doc)):
        if not (text[:1].isupper() or text.isdigit()):
            continue
        token = doc[i]
        if token.ent_type_ in NOT_PRODUCT_ENTS or sentence_of[token.i] in title_case:
            continue
        code = token.text[:-1] if token.text.endswith("s") and token.text[-2:-1].isdigit() else token.text
        if token.text[:1].isupper() and is_model_code(code) and "-" in code or (code[:1].isupper() and _letters_digits(code)):
            spans.append(_span(doc, token.i, token.i + 1, "PRODUCT"))
            continue
        if not (token.is_digit and len(token) <= 3 or token.text in ROMAN_VERSIONS) or token.i == 0:
            continue
        if token.text in ROMAN_VERSIONS and doc[token.i - 1].ent_type_ in ("PERSON", "PER"):
            continue  # a regnal number ("Carlos IV")
        start = token.i
        while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].ent_type_) and _capitalised(doc[start - 1]) \
                and doc[start - 1].ent_type_ not in NOT_PRODUCT_ENTS and not doc[start - 1].is_sent_start:
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and _capitalised(doc[end]):
            end += 1  # a model name around its number ("Class 390 Pendolino")
        if start < token.i and not (end < len(doc) and doc[end].like_num):
            # A known place with a number is a channel or a brand, no model (« Europe 1 », "France 24").
            place = end == token.i + 1 and all(doc[i].ent_id_ and doc[i].ent_type_ in ("GPE", "LOC") for i in range(start, token.i))
            spans.append(_span(doc, start, end, "ORG" if place else "PRODUCT"))
    return spans


def _letters_digits(code: str) -> bool:
    """"M990", "S300": capitals then digits, at least two digits (not "H2" or "G7", which name other things)."""
    letters = code.rstrip("0123456789")
    return 1 <= len(letters) <= 3 and letters.isupper() and len(code) - len(letters) >= 3


def _lowercase_head_first(doc: Doc, data: dict[str, Any], title_case: set[int]) -> list[SpacySpan]:
    """« château de Montretout », « gazoduc Nord Stream »: a lowercase facility head, a link word
    maybe, and a capitalised name."""
    loc_heads = _loc_heads(data)
    links = _folded(data, "name_links")
    spans = []
    texts, lowers = texts_of(doc), words_of(doc)[1]
    for i in range(len(doc) - 1):  # doc[:-1], by index: a Token only for a lowercase place head
        if not texts[i].islower() or lowers[i] not in loc_heads:  # `token.is_lower` is `text.islower()`
            continue
        token = doc[i]
        if token.pos_ != "NOUN":
            continue
        index = token.i + 1
        if doc[index].lower_ in links:
            index += 1
        end = index
        while end < len(doc) and _capitalised(doc[end]) and not doc[end].is_sent_start:
            end += 1
        if end > index and sentence_starts(doc)[token.i] not in title_case:
            spans.append(_span(doc, token.i, end, "LOC"))
    return spans


def _title_case_sentences(doc: Doc) -> set[int]:
    """Starts of sentences written in title case (hardly a long lowercase word)."""
    out = set()
    sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    texts = texts_of(doc)  # `is_alpha`, `len` and `is_lower` are tests of the text: no Token per word
    for sentence in sentences:
        words = [texts[i] for i in range(sentence.start, sentence.end) if texts[i].isalpha() and len(texts[i]) > 3]
        if len(words) >= 3 and sum(w.islower() for w in words) <= TITLE_CASE_LOWER:
            out.add(sentence.start)
    return out


def _name_start(span: SpacySpan) -> int:
    """Where the name of an entity span starts, after the determiners the NER took in ("the Tolvik Trust")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ == "DET":
        start += 1
    return start


def merge_candidates(ents: list[SpacySpan], candidates: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with the candidates that are longer names: a candidate replaces the entities
    inside it ("US" in "US National Science Foundation"); one that crosses an entity's edge,
    or lies inside one, is dropped.

    ents (list[SpacySpan]): the Doc's entities (gazetteer and NER).
    candidates (list[SpacySpan]): spans of `candidate_spans`.
    RETURNS (list[SpacySpan]): non-overlapping spans in text order.
    """
    kept = list(ents)
    for candidate in sorted(candidates, key=lambda s: -(s.end - s.start)):
        numbers = [e for e in kept if e.label_ in NUMBER_LABELS and e.start < candidate.end and candidate.start < e.end]
        kept = [e for e in kept if e not in numbers]  # "M990" read as a cardinal
        overlapping = [e for e in kept if e.start < candidate.end and candidate.start < e.end]
        # A name inside an untyped NER span (« L'ONG Tolvik Watch » as MISC) is the name.
        untyped = [e for e in overlapping if e.label_ == "MISC" and not e.ent_id_ and candidate.label_ != "PRODUCT"]
        kept = [e for e in kept if e not in untyped]
        overlapping = [e for e in overlapping if e not in untyped]
        if any(_name_start(e) < candidate.start or e.end > candidate.end for e in overlapping):
            continue
        same = [e for e in overlapping if (e.start, e.end) == (candidate.start, candidate.end)]
        if same and (candidate.label_ != "PRODUCT" or same[0].ent_id_ or same[0].label_ == "PRODUCT"
                     or same[0].id_.startswith(CANDIDATE)):
            continue  # the NER's own span; only a version number beats its type ("Webview Navigator 7"),
            # not a name spelled out before its acronym ("Movimento 5 Stelle (M5S)")
        kept = [e for e in kept if e not in overlapping] + [candidate]
    return sorted(kept, key=lambda s: s.start)


__all__ = ["CANDIDATE", "candidate_spans", "merge_candidates"]
