"""A throwaway PostgreSQL server for tests and benchmarks (about 2 s to start).

``GUARD_TEST_POSTGRES_URL`` (a role allowed to CREATE DATABASE) points the tests at an existing
server instead. Otherwise :func:`start_postgres` runs Debian's ``initdb``/``pg_ctl`` on a fresh data
directory, on 127.0.0.1 and a free port; as root it runs them as the ``postgres`` user (``initdb``
refuses root). Needs the server binaries: ``apt-get install -y postgresql``.

    python -m tests.helpers.postgres      # start one, print its URL, stop it on Enter
"""

from __future__ import annotations

import atexit
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ENV_URL = "GUARD_TEST_POSTGRES_URL"
INSTALL_HINT = "install the server: apt-get install -y postgresql"


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding ``initdb``, or None."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    found.sort(key=lambda d: float(d.parent.name) if d.parent.name.replace(".", "", 1).isdigit() else 0.0)
    return found[-1] if found else None


@dataclass
class PostgresServer:
    """A server on which tests create databases; ``url`` is its own database (psycopg 3 driver)."""

    url: str
    data_dir: Path | None = None
    _pg_bin: Path | None = field(default=None, repr=False)
    _as_postgres: bool = field(default=False, repr=False)

    def create_database(self, prefix: str = "guard_test", template: str | None = None) -> str:
        """A new database owned by the test role, empty or a copy of ``template``; returns its URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        finally:
            engine.dispose()
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def stop(self) -> None:
        if self.data_dir is None or self._pg_bin is None:
            return
        data_dir, self.data_dir = self.data_dir, None
        subprocess.run(_as(self._as_postgres, [str(self._pg_bin / "pg_ctl"), "-D", str(data_dir), "-m", "immediate",
                                               "-w", "stop"]), capture_output=True, timeout=60, cwd="/tmp")
        shutil.rmtree(data_dir, ignore_errors=True)


def _as(as_postgres: bool, cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if as_postgres else cmd


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


MEMORY_DIR, MEMORY_DIR_MIN_FREE = Path("/dev/shm"), 2 * 1024**3  # a worker's server grows to a few hundred MB


def _data_parent() -> str | None:
    """/dev/shm (memory) when it is a writable directory with room to spare, else None (the usual temp dir).

    The server runs with fsync off, yet on the dev machine's disk every ``CREATE DATABASE`` (one per test) took
    0.1-0.6 s, the start 5 s and removing the data directory 2.3 s; on /dev/shm 0.02-0.06 s, 1 s and 0.25 s
    (30 databases, about 300 MB, measured once each on the loaded 2-core dev machine). A small /dev/shm
    (Docker's default is 64 MB) is not used."""
    try:
        if MEMORY_DIR.is_dir() and os.access(MEMORY_DIR, os.W_OK) and \
                shutil.disk_usage(MEMORY_DIR).free >= MEMORY_DIR_MIN_FREE:
            return str(MEMORY_DIR)
    except OSError:
        pass
    return None


def start_postgres() -> PostgresServer:
    """Use ``$GUARD_TEST_POSTGRES_URL`` if set, else start a fresh server (stopped at exit at the latest),
    its data directory in memory where there is room."""
    if os.environ.get(ENV_URL):
        url = make_url(os.environ[ENV_URL])
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return PostgresServer(url=url.render_as_string(hide_password=False))
    pg_bin = postgres_bin()
    if pg_bin is None:
        raise RuntimeError(f"PostgreSQL server binaries not found under /usr/lib/postgresql; {INSTALL_HINT} "
                           f"(or set {ENV_URL})")
    as_postgres = os.geteuid() == 0
    data_dir = Path(tempfile.mkdtemp(prefix="guard-test-pg-", dir=_data_parent()))
    server = PostgresServer(url="", data_dir=data_dir, _pg_bin=pg_bin, _as_postgres=as_postgres)
    atexit.register(server.stop)
    password = secrets.token_hex(12)
    pwfile = data_dir.with_name(data_dir.name + ".pw")
    pwfile.write_text("postgres\n")
    if as_postgres:
        shutil.chown(data_dir, "postgres", "postgres")
        shutil.chown(pwfile, "postgres")
    try:
        _run(_as(as_postgres, [str(pg_bin / "initdb"), "-D", str(data_dir), "-U", "postgres", f"--pwfile={pwfile}",
                               "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]))
    finally:
        pwfile.unlink(missing_ok=True)
    for attempt in range(3):  # the free port may be taken between probing and binding
        port = _free_port()
        options = (f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        start = [str(pg_bin / "pg_ctl"), "-D", str(data_dir), "-l", str(data_dir / "server.log"), "-w", "-t", "30",
                 "-o", options, "start"]
        proc = subprocess.run(_as(as_postgres, start), capture_output=True, text=True, timeout=90, cwd="/tmp")
        if proc.returncode == 0:
            break
        if attempt == 2:
            log = (data_dir / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {proc.stderr.strip()}\n{log}")
    _run(_as(as_postgres, [str(pg_bin / "psql"), "-h", str(data_dir), "-p", str(port), "-U", "postgres",
                           "-v", "ON_ERROR_STOP=1", "-q",
                           "-c", f"CREATE ROLE guard LOGIN CREATEDB PASSWORD '{password}'",
                           "-c", "CREATE DATABASE guard OWNER guard"]))
    server.url = f"postgresql+psycopg://guard:{password}@127.0.0.1:{port}/guard"
    return server


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd="/tmp")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")


if __name__ == "__main__":
    pg = start_postgres()
    print(pg.url, flush=True)
    try:
        input("PostgreSQL is running; press Enter to stop it.\n")
    finally:
        pg.stop()
