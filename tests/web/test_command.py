"""``newscheck serve``: what it refuses before it starts a server."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newscheck.web.command import serve

TOKEN = "a-long-enough-test-token-1234"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(serve, list(args), env={"NEWSCHECK_TOKEN": None})
    return result.exit_code, result.output


def test_refuses_a_public_address_without_a_token(tmp_path: Path) -> None:
    code, output = run("--db", str(tmp_path / "x.db"), "--host", "0.0.0.0")
    assert code == 2 and "--token" in output and "--force" in output


def test_refuses_a_short_token() -> None:
    code, output = run("--token", "short")
    assert code == 2 and "--token" in output


def test_refuses_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    code, output = run("--db", str(missing))
    assert code == 2 and "no store" in output
    assert not missing.exists()  # serving never creates a store


def test_a_public_address_with_a_token_passes_the_checks(tmp_path: Path) -> None:
    # Stops at the missing store, after the address check.
    code, output = run("--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--token", TOKEN)
    assert code == 2 and "no store" in output
    code, output = run("--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--force")
    assert code == 2 and "no store" in output
