"""Parse a Title-Case headline again in sentence case.

English headlines are often written in Title Case ("Army Bombs Crowded Market In Tarvik",
"Crowd Clashes With Officers At Vigil For Teen"). The tagger reads every
capitalised word as a proper noun, so the headline has no verb: no event, no subject,
one long name. When an article's first line is in Title Case, it is parsed again with
its words lower-cased, except the words the article itself writes with a capital in its
body (names: "Tarvik") and words in capitals ("NATO", "US"); the headline's
words take the new tree and lemmas (text, offsets and entities unchanged). A name only the
headline writes keeps its capital too: a proper noun the body never writes that the language's
dictionary does not know in lower case ("Ruvania"; the lemmatizer's tables, any inflection), with
the words of the first parse's name built on it ("Mara" of "Mara Quist"); the recogniser's reading
of the sentence-case headline names it (one more parse, only for such a headline). A verb form
the tagger still misreads in the lower-cased headline ("sudan bombs ...") gets the
language's stand-in (`parsing.yaml`, nlp/stand_ins.py) in the same second parse.

Cost: one headline (about 10 words) parsed again per Title-Case article, in the batch's
shared second parse (nlp/components.py); articles with a sentence-case headline parse
nothing more.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.extract.doc_text import doc_text
from claimgraph.model.records import INPUT_HEADER
from claimgraph.nlp.components import ParseSteps
from claimgraph.nlp.stand_ins import (LEMMA_COLUMN, PARSE_ATTRS, VERB_TAGS, ParsingHints, _cased, with_parse)

# A headline is in Title Case when at least this share of its longer words (4 letters or more, the
# first word apart) start with a capital, and it has at least this many such words.
TITLE_CASE_SHARE = 0.8
TITLE_CASE_WORDS = 3
MAX_TITLE_TOKENS = 40


def headline_steps(doc: Doc, hints: ParsingHints, lexicon: Optional[Lexicon] = None) -> ParseSteps:
    """`doc`, or a copy whose Title-Case headline carries the parse of its sentence-case version
    (a ParseSteps stage: yields the headline to parse again). Without `lexicon`, every word is known
    (only the body's capitals and words in capitals are kept)."""
    title = _title(doc)
    if title is None or not _is_title_case(title):
        return doc
    body_case = _body_case(doc, title.end)
    names = _headline_names(title, body_case, lexicon.known) if lexicon is not None else set()
    words = [t.text if t.i in names else _sentence_case(t, title.start, body_case) for t in title]
    spaces = [bool(t.whitespace_) for t in title]
    (parsed,) = yield [Doc(doc.vocab, words=words, spaces=spaces)]
    if len(parsed) != len(title):
        return doc
    misread = _misread(parsed, hints)
    lemmas: dict[int, str] = {}
    if misread:
        stand_in_words = [_cased(hints.stand_ins[w.lower()].parse_as, parsed[i]) if i in misread else w
                          for i, w in enumerate(words)]
        (second,) = yield [Doc(doc.vocab, words=stand_in_words, spaces=spaces)]
        if len(second) == len(title) and all(second[i].pos_ in VERB_TAGS and any(
                c.dep_.startswith("nsubj") for c in second[i].children) for i in misread):
            parsed = second
            lemmas = {i: hints.stand_ins[words[i].lower()].lemma for i in misread}
    parse = doc.to_array(PARSE_ATTRS)
    parse[title.start:title.end] = parsed.to_array(PARSE_ATTRS)
    for i, lemma in lemmas.items():
        parse[title.start + i, LEMMA_COLUMN] = doc.vocab.strings.add(lemma)
    copy = with_parse(doc, parse)
    lowered = {title.start + i for i, (w, t) in enumerate(zip(words, title)) if w != t.text}
    headline_labels = {(title.start + start, title.start + end): label for (start, end), label
                       in (lexicon.names(words, spaces) if lexicon is not None and names else {}).items()}
    copy.ents = _names_kept(copy, title, lowered, names, headline_labels)
    return copy


def _names_kept(doc: Doc, title: Span, lowered: set[int], names: set[int],
                headline_labels: dict[tuple[int, int], str]) -> list[Span]:
    """The entities of `doc`, less those the recogniser found in the Title-Case headline across a word the
    body writes in lower case ("Army Bombs Crowded Market", "Crowd Clashes"); inside one, each run
    of the other words is a name again when the body names the same words (with the body's label),
    or when it holds a name only the headline writes (`names`) and the sentence-case parse names
    the same words (with that parse's label); and that parse's names of such words nothing covers."""
    body_labels = {e.text: e.label_ for e in doc.ents if e.start >= title.end}
    kept: list[Span] = []
    for entity in doc.ents:
        if entity.end <= title.start or entity.start >= title.end or not lowered & set(range(entity.start, entity.end)):
            kept.append(entity)
            continue
        run: list[int] = []
        for i in [*range(entity.start, entity.end), -1]:
            if i >= 0 and i not in lowered and not doc[i].is_punct:
                run.append(i)
                continue
            if run and (text := doc[run[0]:run[-1] + 1].text) in body_labels:
                kept.append(Span(doc, run[0], run[-1] + 1, label=body_labels[text]))
            elif run and names & set(run) and (run[0], run[-1] + 1) in headline_labels:
                kept.append(Span(doc, run[0], run[-1] + 1, label=headline_labels[(run[0], run[-1] + 1)]))
            run = []
    taken = {i for e in kept for i in range(e.start, e.end)}
    for (start, end), label in headline_labels.items():  # a headline-only name the first parse did not find
        span = set(range(start, end))
        if names & span and not (lowered | taken) & span:
            kept.append(Span(doc, start, end, label=label))
            taken |= span
    return sorted(kept, key=lambda e: e.start)


def _title(doc: Doc) -> Optional[Span]:
    """The article's first line after the input header, when it is one sentence of its own."""
    text = doc_text(doc)
    header = INPUT_HEADER.match(text)
    start = header.end() if header else len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not 2 < len(span) <= MAX_TITLE_TOKENS:
        return None
    return span


def _is_title_case(title: Span) -> bool:
    longer = [t for t in title[1:] if t.is_alpha and len(t) >= 4]
    capitals = sum(1 for t in longer if t.text[:1].isupper())
    return len(longer) >= TITLE_CASE_WORDS and capitals >= TITLE_CASE_SHARE * len(longer)


def _body_case(doc: Doc, start: int) -> Counter[tuple[str, bool]]:
    """How often the body writes each word (lower-cased) with a capital, and without, leaving out
    the first word of a sentence or line (capitalised there whatever it is)."""
    counts: Counter[tuple[str, bool]] = Counter()
    for token in doc[start:]:
        if not token.is_alpha or token.is_sent_start or _after_break(token):
            continue
        counts[(token.lower_, token.text[:1].isupper())] += 1
    return counts


def _after_break(token: Token) -> bool:
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.is_space or "\n" in before.whitespace_ or before.text in (".", "!", "?", ":", "\"", "“", "‘", "'")


def _sentence_case(token: Token, first: int, body: Counter[tuple[str, bool]]) -> str:
    """The word as a sentence-case headline writes it: its capital kept at the start, in a word in capitals
    ("SAF"), and in a word the body writes with a capital more often than without (a name)."""
    text = token.text
    if token.i == first or not text[:1].isupper() or (len(text) > 1 and text.isupper()):
        return text
    lower = token.lower_
    if body[(lower, True)] > body[(lower, False)]:
        return text
    return lower


def _headline_names(title: Span, body: Counter[tuple[str, bool]], known: Callable[[str], bool]) -> set[int]:
    """Indexes of the headline words that keep their capital as names only the headline writes: a proper
    noun the body never writes, unknown to the dictionary in lower case ("Ruvania"), and the words of
    the same first-parse entity whose head it is ("Mara" of "Mara Quist")."""
    names = {t.i for t in title if t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN"
             and not body[(t.lower_, True)] and not body[(t.lower_, False)] and not known(t.lower_)}
    for index in sorted(names):
        name = title.doc[index]
        for token in title.doc[index].subtree:
            if (token.i not in names and title.start <= token.i < title.end and token.is_alpha and token.pos_ == "PROPN"
                    and token.ent_type and _same_entity(token, name) and not body[(token.lower_, True)]
                    and not body[(token.lower_, False)]):
                names.add(token.i)
    return names


def _same_entity(one: Token, other: Token) -> bool:
    doc = one.doc
    first, last = sorted((one.i, other.i))
    return all(doc[i].ent_type == one.ent_type for i in range(first, last + 1)) and not any(
        doc[i].ent_iob_ == "B" for i in range(first + 1, last + 1))


@dataclass(frozen=True)
class Lexicon:
    """The language's dictionary (`known`: is a lower-case word a form or a lemma of the lemmatizer's
    tables) and its recogniser (`names`: the entities of a few words, a whole parse of them)."""

    known: Callable[[str], bool]
    nlp: Language

    def names(self, words: list[str], spaces: list[bool]) -> dict[tuple[int, int], str]:
        return {(e.start, e.end): e.label_ for e in self.nlp(Doc(self.nlp.vocab, words=words, spaces=spaces)).ents}


@lru_cache(maxsize=8)
def headline_lexicon(nlp: Language) -> Optional[Lexicon]:
    """The pipeline's `Lexicon`: spaCy's rule lemmatizer (index, exceptions and suffix rules) or a lookup
    lemmatizer (its table's forms); None when the pipeline has no such tables."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not (lookups.has_table("lemma_index") or lookups.has_table("lemma_lookup")):
        return None
    index = lookups.get_table("lemma_index") if lookups.has_table("lemma_index") else {}
    exceptions = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    lookup = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else {}
    rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
    by_pos = {pos: frozenset(index[pos]) for pos in index.keys()}
    forms = frozenset().union(*by_pos.values(), *(exceptions[pos].keys() for pos in exceptions.keys()))
    suffixes = {pos: [(old, new) for old, new in rules[pos] if old] for pos in rules.keys() if pos in by_pos}

    def known(word: str) -> bool:
        if word in forms or word in lookup:
            return True
        return any(word.endswith(old) and word[:len(word) - len(old)] + new in by_pos[pos]
                   for pos, pairs in suffixes.items() for old, new in pairs)
    return Lexicon(known, nlp)


def _misread(parsed: Doc, hints: ParsingHints) -> set[int]:
    """Indexes of the language's listed verb forms the lower-cased headline still reads as nouns, where its
    first verb may stand: right after a name or noun, with no verb before it."""
    if not hints.stand_ins:
        return set()
    for token in parsed[1:]:
        if token.pos_ in VERB_TAGS:
            return set()
        if token.lower_ in hints.stand_ins and parsed[token.i - 1].pos_ in ("PROPN", "NOUN"):
            return {token.i}
    return set()
