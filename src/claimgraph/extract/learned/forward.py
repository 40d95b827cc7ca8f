"""The learned tagger's network run straight from its weights, on the stretches of a Doc asked for.

thinc's `Model.predict` of the tagger (tagger.py: hash embeddings of six token attributes mixed by a
maxout layer, `depth` residual window layers, a linear output layer) costs about a millisecond per
call before any arithmetic (some eighty layer calls, list and ragged conversions), and it runs each
window layer on every row it was given, margins included. Here the same operations of thinc's ops
(`maxout`, `seq2col`, hash and gather, the same numpy expressions for the layer norm) run on the same
rows, and each window layer only on the rows the next one reads: the margin shrinks by `window` rows per
layer, as the receptive field does. The eight matrix products are numpy's (OpenBLAS, one thread, on
weights transposed once at load) instead of thinc's `gemm` (blis packs the weights again at each call):
2.0 -> 1.2 ms per call of about 23 rows (docs/performance.md). The values are thinc's up to float32
rounding (another order of the additions, and OpenBLAS's order may depend on how many rows a call
has); on every row tried the best label is the same, and no analysis changed on the eval sets
(tests/test_learned_forward.py compares with `Model.predict`).

`LeanNetwork.of(tagger)` is None for a network of another shape (the parser-vectors embedding, a
different layer order): its callers then use `Model.predict`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional, Sequence

import numpy
from threadpoolctl import ThreadpoolController

# the layer names of the tagger's thinc model, in the order `Model.walk` visits them
HASHED, MAXOUT, NORM, WINDOW, OUTPUT, FEATURES = "hashembed", "maxout", "layernorm", "expand_window", "softmax", \
    "extract_features"


class _Dense:
    """One maxout layer followed by its layer norm (the weights thinc keeps, reshaped once)."""

    def __init__(self, maxout: Any, norm: Any) -> None:
        n_out, pieces, n_in = maxout.get_dim("nO"), maxout.get_dim("nP"), maxout.get_dim("nI")
        ops = maxout.ops
        self.ops, self.n_out, self.pieces = ops, n_out, pieces
        # the weights transposed and laid out once, as numpy's matmul reads them fastest (no copy per call)
        self.WT = numpy.ascontiguousarray(ops.reshape2f(maxout.get_param("W"), n_out * pieces, n_in).T)
        self.b = ops.reshape1f(maxout.get_param("b"), n_out * pieces)
        self.G, self.shift = norm.get_param("G"), norm.get_param("b")

    def __call__(self, X: numpy.ndarray) -> numpy.ndarray:
        # thinc/layers/maxout.py forward, its `gemm` by numpy's BLAS (see `logits`)
        Y = X @ self.WT
        Y += self.b
        best, _ = self.ops.maxout(self.ops.reshape3f(Y, Y.shape[0], self.n_out, self.pieces))
        # thinc/layers/layernorm.py forward and _get_moments (`X.mean`, `X.var`), with numpy's own steps
        # (numpy/_core/_methods.py _mean, _var): the variance's mean and deviations are the norm's
        count = numpy.intp(best.shape[1])
        total = numpy.add.reduce(best, axis=1, keepdims=True)
        mu = numpy.true_divide(total, count, out=total, casting="unsafe")
        deviation = best - mu
        squares = numpy.add.reduce(numpy.square(deviation), axis=1, keepdims=True)
        var = numpy.true_divide(squares, count, out=squares, casting="unsafe") + 1e-08
        normed = deviation * var ** (-1.0 / 2.0)
        out = normed * self.G
        out += self.shift
        return out


class LeanNetwork:
    """The tagger's forward pass in prediction, for stretches of rows of Docs."""

    def __init__(self, columns: list[Any], hashed: list[tuple[numpy.ndarray, int]], mix: _Dense,
                 layers: list[_Dense], window: int, output: tuple[numpy.ndarray, numpy.ndarray], ops: Any) -> None:
        self.columns, self.hashed, self.mix, self.layers = columns, hashed, mix, layers
        self.window, self.output, self.ops = window, output, ops
        self.reach = window * len(layers)

    @classmethod
    def of(cls, tagger: Any) -> Optional["LeanNetwork"]:
        """The network of `tagger` (a spaCy Tagger), or None when its layers are not the expected ones."""
        found: dict[str, list[Any]] = {}
        for layer in tagger.model.walk():
            found.setdefault(layer.name, []).append(layer)
        hashed, maxouts, norms = found.get(HASHED, []), found.get(MAXOUT, []), found.get(NORM, [])
        windows, outputs, features = found.get(WINDOW, []), found.get(OUTPUT, []), found.get(FEATURES, [])
        names = {layer.name for layer in tagger.model.walk() if "(" not in layer.name and ">>" not in layer.name
                 and "|" not in layer.name}
        expected = {HASHED, MAXOUT, NORM, WINDOW, OUTPUT, FEATURES, "ints-getitem", "list2ragged", "ragged2list",
                    "dropout"}
        if names != expected or len(features) != 1 or len(outputs) != 1 or not windows \
                or len(maxouts) != len(windows) + 1 or len(norms) != len(maxouts) \
                or len({w.attrs["window_size"] for w in windows}) != 1 \
                or outputs[0].attrs.get("softmax_normalize") or outputs[0].attrs.get("softmax_temperature") != 1.0:
            return None
        columns = list(features[0].attrs["columns"])
        if len(hashed) != len(columns) or [h.attrs["column"] for h in hashed] != list(range(len(columns))):
            return None
        dense = [_Dense(m, n) for m, n in zip(maxouts, norms)]
        return cls(columns, [(h.get_param("E"), int(h.attrs["seed"])) for h in hashed], dense[0], dense[1:],
                   int(windows[0].attrs["window_size"]),
                   (numpy.ascontiguousarray(outputs[0].get_param("W").T), outputs[0].get_param("b")),
                   tagger.model.ops)

    def _embed(self, ids: numpy.ndarray) -> numpy.ndarray:
        """thinc/layers/hashembed.py forward per column, side by side, then the maxout mix."""
        vectors = []
        for column, (table, seed) in enumerate(self.hashed):
            keys = self.ops.hash(self.ops.as_contig(ids[:, column], dtype="uint64"), seed) % table.shape[0]
            vectors.append(self.ops.gather_add(table, keys))
        return self.mix(numpy.hstack(vectors))

    def logits(self, stretches: Sequence[tuple[Any, int, int]]) -> list[numpy.ndarray]:
        """`_logits` on one BLAS thread (see the module's docstring)."""
        with _blas().limit(limits=1, user_api="blas"):
            return self._logits(stretches)

    def _logits(self, stretches: Sequence[tuple[Any, int, int]]) -> list[numpy.ndarray]:
        """The output layer's values (unnormalised) for rows [start, end) of each stretch.

        stretches: (features, start, end) triples; `features.to_array(columns)` gives the Doc's
            attribute rows (windows._Features) and `len(features.doc)` its length.
        RETURNS (list[numpy.ndarray]): per stretch, an (end - start, labels) array.
        """
        reach = self.reach
        ids, placed = [], []  # the rows each stretch reads, and where they sit in its padded segment
        for features, start, end in stretches:
            first, last = max(0, start - reach), min(len(features.doc), end + reach)
            ids.append(numpy.asarray(features.to_array(self.columns)[first:last], dtype="uint64"))
            placed.append((first - (start - reach), last - first, end - start + 2 * reach))
        embedded = self._embed(numpy.concatenate(ids)) if ids else None
        # each segment: `reach` rows on each side of the stretch, zero where the Doc has no row
        # (thinc pads each sequence with zero rows in the window layers: a Doc's edge reads zeros)
        segments, row = [], 0
        for offset, count, length in placed:
            segment = numpy.zeros((length, embedded.shape[1]), dtype="float32")  # type: ignore[union-attr]
            segment[offset:offset + count] = embedded[row:row + count]  # type: ignore[index]
            segments.append(segment)
            row += count
        X = numpy.concatenate(segments)
        lengths = numpy.asarray([len(s) for s in segments], dtype="int32")
        for layer in self.layers:
            # a window layer's row needs its neighbours: the rows at each segment's edges are dropped, so the
            # window runs over all segments as one sequence (a kept row reads its own segment's rows only, and
            # thinc's check of the lengths is spared)
            columns = self.ops.seq2col(X, self.window)
            keep = numpy.concatenate([numpy.arange(begin + self.window, begin + length - self.window)
                                      for begin, length in zip(numpy.cumsum(lengths) - lengths, lengths)])
            X = X[keep] + layer(columns[keep])  # thinc/layers/residual.py
            lengths = lengths - 2 * self.window
        WT, b = self.output
        Y = X @ WT  # thinc's affine
        Y += b
        bounds = numpy.cumsum(lengths)[:-1]
        return numpy.split(Y, bounds)


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


# the network of each tagger, made on first use (taggers are loaded once per process: tagger.load_tagger)
_NETWORKS: dict[int, tuple[Any, Optional[LeanNetwork]]] = {}


def lean_network(tagger: Any) -> Optional[LeanNetwork]:
    """`LeanNetwork.of(tagger)`, made once per tagger."""
    if id(tagger) not in _NETWORKS:
        _NETWORKS[id(tagger)] = (tagger, LeanNetwork.of(tagger))
    return _NETWORKS[id(tagger)][1]
