"""Local data is read without any network connection, whatever the environment says.

``datasets.load_dataset("csv", data_files=LOCAL)`` pings the hub's download counter (a DNS lookup
and an HTTPS request) unless ``HF_HUB_OFFLINE`` was set before ``datasets`` was imported. The
tests' conftest sets the offline variables for this process, so the check runs in a fresh
subprocess with them removed and every socket entry point replaced by a recorder that refuses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE")

# Installed before guard or datasets is imported, so import-time configuration is fresh too.
BLOCK_SOCKETS = textwrap.dedent(
    """
    import json, socket, sys

    ATTEMPTS = []

    def _refuse(name):
        def refuse(*args, **kwargs):
            where = [a for a in args if not isinstance(a, socket.socket)][:2]
            ATTEMPTS.append([name, repr(where)[:200]])
            raise OSError(f"network blocked by test: {name}")
        return refuse

    socket.socket.connect = _refuse("connect")
    socket.socket.connect_ex = _refuse("connect_ex")
    socket.getaddrinfo = _refuse("getaddrinfo")
    socket.gethostbyname = _refuse("gethostbyname")
    socket.gethostbyname_ex = _refuse("gethostbyname_ex")
    socket.create_connection = _refuse("create_connection")
    """
)

LOAD_EVERY_FORMAT = BLOCK_SOCKETS + textwrap.dedent(
    """
    from pathlib import Path
    from guard.data import load_task_data
    from guard.suite import DatasetSpec

    base = Path(sys.argv[1])
    loaded = {}
    for name in sys.argv[2:]:
        data = load_task_data(DatasetSpec(path=name), base_dir=base, required={"text", "label"})
        loaded[name] = [data.column("text"), data.column("label"), data.info.fingerprint]
    import datasets  # what guard imported
    print(json.dumps({"attempts": ATTEMPTS, "loaded": loaded, "offline_config": datasets.config.HF_HUB_OFFLINE}))
    """
)


def _online_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_VARIABLES}
    env.pop("HF_UPDATE_DOWNLOAD_COUNTS", None)
    env.pop("HF_HUB_DISABLE_TELEMETRY", None)
    env["HF_HOME"] = str(tmp_path / "hf-home")  # an empty cache: nothing to fall back on
    return env


def _run(script: str, args: list[str], tmp_path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=_online_env(tmp_path), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def files(tmp_path: Path) -> Path:
    import pandas as pd

    folder = tmp_path / "suite"
    folder.mkdir()
    frame = pd.DataFrame({"text": ["good film", "bad film"], "label": [1, 0]})
    frame.to_csv(folder / "d.csv", index=False)
    (folder / "d.tsv").write_text('text\tlabel\ngood "film"\t1\nbad film\t0\n')
    frame.to_json(folder / "d.jsonl", orient="records", lines=True)
    (folder / "d.json").write_text(json.dumps(frame.to_dict(orient="records")))
    frame.to_parquet(folder / "d.parquet")
    return folder


def test_local_files_open_no_connection_without_offline_variables(files: Path, tmp_path: Path) -> None:
    names = ["d.csv", "d.tsv", "d.jsonl", "d.json", "d.parquet"]
    result = _run(LOAD_EVERY_FORMAT, [str(files), *names], tmp_path)
    assert result["offline_config"] is False  # the environment really was "online"
    assert result["attempts"] == []
    assert result["loaded"]["d.tsv"][0] == ['good "film"', "bad film"]
    for name in names:
        text, label, fingerprint = result["loaded"][name]
        assert text[1] == "bad film" and label == [1, 0] and fingerprint.startswith("sha256:")
    hub_cache = tmp_path / "hf-home" / "datasets"
    assert not hub_cache.exists() or not any(hub_cache.rglob("*.arrow"))


def test_the_socket_recorder_sees_a_connection_attempt(tmp_path: Path) -> None:
    """The harness itself: an attempt to resolve or connect is recorded (so an empty list means none)."""
    script = BLOCK_SOCKETS + textwrap.dedent(
        """
        import urllib.request
        try:
            urllib.request.urlopen("https://huggingface.co", timeout=3)
        except Exception:
            pass
        print(json.dumps({"attempts": ATTEMPTS}))
        """
    )
    assert _run(script, [], tmp_path)["attempts"]
