"""The outlet behind a URL: its registered domain, without ``www.``."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

# Two-label public suffixes common among news outlets. Not the full public suffix list (that needs
# a download or a large bundled table); an unknown suffix falls back to the last two labels.
_TWO_LABEL_SUFFIXES = frozenset(
    f"{second}.{top}"
    for top in (
        "uk",
        "au",
        "nz",
        "za",
        "jp",
        "kr",
        "in",
        "br",
        "ar",
        "mx",
        "tr",
        "il",
        "sg",
        "my",
        "id",
        "th",
        "ph",
        "pk",
        "ng",
        "ke",
        "eg",
        "cn",
        "hk",
        "tw",
        "ua",
        "ru",
        "pl",
        "gr",
    )
    for second in ("co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gen")
)


# scheme://[userinfo@]host[:port]: enough to find the host without a full URL parse (this runs once
# per article).
_AUTHORITY = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*://([^/?#\s]*)")


def source_from_url(url: str | None) -> str | None:
    """``https://www.novinite.com/a/1`` -> ``"novinite.com"``; ``None`` when there is no host."""
    if not url:
        return None
    match = _AUTHORITY.match(url)
    if match is None:
        return None
    host = match.group(1).rpartition("@")[2]
    if host.startswith("["):
        host, bracket, _ = host[1:].partition("]")
        if not bracket:
            return None
    else:
        host = host.partition(":")[0]
    return registered_domain(host) if host else None


@lru_cache(maxsize=4096)
def registered_domain(host: str) -> str | None:
    """The domain a publisher registered: ``news.bbc.co.uk`` -> ``bbc.co.uk``. IPs stay as given."""
    host = host.strip().rstrip(".").lower()
    if not host:
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return host
    labels = [label for label in host.split(".") if label]
    if len(labels) <= 2:
        return ".".join(labels).removeprefix("www.") or None
    keep = 3 if ".".join(labels[-2:]) in _TWO_LABEL_SUFFIXES else 2
    return ".".join(labels[-keep:])
