"""newscheck export: every table of a store as Parquet, JSON Lines and CSV, read back equal."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscheck.cli import main
from newscheck.errors import UsageError
from newscheck.export import TABLE_SOURCES, TABLES, export_store
from newscheck.export.writers import write_table
from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    Family,
    Figure,
    Link,
    Rejection,
    Removed,
    SentencePair,
    Span,
    Story,
)
from newscheck.segment import segment
from newscheck.settings import Settings
from newscheck.store import Store, open_store

ARTICLES = (
    Article(
        id="a1",
        title="Tram depot roof collapses in Vessa",
        text="The roof of the Vessa tram depot fell in overnight. Nobody was hurt, the city said.",
        location="notes/vessa.txt",
        location_kind="path",
        format="txt",
        removed=(Removed("share", "Share this:"), Removed("tag", "Tags: trams")),
        source="vessa-courier.example",
        published=datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC),
        seq=0,
    ),
    Article(
        id="a2",
        title="Vessa depot roof gives way",
        text="The roof of the Vessa tram depot fell in overnight. "
        "Repairs will take \u201cmonths\u201d.",
        location="feed.xml#2",
        location_kind="path",
        format="feed",
        url="https://tram-news.example/depot",
        published=datetime(2031, 2, 3, 9, 0, tzinfo=timezone(timedelta(hours=2))),
        given_id="feed-77",
        language="en",
        summary_only=True,
        seq=1,
    ),
)
LINKS = (
    Link(
        "a2",
        "a1",
        "partial",
        0.5,
        added=(Span("a2", 53, 83),),
        pairs=(SentencePair(0, 0, 0.97, "same"),),
        direction_method="published",
        direction_confidence=0.9,
        scheme="test.v1",
    ),
)
STORIES = (
    Story(
        "story1",
        "Tram depot roof collapses",
        ("a1", "a2"),
        first_seen=datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC),
        last_seen=datetime(2031, 2, 3, 7, 0, tzinfo=UTC),
        scheme="test.v1",
    ),
)
FAMILIES = (Family("family1", "story1", ("a1", "a2"), "a1"),)
CLAIMS = (
    Claim(
        "c1",
        "a1",
        51,
        84,
        "Nobody was hurt, the city said.",
        speaker="the city",
        cue="said",
        figures=(Figure("a1", 60, 62, 0.0, "people", approx="about", counted="people hurt"),),
        entities=("Vessa",),
    ),
)
GROUPS = (ClaimGroup("g1", "story1", ("c1",), 1, "single_source"),)
REJECTIONS = (Rejection("empty.txt", "path", "empty", "the file is empty"),)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "fictional.db") as opened:
        run = opened.begin_run(["notes"], {})
        opened.add_articles(run, ARTICLES, [segment(a.id, a.text) for a in ARTICLES])
        opened.add_rejections(run, REJECTIONS)
        opened.replace_links(LINKS)
        opened.replace_families(FAMILIES)
        opened.replace_stories(STORIES)
        opened.replace_claims(CLAIMS)
        opened.replace_claim_groups(GROUPS)
        opened.finish_run(run, "done", {})
        yield opened


def test_parquet_round_trips_every_record(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    written = {t.table: t for t in export_store(store, tmp_path / "out")}
    assert set(written) == set(TABLES)
    assert written["articles"].rows == 2 and written["claims"].rows == 1

    articles = pq.read_table(written["articles"].path).to_pylist()
    rebuilt = [
        Article(**{**row, "removed": tuple(Removed(**r) for r in row["removed"])})
        for row in articles
    ]
    assert [a.published for a in rebuilt] == [a.published for a in ARTICLES]
    assert rebuilt == [a for a in store.articles()]

    [link] = pq.read_table(written["links"].path).to_pylist()
    assert link["added"] == [{"article_id": "a2", "start": 53, "end": 83}]
    assert link["pairs"][0]["relation"] == "same"
    [story] = pq.read_table(written["stories"].path).to_pylist()
    assert story["article_ids"] == ["a1", "a2"]
    [claim] = pq.read_table(written["claims"].path).to_pylist()
    assert claim["figures"][0]["counted"] == "people hurt" and claim["entities"] == ["Vessa"]
    schema = pq.read_schema(written["articles"].path)
    assert str(schema.field("published").type) == "timestamp[us, tz=UTC]"


def test_rejections_name_the_run_that_recorded_them(store: Store, tmp_path: Path) -> None:
    later = store.begin_run(["notes"], {})
    store.add_rejections(later, REJECTIONS)
    export_store(store, tmp_path, format="jsonl", tables=("rejections",))
    rows = [json.loads(line) for line in (tmp_path / "rejections.jsonl").read_text().splitlines()]
    first = str(store.runs()[0]["id"])
    assert [row["run_id"] for row in rows] == [first, later]
    assert rows[0] == {"run_id": first, "location": "empty.txt", "location_kind": "path",
                       "reason": "empty", "detail": "the file is empty"}  # fmt: skip


def test_jsonl_keeps_nesting_and_writes_times_as_iso_text(store: Store, tmp_path: Path) -> None:
    export_store(store, tmp_path, format="jsonl", tables=("articles", "links", "rejections"))
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["removed"] == [
        {"kind": "share", "text": "Share this:"},
        {"kind": "tag", "text": "Tags: trams"},
    ]
    assert second["published"] == "2031-02-03T07:00:00+00:00"
    assert second["text"].endswith("\u201cmonths\u201d.") and second["given_id"] == "feed-77"
    [link] = [json.loads(line) for line in (tmp_path / "links.jsonl").read_text().splitlines()]
    assert link["added"][0]["end"] == 83
    assert not (tmp_path / "stories.jsonl").exists()


def test_csv_has_one_cell_per_field_and_json_for_nested_values(
    store: Store, tmp_path: Path
) -> None:
    export_store(store, tmp_path, format="csv")
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [f for f in Article.__dataclass_fields__]
    assert rows[0]["url"] == "" and rows[1]["summary_only"] == "true"
    assert json.loads(rows[0]["removed"])[1] == {"kind": "tag", "text": "Tags: trams"}
    with (tmp_path / "stories.csv").open(encoding="utf-8", newline="") as handle:
        [story] = list(csv.DictReader(handle))
    assert json.loads(story["article_ids"]) == ["a1", "a2"]


def test_batches_do_not_change_the_file(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    many = [Rejection(f"f{n}.txt", "path", "empty", "the file is empty") for n in range(11)]
    write_table(tmp_path / "one.parquet", Rejection, "parquet", many)
    write_table(tmp_path / "small.parquet", Rejection, "parquet", many, batch=3)
    assert (
        pq.read_table(tmp_path / "small.parquet").to_pylist()
        == pq.read_table(tmp_path / "one.parquet").to_pylist()
    )
    assert pq.ParquetFile(tmp_path / "small.parquet").metadata.num_row_groups == 4


def test_a_failed_export_leaves_no_file_under_the_final_name(tmp_path: Path) -> None:
    def broken() -> Iterator[Rejection]:
        yield REJECTIONS[0]
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        write_table(tmp_path / "rejections.csv", Rejection, "csv", broken(), batch=1)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_or_table_is_a_usage_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="format"):
        export_store(store, tmp_path, format="xlsx")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="table"):
        export_store(store, tmp_path, tables=("articles", "secrets"))


def test_command_exports_chosen_tables(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "fictional.db")
    out = tmp_path / "exported"
    result = CliRunner().invoke(
        main, ["export", "--db", db, "--format", "csv", "--table", "stories", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["stories.csv"]
    assert "stories" in result.output and "1" in result.output


def test_command_without_a_store_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no store" in result.output


DOCS = Path(__file__).resolve().parents[1] / "docs" / "export.md"


def documented_columns() -> dict[str, list[tuple[str, str, bool]]]:
    """``table -> [(column, type, nullable)]`` from the tables of docs/export.md."""
    tables: dict[str, list[tuple[str, str, bool]]] = {}
    current: list[tuple[str, str, bool]] = []
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            current = tables.setdefault(line[4:].strip(), [])
        elif match := re.match(r"\| `(\w+)` \| `([^`]+)` \| *(null)? *\|", line):
            current.append((match[1], match[2], match[3] == "null"))
    return tables


def short_type(arrow_type: object) -> str:
    """The docs' name of an Arrow type: lists of structs by their field names."""
    import pyarrow as pa

    if isinstance(arrow_type, pa.ListType):
        item = arrow_type.value_type
        if isinstance(item, pa.StructType):
            return "list<struct: " + ", ".join(f.name for f in item) + ">"
        return f"list<{item}>"
    return str(arrow_type)


def test_columns_and_types_are_the_documented_ones(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    documented = documented_columns()
    assert list(documented) == list(TABLES)
    for exported in export_store(store, tmp_path):
        schema = pq.read_schema(exported.path)
        found = [(f.name, short_type(f.type), f.nullable) for f in schema]
        assert found == documented[exported.table], exported.table
    for exported in export_store(store, tmp_path, format="csv"):
        with exported.path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [name for name, _, _ in documented[exported.table]]


@pytest.fixture(scope="module")
def analysed(example_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store the pipeline wrote for the bundled example (every stage, lexical matching)."""
    from newscheck.pipeline import analyze

    db = tmp_path_factory.mktemp("analysed") / "example.db"
    analyze([example_dir], db=db, settings=Settings(embeddings=False))
    return db


@pytest.mark.parametrize("format", ["parquet", "jsonl", "csv"])
def test_an_analysed_store_exports_one_row_per_record(
    analysed: Path, tmp_path: Path, format: str
) -> None:
    result = CliRunner().invoke(
        main, ["export", "--db", str(analysed), "--format", format, "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    with open_store(analysed, read_only=True) as store:
        expected = {t: list(TABLE_SOURCES[t].read(store)) for t in TABLES}
    assert all(expected[t] for t in ("articles", "links", "stories", "claims", "claim_groups"))
    for table in TABLES:
        rows = read_rows(tmp_path / f"{table}.{format}", format)
        assert len(rows) == len(expected[table]), table
        key = "location" if table == "rejections" else "derived" if table == "links" else "id"
        assert [row[key] for row in rows] == [getattr(r, key) for r in expected[table]], table
        assert f"{len(rows):>10,} {table}" in result.output
    articles = {row["id"]: row for row in read_rows(tmp_path / f"articles.{format}", format)}
    for claim in read_rows(tmp_path / f"claims.{format}", format):
        text = str(articles[str(claim["article_id"])]["text"])
        start, end = int(str(claim["start"])), int(str(claim["end"]))
        assert text[start:end] == claim["text"]


def read_rows(path: Path, format: str) -> list[dict[str, object]]:
    if format == "parquet":
        import pyarrow.parquet as pq

        return list(pq.read_table(path).to_pylist())
    if format == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
