"""newscheck watch: a feed served on loopback, polled; new entries join their stories."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscheck.cli import main
from newscheck.embed import Embedder, embeddings_available
from newscheck.errors import UsageError
from newscheck.settings import Settings
from newscheck.store import open_store
from newscheck.watch import Poll, Watcher

SKIP = ("extract", "crosscheck")
LOOPBACK = Settings(allow_private_addresses=True, embeddings=False)
"""Feeds on 127.0.0.1; lexical story matching (the sentence model would add a minute of loading
and change nothing a watch does)."""

ENTRIES = [
    (
        "Flood barrier at Quenby harbour fails during storm",
        "Sat, 12 Apr 2031 06:00:00 +0000",
        [
            "The flood barrier at Quenby harbour failed during the storm on Friday night, "
            "flooding forty homes on Mallow Street.",
            "Harbour master Edda Rusk said the barrier's hydraulic arm jammed half closed.",
            "The Quenby council opened the sports hall to families from Mallow Street.",
        ],
    ),
    (
        "Lantern festival in Ostrel moved to May",
        "Sat, 12 Apr 2031 08:00:00 +0000",
        [
            "The Ostrel lantern festival will be held in May instead of April, organisers said.",
            "Organiser Pim Valder said the river path needs repairs before crowds can gather.",
        ],
    ),
]
LATER = (
    "Quenby flood barrier jammed half closed, harbour master says",
    "Sat, 12 Apr 2031 11:00:00 +0000",
    [
        "Harbour master Edda Rusk said the hydraulic arm of the Quenby harbour flood barrier "
        "jammed half closed during Friday's storm.",
        "Forty homes on Mallow Street in Quenby were flooded, and families slept in the sports "
        "hall the council opened.",
        "Engineers will inspect the Quenby barrier on Monday, Rusk said.",
    ],
)


def rss(entries: list[tuple[str, str, list[str]]]) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>https://quenby-post.example/{n}</link>"
        f"<guid>quenby-{n}</guid><pubDate>{date}</pubDate>"
        f"<description>{escape(paragraphs[0])}</description>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in paragraphs)}]]>"
        "</content:encoded></item>"
        for n, (title, date, paragraphs) in enumerate(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Quenby Post</title><link>https://quenby-post.example/</link>{items}"
        "</channel></rss>"
    ).encode()


@dataclass
class FeedServer:
    """An RSS feed on 127.0.0.1 whose entries a test can change between polls, or break:
    ``broken`` = "status" answers 503, "xml" answers a feed cut off before its first entry."""

    entries: list[tuple[str, str, list[str]]] = field(default_factory=lambda: list(ENTRIES))
    requests: int = 0
    url: str = ""
    broken: str | None = None


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.requests += 1
            body = rss(state.entries)
            if state.broken == "xml":
                body = body[:120]
            self.send_response(503 if state.broken == "status" else 200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def test_new_entries_join_the_story_they_belong_to(feed: FeedServer, tmp_path: Path) -> None:
    watcher = Watcher([feed.url], db=tmp_path / "w.db", settings=LOOPBACK, skip=SKIP)
    first = watcher.poll()
    assert first.read == 2 and len(first.new_article_ids) == 2 and first.rejections == ()
    assert first.analysis is not None and len(first.analysis.stories) == 2
    [flood] = [s for s in first.analysis.stories if "Flood barrier" in s.title]

    feed.entries.insert(0, LATER)  # newest first, as feeds are: every entry number shifts
    second = watcher.poll()
    assert second.read == 3 and len(second.new_article_ids) == 1
    [grown] = second.stories
    assert grown.id == flood.id
    assert set(grown.article_ids) == set(flood.article_ids) | set(second.new_article_ids)
    assert len(second.analysis.stories) == 2

    third = watcher.poll()  # the same three entries: nothing is added twice
    assert third.read == 3 and not third.changed
    with open_store(tmp_path / "w.db") as store:
        assert store.article_count() == 3
        assert store.stories() == list(second.analysis.stories)


@pytest.mark.slow
@pytest.mark.skipif(not embeddings_available(), reason="the embed extra is absent")
def test_the_sentence_model_is_loaded_once_and_encodes_only_new_sentences(
    feed: FeedServer, tmp_path: Path
) -> None:
    settings = Settings(allow_private_addresses=True)
    watcher = Watcher([feed.url], db=tmp_path / "w.db", settings=settings, skip=SKIP)
    watcher.poll()
    model = watcher.embedder()
    assert isinstance(model, Embedder) and model.loaded
    first = model.encoded
    feed.entries.insert(0, LATER)
    second = watcher.poll()
    assert watcher.embedder() is model
    # The three sentences of the new entry, its title and its lead: nothing encoded before.
    assert 0 < model.encoded - first <= len(LATER[2]) + 2
    assert second.stories and second.new_article_ids[0] in second.stories[0].article_ids


def test_a_poll_with_nothing_new_runs_no_stage(feed: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    watcher = Watcher([feed.url], db=db, settings=LOOPBACK, skip=SKIP)
    watcher.poll()
    with open_store(db) as store:
        runs_after_first = len(store.runs())
        stories = store.stories()
    quiet = watcher.poll()
    assert not quiet.changed and quiet.read == 2 and quiet.analysis is None
    with open_store(db) as store:
        assert len(store.runs()) == runs_after_first + 1  # the poll's own run, nothing derived
        assert store.stories() == stories
        assert store.article_count() == 2


def test_run_polls_at_the_interval_until_told_to_stop(feed: FeedServer, tmp_path: Path) -> None:
    watcher = Watcher([feed.url], db=tmp_path / "w.db", settings=LOOPBACK, skip=SKIP)
    seen = []

    def on_poll(poll: object) -> None:
        seen.append(poll)
        if len(seen) == 2:
            watcher.stop()

    watcher.run(0.05, on_poll=on_poll)
    assert len(seen) == 2 and feed.requests == 2


def test_an_unreachable_feed_is_a_rejection_and_the_others_are_read(
    feed: FeedServer, tmp_path: Path
) -> None:
    unreachable = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens there
    watcher = Watcher([unreachable, feed.url], db=tmp_path / "w.db", settings=LOOPBACK, skip=SKIP)
    poll = watcher.poll()
    [rejection] = poll.rejections
    assert rejection.location == unreachable and rejection.reason == "fetch_failed"
    assert len(poll.new_article_ids) == 2


def test_a_broken_feed_is_recorded_at_each_poll_and_polling_goes_on(
    feed: FeedServer, tmp_path: Path
) -> None:
    db = tmp_path / "w.db"
    watcher = Watcher([feed.url], db=db, settings=LOOPBACK, skip=SKIP)
    polls = []

    def on_poll(poll: Poll) -> None:
        polls.append(poll)
        feed.broken = {1: "xml", 2: None}.get(len(polls))  # 503, then cut off, then mended

    feed.broken = "status"
    watcher.run(0.01, polls=3, on_poll=on_poll)
    assert [len(p.rejections) for p in polls] == [1, 1, 0]
    assert polls[0].rejections[0].reason == "fetch_failed"
    assert polls[1].rejections[0].reason == "no_text"
    assert [len(p.new_article_ids) for p in polls] == [0, 0, 2] and feed.requests == 3
    with open_store(db) as store:
        assert [run["status"] for run in store.runs()][-1] == "done"
        assert [r.reason for r in store.rejections()] == ["fetch_failed", "no_text"]
        assert store.article_count() == 2


KILLED_WATCH = """
import sys, time
from newscheck.settings import Settings
from newscheck.store.relational import SQLStore
from newscheck.watch import Watcher


def wait_here(self, *args):
    print("placing", flush=True)
    time.sleep(600)


SQLStore.replace_stories = wait_here  # stop (to be killed) as the new articles are placed
settings = Settings(allow_private_addresses=True, embeddings=False)
Watcher([sys.argv[1]], db=sys.argv[2], settings=settings, skip=("extract", "crosscheck")).poll()
"""


def test_a_watch_killed_before_placing_its_articles_places_them_at_the_next_poll(
    feed: FeedServer, tmp_path: Path
) -> None:
    db = tmp_path / "w.db"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WATCH, feed.url, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "placing\n"
    finally:
        child.kill()
        _, stderr = child.communicate(timeout=60)
    assert child.returncode == -9, stderr
    with open_store(db) as store:
        assert store.article_count() == 2 and store.stories() == []

    watcher = Watcher([feed.url], db=db, settings=LOOPBACK, skip=SKIP)
    catch_up = watcher.poll()
    assert not catch_up.changed and catch_up.analysis is not None
    with open_store(db) as store:
        placed = sorted(a for story in store.stories() for a in story.article_ids)
        assert placed == sorted(a.id for a in store.articles())
        polls = [run["status"] for run in store.runs() if "watch" in str(run["options"])]
        assert polls == ["interrupted", "done"]
    assert watcher.poll().analysis is None  # nothing new, nothing left to place


def test_private_addresses_are_refused_unless_allowed(feed: FeedServer, tmp_path: Path) -> None:
    poll = Watcher([feed.url], db=tmp_path / "w.db").poll()
    assert [r.reason for r in poll.rejections] == ["forbidden_address"] and feed.requests == 0


def test_a_watch_needs_feeds_and_a_lasting_store(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        Watcher([], db=tmp_path / "w.db")
    with pytest.raises(UsageError):
        Watcher(["https://news.example/feed"], db=":memory:")


def test_command_polls_and_writes_reports(feed: FeedServer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "watch", feed.url, "--interval", "1", "--polls", "2", "-o", str(out),
            "--allow-private-addresses", "--skip", "extract", "--skip", "crosscheck",
            "--no-embeddings",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    polls = [line for line in result.stdout.splitlines() if line.startswith("poll ")]
    assert len(polls) == 2, result.output
    assert polls[0].startswith("poll 1 at ") and "2 read, 2 new, 0 rejected" in polls[0]
    assert polls[1].startswith("poll 2 at ") and "2 read, 0 new" in polls[1]
    assert "Flood barrier at Quenby" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 2 and len(report["stories"]) == 2
    assert (out / "newscheck.db").is_file()
