"""Link an event's arguments to entities: mentions under the argument's head,
and antecedents of pronouns ("en lui fournissant" -> Russia)."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.attribution.sources import media_pattern
from claimgraph.extract.doc_text import doc_text, sentence_of
from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.syntax import subject_of
from claimgraph.model import Attribution, Entity, Span

ANTECEDENT_TYPES = frozenset({"ORG", "GPE", "PERSON"})
THING_TYPES = frozenset({"PRODUCT"})
# How far back (in sentences) a pronoun, a description ("the firm") or an event noun ("the deliveries") looks.
ANTECEDENT_SENTENCES = 2


class MentionIndex:
    """Entity mentions of a document, looked up by character position."""

    def __init__(self, entities: list[Entity]) -> None:
        spans = [(m.start, m.end, e.id, e.type) for e in entities for m in e.mentions]
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]

    def at(self, start: int, end: int) -> Optional[tuple[int, int, str, str]]:
        """The longest mention overlapping [start, end)."""
        i = bisect.bisect_left(self.starts, end)
        best = None
        for s in self.spans[max(0, i - 50):i]:
            if s[0] < end and start < s[1] and (best is None or s[1] - s[0] > best[1] - best[0]):
                best = s
        return best

    def token_ids(self, doc: Doc, types: Optional[frozenset[str]] = None) -> set[int]:
        """Indexes of the tokens inside some mention (of one of `types`, when given)."""
        ids: set[int] = set()
        for start, end, _, etype in self.spans:
            if types is not None and etype not in types:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                ids.update(range(span.start, span.end))
        return ids

    def before(self, position: int, floor: int) -> list[tuple[int, int, str, str]]:
        """Mentions ending before `position` and starting after `floor`, nearest first."""
        return [s for s in reversed(self.spans) if s[1] <= position and s[0] >= floor]


# At most this many words between an organisation's name and its speaker's ("Sudan Armed Forces spokesman X").
_TITLE_WORDS = 2


class QuotedVoices:
    """Who speaks where: the article's outlets, and the organisation a quoted "we" stands for."""

    def __init__(self, text: str, entities: list[Entity], attributions: list[Attribution],
                 media_names: frozenset[str], outlet_heads: frozenset[str] = frozenset()) -> None:
        # An outlet is named whole ("The Independent", "the Harbour Daily News"; not "Independent Front").
        named = media_pattern(media_names, outlet_heads)
        self.outlets = {a.source.entity for a in attributions if a.source.type == "media" and a.source.entity} | {
            e.id for e in entities if e.type == "ORG" and named.fullmatch(re.sub(r"^(?i:the)\s+", "", e.name))}
        self.entities = {e.id: e for e in entities}
        self.organisations = [(m.end, e.id) for e in entities if e.type in ("ORG", "GPE") and e.id not in self.outlets
                              for m in e.mentions]
        self.attributions = attributions
        self.text = text

    def side(self, position: int, exclude: set[str]) -> Optional[str]:
        """The organisation of whoever says the words at `position` ('"We shelled no town," she told the wire'): the
        source itself when it is one, or the one named in the speaker's title ("Sudan Armed Forces spokesman X")."""
        holding = [a for a in self.attributions if a.content.start <= position < a.content.end and a.source.entity]
        if not holding:
            return None
        source = self.entities.get(min(holding, key=lambda a: a.content.end - a.content.start).source.entity or "")
        if source is None:
            return None
        if source.type in ("ORG", "GPE"):
            return source.id if source.id not in self.outlets | exclude else None
        for mention in source.mentions:
            for end, entity_id in self.organisations:
                between = self.text[end:mention.start] if end <= mention.start else None
                if between is not None and entity_id not in exclude and re.fullmatch(
                        rf"(?:\s+[\w-]+){{0,{_TITLE_WORDS}}}\s+", between):
                    return entity_id
        return None


def sentences_back(token: Token, count: int) -> Token:
    """The first token of the sentence `count` sentences before `token`'s (or of the first one)."""
    start = sentence_of(token).start
    for _ in range(count):
        if start == 0:
            break
        start = sentence_of(token.doc[start - 1]).start
    return token.doc[start]


def snap_to_mention(doc: Doc, first: int, last: int, head: Token, index: MentionIndex) -> tuple[Span, Optional[str]]:
    """The argument span and its entity: a phrase that is just a name becomes the name's span.

    "la Russie" -> "Russie" (e3); "des entreprises chinoises" stays whole, no entity;
    a coordination ("Stoltenberg et les chefs d'État") stays whole, no entity.
    """
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    mention = index.at(head.idx, head.idx + len(head.text))
    if mention is None:
        return Span.of(doc_text(doc), start, end), _described_name(head, first, last, index)
    m_start, m_end, entity_id, _ = mention
    outside = [t for t in doc[first:last + 1] if not (m_start <= t.idx < m_end)]
    if any(t.dep_ == "conj" or t.pos_ == "CCONJ" for t in outside):
        return Span.of(doc_text(doc), start, end), None
    if all(t.pos_ in ("DET", "PUNCT", "ADP", "SPACE") for t in outside):
        return Span.of(doc_text(doc), m_start, m_end), entity_id
    after = [t for t in outside if t.idx >= m_end]
    if after and after[0].text in (",", "(", "–", "—") and not [t for t in outside if t.idx < m_start and t.pos_ not in ("DET", "ADP")]:
        # "IEMZ Kupol, a subsidiary of ...": the name is the argument, the apposition describes it
        return Span.of(doc_text(doc), m_start, m_end), entity_id
    return Span.of(doc_text(doc), min(start, m_start), max(end, m_end)), entity_id


# How a name hangs on the noun that describes it: "the state conglomerate Almaz-Antey",
# "du conglomérat public Almaz-Antey" (no preposition in between).
NAME_DEPS = frozenset({"appos", "flat", "flat:name", "compound", "nmod"})


def _described_name(head: Token, first: int, last: int, index: MentionIndex) -> Optional[str]:
    """The entity named right after a describing noun, inside the argument's phrase."""
    for child in head.children:
        if not (head.i < child.i <= last and child.pos_ == "PROPN" and child.dep_ in NAME_DEPS):
            continue
        if any(c.dep_ == "case" or c.pos_ == "ADP" for c in child.children):
            continue  # "the drones of Russia" describes drones, it does not name them
        if any(t.pos_ not in ("ADJ", "DET", "PROPN", "PUNCT") and t.dep_ != "compound" for t in head.doc[head.i + 1:child.i]):
            continue
        mention = index.at(child.idx, child.idx + len(child.text))
        if mention is not None:
            return mention[2]
    return None


def resolve_pronoun(pronoun: Token, index: MentionIndex, lexicon: EventLexicon,
                    exclude: set[str], thing: bool = False) -> Optional[str]:
    """The entity a personal pronoun refers to, when one is clearly near.

    A subject pronoun in a reported clause ("Kupol a informé ... qu'elle pouvait")
    refers to the reporting subject; otherwise the nearest preceding organisation,
    country or person that is not already another argument of the event (a
    pronoun object is not its clause's subject: "la Chine ... en lui fournissant").
    A pronoun that stands for a `thing` (an item: "il était fabriqué en Russie") looks
    for the nearest named product instead. A plural pronoun ("they", « ils ») stands for
    an organisation, never one named person; "we" only for the reporting subject.
    """
    if thing:
        wanted = THING_TYPES
    elif pronoun.lower_ in lexicon.person_pronouns:
        wanted = frozenset({"PERSON"})
    elif pronoun.lower_ in lexicon.plural_pronouns:
        wanted = frozenset({"ORG"})  # "they", « ils »: a body or a group, never one named person (nor a place)
    else:
        wanted = ANTECEDENT_TYPES
    if pronoun.dep_ in lexicon.dep("subject") and not thing:
        clause = pronoun.head
        for ancestor in clause.ancestors:
            subject = subject_of(ancestor, lexicon)
            if subject is None:
                continue
            mention = index.at(subject.idx, subject.idx + len(subject.text))
            plural_person = pronoun.lower_ in lexicon.plural_pronouns and mention is not None and mention[3] == "PERSON"
            if mention is not None and mention[2] not in exclude and not plural_person:
                return mention[2]
            break
    if pronoun.lower_ in lexicon.speaker_pronouns:
        return None  # "we" is whoever speaks, not the name written last
    floor = sentences_back(pronoun, ANTECEDENT_SENTENCES).idx
    if pronoun.lower_ in lexicon.plural_pronouns and not thing:
        group = _nearest_group(pronoun, lexicon)
        named = next((m for m in index.before(pronoun.idx, floor) if m[3] in wanted and m[2] not in exclude), None)
        if group is not None and (named is None or named[0] <= group.idx):
            # "told Xlandic envoys that they should stop": the many just named, by their name if they have one
            mention = index.at(group.idx, group.idx + len(group.text))
            return mention[2] if mention is not None and mention[3] in GROUP_TYPES and mention[2] not in exclude \
                else None
    for start, end, entity_id, etype in index.before(pronoun.idx, floor):
        # « l'armée russe ... Ils bombardent »: a plural pronoun stands for a body's people, whatever its noun's gender
        plural = pronoun.lower_ in lexicon.plural_pronouns
        if etype in wanted and entity_id not in exclude and (plural or _gender_agrees(pronoun, start, end)):
            return entity_id
    return None


# What a plural group written as a noun phrase may be named as ("Sudan's armed forces", "the Houthis").
GROUP_TYPES = frozenset({"ORG", "GPE"})


def _nearest_group(pronoun: Token, lexicon: EventLexicon) -> Optional[Token]:
    """The head of the nearest plural noun phrase for people or a body ("officials", « les forces russes ») or a
    plural demonym (« les Russes »), in the pronoun's sentence or the one before, written before the pronoun."""
    floor = sentences_back(pronoun, 1).i
    if all(t.is_punct or t.is_space for t in pronoun.doc[floor:sentence_of(pronoun).start]):
        floor = sentences_back(pronoun, 2).i  # "«" parsed as a sentence of its own is no sentence before
    for token in reversed(pronoun.doc[floor:pronoun.i]):
        if token.pos_ not in ("NOUN", "PROPN") or "Plur" not in token.morph.get("Number"):
            continue
        words = (token.lemma_.lower(), token.lower_)
        if any(w in lexicon.actor_nouns or w in lexicon.collective_actors for w in words):
            return token
    return None


def _gender_agrees(pronoun: Token, start: int, end: int) -> bool:
    """"qu'elle pouvait produire" does not stand for "le ministère": grammatical gender,
    where both the pronoun and the mention's head (or its article) show one."""
    wanted = pronoun.morph.get("Gender")
    span = pronoun.doc.char_span(start, end, alignment_mode="expand")
    if not wanted or span is None:
        return True
    head = span.root
    if head.pos_ != "NOUN":
        return True  # names carry no grammatical gender of their own ("IEMZ Kupol")
    shown = head.morph.get("Gender") or [g for d in head.children if d.dep_ == "det" for g in d.morph.get("Gender")]
    return not shown or bool(set(shown) & set(wanted))


# Dependents a company description may have and still point back ("the Russian firm"),
# unlike "the company's engines" or "la société de conseil".
DESCRIPTION_MODIFIERS = frozenset({"det", "amod", "punct", "case"})


def resolve_description(head: Token, index: MentionIndex, lexicon: EventLexicon, exclude: set[str],
                        companies: set[str]) -> Optional[str]:
    """The company a description stands for: the name it is in apposition to, or, for a
    definite "l'entreprise", "the firm", the nearest company named in the last sentences
    that is not already another argument."""
    if head.pos_ != "NOUN":
        return None
    if head.dep_ in lexicon.dep("appos"):
        # "IEMZ Kupol, the Russian firm that assembles ...": the description is the name's
        named = index.at(head.head.idx, head.head.idx + len(head.head.text))
        if named is not None and named[2] not in exclude:
            return named[2]
    if head.lemma_.lower() not in lexicon.company_nouns:
        return None
    if "Plur" in head.morph.get("Number"):
        return None
    determiners = [c for c in head.children if c.dep_ == "det"]
    if not any(d.lower_ in lexicon.company_determiners for d in determiners):
        return None
    if any(c.dep_ not in DESCRIPTION_MODIFIERS for c in head.children):
        return None
    floor = sentences_back(head, ANTECEDENT_SENTENCES).idx
    for _, _, entity_id, _ in index.before(head.idx, floor):
        if entity_id in companies and entity_id not in exclude:
            return entity_id
    return None
