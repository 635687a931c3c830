"""An embedded PostgreSQL (pgserver) for when no DATABASE_URL is configured."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

_servers: dict[Path, Any] = {}


def start_embedded(data_dir: Path) -> str:
    """Start (or reuse) an embedded server in data_dir/postgres and return its SQLAlchemy URL."""
    pgdata = (data_dir / "postgres").resolve()
    _ensure_runtime_dir(data_dir.resolve() / "run")
    import pgserver  # imported late: starting it is only needed without DATABASE_URL

    pgdata.mkdir(parents=True, exist_ok=True)
    if pgdata not in _servers:
        _servers[pgdata] = pgserver.get_server(pgdata, cleanup_mode="stop")
    return f"postgresql+psycopg://postgres@/postgres?host={pgdata}"


def _ensure_runtime_dir(folder: Path) -> None:
    """pgserver asks platformdirs for a private runtime folder, which needs XDG_RUNTIME_DIR."""
    if os.environ.get("XDG_RUNTIME_DIR"):
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(folder)
