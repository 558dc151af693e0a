"""``newscheck serve``: the web app over a store, on loopback unless told otherwise."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9._~-]{16,256}")
DEFAULT_DB = "newscheck-out/newscheck.db"


def check_bind(host: str, token: str | None, force: bool) -> None:
    """Refuse a non-loopback address without a token (unless forced), and malformed tokens."""
    from newscheck.web.security import is_loopback

    if token is not None and not TOKEN_PATTERN.fullmatch(token):
        raise click.BadParameter(
            "use 16 to 256 letters, digits or . _ ~ - (e.g. from: python -c "
            '"import secrets; print(secrets.token_urlsafe(24))")',
            param_hint="--token",
        )
    if not is_loopback(host) and token is None and not force:
        raise click.UsageError(
            f"{host} is reachable from other machines: give --token so that only people with "
            "it can read the store, or --force to serve without one"
        )


def _store_exists(db: str) -> bool:
    return "://" in db or Path(db).is_file()


@click.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, help="Store: SQLite file or postgresql:// URL."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="NEWSCHECK_TOKEN",
    default=None,
    help="Access token every request must carry (?token=, then a cookie; or a Bearer header). "
    "Also read from NEWSCHECK_TOKEN. Needed for a non-loopback --host.",
)
@click.option(
    "--force", is_flag=True, help="Serve on a non-loopback address without a token anyway."
)
def serve(db: str, host: str, port: int, token: str | None, force: bool) -> None:
    """Serve the store as a read-only web app (every page also as .json).

    Pages: the stories, one story (cited summary, claims by family, conflicts, who copied whom,
    timeline, figures), one article with its highlighted sentences, a rewrite beside its origin,
    and search.
    """
    from newscheck.errors import NewscheckError
    from newscheck.store import open_store
    from newscheck.web.security import host_names, is_loopback

    check_bind(host, token, force)
    if not _store_exists(db):
        raise click.UsageError(f"no store at {db}: run `newscheck analyze` first, or give --db")
    try:
        import uvicorn

        from newscheck.web.app import create_app
    except ImportError as exc:
        raise click.ClickException(
            "serve needs the 'web' extra: pip install 'newscheck[web]'"
        ) from exc
    try:
        store = open_store(db, read_only=True)
    except NewscheckError as exc:
        raise click.ClickException(str(exc)) from exc
    allowed = host_names(host) if is_loopback(host) else None
    app = create_app(store, token=token, allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newscheck: serving {os.fspath(db)} read-only at http://{shown}:{port}/")
    try:
        uvicorn.run(
            app, host=host, port=port, access_log=False, server_header=False, log_level="warning"
        )
    finally:
        store.close()
