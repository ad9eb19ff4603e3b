"""Run the spaCy model's matrix products on one BLAS thread.

The tok2vec layer's matrix products go to numpy's BLAS (see :mod:`falc.model_loader`).
OpenBLAS starts one thread per core and keeps them spinning between calls: checking the
dialogues, those threads burnt 0.9 s of CPU on the 2-core CI machine to save 0.2 s of wall
clock when the machine is quiet, and they lose time when it is busy. :func:`one_thread`
asks OpenBLAS for a single thread while falc parses, then gives the old setting back.

OpenBLAS has no Python interface: like ``threadpoolctl``, we find the library numpy
loaded (Linux: ``/proc/self/maps``) and call its ``openblas_set_num_threads``. Anywhere
else (another BLAS, another system) this does nothing.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

__all__ = ["one_thread"]

#: (set, get) symbol names: plain OpenBLAS, and the scipy-openblas build of numpy's wheels.
_SYMBOLS = (
    ("openblas_set_num_threads", "openblas_get_num_threads"),
    ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
    ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
    ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _openblas() -> tuple[Callable[[int], None], Callable[[], int]] | None:
    """OpenBLAS's thread setter and getter, or None."""
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    paths = sorted(
        {line.split()[-1] for line in maps.splitlines() if "openblas" in line.lower()}
    )
    for path in paths:
        if ".so" not in path:
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for set_name, get_name in _SYMBOLS:
            setter, getter = getattr(lib, set_name, None), getattr(lib, get_name, None)
            if setter is not None and getter is not None:
                setter.argtypes, setter.restype = [ctypes.c_int], None
                getter.argtypes, getter.restype = [], ctypes.c_int
                return setter, getter
    return None


@contextmanager
def one_thread() -> Iterator[None]:
    """OpenBLAS on one thread inside the block (no effect without OpenBLAS)."""
    blas = _openblas()
    if blas is None:
        yield
        return
    setter, getter = blas
    with _lock:
        before = getter()
        setter(1)
        try:
            yield
        finally:
            setter(before)
