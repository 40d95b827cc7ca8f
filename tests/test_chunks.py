"""A long text is parsed in pieces and joined into one Doc with the article's own offsets (nlp/chunks.py)."""
from __future__ import annotations

import warnings

import pytest

import claimgraph.nlp.pipeline
from claimgraph.extract.doc_text import doc_text, token_bounds
from claimgraph.model import Document
from claimgraph.nlp.chunks import parse_in_pieces, pieces

PARAGRAPHS = [
    "The Norland foreign ministry said on Monday that it had never supplied drone engines to Vesteria.",
    "Officials in Ostrava claimed that the engines were shipped through a third country in March.",
    "Kalder Systems denied the report, a spokesman told reporters in Brenmark.",
    "According to the newspaper, the plant produced machine tools for the army last year.",
]
TEXT = "Engines for Vesteria\n\n" + "\n\n".join(PARAGRAPHS * 3) + "\n"


def test_pieces_cover_the_text_and_cut_after_blank_lines() -> None:
    spans = list(pieces(TEXT, 300))
    assert len(spans) > 2
    assert "".join(TEXT[s:e] for s, e in spans) == TEXT
    assert all(e - s <= 300 for s, e in spans)
    assert all(TEXT[s - 2:s] == "\n\n" for s, _ in spans[1:])


def test_pieces_without_spaces_are_cut_hard() -> None:
    text = "x" * 1000
    spans = list(pieces(text, 300))
    assert [e - s for s, e in spans] == [300, 300, 300, 100]


def test_a_short_text_is_one_piece() -> None:
    assert list(pieces("short", 300)) == [(0, 5)]
    assert list(pieces("", 300)) == [(0, 0)]


def test_joined_doc_keeps_the_whole_texts_tokens_and_offsets(nlp_en) -> None:  # type: ignore[no-untyped-def]
    whole = nlp_en(TEXT)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no piece's user data (its own text) is carried into the joined Doc
        joined = parse_in_pieces(nlp_en, TEXT, 300)
    assert joined.text == TEXT and doc_text(joined) == TEXT
    assert doc_text(whole) == TEXT and token_bounds(whole)[0] == {t.idx: t.i for t in whole}
    assert token_bounds(whole)[1] == {t.idx + len(t.text): t.i + 1 for t in whole}
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    starts = {s for s, _ in pieces(TEXT, 300)}
    sentence_starts = {s.start_char for s in joined.sents}
    assert starts - {0} <= {t.idx for t in joined if t.idx in starts and t.is_sent_start}
    assert sentence_starts
    for ent in joined.ents:
        assert TEXT[ent.start_char:ent.end_char] == ent.text


def test_an_article_over_the_piece_size_is_analysed_with_its_spans_in_its_text(analyzer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(claimgraph.nlp.pipeline, "CHUNK_CHARS", 300)
    document = Document(id="long", text=TEXT, lang="en", title="Engines for Vesteria")
    results = list(analyzer.analyze_all([document]))
    analysis = results[0]
    assert not hasattr(analysis, "reason"), analysis
    assert analysis.attributions and analysis.entities
    spans = [a.content for a in analysis.attributions] + [m for e in analysis.entities for m in e.mentions]
    for span in spans:
        assert TEXT[span.start:span.end] == span.text
    assert max(a.content.start for a in analysis.attributions) > 300  # found beyond the first piece


@pytest.mark.parametrize("size", [120, 1000])
def test_piece_size_bounds_every_piece(size: int) -> None:
    assert all(e - s <= size for s, e in pieces(TEXT * 5, size))
