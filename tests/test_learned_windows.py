"""The learned tagger read window by window (extract/learned/windows.py) gives the whole Doc's tags.

Sentences are invented. The tagger's scores for a stretch, computed from the stretch and `reach` words
on each side, must equal those of the whole Doc to the bit; one word less of margin must not (else the
reach is not what bounds them, and the windows would only be close). The lazy reader runs the network from
its weights with numpy's matrix products (forward.py): the same letters, content probabilities up to float32 rounding.
"""
from __future__ import annotations

import numpy

from claimgraph.extract.learned.decode import runs
from claimgraph.extract.learned.labels import CONTENT
from claimgraph.extract.learned.tagger import inside_layer, label_scores, load_tagger, predict_tags, receptive_reach
from claimgraph.extract.learned.windows import Layer, TagWindows, _Features, _Rows, run_at, runs_touching

TEXT = ("The port authority said on Monday that the new pier would open in May, a month later than planned. "
        "Fishermen have complained for years about the noise of the works. "
        "According to a local union, the delay cost the harbour two seasons of trade. "
        "The mayor, who visited the site on Friday, told reporters that she expected no further delays "
        "and that the contractors had promised to keep to the new schedule.\n")


def test_a_window_with_the_reach_as_margin_scores_as_the_whole_doc(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger = load_tagger("en")
    reach = receptive_reach("en")
    assert tagger is not None and reach is not None
    doc = nlp_en(TEXT)
    whole = tagger.model.predict([doc])[0]
    features = _Features(doc)
    start, end = 20, 40
    exact = tagger.model.predict([_Rows(features, start - reach, end + reach)])[0]
    assert numpy.array_equal(exact[reach:reach + end - start], whole[start:end])
    short = tagger.model.predict([_Rows(features, start - reach + 1, end + reach - 1)])[0]
    assert not numpy.array_equal(short[reach - 1:reach - 1 + end - start], whole[start:end])


def test_lazy_letters_and_content_probabilities_are_the_whole_docs(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger = load_tagger("en")
    reach = receptive_reach("en")
    assert tagger is not None and reach is not None
    doc = nlp_en(TEXT)
    scores = label_scores(tagger, doc)
    tags, inside = predict_tags(tagger, doc, scores=scores), inside_layer(tagger, scores, CONTENT)
    reader = TagWindows(tagger, doc, reach)
    reader.need([(3, 9)])
    assert sum(reader._done) == 6  # only what was asked for
    # read in an order that makes it tag stretch after stretch
    for i in [*range(len(doc) - 1, 30, -1), *range(0, 31)]:
        assert "".join(reader.letter(which, i) for which in range(3)) == tags[i]
        assert numpy.isclose(reader.inside(i), inside[i], rtol=1e-4, atol=1e-7)


def test_run_at_cuts_runs_as_runs_does() -> None:
    letters = list("BIOBBIOIIB")
    cut = runs(letters)
    for i, letter in enumerate(letters):
        held = next((r for r in cut if r[0] <= i < r[1]), None)
        assert run_at(letters, i) == held
    assert runs_touching(letters, 2, 5) == [(3, 4), (4, 6)]


def test_layer_reads_one_letter_of_each_tag() -> None:
    from claimgraph.extract.learned.windows import FullTags
    reader = FullTags(["BOO", "IOB", "OBI"], [0.0, 0.5, 0.9])
    assert [Layer(reader, 2)[i] for i in range(3)] == ["O", "B", "I"]
    assert len(Layer(reader, 0)) == 3 and Layer(reader, 0)[-1] == "O"


def test_cue_runs_tag_anchors_first_and_find_the_whole_docs_runs(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger = load_tagger("en")
    reach = receptive_reach("en")
    assert tagger is not None and reach is not None
    doc = nlp_en(TEXT)
    tags = predict_tags(tagger, doc)
    cue = [tag[0] for tag in tags]
    anchors = [t.i for t in doc if t.lemma_ in ("say", "tell", "delay")]
    expected = sorted({run for a in anchors if (run := run_at(cue, a)) is not None})
    reader = TagWindows(tagger, doc, reach)
    assert reader.cue_runs(anchors) == expected and expected
    # an anchor outside every cue run has its own letter read, not its sentence's ("the delay cost")
    quiet = [a for a in anchors if not any(cue[b] != "O" and doc[b].sent.start == doc[a].sent.start for b in anchors)]
    assert quiet
    for a in quiet:
        assert reader._done[a] and not all(reader._done[doc[a].sent.start:doc[a].sent.end])
