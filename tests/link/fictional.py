"""Fictional articles for the linking tests, and builders of Articles from raw text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from newscheck.model import Article, Segmentation, article_id

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
KURSK = SHARED / "corpus" / "kursk-2025-03"


def make_article(
    title: str,
    text: str,
    *,
    seq: int = 0,
    published: datetime | None = None,
    location: str | None = None,
) -> tuple[Article, Segmentation]:
    """An article and its segmentation, from clean text (paragraphs split by blank lines)."""
    from newscheck.segment import segment

    aid = article_id(title, text)
    article = Article(
        id=aid,
        title=title,
        text=text,
        location=location or f"fixture-{seq}.txt",
        location_kind="path",
        format="txt",
        published=published,
        seq=seq,
    )
    return article, segment(aid, text)


def read_kursk() -> list[tuple[Article, Segmentation]]:
    """The five kursk reports, cleaned the way the pipeline cleans them (first line = title)."""
    from newscheck.clean import clean_text

    if not KURSK.is_dir():
        pytest.skip(f"shared corpus not found at {KURSK} (it lives beside the repository)")
    out = []
    for seq, path in enumerate(sorted(KURSK.glob("*.txt"))):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip())
        cleaned = clean_text(lines[first].strip(), "\n".join(lines[first + 1 :]))
        article, seg = make_article(cleaned.title, cleaned.text, seq=seq, location=path.name)
        out.append((replace(article, removed=cleaned.removed), seg))
    return out


# A fictional event told four ways (all text written for these tests).
ORIGIN_TEXT = """\
The Marrowby flood barrier failed on Tuesday night, sending water into 312 homes along the Idle \
river, the county's emergency office said on Wednesday.

"We saw the gauge jump by two metres in forty minutes," said Harriet K. Olsson, the barrier's \
chief engineer. Ms. Olsson said a jammed sluice gate, not the rain alone, caused the breach.

Mayor Tobias R. Wren ordered the evacuation of the Lower Quay district at 11:40 p.m. and opened \
the Saint Aldric school as a shelter for 540 residents.

Three people were treated for hypothermia at Marrowby General Hospital, a hospital spokesman said. \
No deaths were reported.

The barrier, built in 1987, was due for a 14 million pound upgrade next spring, according to \
council records.

Engineers from the national water agency arrived on Wednesday morning to inspect the sluice gates \
and pump out the flooded streets."""

REWRITE_TEXT = """\
Flooding hit hundreds of homes in Marrowby after the town's ageing flood barrier gave way late on \
Tuesday, emergency officials said.

The barrier's chief engineer, Harriet Olsson, blamed a jammed sluice gate rather than the rain \
for the breach, noting that the river gauge rose two metres in forty minutes.

Mayor Wren ordered an evacuation of the Lower Quay district and turned the Saint Aldric school \
into a shelter for hundreds of residents.

Several people were treated for hypothermia at the local hospital, while no deaths were reported.

The barrier dates from 1987 and was due for a costly upgrade next spring, council records show.

Critics say the council ignored repeated warnings about the barrier for more than a decade.

Engineers from the national water agency came on Wednesday to inspect the sluice gates and pump \
water out of the streets."""

INDEPENDENT_TEXT = """\
Residents of Marrowby spent the night in a school gym after the river Idle broke through the \
town's defences on Tuesday.

"The water came up so fast we left with nothing," said Edith Mallory, 71, who has lived on the \
quay for fifty years.

Volunteers from the Marrowby rowing club ferried pensioners to dry ground in their boats until \
after midnight.

Forecasters expect more rain over the weekend, and the Met office has issued an amber warning for \
the whole valley.

Local shops on the high street have offered free food and blankets to families who lost their \
belongings."""

UNRELATED_TEXT = """\
The Pellingham chess club won the regional league on Saturday, beating the defending champions \
by four and a half points to three and a half.

Club captain Ines Varga said the team had practised endgames every Thursday since September.

The club will represent the region at the national finals in Carrick next March, where sixteen \
teams are expected to compete."""
