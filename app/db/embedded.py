"""An embedded PostgreSQL (pgserver) for when no DATABASE_URL is configured.

pgserver keeps a list of the processes using a server (`.handle_pids.json` in its folder) and
stops the server at exit when the last of them ends. Two things would leave it running: a
SIGTERM (Python's default is to die at once, without running exit handlers), and a process that
was killed outright and so stays in the list for ever. Both are handled here. (SIGHUP and
SIGKILL still end a process without stopping the server; the next `attest` command to exit
stops it.)
"""

from __future__ import annotations

import json
import os
import signal
import threading
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

_servers: dict[Path, Any] = {}


def embedded_pgdata(data_dir: Path) -> Path:
    """Where the embedded server of a data folder keeps its files."""
    return (data_dir / "postgres").resolve()


def start_embedded(data_dir: Path) -> str:
    """Start (or reuse) an embedded server in data_dir/postgres and return its SQLAlchemy URL.

    The server stops when the last process using it exits, including on SIGINT or SIGTERM."""
    pgdata = embedded_pgdata(data_dir)
    _ensure_runtime_dir(data_dir.resolve() / "run")
    import pgserver  # imported late: starting it is only needed without DATABASE_URL

    pgdata.mkdir(parents=True, exist_ok=True)
    if pgdata not in _servers:
        _exit_cleanly_on_sigterm()
        with _pgserver_lock():
            _forget_dead_users(pgdata)
        _servers[pgdata] = pgserver.get_server(pgdata, cleanup_mode="stop")
    return f"postgresql+psycopg://postgres@/postgres?host={pgdata}"


def _ensure_runtime_dir(folder: Path) -> None:
    """pgserver asks platformdirs for a private runtime folder, which needs XDG_RUNTIME_DIR."""
    if os.environ.get("XDG_RUNTIME_DIR"):
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(folder)


def _exit_cleanly_on_sigterm() -> None:
    """Make SIGTERM exit through SystemExit, so that pgserver's exit handler stops the server
    (SIGINT already raises KeyboardInterrupt). Only when SIGTERM is left at its default, not
    when a caller handles or ignores it. uvicorn handles SIGTERM itself while it serves and
    raises it again once it has shut down: it then lands here."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    # A second SIGTERM while the exit handlers stop the server must not cut them short.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(128 + signum)


def _pgserver_lock() -> AbstractContextManager[object]:
    """The inter-process lock pgserver holds while it changes its list of processes."""
    from pgserver.postgres_server import PostgresServer

    lock = getattr(PostgresServer, "_lock", None)
    return lock if lock is not None else nullcontext()


def _forget_dead_users(pgdata: Path) -> None:
    """Drop the pids of processes that are gone from pgserver's list, so that the server is
    stopped when its last live user exits (a process killed with SIGKILL never removed itself)."""
    handles = pgdata / ".handle_pids.json"
    try:
        pids = json.loads(handles.read_text())
    except (OSError, ValueError):
        return
    if not isinstance(pids, list):
        return
    alive = [pid for pid in pids if isinstance(pid, int) and _running(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _running(pid: int) -> bool:
    import psutil  # a dependency of pgserver

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
