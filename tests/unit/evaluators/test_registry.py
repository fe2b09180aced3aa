"""Evaluator registry: decorator, did-you-mean, entry-point plugins validated on load."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

import guard
from guard.errors import GuardError
from guard.evaluators import base as registry
from guard.evaluators import get_evaluator, registered


def test_builtins_are_registered_and_self_describing() -> None:
    everything = registered()
    for name in ("accuracy", "efficiency"):
        info = everything[name]
        assert info.version and info.description and info.requires


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(GuardError, match="did you mean 'accuracy'"):
        get_evaluator("acuracy")


def test_decorator_registers_a_function_usable_from_a_suite(tmp_path: Path) -> None:
    @guard.evaluator("test.length", version="2.1", description="Mean input length.", columns=(["text"], []))
    def length(model, data, params, ctx):
        from guard import stats

        return guard.Scores(metrics={"mean_len": stats.exact(sum(map(len, data.column("text"))) / len(data),
                                                             n=len(data))})

    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "ab"}\n{"text": "abcd"}\n')
    from guard.models.fake import FakeModel
    from guard.suite import suite_from_dict

    report = guard.evaluate(FakeModel(classify_fn=str),
                            suite_from_dict({"name": "s",
                                             "tasks": [{"name": "t", "evaluator": "test.length",
                                                        "dataset": {"path": str(path)}}]}))
    result = report.results[0]
    assert result.metrics["mean_len"].value == 3.0 and result.evaluator_version == "2.1"


def test_evaluator_without_description_is_refused() -> None:
    with pytest.raises(GuardError, match="no description"):
        @guard.evaluator("test.undocumented")
        def undocumented(model, data, params, ctx):
            return guard.Scores()


def _install_plugin(tmp_path: Path, name: str, target: str, module_source: str) -> None:
    """A real installed distribution on sys.path: a module plus a dist-info with entry_points.txt."""
    (tmp_path / "guard_test_plugin.py").write_text(textwrap.dedent(module_source))
    dist = tmp_path / "guard_test_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: guard-test-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[guard.evaluators]\n{name} = {target}\n")


@pytest.fixture
def fresh_registry(monkeypatch, tmp_path):
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setattr(registry, "_entry_points_loaded", False)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("guard_test_plugin", None)


def test_entry_point_plugin_is_discovered(fresh_registry: Path) -> None:
    _install_plugin(fresh_registry, "plugin.words", "guard_test_plugin:words", """
        import guard

        @guard.evaluator("plugin.words", description="Counts words.")
        def words(model, data, params, ctx):
            return guard.Scores()
    """)
    assert get_evaluator("plugin.words").description == "Counts words."


def test_entry_point_that_is_not_an_evaluator_fails_on_load(fresh_registry: Path) -> None:
    _install_plugin(fresh_registry, "plugin.bad", "guard_test_plugin:not_an_evaluator", """
        def not_an_evaluator(model, data, params, ctx):
            return None
    """)
    with pytest.raises(GuardError, match="is not an evaluator"):
        get_evaluator("plugin.bad")


def test_a_typo_is_refused_without_importing_the_heavy_built_ins() -> None:
    """did-you-mean reads the built-ins' names from the table: a misspelt evaluator in a suite is refused in a fresh
    process without importing scikit-learn, SciPy or Presidio (seconds on every bad-input run)."""
    import subprocess

    code = ("import sys\nfrom guard.errors import GuardError\nfrom guard.evaluators import get_evaluator\n"
            "try:\n    get_evaluator('acuracy')\nexcept GuardError as exc:\n    print(exc.hint)\n"
            "print(sorted(m for m in ('sklearn', 'scipy', 'presidio_analyzer') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    hint, heavy = out.stdout.splitlines()
    assert "accuracy" in hint and heavy == "[]", out.stdout
