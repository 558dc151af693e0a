"""The static report.html showing the shared story views (report/templates/_story.html.j2).

The report renderer passes ``pages`` and ``hrefs`` once it uses the shared views; this renders
the template the way it then will, so the views are checked in their one-file setting too.
"""

from __future__ import annotations

import re
from pathlib import Path

from newscheck.report import html as static_html
from newscheck.report.build import build_report
from newscheck.report.load import analysis_from_store
from newscheck.store import Store

from .fictional import FictionalStory
from .html_tags import start_tags


def test_static_report_shows_the_story_views_self_contained(
    read_store: Store, fictional: FictionalStory, tmp_path: Path
) -> None:
    report = build_report(analysis_from_store(read_store))
    html = static_html.render_html(report)
    tags = start_tags(html)
    ids = {a.get("id") for _, a in tags}
    # Every in-page link lands on an element of the page.
    anchors = {
        str(a["href"])[1:] for t, a in tags if t == "a" and str(a.get("href", "")).startswith("#")
    }
    assert anchors and anchors <= ids
    cites = [a["href"] for t, a in tags if t == "a" and a.get("class") == "cite"]
    assert f"#art-{fictional.origin.id}-s1" in cites
    assert re.findall(r'class="cell cell-(\w+)"', html).count("denied") == 4
    assert 'people <strong class="flag">conflict</strong>' in html
    # Self-contained and inert: no script, no stylesheet link, no external address.
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe")]
    assert not [v for _, a in tags for v in a.values() if v and re.match(r"(https?:)?//", v)]
    assert not [k for _, a in tags for k in a if k.startswith("on")]
    (tmp_path / "report.html").write_text(html)
