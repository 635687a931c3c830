"""Who a command's writes are recorded as in the audit log."""

from __future__ import annotations

import getpass
import os


def cli_actor() -> str:
    """`cli:<user>`, the operating-system user running the command (as an API write is
    recorded under its key's name)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no name for this uid (a container's arbitrary user)
        user = f"uid{os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return f"cli:{user}"
