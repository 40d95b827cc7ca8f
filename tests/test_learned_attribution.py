"""The learned attribution tagger: its label scheme, its decoding, loading and the rules/hybrid switch.

Sentences are invented. Decoding is checked on hand-made tags (no model); the trained weights are
only asked to load, to tag every token with a known label, and to change nothing in `rules` mode.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.errors import ConfigError
from claimgraph.extract.attribution.lexicon import CueEntry
from claimgraph.extract.learned import hybrid
from claimgraph.extract.learned.decode import learned_candidates, runs
from claimgraph.extract.learned.labels import CONTENT, CUE, SOURCE, layer, token_tags
from claimgraph.extract.learned.tagger import load_tagger, predict_tags
from claimgraph.extract.learned.windows import FullTags


def test_nested_contents_keep_the_inner_start() -> None:
    # "A said that B claimed that X Y": outer content = tokens 3..8, inner = 6..8
    tags = token_tags(8, [(CUE, 1, 2), (SOURCE, 0, 1), (CONTENT, 3, 8), (CUE, 4, 5), (SOURCE, 3, 4), (CONTENT, 6, 8)])
    assert layer(tags, CONTENT) == list("OOOBIIBI")
    assert layer(tags, CUE) == list("OBOOBOOO")
    assert tags[3] == "OBB"  # B is the inner source and the outer content's first word


def test_runs_split_on_b_and_open_on_stray_i() -> None:
    assert runs(list("BIOBBIOI")) == [(0, 2), (3, 4), (4, 6), (7, 8)]


def _doc(words: list[str]) -> Doc:
    return Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))


def test_decoding_reads_outer_and_inner_contents() -> None:
    words = "The mayor said that her deputy claimed that taxes would fall .".split()
    tags = token_tags(len(words), [(SOURCE, 0, 2), (CUE, 2, 3), (CONTENT, 4, 11),
                                   (SOURCE, 4, 6), (CUE, 6, 7), (CONTENT, 8, 11)])
    found = list(learned_candidates(_doc(words), tags))
    assert [c.content.text for c in found] == ["her deputy claimed that taxes would fall", "taxes would fall"]
    assert [c.cue.text for c in found if c.cue] == ["said", "claimed"]


def test_decoding_reads_a_content_before_its_cue_and_skips_a_cue_without_source() -> None:
    words = "Prices will rise , the bank said . Nobody warned about it .".split()
    tags = token_tags(len(words), [(CONTENT, 0, 3), (SOURCE, 4, 6), (CUE, 6, 7), (CUE, 9, 10), (CONTENT, 10, 12)])
    doc = Doc(Vocab(), words=words, sent_starts=[w in ("Prices", "Nobody") for w in words])
    found = list(learned_candidates(doc, tags))
    assert len(found) == 1
    assert found[0].content.text == "Prices will rise" and found[0].source_head is not None


def test_the_setting_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_ATTRIBUTION_MODEL", "neural")
    with pytest.raises(ConfigError, match="rules, hybrid, learned"):
        hybrid.attribution_mode()


TEXT = ("The harbour authority said on Monday that the new pier would open in May. "
        "Fishermen have complained for years about the noise of the works, according to a local union.\n")


def test_weights_load_and_tag_every_token(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger = load_tagger("en")
    assert tagger is not None, "run `make train-attribution`"
    assert load_tagger("fr") is None  # English weights only
    doc = nlp_en(TEXT)
    tags = predict_tags(tagger, doc)
    assert len(tags) == len(doc) and set(tags) <= set(tagger.labels)
    assert any(tag[CUE] != "O" for tag in tags)


def test_switch_adds_learned_candidates_only_in_hybrid(nlp_en, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.extract.attributions import extract_attributions
    from claimgraph.lang import get_rules

    doc = nlp_en("Officials insist the bridge is safe. Engineers mutter that it sways in the wind.\n")
    words = [t.text for t in doc]
    # hand-made tags: "Engineers mutter that it sways in the wind", a cue the rules need not know
    spans = [(SOURCE, words.index("Engineers"), words.index("Engineers") + 1),
             (CUE, words.index("mutter"), words.index("mutter") + 1),
             (CONTENT, words.index("it"), words.index("wind") + 1)]
    monkeypatch.setattr(hybrid, "load_tagger", lambda lang: object())
    monkeypatch.setattr(hybrid, "known_cue", lambda cand, lexicon: (cand.cue_token, CueEntry()))
    sure = [1.0] * len(doc)
    monkeypatch.setattr(hybrid, "tag_reader", lambda tagger, d: FullTags(token_tags(len(d), spans), sure))
    rules = get_rules("en")
    monkeypatch.setenv("CLAIMGRAPH_ATTRIBUTION_MODEL", "rules")
    by_rules = {a.content.text for a in extract_attributions(doc, rules, [])}
    monkeypatch.setenv("CLAIMGRAPH_ATTRIBUTION_MODEL", "hybrid")
    by_hybrid = {a.content.text for a in extract_attributions(doc, rules, [])}
    assert by_rules <= by_hybrid
    assert "it sways in the wind" in by_hybrid - by_rules
    # the same addition, the tagger unsure its words are content: left out
    unsure = [hybrid.MIN_CONTENT_CONFIDENCE / 2] * len(doc)
    monkeypatch.setattr(hybrid, "tag_reader", lambda tagger, d: FullTags(token_tags(len(d), spans), unsure))
    assert {a.content.text for a in extract_attributions(doc, rules, [])} == by_rules


def test_inside_probability_sums_the_labels_of_a_layer(nlp_en) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.extract.learned.tagger import inside_layer, label_scores
    tagger = load_tagger("en")
    assert tagger is not None
    doc = nlp_en(TEXT)
    scores = label_scores(tagger, doc)
    inside = inside_layer(tagger, scores, CONTENT)
    assert scores.shape == (len(doc), len(tagger.labels))
    assert all(0.0 <= p <= 1.0 + 1e-6 for p in inside)
    assert predict_tags(tagger, doc) == predict_tags(tagger, doc, scores=scores)


def test_hybrid_keeps_lexicon_cues_only(nlp_en) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.extract.attribution.lexicon import get_lexicon
    from claimgraph.extract.attribution.spans import Candidate, tokens_span
    from claimgraph.lang import get_rules

    lexicon = get_lexicon(get_rules("en"))
    doc = nlp_en("Engineers said the bridge sways. Engineers mutter the bridge sways.\n")
    said, mutter = doc[1], doc[7]
    content = tokens_span(doc, doc[2:5])
    assert content is not None
    known = hybrid.known_cue(Candidate(content=content, cue=tokens_span(doc, [said]), cue_token=said), lexicon)
    assert known is not None and known[0].i == said.i
    assert hybrid.known_cue(Candidate(content=content, cue=tokens_span(doc, [mutter]), cue_token=mutter), lexicon) is None


def test_parser_vectors_are_read_from_the_doc_tensor() -> None:
    import numpy
    from claimgraph.extract.learned.tagger import parser_vectors_embed

    words = "Officials said the pier would open .".split()
    model = parser_vectors_embed(width=8, attrs=["NORM", "SHAPE"], rows=[50, 20], tensor_width=4)
    with_tensor, without = _doc(words), _doc(words)
    with_tensor.tensor = numpy.ones((len(words), 4), dtype="float32")
    model.initialize(X=[with_tensor, without])
    vectors = model.layers[0].layers[1]  # the concatenation's second branch: the Doc's own tensor
    read = vectors.predict([with_tensor, without])
    assert read[0].shape == (len(words), 4) and float(read[0].sum()) == len(words) * 4
    assert float(read[1].sum()) == 0.0  # no tensor (or one of another width): zeros, never an error
    mixed = model.predict([with_tensor, without])
    assert mixed[0].shape == (len(words), 8)
    assert not numpy.allclose(mixed[0], mixed[1])  # the parser's vectors change what the tagger sees


def test_weights_come_with_their_architecture() -> None:
    import json
    from claimgraph.extract.learned.tagger import ARCHITECTURE, WEIGHTS

    shape = json.loads((WEIGHTS["en"] / "architecture.json").read_text())
    assert set(shape) <= set(ARCHITECTURE)
