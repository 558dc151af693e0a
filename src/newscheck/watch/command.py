"""``newscheck watch``: poll feeds at an interval and add new articles to the stories."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import click

from newscheck.cli_options import (
    cross_encoder_option,
    db_option,
    embeddings_option,
    ensure_out,
    keep_vectors_option,
    link_window_option,
    out_option,
    skip_option,
)


@click.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option(
    "--interval",
    type=click.FloatRange(min=1.0),
    default=300.0,
    show_default=True,
    help="Seconds from the start of one poll to the start of the next.",
)
@out_option("Folder for the default store, and for the reports rewritten after each change.")
@db_option()
@click.option(
    "--polls", type=click.IntRange(min=1), default=None, help="Stop after this many polls."
)
@skip_option()
@click.option(
    "--reports/--no-reports",
    default=True,
    show_default=True,
    help="Rewrite OUT/report.* after each poll that found something new.",
)
@embeddings_option()
@cross_encoder_option()
@keep_vectors_option()
@link_window_option()
@click.option(
    "--allow-private-addresses",
    is_flag=True,
    help="Allow feeds on loopback, private or link-local addresses.",
)
def watch(
    feeds: tuple[str, ...],
    interval: float,
    out: Path,
    db: str | None,
    polls: int | None,
    skip: tuple[str, ...],
    reports: bool,
    embeddings: bool,
    cross_encoder: bool,
    keep_vectors: bool,
    link_window: float | None,
    allow_private_addresses: bool,
) -> None:
    """Poll feeds at an interval and add their new articles to the stories.

    FEED_URL... are RSS or Atom feeds (or any page newscheck reads), fetched every --interval
    seconds. New articles are stored and placed in stories, which keep their ids as they grow.

    Prints one line per poll and one per story that grew. Ctrl-C (or SIGTERM) stops after the
    poll in progress; everything stored stays stored.
    """
    from newscheck.errors import NewscheckError, UsageError
    from newscheck.settings import Settings
    from newscheck.watch import Watcher

    ensure_out(out)
    store = db if db is not None else str(out / "newscheck.db")
    settings = Settings(
        allow_private_addresses=allow_private_addresses,
        embeddings=embeddings,
        cross_encoder=cross_encoder,
        keep_vectors=keep_vectors,
        link_window_days=link_window,
    )
    try:
        watcher = Watcher(list(feeds), db=store, settings=settings, skip=skip)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc

    def on_poll(result: Any) -> None:
        _print_poll(result)
        if reports and result.analysis is not None:
            from newscheck.pipeline import write_outputs

            write_outputs(result.analysis, out)

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda *_: watcher.stop())
    try:
        watcher.run(interval, polls=polls, on_poll=on_poll)
    except NewscheckError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _print_poll(result: Any) -> None:
    when = result.started.strftime("%Y-%m-%d %H:%M:%S")
    click.echo(
        f"poll {result.number} at {when} UTC: {result.read} read, "
        f"{len(result.new_article_ids)} new, {len(result.rejections)} rejected"
    )
    new = set(result.new_article_ids)
    for story in result.stories:
        joined = len(new & set(story.article_ids))
        click.echo(f"  +{joined} -> {story.title} ({len(story.article_ids)} articles, {story.id})")
    for rejection in result.rejections:
        click.echo(f"  rejected {rejection.location}: {rejection.reason} ({rejection.detail})")
