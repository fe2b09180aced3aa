"""The result types every part of guard exchanges: metrics, findings, results and the report.

``EvalReport`` is the one contract between the runner, the CLI, the registry and the dashboard;
its JSON form is versioned by ``schema_version`` (see ``guard schema report``).
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.1"  # 1.1: the run plan (``plan``) and the model's hashed files


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MetricValue(_Frozen):
    """One measured number with its uncertainty; never a bare float."""

    value: float = Field(description="Point estimate.")
    ci_low: float = Field(description="Lower bound of the 95% confidence interval.")
    ci_high: float = Field(description="Upper bound of the 95% confidence interval.")
    n: int = Field(ge=0, description="Sample size the estimate rests on (examples, pairs, probes).")
    higher_is_better: bool | None = Field(
        description="Direction of improvement; None where neither direction is better (counts, sizes)."
    )
    ci_method: str = Field(
        default="", description="How the interval was computed, e.g. 'wilson', 'bootstrap(seed=0,n=1000)'."
    )
    by_group: dict[str, MetricValue] = Field(
        default_factory=dict, description="The same metric per group, when the task names a group column."
    )

    @field_validator("value", "ci_low", "ci_high")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("metric values must be finite; leave an undefined metric out instead")
        return v

    @model_validator(mode="after")
    def _ordered(self) -> MetricValue:
        if not (self.ci_low <= self.value + 1e-12 and self.value <= self.ci_high + 1e-12):
            raise ValueError(f"CI [{self.ci_low}, {self.ci_high}] does not contain value {self.value}")
        return self


class Finding(_Frozen):
    """A concrete, redacted example that explains a metric (a wrong answer, a flipped pair, a leak)."""

    kind: str = Field(description="What this example shows, e.g. 'misclassified', 'slow_example'.")
    severity: Literal["info", "low", "medium", "high"] = "info"
    message: str = Field(description="One human sentence.")
    example: dict[str, Any] = Field(default_factory=dict, description="Redacted inputs and outputs.")


class DatasetInfo(_Frozen):
    """Where a task's data came from, so a reviewer can re-run on exactly the same rows."""

    source: str = Field(description="File path or hub id as given.")
    fingerprint: str = Field(description="sha256 of the file bytes, or the hub dataset's fingerprint.")
    rows: int = Field(ge=0, description="Rows used (after any limit).")
    columns: dict[str, str] = Field(default_factory=dict, description="Role -> column mapping used.")


class EvalResult(_Frozen):
    """What one task produced: metrics keyed by name, findings, and how it was produced."""

    task: str
    evaluator: str
    evaluator_version: str = ""
    params: dict[str, Any] = Field(default_factory=dict, description="Parameters the evaluator ran with.")
    status: Literal["ok", "error"] = "ok"
    error: str | None = Field(default=None, description="Why the task failed; its metrics are then absent.")
    metrics: dict[str, MetricValue] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    dataset: DatasetInfo | None = None
    seconds: float = Field(default=0.0, description="Wall time of the task.")


class ModelInfo(_Frozen):
    """The exact artifact that was evaluated."""

    spec: str = Field(description="The model spec string, e.g. 'hf:models/distilbert'.")
    kind: str = Field(description="Adapter kind: hf, sklearn, python, http, fake.")
    fingerprint: str = Field(description="sha256 over the artifact's weight and config files.")
    fingerprint_kind: Literal["content", "identity"] = Field(
        default="content",
        description="'content' hashes the files; 'identity' only names a remote endpoint and model.",
    )
    capabilities: list[str] = Field(default_factory=list)
    parameters: int | None = None
    size_on_disk_bytes: int | None = None
    fingerprint_files: list[str] = Field(
        default_factory=list, description="What the fingerprint hashed: file names relative to the artifact's folder."
    )


class SuiteInfo(_Frozen):
    name: str
    source: str = Field(description="Path of the suite file (or 'builtin:NAME').")
    sha256: str = Field(description="sha256 of the suite file's bytes.")


class Overrides(_Frozen):
    """What the command line changed against the suite. Any of it makes a run ad hoc: a fine report,
    but not release evidence unless the policy pins exactly what it produced."""

    data: dict[str, str] = Field(default_factory=dict, description="Task -> dataset path given with --data.")
    limit: int | None = Field(default=None, description="--limit: only the first N rows of each dataset.")
    seed: int = Field(default=0, description="--seed (0 is the default).")


class TaskPlan(_Frozen):
    """One task as it will run: evaluator and version, validated params, the exact data."""

    task: str
    evaluator: str
    evaluator_version: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    dataset: DatasetInfo | None = None


class RunPlan(_Frozen):
    """Everything that determines a run's numbers, fixed before the first model call.

    The report and the registry run carry it; a policy's ``evidence`` section pins parts of it and
    the release gate compares the two (suite, data fingerprints and row counts, overrides, model).
    """

    suite: SuiteInfo
    model: ModelInfo
    seed: int = 0
    overrides: Overrides = Field(default_factory=Overrides)
    tasks: list[TaskPlan]
    model_options: dict[str, Any] = Field(
        default_factory=dict, description="Adapter options the model was loaded with (--model-option, --batch-size, "
        "--device); not part of the fingerprint.")
    cache: bool = Field(default=False, description="Whether answers may come from the persistent inference cache "
                        "(keyed by the model's fingerprint; not something a policy pins).")

    @property
    def sha256(self) -> str:
        """Content hash of the plan (canonical JSON)."""
        import hashlib
        import json

        text = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def ad_hoc(self) -> list[str]:
        """The command-line overrides that make this run ad hoc, as the user typed them (empty: none)."""
        found = [f"--data {task}={path}" for task, path in sorted(self.overrides.data.items())]
        if self.overrides.limit is not None:
            found.append(f"--limit {self.overrides.limit}")
        if self.overrides.seed != 0:
            found.append(f"--seed {self.overrides.seed}")
        return found

    def task(self, name: str) -> TaskPlan | None:
        return next((t for t in self.tasks if t.task == name), None)


class CacheStats(_Frozen):
    """How the persistent inference cache served a run (``guard.cache``)."""

    dir: str = Field(description="The cache folder.")
    hits: int = Field(ge=0, description="Model requests answered from the cache.")
    misses: int = Field(ge=0, description="Model requests the model answered in this run (stored unless sampled "
                        "or failed).")
    notes: list[str] = Field(default_factory=list, description="Problems with the cache file and what was done "
                             "(a corrupt file moved aside and rebuilt, rows that failed their checksum).")


class SamplesRef(_Frozen):
    """Where a run's per-example records are (``--log-samples``): a gzip JSONL file beside the report.

    The records are redacted like findings; the report (and so the registry, under the audit chain)
    keeps the file's sha256, so a reader can tell when the file it finds is not the one written.
    """

    file: str = Field(description="File name, relative to the report's folder (e.g. report.samples.jsonl.gz).")
    location: str = Field(default="", description="Absolute path where it was written (for registry readers).")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the compressed file's bytes.")
    rows: int = Field(ge=0, description="Records in the file.")
    counts: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Task -> outcome -> records (what a reviewer can filter on).")


class EvalReport(_Frozen):
    """One evaluation of one model on one suite: the document policies are checked against."""

    schema_version: str = SCHEMA_VERSION
    guard_version: str
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    model: ModelInfo
    suite: SuiteInfo
    seed: int = 0
    raw_evidence: bool = Field(
        default=False, description="True only when the user asked for unredacted evidence (--store-raw-evidence)."
    )
    evidence_redaction: str = Field(
        default="", description="What redacted the findings: 'presidio+patterns', 'patterns', or 'none' (raw evidence)."
    )
    results: list[EvalResult]
    environment: dict[str, str] = Field(default_factory=dict, description="Library versions that ran.")
    plan: RunPlan | None = Field(
        default=None, description="The run plan (suite hash, data fingerprints, overrides, model); absent before 1.1."
    )
    cache: CacheStats | None = Field(
        default=None, description="Requests served from the persistent inference cache; None when it was not used.")
    samples: SamplesRef | None = Field(
        default=None, description="Per-example records (--log-samples), referenced and hashed; None when not logged.")

    def result(self, task: str) -> EvalResult | None:
        return next((r for r in self.results if r.task == task), None)

    def metric(self, selector: str) -> MetricValue | None:
        """The metric addressed as ``task.metric``; None when the task or metric is absent."""
        task, _, name = selector.partition(".")
        result = self.result(task)
        if result is None or result.status != "ok":
            return None
        return result.metrics.get(name)

    @property
    def failed_tasks(self) -> list[EvalResult]:
        return [r for r in self.results if r.status != "ok"]
