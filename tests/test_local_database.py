"""The embedded database as a user meets it: one per user wherever a command runs, each command
naming the database it uses, and the server stopped together with `attest serve`.

These start real `attest` processes on an embedded PostgreSQL in a temporary folder (never the
test database), so they take a few seconds each.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

ATTEST = Path(sys.executable).with_name("attest")
START_TIMEOUT = 120  # initdb and the migrations on a fresh embedded server


def _env(**settings: str) -> dict[str, str]:
    """The environment of a user who configured no database: the test run's settings removed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTEST_")}
    env.pop("DATABASE_URL", None)
    env.update(settings)
    return env


def _attest(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ATTEST), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def _postmaster(pgdata: Path) -> psutil.Process | None:
    """The embedded server's postmaster while it runs (a zombie left to reap counts as gone)."""
    try:
        pid = int((pgdata / "postmaster.pid").read_text().split()[0])
        process = psutil.Process(pid)
        return None if process.status() == psutil.STATUS_ZOMBIE else process
    except (FileNotFoundError, IndexError, ValueError, psutil.NoSuchProcess):
        return None


def _gone(pgdata: Path, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _postmaster(pgdata) is None:
            return True
        time.sleep(0.2)
    return False


def _stop_leftover(pgdata: Path) -> None:
    """Never leave a server behind, whatever a test found."""
    process = _postmaster(pgdata)
    if process is not None:
        process.terminate()
        psutil.wait_procs([process], timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_default_data_dir_is_per_user_and_the_same_from_any_folder(
    tmp_path, monkeypatch
) -> None:
    from app.config import Settings

    monkeypatch.delenv("ATTEST_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    seen = set()
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        seen.add(Settings().data_dir)
    assert len(seen) == 1
    [data_dir] = seen
    assert data_dir.is_absolute()
    if sys.platform.startswith("linux"):
        assert data_dir == tmp_path / "share" / "attest"


def test_attest_data_dir_still_overrides(tmp_path, monkeypatch) -> None:
    from app.config import Settings

    monkeypatch.setenv("ATTEST_DATA_DIR", str(tmp_path / "mine"))
    assert Settings().data_dir == tmp_path / "mine"


@contextmanager
def _private_folder(prefix: str) -> Iterator[Path]:
    """A folder for an embedded server, its server stopped and the folder removed afterwards.

    Not under pytest's basetemp: a concurrent pytest run resets that to mode 0700, which locks
    out the unprivileged user pgserver runs PostgreSQL as when the tests run as root."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for pgdata in folder.glob("**/postgres"):
            _stop_leftover(pgdata)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def home() -> Iterator[Path]:
    """A user's data home (XDG_DATA_HOME) of the test's own."""
    with _private_folder("attest-home-") as folder:
        yield folder / "share"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is Linux's")
def test_a_key_made_in_one_folder_is_seen_from_another(tmp_path, home) -> None:
    env = _env(XDG_DATA_HOME=str(home))
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    created = _attest("keys", "create", "desk", "--role", "editor", cwd=one, env=env)
    assert created.returncode == 0, created.stderr
    listed = _attest("keys", "list", cwd=two, env=env)
    assert listed.returncode == 0, listed.stderr
    assert "desk" in listed.stdout + listed.stderr
    pgdata = home / "attest" / "postgres"
    for run in (created, listed):
        assert f"Database: embedded PostgreSQL in {pgdata}" in run.stderr
    assert not (one / "var").exists() and not (two / "var").exists()
    assert _gone(pgdata), "each command stops the embedded server it started"


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    """One embedded data folder for the serve tests (initdb once)."""
    with _private_folder("attest-serve-") as folder:
        yield folder / "data"


def _start_serve(data_dir: Path, cwd: Path) -> subprocess.Popen[str]:
    port = _free_port()
    process = subprocess.Popen(
        [str(ATTEST), "serve", "--port", str(port)],
        cwd=cwd,
        env=_env(ATTEST_DATA_DIR=str(data_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # the signal goes to serve alone, not to a process group
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"attest serve exited early:\n{process.stdout.read()}")  # type: ignore[union-attr]
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("attest serve did not start listening")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("after_a_crash", [False, True], ids=["clean", "after-a-crash"])
def test_a_signal_stops_the_embedded_postgres_with_serve(
    data_dir, tmp_path, signum, after_a_crash
) -> None:
    pgdata = data_dir / "postgres"
    _stop_leftover(pgdata)  # each case starts with the server stopped
    handles = pgdata / ".handle_pids.json"  # pgserver's list of the processes using the server
    handles.unlink(missing_ok=True)
    if after_a_crash:
        if not (pgdata / "PG_VERSION").exists():
            process = _start_serve(data_dir, tmp_path)
            process.kill()
            process.wait()
            _stop_leftover(pgdata)
        # An `attest` process killed with SIGKILL left its pid in the list.
        handles.write_text(json.dumps([_dead_pid()]))
    process = _start_serve(data_dir, tmp_path)
    try:
        postmaster = _postmaster(pgdata)
        assert postmaster is not None, "the embedded server runs while serve does"
        process.send_signal(signum)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert _gone(pgdata), f"postgres {postmaster.pid} still runs after serve got {signum.name}"
    assert f"Database: embedded PostgreSQL in {pgdata}" in output
