"""Types and names for entities the gazetteer does not know, from how names are built.

The statistical NER labels unknown names by their look, and the small English
model often gets the type wrong ("Municipality of X" as a place, a space
shuttle as a person, a browser version as a country). News names carry their
type in their words, so these rules read them, with word lists in
lang/<code>/entities.yaml:

* `type_heads`: head words per contract type. An English name ends with its
  head ("Kennedy Space Center", "Euston Station") or starts with it before a
  link word ("Municipality of Livorno"); a French one starts with it
  ("mosquée Sidi Yeyia", "Cour d'assises").
* a model-code shape ("IE6", "S-400", "U2") is a PRODUCT, never a place or a person.
* `national_bodies`: a country's forces or government named generically ("the Indonesian
  military", « l'armée russe », « le gouvernement malien ») are one ORG per country and kind,
  named "<English adjective> Armed Forces", "Government of <country>" in every language
  (ANNOTATION 3.4, 3.5).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Optional

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import token_bounds, words_of
from claimgraph.model import Span
from claimgraph.resolve.territories import get_territory, lookup_territory

# "IE6", "S-400", "U2", "M777", "HTML 5": letters then a number, as products and models are named.
MODEL_CODE = re.compile(r"^[A-Za-z]{1,6}[- ]?\d{1,4}[A-Za-z]?$")
# A number hyphened to a head word ("Facility-1", "Hangar-2").
NUMBERED = re.compile(r"-\d+$")
# An acronym: two to six capitals ("CERN", "RN").
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# NER labels a model code never has.
NOT_A_MODEL_TYPE = ("GPE", "LOC", "PERSON")


def head_type(name: str, data: dict[str, Any]) -> Optional[str]:
    """The contract type a name's head word gives it, or None.

    name (str): the cleaned name ("Municipality of Livorno").
    data (dict[str, Any]): the language's entities.yaml (`type_heads`, `name_links`).
    RETURNS (Optional[str]): ORG, LOC, PRODUCT, EVENT... or None when no head is listed.
    """
    words = name.casefold().replace("’", "'").split()
    heads = _heads(data)
    if len(words) == 1:
        # A capitalised institution word alone names the institution ("the Court ruled", « l'Assemblée »).
        return "ORG" if heads.get(words[0]) == "ORG" and name[:1].isupper() else None
    links = {w.casefold() for w in data.get("name_links", [])}
    last, first = NUMBERED.sub("", words[-1]), words[0]  # "Tolvik Facility-1" is a facility
    if data.get("head_first"):
        return heads.get(first) or heads.get(last)
    if words[1] in links or any(words[1].startswith(link) for link in links if link.endswith("'")):
        return heads.get(first) or heads.get(last)
    return heads.get(last) or heads.get(" ".join(words[:2]))


def _heads(data: dict[str, Any]) -> dict[str, str]:
    return _heads_cached(tuple((t, tuple(ws)) for t, ws in (data.get("type_heads") or {}).items()))


@lru_cache(maxsize=16)
def _heads_cached(table: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    return {w.casefold(): etype for etype, words in table for w in words}


def is_model_code(name: str) -> bool:
    """Whether a name is shaped like a model code ("IE6", "S-400"), which makes it a PRODUCT."""
    return bool(MODEL_CODE.match(name)) and any(c.isdigit() for c in name) and not name.isdigit()


def refine_type(name: str, label_type: str, data: dict[str, Any]) -> str:
    """The type of an unknown name: its head word's, else PRODUCT for a model code, ORG for an
    acronym the NER took for a place, else the NER's."""
    by_head = head_type(name, data)
    if by_head is not None:
        return by_head
    if label_type in NOT_A_MODEL_TYPE and is_model_code(name):
        return "PRODUCT"
    if label_type == "GPE" and ACRONYM.match(name):
        return "ORG"  # an unknown acronym is an organisation; countries' acronyms are in the gazetteer
    return label_type


def after_job_title(tokens: SpacySpan, data: dict[str, Any]) -> Optional[tuple[int, bool]]:
    """Where the name starts after a leading job title, and whether a person's name follows.

    tokens (Span): a name span of the NER.
    data (dict[str, Any]): the language's entities.yaml (`job_titles`).
    RETURNS (Optional[tuple[int, bool]]): None when the span does not start with a title; else
        (token index after the title, True when a capitalised name follows it).
    """
    titles = {w.casefold() for w in data.get("job_titles", [])}
    if len(tokens) == 0 or tokens[0].lower_ not in titles:
        return None
    index = 1
    while index < len(tokens) and tokens[index].lower_ in titles:
        index += 1
    rest = tokens[index:]
    person = len(rest) > 0 and all(t.text[:1].isupper() or not t.is_alpha for t in rest)
    return tokens[index].i if index < len(tokens) else tokens.end, person


# Small words an acronym skips ("Organisation for the Prohibition of Chemical Weapons" -> OPCW).
ACRONYM_SKIPS = frozenset({"of", "for", "the", "and", "at", "on", "in", "to", "de", "du", "des", "la", "le", "les",
                           "et", "pour", "d", "l", "&"})


def is_acronym_of(short: str, name: str) -> bool:
    """Whether `short` ("HRW", "KSC", "CDC") is the acronym of the longer `name`.

    Its letters are the initials of the name's words, small words left out, all of them
    or the last ones after a leading qualifier ("US Centre for Disease Control" -> CDC).
    """
    letters = short.replace(".", "")
    if any(c.isdigit() for c in letters.rstrip("0123456789")) and letters.isalnum() and letters.isupper():
        # A number inside it spells a number word of the name ("M5S" for "Movimento 5 Stelle").
        words = [w for w in re.split(r"[\s\-’']+", name) if w and w.casefold() not in ACRONYM_SKIPS]
        return len(words) >= 2 and "".join(w if w.isdigit() else w[0] for w in words).upper() == letters
    version = letters[len(letters.rstrip("0123456789")):]
    if version:  # "IE7" for "Webview Navigator 7": same version, letters of the rest
        letters = letters[:-len(version)]
        if not name.endswith(" " + version):
            return False
        name = name[:-len(version)].strip()
    elif name[-1:].isdigit():
        return False  # "WN" is the series, not "Webview Navigator 7"
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    # The initials of every capitalised word, small words written with a capital included ("Tolvik Brann Les
    # Verts" -> TBLV).
    every = "".join(unicodedata.normalize("NFD", w[0])[0] for w in re.split(r"[\s\-’']+", name) if w and w[0].isupper())
    if len(letters) >= 3 and every == letters:
        return True
    words = [w for w in re.split(r"[\s\-’']+", name) if w and w.casefold() not in ACRONYM_SKIPS]
    initials = "".join(w[0] for w in words if w[0].isalpha()).upper()
    if len(words) < 2 or len(initials) < len(letters):
        return False
    # Or the initials of the capitalised words only ("Five hundred metre Aperture Spherical Telescope" -> FAST).
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return initials == letters or (len(letters) >= 3 and initials.endswith(letters) and len(initials) - len(letters) == 1) \
        or (len(letters) >= 3 and capitals == letters)


def same_person(a: list[str], b: list[str]) -> bool:
    """Whether two full names (match-key words) name one person: same surname, and first names
    equal or one the initial of the other ("B. Obama" / "Barack Obama")."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or len(a) != len(b):
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(a[:-1], b[:-1]))


def place_reading(name: str, ner_type: str, after_locative: list[bool]) -> bool:
    """Whether an unknown name the NER took for a person or an organisation is a place.

    It is when rigour knows it as a country or region ("Slovakia", "Glasgow"), or when
    every one of its mentions follows a locative preposition ("in Tebay").

    name (str): the group's name.
    ner_type (str): its NER type (PERSON or ORG; others are left alone).
    after_locative (list[bool]): per mention, whether a locative preposition precedes it.
    RETURNS (bool): True for GPE.
    """
    if ner_type not in ("PERSON", "ORG") or not name[:1].isupper():
        return False
    if len(name.split()) == 1 and not name.isupper():
        if lookup_territory(name) is not None:
            return True
    return bool(after_locative) and all(after_locative)


def retype_places(doc: Doc, groups: list[Any], data: dict[str, Any]) -> None:
    """Unknown names the NER took for people or organisations that the text uses as places
    ("born in Tolvik", "between Tolvik and Brann") become GPEs (see `place_reading`).

    groups (list[Group]): the article's mention groups (extract/entities.py), retyped in place.
    """
    locatives = {w.casefold() for w in data.get("locative_prepositions", [])}
    starts = token_bounds(doc)[0]
    for group in groups:
        if group.entry is not None:
            continue
        after = []
        for mention in group.mentions:
            index = starts.get(mention.span.start)
            previous = doc[index - 1] if index else None
            if previous is not None and previous.lower_ in ("and", "or", "et", "ou") and index > 2 and doc[index - 2].ent_type_:
                previous = doc[index - 3]  # the second of two names: "between Tolvik and Brann"
            after.append(previous is not None and previous.lower_ in locatives)
        if place_reading(group.name, group.type, after):
            for mention in group.mentions:
                mention.type = "GPE"


def national_body_spans(doc: Doc, data: dict[str, Any], english: dict[str, Any],
                        text: str) -> list[tuple[Span, str]]:
    """A country's bodies named by a nationality adjective and a noun: (span, canonical name) pairs.

    `national_bodies` in entities.yaml maps a name pattern to its nouns: the span is the
    adjective with the noun ("Indonesian military", « armée russe », « gouvernement malien »),
    the name the pattern with the English adjective or the country's English name
    ("Indonesian Armed Forces", "Government of Mali"), the same in every language; without
    a listed English adjective, "{adjective} Armed Forces" becomes "Armed Forces of <country>".

    doc (Doc): the parsed article.
    data (dict[str, Any]): the article language's entities.yaml (`national_bodies`,
        `nationalities`, `adjective_after_noun`).
    english (dict[str, Any]): the English entities.yaml (adjectives for names).
    text (str): the Doc's text.
    RETURNS (list[tuple[Span, str]]): one pair per mention, in text order.
    """
    kinds = data.get("national_bodies") or {}
    if not kinds:
        return []
    nouns = sorted(((tuple(n.casefold().split()), kind) for kind, forms in kinds.items() for n in forms),
                   key=lambda item: -len(item[0]))
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # only the nouns a token can start
    for item in nouns:
        if item[0]:
            by_first.setdefault(item[0][0], []).append(item)
    after = bool(data.get("adjective_after_noun"))
    adjectives = _adjective_codes(data)
    english_adjectives = {code: forms[0] for code, forms in (english.get("nationalities") or {}).items() if forms}
    found: list[tuple[Span, str]] = []
    lowers = words_of(doc)[1]
    index = 0
    while index < len(doc):
        match = _noun_at(doc, index, by_first.get(lowers[index], ()))
        if match is None:
            index += 1
            continue
        length, kind = match
        if doc[index if after else index + length - 1].pos_ not in ("NOUN", "PROPN"):  # the head noun
            index += length  # "Chinese military drones": the adjective, not the forces
            continue
        adjective = doc[index + length] if after and index + length < len(doc) else (
            doc[index - 1] if not after and index > 0 else None)
        code = _country_of(adjective.text, adjectives) if adjective is not None else None
        possessor = None if after or code is not None else _possessor_before(doc, index)
        if possessor is not None:  # "Ukraine's forces": the country is its own mention, the noun the body
            code = _country_of(possessor.text, {})
        complement = _country_after(doc, index + length) if after and code is None else None
        if complement is not None:  # « les forces armées de l'Ukraine »: one name with its country
            code = _country_of(doc[complement - 1].text, {})
        if code is None:
            index += length
            continue
        start, end = (index, index + length + 1) if after else (index - (possessor is None), index + length)
        if complement is not None:
            end = complement
        span = Span.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        adjective_en = english_adjectives.get(code)
        if "{adjective}" in kind and adjective_en is None:
            name = kind.replace("{adjective} ", "") + " of " + _country_name(code)
        else:
            name = kind.format(adjective=adjective_en, country=_country_name(code))
        found.append((span, name))
        index = end
    return found


# Link words and articles between a French body and its country (« de l'Ukraine », « de la Russie », « du Mali »).
COUNTRY_LINKS = ("de", "du", "des", "d'", "d’")
COUNTRY_ARTICLES = ("la", "l'", "l’")


def _country_after(doc: Doc, index: int) -> Optional[int]:
    """The end of a one-word country linked after a body (« forces armées de l’Tolvikie »), or None."""
    if index >= len(doc) or doc[index].lower_ not in COUNTRY_LINKS:
        return None
    at = index + 1
    if at < len(doc) and doc[at].lower_ in COUNTRY_ARTICLES:
        at += 1
    if at >= len(doc) or doc[at].ent_type_ not in ("GPE", "LOC") or (at + 1 < len(doc) and doc[at + 1].ent_iob_ == "I"):
        return None
    territory = lookup_territory(doc[at].text)
    return at + 1 if territory is not None and territory.is_country else None


def _possessor_before(doc: Doc, index: int) -> Optional[Token]:
    """The one-word country that owns the noun at `index` ("Tolvikia's forces", "Tolvikia's existing air
    force"), or None."""
    at = index - 1
    if at > 0 and doc[at].pos_ in ("ADJ", "VERB") and doc[at].is_lower and doc[at].lower_ not in ("'s", "’s"):
        at -= 1  # one adjective between
    if at < 1 or doc[at].lower_ not in ("'s", "’s") or doc[at - 1].ent_type_ != "GPE":
        return None
    return doc[at - 1]


def _noun_at(doc: Doc, index: int, nouns: Iterable[tuple[tuple[str, ...], str]]) -> Optional[tuple[int, str]]:
    for words, kind in nouns:
        end = index + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[index:end]) == words:
            return len(words), kind
    return None


def _adjective_codes(data: dict[str, Any]) -> dict[str, str]:
    return {form.casefold(): code for code, forms in (data.get("nationalities") or {}).items() for form in forms}


def _country_of(word: str, adjectives: dict[str, str]) -> Optional[str]:
    """The ISO code of a nationality adjective: the language's list first, then rigour's territory names."""
    code = adjectives.get(word.casefold())
    if code is not None:
        return code
    if not word[:1].isupper() or not word.isalpha():
        return None
    territory = lookup_territory(word)
    if territory is None or not territory.is_country:
        return None
    return territory.code.upper()


def _country_name(code: str) -> str:
    territory = get_territory(code.lower())
    return territory.name if territory is not None else code


__all__ = ["after_job_title", "national_body_spans", "is_acronym_of", "head_type", "is_model_code", "place_reading", "refine_type", "retype_places", "same_person"]
