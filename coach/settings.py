"""Settings from the environment (and an optional `.env`), all prefixed `COACH_`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from coach.content.loader import DEFAULT_DIRECTORY

MIN_TOKEN_CHARS = 24


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COACH_", env_file=".env", extra="ignore")

    store_url: str = "sqlite:///var/coach.db"
    dialogues_dir: Path = DEFAULT_DIRECTORY
    allowed_origins: list[str] = Field(default_factory=list)
    admin_token: str | None = None
    retention_days: int = Field(default=30, ge=1, le=3650)
    # Rate limit per client address, for every request that creates or changes something
    # and every API call: requests per sliding minute (0 turns it off). Shared by every
    # process when the store is Redis.
    rate_limit_per_minute: int = Field(default=300, ge=0)
    # Failed logins and Bearer checks: after 5, the address waits 1 s, 2 s, 4 s… at most this.
    login_max_block_seconds: float = Field(default=900.0, ge=1, le=86_400)
    # Proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated or a
    # JSON list). None by default: the connection's own address is the client's.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # The organisation's human contact, shown by « Parler à une personne ». No sample values:
    # without a telephone or an e-mail, the coach says in words how to reach the site's team.
    contact_nom: str = ""
    contact_telephone: str = ""
    contact_horaires: str = ""
    contact_courriel: str = ""
    # The deployer's real communities and contacts (docs/annuaire.md); none: the coach says
    # this site lists none yet and gives the module's advice.
    annuaire: Path | None = None
    # Anonymous impact counters (docs/tableau-de-bord.md): on/off, how often the buffered
    # increments are written, how long the daily counters are kept.
    stats_enabled: bool = True
    stats_flush_seconds: float = Field(default=5.0, gt=0, le=3600)
    stats_retention_days: int = Field(default=400, ge=1, le=3650)
    # Bearer token for /metrics (Prometheus); unset: /metrics is open (restrict it at the proxy).
    metrics_token: str | None = None
    # Records this process wrote last, kept in memory so that a turn need not read them back
    # from the store (coach/store/recent.py): how much memory (0 turns it off), how long.
    recent_records_mb: float = Field(default=16.0, ge=0, le=4096)
    recent_records_seconds: float = Field(default=600.0, gt=0, le=86_400)
    # Slow clients: the request's headers must arrive within this many seconds (read by
    # `coach serve`'s HTTP protocol), and each piece of its body within the other.
    header_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    body_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    # Drafts and tool files rendered at once per process, in worker processes (0: on the
    # event loop, which makes every other request wait; only for comparison in the benchmark).
    draft_renderings: int = Field(default=2, ge=0, le=32)
    # The longest typed message, in characters, for every adapter (coach/service).
    max_text_chars: int = Field(default=1000, ge=1, le=100_000)
    # A conversation stops growing at this many turns or stored kilobytes; the coach then
    # offers to start a new one (the old one stays readable and downloadable).
    max_turns: int = Field(default=1000, ge=10, le=100_000)
    max_conversation_kb: int = Field(default=1024, ge=16, le=65_536)
    max_body_bytes: int = 16 * 1024

    @field_validator("admin_token", "metrics_token")
    @classmethod
    def _long_enough(cls, token: str | None) -> str | None:
        """A short token can be guessed, even with the logins' back-off: refuse to start."""
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise ValueError(
                f"le jeton fait {len(token)} caractères : il en faut au moins"
                f" {MIN_TOKEN_CHARS}. Créez-en un avec : python3 -c"
                " \"import secrets; print(secrets.token_urlsafe(32))\"")
        return token

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                import json

                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _valid_proxies(cls, value: list[str]) -> list[str]:
        from coach.api.client_address import parse_networks

        parse_networks(value)
        return value

    def contact(self) -> dict[str, str]:
        """The contact as every reader uses it: a value of spaces only is no value (else
        « Parler à une personne » would promise a phone number it then leaves out)."""
        return {
            "contact_nom": self.contact_nom.strip(),
            "contact_telephone": self.contact_telephone.strip(),
            "contact_horaires": self.contact_horaires.strip(),
            "contact_courriel": self.contact_courriel.strip(),
        }
