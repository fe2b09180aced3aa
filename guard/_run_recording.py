"""Recording a ``guard evaluate`` run in the registry: running → complete, or failed.

The run is created as ``running`` before inference starts, so a process killed mid-evaluation
leaves a run that is visibly unfinished and that the gate never accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guard.errors import GuardError
from guard.release import current_actor


@dataclass
class RunRecorder:
    store: Any
    name: str
    version: int | None
    actor: str
    run_id: int | None = None
    ref: str = ""
    suite_sha256: str | None = None

    @classmethod
    def open(cls, url: str | None, name: str, version: int | None, *, actor: str | None) -> RunRecorder:
        from guard.registry import open_registry

        return cls(store=open_registry(url), name=name, version=version, actor=current_actor(actor))

    def start(self, plan: Any, policy: Any) -> None:
        """Register the artifact (or find its version, atomically) and record the run as ``running``."""
        registered = self._version_for(plan.model)
        self.ref = registered.ref
        self.suite_sha256 = plan.suite.sha256
        run = self.store.start_run(
            self.name, registered.version, suite_name=plan.suite.name, suite_sha256=plan.suite.sha256,
            fingerprint=plan.model.fingerprint, actor=self.actor,
            policy_name=policy.name if policy else None, policy_sha256=policy.sha256 if policy else None,
            plan=plan.model_dump(mode="json"),
        )
        self.run_id = run.id

    def _version_for(self, model: Any):
        """The registered version for this artifact: one version per fingerprint, decided by the store
        under its write lock (racing evaluations of one file get one version)."""
        return self.store.register_version(self.name, model.spec, model.fingerprint, actor=self.actor,
                                           version=self.version)

    def baselines(self, policy: Any) -> dict:
        """Reports of the versions the policy's baseline aliases point at now (for relative rules)."""
        from guard.release import baseline_reports

        return baseline_reports(self.store, self.name, policy, suite_sha256=self.suite_sha256)[0]

    def finish(self, report: Any, verdict: Any) -> None:
        self.store.finish_run(
            self.run_id, report=report.model_dump(mode="json"), actor=self.actor,
            verdict=verdict.status if verdict is not None else None,
            verdict_detail=verdict.model_dump(mode="json") if verdict is not None else None,
        )

    def fail(self, exc: BaseException) -> None:
        if self.run_id is not None:
            from guard.redact import redact_free_text

            message = exc.message if isinstance(exc, GuardError) else f"{type(exc).__name__}: {exc}"
            # Stored for good (registry and audit payload): redacted like evidence, then cut.
            self.store.fail_run(self.run_id, error=redact_free_text(message)[:2000], actor=self.actor)
