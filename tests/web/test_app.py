"""The web app's pages and their .json twins, in process (no browser, no socket)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from newscheck.store import open_store

from .contract import violations
from .fictional import FictionalStory
from .html_tags import start_tags, unsafe_markup


def pages_of(story: FictionalStory) -> list[str]:
    return [
        "/stories",
        f"/stories/{story.story_id}",
        f"/articles/{story.origin.id}",
        f"/articles/{story.rewrite.id}",
        f"/articles/{story.hostile.id}",
        f"/articles/{story.rewrite.id}/compare/{story.origin.id}",
        "/search?q=bridge",
    ]


def test_every_page_has_a_json_twin_with_the_same_story(
    client: Any, fictional: FictionalStory
) -> None:
    for path in pages_of(fictional):
        html = client.get(path)
        base, _, query = path.partition("?")
        twin = client.get(base + ".json" + ("?" + query if query else ""))
        assert html.status_code == twin.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html")
        assert twin.headers["content-type"].startswith("application/json")
        twin_links = [a.get("href") for t, a in start_tags(html.text) if t == "a"]
        assert base + ".json" + ("?" + query if query else "") in twin_links, path


def test_story_twin_is_a_valid_report_with_the_story(
    client: Any, fictional: FictionalStory
) -> None:
    report = client.get(f"/stories/{fictional.story_id}.json").json()
    assert violations(report) == []
    assert [s["id"] for s in report["stories"]] == [fictional.story_id]
    assert {a["id"] for a in report["articles"]} == {
        fictional.origin.id,
        fictional.rewrite.id,
        fictional.radio.id,
        fictional.hostile.id,
    }
    assert [(k["derived"], k["origin"]) for k in report["links"]] == [
        (fictional.rewrite.id, fictional.origin.id)
    ]
    statuses = {c["id"]: c["status"] for c in report["claims"]}
    assert statuses["g-warnings"] == "unattested"
    assert {c["kind"] for c in report["conflicts"]} == {"numeric", "denial"}
    assert len(report["summary"]) == 3
    page = report["page"]
    assert page["story_id"] == fictional.story_id and page["contested"] == 4


def test_story_page_shows_what_its_twin_holds(client: Any, fictional: FictionalStory) -> None:
    report = client.get(f"/stories/{fictional.story_id}.json").json()
    html = client.get(f"/stories/{fictional.story_id}").text
    for sentence in report["summary"]:
        assert sentence["text"].split(":")[0] in html
    matrix = report["page"]["matrix"]
    cells = [c["state"] for row in matrix["rows"] for c in row["cells"]]
    rendered = re.findall(r'class="cell cell-(\w+)"', html)
    assert rendered == cells
    assert "denied" in cells and "supported" in cells and "silent" in cells
    for conflict in report["conflicts"]:
        assert conflict["detail"] in html


def test_summary_citations_point_at_the_supporting_sentence(
    client: Any, fictional: FictionalStory
) -> None:
    report = client.get(f"/stories/{fictional.story_id}.json").json()
    texts = {a["id"]: a for a in report["articles"]}
    first = report["page"]["summary"][1]  # the sentence about how many were injured
    cited = {c["article_id"]: c["sentence"] for c in first["cites"]}
    origin = texts[fictional.origin.id]
    start, end, _ = origin["sentences"][cited[fictional.origin.id]]
    assert origin["text"][start:end].startswith("Twelve people were injured")
    html = client.get(f"/stories/{fictional.story_id}").text
    assert f'href="/articles/{fictional.origin.id}#s{cited[fictional.origin.id]}"' in html


def test_article_page_marks_copied_reworded_added_and_quoted(
    client: Any, fictional: FictionalStory
) -> None:
    data = client.get(f"/articles/{fictional.rewrite.id}.json").json()
    assert violations(data) == []
    kinds = {m["kind"] for m in data["page"]["marks"]}
    assert {"copied", "reworded", "added"} <= kinds
    added = [m for m in data["page"]["marks"] if m["kind"] == "added"]
    text = fictional.rewrite.text
    assert [text[m["start"] : m["end"]] for m in added] == [
        "Locals say the council ignored years of warnings about the bridge."
    ]
    html = client.get(f"/articles/{fictional.rewrite.id}").text
    assert re.search(r'id="s4"[^>]*><mark class="added">Locals say', html)
    assert f'href="/articles/{fictional.rewrite.id}/compare/{fictional.origin.id}"' in html
    origin_html = client.get(f"/articles/{fictional.origin.id}").text
    assert '<mark class="quoted">“We will find out what went wrong,”</mark>' in origin_html
    assert "Removed while cleaning (1)" in origin_html


def test_compare_view_aligns_rewrite_with_origin(client: Any, fictional: FictionalStory) -> None:
    path = f"/articles/{fictional.rewrite.id}/compare/{fictional.origin.id}"
    rows = client.get(path + ".json").json()["rows"]
    kinds = [r["kind"] for r in rows]
    assert kinds[:5] == ["paraphrase", "same", "same", "same", "added"]
    assert kinds.count("dropped") == 2  # the quote and the river authority's denial
    assert (
        client.get(f"/articles/{fictional.origin.id}/compare/{fictional.rewrite.id}").status_code
        == 404
    )


def test_search_finds_articles_and_claims(client: Any, fictional: FictionalStory) -> None:
    hits = client.get("/search.json?q=footbridge").json()["hits"]
    assert fictional.radio.id in {h["article_id"] for h in hits}
    html = client.get("/search?q=footbridge").text
    assert "<mark>" in html.lower() and f"/articles/{fictional.radio.id}" in html
    assert client.get("/search.json?q=").json()["hits"] == []
    # Operators are only words: no error, no injection into the FTS query language.
    assert client.get('/search.json?q=" OR * NEAR( bridge').status_code == 200


def test_stories_list_counts(client: Any, fictional: FictionalStory) -> None:
    listing = client.get("/stories.json").json()
    (row,) = listing["stories"]
    assert row == {
        "id": fictional.story_id,
        "title": "Rope bridge collapses in Velmora",
        "articles": 4,
        "families": 3,
        "first_seen": "2025-04-01T18:30:00+00:00",
        "last_seen": "2025-04-01T19:45:00+00:00",
        "contested": 4,
    }


def test_hostile_article_is_inert_on_every_page(client: Any, fictional: FictionalStory) -> None:
    for path in pages_of(fictional) + ["/search?q=rumours", "/search?q=<script>"]:
        html = client.get(path).text
        assert unsafe_markup(html) == [], path
        assert "__pwned" not in "".join(str(a) for _, a in start_tags(html)), path
    hostile = client.get(f"/articles/{fictional.hostile.id}").text
    assert "&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;" in hostile
    assert "javascript:window.__pwned" in hostile  # shown, as text


@pytest.mark.parametrize(
    "path",
    [
        "/stories/..%2F..%2Fetc%2Fpasswd",
        "/stories/%2e%2e",
        "/articles/%2e%2e%2fapp.py",
        "/static/..%2Fapp.py",
        "/static/../pages.py",
        "/static/%2e%2e/app.py",
        "/static/newscheck.css%00",
        "/articles/x/compare/..%2F..",
        "/stories/nope",
        "/articles/0000000000000000.json",
    ],
)
def test_no_path_reaches_beyond_the_store(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text and "root:" not in response.text


def test_unknown_pages_are_404_with_json_twin(client: Any) -> None:
    assert client.get("/stories/nope.json").json()["error"] == "not_found"
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404


def test_conditional_get_answers_304(client: Any, fictional: FictionalStory) -> None:
    first = client.get(f"/stories/{fictional.story_id}")
    again = client.get(
        f"/stories/{fictional.story_id}", headers={"if-none-match": first.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""


def test_pages_follow_the_store_after_a_run(tmp_path: Any) -> None:
    from starlette.testclient import TestClient

    from newscheck.web.app import create_app

    from .fictional import write_fictional_story

    path = tmp_path / "store.db"
    with open_store(path) as writer:
        story = write_fictional_story(writer, with_claims=False)
    with open_store(path, read_only=True) as store:
        client = TestClient(create_app(store, allowed_hosts={"testserver"}, check_every_s=0))
        before = client.get(f"/stories/{story.story_id}").text
        assert "Summary: not computed" in before and "Claims: not computed" in before
        with open_store(path) as writer:
            write_fictional_story(writer)  # a second run, now with claims and a summary
        # The check runs beside the requests: the new page shows up at the latest on the
        # request after the check.
        deadline = time.monotonic() + 10
        after = before
        while "not computed" in after and time.monotonic() < deadline:
            time.sleep(0.05)
            after = client.get(f"/stories/{story.story_id}").text
        assert "not computed" not in after
        assert 'class="cite"' in after
