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

Mentions of one article then group (extract/entity_groups.py): same gazetteer entry,
same normalised name whatever the NER type, initials of one person, a short form of a
longer name; a numbered product's series name is a product of its own. Unknown names
the NER took for people or organisations that rigour knows as territories, or that
only ever follow a locative preposition, become places. Language words live in
lang/<code>/entities.yaml.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Optional

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import doc_text, token_bounds
from claimgraph.extract.entity_context import (add_repeated_mentions, context_types, described_name, descriptor_around,
                                               drop_eponyms)
from claimgraph.extract.entity_documents import drop_documents
from claimgraph.extract.entity_groups import (Group, Mention, add_acronym_mentions, add_series_mentions, add_surname_mentions,
                                             group_mentions, join_bracketed)
from claimgraph.extract.entity_types import after_job_title, head_type, national_body_spans, refine_type, retype_places
from claimgraph.extract.metonymy import acts
from claimgraph.extract.name_cuts import join_article_names, split_name_pairs
from claimgraph.extract.name_spans import CANDIDATE, candidate_spans, merge_candidates
from claimgraph.extract.office_names import office_spans
from claimgraph.extract.names import clean_name, is_not_entity, looks_like_name, place_type, trim_tokens
from claimgraph.lang import LanguageRules, get_rules
from claimgraph.model import Entity, Span
from claimgraph.nlp.entity_ruler import BARE_INSTITUTION, MEDIA
from claimgraph.resolve.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer

# spaCy labels (OntoNotes for English, WikiNER for French) -> contract types.
# MISC has no type of its own: it is kept only when the gazetteer knows the name.
LABEL_TYPES: dict[str, Optional[str]] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG", "NORP": None,
    "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
    "PRODUCT": "PRODUCT", "EVENT": "EVENT", "MISC": None,
}


def extract_entities(doc: Doc, rules: LanguageRules) -> list[Entity]:
    """The canonical entities of `doc`, in order of first mention.

    doc (Doc): the parsed article (with the gazetteer ruler run before the NER).
    rules (LanguageRules): its language's rules (`entities.yaml`).
    RETURNS (list[Entity]): entities with ids e1, e2, ... and their mentions.
    """
    data: dict[str, Any] = rules.data("entities") if rules.has("entities") else {}
    gazetteer = default_gazetteer()
    where = Where(doc)
    spans = join_article_names(split_name_pairs(merge_candidates(list(doc.ents), candidate_spans(doc, data) + office_spans(doc, data)), data), data)
    mentions = [m for ent in spans if (m := make_mention(ent, data, gazetteer, where)) is not None]
    mentions = resolve_bare_institutions(mentions, gazetteer)
    mentions = add_national_bodies(doc, mentions, data, where)
    groups = join_bracketed(group_mentions(mentions), where.text)
    retype_places(doc, groups, data)
    add_series_mentions(doc, groups, where.text)
    add_surname_mentions(doc, groups, where.text)
    add_acronym_mentions(doc, groups, where.text)
    add_repeated_mentions(doc, groups, where.text, _repeated, data)
    context_types(doc, groups, data)
    groups = drop_eponyms(doc, groups, data)
    groups = drop_documents(doc, groups, data)
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


def _repeated(span: Span, group: Group) -> Mention:
    return Mention(span=span, type=group.type, name=span.text, entry=group.entry)


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
    # A candidate's `ent_id_` is its root token's: "Europe" of « Europe 1 » is no mention of Europe.
    entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ and not ent.id_.startswith(CANDIDATE) else None
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
    tokens = _with_adjectives(_with_title_article(tokens, data), data)
    span = where.span(tokens)
    described_as: Optional[str] = None
    if label_type is not None and tokens[0].is_lower and head_type(tokens.text, data) is None \
            and tokens[0].lower_ not in _loc_heads(data) | _particles(data):
        # « sa chaîne Telegram », « les pays du Golfe »: a descriptor before the name is no part of it, and it
        # may tell its type; a head word stays (« mer Baltique », « ministère de l'Intérieur »).
        named, described_type = described_name(tokens, data)
        if named.text[:1].isupper():
            tokens, span, described_as = named, where.span(named), described_type
            label_type = described_as or label_type
    entry = gazetteer.lookup(span.text, type=label_type)
    # A country's own name is the country whatever the NER says ("Ambassador to the United States" as an ORG;
    # not a name in another language: "Rossiya" may be a broadcaster).
    country = entry is not None and entry.role == "country" and span.text == entry.name
    if entry is not None and (label_type is None or country or _types_agree(label_type, entry.type)):
        return _resolved(tokens, entry, data, gazetteer, where)
    if label_type == "ORG" and _portfolio(tokens, data):
        return None  # "Minister of Education", "Secretary of State": a job's portfolio, not a body
    if ent.ent_id_ == MEDIA:
        return Mention(span=span, type="ORG", name=clean_name(span.text), sentence=where.sentence(ent))
    if label_type is None and ent.label_ == "MISC":
        tokens, label_type = described_name(tokens, data)  # « missiles antichars Falco »: a PRODUCT
        span = where.span(tokens)
        if label_type is None and _on_platform(tokens, data):
            label_type = "ORG"  # « sur Tolvikbook », « via Brannchat »: an online service, a company's
    described = looks_like_name(tokens) or descriptor_around(ent.doc, tokens.start, tokens.end, data) is not None \
        or (len(tokens) > 1 and head_type(tokens.text, data) is not None and tokens[-1].text[:1].isupper())
    if label_type is None or not described or (not titled_person and is_not_entity(tokens, data)):
        return None  # a capital at a sentence start is no evidence of a name; « le groupe italien Eni » is
    if ent.label_ == "LOC" and "loc_heads" in data and described_as is None:
        label_type = place_type(tokens, data)
    name = clean_name(span.text)
    return Mention(span=span, type=refine_type(name, label_type, data), name=name, sentence=where.sentence(ent))


def _with_title_article(tokens: SpacySpan, data: dict[str, Any]) -> SpacySpan:
    """An outlet's name with the capitalised article it is written with inside a sentence ("told The
    Tolvik Post"): the article is part of the name (ANNOTATION 3.2, "The Times")."""
    doc, start = tokens.doc, tokens.start
    if start == 0 or tokens[-1].text not in data.get("media_words", ()):
        return tokens
    article = doc[start - 1]
    if article.text != "The" or article.is_sent_start:
        return tokens
    return doc[start - 1:tokens.end]


def _portfolio(tokens: SpacySpan, data: dict[str, Any]) -> bool:
    """Whether a one-word name follows a capitalised job title and its link word ("Undersecretary for
    Education", "Secretary of State"): the office's portfolio, no organisation of its own."""
    doc, start = tokens.doc, tokens.start
    links = {w.casefold() for w in data.get("portfolio_links", [])}
    link = start - 1
    if link > 1 and doc[link].lower_ in ("l'", "l’", "la", "le", "the"):
        link -= 1  # « ministres de l’Énergie »
    if len(tokens) != 1 or tokens[0].is_upper or link < 1 or doc[link].lower_ not in links:
        return False
    # An office's title is capitalised ("Minister of", not "a director of"); French writes it lowercase.
    title = doc[link - 1]
    titles = {w.casefold() for w in data.get("job_titles", [])}
    return (title.text[:1].isupper() or bool(data.get("head_first"))) \
        and (title.lower_ in titles or title.lower_.rstrip("s") in titles)


def _with_adjectives(tokens: SpacySpan, data: dict[str, Any]) -> SpacySpan:
    """A head-first institution word alone with the lowercase adjectives the NER left after it (« le Parquet
    fédéral », « la Cour constitutionnelle »): they are part of its name. Nationality adjectives are not
    (« le Conseil britannique » is the Council, said to be British), nor words after a longer name
    (« la Cour d'assises compétente »)."""
    doc, end = tokens.doc, tokens.end
    first = tokens[0]
    if not data.get("head_first") or len(tokens) > 1 or not first.text[:1].isupper() or head_type(first.text, data) != "ORG":
        return tokens
    demonyms = {f.casefold() for forms in (data.get("nationalities") or {}).values() for f in forms}
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower and doc[end].lower_ not in demonyms \
            and not doc[end].ent_type_:
        end += 1
    return doc[tokens.start:end]


def _on_platform(tokens: SpacySpan, data: dict[str, Any]) -> bool:
    """Whether a one-word name the NER gave no type follows a preposition of online services
    (`platform_prepositions`: « sur Tolvikbook », « via Brannchat »)."""
    doc, start = tokens.doc, tokens.start
    prepositions = {w.casefold() for w in data.get("platform_prepositions", [])}
    return len(tokens) == 1 and tokens[0].pos_ == "PROPN" and start > 0 and doc[start - 1].lower_ in prepositions


def _loc_heads(data: dict[str, Any]) -> set[str]:
    return {w.casefold() for w in data.get("loc_heads", [])}


def _particles(data: dict[str, Any]) -> set[str]:
    return {w.casefold() for w in data.get("name_particles", [])}


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
    token_index = token_bounds(doc)[0]
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


__all__ = ["LABEL_TYPES", "Mention", "acts", "clean_name", "extract_entities", "group_mentions", "make_mention"]
