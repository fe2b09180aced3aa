"""Without --mlflow, a `guard evaluate` run neither imports MLflow nor connects anywhere but loopback.

The run happens in a child process whose every Python process (the redaction worker too) loads a
``sitecustomize`` that refuses any socket connection to a non-loopback address and writes it down.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SITECUSTOMIZE = '''
import ipaddress, os, socket

_LOG = os.environ["GUARD_TEST_NET_LOG"]
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host == "localhost"
        if not loopback:
            with open(_LOG, "a") as log:
                log.write(f"{os.getpid()} {host}\\n")
            raise OSError(f"network blocked by test: {host}")


def connect(self, address):
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
'''

RUN = '''
import sys
from guard.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
    code = 0
except SystemExit as exc:
    code = exc.code
print("EXIT", code)
print("MLFLOW_IMPORTED", any(m == "mlflow" or m.startswith("mlflow.") for m in sys.modules))
'''


def test_evaluate_without_mlflow_stays_offline_and_never_imports_it(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE)
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(20)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    (tmp_path / "m.py").write_text('def predict(batch):\n    return ["pos" if "good" in t else "neg" for t in batch]\n'
                                   'predict.capabilities = ["classify"]\n')
    (tmp_path / "policy.yaml").write_text("name: p\nrules:\n  - id: a\n    metric: t.accuracy\n    min: 0.5\n")
    log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), os.environ.get("PYTHONPATH", "")]),
           "GUARD_TEST_NET_LOG": str(log), "GUARD_REGISTRY": f"sqlite:///{tmp_path / 'registry.db'}"}
    env.pop("MLFLOW_TRACKING_URI", None)
    done = subprocess.run(
        [sys.executable, "-c", RUN, "evaluate", f"python:{tmp_path / 'm.py'}:predict", "--suite",
         str(tmp_path / "suite.yaml"), "--policy", str(tmp_path / "policy.yaml"), "--name", "offline",
         "--out", str(tmp_path / "report.json")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "EXIT 0" in done.stdout, done.stdout + done.stderr
    assert "MLFLOW_IMPORTED False" in done.stdout
    assert not log.exists(), log.read_text()
    # the guard is live: the same interpreter set-up refuses a connection to a routable address
    probe = subprocess.run([sys.executable, "-c", "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80),"
                            " timeout=1)\nexcept OSError as e:\n    print(e)"], env=env, capture_output=True, text=True,
                           timeout=30)
    assert "network blocked by test: 192.0.2.1" in probe.stdout, probe.stdout + probe.stderr
