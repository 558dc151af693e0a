from __future__ import annotations

from newscheck.ingest.htmltext import html_to_text, looks_like_html


def test_blocks_become_paragraphs_and_scripts_vanish() -> None:
    fragment = (
        "<p>First  paragraph,\n with <b>bold</b> words.</p><script>var x = 1;</script>"
        "<div>Second &amp; last<br/>line</div><style>p{}</style>"
    )
    assert html_to_text(fragment) == "First paragraph, with bold words.\n\nSecond & last\n\nline"


def test_plain_text_passes_through() -> None:
    assert html_to_text("Just words, no tags.") == "Just words, no tags."


def test_looks_like_html() -> None:
    assert looks_like_html("<p>x</p>")
    assert looks_like_html("Fish &amp; chips")
    assert not looks_like_html("AT&T raises prices; 3 < 4 and 5 > 2")
