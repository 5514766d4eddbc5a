from __future__ import annotations

import pytest
from pydantic import ValidationError

from tend.settings import DEFAULT_SECRET_KEY, Settings


@pytest.mark.parametrize("secret", [DEFAULT_SECRET_KEY, "", "short-secret"])
def test_production_refuses_default_empty_or_short_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="TEND_SECRET_KEY"):
        Settings(env="production", secret_key=secret)  # type: ignore[arg-type]


def test_production_accepts_a_real_secret() -> None:
    settings = Settings(env="production", secret_key="x" * 48)  # type: ignore[arg-type]
    assert settings.cookie_secure is True


def test_development_runs_with_the_default_secret_and_sqlite() -> None:
    settings = Settings(env="development")  # type: ignore[arg-type]
    assert settings.is_sqlite
    assert settings.cookie_secure is False


def test_settings_read_tend_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEND_REDIS_URL", "redis://example:6379/2")
    monkeypatch.setenv("TEND_ACCESS_TOKEN_MINUTES", "5")
    settings = Settings()
    assert settings.redis_url == "redis://example:6379/2"
    assert settings.access_token_minutes == 5
