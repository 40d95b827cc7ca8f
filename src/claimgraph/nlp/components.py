"""claimgraph's own spaCy components, added to each language's pipeline once at load time."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.lang import LanguageRules

# The contract's ` date 2024-09 ` header: the title starts right after it, on the same line.
DATE_HEADER = re.compile(r"^[ \t]*date[ \t]+\d{4}(?:-\d{2}(?:-\d{2})?)?[ \t]+")


@Language.component("claimgraph_line_breaks")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a date header.

    Headlines, datelines and paragraphs carry no final punctuation often enough
    that the parser would glue them to the next sentence; a line break in news
    text always ends one.
    """
    header = DATE_HEADER.match(doc.text)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.text or "\n" in previous.whitespace_ or (header and token.idx == header.end()):
            token.is_sent_start = True
    return doc


def add_components(nlp: Language, rules: LanguageRules) -> Language:
    """Add claimgraph's components to a freshly loaded pipeline: line-break sentence starts
    before the parser, and the gazetteer's entity ruler."""
    from claimgraph.nlp.entity_ruler import add_entity_ruler

    if "claimgraph_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("claimgraph_line_breaks", before="parser")
    add_entity_ruler(nlp, rules)
    return nlp
