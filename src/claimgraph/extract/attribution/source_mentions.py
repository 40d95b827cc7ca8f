"""The article's entity mentions as a source resolver reads them: who is named where, with which title.

A description names its holder when the name follows it ("le président Ana Ruiz", "the chairman of the
board, Ana Ruiz"), a surname or a title recalls a person named in full before, and a bare quotation's
speaker may be the person named since the last report, outside relative and adverbial clauses.
"""
from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import doc_text, sentence_of
from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.spans import tokens_span
from claimgraph.model import Entity, Span

# How far back (characters) a pronoun may find its speaker.
ANAPHORA_WINDOW = 1200
# Entity labels of the parser that say a capitalised word is no person's name.
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "ORG", "DATE", "TIME", "NORP", "FAC", "EVENT", "PRODUCT"})
# Clauses whose names are no speaker ("the school where Ana Ruiz taught").
SIDE_CLAUSES = frozenset({"relcl", "acl:relcl", "advcl", "acl"})


class MentionIndex:
    """The entity mentions of `doc` in text order, with the lookups a source resolver needs.

    doc (Doc): the parsed article.
    lexicon (Lexicon): the language's source words.
    entities (list[Entity]): the article's entities.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, entities: list[Entity]) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.starts = [m[0] for m in self.mentions]

    @staticmethod
    def _plural(head: Token) -> bool:
        return "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS")

    def entity_at(self, start: int, end: int) -> Optional[Entity]:
        """The entity with the longest mention overlapping [start, end)."""
        best: Optional[tuple[int, Entity]] = None
        lo = bisect.bisect_left(self.starts, start - 200)
        for m_start, m_end, entity in self.mentions[lo:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity)
        return best[1] if best else None

    def _office_holder(self, head: Token, phrase: list[Token], span: Span,
                       hinted: bool = False) -> Optional[tuple[Span, Optional[Entity]]]:
        """The name a job or title description gives its holder, written right after it or set off by a
        comma (ANNOTATION 1.10: a named person's source is the name, without job or title)."""
        lex, doc = self.lexicon, self.doc
        if not (head.lemma_.lower() in lex.person_nouns or head.lower_ in lex.person_nouns) or self._plural(head):
            return None
        end = head.idx + len(head.text)
        lo = bisect.bisect_left(self.starts, end)
        for m_start, m_end, entity in self.mentions[lo:]:  # "the chairman of the committee, General Ana Ruiz"
            if m_start >= span.end:
                break
            if entity.type == "PERSON" and m_end >= span.end - 1 and "," in doc_text(doc)[end:m_start]:
                return Span(m_start, m_end, doc_text(doc)[m_start:m_end]), entity
        if hinted:
            return None
        mention = self._mention_from(end, end + 2)  # « le président Obama », « son Premier ministre Ana Ruiz »
        if mention is not None:
            return mention
        names = []
        for tok in doc[head.i + 1:head.i + 5]:
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in NOT_PERSON_LABELS:
                break
            names.append(tok)
        name_span = tokens_span(doc, names) if len(names) >= 2 else None
        if name_span is not None:  # a first and a last name the entity layer missed
            return name_span, None
        named = [t for t in head.subtree if t.dep_ in ("appos", "conj") and t.i > head.i
                 and "," in (doc[t.left_edge.i - 1].text, t.left_edge.text)]  # the parser may coordinate the name
        for tok in named:  # "The secretary general of the party (...), Ana Ruiz,"
            found = self._mention_from(tok.left_edge.idx, tok.left_edge.idx + 1)
            if found is not None:
                return found
            words = [t for t in doc[tok.i:tok.i + 4] if t.i == tok.i or t.head.i == tok.i and t.dep_.startswith("flat")]
            end = tok.i + len(words)
            if len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in
                                       NOT_PERSON_LABELS for t in words) and end < len(doc) and doc[end].text == ",":
                return tokens_span(doc, words), None  # type: ignore[return-value]  # a name the entity layer missed
        last = max(t.i for t in phrase)
        after = last + 1
        bracketed = after < len(doc) and doc[after].text == "(" and ")" in [t.text for t in doc[after:after + 6]]
        if bracketed:  # « le gouverneur de la région (est), Ana Ruiz, »
            after = next(t.i for t in doc[after:after + 6] if t.text == ")") + 1
        while after < len(doc) and doc[after].text == ",":
            after += 1
        if after > last + 1 and after < len(doc) and doc[after].head.i != head.i:
            found = self._mention_from(doc[after].idx, doc[after].idx + 1)  # "Malaysia's Prime Minister, Ana Ruiz said"
            if found is not None:
                root = doc.char_span(found[0].start, found[0].end, alignment_mode="expand")
                if root is not None and root.root.head.i == head.head.i and root.root.dep_ == head.dep_:
                    return found
                if root is not None and bracketed and root.end < len(doc) and doc[root.end].text in ",.":
                    return found  # set off by commas on both sides: an apposition whatever the parse
            else:  # a first and a last name the entity layer missed, set off by commas on both sides
                names = []
                for tok in doc[after:after + 4]:
                    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in NOT_PERSON_LABELS:
                        break
                    names.append(tok)
                end = after + len(names)
                if len(names) >= 2 and end < len(doc) and (doc[end].text == "," or bracketed and doc[end].text == "."):
                    return tokens_span(doc, names), None  # type: ignore[return-value]
        return None

    def _person_at(self, token: Token) -> bool:
        entity = self.entity_at(token.idx, token.idx + len(token.text))
        return entity is not None and entity.type == "PERSON"

    def _name_before(self, head: Token, span: Span,
                     relative: bool = False) -> Optional[tuple[Span, Optional[Entity]]]:
        """The person a description set off after their name speaks for: « Ana Ruiz, la candidate du parti,
        avait appelé », « déclare à l'AFP Ana Ruiz, la porte-parole du parti », « avec Ana Ruiz, la
        ministre, qui a rétorqué ». The name opens its clause or is apposed to a noun, not after a preposition
        (« Selon Ana Ruiz, le ministre a dit » is two people); a relative clause on the description speaks for
        the name wherever it stands."""
        lex, doc = self.lexicon, self.doc
        if head.pos_ != "NOUN" or self._plural(head) or not (
                relative or head.lemma_.lower() in lex.person_nouns or head.lower_ in lex.person_nouns):
            return None
        text = doc_text(doc)
        before = text[:span.start].rstrip(" ")
        if not before.endswith(","):
            return None
        comma = len(before) - 1
        lo = bisect.bisect_left(self.starts, comma - 80)
        found = None
        for m_start, m_end, entity in self.mentions[lo:]:
            if m_start >= comma:
                break
            if entity.type == "PERSON" and not text[m_end:comma].strip():
                found = (m_start, m_end, entity)
        if found is None:
            found = self._unlinked_name(comma)
        if found is None:
            return None
        mention = doc.char_span(found[0], found[1], alignment_mode="expand")
        if mention is None:
            return None
        first = mention[0]
        prev = doc[first.i - 1] if first.i > 0 else None
        opens = prev is None or first.is_sent_start or "\n" in prev.text or prev.text in ".;:«“\"(" \
            or mention.root.dep_ in ("appos", "nsubj", "nsubj:pass", "nsubjpass")
        if not relative and (not opens or prev is not None and prev.pos_ == "ADP"):
            return None
        return Span(found[0], found[1], text[found[0]:found[1]]), found[2]

    def _unlinked_name(self, end: int) -> Optional[tuple[int, int, Optional[Entity]]]:
        """A first and a last name the entity layer missed, ending at character `end`."""
        token = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if token is None or not len(token):
            return None
        names: list[Token] = []
        for tok in reversed(self.doc[max(0, token[0].i - 3):token[0].i + 1]):
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in NOT_PERSON_LABELS:
                break
            names.insert(0, tok)
        if len(names) < 2:
            return None
        return names[0].idx, names[-1].idx + len(names[-1].text), None

    def _mention_from(self, start: int, limit: int) -> Optional[tuple[Span, Entity]]:
        """The PERSON mention starting in [start, limit]."""
        lo = bisect.bisect_left(self.starts, start)
        for m_start, m_end, entity in self.mentions[lo:]:
            if m_start > limit:
                break
            if entity.type == "PERSON":
                return Span(m_start, m_end, doc_text(self.doc)[m_start:m_end]), entity
        return None

    def _sentences_back(self, at: int, count: int) -> int:
        """The start offset of the sentence `count` sentences before the one at `at`."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None or not len(token):
            return at
        sent = sentence_of(token[0])
        for _ in range(count):
            if sent.start == 0:
                break
            sent = sentence_of(self.doc[sent.start - 1])
        return int(sent.start_char)

    def _in_main_clause(self, start: int, end: int) -> bool:
        """Not named in a relative or adverbial clause ("the school where Ana Ruiz taught")."""
        mention = self.doc.char_span(start, end, alignment_mode="expand")
        if mention is None:
            return False
        return not any(t.dep_ in SIDE_CLAUSES for t in mention.root.ancestors)

    def _person_by_surname(self, head: Token, span: Span) -> Optional[Entity]:
        """A person named in full elsewhere whose surname is the source's only name."""
        if span.text.strip().split()[-1:] != [head.text]:
            return None
        for _, _, entity in self.mentions:
            words = entity.name.split()
            if entity.type == "PERSON" and len(words) > 1 and words[-1] == head.text:
                return entity
        return None

    def _titled_person(self, head: Token, before: int) -> Optional[Entity]:
        """The last person named with the title `head` before `before` ("General Ana Ruiz" for "the general")."""
        title = head.lower_
        lo = bisect.bisect_left(self.starts, before - ANAPHORA_WINDOW * 3)
        best = None
        for m_start, m_end, entity in self.mentions[lo:]:
            if m_start >= before:
                break
            if entity.type == "PERSON" and title in doc_text(self.doc)[max(0, m_start - 60):m_end].lower().split()[-6:-1]:
                best = entity
        return best

    def _names_people(self) -> bool:
        return any(entity.type == "PERSON" for _, _, entity in self.mentions)

    def _person_in(self, span: Span) -> Optional[Entity]:
        entity = self.entity_at(span.start, span.end)
        if entity is not None and entity.type == "PERSON":
            return entity
        return None

    def _last_person(self, before: int) -> Optional[Entity]:
        return self._last_entity(before, ("PERSON",))

    def _last_entity(self, before: int, types: tuple[str, ...]) -> Optional[Entity]:
        lo = bisect.bisect_left(self.starts, before - ANAPHORA_WINDOW)
        best = None
        for m_start, _, entity in self.mentions[lo:]:
            if m_start >= before:
                break
            if entity.type in types:
                best = entity
        return best

    def _named_subject(self, after: int, before: int) -> Optional[Entity]:
        """The last person named as a clause subject in [after, before)."""
        lo = bisect.bisect_left(self.starts, max(after, 0))
        best = None
        for m_start, m_end, entity in self.mentions[lo:]:
            if m_start >= before:
                break
            if entity.type != "PERSON":
                continue
            mention = self.doc.char_span(m_start, m_end, alignment_mode="expand")
            if mention is None:
                continue
            root = mention.root
            if root.dep_ in ("flat", "flat:name", "compound") and root.head.i not in range(mention.start, mention.end):
                root = root.head
            if root.dep_ in ("appos", "conj") and root.head.pos_ in ("NOUN", "PROPN"):
                root = root.head  # "Le ministre, Olaf Scholz, a ...": an apposition (or a coordinate) of the subject
            if root.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                best = entity
        return best
