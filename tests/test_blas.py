"""The sentence encoder runs on one BLAS thread (claimgraph/blas.py), with the same vectors as on several."""
from __future__ import annotations

import numpy as np
import pytest

from claimgraph import blas


def test_one_thread_sets_and_restores_openblas() -> None:
    before = blas.threads()
    if before is None:
        pytest.skip("no OpenBLAS in this process")
    with blas.one_thread():
        assert blas.threads() == 1
    assert blas.threads() == before


def test_one_thread_restores_after_an_error() -> None:
    before = blas.threads()
    with pytest.raises(ValueError):
        with blas.one_thread():
            raise ValueError("inside")
    assert blas.threads() == before


def test_products_are_the_same_on_one_thread() -> None:
    found = blas._openblas()  # noqa: SLF001
    if found is None:
        pytest.skip("no OpenBLAS in this process")
    setter = found[0]
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((300, 512)).astype(np.float32), rng.standard_normal((512, 256)).astype(np.float32)
    before = blas.threads()
    try:
        setter(4)  # type: ignore[operator]
        several = a @ b
    finally:
        setter(before)  # type: ignore[operator]
    with blas.one_thread():
        one = a @ b
    assert np.array_equal(one, several)


def test_the_encoder_asks_for_one_thread() -> None:
    from claimgraph.graph import embed

    seen = []

    class Model:
        def encode(self, texts: list[str]) -> np.ndarray:
            seen.append(blas.threads())
            return np.ones((len(texts), embed.DIM), dtype=np.float32)

    encoder = embed.UseEmbedder()
    encoder._model = Model()  # noqa: SLF001
    encoder.encode(["one text", "another"])
    assert seen == [1] or seen == [None]
