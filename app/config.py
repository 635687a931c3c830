"""Settings from the environment (ATTEST_* and DATABASE_URL) or a .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ATTEST_", env_file=".env", extra="ignore")

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "ATTEST_DATABASE_URL"),
        description="SQLAlchemy URL of PostgreSQL; when unset an embedded server is started.",
    )
    data_dir: Path = Field(
        default_factory=lambda: platformdirs.user_data_path("attest", appauthor=False),
        description="Where the embedded PostgreSQL lives: the user's data folder "
        "(~/.local/share/attest on Linux), the same whichever folder a command runs in.",
    )
    public_reads: bool = Field(default=False, description="Allow GET requests without a key.")
    max_body_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    pool_size: int = Field(default=10, ge=1)
    statement_timeout_ms: int = Field(default=15_000, ge=100)
    organisation_name: str = Field(default="Attest newsroom", description="ClaimReview author.")
    organisation_url: str | None = Field(default=None, description="The newsroom's home page.")
    host: str = "127.0.0.1"
    port: int = 8000


@lru_cache
def get_settings() -> Settings:
    return Settings()
