"""The ``newscheck`` command: a thin face over the library.

Imports of the pipeline, the renderers and heavy extras happen inside the commands so that
``newscheck --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from newscheck import __version__
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
from newscheck.errors import NewscheckError, UsageError
from newscheck.export.command import export
from newscheck.watch.command import watch
from newscheck.web.command import serve

EXIT_NOTHING_READ = 1


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newscheck")
def main() -> None:
    """newscheck: make sense of many news reports of one event.

    Groups articles into stories, finds copies and rewrites (so that echoes are not counted as
    independent witnesses), extracts who claims what, and reports what is corroborated,
    single-sourced or contested.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@out_option("Folder for report.json, report.md, report.html (and the default store).")
@db_option()
@skip_option()
@embeddings_option()
@cross_encoder_option()
@keep_vectors_option()
@link_window_option()
@click.option(
    "--allow-private-addresses",
    is_flag=True,
    help="Allow fetching URLs on loopback, private or link-local addresses.",
)
@click.option(
    "--max-file-mb", type=click.IntRange(min=1), default=None, help="Largest input file read."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run the stages in this process, or mapped over partitions on a Dask cluster "
    "(needs the 'dask' extra; same results).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --engine dask: the scheduler of a running cluster (tcp://host:8786), whose "
    "workers have newscheck installed and see the inputs. Without it a LocalCluster is started "
    "for the run.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="With --engine dask: worker processes of the LocalCluster [default: 2], or, with "
    "--scheduler, the workers to wait for before starting.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def analyze(
    inputs: tuple[str, ...],
    out: Path,
    db: str | None,
    skip: tuple[str, ...],
    embeddings: bool,
    cross_encoder: bool,
    keep_vectors: bool,
    link_window: float | None,
    allow_private_addresses: bool,
    max_file_mb: int | None,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Analyse articles: files, folders (walked recursively) and http(s) URLs.

    Reads .txt, .html/.htm, .jsonl/.json, RSS/Atom feeds, WARC/WARC.gz and URLs; writes
    OUT/report.json (schema newscheck.report/1), OUT/report.md and a self-contained
    OUT/report.html, and prints a short summary. Inputs that cannot be used are listed with the
    reason; the run goes on. Exit status 0, or 1 when nothing at all could be read.
    """
    from rich.console import Console

    from newscheck.pipeline import analyze as run_analysis
    from newscheck.pipeline import write_outputs
    from newscheck.report.terminal import print_summary

    settings = _settings(
        allow_private_addresses, max_file_mb, embeddings, cross_encoder, keep_vectors, link_window
    )
    run_analysis = _engine(engine, scheduler, workers, run_analysis)
    console = Console(stderr=False, quiet=quiet, highlight=False)
    ensure_out(out)
    store = db if db is not None else str(out / "newscheck.db")
    try:
        with _progress(quiet) as progress:
            analysis = run_analysis(
                inputs, db=store, settings=settings, skip=skip, progress=progress
            )
        outputs = write_outputs(analysis, out)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except NewscheckError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(analysis.report, console, outputs)
    if not analysis.read_article_ids:
        click.echo("newscheck: nothing could be read from the inputs", err=True)
        sys.exit(EXIT_NOTHING_READ)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, required=True, help="One JSON line per file.")
@click.option(
    "--cue-tagger/--no-cue-tagger",
    default=True,
    show_default=True,
    help="Read the cue candidates the cue model doubts again with the fine-tuned MiniLM tagger "
    "(where the 'embed' extra is installed).",
)
def attributions(files: tuple[str, ...], as_json: bool, cue_tagger: bool) -> None:
    """Print who said what in each text file, as JSON lines.

    Each line is {"path", "attributions": [{"source", "cue", "content"}]}, every part a
    {"start", "end", "text"} span into the file's text exactly as read (UTF-8, not cleaned).
    The language models load once for all files.
    """
    from newscheck.extract import Extractor, default_cue_tagger
    from newscheck.extract.command import write_attributions

    extractor = Extractor(cue_tagger=default_cue_tagger(cue_tagger))
    failed = write_attributions(list(files), sys.stdout, extractor=extractor)
    if failed == len(files):
        sys.exit(EXIT_NOTHING_READ)


def _engine(engine: str, scheduler: str | None, workers: int | None, local: Any) -> Any:
    """The runner ``--engine`` names, with its options checked before any work starts."""
    if engine == "local":
        if scheduler is not None or workers is not None:
            raise click.UsageError("--scheduler and --workers go with --engine dask")
        return local
    import functools

    from newscheck.distributed import analyze_dask
    from newscheck.distributed.cluster import require_dask
    from newscheck.errors import MissingExtra

    try:
        require_dask()
    except MissingExtra as exc:
        raise click.ClickException(f"--engine dask: {exc}") from exc
    return functools.partial(analyze_dask, scheduler=scheduler, workers=workers)


def _settings(
    allow_private_addresses: bool,
    max_file_mb: int | None,
    embeddings: bool,
    cross_encoder: bool,
    keep_vectors: bool,
    link_window: float | None,
) -> Any:
    import dataclasses

    from newscheck.settings import MiB, Settings

    settings = Settings(
        allow_private_addresses=allow_private_addresses,
        embeddings=embeddings,
        cross_encoder=cross_encoder,
        keep_vectors=keep_vectors,
        link_window_days=link_window,
    )
    if max_file_mb is not None:
        limits = dataclasses.replace(settings.limits, max_file_bytes=max_file_mb * MiB)
        settings = dataclasses.replace(settings, limits=limits)
    return settings


class _progress:
    """A rich progress display on an interactive terminal, nothing otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed}"),
            TimeElapsedColumn(),
            transient=True,
        )
        self._progress.start()
        return self.update

    def update(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


# Other faces' commands live beside their code; each imports its heavy parts only when run.
main.add_command(serve)
main.add_command(export)
main.add_command(watch)

if __name__ == "__main__":  # pragma: no cover
    main()
