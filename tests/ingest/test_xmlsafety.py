from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest import read_inputs
from newscheck.ingest.xmlsafety import check_xml_safe
from newscheck.model import Rejection
from newscheck.settings import Settings

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Big</title><description>&lol9;</description></item>
</channel></rss>
"""


def xxe_feed(target: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}">]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>Leak</title><description>before &xxe; after</description></item>
</channel></rss>
"""


def external_dtd_feed(target: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file://{target}">
<rss version="2.0"><channel><title>Leak</title>
<item><title>Leak</title><description>before &secret; after</description></item>
</channel></rss>
"""


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-0451")
    return secret


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_billion_laughs_is_refused_before_parsing(encoding: str) -> None:
    data = BILLION_LAUGHS.replace('version="1.0"', f'version="1.0" encoding="{encoding}"', 1)
    with pytest.raises(InputRejected) as caught:
        check_xml_safe(data.encode(encoding))
    assert caught.value.reason == "unsafe_xml"


def test_billion_laughs_feed_file_is_one_rejection(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "laughs.rss"
    path.write_text(BILLION_LAUGHS)
    (item,) = read_inputs([path], settings)
    assert isinstance(item, Rejection)
    assert (item.location, item.reason) == (str(path), "unsafe_xml")


@pytest.mark.parametrize("make_feed", [xxe_feed, external_dtd_feed], ids=["xxe", "external-dtd"])
def test_local_files_are_never_read(
    make_feed: object, tmp_path: Path, secret_file: Path, settings: Settings
) -> None:
    path = tmp_path / "leak.xml"
    path.write_text(make_feed(secret_file))  # type: ignore[operator]
    items = list(read_inputs([path], settings))
    assert all("SECRET-MARKER" not in repr(item) for item in items)
    assert [item.reason for item in items if isinstance(item, Rejection)] == ["unsafe_xml"]


def test_doctype_with_public_http_dtd_is_allowed() -> None:
    check_xml_safe(
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>'
    )


def test_plain_feed_without_doctype_is_allowed() -> None:
    check_xml_safe(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
