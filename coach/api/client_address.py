"""Whose request is it: the address the limits count against.

`X-Forwarded-For` is only believed when the connection comes from a trusted proxy
(`COACH_TRUSTED_PROXIES`, addresses or networks; none by default). Then the header is read
from the right, skipping trusted proxies: the first address that is not one of them is the
client's (whatever a client writes at the left of the header is not believed).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.types import Scope

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
UNKNOWN = "inconnu"


def parse_networks(values: Sequence[str]) -> list[Network]:
    """`["10.0.0.0/8", "127.0.0.1"]` → networks; raises ValueError with the bad entry."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"COACH_TRUSTED_PROXIES : « {value} » n’est ni une adresse IP"
                             " ni un réseau (exemple : 10.0.0.0/8)") from exc
    return networks


class ClientAddress:
    def __init__(self, trusted: Sequence[str] = ()) -> None:
        self.networks = parse_networks(trusted)

    def trusted(self, address: str) -> bool:
        if not self.networks:
            return False
        try:
            ip = ipaddress.ip_address(address.strip().strip("[]"))
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def __call__(self, scope: Scope) -> str:
        client = scope.get("client")
        peer = client[0] if client else UNKNOWN
        if not self.trusted(peer):
            return peer
        forwarded = [part.strip()
                     for name, value in scope["headers"] if name == b"x-forwarded-for"
                     for part in value.decode("latin-1").split(",") if part.strip()]
        for address in reversed(forwarded):
            if not self.trusted(address):
                return address
        return forwarded[0] if forwarded else peer
