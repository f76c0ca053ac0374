"""Configuration: YAML, environment overrides, secrets only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(None, env={})
    assert config.data_dir == Path("./var")
    assert config.settings.database.sqlite_busy_timeout_ms == 30_000
    assert config.database_url().startswith("sqlite+aiosqlite:///")
    assert config.database_url().endswith("var/careerbot.db")


def test_repository_config_yaml_is_valid() -> None:
    shipped = Path(__file__).resolve().parents[2] / "config.yaml"
    config = load_config(shipped, env={})
    assert config.settings.logging.level == "INFO"


def test_yaml_then_env_override(tmp_path: Path) -> None:
    path = write(tmp_path, "data_dir: /srv/cb\ndatabase:\n  sqlite_busy_timeout_ms: 1000\n")
    config = load_config(
        path,
        env={
            "CAREERBOT_DATABASE__SQLITE_BUSY_TIMEOUT_MS": "2500",
            "CAREERBOT_LOGGING__FORMAT": "json",
        },
    )
    assert config.data_dir == Path("/srv/cb")
    assert config.settings.database.sqlite_busy_timeout_ms == 2500
    assert config.settings.logging.format == "json"


def test_data_dir_env_and_database_url_secret(tmp_path: Path) -> None:
    config = load_config(
        None,
        env={
            "CAREERBOT_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgresql+asyncpg://bot:pw@db/careerbot",
        },
    )
    assert config.data_dir == tmp_path
    assert config.database_url() == "postgresql+asyncpg://bot:pw@db/careerbot"
    assert "pw" not in repr(config)


def test_config_file_from_env(tmp_path: Path) -> None:
    path = write(tmp_path, "logging:\n  level: DEBUG\n")
    assert load_config(env={"CAREERBOT_CONFIG": str(path)}).settings.logging.level == "DEBUG"
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(env={"CAREERBOT_CONFIG": str(tmp_path / "nope.yaml")})


@pytest.mark.parametrize(
    ("yaml_text", "env", "message"),
    [
        (
            "database:\n  sqlite_busy_timeout_ms: soon\n",
            {},
            "database.sqlite_busy_timeout_ms: Input should be a valid integer",
        ),
        ("", {"CAREERBOT_LOGGING__LEVEL": "LOUD"}, "logging.level"),
        ("colour: blue\n", {}, "colour: unknown setting"),
        ("database: [1, 2]\n", {}, "database"),
        ("- just\n- a list\n", {}, "must hold a mapping"),
        ("data_dir: [unclosed\n", {}, "not valid YAML"),
        ("telegram:\n  bot_token: 123:abc\n", {}, "telegram.bot_token"),
        ("openai_api_key: sk-xx\n", {}, "secrets are read only from environment variables"),
    ],
)
def test_invalid_config_names_the_setting(
    tmp_path: Path, yaml_text: str, env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")) as info:
        load_config(write(tmp_path, yaml_text), env=env)
    assert "sk-xx" not in str(info.value)
    assert "123:abc" not in str(info.value)


def test_secret_values_listed_for_redaction() -> None:
    config = load_config(None, env={"TELEGRAM_BOT_TOKEN": "123:abc", "OPENAI_API_KEY": " "})
    assert config.secrets.values() == ["123:abc"]
    assert config.secrets.openai_api_key is None


def test_webhook_mode_needs_a_url() -> None:
    with pytest.raises(ConfigError, match="webhook_url"):
        load_config(None, env={"CAREERBOT_TELEGRAM__MODE": "webhook"})
    config = load_config(
        None,
        env={
            "CAREERBOT_TELEGRAM__MODE": "webhook",
            "CAREERBOT_TELEGRAM__WEBHOOK_URL": "https://bot.example/telegram",
            "TELEGRAM_WEBHOOK_SECRET": "hook-secret",
        },
    )
    assert config.settings.telegram.webhook_url == "https://bot.example/telegram"
    assert "hook-secret" in config.secrets.values()  # redacted from logs like every secret
