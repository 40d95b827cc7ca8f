"""The learned tagger's tags read token by token, computed only for the stretches of a Doc asked for.

The tagger is a convolutional network: a token's scores depend on its own features and on those of
the `reach` tokens on each side (depth x window), nothing else, and its features are read from the
whole Doc (a word's dependency label is the parse's, not a cut-out's). So the scores of the tokens
[a, b) are the same, to the bit, whether the network reads the whole Doc or the rows
[a - reach, b + reach) of it (tests/test_learned_windows.py compares them). The hybrid asks only for
the words around the lexicon's cue words and then follows the runs it finds, so most of an article
is never tagged.

Two readers with the same methods: `TagWindows` (lazy, from the tagger) and `FullTags` (from tags
computed beforehand, as the tests and the `learned` mode give them).
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

import numpy
from spacy.tokens import Doc

from claimgraph.extract.doc_text import sentence_of
from claimgraph.extract.learned.forward import lean_network
from claimgraph.extract.learned.labels import CONTENT, CUE
from claimgraph.extract.learned.tagger import KEEP_OUTSIDE, inside_layer, layer_letters, softmax

# On a miss, the words tagged at once: a few before, more after (contents run on after their cue).
MISS_BEFORE, MISS_AFTER = 8, 32


class _Features:
    """The Doc's feature rows, read once: what spaCy's FeatureExtractor asks of a span's `doc`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._arrays: dict[tuple[Any, ...], numpy.ndarray] = {}

    def to_array(self, columns: Sequence[Any]) -> numpy.ndarray:
        key = tuple(columns)
        if key not in self._arrays:
            self._arrays[key] = self.doc.to_array(list(columns))
        return self._arrays[key]


class _Rows:
    """Rows [start, end) of a Doc as the network's input. It has no `to_array`, so spaCy's
    FeatureExtractor slices the whole Doc's features (`doc.to_array(...)[start:end]`)."""

    def __init__(self, features: _Features, start: int, end: int) -> None:
        self.doc, self.start, self.end = features, start, end

    def __len__(self) -> int:
        return self.end - self.start


class TagWindows:
    """The tagger's letters (B, I, O per layer) and content probability of each token, computed on first
    need, several stretches per call of the network."""

    def __init__(self, tagger: Any, doc: Doc, reach: int,
                 keep_outside: tuple[float, float, float] = KEEP_OUTSIDE) -> None:
        self.tagger, self.doc, self.reach, self.keep_outside = tagger, doc, reach, keep_outside
        self.n = len(doc)
        self._features = _Features(doc)
        self._letters: list[list[Optional[str]]] = [[None] * self.n for _ in range(3)]
        self._inside: list[Any] = [None] * self.n
        self._done = bytearray(self.n)
        self._content_labels = None

    def need(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Tag every token of `ranges` ((start, end) pairs) not tagged yet, in one call of the network."""
        wanted = bytearray(self.n)
        for start, end in ranges:
            for i in range(max(0, start), min(self.n, end)):
                if not self._done[i]:
                    wanted[i] = 1
        stretches: list[tuple[int, int]] = []
        i = 0
        while i < self.n:
            if wanted[i]:
                j = i
                while j < self.n and wanted[j]:
                    j += 1
                if stretches and i - stretches[-1][1] < 2 * self.reach:
                    stretches[-1] = (stretches[-1][0], j)  # the words between cost less than two margins
                else:
                    stretches.append((i, j))
                i = j
            else:
                i += 1
        if not stretches:
            return
        labels = self.tagger.labels
        for (a, b), logits in zip(stretches, self._logits(stretches)):
            scores = softmax(logits)
            letters = layer_letters(labels, scores, self.keep_outside)
            inside = inside_layer(self.tagger, scores, CONTENT)
            for k in range(b - a):
                for which in range(3):
                    self._letters[which][a + k] = letters[which][k]
                self._inside[a + k] = inside[k]  # numpy float32, summed as the whole-Doc list was
                self._done[a + k] = 1

    def _logits(self, stretches: list[tuple[int, int]]) -> list[numpy.ndarray]:
        """The network's values for the rows of each stretch: from its weights (forward.py), trimming
        the margins layer by layer, or through thinc's `Model.predict` for a network of another shape."""
        network = lean_network(self.tagger)
        if network is not None and network.reach == self.reach:
            return network.logits([(self._features, a, b) for a, b in stretches])
        rows = [_Rows(self._features, max(0, a - self.reach), min(self.n, b + self.reach)) for a, b in stretches]
        outputs = self.tagger.model.predict(rows)
        return [self.tagger.model.ops.to_numpy(logits)[a - row.start:b - row.start]
                for (a, b), row, logits in zip(stretches, rows, outputs)]

    def cue_runs(self, anchors: Sequence[int]) -> list[tuple[int, int]]:
        """The cue runs that hold one of the tokens `anchors`, in text order: their sentences are tagged in
        one call, a run that goes on beyond them as it is followed."""
        # first the anchors alone: most of them are outside every cue run (two in three on the bench), and a
        # word alone costs its margins only, which shrink layer by layer
        self.need([(a, a + 1) for a in anchors])
        live = [a for a in anchors if self._letters[CUE][a] != "O"]
        # then the sentences of the others at once: a cue the rules did not read is most often decoded,
        # which reads around it in its sentence
        self.need([(sent.start, sent.end) for sent in {sentence_of(self.doc[a]) for a in live}])
        cue = Layer(self, CUE)
        found = {run for a in live if (run := run_at(cue, a)) is not None}
        return sorted(found)

    def _ensure(self, i: int) -> None:
        if not self._done[i]:
            self.need([(i - MISS_BEFORE, i + MISS_AFTER)])

    def letter(self, which: int, i: int) -> str:
        self._ensure(i)
        return self._letters[which][i]  # type: ignore[return-value]

    def inside(self, i: int) -> float:
        self._ensure(i)
        return self._inside[i]  # type: ignore[return-value]


class FullTags:
    """The same reader over tags and content probabilities computed for the whole Doc."""

    def __init__(self, tags: Sequence[str], content_inside: Sequence[float]) -> None:
        self.tags, self.content_inside, self.n = tags, content_inside, len(tags)

    def need(self, ranges: Iterable[tuple[int, int]]) -> None:
        return None

    def cue_runs(self, anchors: Sequence[int]) -> list[tuple[int, int]]:
        """Every cue run: with the tags at hand, none is left out (`anchors` only spare a tagger)."""
        return runs_touching(Layer(self, CUE), 0, self.n)

    def letter(self, which: int, i: int) -> str:
        return self.tags[i][which]

    def inside(self, i: int) -> float:
        return self.content_inside[i]


class Layer:
    """One layer's letters as a sequence (`reader.letter(which, i)`), for the decoder's index walks."""

    def __init__(self, reader: Any, which: int) -> None:
        self.reader, self.which = reader, which

    def __len__(self) -> int:
        return int(self.reader.n)

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self)
        return str(self.reader.letter(self.which, i))


def run_at(letters: Sequence[str], i: int) -> Optional[tuple[int, int]]:
    """The run of one BIO layer that holds token `i` (as `decode.runs` cuts them), or None on an O."""
    if letters[i] == "O":
        return None
    start = i
    while letters[start] != "B" and start > 0 and letters[start - 1] != "O":
        start -= 1
    end = i + 1
    while end < len(letters) and letters[end] == "I":
        end += 1
    return start, end


def runs_touching(letters: Sequence[str], first: int, last: int) -> list[tuple[int, int]]:
    """The runs of one layer that hold a token of [first, last), in text order."""
    found: list[tuple[int, int]] = []
    for i in range(max(0, first), min(len(letters), last)):
        run = run_at(letters, i)
        if run is not None and run not in found:
            found.append(run)
    return sorted(found)
