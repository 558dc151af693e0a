"""A small, fast guess of an article's language, enough to pick how to cut it into terms.

Not a general language identifier: it tells apart the scripts and languages the story features
treat differently (English, Malay/Indonesian, Chinese/Japanese, other Latin-script text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newscheck.stories.text import word_set

LANGUAGE_SCHEME = "lang.stopwords.v1"

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+")

MARKERS: dict[str, frozenset[str]] = {
    "en": word_set(
        """the of and to in is was for that on with as by at from it his her are were has have
        said will be this an which who"""
    ),
    "ms": word_set(
        """yang dan di ke dari untuk dengan ini itu pada akan tidak dalam oleh telah juga bagi
        kepada mereka atau bahawa bahwa sebagai lebih seorang selepas setelah"""
    ),
}
"""Frequent function words; Malay and Indonesian share most of them and are one class here."""


def guess_language(text: str, *, sample: int = 2000) -> str:
    """``"zh"`` (CJK script), ``"en"``, ``"ms"`` (Malay/Indonesian) or ``"und"`` (undetermined).

    Looks at the first ``sample`` characters only, so it costs the same for any length."""
    head = text[:sample]
    cjk = len(_CJK.findall(head))
    words = _WORD.findall(head.lower())
    if cjk and cjk >= len(words):
        return "zh"
    if not words:
        return "und"
    counts = {lang: sum(w in markers for w in words) for lang, markers in MARKERS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] < max(2, len(words) // 20):
        return "und"
    return best


def language_of(marker_counts: Mapping[str, int]) -> str:
    """The language whose markers were counted most (see :data:`MARKERS`; ``"zh"`` counts CJK
    words), ``"und"`` when too few were seen to tell."""
    if not marker_counts:
        return "und"
    best = max(sorted(marker_counts), key=lambda lang: marker_counts[lang])
    return best if marker_counts[best] >= 2 else "und"
