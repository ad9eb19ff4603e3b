"""Load ``fr_core_news_sm`` fast, with the same analyses as ``spacy.load``.

Where ``spacy.load`` spends its time, and what this module does instead (measured on the
2-core CI machine, CPU seconds):

* ``import spacy`` imports ``spacy.cli`` (typer, requests, weasel…, ≈ 0.2 s) only to offer
  ``spacy.info``. We import spaCy with a stand-in for it; ``spacy.info`` imports the real
  command line when called, and ``import spacy.cli`` still gets the real package.

* importing ``spacy.lang.fr`` (≈ 2.9 s) compiles the French tokenizer's ``TOKEN_MATCH``: one
  1.4 MB regular expression, ~260 alternatives that each repeat the whole Unicode
  letter class with ``(?i)``. The model's tokenizer file then holds the same pattern.
  We import the French language with that module stubbed out (no tokenizer is built from
  it), load the model's tokenizer from its file *without* that pattern, and give it an
  equivalent compact pattern: the same alternatives, with each letter class written
  ``[^\\W\\d_]`` (any letter), 0.07 s to compile. For anyone else in the process,
  ``French.Defaults`` gets the real exceptions back, lazily (compiled on first use).
* the lemmatizer's tables (≈ 0.8 s): 217,000 lookup entries inserted one by one through
  ``Table.__setitem__``. We keep them in read-only hashed dicts built in one copy (same
  keys and values, same ``get``/``in``), and turn the per-POS word lists of
  ``lemma_index`` into frozensets: the French lemmatizer only tests membership in them,
  and a list made each lookup a linear scan (≈ 45 µs a token at run time).
* at run time, most of the parse is the ``tok2vec`` layer's matrix products, which thinc
  hands to ``blis``; numpy's BLAS (OpenBLAS) does them in half the CPU time on this
  machine. ``tok2vec`` gets an ops object whose ``gemm`` is ``numpy.matmul`` (same
  shapes, same float32 results up to rounding; the tests check tags and parses), run
  on one OpenBLAS thread (:mod:`falc.blas`).

The result is checked by the tests (same tokens, tags, lemmas). Any failure of this fast
path falls back to a plain ``spacy.load``.
"""

from __future__ import annotations

import importlib
import re
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

__all__ = ["compact_token_match", "load_pipeline"]

_EXCEPTIONS_MODULE = "spacy.lang.fr.tokenizer_exceptions"
_ANY_LETTER = r"[^\W\d_]"


def compact_token_match(pattern: str, letter_classes: tuple[str, ...]) -> str:
    """*pattern* with every character class that contains one of *letter_classes* (the
    contents of spaCy's ``ALPHA_LOWER`` / ``ALPHA``) rewritten as « any letter », plus the
    other characters of the class: ``[-‐{ALPHA_LOWER}'’]`` → ``(?:[^\\W\\d_]|[-‐'’])``.
    Under ``(?iu)`` both forms match the same French words."""
    for letters in sorted(letter_classes, key=len, reverse=True):
        regex = re.compile(r"\[([^\[\]\\]*)" + re.escape(letters) + r"([^\[\]\\]*)\]")

        def repl(m: re.Match[str]) -> str:
            rest = m.group(1) + m.group(2)
            return f"(?:{_ANY_LETTER}|[{rest}])" if rest else _ANY_LETTER

        pattern = regex.sub(repl, pattern)
    return pattern


class _LazyExceptions(Mapping[str, Any]):
    """The real French tokenizer exceptions, imported (and compiled) on first use."""

    def _real(self) -> Mapping[str, Any]:
        return importlib.import_module(_EXCEPTIONS_MODULE).TOKENIZER_EXCEPTIONS

    def __getitem__(self, key: str) -> Any:
        return self._real()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._real())

    def __len__(self) -> int:
        return len(self._real())


class _LazyTokenMatch:
    """The real French ``TOKEN_MATCH`` (a bound ``re.Pattern.match``), compiled on first use."""

    def _real(self) -> Callable[[str], Any]:
        return importlib.import_module(_EXCEPTIONS_MODULE).TOKEN_MATCH

    def __call__(self, text: str) -> Any:
        return self._real()(text)

    @property
    def __self__(self) -> re.Pattern[str]:  # what spaCy serialises (``token_match.__self__``)
        return self._real().__self__  # type: ignore[attr-defined]


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's command line on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> None:
    """``import spacy`` without importing its command-line package."""
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        importlib.import_module("spacy")
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is package:
            delattr(spacy, "cli")  # a later ``import spacy.cli`` gets the real package


def _import_french() -> Any:
    """``spacy.lang.fr.French`` without compiling ``TOKEN_MATCH`` at import time."""
    if "spacy.lang.fr" in sys.modules:
        return sys.modules["spacy.lang.fr"].French
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

    stub = types.ModuleType(_EXCEPTIONS_MODULE)
    stub.TOKENIZER_EXCEPTIONS = BASE_EXCEPTIONS  # type: ignore[attr-defined]
    stub.TOKEN_MATCH = None  # type: ignore[attr-defined]
    sys.modules[_EXCEPTIONS_MODULE] = stub
    try:
        fr = importlib.import_module("spacy.lang.fr")
    finally:
        if sys.modules.get(_EXCEPTIONS_MODULE) is stub:
            del sys.modules[_EXCEPTIONS_MODULE]
    if getattr(fr, "tokenizer_exceptions", None) is stub:
        delattr(fr, "tokenizer_exceptions")  # a later import gets the real module
    return fr.French


def _restore_defaults(french: Any) -> None:
    """Give ``French.Defaults`` the real exceptions back, compiled only if someone uses them."""
    defaults = french.Defaults
    if defaults.token_match is None:
        defaults.tokenizer_exceptions = _LazyExceptions()
        defaults.token_match = _LazyTokenMatch()


def _model_dir(name: str) -> Path:
    """The data directory of an installed model package (``fr_core_news_sm-3.8.0``)."""
    from spacy import util

    package = util.get_package_path(name)
    meta = util.get_model_meta(package)
    return package / f"{meta['lang']}_{meta['name']}-{meta['version']}"


def _load_tokenizer(nlp: Any, path: Path) -> None:
    import srsly
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    data = srsly.msgpack_loads(path.read_bytes())
    pattern = data.get("token_match")
    if isinstance(pattern, str):
        compact = compact_token_match(pattern, (ALPHA_LOWER, ALPHA))
        if ALPHA_LOWER in compact or len(compact) > 100_000:
            raise ValueError("unexpected TOKEN_MATCH pattern")  # fall back to spacy.load
        data["token_match"] = compact
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])


class _HashedTable(dict[int, Any]):
    """A read-only lookups table keyed by string hashes, like ``spacy.lookups.Table``
    (``get``, ``[]`` and ``in`` accept the string or its hash), built in one C-level copy
    instead of one ``Table.__setitem__`` call per entry."""

    def __init__(self, name: str, data: dict[int, Any]) -> None:
        from spacy.strings import get_string_id

        super().__init__(data)
        self.name = name
        self._key: Any = get_string_id

    def get(self, key: Any, default: Any = None) -> Any:
        return dict.get(self, self._key(key), default)

    def __getitem__(self, key: Any) -> Any:
        return dict.__getitem__(self, self._key(key))

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, self._key(key))


def _load_lemmatizer(nlp: Any, path: Path) -> None:
    import srsly
    from spacy.lookups import Lookups

    lookups = Lookups()
    for name, data in srsly.msgpack_loads(path.read_bytes()).items():
        if name == "lemma_index":
            data = {pos: frozenset(words) for pos, words in data.items()}
        lookups.set_table(name, cast(Any, _HashedTable(name, data)))  # a Table by duck typing
    nlp.get_pipe("lemmatizer").initialize(lookups=lookups)


def _matmul_ops() -> Any:
    """A thinc ``NumpyOps`` whose ``gemm`` is ``numpy.matmul`` (OpenBLAS) instead of blis."""
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):
        name = "falc-matmul"

        def gemm(
            self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False
        ) -> Any:
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return MatmulOps()


def _use_matmul(nlp: Any) -> None:
    if "tok2vec" in nlp.pipe_names:
        ops = _matmul_ops()
        for node in nlp.get_pipe("tok2vec").model.walk():
            node.ops = ops


def _fast_load(name: str, exclude: tuple[str, ...]) -> Any:
    from spacy import util

    path = _model_dir(name)
    meta = util.get_model_meta(path)
    if meta.get("lang") != "fr":
        raise ValueError("not a French model")
    french = _import_french()
    try:
        config = util.load_config(path / "config.cfg")
        nlp = util.load_model_from_config(config, exclude=list(exclude), meta=meta)
        own = ["tokenizer"] + (["lemmatizer"] if "lemmatizer" in nlp.pipe_names else [])
        nlp.from_disk(path, exclude=[*exclude, *own])
        _load_tokenizer(nlp, path / "tokenizer")
        if "lemmatizer" in own:
            _load_lemmatizer(nlp, path / "lemmatizer" / "lookups" / "lookups.bin")
    finally:
        _restore_defaults(french)  # also before a fallback to spacy.load
    _use_matmul(nlp)
    return nlp


def load_pipeline(name: str, exclude: tuple[str, ...]) -> Any:
    """``spacy.load(name, exclude=exclude)``, fast for ``fr_core_news_sm``-like packages.

    Raises ``ImportError``/``OSError`` like ``spacy.load`` when spaCy or the model is
    missing."""
    try:
        _import_spacy()
    except Exception:
        sys.modules.pop("spacy", None)  # a spaCy we do not know: imported as it is below
    import spacy  # ImportError here: spaCy is not installed

    try:
        importlib.import_module(name)
    except ImportError:
        return spacy.load(name, exclude=list(exclude))  # a path, or a missing model
    try:
        return _fast_load(name, exclude)
    except (ImportError, OSError, ValueError, KeyError, AttributeError, TypeError):
        return spacy.load(name, exclude=list(exclude))
