"""claimgraph's own spaCy components, added to each language's pipeline once at load time."""
from __future__ import annotations

import re
from typing import Generator, Optional, Sequence, Union

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.lang import LanguageRules
from claimgraph.model.records import INPUT_HEADER

SENTENCE_FINAL = frozenset(".!?…»\"”")
# A lower-case abbreviation of dotted letters ("a.m.", "p.m.").
DOTTED = re.compile(r"[a-z](?:\.[a-z])+\.")


@Language.component("claimgraph_paragraph_breaks")
def paragraph_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break that follows sentence-final punctuation.

    The French parser otherwise glues the last sentence of a paragraph to the
    first of the next. Breaks after unpunctuated lines (headlines) are left to
    the parser: forcing them measured worse on events.
    """
    title_end = _title_end(doc)
    for token in doc[2:]:
        gap = doc[token.i - 1]
        if gap.is_space and "\n" in gap.text and not token.is_space and (
                doc[token.i - 2].text[-1:] in SENTENCE_FINAL or gap.text.count("\n") >= 2 or gap.idx == title_end):
            token.is_sent_start = True
        elif token.is_sent_start is None and (_inside_name(gap, token) or _after_abbreviation(gap, token)):
            token.is_sent_start = False
    return doc


def _after_abbreviation(previous: Token, token: Token) -> bool:
    """Whether `token` is a lower-case word after a full stop on the same line ("on Snyder Ave. in the east",
    "at 7 a.m. on Tuesday", "at 7 a.m. GMT"): the stop ends an abbreviation, as no sentence starts in lower case."""
    if previous.text[-1:] != "." or previous.whitespace_ != " " or not token.is_alpha:
        return False
    # "at 7:37 a.m. UTC": a zone's capitals after a lower-case dotted abbreviation
    return token.text.islower() or DOTTED.fullmatch(previous.text) is not None and token.text.isupper() \
        and 2 <= len(token.text) <= 4


def _inside_name(previous: Token, token: Token) -> bool:
    """Whether `token` is a capitalised word after a word on the same line ("le gazoduc Tolvik Stream",
    "Jean-Tolvik Brann, le candidat"): no sentence starts there without punctuation, though the French
    parser cut names so (and the NER does not cross a sentence start)."""
    return token.text[:1].isupper() and previous.whitespace_ == " " and previous.text[-1:].isalpha() \
        and not previous.is_punct


def _title_end(doc: Doc) -> int:
    """Where the article's first line ends when it is a headline (short, several words): the
    parser otherwise reads "China completes telescope / On Sunday, China announced ..." as one
    sentence and hangs the body's first report on the headline."""
    text = _text(doc)
    start = len(text) - len(text.lstrip())
    header = INPUT_HEADER.match(text)
    if header is not None:
        start = header.end()
    end = text.find("\n", start)
    line = text[start:end] if end > 0 else ""
    return end if 2 < len(line.split()) <= 25 else -1


@Language.component("claimgraph_header_sentence")
def header_sentence(doc: Doc) -> Doc:
    """The input header is a sentence of its own, and the headline after it is one sentence:
    parsed together, the parser makes "date" the headline's subject."""
    text = _text(doc)
    header = INPUT_HEADER.match(text)
    if header is None:
        return _title_line(doc, text)
    line_end = text.find("\n", header.end())
    line_end = len(text) if line_end < 0 else line_end
    first = True
    for token in doc:
        if token.idx < header.end():
            if token.i > 0:
                token.is_sent_start = False
        elif token.idx < line_end:
            token.is_sent_start = first
            first = False
    return doc


def _text(doc: Doc) -> str:
    """`doc.text`, joined from every token on each access: built once and kept on the Doc for the
    components after this one and for extraction (extract/doc_text.py; no component changes tokens)."""
    from claimgraph.extract.doc_text import doc_text  # here: claimgraph.extract imports claimgraph.nlp

    return doc_text(doc)


# A first line longer than this is a paragraph, not a title.
TITLE_MAX_CHARS = 250


def _title_line(doc: Doc, text: str) -> Doc:
    """A text's first line, when it is a short title, is one sentence: run into the lede that follows,
    its content swallowed the lede's first clause ("X dénonce Y" + "L'ONG a publié ...")."""
    line_end = text.find("\n")
    if line_end <= 0 or line_end > TITLE_MAX_CHARS or text[:line_end].rstrip()[-1:] in SENTENCE_FINAL:
        return doc
    for token in doc:
        if token.idx >= line_end:
            if not token.is_space:
                token.is_sent_start = True
                break
        elif token.i > 0:
            token.is_sent_start = False
    return doc


def add_components(nlp: Language, rules: LanguageRules) -> Language:
    """Add claimgraph's components to a freshly loaded pipeline: paragraph-break sentence
    starts before the parser, and the gazetteer's entity ruler; the model's attribute ruler
    finds its matches by table lookups (nlp/attribute_matches.py, the same matches)."""
    from claimgraph.nlp.attribute_matches import speed_up_attribute_ruler
    from claimgraph.nlp.entity_ruler import add_entity_ruler

    speed_up_attribute_ruler(nlp)
    _keep_title_abbreviations(nlp, rules)

    if "claimgraph_header_sentence" not in nlp.pipe_names:
        nlp.add_pipe("claimgraph_header_sentence", before="parser")
    if "claimgraph_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("claimgraph_paragraph_breaks", before="parser")
    add_entity_ruler(nlp, rules)
    return nlp


def _keep_title_abbreviations(nlp: Language, rules: LanguageRules) -> None:
    """Titles written with a period before a name ("Sgt. Ray Moss", `title_abbreviations` in parsing.yaml)
    become one token: split as "Sgt" + ".", the parser ended the sentence there and cut the name from it."""
    from spacy.attrs import ORTH

    words = (rules.data("parsing").get("title_abbreviations") or ()) if rules.has("parsing") else ()
    for word in words:
        nlp.tokenizer.add_special_case(str(word), [{ORTH: str(word)}])  # type: ignore[union-attr]


# Components that only add entities (the gazetteer's ruler is named "claimgraph_gazetteer").
ENTITY_COMPONENTS = ("claimgraph_gazetteer", "ner")


def parse_again(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """`docs` through `nlp` without the entity components: a second parse of a sentence
    (nlp/stand_ins.py, nlp/asides.py) reads only its tags, lemmas and tree and keeps the
    article's entities, and the NER is the costliest component (its own tok2vec). One batch
    for all of an article's sentences: a call per sentence cost about twice as much per token,
    for the same parse (each Doc's parse does not depend on the others of its batch)."""
    if not docs:
        return []
    return list(nlp.pipe(docs, disable=[name for name in nlp.pipe_names if name in ENTITY_COMPONENTS]))


# A second-parse stage written as steps: it yields the Docs it needs parsed again (`parse_again`), is sent
# their parses in the same order, and returns its Doc. Run alone (`parsed_alone`) or with the stages of the
# other articles of a batch (`parsed_together`), which share each `nlp.pipe` call: one call per article
# cost about twice as much as one per batch for the same parses.
ParseSteps = Generator[list[Doc], list[Doc], Doc]


def parsed_alone(nlp: Language, steps: ParseSteps) -> Doc:
    """The Doc `steps` return, each of its requests parsed as it comes (what it raises is raised)."""
    result = parsed_together(nlp, [steps])[0]
    if isinstance(result, Exception):
        raise result
    return result


def parsed_together(nlp: Language, stages: Sequence[ParseSteps]) -> list[Union[Doc, Exception]]:
    """The Doc each of `stages` returns, their requests of each round parsed in one `parse_again` (a Doc's
    parse does not depend on the others of its batch), or the exception a stage raised: it stops there and
    the others go on. An error of the shared parse itself is raised."""
    results: list[Union[Doc, Exception]] = [Exception("not run")] * len(stages)
    sending: dict[int, Optional[list[Doc]]] = {i: None for i in range(len(stages))}
    while sending:
        asked: dict[int, list[Doc]] = {}
        for i, answer in sending.items():
            try:
                asked[i] = stages[i].send(answer)  # type: ignore[arg-type]
            except StopIteration as done:
                results[i] = done.value
            except Exception as exc:  # noqa: BLE001  (one article's failure: its caller rejects it)
                results[i] = exc
        parsed = parse_again(nlp, [doc for docs in asked.values() for doc in docs])
        sending, start = {}, 0
        for i, docs in asked.items():
            sending[i], start = parsed[start:start + len(docs)], start + len(docs)
    return results
