"""`coach serve` tells uvicorn whom to believe for X-Forwarded-For: nobody by default
(uvicorn alone trusts 127.0.0.1), the trusted proxies when they are set."""

from __future__ import annotations

import pytest

from coach.cli import forwarded_allow_ips
from coach.settings import Settings


def test_no_forwarded_headers_believed_by_default():
    proxies = Settings(_env_file=None).trusted_proxies
    assert proxies == [] and forwarded_allow_ips(proxies) == ""  # and proxy_headers off


def test_trusted_proxies_from_the_environment(monkeypatch):
    monkeypatch.setenv("COACH_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1")
    proxies = Settings(_env_file=None).trusted_proxies
    assert proxies == ["10.0.0.0/8", "127.0.0.1"]
    assert forwarded_allow_ips(proxies) == "10.0.0.0/8,127.0.0.1"
    monkeypatch.setenv("COACH_TRUSTED_PROXIES", '["::1"]')
    assert Settings(_env_file=None).trusted_proxies == ["::1"]


def test_a_wrong_proxy_address_is_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setenv("COACH_TRUSTED_PROXIES", "nginx.interne")
    with pytest.raises(ValueError, match="ni une adresse IP ni un réseau"):
        Settings(_env_file=None)
