"""One BLAS thread for the sentence encoder: numpy's OpenBLAS, limited without threadpoolctl.

The USE encoder asks for one BLAS thread (`USE(threads=1)`) through
threadpoolctl, which is not installed, so it ran with OpenBLAS's default of one
thread per core. On this 2-core machine, with two analysis workers each
encoding, or a sync beside other work, the extra threads spin-wait for a core:
encoding `examples/`' paragraphs took 1.9-2.5 s CPU and 4.7-6.1 s wall with two
threads against 0.4 s CPU and 1.0 s wall with one (load 7), with bit-identical
vectors (OpenBLAS splits a product between threads, not its sums).
`one_thread()` sets OpenBLAS to one thread for a block and restores it after,
as threadpoolctl would; without an OpenBLAS it does nothing.
"""
from __future__ import annotations

import ctypes
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, Optional

# OpenBLAS's entry points as numpy's wheels (scipy-openblas, 64-bit ints) and plain builds name them.
_SETTERS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")
_GETTERS = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads")


@lru_cache(maxsize=1)
def _openblas() -> Optional[tuple[object, object]]:
    """(set, get) of the OpenBLAS loaded in this process (numpy's), or None."""
    import numpy  # noqa: F401  (loads its BLAS)

    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line})
    except OSError:
        return None
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        setter = next((getattr(lib, name) for name in _SETTERS if hasattr(lib, name)), None)
        getter = next((getattr(lib, name) for name in _GETTERS if hasattr(lib, name)), None)
        if setter is not None and getter is not None:
            getter.restype = ctypes.c_int
            return setter, getter
    return None


def threads() -> Optional[int]:
    """OpenBLAS's current number of threads (None without an OpenBLAS)."""
    found = _openblas()
    return None if found is None else int(found[1]())  # type: ignore[operator]


@contextmanager
def one_thread() -> Iterator[None]:
    found = _openblas()
    if found is None:
        yield
        return
    setter, getter = found
    before = int(getter())  # type: ignore[operator]
    if before != 1:
        setter(ctypes.c_int(1))  # type: ignore[operator]
    try:
        yield
    finally:
        if before != 1:
            setter(ctypes.c_int(before))  # type: ignore[operator]
