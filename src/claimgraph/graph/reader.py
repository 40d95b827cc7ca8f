"""A claim's label in the brief reader's language (the prose is English), where the store knows it.

A label is built from a claim's first mention, so an English brief may show "China supplies
«technologies à double usage» to Russia". The quote stays (it is the source's words), and the
brief says what it is in English: for a statement, one of the claim's own English quotes when it
has one; for an item, its class in the store's item classes (`graph/data/items.yaml`: weapons,
drones, components ...). What the store does not know in English is left as quoted, marked
as French.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from claimgraph.graph.assertion import is_anaphoric
from claimgraph.graph.denials import ASSERTED
from claimgraph.graph.firmness import brief_data, first_sentence, firmness, row_level, says_denial
from claimgraph.graph.items import item_classes
from claimgraph.graph.labels import item_words
from claimgraph.model.claims import ClaimSummary

READER = "en"
LANGUAGE_NAMES = {"fr": "French", "en": "English"}
# An English quote standing for a statement's label is cut at this many characters.
LABEL_CHARS = 200
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ELISION = re.compile(r"\b[dlj]['’](?=\w)", re.IGNORECASE)
_QUOTED = re.compile(r"«([^»]*)»")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(str(w).lower() for w in data.get("function_words") or [])
            for lang, data in brief_data().items()}


def language_of(text: str) -> Optional[str]:
    """The language whose function words `text` holds most of; None when no language leads. One letter is a word
    only as "a", "à" or an elision ("l'", "d'"): the letters of "L550E" are none."""
    tokens = [t.lower() for t in _WORD.findall(text) if len(t) > 1 or t.lower() in ("a", "à")]
    tokens += [m.lower()[0] for m in _ELISION.findall(text)]
    hits = sorted(((sum(t in words for t in tokens), lang) for lang, words in _function_words().items()), reverse=True)
    if not hits or hits[0][0] == 0 or (len(hits) > 1 and hits[0][0] == hits[1][0]):
        return None
    return hits[0][1]


def _foreign(text: str) -> bool:
    lang = language_of(text)
    return lang is not None and lang != READER


def _gloss(quoted: str) -> str:
    """What a foreign item is, in English: its item classes ("weapons", "drones, components")."""
    classes = sorted(item_classes(quoted, language_of(quoted)))
    lang = LANGUAGE_NAMES.get(language_of(quoted) or "", "another language")
    return f" ({', '.join(classes)})" if classes else f" (in {lang})"


def _english_quote(claim: ClaimSummary) -> Optional[str]:
    """The first English quote of the claim's counted origins that says it as firmly as the claim is said (a
    conditional English row does not stand for a claim another row states as fact; a hedged one may)."""
    counted = {o.key for o in claim.origins}
    level = firmness(claim).level
    fits = ASSERTED if level in ASSERTED else (level,)
    for e in claim.evidence:
        if (e.stance == "supports" and e.lang == READER and e.quote.text.strip() and (not counted or e.origin.key in counted)
                and row_level(e, claim.type == "STATEMENT") in fits):
            return _label_cut(first_sentence(e.quote.text).strip())
    return None


def _label_cut(text: str) -> str:
    """`text` cut at a word to at most LABEL_CHARS characters, marked when cut."""
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS].rsplit(" ", 1)[0] + " …"


def whole_label(label: str) -> str:
    """A statement's label cut mid-word by the graph ("... Le gouvernement chinois est res…"): its first sentence
    when that ends before the cut, else cut at the last whole word and marked."""
    if not label.endswith("…"):
        return label
    body = label[:-1].rstrip()
    first = first_sentence(body)
    if first != body and len(first) >= 40:
        return first
    return body.rsplit(" ", 1)[0].rstrip(" ,;:") + " …" if " " in body else label


def _denying_words(claim: ClaimSummary) -> Optional[str]:
    """The first English sentence of a denial that says outright what is denied ("He denied that Beijing had ever
    provided ..."), a named speaker's first, then the fullest: one denial carried in several wordings reads as its
    firmest."""
    rows = [e for e in claim.evidence if e.stance == "supports" and e.lang == READER
            and says_denial(first_sentence(e.quote.text))]
    rows.sort(key=lambda e: (not (e.chain and e.chain[0].name), -len(first_sentence(e.quote.text))))
    return _label_cut(first_sentence(rows[0].quote.text).strip()) if rows else None


def _words_with(claim: ClaimSummary, item: str) -> Optional[str]:
    """The first sentence of the claim's first English row that says `item` ("not aware of the case")."""
    for e in claim.evidence:
        text = first_sentence(e.quote.text).strip()
        if e.stance == "supports" and e.lang == READER and item.lower() in text.lower():
            return _label_cut(text)
    return None


def reader_label(claim: ClaimSummary) -> str:
    """`claim.label`, with what its foreign words are said in English where the store knows it."""
    label = claim.label if claim.type != "STATEMENT" else whole_label(claim.label)
    if claim.type != "STATEMENT" and "«" in label and label.rfind("»") > label.find("«"):
        # The item is what the label's first « and last » hold; quote marks its words kept from the article go.
        start, end = label.find("«"), label.rfind("»")
        label = f"{label[:start]}«{item_words(label[start + 1:end])}»{label[end + 1:]}"
    quoted = _QUOTED.findall(label) if claim.type != "STATEMENT" else []
    # «the case», or a party's name where the denied act should be («Government of Ukraine»): the words say it.
    if claim.type == "DENY" and len(quoted) == 1 and (is_anaphoric(quoted[0]) or quoted[0] in claim.arguments.values()):
        # «the case», «the matter»: what is denied, and how (rejected, or "not aware of"), is in the words said.
        said = _denying_words(claim) or _words_with(claim, quoted[0]) or _english_quote(claim)
        if not is_anaphoric(quoted[0]):
            # "denies «Chinese companies»" reads as if the companies were denied: it denies what is said of them.
            label = label.replace(f"«{quoted[0]}»", f"what is said of {quoted[0]}", 1)
        return f"{label}: “{said}”" if said else label
    if quoted:
        # An act's item, an accusation's words: keep the quote, say its classes after it.
        for text in quoted:
            if _foreign(text):
                label = label.replace(f"«{text}»", f"«{text}»{_gloss(text)}", 1)
        return label
    if not _foreign(label):
        return label
    english = _english_quote(claim)
    if english:
        return english
    return f"{label} (in {LANGUAGE_NAMES.get(language_of(label) or '', 'another language')})"


__all__ = ["READER", "language_of", "reader_label", "whole_label"]
