"""The learned tagger's network run from its weights (extract/learned/forward.py) gives thinc's values.

Sentences are invented. Stretches anywhere in a Doc (its first and last words included), several in one
call, and stretches of two Docs in one call must each give what `Model.predict` gives for the whole Doc:
the same values up to the last bits of float32 (numpy's BLAS adds in another order than thinc's blis)
and the same best label on every row.
"""
from __future__ import annotations

import numpy

from claimgraph.extract.learned.forward import LeanNetwork, lean_network
from claimgraph.extract.learned.tagger import load_tagger, receptive_reach
from claimgraph.extract.learned.windows import TagWindows, _Features

FIRST = ("The harbour board said on Monday that the new ferry terminal would open in June, two months late. "
         "Residents have complained for a year about the noise of the works at night. "
         "According to the builders' union, the delay was caused by a shortage of steel beams.\n")
SECOND = ("A spokeswoman for the water company told reporters that the reservoir was nearly full. "
          "She added that restrictions would not be needed this summer, unless the weather changed.\n")


def _same_values(found: numpy.ndarray, expected: numpy.ndarray) -> bool:
    """Within float32 rounding of a few hundred products, and the same best label per row."""
    return numpy.allclose(found, expected, rtol=0, atol=1e-4) and numpy.array_equal(found.argmax(1),
                                                                                   expected.argmax(1))


def _network():  # type: ignore[no-untyped-def]
    tagger = load_tagger("en")
    assert tagger is not None
    network = lean_network(tagger)
    assert network is not None, "the shipped weights have the shape forward.py runs"
    return tagger, network


def test_stretches_score_as_the_whole_doc(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger, network = _network()
    assert network.reach == receptive_reach("en")
    doc = nlp_en(FIRST)
    whole = tagger.model.ops.to_numpy(tagger.model.predict([doc])[0])
    n = len(doc)
    stretches = [(0, 1), (0, 9), (3, 4), (10, 31), (30, 45), (n - 7, n), (n - 1, n), (0, n)]
    features = _Features(doc)
    found = network.logits([(features, a, b) for a, b in stretches])
    for (a, b), logits in zip(stretches, found):
        assert logits.shape == (b - a, len(tagger.labels))
        assert _same_values(logits, whole[a:b]), (a, b)


def test_two_docs_in_one_call_score_as_each_alone(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger, network = _network()
    docs = [nlp_en(FIRST), nlp_en(SECOND)]
    wholes = [tagger.model.ops.to_numpy(tagger.model.predict([doc])[0]) for doc in docs]
    features = [_Features(doc) for doc in docs]
    asked = [(0, 0, 12), (1, 5, 20), (0, 25, 26), (1, len(docs[1]) - 3, len(docs[1]))]
    together = network.logits([(features[d], a, b) for d, a, b in asked])
    for (d, a, b), logits in zip(asked, together):
        assert _same_values(logits, wholes[d][a:b])
        assert _same_values(logits, network.logits([(features[d], a, b)])[0])


def test_a_network_of_another_shape_is_left_to_thinc() -> None:
    class Walked:
        def walk(self):  # type: ignore[no-untyped-def]
            return []

    class Other:
        model = Walked()

    assert LeanNetwork.of(Other()) is None


def test_the_lazy_reader_uses_the_network_and_keeps_its_letters(nlp_en) -> None:  # type: ignore[no-untyped-def]
    tagger, network = _network()
    doc = nlp_en(SECOND)
    reach = receptive_reach("en")
    assert reach is not None
    eager, lazy = TagWindows(tagger, doc, reach), TagWindows(tagger, doc, reach)
    eager.need([(0, len(doc))])
    lazy.need([(4, 9)])
    assert sum(lazy._done) == 5
    for i in reversed(range(len(doc))):
        assert [lazy.letter(w, i) for w in range(3)] == [eager.letter(w, i) for w in range(3)]
        assert lazy.inside(i) == eager.inside(i)
