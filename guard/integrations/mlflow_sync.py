"""Mirror a guard model's versions and aliases into MLflow's model registry, one way (``guard mlflow sync``).

guard's gate stays the only way an alias moves: sync writes guard's state into MLflow and never reads an
MLflow alias back into guard. The MLflow registered model is guard's mirror, marked by the tag
``guard.mirror`` (the guard model's name); sync refuses to write into a registered model without it.

- each guard version becomes one MLflow model version (source ``guard://NAME/VERSION``) tagged
  ``guard.version``, ``guard.fingerprint``, ``guard.spec`` (secrets masked), ``guard.runs`` (complete
  runs), ``guard.latest_run``, ``guard.latest_verdict``, ``guard.latest_policy``, and described by one
  line per run; MLflow numbers its versions itself, so ``guard.version`` is the link, not the number;
- each guard alias is set on the mirror of its target; what sync last wrote is kept on the registered
  model as tag ``guard.alias.ALIAS`` (a guard version, or empty once guard removed the alias);
- drift: an MLflow alias that is not where sync left it (moved, deleted, or created on the MLflow side)
  is reported; a guard alias is then restored to guard's target, an alias guard never had is left alone;
- idempotent: a second sync with nothing changed in guard writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guard.errors import GuardError
from guard.integrations.mlflow_client import client as make_client
from guard.integrations.mlflow_client import describe, mask
from guard.registry.store import RegistryStore

MIRROR_TAG = "guard.mirror"
ALIAS_TAG = "guard.alias."


@dataclass
class SyncResult:
    created: list[int] = field(default_factory=list)  # guard versions newly mirrored
    updated: list[int] = field(default_factory=list)  # guard versions whose tags or description changed
    aliases_set: list[str] = field(default_factory=list)  # "alias -> guard version" (or "alias removed")
    drift: list[str] = field(default_factory=list)  # what was changed on the MLflow side

    @property
    def changes(self) -> int:
        return len(self.created) + len(self.updated) + len(self.aliases_set)


def _version_tags(store: RegistryStore, version: Any) -> tuple[dict[str, str], str]:
    runs = [r for r in store.list_runs(version.model, version.version, limit=10_000) if r.status == "complete"]
    runs.sort(key=lambda r: r.id)
    tags = {"guard.version": str(version.version), "guard.fingerprint": version.fingerprint,
            "guard.spec": mask(version.spec)[:8000], "guard.registered_by": version.created_by[:8000],
            "guard.runs": str(len(runs))}
    if runs:
        latest = runs[-1]
        tags |= {"guard.latest_run": str(latest.id), "guard.latest_verdict": latest.verdict or "unchecked",
                 "guard.latest_policy": latest.policy_name or ""}
    lines = [f"guard {version.ref}, fingerprint {version.fingerprint}"]
    lines += [f"run {r.id}: {r.verdict or 'unchecked'} under policy '{r.policy_name or '-'}' "
              f"(sha256 {(r.policy_sha256 or '-')[:12]}), suite '{r.suite_name}'" for r in runs[-50:]]
    return tags, "\n".join(lines)[:5000]


def sync(store: RegistryStore, name: str, *, tracking_uri: str, registry_uri: str | None = None,
         mlflow_name: str | None = None) -> SyncResult:
    """Write ``name``'s versions and aliases into MLflow's registered model ``mlflow_name`` (default ``name``)."""
    target = mlflow_name or name
    versions = sorted(store.list_versions(name), key=lambda v: v.version)
    if not versions:
        raise GuardError(f"model '{name}' has no versions in the guard registry", hint="guard history NAME")
    client = make_client(tracking_uri, registry_uri)
    uri = registry_uri or tracking_uri
    try:
        return _sync(client, store, name, target, versions)
    except GuardError:
        raise
    except Exception as exc:
        raise describe(exc, uri) from None


def _registered_model(client: Any, name: str, target: str) -> Any:
    from mlflow.exceptions import MlflowException

    try:
        model = client.get_registered_model(target)
    except MlflowException as exc:
        if getattr(exc, "error_code", "") != "RESOURCE_DOES_NOT_EXIST":
            raise
        return client.create_registered_model(
            target, tags={MIRROR_TAG: name},
            description=f"Mirror of guard model '{name}' (written by guard mlflow sync; aliases move in guard).")
    if model.tags.get(MIRROR_TAG) != name:
        raise GuardError(f"MLflow registered model '{target}' is not guard's mirror of '{name}' "
                         f"(tag {MIRROR_TAG} is {model.tags.get(MIRROR_TAG)!r})",
                         hint="sync into another name with --mlflow-name, or tag it if it is meant to be the mirror")
    return model


def _sync(client: Any, store: RegistryStore, name: str, target: str, versions: list[Any]) -> SyncResult:
    result = SyncResult()
    model = _registered_model(client, name, target)
    existing: dict[int, Any] = {}
    for mv in client.search_model_versions(f"name='{target}'"):
        number = mv.tags.get("guard.version")
        if number is not None and number.isdigit():
            existing.setdefault(int(number), mv)
    mirror: dict[int, str] = {}
    for version in versions:
        tags, description = _version_tags(store, version)
        mv = existing.get(version.version)
        if mv is None:
            mv = client.create_model_version(target, source=f"guard://{name}/{version.version}", tags=tags,
                                             description=description)
            result.created.append(version.version)
        else:
            changed = False
            for key, value in tags.items():
                if mv.tags.get(key) != value:
                    client.set_model_version_tag(target, mv.version, key, value)
                    changed = True
            if (mv.description or "") != description:
                client.update_model_version(target, mv.version, description=description)
                changed = True
            if changed:
                result.updated.append(version.version)
        mirror[version.version] = str(mv.version)
    by_mlflow = {v: k for k, v in mirror.items()}

    guard_aliases = store.aliases(name)
    mlflow_aliases = dict(model.aliases or {})
    synced = {k[len(ALIAS_TAG):]: v for k, v in (model.tags or {}).items() if k.startswith(ALIAS_TAG)}
    for alias in sorted(set(guard_aliases) | set(mlflow_aliases) | set(synced)):
        want = mirror.get(guard_aliases[alias]) if alias in guard_aliases else None
        have = str(mlflow_aliases[alias]) if alias in mlflow_aliases else None
        if alias in synced:
            left = mirror.get(int(synced[alias])) if synced[alias].isdigit() else None
            if have != left:
                result.drift.append(f"alias '{alias}' was moved on the MLflow side: it points at MLflow version "
                                    f"{have or '(none)'} ({_guard_ref(name, by_mlflow, have)}), sync left it at "
                                    f"{left or '(none)'}; guard's target is {_guard_ref(name, by_mlflow, want)}")
        elif have is not None:
            result.drift.append(f"alias '{alias}' was set on the MLflow side (MLflow version {have}, "
                                f"{_guard_ref(name, by_mlflow, have)})"
                                + ("; guard's target replaces it" if alias in guard_aliases else
                                   "; guard has no such alias and leaves it alone"))
        if alias not in guard_aliases and alias not in synced:
            continue  # never guard's: reported, not touched
        if want != have:
            if want is None:
                client.delete_registered_model_alias(target, alias)
                result.aliases_set.append(f"{alias} removed")
            else:
                client.set_registered_model_alias(target, alias, want)
                result.aliases_set.append(f"{alias} -> {name}@{guard_aliases[alias]}")
        record = str(guard_aliases[alias]) if alias in guard_aliases else ""
        if synced.get(alias) != record:
            client.set_registered_model_tag(target, f"{ALIAS_TAG}{alias}", record)
    return result


def _guard_ref(name: str, by_mlflow: dict[str, int], mlflow_version: str | None) -> str:
    if mlflow_version is None:
        return "nothing"
    return f"{name}@{by_mlflow[mlflow_version]}" if mlflow_version in by_mlflow else "not a guard version"
