"""Copy shingles fold a whole article's text with `copies.fold_text`: the same string as `keys.fold` gives."""
from __future__ import annotations

from claimgraph.graph.copies import fold_text, shingles
from claimgraph.graph.keys import fold


def test_fold_text_is_fold_on_accents_quotes_ligatures_and_spaces() -> None:
    texts = ["Plain ASCII, with \"quotes\" and `ticks`.\n\nTwo  paragraphs.",
             "L’armée a déclaré « qu’il n’y avait pas de blessés » à Zürich, Ǆ ǅ ﬁ Å ǖ ḯ ñ İ ß ẞ",
             "한국어 텍스트 \u0345\u0307 combining marks alone \u0301",
             "Ελληνικά με τόνους, русский текст й ё, العربية مع التشكيل َ ُ ِ"]
    for text in texts:
        assert fold_text(text) == fold(text)
    assert fold_text(texts[1]).startswith("l armee a declare")


def test_shingles_of_texts_equal_but_for_accents_are_equal() -> None:
    assert shingles("L'armée a déclaré qu'il n'y avait pas de blessés") == \
        shingles("L'armee a declare qu'il n'y avait pas de blesses")
