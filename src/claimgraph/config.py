"""Settings, validated once and passed down. Environment variables `CLAIMGRAPH_*` override defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any

from claimgraph.errors import ConfigError

DEFAULT_DETECT_LANGUAGES = ("en", "fr", "de", "es", "it", "ru")


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 2_000_000
    detect_languages: tuple[str, ...] = DEFAULT_DETECT_LANGUAGES
    batch_size: int = 16
    n_process: int = field(default_factory=lambda: default_processes())
    db_url: str = "sqlite:///claimgraph.db"
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then `CLAIMGRAPH_*` environment variables, then explicit overrides."""
    env: dict[str, Any] = {}
    try:
        if "CLAIMGRAPH_MAX_BYTES" in os.environ:
            env["max_bytes"] = int(os.environ["CLAIMGRAPH_MAX_BYTES"])
        if "CLAIMGRAPH_BATCH_SIZE" in os.environ:
            env["batch_size"] = int(os.environ["CLAIMGRAPH_BATCH_SIZE"])
        if "CLAIMGRAPH_N_PROCESS" in os.environ:
            env["n_process"] = int(os.environ["CLAIMGRAPH_N_PROCESS"])
    except ValueError as exc:
        raise ConfigError(f"bad CLAIMGRAPH_* setting: {exc}") from exc
    if "CLAIMGRAPH_DETECT_LANGUAGES" in os.environ:
        env["detect_languages"] = tuple(code.strip().lower() for code in
                                        os.environ["CLAIMGRAPH_DETECT_LANGUAGES"].split(",") if code.strip())
    if "CLAIMGRAPH_DB" in os.environ:
        env["db_url"] = os.environ["CLAIMGRAPH_DB"]
    settings = Settings().with_(**env).with_(**overrides)
    if settings.max_bytes <= 0:
        raise ConfigError("max_bytes must be positive", {"max_bytes": settings.max_bytes})
    if settings.n_process <= 0:
        raise ConfigError("CLAIMGRAPH_N_PROCESS must be positive", {"n_process": settings.n_process})
    if settings.batch_size <= 0:
        raise ConfigError("batch_size must be positive", {"batch_size": settings.batch_size})
    unknown = [code for code in settings.detect_languages if not detectable(code)]
    if unknown or not settings.detect_languages:
        raise ConfigError(f"CLAIMGRAPH_DETECT_LANGUAGES: unknown language code(s) {', '.join(map(repr, unknown)) or '(none given)'};"
                          " give comma-separated ISO 639-1 codes such as en,fr,de",
                          {"detect_languages": list(settings.detect_languages)})
    return settings


def default_processes() -> int:
    """Worker processes for analysis: two, or fewer when fewer cores are available to this process."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


def detectable(code: str) -> bool:
    """True when the language detector (lingua) knows the ISO 639-1 `code`."""
    from lingua import IsoCode639_1

    return len(code) == 2 and code.isalpha() and hasattr(IsoCode639_1, code.upper())
