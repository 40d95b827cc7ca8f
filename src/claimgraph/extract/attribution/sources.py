"""Source typing and reference: who a source noun phrase is, as far as the article tells.

Named sources take the entity their head word belongs to; pronouns ("Il",
"she") and definite descriptions ("l'officiel", "the spokesman") take the
type and entity of the speaker they refer back to; other noun phrases are
typed by their head noun (`sources.yaml`).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Collection, Optional, Sequence

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import doc_text
from claimgraph.extract.attribution.lexicon import Lexicon, impersonal_subject
from claimgraph.extract.attribution.source_mentions import ANAPHORA_WINDOW, MentionIndex
from claimgraph.extract.attribution.spans import noun_phrase, tokens_span
from claimgraph.model import Entity, Source, Span

PERSON_TYPES = ("named_person", "anonymous_person")
# Source types a plural pronoun does not refer back to when the source is one ("they" after "Ana Ruiz said").
SINGULAR_ONLY_TYPES = ("named_person", "document", "media")
# Sources that speak quotations: not documents nor agentless reports ("the findings show").
QUOTING_TYPES = ("named_person", "anonymous_person", "organization", "media")
# How many sentences before a bare quotation its speaker may be named in.
QUOTE_SPEAKER_SENTENCES = 2
# Entity labels of a report's modifier that name no author ("First reports", "2019 reports").
RANK_LABELS = frozenset({"ORDINAL", "DATE", "CARDINAL"})


@lru_cache(maxsize=8)
def media_pattern(names: frozenset[str], heads: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """Any of the media names as a whole word, in any case, or a name as outlets are named: one to three capitalised
    words ending in a capitalised outlet head word (`outlet_heads`: "the Harbour Daily News", "Velmar Post"; not "The
    Post Office"), compiled once per lexicon (one search, not one per name). The word-boundary tests stand once
    around the alternation, not around each name: `re` tests the boundary once per position, not once per name."""
    parts = ["(?i:" + "|".join(re.escape(name) for name in sorted(names)) + ")"] if names else []
    if heads:
        parts.append(r"(?:[A-Z][\w'&.-]*\s+){1,3}(?:" + "|".join(re.escape(h.capitalize()) for h in sorted(heads))
                     + r")(?!\s+[A-Z])")
    if not parts:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


class SourceResolver(MentionIndex):
    """Type sources and resolve their references, in reading order.

    doc (Doc): the parsed article.
    lexicon (Lexicon): the language's source words.
    entities (list[Entity]): the article's entities, whose mentions give source entities.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, entities: list[Entity]) -> None:
        super().__init__(doc, lexicon, entities)
        self.history: list[Source] = []
        self.plural: dict[int, bool] = {}
        self._pending_plural = False

    def remember(self, source: Source) -> Source:
        self.history.append(source)
        self.plural[id(source)] = self._pending_plural
        return source

    def _antecedent(self, before: int, persons_only: bool, head_lemma: Optional[str] = None,
                    singular: bool = False, plural: bool = False) -> Optional[Source]:
        """The last source before `before` a pronoun or definite description can refer to.

        persons_only: only people ("he", "l'officiel"); singular: not a plural source ("Il" after
        "Deux sources ... ont affirmé" refers to someone else); plural: not one named person nor one
        document ("They say" after "Ana Ruiz said" or "The report found" refers to someone else).
        """
        for source in reversed(self.history):
            if source.span.start >= before or before - source.span.start > ANAPHORA_WINDOW * (3 if head_lemma else 1):
                continue
            if singular and self.plural.get(id(source)):
                continue
            if plural and not self.plural.get(id(source)) and source.type in SINGULAR_ONLY_TYPES \
                    and not self._coordinated(source.span):
                continue
            if head_lemma is not None:
                if persons_only and source.type not in PERSON_TYPES:
                    continue  # "the sources" does not refer back to "documents seen by Reuters and two sources"
                if head_lemma in source.span.text.lower():
                    return source
                continue
            if not persons_only or source.type in PERSON_TYPES:
                return source
        return None

    def _is_media(self, text: str) -> bool:
        return media_pattern(self.lexicon.media_names, self.lexicon.outlet_heads).search(text) is not None

    def resolve(self, head: Token, span_hint: Optional[Span] = None) -> Source:
        """The source whose head word is `head` (`span_hint`: the source phrase when known).

        A coordinated subject ("Norway and Iceland said", « Le Chili et deux voisins s'inquiètent »)
        is one source spanning the coordination, entity null, typed as its last conjunct (ANNOTATION 1.6).
        """
        conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > head.i
                     and any(g.dep_ == "cc" and head.i < g.i < c.i for g in (*c.children, *head.children))] \
            if span_hint is None and head.pos_ in ("NOUN", "PROPN") else []
        source = self._resolve(head, span_hint)
        if not conjuncts:
            return source
        last = self._resolve(conjuncts[-1])
        self.history.pop()  # the last conjunct types the group; it is no voice of its own
        end = max(t.idx + len(t.text) for t in noun_phrase(conjuncts[-1]))
        if end <= source.span.end:
            return source
        person = conjuncts[-1].lemma_.lower() in self.lexicon.person_nouns or last.type != "anonymous_person"
        kind = last.type if person else source.type  # "Ukraine and the west": not people
        group = Source(Span(source.span.start, end, doc_text(self.doc)[source.span.start:end]), kind, None)
        self.history[-1] = group
        self.plural[id(group)] = True
        return group

    def _resolve(self, head: Token, span_hint: Optional[Span] = None) -> Source:
        lex, doc = self.lexicon, self.doc
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in lex.unspecified_pronouns and head.text.endswith(("'", "’")):
            head = doc[head.i + 1]  # "l'on": the elided article is parsed as a subject of its own
        if head.lower_ in ("-t", "t", "-t-") and head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PRON":
            head = doc[head.i + 1]  # "a-t-il ajouté": the euphonic t is not the subject
            span_hint = None
        self._pending_plural = "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS")
        relative = False
        if ("Rel" in head.morph.get("PronType") or head.lower_ in lex.relative_speakers) \
                and head.head.dep_ in ("acl:relcl", "relcl") \
                and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # « Bernard Bonnet, qui avait rétorqué »: the antecedent speaks
            span_hint = None
            relative = True
        phrase = noun_phrase(head)
        appos = [c for c in head.children if c.dep_ in ("appos", "flat:name") and c.pos_ == "PROPN"]
        titled = [[g for g in c.children if g.dep_ in ("flat:name", "appos", "nmod") and g.pos_ == "PROPN"]
                  for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]  # « la procureure, Mme X Y »
        titled = [names for names in titled if names]
        described = partitive_noun(head, lex.quantity_nouns)  # « un des chercheurs »: a description of a person
        if not appos and (described.lemma_.lower() in lex.person_nouns or described.lower_ in lex.person_nouns):
            # "a spokesman for the fire service, Brian Hale", « Une des juristes de l'ONG, Ana Ferro, »: the
            # name set off after the description, whatever noun the parser hung it on
            appos = [t for t in head.subtree if t.dep_ in ("appos", "nmod") and t.pos_ == "PROPN" and t.i > head.i
                     and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","][-1:]
        own = self.entity_at(head.idx, head.idx + len(head.text))
        group = [t for t in appos[0].subtree if t.dep_ in ("conj", "appos") and t.pos_ == "PROPN" and t.i > appos[0].i
                 and any(c.dep_ == "cc" for c in (*t.children, *t.head.children))] if appos else []
        if group and head.pos_ == "NOUN" and self._person_at(appos[0]):
            # « par les physiciens Ana Ruiz, Paul Roux et Eva Lind »: the group of named people is one source
            # (ANNOTATION 1.6), typed by its last conjunct
            end = max(t.idx + len(t.text) for t in noun_phrase(group[-1]))
            start = min(t.idx for t in noun_phrase(head))
            source = self.remember(Source(Span(start, end, doc_text(doc)[start:end]), "named_person"))
            self.plural[id(source)] = True
            return source
        if appos and (head.pos_ == "NOUN" or own is None or own.type != "PERSON"):
            # "le secrétaire général de l'OTAN, Jens Stoltenberg", "Malaysia's Prime Minister, Ana Ruiz,"
            named = self.entity_at(appos[0].idx, appos[0].idx + len(appos[0].text))
            if named is not None and named.type == "PERSON":
                phrase, head = noun_phrase(appos[0]), appos[0]
                span_hint = None
        elif titled and head.pos_ == "NOUN":
            named = self.entity_at(titled[0][0].idx, titled[0][-1].idx + len(titled[0][-1].text))
            if named is not None and named.type == "PERSON":
                phrase = sorted({t for g in titled[0] for t in g.subtree if t.pos_ == "PROPN"}, key=lambda t: t.i)
                head = titled[0][0]
                span_hint = None
        span = span_hint or tokens_span(doc, phrase) or Span(head.idx, head.idx + len(head.text), head.text)
        if head.pos_ != "PRON":
            named_before = self._name_before(head, span, relative)
            if named_before is not None:  # "Ana Ruiz, the party's candidate, said": the name (ANNOTATION 1.10)
                entity_id = named_before[1].id if named_before[1] is not None else None
                return self.remember(Source(named_before[0], "named_person", entity_id))
            holder = self._office_holder(head, phrase, span, hinted=span_hint is not None)
            if holder is not None:  # « le président Obama à X », "the party's leader, Ana Ruiz, said": the name
                return self.remember(Source(holder[0], "named_person", holder[1].id if holder[1] else None))
        if span.text.startswith("-") and head.pos_ == "PRON":  # "a-t-il ajouté": the speaker is "il"
            span = Span(span.start + 1, span.end, span.text[1:])
        if head.i > 0 and doc[head.i - 1].lower_ in ("l'", "l’") and head.lower_ in lex.unspecified_pronouns:
            span = Span(doc[head.i - 1].idx, span.end, doc_text(doc)[doc[head.i - 1].idx:span.end])
        whole = head
        head = partitive_noun(head, lex.quantity_nouns)  # "one of the sources" is typed as "sources"
        partitive = head is not whole
        head_text = self._head_words(phrase, whole, span)
        lower, lemma = head.lower_, head.lemma_.lower()
        impersonal = (self._expletive(head) or impersonal_subject(head)) and not head.text.startswith("-")
        if lower in lex.unspecified_pronouns or impersonal:
            return self.remember(Source(span, "unspecified"))
        if lower in lex.latter_words:  # « ces derniers », "the latter": the last named, speaker or not
            named = self._last_entity(span.start, ("PERSON", "ORG", "GPE"))
            if named is not None:
                kind = "named_person" if named.type == "PERSON" else "media" if self._is_media(named.name) \
                    else "organization"
                return self.remember(Source(span, kind, named.id))
        if head.pos_ == "PRON" or lower in lex.anaphoric_pronouns:
            # "l'une d'elles", "one of them": one of a group of people
            persons = partitive or lower in lex.anaphoric_pronouns and lower not in lex.group_pronouns
            singular = persons and not partitive and "Sing" in head.morph.get("Number")
            found = self._antecedent(span.start, persons, singular=singular, plural=not partitive and self._plural(head))
            if found is None and singular:
                found = self._antecedent(span.start, persons)
            if persons and not partitive:  # « L'ONG a publié ... Elle affirme »: the last speaker may be an organisation
                last = self._antecedent(span.start, False, singular=singular)
                if last is not None and last.type in ("organization", "media") and (
                        found is None or last.span.start > found.span.start):
                    return self.remember(Source(span, last.type, last.entity))
            if singular:  # "Le porte-parole, Lin Jian, a déclaré ... Il a assuré": the person named as subject since
                named = self._named_subject(found.span.end if found is not None else span.start - ANAPHORA_WINDOW,
                                            span.start)
                if named is not None and (found is None or found.entity != named.id):
                    return self.remember(Source(span, "named_person", named.id))
            if found is None:
                group = not partitive and self._plural(head)
                if not persons:  # "sanctions on companies that it accuses": the last organisation named
                    org = self._last_entity(span.start, ("ORG",) if group else ("ORG", "GPE"))
                    if org is not None:
                        return self.remember(Source(span, "organization", org.id))
                if group:  # "They said" with no group before: people the article does not name
                    return self.remember(Source(span, "anonymous_person"))
                entity = self._last_person(span.start)
                # « Il confie ... »: a singular personal pronoun with no speaker before it is still someone
                return self.remember(Source(span, "named_person" if entity or singular else "unspecified",
                                            entity.id if entity else None))
            return self.remember(Source(span, found.type, found.entity))
        entity = self.entity_at(head.idx, head.idx + len(head.text))
        if head.pos_ == "PROPN" and (entity is None or entity.type != "PERSON"):
            entity = self._person_by_surname(head, span) or entity  # "Wilkins" after "Kristen Wilkins"
        person_in_phrase = self._person_in(span)
        if entity is not None and entity.type == "PERSON":
            return self.remember(Source(span, "named_person", entity.id))
        if lemma in lex.person_nouns or lower in lex.person_nouns:
            if person_in_phrase is not None and "Plur" not in head.morph.get("Number") \
                    and head.tag_ not in ("NNS",):  # "Foreign Minister Wang Yi", not « les membres de X »
                return self.remember(Source(span, "named_person", person_in_phrase.id))
            if self._definite(head):
                found = self._antecedent(span.start, True, head_lemma=lemma)
                if found is not None:
                    return self.remember(Source(span, found.type, found.entity))
                titled = self._titled_person(head, span.start)  # "the general" after "General Ana Ruiz"
                if titled is not None:
                    return self.remember(Source(span, "named_person", titled.id))
                if lemma in lex.office_nouns and "Plur" not in head.morph.get("Number") and self._names_people():
                    # « la ministre des Affaires étrangères », « le chef de la diplomatie »: one office holder,
                    # named elsewhere in the article (ANNOTATION 1.10)
                    return self.remember(Source(span, "named_person"))
            return self.remember(Source(span, "anonymous_person"))
        if entity is not None:
            kind = "media" if self._is_media(entity.name) or self._is_media(head_text) else "organization"
            return self.remember(Source(span, kind, entity.id))
        if self._is_media(head_text):  # "a Reuters report"; not "documents seen by Reuters"
            return self.remember(Source(span, "media", None))
        if (lemma in lex.document_nouns or lemma in lex.unspecified_nouns or lower in lex.unspecified_nouns) and any(
                c.dep_ in ("nmod", "compound", "amod") and c.lemma_.lower() in lex.media_nouns
                and not any(g.dep_ == "det" for g in c.children) for c in head.children):
            return self.remember(Source(span, "media", None))  # "informations de presse", "press reports"
        if lemma in lex.document_nouns or lower in lex.document_nouns:
            plural = "Plur" in head.morph.get("Number") or head.tag_ in ("NNS",)
            # "reports", "earlier reports" have no author; "hospital reports" have one
            generic = (plural and lemma in lex.generic_plural or lemma in lex.generic_mass) and not any(
                c.dep_ in ("compound", "nmod", "poss") and c.i < head.i and c.ent_type_ not in RANK_LABELS
                for c in head.children)  # "First reports" have no author either
            return self.remember(Source(span, "unspecified" if generic else "document"))
        if lemma in lex.unspecified_nouns or lower in lex.unspecified_nouns:
            return self.remember(Source(span, "unspecified"))
        if lemma in lex.media_nouns or lower in lex.media_nouns:
            return self.remember(Source(span, "media"))
        if lemma in lex.organization_nouns:
            org = self.entity_at(span.start, span.end)
            return self.remember(Source(span, "organization", org.id if org is not None and org.type == "ORG" else None))
        if person_in_phrase is not None:
            return self.remember(Source(span, "named_person", person_in_phrase.id))
        if any(c.dep_ in ("compound", "amod", "nmod") and c.i < head.i and c.lemma_.lower() in lex.media_nouns
               for c in head.children):
            return self.remember(Source(span, "media", None))  # "German news agency dpa", "state broadcaster X"
        if head.ent_type_ in ("PERSON", "PER"):
            return self.remember(Source(span, "named_person"))
        if head.pos_ in ("PROPN", "X") or head.ent_type_:
            return self.remember(Source(span, "organization"))
        return self.remember(Source(span, "anonymous_person"))

    def _expletive(self, head: Token) -> bool:
        """An expletive subject ("it seems", « il semble », « il est rapporté »), not « Il renchérit que »: the
        parser also marks a personal « il » before a verb and its que-clause as expletive."""
        if not head.dep_.startswith("expl"):
            return False
        verb = head.head
        return head.lower_ not in self.lexicon.anaphoric_pronouns or verb.lemma_.lower() in self.lexicon.impersonal_verbs \
            or verb.pos_ != "VERB" or any(c.dep_ in ("aux:pass", "auxpass", "cop") for c in verb.children)

    def _coordinated(self, span: Span) -> bool:
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return tokens is not None and any(t.pos_ == "CCONJ" for t in tokens)


    def quote_speaker(self, at: int, reported: Sequence[Span] = (), relayers: Collection[int] = ()) -> Optional[Source]:
        """The speaker of a bare quotation starting at `at`: the last voice before it, or a person named after
        that voice outside what is reported (« Denis Ruiz a défendu sa décision : « ... » », "Pour Ana Ruiz,
        « ... »"). A document or an agentless report speaks no quotation when a voice is at hand; nor does an
        outlet that only relays the quotation before it ('"...," said X, quoted by the agency': X goes on), the
        sources starting at `relayers`."""
        def inside(start: int, end: int) -> bool:
            return any(r.start <= start and end <= r.end for r in reported)

        voices = [s for s in self.history if s.span.start < at and at - s.span.start <= ANAPHORA_WINDOW
                  and s.span.start not in relayers]
        found = next((s for s in reversed(voices) if s.type in QUOTING_TYPES or not inside(s.span.start, s.span.end)),
                     None)
        after = max(found.span.end if found is not None else 0, self._sentences_back(at, QUOTE_SPEAKER_SENTENCES))
        lo = bisect.bisect_left(self.starts, after)
        named = None
        for m_start, m_end, entity in self.mentions[lo:]:
            if m_start >= at:
                break
            if entity.type == "PERSON" and not inside(m_start, m_end) and self._in_main_clause(m_start, m_end):
                named = Source(Span(m_start, m_end, doc_text(self.doc)[m_start:m_end]), "named_person", entity.id)
        if named is not None:  # the next bare quotation may go on with the same speaker
            self.history.insert(bisect.bisect([h.span.start for h in self.history], named.span.start), named)
        return named or found or (voices[-1] if voices else None)

    def _definite(self, head: Token) -> bool:
        before = self.doc[head.i - 1] if head.i > 0 else None  # "that critics blame": no determiner
        return any(c.dep_ == "det" and c.lower_ in self.lexicon.definite_determiners for c in head.children) or (
            before is not None and before.lower_ in self.lexicon.definite_determiners and before.pos_ == "DET")

    def _head_words(self, phrase: list[Token], head: Token, span: Span) -> str:
        """The source phrase up to its head word: "a Reuters report", "documents" (of "documents seen by Reuters")."""
        left = [t for t in phrase if t.i <= head.i]
        if not left:
            return span.text
        right = [t for t in phrase if t.i > head.i]
        # keep the words tied to the head itself (compounds, names), not its clauses and complements
        for tok in right:
            if tok.dep_ in ("compound", "flat", "flat:name", "nummod", "amod") and tok.head.i == head.i or \
                    tok.head.i in {t.i for t in left} and tok.dep_.startswith("flat"):
                left.append(tok)
            else:
                break
        start, end = left[0].idx, max(t.idx + len(t.text) for t in left)
        return doc_text(self.doc)[start:end]


def partitive_noun(head: Token, quantity_nouns: frozenset[str] = frozenset()) -> Token:
    """The noun of a partitive source ("one of the sources", "l'un d'eux", "certains des experts",
    « nombre de pays », "a number of officials")."""
    if head.pos_ not in ("PRON", "NUM", "DET", "ADJ") and head.lemma_.lower() not in quantity_nouns:
        return head
    for child in head.children:
        if child.dep_ == "prep":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return obj
        if child.dep_ in ("nmod", "obl") and child.pos_ in ("NOUN", "PROPN", "PRON") and child.i > head.i:
            return child
    return head
