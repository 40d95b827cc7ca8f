"""Token helpers shared by the attribution extractors, and the candidate record they produce."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import children_of, doc_text, labels_of, sentence_of
from claimgraph.model import Span

OPENING_QUOTES = "«“\"„‹"
CLOSING_QUOTES = "»”\"‟›"
QUOTE_CHARS = frozenset(OPENING_QUOTES + CLOSING_QUOTES + "'’‘")
# A pair of quote marks: « ... », “ ... ” or " ... " (straight quotes pair in reading order).
# « », “ ”, " ", „ “ and the doubled apostrophes of some wire and newspaper archives ('' '').
QUOTE_PAIR = re.compile(r"«\s*(?P<a>[^»]*?)\s*»|“(?P<b>[^”“]*?)”|\"(?P<c>[^\"]*?)\"|„(?P<d>[^“”]*?)[“”]"
                        r"|''(?P<e>(?:(?!'')[^\n])*?)''")


def quotations(text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(start, end, match) of each quotation of `text`, QUOTE_PAIR's matches in reading order, except that a
    straight mark opening a line opens a quotation: a quotation running on over paragraphs is closed by none
    at a paragraph's end and opened again at the next ("Our country is at the edge. / "What is at stake ..."),
    so a quotation that would close on a mark at a line's start ends with the line before it (`end` - 1 is
    that line break) and the mark opens the next one."""
    pos = 0
    while True:
        match = QUOTE_PAIR.search(text, pos)
        if match is None:
            return
        start, end = match.span()
        if match.group("c") is not None and "\n" in match.group("c"):
            line = text.rfind("\n", start, end - 1)
            if not text[line + 1:end - 1].strip(" \t"):
                yield start, line + 1, match
                pos = end - 1
                continue
        yield start, end, match
        pos = end
# Dependents that leave a source noun phrase: relative clauses, clauses, coordinated verbs.
SUBJECT_DEPS = frozenset({"nsubj", "expl:subj", "nsubj:pass", "nsubjpass", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
PASSIVE_MARK_DEPS = frozenset({"aux:pass", "auxpass"})
NP_STOP_DEPS = frozenset({"advcl", "ccomp", "parataxis", "punct", "cc", "conj", "dep"})


@dataclass
class Candidate:
    """An attribution found by one extractor, before ids, sources and factuality are settled.

    source_head (Optional[Token]): head word of the source noun phrase.
    source_span (Optional[Span]): the source span when no head word fits (impersonal source).
    cue (Optional[Span]): the cue words.
    content (Span): the reported proposition.
    kind (str): direct, indirect, according_to or mixed.
    cue_certainty, cue_polarity: what the cue says of the content ("suggests", "denied").
    cue_token (Optional[Token]): the cue's word, to avoid reading one cue twice.
    relays (str): "previous" when the candidate relays the previous sentence's claims
        (cleft "C'est ce qu'affirme X"), "confirm" when it confirms the previous claim,
        "cited" when its source is cited by the enclosing attribution's source.
    parent_ref (Optional[Candidate]): the candidate this one is embedded in or relayed by.
    source_type (Optional[str]): the source's type when no head word is typed (agentless reports).
    """

    content: Span
    source_head: Optional[Token] = None
    source_span: Optional[Span] = None
    cue: Optional[Span] = None
    kind: str = "indirect"
    cue_certainty: Optional[str] = None
    cue_polarity: Optional[str] = None
    cue_token: Optional[Token] = None
    relays: str = ""
    parent_ref: Optional["Candidate"] = None
    source_type: Optional[str] = None  # set when the source is the cue itself ("are said", "reportedly")


def span_of(doc: Doc, start: int, end: int) -> Span:
    """A model span of `doc.text[start:end]`, trimmed of spaces."""
    return Span.of(doc_text(doc), start, end)


def tokens_span(doc: Doc, tokens: Iterable[Token]) -> Optional[Span]:
    """The span from the first to the last of `tokens` (None when there are none)."""
    tokens = list(tokens)
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return span_of(doc, start, end)


def clause_tokens(head: Token, exclude: Iterable[Token] = ()) -> list[Token]:
    """The contiguous tokens of `head`'s subtree around it, minus the subtrees of `exclude`."""
    banned = {t.i for ex in exclude for t in ex.subtree}
    sub = sorted((t for t in head.subtree if t.i not in banned), key=lambda t: t.i)
    if not sub:
        return []
    # keep the contiguous run that contains the head: excluded material splits the clause
    runs: list[list[Token]] = [[sub[0]]]
    for tok in sub[1:]:
        if all(head.doc[j].is_space for j in range(runs[-1][-1].i + 1, tok.i)):
            runs[-1].append(tok)
        else:
            runs.append([tok])
    run = next((r for r in runs if any(t.i == head.i for t in r)), max(runs, key=len))
    return run


def trim_tokens(tokens: list[Token], strip_words: frozenset[str] = frozenset()) -> list[Token]:
    """`tokens` without leading complementisers and leading/trailing punctuation."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_space or tokens[start].lower_ in strip_words
                           or (tokens[start].is_punct and tokens[start].text not in QUOTE_CHARS)):
        start += 1
    while end > start and (tokens[end - 1].is_space or tokens[end - 1].is_punct and tokens[end - 1].text not in QUOTE_CHARS
                           or tokens[end - 1].dep_ == "cc"):
        end -= 1
    return tokens[start:end]


def content_span(doc: Doc, tokens: list[Token], strip_words: frozenset[str] = frozenset()) -> Optional[Span]:
    """The content span of `tokens`: trimmed, with balanced quote marks only."""
    tokens = trim_tokens(tokens, strip_words)
    if not tokens:
        return None
    span = tokens_span(doc, tokens)
    if span is None:
        return None
    text = span.text
    # a quote mark left open at either end belongs to the surrounding sentence, not the content
    # ("“one cyclist was treated” after the crash" keeps its paired opening mark)
    if len(text) > 1 and text[0] in OPENING_QUOTES and text[0] != "\"" and text[-1] == QUOTE_PARTNERS.get(text[0], text[0]) \
            and not any(c in text[1:-1] for c in (text[0], text[-1])):
        span = span_of(doc, span.start + 1, span.end - 1)  # a wholly quoted content: the words only
    elif text and text[0] in OPENING_QUOTES and _unpaired(text, text[0]):
        span = span_of(doc, span.start + 1, span.end)
    text = span.text
    if text and text[-1] in CLOSING_QUOTES and text[-1] != '"' and _unpaired(text, text[-1]):
        span = span_of(doc, span.start, span.end - 1)
    if len(re.findall(r"\w+", span.text)) < 2:
        return None
    return span


# How far past a content the closing mark of a quotation it opens may stand (characters).
QUOTE_REACH = 1200


def to_closing_mark(doc: Doc, content: Span) -> Span:
    """A content that opens a quotation goes on to its closing mark when the parser ended the sentence inside
    it: « a dénoncé un « Scandale ! Malgré une promesse faite, ... ! » » (the « ! » split the sentence)."""
    text = content.text
    full = doc_text(doc)
    if text.count('"') % 2 == 1 and full[content.end:content.end + 1] == '"':
        return span_of(doc, content.start, content.end + 1)  # 'de "pratiques qui faussent X"': the closing mark
    for opening, closing in (("«", "»"), ("“", "”")):
        depth = text.count(opening) - text.count(closing)
        if depth <= 0:
            continue
        if not re.search(r"\w", text[text.rfind(opening):]) and ":" in text[text.rfind(opening) - 3:]:
            return content  # 'said: “' : a quotation opened after a colon is a statement of its own
        limit = min(len(full), content.end + QUOTE_REACH)
        i = content.end
        while i < limit and full[i] != "\n":
            if full[i] == opening:
                depth += 1
            elif full[i] == closing:
                depth -= 1
                if depth == 0:
                    return span_of(doc, content.start, i + 1)
            i += 1
    return content


QUOTE_PARTNERS = {"«": "»", "»": "«", "“": "”", "”": "“", "‹": "›", "›": "‹", "„": "“"}


def _unpaired(text: str, mark: str) -> bool:
    """`mark` has no partner in `text`: more of it than of its pair (straight quotes: an odd count)."""
    partner = QUOTE_PARTNERS.get(mark)
    if partner is None:
        return text.count(mark) % 2 == 1
    return text.count(mark) > text.count(partner)


def noun_phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without clauses or comma-separated parts."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in NP_STOP_DEPS]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in NP_STOP_DEPS)
    keep.sort(key=lambda t: t.i)
    # stay inside commas around the head ("le secrétaire général, Jens Stoltenberg,")
    left = [t for t in keep if t.i <= head.i]
    right = [t for t in keep if t.i > head.i]
    for i in range(len(left) - 1, 0, -1):
        if left[i].i - left[i - 1].i > 1:
            gap = head.doc[left[i - 1].i + 1:left[i].i]
            if any(g.text == "," for g in gap):
                left = left[i:]
                break
    contiguous = [right[0]] if right and right[0].i == head.i + 1 else []
    for tok in right[1:]:
        if contiguous and tok.i == contiguous[-1].i + 1:
            contiguous.append(tok)
        else:
            break
    result = left + contiguous
    while result and (result[-1].is_punct and result[-1].text not in '"»”'):
        result.pop()
    while result and (result[0].is_punct and result[0].text not in '"«“' or result[0].dep_ in ("case", "prep", "mark")
                      and result[0].i < head.i):
        result.pop(0)  # "par l'officiel" -> "l'officiel"
    return result or [head]


def conjoined_to_reported_passive(verb: Token) -> bool:
    """"Lin said trade should not be disrupted and warned that ...": the parser hangs the second reporting
    verb on the reported passive clause, whose subject cannot be the one who warns. An active verb with no
    subject of its own, conjoined to a passive complement clause, is the reporter's second verb."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or head.dep_ != "ccomp":
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_MARK_DEPS for c in verb.children):
        return False
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(c.dep_ in PASSIVE_SUBJECT_DEPS for c in subjects)


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of `verb`, looking through auxiliaries and coordination ("X ..., mais a affirmé")."""
    if conjoined_to_reported_passive(verb):
        return subject_of(verb.head.head)
    node: Optional[Token] = verb
    doc = verb.doc
    deps, children = labels_of(doc)[2], children_of(doc)
    for _ in range(4):
        if node is None:
            break
        subjects = [doc[j] for j in children[node.i] if deps[j] in SUBJECT_DEPS]  # labels read by index first
        if subjects:
            # "Fishing: NGO condemns quotas": a topic before a headline colon is not the subject, nor a heading
            # line the parser ran into the sentence after it ("X's smoke screens\nLast week, X submitted ...")
            return next((c for c in subjects[1:] if any(t.text == ":" or "\n" in t.text
                                                         for t in c.doc[subjects[0].i:c.i])), subjects[0])
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            break
    return None


def before_occasion(tokens: list[Token], preps: frozenset[str], nouns: frozenset[str]) -> list[Token]:
    """`tokens` up to a trailing "after/amid + report" phrase: "denies arming Russia after drone engine
    report" denies the arming; the report is the occasion of the denial, not part of what is denied."""
    for position, token in enumerate(tokens[1:], start=1):
        if token.lower_ not in preps:
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"] or ([token.head] if token.dep_ == "case" else [])
        if any(noun.lemma_.lower() in nouns for noun in objects):
            return tokens[:position]
    return tokens


def on_line_of(doc: Doc, content: Span, anchor: Token) -> Optional[Span]:
    """`content` cut to the line of `anchor` (the cue): a headline without final punctuation is parsed
    with the body's first sentence, but a report stays on its own line."""
    text = doc_text(doc)
    if "\n" not in content.text:
        return content
    start = text.rfind("\n", 0, anchor.idx) + 1
    end = text.find("\n", anchor.idx)
    end = len(text) if end < 0 else end
    lo, hi = max(content.start, start), min(content.end, end)
    if hi <= lo:
        return None
    tokens = [t for t in doc.char_span(lo, hi, alignment_mode="expand") or [] if not t.is_space]
    return content_span(doc, tokens)


def sentence_tokens(token: Token) -> list[Token]:
    return list(sentence_of(token))


def before_gloss(tokens: list[Token]) -> list[Token]:
    """`tokens` up to a narrator's gloss set off by a comma (ANNOTATION 1.9): « a demandé le retrait du projet,
    un propos qualifié de ... », "denied the sale, a move critics called ...": an apposition opened by an
    indefinite or demonstrative determiner describes the statement, it is not part of it; not one set into the
    clause's subject before its verb."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.dep_ != "appos" or token.pos_ != "NOUN" or token.head.i not in inside:
            continue
        if token.head.dep_ in SUBJECT_DEPS and token.head.head.i > token.right_edge.i:
            continue  # "at least five riders, four adults and a child, were rescued": the subject's apposition
        start = token.left_edge
        if start.i == 0 or start.doc[start.i - 1].text != "," or start.dep_ != "det":
            continue
        if "Ind" in start.morph.get("Definite") or "Dem" in start.morph.get("PronType") \
                or start.lower_ in ("a", "an", "this", "that"):
            return [t for t in tokens if t.i < start.i - 1]
    return tokens


def question_content(doc: Doc, content: Span, marks: frozenset[str]) -> Span:
    """"examine whether P", « se demandent si P »: the content is P, after the question's mark (ANNOTATION 1.9);
    only a mark that opens the reported clause itself, not a condition inside it (« que si P, Q », "whether P
    depends on Q": the mark's clause hangs on a word of the content)."""
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ not in marks:
        return content
    clause = span[0].head
    if not span.start <= clause.i < span.end or clause.head.i != clause.i and span.start <= clause.head.i < span.end:
        return content
    return Span.of(doc_text(doc), span[1].idx, content.end)


def open_question(doc: Doc, content: Span, marks: frozenset[str]) -> bool:
    """Whether `content` opens with a question's mark or word ("why ...", "whether ...")."""
    first = doc.char_span(content.start, content.end, alignment_mode="expand")
    return first is not None and len(first) > 0 and (first[0].lower_ in marks or first[0].tag_ in ("WRB", "WP", "WDT"))
