from __future__ import annotations

import pytest

from newscheck.ingest.source import registered_domain, source_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.novinite.com/articles/1", "novinite.com"),
        ("http://novinite.com", "novinite.com"),
        ("https://edition.harbourgazette.example/a", "harbourgazette.example"),
        ("https://news.gullstone.co.uk/story", "gullstone.co.uk"),
        ("https://WWW.Example.ORG./x", "example.org"),
        ("http://10.0.0.7:8080/page", "10.0.0.7"),
        ("http://[2001:db8::1]/page", "2001:db8::1"),
    ],
)
def test_registered_domain_of_url(url: str, expected: str) -> None:
    assert source_from_url(url) == expected


@pytest.mark.parametrize("url", [None, "", "not a url", "/local/path.html", "http://[::1"])
def test_unknown_source_stays_none(url: str | None) -> None:
    assert source_from_url(url) is None


def test_single_label_host_is_kept() -> None:
    assert registered_domain("localhost") == "localhost"
