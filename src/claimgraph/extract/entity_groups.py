"""Mentions of one article grouped into entities, and the mentions a group's names add.

Mentions group by gazetteer entry, by normalised name whatever the NER type, initials of one
person ("B. Obama" = "Barack Obama"), the plural of a code or acronym ("HARMs" = "HARM"), or a
short form of a longer name ("Stoltenberg" -> "Jens Stoltenberg", "Kupol" -> "IEMZ Kupol"; a
surname the NER took for a place joins its person). Then bare surnames and acronyms the NER
missed join the one group they belong to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from claimgraph.extract.doc_text import texts_of, token_bounds
from claimgraph.extract.entity_types import ACRONYM, is_acronym_of, is_model_code, same_person
from claimgraph.model import Span
from claimgraph.resolve.gazetteer import GazetteerEntry
from claimgraph.resolve.match import match_key

# The series name of a numbered product written without its number ("Navigator" but not "Navigator 7").
SERIES_FORM = r"(?<!\w){}(?![\w-]| ?\d)"
# Types whose short forms join a longer name of the same article, and the types they may join.
SHORT_FORM_TARGETS = {"PERSON": ("PERSON",), "ORG": ("ORG", "PRODUCT"), "PRODUCT": ("PRODUCT", "ORG"), "EVENT": ("EVENT",)}


@dataclass(slots=True)
class Mention:
    """One name mention: where it is, its type and what it resolved to."""

    span: Span
    type: str
    name: str
    entry: Optional[GazetteerEntry] = None
    institution: Optional[str] = None
    sentence: int = 0


@dataclass(slots=True, eq=False)
class Group:
    """Mentions of one article that name the same thing."""

    mentions: list[Mention] = field(default_factory=list)
    entry: Optional[GazetteerEntry] = None

    @property
    def first(self) -> int:
        return min(m.span.start for m in self.mentions)

    @property
    def type(self) -> str:
        if self.entry is not None:
            return self.entry.type
        types = [m.type for m in self.mentions]
        return max(dict.fromkeys(types), key=types.count)

    @property
    def name(self) -> str:
        if self.entry is not None:
            return self.entry.name
        # The fullest form names the group ("Jens Stoltenberg" over "Stoltenberg").
        names = [m.name for m in self.mentions]
        return max(dict.fromkeys(names), key=lambda n: (len(n.split()), names.count(n), len(n)))


def group_mentions(mentions: list[Mention]) -> list[Group]:
    """Group an article's mentions: by gazetteer entry, by normalised name, then short forms."""
    by_entry: dict[str, Group] = {}
    by_name: dict[tuple[str, str], Group] = {}
    for mention in mentions:
        if mention.entry is not None:
            group = by_entry.setdefault(mention.entry.key, Group(entry=mention.entry))
        else:
            # One key for every NER type: the small models label one name differently from one sentence to the next.
            group = by_name.setdefault((match_key(mention.name), ""), Group())
        group.mentions.append(mention)
    groups = [*by_entry.values(), *by_name.values()]
    persons = [g for g in by_name.values() if g.type == "PERSON"]
    for index, group in enumerate(persons):  # "B. Obama" and "Barack Obama" first, so "Obama" has one long form
        other = next((o for o in persons[:index] if o in groups
                      and same_person(match_key(o.name).split(), match_key(group.name).split())), None)
        if other is not None:
            other.mentions.extend(group.mentions)
            groups.remove(group)
    for plural in [g for g in by_name.values() if g in groups]:
        singular = _singular_of(plural, groups)
        if singular is not None:  # "HARMs" after "HARM": the plural of a model or an acronym names the same thing
            for mention in plural.mentions:
                mention.type = singular.type
            singular.mentions.extend(plural.mentions)
            groups.remove(plural)
    for short in sorted((g for g in by_name.values() if g in groups), key=lambda g: len(match_key(g.name).split())):
        target = _long_form(short, groups)
        if target is not None:
            target.mentions.extend(short.mentions)
            groups.remove(short)
    return groups


def add_surname_mentions(doc: Doc, groups: list[Group], text: str) -> None:
    """Add the bare surnames the NER missed ("Stoltenberg said ...") to their person.

    Only for a person named in full in the article, only the exact surname as
    written (same capitals), and only when no other person shares it.
    """
    taken = {i for g in groups for m in g.mentions for i in range(m.span.start, m.span.end)}
    surnames: dict[str, list[Group]] = {}
    for group in groups:
        words = group.name.split()
        if group.type == "PERSON" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            surnames.setdefault(words[-1], []).append(group)
    for i, word in enumerate(texts_of(doc) if surnames else ()):  # by index: a Token only for a surname
        owners = surnames.get(word)
        if owners is None or len(owners) != 1:
            continue
        token = doc[i]
        if token.idx in taken:
            continue
        span = Span.of(text, token.idx, token.idx + len(token.text))
        owners[0].mentions.append(Mention(span=span, type="PERSON", name=token.text, entry=owners[0].entry))


def add_acronym_mentions(doc: Doc, groups: list[Group], text: str) -> None:
    """Add the acronyms the NER missed ("KSC" after "Kennedy Space Center") to the one name they abbreviate."""
    taken = {i for g in groups for m in g.mentions for i in range(m.span.start, m.span.end)}
    long_names = [g for g in groups if g.type != "PERSON" and len(g.name.split()) >= 2]
    for i, word in enumerate(texts_of(doc) if long_names else ()):
        # `token.is_upper`, `is_alpha` and `len(token)` are these tests of its text: a Token only for an acronym
        if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 6):
            continue
        token = doc[i]
        if token.idx in taken:
            continue
        owners = [g for g in long_names if is_acronym_of(token.text, g.name)]
        if len(owners) == 1:
            span = Span.of(text, token.idx, token.idx + len(token.text))
            owners[0].mentions.append(Mention(span=span, type=owners[0].type, name=token.text, entry=owners[0].entry))


def add_series_mentions(doc: Doc, groups: list[Group], text: str) -> None:
    """Make a numbered product's series ("Webview Navigator" of "Webview Navigator 7") a product of
    its own (ANNOTATION 3.1) wherever the article writes it without a number, and give it the groups
    that are its acronym ("WN"). A name the NER cut inside it ("Navigator") gives way to it; a group
    the NER already made of it becomes the product.

    doc (Doc): the parsed article.
    groups (list[Group]): the article's groups, extended in place.
    text (str): the Doc's text.
    """
    starts = token_bounds(doc)[0]
    for numbered in [g for g in groups if g.type == "PRODUCT" and g.entry is None]:
        words = numbered.name.split()
        if len(words) < 3 or not words[-1].isdigit():
            continue
        series = " ".join(words[:-1])
        group = next((g for g in groups if match_key(g.name) == match_key(series)), None)
        if group is not None and (group.entry is not None or group.type == "PERSON"):
            continue
        if group is None:
            spans = [Span.of(text, m.start(), m.end()) for m in re.finditer(SERIES_FORM.format(re.escape(series)), text)
                     if m.start() in starts]
            inside = [(g, m) for g in groups for m in g.mentions
                      if any(s.start <= m.span.start and m.span.end <= s.end for s in spans)]
            if not spans or any(g.entry is not None for g, _ in inside):
                continue
            for owner, mention in inside:
                owner.mentions.remove(mention)
            group = Group(mentions=[Mention(span=span, type="PRODUCT", name=series) for span in spans])
            groups[:] = [g for g in groups if g.mentions] + [group]
        for mention in group.mentions:
            mention.type = "PRODUCT"
        for acronym in [g for g in groups if g.entry is None and g is not group and is_acronym_of(g.name, series)]:
            group.mentions += [Mention(span=m.span, type="PRODUCT", name=m.name) for m in acronym.mentions]
            acronym.mentions = []
        groups[:] = [g for g in groups if g.mentions]


def join_bracketed(groups: list[Group], text: str) -> list[Group]:
    """One group for a name and the other form written in brackets right after it ("the TEC (Tolvik
    Episcopal Conference)", "Tolvik Watch (TW)"), when the gazetteer knows neither and both are organisations
    or products and one of the two is an acronym: an article spells an acronym out where its letters need not
    match (another language's order)."""
    starts = {m.span.start: g for g in groups for m in g.mentions}
    for group in list(groups):
        if group not in groups or group.entry is not None or group.type not in ("ORG", "PRODUCT"):
            continue
        for mention in list(group.mentions):
            end = mention.span.end
            other = starts.get(end + 2) if text[end:end + 2] == " (" else None
            if other is None or other is group or other not in groups or other.entry is not None \
                    or other.type not in ("ORG", "PRODUCT"):
                continue
            if not any(text[m.span.end:m.span.end + 1] == ")" for m in other.mentions if m.span.start == end + 2):
                continue
            if not (ACRONYM.match(mention.span.text) or any(ACRONYM.match(m.span.text) for m in other.mentions)):
                continue  # "Tolvikgram (Brannco)": a company's product and its owner, two names
            for moved in other.mentions:
                moved.type = group.type
            group.mentions.extend(other.mentions)
            groups.remove(other)
            starts.update({m.span.start: group for m in other.mentions})
    return groups


def _singular_of(plural: Group, groups: list[Group]) -> Optional[Group]:
    """The group named by `plural`'s name without its plural "s", when that name is an acronym or a model code."""
    name = plural.name
    singular = name[:-1]
    if not name.endswith("s") or not (ACRONYM.match(singular) or is_model_code(singular)):
        return None
    return next((g for g in groups if g is not plural and g.type != "PERSON" and g.name == singular), None)


def _long_form(short: Group, groups: list[Group]) -> Optional[Group]:
    """The one group whose name contains `short`'s name as whole words, when exactly one does."""
    allowed = SHORT_FORM_TARGETS.get(short.type)
    words = match_key(short.name).split()
    if not words:
        return None
    if short.type != "PERSON" and words[-1].isdigit():
        return None  # a numbered model is its own entity, not a part of a longer name (ANNOTATION 3.1)
    if short.type != "PERSON" and len(words) == 1:
        # A bare surname or first name the NER took for a place or an organisation ("Montalvo said").
        persons = [g for g in groups if g is not short and g.type == "PERSON" and g.entry is None
                   and _is_edge_part(words, match_key(g.name).split())]
        if len(persons) == 1:
            for mention in short.mentions:
                mention.type = "PERSON"
            return persons[0]
    acronym_of = [g for g in groups if g is not short and g.type != "PERSON" and len(g.name.split()) >= 2
                  and is_acronym_of(short.name, g.name)]
    if len(acronym_of) == 1 and len(words) == 1:  # "HRW" -> "Human Rights Watch", whatever the NER called it
        for mention in short.mentions:
            mention.type = acronym_of[0].type
        return acronym_of[0]
    if allowed is None:
        return None
    found: list[Group] = []
    for group in groups:
        if group is short or group.type not in allowed:
            continue
        if short.type != "PERSON" and match_key(group.name).split()[:-1] == words and group.name[-1:].isdigit():
            continue  # "Navigator" is the series of "Navigator 7", not a short form of it (ANNOTATION 3.1)
        forms = [group.name, *(m.name for m in group.mentions)]
        if short.type == "PERSON":
            # A surname or a first name stands for the person ("Stoltenberg", "Jens").
            hit = any(_is_edge_part(words, match_key(f).split()) for f in forms)
        else:
            hit = any(_is_part(words, match_key(f).split()) for f in forms)
        if hit and group not in found:
            found.append(group)
    if len(found) > 1 and short.type == "PERSON":
        # A surname over a first word ("Warhol" is Andy Warhol's, not the "Warhol Polaroid"'s).
        found = [g for g in found if match_key(g.name).split()[-len(words):] == words]
    if not found and short.type == "PERSON" and len(words) == 1:
        # No person has it, one product ends with it: "Chrome" after "Tolvik Chrome" is the product.
        products = [g for g in groups if g is not short and g.type == "PRODUCT"
                    and len(match_key(g.name).split()) >= 2 and match_key(g.name).split()[-1:] == words]
        if not products:
            # Nor a product, but a maker's name with it the NER took for a company ("Tolvik Navigator", then
            # "Navigator" alone): a company is not called by its last word, a maker's product is.
            products = [g for g in groups if g is not short and g.type == "ORG" and g.entry is None
                        and len(match_key(g.name).split()) == 2 and match_key(g.name).split()[-1:] == words]
            for product in products[:1] if len(products) == 1 else []:
                for mention in product.mentions:
                    mention.type = "PRODUCT"
        if len(products) == 1:
            for mention in short.mentions:
                mention.type = "PRODUCT"
            return products[0]
    return found[0] if len(found) == 1 else None


def _is_part(words: list[str], longer: list[str]) -> bool:
    n = len(words)
    return n < len(longer) and any(longer[i:i + n] == words for i in range(len(longer) - n + 1))


def _is_edge_part(words: list[str], longer: list[str]) -> bool:
    n = len(words)
    return n < len(longer) and (longer[:n] == words or longer[-n:] == words)


__all__ = ["Group", "Mention", "SHORT_FORM_TARGETS", "add_acronym_mentions", "join_bracketed",
           "add_series_mentions", "add_surname_mentions", "group_mentions"]
