"""Runtime configuration, read from TEND_* environment variables (pydantic-settings)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_KEY = "dev-insecure-secret-key-change-me"


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TEND_", env_file=".env", extra="ignore")

    env: Environment = Environment.development
    database_url: str = f"sqlite+aiosqlite:///{PROJECT_ROOT / 'var' / 'tend.sqlite3'}"
    redis_url: str | None = None
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET_KEY)
    public_base_url: str = "http://127.0.0.1:8000"
    cors_origins: list[str] = Field(default_factory=list)
    spa_dir: Path = PROJECT_ROOT / "frontend" / "dist"

    access_token_minutes: int = 15
    refresh_token_days: int = 14
    jwt_issuer: str = "tend"
    jwt_audience: str = "tend-api"
    login_max_failures: int = 5  # per e-mail and client address
    login_max_account_failures: int = 20  # per e-mail from any address (forged or rotating addresses)
    login_failure_window_minutes: int = 15
    # A refresh cookie presented again this soon after it was rotated (parallel tabs or requests) gets the
    # same successor instead of ending the session as a stolen copy would.
    refresh_grace_seconds: int = 20
    # Proxies whose X-Forwarded-For / -Proto are believed (IP addresses); none by default, so a client
    # cannot choose the address its login attempts are counted against.
    trusted_proxies: list[str] = Field(default_factory=list)
    # Request bodies above this are refused with 413 before they are read; anonymous ones above 16 KiB.
    max_body_bytes: int = 1_048_576
    # Whether /docs, /redoc and /openapi.json need a signed-in user or API key (default: in production).
    docs_require_login: bool | None = None

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    smtp_use_tls: bool = False
    mail_from: str = "Tend <no-reply@tend.example>"

    outbox_sweep_seconds: float = 5.0
    # A job attempt longer than this is stopped and counted as failed; a worker that dies mid-job loses its
    # claim after this much more (the lease), and the job runs again while it has attempts left.
    job_timeout_seconds: float = 300
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        if self.env is Environment.production:
            secret = self.secret_key.get_secret_value()
            if not secret or secret == DEFAULT_SECRET_KEY or len(secret) < 32:
                raise ValueError(
                    "TEND_SECRET_KEY must be set to a random value of at least 32 characters in production"
                )
        return self

    @property
    def is_development(self) -> bool:
        return self.env is Environment.development

    @property
    def cookie_secure(self) -> bool:
        return self.env is Environment.production

    @property
    def docs_are_private(self) -> bool:
        if self.docs_require_login is not None:
            return self.docs_require_login
        return self.env is Environment.production

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
