"""The built-in name -> module table: complete, and a run imports only the evaluators it names."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys

import guard.evaluators
from guard.evaluators import base as registry
from guard.evaluators import get_evaluator, registered
from guard.evaluators.base import BUILTINS, EvaluatorInfo


def _defined_here() -> dict[str, str]:
    """Every EvaluatorInfo that a guard.evaluators module defines, as ``name -> module:attribute``."""
    found: dict[str, str] = {}
    for module_info in pkgutil.walk_packages(guard.evaluators.__path__, "guard.evaluators."):
        module = importlib.import_module(module_info.name)
        for attribute, value in vars(module).items():
            if isinstance(value, EvaluatorInfo) and value.fn.__module__ == module.__name__:
                found[value.name] = f"{module.__name__}:{attribute}"
    return found


def test_table_names_every_builtin_and_where_it_is_defined() -> None:
    assert BUILTINS == _defined_here()


def test_listing_still_holds_every_builtin() -> None:
    assert set(BUILTINS) <= set(registered())


def test_a_builtin_is_found_after_the_registry_was_swapped(monkeypatch) -> None:
    get_evaluator("accuracy")  # its module is imported now; a fresh registry must still find it
    monkeypatch.setattr(registry, "_REGISTRY", {})
    assert get_evaluator("accuracy").name == "accuracy"


def test_a_builtin_name_imports_only_its_own_module() -> None:
    code = ("import json, sys\nfrom guard.evaluators import get_evaluator\nget_evaluator('bias.pairs')\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('guard.evaluators.', 'scipy.stats', "
            "'sklearn')))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert "guard.evaluators.bias.pairs" in loaded
    others = {spec.partition(":")[0] for name, spec in BUILTINS.items() if name != "bias.pairs"}
    assert not others & loaded, "a suite naming one built-in imported the others"
    assert not {m for m in loaded if m.startswith(("scipy.stats", "sklearn"))}, "heavy imports nobody used"
