"""Which network addresses a fetch may reach: public ones only, unless the user allows others."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) -> IP addresses``; injectable so tests need no DNS."""


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (raises ``OSError`` when none)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def forbidden_kind(address: str) -> str | None:
    """Why ``address`` may not be fetched ("loopback", "private", ...), or ``None`` if public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unparsable"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        # Carrier-grade NAT and other special ranges are neither private nor global.
        ("non-global", not ip.is_global),
    )
    return next((name for name, matches in checks if matches), None)
