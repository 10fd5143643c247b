"""The Korean morphological analyser (kiwipiepy), loaded once per process.

Why kiwipiepy: actively maintained, pure pip install with its model, no JVM; its analysis is
used to conjugate predicate terms of the concept data and to find what a negation
(않다, 아니하다, 못하다, 없다) actually negates. Loading (with the first
conjugation, which builds the analyser's combining tables) takes about 4 s, so it is
loaded lazily and shared; :func:`load_time` reports it separately from review time.
"""

from __future__ import annotations

import threading
import time
import warnings
from typing import Any

_lock = threading.Lock()
_kiwi: Any = None
_load_seconds: float | None = None


def get_analyser() -> Any:
    """Return the shared ``kiwipiepy.Kiwi`` instance, loading it on first use."""
    global _kiwi, _load_seconds
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                start = time.perf_counter()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    from kiwipiepy import Kiwi

                    kiwi = Kiwi(num_workers=-1)
                    # The first join builds the analyser's combining tables (~2 s); do it here so
                    # the cost is part of loading and never of reviewing.
                    kiwi.join([("알리", "VV"), ("어", "EC")], lm_search=False)
                _load_seconds = time.perf_counter() - start
                _kiwi = kiwi
    return _kiwi


def load_time() -> float | None:
    """Seconds the analyser took to load, or None if it has not been loaded yet."""
    return _load_seconds
