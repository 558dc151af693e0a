from newscheck.report.hrefs import StaticHrefs, WebHrefs


def test_web_addresses_quote_ids() -> None:
    hrefs = WebHrefs()
    assert hrefs.article("abc", 3) == "/articles/abc#s3"
    assert hrefs.article("a/../b") == "/articles/a%2F..%2Fb"
    assert hrefs.compare("d", "o") == "/articles/d/compare/o"
    assert hrefs.search('x" onload=') == "/search?q=x%22+onload%3D"
    assert hrefs.json_twin("/stories?page=2") == "/stories.json?page=2"
    assert hrefs.json_twin("/") == "/stories.json"


def test_static_anchors_match_the_report_ids() -> None:
    hrefs = StaticHrefs()
    assert hrefs.article("abc", 0) == "#art-abc-s0"
    assert hrefs.story("s1") == "#story-s1"
