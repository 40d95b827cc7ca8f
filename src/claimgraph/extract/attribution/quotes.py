"""Direct quotations: quote marks paired across the text, the speaker in the clause before, after or around.

A quotation stands alone when it opens a sentence or follows a colon; one
that continues a clause ("ont été « très préoccupants »") is a fragment of
mixed speech and is read with its cue verb by `cues.py`.
"""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import doc_text
from claimgraph.extract.attribution.cue_arguments import inverted_subject
from claimgraph.extract.attribution.cue_words import cue_span_tokens, match_cue, noun_read_cue
from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.spans import Candidate, quotations, span_of, subject_of, tokens_span
from claimgraph.model import Span

MIN_QUOTE_WORDS = 4
# How many tokens around the quote the speaker's clause may take.
WINDOW = 10
STANDALONE_BEFORE = frozenset(".!?:;\n—–»”")  # a semicolon opens a clause of its own; « A » « B »: B too


def quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """(open mark, close mark + 1) offsets of each quotation of `text`, in reading order."""
    done = 0
    for start, end, match in quotations(text):
        if start < done:
            continue  # inside a quotation already given whole
        inner = next(g for g in ("a", "b", "c", "d", "e") if match.group(g) is not None)
        if "\n\n" in match.group(inner) and len(match.group(inner)) > 1500:
            continue
        end = _balanced_end(text, end, match.group(inner).count("«")) if inner == "a" else end
        done = end
        yield start, end


def _balanced_end(text: str, end: int, open_inside: int) -> int:
    """« On a relevé 261 cas de « réelle » fraude » : an inner « » pair does not close the quotation."""
    depth = open_inside
    i = end
    paragraph = text.find("\n\n", end)
    limit = len(text) if paragraph < 0 else paragraph
    while depth > 0 and i < limit:
        if text[i] == "«":
            depth += 1
        elif text[i] == "»":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return end


def _cue_near(tokens: list[Token], lexicon: Lexicon) -> Optional[tuple[Token, list[Token]]]:
    for tok in tokens:
        found = match_cue(tok, lexicon)
        if found is not None:
            return tok, found[1]
    return None


def _verb_first(following: list[Token]) -> bool:
    """The words after a closing quote mark open with a verb group (an inverted incise without comma)."""
    # « ... » s'est réjoui le ministre: a clitic pronoun may come before the verb
    words = [t for t in following if t.pos_ != "ADV" and not (t.pos_ == "PRON" and t.head.i > t.i and (
        t.dep_.startswith("expl") or t.dep_ in ("obj", "iobj")))]
    return bool(words) and words[0].pos_ in ("AUX", "VERB") and "Fin" in (
        words[0].morph.get("VerbForm") or ["Fin"]) and not words[0].morph.get("Person") == ["1"]


def _speaker(verb: Token, after_quote: bool, lexicon: Lexicon) -> Optional[Token]:
    subject = subject_of(verb)
    if subject is not None and not (after_quote and subject.i < verb.i and subject.is_punct):
        # a subject inside the quotation is the quote's own subject, not the speaker
        return subject
    return inverted_subject(verb) or (_first_bare_noun(verb, lexicon) if after_quote else None)


def _own_report(verb: Token) -> bool:
    """A participle with no subject of its own and a clause after it ("adding that P", « précisant que P »); not a
    finite incise over a split quotation ('"If so," a spokesperson said, "they ..."')."""
    return bool({"Ger", "Part"} & set(verb.morph.get("VerbForm"))) and not any(
        c.dep_.startswith("nsubj") for c in verb.children) and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _first_bare_noun(verb: Token, lexicon: Lexicon) -> Optional[Token]:
    """The speaker after an incise verb the parser hung elsewhere, before the next comma: a person's name
    or a person noun first (« ... » a écrit sur son blog le maire), else the first noun no
    preposition introduces (« ... » déclare à l'AFP Ana Ruiz: the parser hung the name on the addressee)."""
    words = []
    for tok in verb.doc[verb.i + 1:verb.i + WINDOW]:
        if tok.is_punct or "\n" in tok.text:
            break
        if tok.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in tok.children) \
                and not (tok.dep_ in ("flat", "flat:name", "compound") and tok.head.i < tok.i):
            words.append(tok)
    person = next((t for t in words if t.ent_type_ in ("PER", "PERSON") or t.pos_ == "NOUN" and (
        t.lemma_.lower() in lexicon.person_nouns or t.lower_ in lexicon.person_nouns)), None)
    return person or next(iter(words), None)


def quote_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """A candidate for each stand-alone quotation of `doc` that has at least MIN_QUOTE_WORDS words."""
    text = doc_text(doc)
    for start, end in quote_spans(text):
        mark = 2 if text.startswith("''", start) else 1  # doubled apostrophes are a two-character mark
        content = span_of(doc, start + mark, end - mark)
        if len(content.text.split()) < MIN_QUOTE_WORDS:
            continue
        prev = text[:start].rstrip(" \t")
        standalone = not prev or prev[-1] in STANDALONE_BEFORE or prev.endswith(",")
        if not standalone:
            continue
        inside = doc.char_span(start, end, alignment_mode="expand")
        if inside is None:
            continue
        window = list(doc[inside.end:inside.end + WINDOW])
        cut = next((k for k, t in enumerate(window) if "\n" in t.text), len(window))  # a report stays on its line
        following = [t for t in window[:cut] if not t.is_space]
        # a quoted sentence is no phrase the next paragraph's "The ..." goes on with; a quoted subheading may be
        next_words = following if content.text.rstrip()[-1:] in ".!?…" else [t for t in window if not t.is_space]
        cut = next((k for k, t in enumerate(following) if t.text in ".!?" or t.text[:1] in "«“\""), len(following))
        following = following[:cut]
        preceding = [t for t in doc[max(inside.start - WINDOW, 0):inside.start]]
        cut = max((k + 1 for k, t in enumerate(preceding) if t.text in ".!?»”" or "\n" in t.text), default=0)
        preceding = preceding[cut:]
        found = _cue_near(following, lexicon) if following and following[0].text in ",—–-" or \
            following and prev.endswith(("?", "!")) else None
        after = found is not None
        if found is None and following and following[0].text in ",":
            found = _cue_near(following, lexicon)
            after = found is not None
        if found is None and preceding and preceding[-1].text in ":,":
            found = _cue_near(list(reversed(preceding)), lexicon)
        if found is None and content.text.rstrip()[-1:] in ",?!" and following:
            found = _cue_near(following, lexicon)  # "Nous ne céderons pas", a-t-il dit
            after = found is not None
        if found is None and len(following) > 2 and following[0].text == ",":
            read = noun_read_cue(following[1], lexicon)  # « ... », juge le ministère: the verb read as a noun
            found = (following[1], read[1]) if read is not None else None
            after = found is not None
        if found is None and _verb_first(following):
            found = _cue_near(following[:4], lexicon)  # « ... » a ensuite précisé le ministre (no comma)
            after = found is not None
        if after and _own_report(found[0]):
            # 'X told reporters: "...", adding that P': a participle after the quote reports its own clause P,
            # so it is no incise of the quote; the quote is the cue's before it, or its context's
            found, after = None, False
            if preceding and preceding[-1].text in ":,":
                found = _cue_near(list(reversed(preceding)), lexicon)
        if found is None:
            if next_words and next_words[0].pos_ in ("ADP", "DET") and prev[-1:] == "\n":
                continue  # « Part dans la hausse » des prix: a quoted phrase in a title line, not speech
            yield Candidate(content=_strip_inner(content), kind="direct")  # bare: speaker from context
            continue
        verb, words = found
        speaker = _speaker(verb, after, lexicon)
        if speaker is not None and inside.start <= speaker.i < inside.end:
            speaker = inverted_subject(verb)
        yield Candidate(content=_strip_inner(content), source_head=speaker, kind="direct",
                        cue=tokens_span(doc, cue_span_tokens(verb, words)), cue_token=verb)


def _strip_inner(content: Span) -> Span:
    """A quotation's content without a trailing comma ("..., " a-t-il dit)."""
    text = content.text
    cut = len(text)
    while cut > 0 and text[cut - 1] in ", ":
        cut -= 1
    return Span(content.start, content.start + cut, text[:cut])
