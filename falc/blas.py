"""Run the spaCy model's matrix products on one BLAS thread.

The tok2vec layer's matrix products go to numpy's BLAS (see :mod:`falc.model_loader`).
OpenBLAS starts one thread per core and keeps them spinning between calls: checking the
dialogues, those threads burnt 0.9 s of CPU on the 2-core CI machine to save 0.2 s of wall
clock when the machine is quiet, and they lose time when it is busy. :func:`one_thread`
limits BLAS to a single thread while falc parses (with ``threadpoolctl``, the library made
for this), then gives the old setting back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import threadpool_limits

__all__ = ["one_thread"]


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS on one thread inside the block (no effect without a known BLAS)."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield
