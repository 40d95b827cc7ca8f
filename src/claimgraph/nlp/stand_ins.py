"""Parse again, with a stand-in verb, a sentence whose verb the tagger misread.

Some verb forms look to a statistical tagger like another part of speech:
French "dément" ends like an adverb in -ment, "sanctionne" is read as a noun.
Tagged wrong, the whole sentence parses wrong ("Pékin dément toute livraison
d'armes" has no verb, so no denial and no subject). Each language lists
such forms in its `parsing.yaml` with a common verb of the same syntax to
parse in their place ("nie" for "dément"); the sentence is parsed again with
the stand-in, and the original words get the new tree, with their own lemma
so that cue and trigger lexicons still see "démentir".

Only a form the tagger did not read as a verb, in a place where a verb may
stand, is replaced: homographs ("le juge", "un livre") stay nouns after a
determiner, and a sentence that already has a finite verb is left alone
unless the form follows a negation or subject clitic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimgraph.extract.doc_text import TEXT_KEY
from claimgraph.lang import LanguageRules, word_set
from claimgraph.nlp.components import ParseSteps, parsed_alone

VERB_TAGS = frozenset({"VERB", "AUX"})
# What a finite verb cannot follow: "le juge", "un livre", "de note", "trois juges", "China's arms".
NOT_BEFORE_VERB = frozenset({"DET", "ADP", "NUM", "PART"})
PARSE_ATTRS = [POS, TAG, MORPH, LEMMA, HEAD, DEP]
KEPT_ATTRS = [NORM, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
LEMMA_COLUMN = PARSE_ATTRS.index(LEMMA)


@dataclass(frozen=True)
class StandIn:
    """A verb form the tagger misreads, the form to parse in its place, and its own lemma."""

    parse_as: str
    lemma: str


@dataclass(frozen=True)
class ParsingHints:
    """A language's misread verb forms (lowercase), the clitics only a verb follows, and the
    perfect auxiliaries after which a participle is a verb ("had supplied engines")."""

    stand_ins: dict[str, StandIn] = field(default_factory=dict)
    clitics: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    # nlp.asides: the reporting words an aside may interrupt, and the tags of a participle opening one
    aside_hosts: frozenset[str] = frozenset()
    participle_tags: frozenset[str] = frozenset()
    # nlp.asides: auxiliaries and the adverbials that may stand between one and its participle (longest first)
    auxiliary_lemmas: frozenset[str] = frozenset()
    adverbials: tuple[str, ...] = ()


def load_parsing_hints(rules: LanguageRules) -> ParsingHints:
    """The hints of the language's `parsing.yaml`; none when it has no such file."""
    if not rules.has("parsing"):
        return ParsingHints()
    data = rules.data("parsing")
    table = data.get("verb_stand_ins") or {}
    return ParsingHints(
        stand_ins={form.lower(): StandIn(str(spec["parse_as"]), str(spec["lemma"])) for form, spec in table.items()},
        clitics=word_set(data.get("verb_clitics")), perfect_auxiliaries=word_set(data.get("perfect_auxiliaries")),
        aside_hosts=_reporting_words(rules) if data.get("asides") else frozenset(),
        participle_tags=frozenset(str(tag) for tag in (data.get("asides") or {}).get("participle_tags") or ()),
        auxiliary_lemmas=word_set((data.get("aux_adverbials") or {}).get("auxiliaries")),
        adverbials=tuple(sorted(word_set((data.get("aux_adverbials") or {}).get("phrases")), key=len, reverse=True)))


def _reporting_words(rules: LanguageRules) -> frozenset[str]:
    """Lemmas of the language's cue verbs and nouns (`cues.yaml`): "reported", "a report"."""
    cues = rules.data("cues") if rules.has("cues") else {}
    return word_set([*(cues.get("verbs") or {}), *(cues.get("nouns") or {})])


def with_stand_ins(nlp: Language, doc: Doc, hints: ParsingHints) -> Doc:
    """`doc`, or a copy of it whose sentences with a misread verb carry the parse of their stand-in version."""
    return parsed_alone(nlp, stand_in_steps(doc, hints))


def stand_in_steps(doc: Doc, hints: ParsingHints) -> ParseSteps:
    """`with_stand_ins` in steps (nlp/components.py, `ParseSteps`): yields the sentences to parse again."""
    if not hints.stand_ins:
        return doc
    stand_ins = hints.stand_ins
    repairs = [(sentence, misread) for sentence in _clauses(doc) if (misread := _misread_verbs(sentence, hints))]
    if not repairs:
        return doc
    parse = doc.to_array(PARSE_ATTRS)
    repaired = False
    second = yield [_stand_in_doc(doc.vocab, sentence, misread, stand_ins) for sentence, misread in repairs]
    for (sentence, misread), parsed in zip(repairs, second):
        reparsed = _verbs_read(sentence, misread, parsed)
        if reparsed is None:
            continue
        parse[sentence.start:sentence.end] = reparsed.to_array(PARSE_ATTRS)
        for i in misread:
            parse[i, LEMMA_COLUMN] = doc.vocab.strings.add(stand_ins[doc[i].lower_].lemma)
        repaired = True
    return with_parse(doc, parse) if repaired else doc


def with_parse(doc: Doc, parse: numpy.ndarray) -> Doc:
    """A copy of `doc` (same words, spaces, entities) carrying `parse` (rows of PARSE_ATTRS)."""
    copy = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    copy.from_array(PARSE_ATTRS + KEPT_ATTRS, numpy.concatenate([parse, doc.to_array(KEPT_ATTRS)], axis=1))
    if TEXT_KEY in doc.user_data:  # the same words and spaces: the same text, already joined
        copy.user_data[TEXT_KEY] = doc.user_data[TEXT_KEY]
    return copy


def _clauses(doc: Doc) -> list[Span]:
    """The document's sentences, with a subject the parser cut off on its own ("Pékin" | "dément toute
    livraison ...": a short nominal sentence with no punctuation or line break after it) joined to the next."""
    spans: list[Span] = []
    for sentence in doc.sents:
        previous = spans[-1] if spans else None
        if previous is not None and _cut_off_subject(previous):
            spans[-1] = doc[previous.start:sentence.end]
        else:
            spans.append(sentence)
    return spans


def _cut_off_subject(sentence: Span) -> bool:
    last = sentence[-1]
    return len(sentence) <= 3 and last.pos_ in ("PROPN", "NOUN") and not last.whitespace_.count("\n")


def _misread_verbs(sentence: Span, hints: ParsingHints) -> set[int]:
    """Indexes of listed verb forms read as something else, where a verb may stand."""
    has_finite_verb = any(t.pos_ in VERB_TAGS and "Fin" in t.morph.get("VerbForm") for t in sentence)
    clitics = hints.clitics
    found = set()
    for token in sentence:
        if token.lower_ not in hints.stand_ins or token.i == sentence.start:
            continue
        before = token.nbor(-1)
        if before.lemma_.lower() in hints.perfect_auxiliaries:
            if token.pos_ not in VERB_TAGS or token.dep_ in ("amod", "compound"):
                found.add(token.i)  # "had supplied engines" read as "had [supplied engines]"
            continue
        if token.pos_ in VERB_TAGS:
            continue
        if before.pos_ in NOT_BEFORE_VERB and before.lower_ not in clitics:
            continue
        if before.pos_ == "ADJ" and before.head.i > before.i:
            continue  # an adjective before its noun ("un grand livre"); after one ("l'Union européenne") a verb may follow
        if has_finite_verb and before.lower_ not in clitics:
            continue
        found.add(token.i)
    return found


def _stand_in_doc(vocab: Vocab, sentence: Span, misread: set[int], stand_ins: dict[str, StandIn]) -> Doc:
    """The sentence's words, with its stand-ins, as a Doc to parse again."""
    words = [_cased(stand_ins[t.lower_].parse_as, t) if t.i in misread else t.text for t in sentence]
    return Doc(vocab, words=words, spaces=[bool(t.whitespace_) for t in sentence])


def _verbs_read(sentence: Span, misread: set[int], reparsed: Doc) -> Optional[Doc]:
    """The sentence parsed with its stand-ins, or None unless each stand-in is read as a verb with a subject."""
    if len(reparsed) != len(sentence):
        return None
    stand_ins_read = [reparsed[i - sentence.start] for i in misread]
    if any(t.pos_ not in VERB_TAGS or not any(c.dep_.startswith("nsubj") for c in t.children) for t in stand_ins_read):
        return None  # still not a verb with a subject: the first reading may have been right
    return reparsed


def _cased(word: str, like: Token) -> str:
    return word[:1].upper() + word[1:] if like.text[:1].isupper() else word

