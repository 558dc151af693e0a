"""Options that several ``newscheck`` commands share, defined once so they read the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from newscheck.pipeline import STAGES

F = TypeVar("F", bound=Callable[..., Any])

STORE_HELP = "Store: a SQLite file or a postgresql:// URL."


def out_option(help_text: str, default: str = "newscheck-out") -> Callable[[F], F]:
    """``--out/-o``: the folder a command writes into."""
    return click.option(
        "--out",
        "-o",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=help_text,
    )


def db_option(default: str | None = None) -> Callable[[F], F]:
    """``--db``: the store; without a default it lives in the ``--out`` folder."""
    if default is None:
        return click.option("--db", default=None, help=f"{STORE_HELP} [default: OUT/newscheck.db]")
    return click.option("--db", default=default, show_default=True, help=STORE_HELP)


def skip_option() -> Callable[[F], F]:
    """``--skip STAGE`` (repeatable): a derived stage to leave out."""
    return click.option(
        "--skip",
        multiple=True,
        type=click.Choice(list(STAGES)),
        help="Leave out a stage (repeatable).",
    )


def embeddings_option() -> Callable[[F], F]:
    """``--embeddings/--no-embeddings``: use the sentence model where installed."""
    return click.option(
        "--embeddings/--no-embeddings",
        default=True,
        show_default=True,
        help="Match sentences and stories with the sentence model (the 'embed' extra, when "
        "installed), and read doubtful cues of attributions with its fine-tuned tagger; "
        "--no-embeddings uses lexical methods and the cue model only, which load in no time.",
    )


def cross_encoder_option() -> Callable[[F], F]:
    """``--cross-encoder/--no-cross-encoder``: read doubtful sentence pairs with it too."""
    return click.option(
        "--cross-encoder/--no-cross-encoder",
        default=True,
        show_default=True,
        help="With embeddings, also read the sentence pairs linking doubts with the cross-encoder "
        "(better on machine rewrites that keep few words; linking takes about 40% longer). No "
        "effect with --no-embeddings.",
    )


def keep_vectors_option() -> Callable[[F], F]:
    """``--keep-vectors/--no-keep-vectors``: keep sentence embeddings in the store."""
    return click.option(
        "--keep-vectors/--no-keep-vectors",
        default=True,
        show_default=True,
        help="Keep the sentence embeddings a run computes in its store (about 2 KiB per "
        "distinct sentence), so later runs over the store encode only new sentences.",
    )


def link_window_option() -> Callable[[F], F]:
    """``--link-window DAYS``: link in time windows (memory follows the window)."""
    return click.option(
        "--link-window",
        "link_window",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        metavar="DAYS",
        help="Link articles in time windows of DAYS by publication time: articles further apart "
        "may not be linked, and linking holds a few windows of the store at a time instead of "
        "all of it (for long streams). Default: every article with every other.",
    )


def ensure_out(out: Path) -> None:
    """Create the output folder, or stop with a usage error that says why not."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.UsageError(f"cannot create the output folder {out}: {exc}") from exc
