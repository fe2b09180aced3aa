"""The evaluator protocol and registry: decorator for code, entry points for packages.

An evaluator is a function ``(model, data, params, ctx) -> Scores`` wrapped by ``@evaluator``,
which records its name, version, description, citation, required capabilities, parameter model,
dataset columns and the metrics it produces (``MetricSpec``: range and direction) — everything a
report needs to say exactly what ran, and what a report may plausibly contain. Plugins are
validated when they load, not half-way through a run.
"""

from __future__ import annotations

import importlib
import inspect
import math
from collections.abc import Callable, Iterable
from dataclasses import KW_ONLY, dataclass, field
from fnmatch import fnmatchcase
from importlib.metadata import entry_points
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from guard.errors import GuardError, did_you_mean
from guard.models.base import Capability, ModelAdapter
from guard.types import Finding, MetricValue

ENTRY_POINT_GROUP = "guard.evaluators"


class NoParams(BaseModel):
    """Parameter model for evaluators that take none: any key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class EvaluatorParams(BaseModel):
    """Base for evaluator parameter models: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass
class Scores:
    """What an evaluator returns: metrics by name, redacted-later findings and, optionally, one record
    per example (``samples``: ``row`` 0-based, ``input``, ``output``, ``expected``, ``score``, ``outcome``),
    which the runner redacts and logs with ``--log-samples`` (``guard.report.samples``)."""

    metrics: dict[str, MetricValue] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    samples: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class EvalContext:
    """Run-level facts an evaluator may use: the seed, the task name, the uncached model."""

    task: str
    seed: int = 0
    raw_model: ModelAdapter | None = None
    store_raw_evidence: bool = False  # the user asked for unredacted evidence (--store-raw-evidence)


_PATTERN_CHARS = frozenset("*?")
_FORBIDDEN_IN_NAMES = frozenset(".[]")  # '.' splits task.metric in a selector, '[...]' names a group


@dataclass(frozen=True)
class MetricSpec:
    """One metric an evaluator declares it can produce, with its valid range and direction.

    ``name`` is a metric name, or a pattern when it contains ``*`` or ``?`` (``fnmatch`` rules,
    case-sensitive: ``leak_rate_*`` covers ``leak_rate_email``), for evaluators whose metric names
    depend on the data. ``low`` / ``high`` are inclusive bounds, None for unbounded; they apply to
    the value, both interval ends and every ``by_group`` entry, so a report that breaks them is
    rejected instead of judged.
    """

    name: str
    low: float | None = None
    high: float | None = None
    _: KW_ONLY
    higher_is_better: bool | None = None
    description: str = ""

    def __post_init__(self) -> None:
        where = f"metric '{self.name}'"
        if not self.name or any(c.isspace() or c in _FORBIDDEN_IN_NAMES for c in self.name):
            raise GuardError(f"{where}: a metric name needs no spaces, '.', '[' or ']'",
                             hint="policies address metrics as task.metric[group]")
        for bound in (self.low, self.high):
            if bound is not None and (
                    isinstance(bound, bool) or not isinstance(bound, int | float) or not math.isfinite(bound)):
                raise GuardError(f"{where}: bounds must be finite numbers or None (unbounded), got {bound!r}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise GuardError(f"{where}: low {self.low} is above high {self.high}")
        if not self.description.strip() or "\n" in self.description:
            raise GuardError(f"{where}: needs a one-line description")

    @property
    def is_pattern(self) -> bool:
        return bool(_PATTERN_CHARS & set(self.name))

    def matches(self, metric: str) -> bool:
        """Whether this spec covers the metric name ``metric`` (exactly, or by its pattern)."""
        return fnmatchcase(metric, self.name) if self.is_pattern else metric == self.name

    def contains(self, value: float, *, tolerance: float = 1e-9) -> bool:
        """Whether ``value`` lies in ``[low, high]``, allowing float rounding (1 + 2e-16 is still a rate)."""
        if self.low is not None and value < self.low - tolerance * max(1.0, abs(self.low)):
            return False
        return self.high is None or value <= self.high + tolerance * max(1.0, abs(self.high))

    def range_text(self) -> str:
        """The range as a reader expects it: ``[0, 1]``, ``[0, inf)``, ``(-inf, inf)``."""
        low = "(-inf" if self.low is None else f"[{self.low:g}"
        high = "inf)" if self.high is None else f"{self.high:g}]"
        return f"{low}, {high}"


class EvaluatorFn(Protocol):
    def __call__(self, model: ModelAdapter, data: Any, params: Any, ctx: EvalContext) -> Scores: ...


DataCheck = Callable[[Any, Any], None]
"""``check(data, params)``: raise GuardError when params cannot work with this data (e.g. a positive
label that no row has), so the mistake costs seconds, not the inference that would come before it."""

ModelCheck = Callable[[ModelAdapter, Any, Any], None]
"""``check_model(model, data, params)``: raise GuardError when this model cannot do the task as configured."""

ColumnsSpec = tuple[Iterable[str], Iterable[str]] | Callable[[Any], tuple[Iterable[str], Iterable[str]]]


@dataclass(frozen=True)
class EvaluatorInfo:
    """A registered evaluator and everything it declares about itself."""

    name: str
    version: str
    description: str
    fn: EvaluatorFn
    params_model: type[BaseModel] = NoParams
    requires: frozenset[Capability] = frozenset()  # the model needs at least one of these
    columns: ColumnsSpec = ((), ())  # (required roles, optional roles), or a function of params
    citation: str = ""
    needs_dataset: bool = True
    metrics: tuple[MetricSpec, ...] = ()  # empty: undeclared, no range or name checks apply
    check: DataCheck | None = None  # run on the loaded data before inference: params that cannot fit the data
    check_model: ModelCheck | None = None  # run once the model is loaded, before inference: can it do this task?
    # Modules its metrics import where they are computed (not at import: `guard check` reads this module's
    # metric ranges). `guard evaluate` imports them while the redaction worker loads, on the other core.
    preload: tuple[str, ...] = ()

    def metric_spec(self, name: str) -> MetricSpec | None:
        """The declaration covering metric ``name``: an exact name wins over a pattern; None if none."""
        exact = next((m for m in self.metrics if not m.is_pattern and m.name == name), None)
        return exact or next((m for m in self.metrics if m.is_pattern and m.matches(name)), None)

    def declares(self, name: str) -> bool:
        """Whether this evaluator declares it can produce metric ``name`` (False for undeclared evaluators)."""
        return self.metric_spec(name) is not None

    def column_roles(self, params: BaseModel) -> tuple[set[str], set[str]]:
        spec = self.columns(params) if callable(self.columns) else self.columns
        required, optional = spec
        return set(required), set(optional)

    def __call__(self, model: ModelAdapter, data: Any, params: Any, ctx: EvalContext) -> Scores:
        return self.fn(model, data, params, ctx)


_REGISTRY: dict[str, EvaluatorInfo] = {}
_entry_points_loaded = False


def evaluator(
    name: str,
    *,
    version: str = "1.0",
    description: str | None = None,
    params: type[BaseModel] = NoParams,
    requires: Iterable[Capability | str] = (),
    columns: ColumnsSpec = ((), ()),
    citation: str = "",
    needs_dataset: bool = True,
    metrics: Iterable[MetricSpec] = (),
    check: DataCheck | None = None,
    check_model: ModelCheck | None = None,
    preload: Iterable[str] = (),
) -> Callable[[EvaluatorFn], EvaluatorInfo]:
    """Register a function as the evaluator ``name`` (usable from any suite by that name).

    ``metrics`` declares every metric the evaluator can produce under any params (optional for
    plugins; once given, a report holding another metric from it is refused as foreign).
    """

    def register(fn: EvaluatorFn) -> EvaluatorInfo:
        if not callable(fn):
            raise TypeError(f"@evaluator('{name}') must decorate a function")
        info = EvaluatorInfo(
            name=name,
            version=version,
            # the docstring's first paragraph, its wrapped lines joined into one
            description=description or " ".join(inspect.cleandoc(fn.__doc__ or "").split("\n\n")[0].split()),
            fn=fn,
            params_model=params,
            requires=frozenset(Capability(c) for c in requires),
            columns=columns,
            citation=citation,
            needs_dataset=needs_dataset,
            metrics=tuple(metrics),
            check=check,
            check_model=check_model,
            preload=tuple(preload),
        )
        _validate(info, origin=f"{fn.__module__}.{getattr(fn, '__qualname__', name)}")
        _REGISTRY[name] = info
        return info

    return register


def _validate(info: EvaluatorInfo, *, origin: str) -> None:
    if not info.name or any(c.isspace() for c in info.name):
        raise GuardError(f"evaluator from {origin} has an invalid name '{info.name}'")
    if not info.description:
        raise GuardError(f"evaluator '{info.name}' ({origin}) has no description", hint="add a docstring")
    if not (isinstance(info.params_model, type) and issubclass(info.params_model, BaseModel)):
        raise GuardError(f"evaluator '{info.name}' ({origin}): params must be a pydantic model class")
    seen: set[str] = set()
    for spec in info.metrics:
        if not isinstance(spec, MetricSpec):
            raise GuardError(f"evaluator '{info.name}' ({origin}): metrics must be MetricSpec objects, got {spec!r}")
        if spec.name in seen:
            raise GuardError(f"evaluator '{info.name}' ({origin}) declares metric '{spec.name}' twice")
        seen.add(spec.name)


def _load_entry_points() -> None:
    """Register evaluators that installed packages declare under ``guard.evaluators``."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = entry.load()
        except Exception as exc:
            raise GuardError(f"evaluator plugin '{entry.name}' ({entry.value}) failed to import: {exc}") from None
        if not isinstance(obj, EvaluatorInfo):
            raise GuardError(
                f"evaluator plugin '{entry.name}' ({entry.value}) is not an evaluator",
                hint="point the entry point at a function decorated with @guard.evaluator(...)",
            )
        if obj.name != entry.name:
            raise GuardError(
                f"evaluator plugin '{entry.name}' ({entry.value}) registers itself as '{obj.name}'",
                hint="make the entry point name and the @evaluator name the same",
            )
        if obj.name in BUILTINS:
            _ensure_builtin(obj.name)  # a built-in's name stays the built-in's
        _REGISTRY.setdefault(obj.name, obj)


def get_evaluator(name: str) -> EvaluatorInfo:
    """The evaluator registered as ``name``; unknown names get a did-you-mean.

    A built-in's name imports only its own module (``BUILTINS``): a suite that runs ``accuracy``
    does not pay for importing the toxicity, bias, PII and security evaluators. Any other name loads
    the plugins' entry points; did-you-mean reads the built-ins' names from the table, so a typo is
    refused without importing scikit-learn, SciPy or Presidio."""
    if name in BUILTINS:
        _ensure_builtin(name)
    if name not in _REGISTRY:
        _load_entry_points()
    if name not in _REGISTRY:
        raise GuardError(f"unknown evaluator '{name}'", hint=did_you_mean(name, {*_REGISTRY, *BUILTINS}))
    return _REGISTRY[name]


def registered() -> dict[str, EvaluatorInfo]:
    """Every evaluator: built-ins, entry-point plugins, and any registered by decorator."""
    _ensure_builtins()
    _load_entry_points()
    return dict(sorted(_REGISTRY.items()))


BUILTINS: dict[str, str] = {
    "accuracy": "guard.evaluators.accuracy:accuracy",
    "bias.bbq": "guard.evaluators.bias.bbq:bbq",
    "bias.counterfactual": "guard.evaluators.bias.counterfactual:counterfactual",
    "bias.eec": "guard.evaluators.bias.counterfactual:eec",
    "bias.generation": "guard.evaluators.bias.generation:generation_bias",
    "bias.group": "guard.evaluators.bias.group:group_fairness",
    "bias.pairs": "guard.evaluators.bias.pairs:pairs",
    "efficiency": "guard.evaluators.efficiency:efficiency",
    "pii.canary": "guard.evaluators.pii.canary:canary",
    "pii.dataset": "guard.evaluators.pii.dataset:dataset_pii",
    "pii.output": "guard.evaluators.pii.output:output_leaks",
    "robustness": "guard.evaluators.robustness:robustness",
    "security.injection": "guard.evaluators.security:injection",
    "toxicity": "guard.evaluators.toxicity:toxicity",
}
"""Built-in evaluator name -> ``module:attribute`` of its ``EvaluatorInfo``, so a run imports only the
modules it uses (tests/unit/evaluators/test_builtin_table.py checks it against the modules)."""


def _ensure_builtin(name: str) -> None:
    """Register the built-in ``name`` by importing its module (its ``@evaluator`` runs on import).

    Taken from the module attribute too, so a registry that was swapped after the module was first
    imported (tests do) still finds it; a same-named evaluator registered in code is kept."""
    module_name, _, attribute = BUILTINS[name].partition(":")
    info = getattr(importlib.import_module(module_name), attribute)
    _REGISTRY.setdefault(name, info)


def _ensure_builtins() -> None:
    """Register every built-in (``guard evaluators``, unknown names, plugins' did-you-mean)."""
    for name in BUILTINS:
        _ensure_builtin(name)
