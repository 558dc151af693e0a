from __future__ import annotations

import pytest

from newscheck.ingest.addresses import forbidden_kind, resolve_host


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-global"),
        ("240.0.0.1", "reserved"),
        ("not-an-ip", "unparsable"),
    ],
)
def test_forbidden_addresses(address: str, kind: str) -> None:
    assert forbidden_kind(address) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::6810:85e5", "8.8.8.8"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert forbidden_kind(address) is None


def test_resolving_an_ip_literal_needs_no_dns() -> None:
    assert resolve_host("127.0.0.1", 80) == ["127.0.0.1"]
