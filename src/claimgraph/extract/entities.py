"""Doc -> entities: named mentions grouped into canonical entities.

Mentions come from `doc.ents`: the gazetteer ruler's (label = contract type,
`ent_id_` = gazetteer key) and the statistical NER's (OntoNotes labels for
English, WikiNER PER/ORG/LOC/MISC for French). Each mention then

1. resolves through the gazetteer: canonical English name, type, QID, country;
   a capital that acts ("Pékin dément", "Beijing has denied") becomes the
   government it stands for, a capital used as a place stays a GPE;
2. or, unknown, gets a cleaned name (no determiner, honorific, job title, quote
   or possessive) and a contract type: the NER's, unless the name's head word or
   shape says otherwise (extract/entity_types.py: "Municipality of X" is an ORG,
   "X Station" a LOC, "IE6" a PRODUCT; French LOC splits into GPE vs LOC);
3. is dropped when it is not a name (French NER tags capitalised common words,
   a job title alone: "ministre de la Défense").

A country's armed forces or government named generically ("the Indonesian military",
« le gouvernement malien ») are added as ORG "<Adjective> Armed Forces", "Government
of <country>" (ANNOTATION 3.4, 3.5).

Mentions of one article then group: same gazetteer entry, same normalised
name whatever the NER type, initials of one person ("B. Obama" = "Barack Obama"),
or a short form of a longer name ("Stoltenberg" -> "Jens Stoltenberg", "Kupol" ->
"IEMZ Kupol"; a surname the NER took for a place joins its person). Unknown names
the NER took for people or organisations that rigour knows as territories, or that
only ever follow a locative preposition, become places. Language words live in
lang/<code>/entities.yaml.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import doc_text
from claimgraph.extract.entity_context import (add_repeated_mentions, context_types, described_name, descriptor_around,
                                               drop_eponyms)
from claimgraph.extract.entity_types import (after_job_title, is_acronym_of, national_body_spans,
                                             refine_type, retype_places, same_person)
from claimgraph.extract.metonymy import acts
from claimgraph.extract.name_spans import CANDIDATE, candidate_spans, merge_candidates
from claimgraph.extract.names import clean_name, is_not_entity, looks_like_name, place_type, trim_tokens
from claimgraph.lang import LanguageRules, get_rules
from claimgraph.model import Entity, Span
from claimgraph.nlp.entity_ruler import BARE_INSTITUTION, MEDIA
from claimgraph.resolve.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from claimgraph.resolve.match import match_key

# spaCy labels (OntoNotes for English, WikiNER for French) -> contract types.
# MISC has no type of its own: it is kept only when the gazetteer knows the name.
LABEL_TYPES: dict[str, Optional[str]] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG", "NORP": None,
    "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
    "PRODUCT": "PRODUCT", "EVENT": "EVENT", "MISC": None,
}
# Types whose short forms join a longer name of the same article, and the types they may join.
SHORT_FORM_TARGETS = {"PERSON": ("PERSON",), "ORG": ("ORG", "PRODUCT"), "PRODUCT": ("PRODUCT", "ORG")}


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


def extract_entities(doc: Doc, rules: LanguageRules) -> list[Entity]:
    """The canonical entities of `doc`, in order of first mention.

    doc (Doc): the parsed article (with the gazetteer ruler run before the NER).
    rules (LanguageRules): its language's rules (`entities.yaml`).
    RETURNS (list[Entity]): entities with ids e1, e2, ... and their mentions.
    """
    data: dict[str, Any] = rules.data("entities") if rules.has("entities") else {}
    gazetteer = default_gazetteer()
    where = Where(doc)
    spans = merge_candidates(list(doc.ents), candidate_spans(doc, data))
    mentions = [m for ent in spans if (m := make_mention(ent, data, gazetteer, where)) is not None]
    mentions = resolve_bare_institutions(mentions, gazetteer)
    mentions = add_national_bodies(doc, mentions, data, where)
    groups = group_mentions(mentions)
    retype_places(doc, groups, data)
    add_surname_mentions(doc, groups, where.text)
    add_acronym_mentions(doc, groups, where.text)
    add_repeated_mentions(doc, groups, where.text, _repeated, data)
    context_types(doc, groups, data)
    groups = drop_eponyms(doc, groups, data)
    groups = sorted(groups, key=lambda g: g.first)
    entities = []
    for index, group in enumerate(groups, start=1):
        spans = sorted({m.span for m in group.mentions}, key=lambda s: s.start)
        name = group.name
        aliases = list(dict.fromkeys(s.text for s in spans if s.text != name))
        entry = group.entry
        entities.append(Entity(id=f"e{index}", name=name, type=group.type, aliases=aliases, mentions=spans,
                               wikidata=entry.wikidata if entry else None, country=entry.country if entry else None))
    return entities


class Where:
    """Character spans and sentence numbers of one Doc, computed once (`doc.text` is rebuilt on each access)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def span(self, tokens: SpacySpan) -> Span:
        return Span.of(self.text, tokens.start_char, tokens.end_char)

    def sentence(self, tokens: SpacySpan) -> int:
        return max(bisect_right(self.sentence_starts, tokens.start) - 1, 0)


def make_mention(ent: SpacySpan, data: dict[str, Any], gazetteer: Gazetteer, where: Optional[Where] = None) -> Optional[Mention]:
    """A mention for one spaCy entity, or None when it is not a contract entity.

    ent (Span): a spaCy entity span.
    data (dict[str, Any]): the language's entities.yaml.
    gazetteer (Gazetteer): known entities.
    where (Optional[Where]): the Doc's text and sentences, when the caller has them.
    RETURNS (Optional[Mention]): the resolved or cleaned mention.
    """
    where = where or Where(ent.doc)
    if ent.ent_id_.startswith(BARE_INSTITUTION):
        span = where.span(ent)
        return Mention(span=span, type="ORG", name=span.text, institution=ent.ent_id_[len(BARE_INSTITUTION):],
                       sentence=where.sentence(ent))
    entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
    if entry is not None:
        return _resolved(ent, entry, data, gazetteer, where)
    if ent.id_.startswith(CANDIDATE):
        span = where.span(ent)
        entry = gazetteer.lookup(span.text)
        if entry is not None and _types_agree(ent.label_, entry.type):
            return _resolved(ent, entry, data, gazetteer, where)
        return Mention(span=span, type=ent.label_, name=clean_name(span.text), sentence=where.sentence(ent))
    label_type = LABEL_TYPES.get(ent.label_)
    titled = after_job_title(ent, data)
    if titled is not None and not titled[1]:
        return None  # a job ("ministre de la Défense"), not a name
    titled_person = titled is not None and label_type == "PERSON"
    if titled_person:
        ent = ent.doc[titled[0]:ent.end]  # "President Ana Ruiz" -> "Ana Ruiz"
    tokens = trim_tokens(ent, data)
    if tokens is None:
        return None
    span = where.span(tokens)
    entry = gazetteer.lookup(span.text, type=label_type)
    if entry is not None and (label_type is None or _types_agree(label_type, entry.type)):
        return _resolved(tokens, entry, data, gazetteer, where)
    if ent.ent_id_ == MEDIA:
        return Mention(span=span, type="ORG", name=clean_name(span.text), sentence=where.sentence(ent))
    if label_type is None and ent.label_ == "MISC":
        tokens, label_type = described_name(tokens, data)  # « missiles antichars Falco »: a PRODUCT
        span = where.span(tokens)
    described = looks_like_name(tokens) or descriptor_around(ent.doc, tokens.start, tokens.end, data) is not None
    if label_type is None or not described or (not titled_person and is_not_entity(tokens, data)):
        return None  # a capital at a sentence start is no evidence of a name; « le groupe italien Eni » is
    if ent.label_ == "LOC" and "loc_heads" in data:
        label_type = place_type(tokens, data)
    name = clean_name(span.text)
    return Mention(span=span, type=refine_type(name, label_type, data), name=name, sentence=where.sentence(ent))


def add_national_bodies(doc: Doc, mentions: list[Mention], data: dict[str, Any], where: Where) -> list[Mention]:
    """Add a country's armed forces or government named generically ("Russian forces", « le
    gouvernement malien ») as ORG mentions. They replace the unknown names and the country names
    they overlap ("US forces"); a known institution ("the Chinese government") stays as it is."""
    english = get_rules("en").data("entities") if data.get("national_bodies") else {}
    found = [(span, name) for span, name in national_body_spans(doc, data, english, where.text)
             if not any(m.entry is not None and m.entry.type != "GPE" and m.span.start < span.end and span.start < m.span.end
                        for m in mentions)]
    if not found:
        return mentions
    spans = [span for span, _ in found]
    kept = [m for m in mentions if not any(m.span.start < s.end and s.start < m.span.end for s in spans)]
    token_index = {t.idx: t.i for t in doc}
    added = [Mention(span=span, type="ORG", name=name,
                     sentence=max(bisect_right(where.sentence_starts, token_index.get(span.start, 0)) - 1, 0))
             for span, name in found]
    return sorted(kept + added, key=lambda m: m.span.start)


def _types_agree(label_type: str, entry_type: str) -> bool:
    """NER and gazetteer agree well enough (a French LOC may be a GPE; PRODUCT/ORG are often confused)."""
    groups = ({"GPE", "LOC"}, {"ORG", "PRODUCT"}, {"PERSON"}, {"EVENT"})
    return any(label_type in g and entry_type in g for g in groups) or label_type == entry_type


def _resolved(ent: SpacySpan, entry: GazetteerEntry, data: dict[str, Any], gazetteer: Gazetteer, where: Where) -> Mention:
    if entry.actor and acts(ent, data):
        entry = gazetteer.get(entry.actor) or entry
    return Mention(span=where.span(ent), type=entry.type, name=entry.name, entry=entry, sentence=where.sentence(ent))


def resolve_bare_institutions(mentions: list[Mention], gazetteer: Gazetteer, window: int = 3) -> list[Mention]:
    """Give "the foreign ministry" the country the text is talking about, or drop it.

    The country is that of the nearest known mention with a country (country,
    capital, government, ministry) before it, up to `window` sentences back
    ("In Beijing, foreign ministry spokesperson..."), else later in its sentence.

    mentions (list[Mention]): the article's mentions in text order.
    gazetteer (Gazetteer): known entities.
    window (int): how many sentences back to look.
    RETURNS (list[Mention]): mentions with bare institutions resolved or removed.
    """
    located = [m for m in mentions if m.entry is not None and m.entry.country]
    out = []
    for mention in mentions:
        if mention.institution is None:
            out.append(mention)
            continue
        before = [m for m in located if m.span.start < mention.span.start and mention.sentence - m.sentence <= window]
        after = [m for m in located if m.span.start > mention.span.start and m.sentence == mention.sentence]
        context = before[-1] if before else (after[0] if after else None)
        country = context.entry.country if context and context.entry else None
        entry = gazetteer.institution(mention.institution, country) if country else None
        if entry is not None:
            out.append(Mention(span=mention.span, type=entry.type, name=entry.name, entry=entry, sentence=mention.sentence))
    return out


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
    for token in doc:
        owners = surnames.get(token.text)
        if owners is None or len(owners) != 1 or token.idx in taken:
            continue
        span = Span.of(text, token.idx, token.idx + len(token.text))
        owners[0].mentions.append(Mention(span=span, type="PERSON", name=token.text, entry=owners[0].entry))


def add_acronym_mentions(doc: Doc, groups: list[Group], text: str) -> None:
    """Add the acronyms the NER missed ("KSC" after "Kennedy Space Center") to the one name they abbreviate."""
    taken = {i for g in groups for m in g.mentions for i in range(m.span.start, m.span.end)}
    long_names = [g for g in groups if g.type != "PERSON" and len(g.name.split()) >= 2]
    for token in doc:
        if not (token.is_upper and token.is_alpha and 2 <= len(token) <= 6) or token.idx in taken:
            continue
        owners = [g for g in long_names if is_acronym_of(token.text, g.name)]
        if len(owners) == 1:
            span = Span.of(text, token.idx, token.idx + len(token.text))
            owners[0].mentions.append(Mention(span=span, type=owners[0].type, name=token.text, entry=owners[0].entry))


def _repeated(span: Span, group: Group) -> Mention:
    return Mention(span=span, type=group.type, name=span.text, entry=group.entry)


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
    return found[0] if len(found) == 1 else None


def _is_part(words: list[str], longer: list[str]) -> bool:
    n = len(words)
    return n < len(longer) and any(longer[i:i + n] == words for i in range(len(longer) - n + 1))


def _is_edge_part(words: list[str], longer: list[str]) -> bool:
    n = len(words)
    return n < len(longer) and (longer[:n] == words or longer[-n:] == words)


__all__ = ["LABEL_TYPES", "Mention", "acts", "clean_name", "extract_entities", "group_mentions", "make_mention"]
