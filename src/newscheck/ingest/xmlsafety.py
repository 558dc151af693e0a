"""Refuse XML that declares entities before any parser sees it (billion laughs, XXE).

Entity declarations live in a DOCTYPE's internal subset; news feeds have no need of them. A byte
scan rejects ``<!ENTITY`` outright (fast: nothing is expanded); a document with any other DOCTYPE
is then parsed once by defusedxml with entities and external references forbidden.
"""

from __future__ import annotations

import re

from newscheck.errors import InputRejected
from newscheck.ingest.decode import bom_encoding

_DOCTYPE = re.compile(rb"<!\s*DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
# The system literal of a DOCTYPE's external id: the DTD's location.
_SYSTEM_LITERAL = re.compile(
    rb"<!\s*DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC\s+(?:\"[^\"]*\"|'[^']*'))\s+(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)


def check_xml_safe(data: bytes) -> None:
    """Raises ``InputRejected("unsafe_xml")`` for entity declarations or external entities."""
    view = _ascii_view(data)
    if not _DOCTYPE.search(view):
        return
    if _ENTITY.search(view):
        raise InputRejected(
            "unsafe_xml",
            "the document declares XML entities (refused: entity expansion and external "
            "entities can exhaust memory or read local files)",
        )
    _check_dtd_location(view)
    _check_with_defusedxml(data)


def _check_dtd_location(view: bytes) -> None:
    """A DTD named by a local path or file: URL is refused, though no parser here loads it:
    public feeds name their DTD by an http(s) URL, if at all."""
    match = _SYSTEM_LITERAL.search(view)
    if match is None:
        return
    literal = (match.group(1) or match.group(2) or b"").strip().lower()
    if not literal.startswith((b"http://", b"https://")):
        raise InputRejected("unsafe_xml", "the DOCTYPE names a local DTD file")


def _ascii_view(data: bytes) -> bytes:
    """The markup as ASCII-compatible bytes, so that UTF-16/32 cannot hide a declaration."""
    encoding = bom_encoding(data)
    if encoding is None and b"\0" in data[:4]:
        encoding = "utf-16-be" if data[:1] == b"\0" else "utf-16-le"
    if encoding is None or encoding == "utf-8-sig":
        return data
    return data.decode(encoding, errors="ignore").encode("utf-8", errors="ignore")


def _check_with_defusedxml(data: bytes) -> None:
    import xml.etree.ElementTree

    import defusedxml
    import defusedxml.ElementTree

    try:
        defusedxml.ElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as error:
        raise InputRejected(
            "unsafe_xml", f"the document's DOCTYPE is refused ({type(error).__name__})"
        ) from error
    except (xml.etree.ElementTree.ParseError, ValueError):
        # Not well-formed: no entity was declared (checked above), so the lenient feed parser
        # may still read it.
        return
