"""An embedded PostgreSQL (pgserver) for when no DATABASE_URL is configured."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

_servers: dict[Path, Any] = {}


def start_embedded(data_dir: Path) -> str:
    """Start (or reuse) an embedded server in data_dir/postgres and return its SQLAlchemy URL."""
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
    import pgserver  # imported late: starting it is only needed without DATABASE_URL

    pgdata = (data_dir / "postgres").resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    if pgdata not in _servers:
        _servers[pgdata] = pgserver.get_server(pgdata, cleanup_mode="stop")
    return f"postgresql+psycopg://postgres@/postgres?host={pgdata}"
