"""The web app's guard: security headers on every response, read-only methods, the Host check
and the optional access token.

Written as plain ASGI middleware (no framework import), so it wraps every response, errors and
static files included, at almost no cost per request.
"""

from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""No inline script or style, nothing from another origin, never inside a frame."""

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

READ_METHODS = frozenset({"GET", "HEAD"})
TOKEN_COOKIE = "newscheck_token"
TOKEN_PARAMETER = "token"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def is_loopback(host: str) -> bool:
    """True when ``host`` (an address or a name) only ever means this machine."""
    name = host.strip("[]")
    if name.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(name, None)
    except OSError:
        return False
    addresses = {info[4][0] for info in found}
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


def host_names(bind_host: str) -> frozenset[str]:
    """Host header names a loopback-bound server answers to (a DNS-rebinding guard)."""
    return frozenset({*LOOPBACK_NAMES, bind_host.casefold()})


class Guard:
    """Wrap an ASGI app: headers, read-only, Host check, token.

    ``allowed_hosts`` None accepts any Host header (a server bound to a public address, behind
    its token); ``token`` None needs none.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None = None,
        allowed_hosts: Collection[str] | None = None,
    ) -> None:
        self.app = app
        self.token = token
        self.allowed_hosts = (
            None if allowed_hosts is None else frozenset(h.casefold() for h in allowed_hosts)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await _plain(send_with_headers, *refusal)
            return
        if self.token is not None and _query_token(scope) is not None:
            await _drop_token_from_url(scope, send_with_headers, self.token)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        headers = _headers(scope)
        if self.allowed_hosts is not None:
            host = headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.casefold() not in self.allowed_hosts:
                return 421, "unknown host name", []
        if scope["method"] not in READ_METHODS:
            return 405, "this server is read-only", [(b"allow", b"GET, HEAD")]
        if self.token is not None and not self._authorized(scope, headers):
            challenge = [(b"www-authenticate", b'Bearer realm="newscheck"')]
            return 401, "an access token is needed: add ?token=... to the address", challenge
        return None

    def _authorized(self, scope: Scope, headers: dict[str, str]) -> bool:
        assert self.token is not None
        offered = [
            _bearer(headers.get("authorization", "")),
            _cookie(headers.get("cookie", "")),
            _query_token(scope),
        ]
        return any(o is not None and _same(o, self.token) for o in offered)


def _same(offered: str, token: str) -> bool:
    return hmac.compare_digest(offered.encode(), token.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", ())}


def _bearer(value: str) -> str | None:
    scheme, _, credentials = value.partition(" ")
    return credentials.strip() if scheme.casefold() == "bearer" and credentials else None


def _cookie(value: str) -> str | None:
    if not value:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(value)
    except Exception:  # a malformed Cookie header is a request without the cookie
        return None
    morsel = jar.get(TOKEN_COOKIE)
    return str(morsel.value) if morsel is not None else None


def _query_token(scope: Scope) -> str | None:
    query: str = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == TOKEN_PARAMETER:
            return value
    return None


async def _drop_token_from_url(scope: Scope, send: Send, token: str) -> None:
    """Set the token cookie and redirect to the same address without the token in it, so it
    does not linger in history, logs or Referer headers."""
    query: str = scope.get("query_string", b"").decode("latin-1")
    rest = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != TOKEN_PARAMETER]
    location = scope.get("path", "/") + ("?" + urlencode(rest) if rest else "")
    if not location.startswith("/") or location.startswith("//"):
        location = "/"  # never a redirect to another host
    cookie = f"{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    headers = [(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode())]
    await _plain(send, 303, "see other", headers)


async def _plain(
    send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = (text + "\n").encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *(extra or ()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
