"""``newscheck export``: a store's tables as Parquet, JSON Lines or CSV files."""

from __future__ import annotations

from pathlib import Path

import click

from newscheck.cli_options import db_option, out_option
from newscheck.export import FORMATS, TABLES

DEFAULT_DB = "newscheck-out/newscheck.db"


@click.command()
@db_option(DEFAULT_DB)
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    default="parquet",
    show_default=True,
    help="File format (Parquet needs pyarrow: the 'dask' extra).",
)
@out_option("Folder for the files (one per table).", default="newscheck-export")
@click.option(
    "--table",
    "tables",
    multiple=True,
    type=click.Choice(TABLES),
    help="Export only this table (repeatable). [default: all]",
)
def export(db: str, format_: str, out: Path, tables: tuple[str, ...]) -> None:
    """Export the store's articles, rejections, links, families, stories, claims and claim
    groups, one file per table, for pandas, DuckDB or Spark.

    Nested values (removed junk, added sentences, story members, figures) are Parquet lists and
    structs, JSON arrays and objects, or JSON text in a CSV cell. Times are UTC.
    """
    from newscheck.errors import NewscheckError
    from newscheck.export import export_store
    from newscheck.store import open_store

    if "://" not in db and not Path(db).is_file():
        raise click.UsageError(f"no store at {db}: run `newscheck analyze` first, or give --db")
    try:
        with open_store(db, read_only=True) as store:
            written = export_store(
                store,
                out,
                format=format_,  # type: ignore[arg-type]
                tables=tables or TABLES,
            )
    except NewscheckError as exc:
        raise click.ClickException(str(exc)) from exc
    for item in written:
        click.echo(f"{item.rows:>10,} {item.table:<13} {item.path}")
