"""Character-level normalisation: one spelling for the same text, whatever the source wrote.

What it does, in order:

- Unicode NFC, so "é" is one code point whether the source composed it or not.
- Line breaks: ``\\r\\n``, ``\\r``, vertical tab, form feed, U+2028 and U+0085 become ``\\n``;
  U+2029 (paragraph separator) becomes a blank line.
- Invisible characters are dropped: NUL and other C0/C1 controls (tab excepted, it becomes a
  space), zero-width space, word joiner, byte-order mark, soft hyphen, bidirectional marks and
  embeddings. Zero-width joiner and non-joiner are kept: they shape emoji and Indic or Persian
  words, and dropping them changes how a word reads.
- Unusual spaces (no-break, thin, ideographic, ...) become a plain space; runs of spaces
  collapse to one; each line is stripped.
- Quotes: typographic single and double quotes become the ASCII ``'`` and ``"``. The same
  statement then reads the same in every outlet (one prints ``Putin's``, another ``Putin’s``),
  which is what copy detection and quote matching need, and ASCII quotes stay readable.
  Guillemets (``«»‹›``) are kept: they are unambiguous and part of many languages' spelling.
  Dashes and ellipses are left alone.

The result is readable text; nothing here removes a word.
"""

from __future__ import annotations

import re
import unicodedata

NORMALIZE_SCHEME = "normalize.nfc-ascii-quotes.v1"

_DROPPED = (
    [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0) if c != 0x85]
    + [
        "\u00ad",  # soft hyphen
        "\u200b",  # zero-width space
        "\u2060",  # word joiner
        "\ufeff",  # byte-order mark / zero-width no-break space
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        "\u061c",  # Arabic letter mark
        "\u180e",  # Mongolian vowel separator (no longer a space)
    ]
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
)

_SPACES = ["\t", "\u00a0", "\u1680", "\u202f", "\u205f", "\u3000"] + [
    chr(c) for c in range(0x2000, 0x200B)
]

_LINE_BREAKS = ["\x0b", "\x0c", "\x85", "\u2028"]

_SINGLE_QUOTES = ["\u2018", "\u2019", "\u201a", "\u201b", "\u2032"]
_DOUBLE_QUOTES = ["\u201c", "\u201d", "\u201e", "\u201f", "\u2033"]

_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys(_DROPPED, ""),
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_LINE_BREAKS, "\n"),
    "\u2029": "\n\n",
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
}
# One pass of a character class finds the few characters to replace; str.translate with a dict
# looks up every character of the text and is several times slower on long articles.
_SPECIAL = re.compile("[" + "".join(re.escape(c) for c in _REPLACEMENTS) + "]")

_CRLF = re.compile(r"\r\n?")
_SPACE_RUN = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" *\n *")
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Normalise characters, spaces and line breaks (see the module notes). Keeps line structure:
    the result has the same lines, each stripped, with ``\\n`` as the only line break."""
    if not text.isascii():
        # Lone surrogates (from broken decoders) cannot be encoded or normalised: drop them.
        text = _SURROGATE.sub("", text)
        text = unicodedata.normalize("NFC", text)
    text = _CRLF.sub("\n", text)
    text = _SPECIAL.sub(_replacement, text)
    text = _SPACE_RUN.sub(" ", text)
    return _LINE_EDGES.sub("\n", text).strip(" \n")


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def normalize_line(text: str) -> str:
    """Normalise a one-line value such as a title: as :func:`normalize_text`, then every line
    break becomes a space."""
    return " ".join(line for line in normalize_text(text).split("\n") if line)
