"""The guard: headers on every response, read-only methods, the Host check, the access token."""

from __future__ import annotations

from typing import Any

import pytest

from newscheck.store import Store
from newscheck.web.security import CSP, TOKEN_COOKIE, is_loopback

TOKEN = "a-long-enough-test-token-1234"


def make_client(store: Store, **options: Any) -> Any:
    from starlette.testclient import TestClient

    from newscheck.web.app import create_app

    options.setdefault("allowed_hosts", {"testserver"})
    return TestClient(create_app(store, **options), follow_redirects=False)


@pytest.mark.parametrize(
    "path", ["/stories", "/stories.json", "/static/newscheck.css", "/nope", "/stories/x%00", "/"]
)
def test_every_response_carries_the_security_headers(client: Any, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_policy_allows_no_inline_script_and_no_other_origin() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in CSP and "http" not in CSP and "*" not in CSP


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_the_server_is_read_only(client: Any, method: str) -> None:
    response = client.request(method, "/stories")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.headers["content-security-policy"] == CSP


def test_head_is_answered(client: Any) -> None:
    assert client.head("/stories").status_code == 200


def test_foreign_host_names_are_refused(read_store: Store) -> None:
    client = make_client(read_store)
    assert client.get("/stories", headers={"host": "evil.example"}).status_code == 421
    assert client.get("/stories").status_code == 200


def test_token_is_required_when_set(read_store: Store) -> None:
    client = make_client(read_store, token=TOKEN)
    refused = client.get("/stories")
    assert refused.status_code == 401 and refused.headers["content-security-policy"] == CSP
    assert client.get("/stories?token=wrong-token-wrong-token").status_code == 401
    assert client.get("/stories", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_token_in_the_address_becomes_a_cookie_and_leaves_the_address(read_store: Store) -> None:
    client = make_client(read_store, token=TOKEN)
    response = client.get(f"/stories?page=1&token={TOKEN}")
    assert response.status_code == 303
    assert response.headers["location"] == "/stories?page=1"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{TOKEN_COOKIE}={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    client.cookies.set(TOKEN_COOKIE, TOKEN)
    assert client.get("/stories").status_code == 200


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("10.0.0.1", False),
    ],
)
def test_loopback_addresses(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected
