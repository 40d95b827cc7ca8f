"""Names read across their article: every repetition of a name, and the type its context gives.

The statistical NER decides sentence by sentence, so one name is tagged in one
sentence, missed in the next and typed differently in a third. An article names a
thing the same way throughout, so:

* `add_repeated_mentions`: each written form of a grouped name is a mention wherever
  it is repeated (same letters, same capitals), when no other group has that form;
* `context_types`: words next to a name tell its type in news prose, and they beat
  the NER's guess for names the gazetteer does not know: a descriptor before it
  ("the operator Eugas", « le groupe italien Eni », "missiles antichars Milan"), the
  noun it modifies ("the Tolvik organization", "Sea King helicopters"), a place noun
  with a link word ("the island of Capri", « la ville de Tolvik ») or a region after a
  comma ("Evansville, Indiana"); a person's role right before the name or heading an
  apposition after it makes it a person ("disaster agency official Tolvik", "Tolvik, an
  official from the local agency,"). Word lists: `type_descriptors`, `person_roles` in entities.yaml.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Iterator, Optional

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import token_bounds, words_of
from claimgraph.extract.entity_types import head_type
from claimgraph.model import Span

# Dependency labels of a name that modifies the noun after it ("Sea King helicopters").
MODIFIER_DEPS = ("compound", "nmod", "amod", "npadvmod", "appos")
# Link words between a place noun and a name ("the island of Capri", « la ville de Tolvik »).
LINKS = ("of", "de", "d'", "d’")
# A numbered code: capitals, maybe a hyphen, digits ("STS-133", "M777"). Codes of one family share a type.
CODE = re.compile(r"^([A-Z]{1,5})-?\d{1,4}$")
# How many adjectives, participles and hyphens may stand between a French descriptor and its name.
MAX_ADJECTIVES_AFTER = 5
# Descriptor kind for the people of a group ("members of", « militants de »): an ORG after a link word.
MEMBERS = "MEMBERS"


def add_repeated_mentions(doc: Doc, groups: list[Any], text: str, make: Any, data: dict[str, Any]) -> None:
    """Add the repetitions of each group's written forms that the NER missed.

    doc (Doc): the parsed article.
    groups (list[Group]): the article's groups, extended in place.
    text (str): the Doc's text.
    make (Callable): (span, group) -> Mention for the group.
    data (dict[str, Any]): the language's entities.yaml (nationality words are never repeated alone).
    """
    adjectives = {f.casefold() for forms in (data.get("nationalities") or {}).values() for f in forms}
    taken = bytearray(len(text) + 1)
    for group in groups:
        for mention in group.mentions:
            taken[mention.span.start:mention.span.end] = b"\x01" * (mention.span.end - mention.span.start)
    owners: dict[str, list[Any]] = {}
    for group in groups:
        for form in {m.span.text for m in group.mentions}:
            if _repeatable(form) and form.casefold() not in adjectives and group not in owners.setdefault(form, []):
                owners[form].append(group)
    starts, ends = token_bounds(doc)
    for form in sorted((f for f, g in owners.items() if len(g) == 1), key=len, reverse=True):
        for start in _word_occurrences(text, form):
            end = start + len(form)
            if start not in starts or end not in ends or any(taken[start:end]):
                continue
            if _inside_longer_name(doc, starts[start], ends[end]):
                continue
            group = owners[form][0]
            group.mentions.append(make(Span.of(text, start, end), group))
            taken[start:end] = b"\x01" * (end - start)


def _word_occurrences(text: str, form: str) -> Iterator[int]:
    r"""Where `form` stands in `text` as a whole word, in order: the starts of
    `re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text)` (`\w` is a letter, digit or "_"),
    without compiling a pattern for every form of every article."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end])):
            yield start
            start = text.find(form, end)
        else:
            start = text.find(form, start + 1)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _repeatable(form: str) -> bool:
    """A form worth looking for: capitalised, at least two letters, not a lone initial."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and form[:1].isupper()


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """A form glued to another capitalised word is part of another name ("Virgin" in "Virgin Atlantic")."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    return any(t is not None and t.text[:1].isupper() and t.is_alpha and not t.is_sent_start for t in (after, before))


def context_types(doc: Doc, groups: list[Any], data: dict[str, Any]) -> None:
    """Retype the unknown groups whose mentions' context words name a type (majority of votes).

    doc (Doc): the parsed article.
    groups (list[Group]): the article's groups, retyped in place (their mentions' types).
    data (dict[str, Any]): the language's entities.yaml (`type_descriptors`, `name_links`).
    """
    descriptors = _descriptors(data)
    if not descriptors:
        return
    starts, ends = token_bounds(doc)
    after = bool(data.get("adjective_after_noun"))
    family_types: dict[str, str] = {}
    voted: set[int] = set()
    facilities = frozenset(w.casefold() for w in (data.get("type_heads") or {}).get("LOC", []))
    makers = frozenset(w.casefold() for w in data.get("maker_verbs", []))
    roles = frozenset(w.casefold() for w in data.get("person_roles", []))
    for group in groups:
        if group.entry is not None or head_type(group.name, data) is not None:
            continue  # a head word says more than the words around ("the Tolvik Institute, Indiana")
        full_name = group.type == "PERSON" and len(group.name.split()) >= 2
        votes: Counter[str] = Counter()
        for mention in group.mentions:
            start, end = starts.get(mention.span.start), ends.get(mention.span.end)
            if start is not None and end is not None:
                vote = _person_role(doc, start, end, roles) or _context_type(doc, start, end, descriptors, after, facilities) \
                    or _maker(doc, start, makers)
                # A full personal name keeps its type but for its members ("the organization by Ana Ruiz").
                if vote is not None and (not full_name or _members_before(doc, start, descriptors)):
                    votes[vote] += 1
        if votes:
            etype = votes.most_common(1)[0][0]
            for mention in group.mentions:
                mention.type = etype
            voted.add(id(group))
            family = code_family(group.name)
            if family is not None:
                family_types.setdefault(family, etype)
    for group in groups:  # "STS-1, the first mission" types "STS-133" and "STS-134" of the same article
        family = code_family(group.name) if group.entry is None and id(group) not in voted else None
        if family in family_types and head_type(group.name, data) is None:
            for mention in group.mentions:
                mention.type = family_types[family]


def code_family(name: str) -> Optional[str]:
    """The letters of a numbered code ("STS" of "STS-133", "M" of "M777"), or None for other names."""
    found = CODE.match(name)
    return found.group(1) if found else None


def described_name(tokens: SpacySpan, data: dict[str, Any]) -> tuple[SpacySpan, Optional[str]]:
    """A name the NER gave no type (French MISC) and the type its descriptor gives it, if any:
    « missiles antichars Falco » -> ("Falco", PRODUCT), « le groupe Verdano » -> ("Verdano", ORG).

    tokens (Span): the NER's span, trimmed.
    data (dict[str, Any]): the language's entities.yaml (`type_descriptors`, `name_links`).
    RETURNS (tuple[Span, Optional[str]]): the name without its leading lowercase words, and its type.
    """
    doc = tokens.doc
    start = tokens.start
    while start < tokens.end - 1 and doc[start].is_lower:
        start += 1
    descriptors = _descriptors(data)
    after = bool(data.get("adjective_after_noun"))
    return doc[start:tokens.end], _context_type(doc, start, tokens.end, descriptors, after) if descriptors else None


def _descriptors(data: dict[str, Any]) -> dict[str, str]:
    return _descriptors_cached(tuple((t, tuple(ws)) for t, ws in (data.get("type_descriptors") or {}).items()))


@lru_cache(maxsize=16)
def _descriptors_cached(table: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    return {w.casefold(): etype for etype, words in table for w in words}


def descriptor_words(data: dict[str, Any]) -> dict[str, str]:
    """Descriptor word (casefolded) -> contract type, from `type_descriptors` in entities.yaml."""
    return _descriptors(data)


def descriptor_around(doc: Doc, start: int, end: int, data: dict[str, Any]) -> Optional[str]:
    """The type a descriptor gives a name at tokens start..end: right before it ("the operator", « le
    site ») or in an apposition after it ("Rilco, an energy major,"); None otherwise. The noun
    after a word is no evidence that the word is a name."""
    descriptors = _descriptors(data)
    appositive = _appositive_noun(doc, end)
    if appositive is not None:
        etype = descriptors.get(appositive.lower_) or descriptors.get(appositive.lemma_.casefold())
        if etype is not None and etype not in ("GPE", MEMBERS):
            return etype
    for before, linked in _words_before(doc, start, bool(data.get("adjective_after_noun"))):
        word = before.lower_ if before.lower_ in descriptors else before.lemma_.casefold()
        etype = descriptors.get(word)
        if etype is not None and etype != MEMBERS and linked == (etype == "GPE"):
            return etype
    return None


def _context_type(doc: Doc, start: int, end: int, descriptors: dict[str, str], adjective_after: bool,
                  facilities: frozenset[str] = frozenset()) -> Optional[str]:
    """The type the words around tokens start..end give the name there, or None."""
    compound = _compound_before(doc, start)
    if compound is not None and descriptors.get(compound) not in (None, "GPE", MEMBERS):
        return descriptors[compound]  # "state-run Tolvikgaz"
    for before, linked in _words_before(doc, start, adjective_after):
        word = before.lower_ if before.lower_ in descriptors else before.lemma_.casefold()
        etype = descriptors.get(word)
        if etype == MEMBERS and linked:
            return "ORG"  # "members of Tolvik Front", « les militants de Tolvik »
        if etype is not None and etype != MEMBERS and linked == (etype == "GPE"):
            return etype  # a place through a link word ("island of"), anything else right before the name
    root = doc[start:end].root
    appositive = _appositive_noun(doc, end)
    if appositive is not None:
        etype = descriptors.get(appositive.lower_) or descriptors.get(appositive.lemma_.casefold())
        if etype is not None and etype not in ("GPE", MEMBERS):
            return etype  # "Rilco, an Italian energy major,", "TX-4, the first crewed mission."
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.i >= end and head.pos_ == "NOUN":
        etype = descriptors.get(head.lower_) or descriptors.get(head.lemma_.casefold())
        if head.lower_ in facilities and etype != "LOC":
            etype = None  # a facility noun after a name tells where it is: "the Tolvik station" is in Tolvik
        if etype is not None and etype not in ("GPE", "EVENT", MEMBERS):  # a "Tolvik mission" goes to Tolvik
            return etype
    if end + 1 < len(doc) and doc[end].text == "," and doc[start].ent_type_ not in ("PERSON", "ORG") \
            and _region_after_comma(doc, end + 1):
        return "GPE"  # "Tolvik, Indiana, said", "in Tolvik, Indiana."
    if end - start == 1 and start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "GPE" \
            and (end == len(doc) or doc[end].is_punct):
        return "GPE"  # the region after its town: "in Tolvik, Brannshire, to pay"
    return None


def drop_eponyms(doc: Doc, groups: list[Any], data: dict[str, Any]) -> list[Any]:
    """The groups without the names that only lend themselves to a term ("the Tolvik boson",
    « le théorème de Tolvik »): the term is no entity, and its name is not the person.

    doc (Doc): the parsed article.
    groups (list[Group]): the article's groups.
    data (dict[str, Any]): the language's entities.yaml (`eponym_nouns`).
    RETURNS (list[Group]): the groups left, each without its eponym mentions.
    """
    nouns = {w.casefold() for w in data.get("eponym_nouns", [])}
    if not nouns:
        return groups
    eponyms, terms = set(), set()
    for i, lower in enumerate(words_of(doc)[1]):
        if lower not in nouns:
            continue
        token = doc[i]
        after = token.i + 1
        if after < len(doc) and doc[after].lower_ in LINKS:
            after += 1  # « boson de Tolvik »
        if not token.is_lower:
            if after > token.i + 1 and after < len(doc) and doc[after].text[:1].isupper():
                terms.add(token.idx)  # a headline's « Boson de Tolvik »: the term, capitalised
            continue
        if after < len(doc) and doc[after].text[:1].isupper():
            eponyms.add(doc[after].idx)
        if token.i > 0 and doc[token.i - 1].text[:1].isupper() and not doc[token.i - 1].is_sent_start:
            eponyms.add(doc[token.i - 1].idx)  # "the Tolvik boson"
    if not eponyms and not terms:
        return groups
    for group in groups:
        group.mentions = [m for m in group.mentions if m.span.start not in eponyms | terms
                          and not any(m.span.start < e < m.span.end for e in eponyms)]
    return [g for g in groups if g.mentions]


def _appositive_noun(doc: Doc, end: int) -> Optional[Any]:
    """The head noun of a short apposition after a name ("X, the first crewed mission.", « X, un
    géant de l'énergie, ») or None: a comma, a determiner, lowercase modifiers, a noun, punctuation."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    index = end + 1
    if doc[index].pos_ in ("DET", "PRON"):
        index += 1
    noun = None
    for token in doc[index:index + 6]:
        if token.is_punct:
            return noun
        if token.pos_ not in ("ADJ", "NOUN", "NUM", "VERB") or not (token.is_lower or token.pos_ == "ADJ"):
            return None  # lowercase words, or a nationality ("an Italian energy major")
        noun = token if token.pos_ == "NOUN" else noun
    return None


def _person_role(doc: Doc, start: int, end: int, roles: frozenset[str]) -> Optional[str]:
    """PERSON for a name a person's role introduces: the role noun right before it ("disaster agency official
    Tolvik", « le porte-parole Tolvik ») or heading a short apposition after it ("Tolvik, an official from the
    local agency,", « Tolvik, un responsable de l'agence, »); None otherwise."""
    if not roles:
        return None
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.is_lower and before.pos_ == "NOUN" and before.lower_ in roles:
        return "PERSON"
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    index = end + 1 + (doc[end + 1].pos_ == "DET")
    for token in doc[index:index + 4]:
        if not token.is_lower or token.pos_ not in ("ADJ", "NOUN"):
            return None
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.pos_ == "NOUN" and token.lower_ in roles and (following is None or following.is_punct
                                                                 or following.pos_ == "ADP"):
            return "PERSON"
    return None


def _region_after_comma(doc: Doc, index: int) -> bool:
    """A place name after a comma that ends there ("Tolvik, Indiana," but not "the Post, US ozone")."""
    if doc[index].ent_type_ != "GPE" or doc[index].ent_iob_ != "B":
        return False
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end == len(doc) or doc[end].is_punct


def _members_before(doc: Doc, start: int, descriptors: dict[str, str]) -> bool:
    return start > 1 and doc[start - 1].lower_ in LINKS and descriptors.get(doc[start - 2].lower_) == MEMBERS


def _adjective_like(token: Any) -> bool:
    return token.is_lower and (token.pos_ == "ADJ" or (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm")))


def _maker(doc: Doc, start: int, makers: frozenset[str]) -> Optional[str]:
    """ORG for the agent of a passive verb of manufacture ("produced by Tolvik", « fabriqué par Tolvik »):
    goods are made by companies (a person's full name keeps its type, see context_types)."""
    if start < 2 or doc[start - 1].lower_ not in ("by", "par"):
        return None
    verb = doc[start - 2]
    return "ORG" if verb.pos_ in ("VERB", "AUX") and verb.lemma_.casefold() in makers else None


def _compound_before(doc: Doc, start: int) -> Optional[str]:
    """The hyphenated lowercase compound right before a name ("state-run" of "state-run Tolvikgaz"), or None."""
    if start < 3 or doc[start - 2].text not in ("-", "–") or doc[start - 3].whitespace_ or doc[start - 2].whitespace_:
        return None
    first, last = doc[start - 3], doc[start - 1]
    return f"{first.lower_}-{last.lower_}" if first.is_lower and last.is_lower else None


def _words_before(doc: Doc, start: int, adjective_after: bool) -> list[tuple[Any, bool]]:
    """The lowercase words that may describe a name, each with whether a link word stands between:
    the word right before it ("the operator Eugas", "energy major Rilco") and, over an adjective
    (or a noun where adjectives follow nouns) or a link word, the one before that (« le groupe italien
    Eni », « missiles antichars Falco », « la ville de Tolvik », "the island of Capri")."""
    out: list[tuple[Any, bool]] = []
    index = start - 1
    if index > 0 and doc[index].pos_ == "DET" and doc[index].is_lower and doc[index - 1].is_lower \
            and doc[index - 1].pos_ == "NOUN":
        index -= 1  # the name's own article after its descriptor: « le collectif la Tolvik du Net »
    elif adjective_after:
        # Over the adjectives and participles after the descriptor: « le gazoduc germano-russe controversé X ».
        back = index
        while back > 0 and start - back <= MAX_ADJECTIVES_AFTER and (_adjective_like(doc[back]) or doc[back].text == "-"):
            back -= 1
        if back < index - 1 and doc[back].pos_ == "NOUN" and doc[back].is_lower:
            return [(doc[back], False)]  # (over one adjective, below)
    if index < 0 or not doc[index].is_lower:
        return out
    word = doc[index]
    out.append((word, False))
    linked = word.lower_ in LINKS
    if index > 0 and doc[index - 1].is_lower and (linked or word.pos_ == "ADJ" or (adjective_after and word.pos_ == "NOUN")):
        out.append((doc[index - 1], linked))
        if adjective_after and word.pos_ == "NOUN" and doc[index - 1].lower_ in LINKS and index > 1 and doc[index - 2].is_lower:
            out.append((doc[index - 2], False))  # over the noun's complement: « l'accélérateur de particules LHC »
    return out


__all__ = ["add_repeated_mentions", "context_types", "described_name", "descriptor_around", "descriptor_words", "drop_eponyms"]
