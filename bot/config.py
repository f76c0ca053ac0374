"""Configuration: non-secret settings from config.yaml, overridden by environment variables;
secrets only from the environment.

Every setting `a.b` can be overridden with `CAREERBOT_A__B` (e.g.
`CAREERBOT_DATABASE__SQLITE_BUSY_TIMEOUT_MS=10000`); `CAREERBOT_DATA_DIR` sets `data_dir`.
An invalid value stops the start with a message naming the setting and where it came from.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

ENV_PREFIX = "CAREERBOT_"
CONFIG_ENV = "CAREERBOT_CONFIG"
SECRET_KEY = re.compile(r"(^|_)(token|api_?key|password|passwd|secret|database_url|dsn)$", re.I)


class ConfigError(Exception):
    """The configuration cannot be used; the message says which setting and why."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatabaseSettings(_Section):
    """Database behaviour. The URL itself is a secret: set DATABASE_URL."""

    sqlite_busy_timeout_ms: int = Field(30_000, ge=0, le=600_000)
    migrate_on_start: bool = True


class LoggingSettings(_Section):
    """Log level and format."""

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["text", "json"] = "text"


class ResumeSettings(_Section):
    """Limits for uploaded resumes and the isolated parser."""

    max_file_mb: float = Field(5, gt=0, le=20)  # 20 MB: what a Telegram bot may download
    max_pages: int = Field(20, ge=1, le=200)
    max_text_chars: int = Field(100_000, ge=1_000, le=1_000_000)
    parse_timeout_seconds: float = Field(20, gt=0, le=300)
    parse_memory_mb: int = Field(768, ge=128, le=8192)
    parse_concurrency: int = Field(2, ge=1, le=16)


class AIModels(_Section):
    """The model used for each feature; "default" for any feature not listed."""

    default: str = "gpt-4o-mini"
    extraction: str | None = None
    plans: str | None = None
    tailoring: str | None = None
    assistant: str | None = None
    embeddings: str = "text-embedding-3-small"

    def as_map(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v}


class AISettings(_Section):
    """Language model and embeddings. The endpoint is on when OPENAI_API_KEY is set
    (OPENAI_BASE_URL picks another OpenAI-compatible server); else the offline engine."""

    models: AIModels = AIModels()
    timeout_seconds: float = Field(60, gt=0, le=600)
    max_retries: int = Field(2, ge=0, le=10)
    max_output_tokens: int = Field(2_000, ge=64, le=32_000)
    daily_token_budget: int = Field(200_000, ge=0)
    requests_per_minute: int = Field(10, ge=1, le=10_000)
    cache_ttl_hours: float = Field(24, ge=0)
    embedder: Literal["minilm", "wordllama", "openai"] = "minilm"
    openai_embedding_dimensions: int = Field(1536, ge=8, le=8192)


class FeedSettings(_Section):
    """A public job board to sync: greenhouse (board token), lever (company slug) or rss."""

    kind: Literal["greenhouse", "lever", "rss"]
    board: str = Field(min_length=1, max_length=200)
    company: str | None = None
    url: str | None = None


class JobSettings(_Section):
    """The job catalog."""

    demo_catalog: bool = True
    demo_size: int = Field(300, ge=1, le=10_000)
    feeds: list[FeedSettings] = Field(default_factory=list)
    feed_timeout_seconds: float = Field(20, gt=0, le=300)


class PushesSettings(_Section):
    """Scheduled messages: daily digests, job alerts, follow-ups and plan check-ins."""

    enabled: bool = True
    digest_size: int = Field(5, ge=1, le=10)
    digest_min_score: int = Field(30, ge=0, le=100)
    followup_after_days: int = Field(7, ge=1, le=60)
    followup_limit: int = Field(2, ge=0, le=5)
    digest_tick_seconds: int = Field(60, ge=5, le=3600)
    reminder_tick_seconds: int = Field(900, ge=5, le=86_400)
    telegram_messages_per_second: float = Field(25, gt=0, le=30)
    discord_messages_per_second: float = Field(40, gt=0, le=50)


class TelegramSettings(_Section):
    """The Telegram adapter (on when TELEGRAM_BOT_TOKEN is set). Long polling by default;
    webhook mode for deployments behind a load balancer (TELEGRAM_WEBHOOK_SECRET is then
    the secret token Telegram sends with every update)."""

    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None  # the public HTTPS URL Telegram posts updates to
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(8443, ge=1, le=65_535)
    webhook_path: str = "telegram"
    concurrent_updates: int = Field(64, ge=1, le=1024)
    request_timeout_seconds: float = Field(20, gt=0, le=300)

    @model_validator(mode="after")
    def _webhook_needs_a_url(self) -> TelegramSettings:
        if self.mode == "webhook" and not self.webhook_url:
            raise ValueError("webhook mode needs webhook_url (the public HTTPS address)")
        return self


class DiscordSettings(_Section):
    """The Discord adapter (on when DISCORD_BOT_TOKEN is set)."""

    command_prefix: str = Field("!", min_length=1, max_length=5)
    sync_commands: bool = True  # register the slash commands with Discord at start


class Settings(_Section):
    """Every non-secret setting, with the defaults of the embedded setup."""

    data_dir: Path = Path("./var")
    database: DatabaseSettings = DatabaseSettings()
    logging: LoggingSettings = LoggingSettings()
    resumes: ResumeSettings = ResumeSettings()
    ai: AISettings = AISettings()
    jobs: JobSettings = JobSettings()
    pushes: PushesSettings = PushesSettings()
    telegram: TelegramSettings = TelegramSettings()
    discord: DiscordSettings = DiscordSettings()


@dataclass(frozen=True)
class Secrets:
    """Credentials, read from the environment only and never logged."""

    database_url: SecretStr | None = None
    telegram_bot_token: SecretStr | None = None
    discord_bot_token: SecretStr | None = None
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_base_url: str | None = None  # a self-hosted Bot API server
    telegram_file_base_url: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Secrets:
        def get(name: str) -> SecretStr | None:
            value = env.get(name, "").strip()
            return SecretStr(value) if value else None

        return cls(
            database_url=get("DATABASE_URL"),
            telegram_bot_token=get("TELEGRAM_BOT_TOKEN"),
            discord_bot_token=get("DISCORD_BOT_TOKEN"),
            openai_api_key=get("OPENAI_API_KEY"),
            openai_base_url=env.get("OPENAI_BASE_URL", "").strip() or None,
            telegram_webhook_secret=get("TELEGRAM_WEBHOOK_SECRET"),
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL", "").strip() or None,
            telegram_file_base_url=env.get("TELEGRAM_FILE_BASE_URL", "").strip() or None,
        )

    def values(self) -> list[str]:
        """The secret strings themselves, for log redaction."""
        found = [
            self.database_url,
            self.telegram_bot_token,
            self.discord_bot_token,
            self.openai_api_key,
            self.telegram_webhook_secret,
        ]
        return [s.get_secret_value() for s in found if s is not None]


@dataclass(frozen=True)
class Config:
    """Settings plus secrets: everything the composition root needs."""

    settings: Settings
    secrets: Secrets

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    def database_url(self) -> str:
        """DATABASE_URL when set, else the SQLite file in the data dir."""
        if self.secrets.database_url is not None:
            return self.secrets.database_url.get_secret_value()
        return f"sqlite+aiosqlite:///{(self.data_dir / 'careerbot.db').resolve()}"


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read config.yaml (if any) and the environment; raise ConfigError naming a bad setting."""
    env = os.environ if env is None else env
    file_path = path or (Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else Path("config.yaml"))
    from_file = _read_yaml(file_path, required=path is not None or CONFIG_ENV in env)
    _refuse_secrets(from_file, file_path)
    from_env = _env_overrides(env)
    merged = _deep_merge(from_file, from_env)
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, file_path)) from None
    return Config(settings=settings, secrets=Secrets.from_env(env))


def _read_yaml(path: Path, required: bool) -> dict[str, Any]:
    if not path.exists():
        if required:
            raise ConfigError(f"config file {path} does not exist")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold a mapping of settings, not {type(data).__name__}")
    return data


def _refuse_secrets(data: Mapping[str, Any], path: Path, prefix: str = "") -> None:
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if SECRET_KEY.search(str(key)):
            raise ConfigError(
                f"{dotted} in {path}: secrets are read only from environment variables "
                "(TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN, OPENAI_API_KEY, DATABASE_URL)"
            )
        if isinstance(value, Mapping):
            _refuse_secrets(value, path, dotted + ".")


def _env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or name == CONFIG_ENV:
            continue
        parts = name[len(ENV_PREFIX) :].lower().split("__")
        node = overrides
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = _env_value(raw)
    return overrides


def _env_value(raw: str) -> Any:
    if raw[:1] in "[{":
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return raw
    return raw


def _deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _describe(exc: ValidationError, path: Path) -> str:
    lines = ["invalid configuration:"]
    for error in exc.errors():
        dotted = ".".join(str(p) for p in error["loc"])
        env_name = ENV_PREFIX + "__".join(str(p) for p in error["loc"]).upper()
        message = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
        lines.append(f"  {dotted}: {message} (set in {path} or {env_name})")
    return "\n".join(lines)
