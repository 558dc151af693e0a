"""Date words in a sentence, resolved against the article's publication time.

News dates events relative to the day of publication ("on Saturday", "late on Tuesday",
"overnight", "yesterday") and sometimes absolutely ("in August 2024", "on 14 October"). A weekday
is the latest such day on or before the publication day; a time of day ("at 9.40pm") is put on the
day named in the same sentence, or on the last day the article named before it. Times are taken
in the time zone of the publication time (UTC when the store normalised it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

DATES_SCHEME = "dates.weekday-month-time-relative.v1"

Precision = Literal["year", "month", "day", "time", "unknown"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501

_WEEKDAY = re.compile(
    r"\b(?:(?:late|early)\s+)?(?:on\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
_MONTH2 = _MONTH.replace("month", "month2")
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(
    rf"\b(?:on\s+)?(?:(?P<day1>\d{{1,2}}){_ORDINAL}\s+{_MONTH}\.?"
    rf"|{_MONTH2}\.?\s+(?P<day2>\d{{1,2}}){_ORDINAL})(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:in|since|from|until|by|last|this)\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:in|since|from|until|by)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|overnight|last\s+night|this\s+morning|"
    r"earlier\s+today)\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<half>a\.?m\.?|p\.?m\.?)(?!\w)",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:until|till|by|next|before|from)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
RELATIVE_DAYS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "earlier today": 0,
    "overnight": -1,
    "last night": -1,
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """Date words found in a sentence and what they resolve to."""

    text: str
    start: int
    end: int
    day: date | None
    month: tuple[int, int] | None
    """(year, month) for "in August 2024"; year 0 when not written."""
    year: int | None
    weekday: int | None
    at: time | None
    precision: Precision


def _month_number(name: str) -> int:
    low = name.lower()[:3]
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(low))


def find_date(sentence: str, reference: datetime | None) -> DateMention | None:
    """The first date expression of ``sentence`` (with a time of day when it has one)."""
    found = _day_mention(sentence, reference)
    clock = _TIME.search(sentence)
    at = _clock(clock) if clock else None
    if found is None:
        if at is None or clock is None:
            return None
        return DateMention(
            clock.group(), clock.start(), clock.end(), None, None, None, None, at, "unknown"
        )
    if at is not None and clock is not None:
        start, end = min(found.start, clock.start()), max(found.end, clock.end())
        precision: Precision = "time" if found.day is not None else found.precision
        return DateMention(
            sentence[start:end],
            start,
            end,
            found.day,
            found.month,
            found.year,
            found.weekday,
            at,
            precision,
        )
    return found


def with_day(mention: DateMention, day: date | None) -> DateMention:
    """A time-only mention put on ``day`` (the day the article last named)."""
    if day is None or mention.day is not None:
        return mention
    precision: Precision = "time" if mention.at is not None else "day"
    return DateMention(
        mention.text, mention.start, mention.end, day, None, None, None, mention.at, precision
    )


def _clock(match: re.Match[str]) -> time | None:
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    if match.group("half").lower().startswith("p") and hour != 12:
        hour += 12
    elif match.group("half").lower().startswith("a") and hour == 12:
        hour = 0
    return time(hour, minute)


def _day_mention(sentence: str, reference: datetime | None) -> DateMention | None:
    ref = reference.date() if reference is not None else None
    candidates: list[DateMention] = []
    for match in _DAY_MONTH.finditer(sentence):
        if not _capitalised(match.group("month") or match.group("month2")):
            continue
        day = int(match.group("day1") or match.group("day2"))
        month = _month_number(match.group("month") or match.group("month2"))
        year = int(match.group("year")) if match.group("year") else None
        resolved = _calendar_day(year, month, day, ref)
        candidates.append(
            DateMention(
                match.group(),
                match.start(),
                match.end(),
                resolved,
                None,
                year,
                None,
                None,
                "day" if resolved else "unknown",
            )
        )
    for match in _WEEKDAY.finditer(sentence):
        if _FUTURE.search(sentence[max(0, match.start() - 12) : match.start()]):
            continue  # "open until Sunday", "by Friday": a day ahead, not when something happened
        weekday = WEEKDAYS.index(match.group("weekday").lower())
        resolved = None
        if ref is not None:
            resolved = ref - timedelta(days=(ref.weekday() - weekday) % 7)
        candidates.append(
            DateMention(
                match.group(),
                match.start(),
                match.end(),
                resolved,
                None,
                None,
                weekday,
                None,
                "day" if resolved else "unknown",
            )
        )
    for match in _RELATIVE.finditer(sentence):
        word = " ".join(match.group("word").lower().split())
        offset = RELATIVE_DAYS.get(word)
        resolved = ref + timedelta(days=offset) if ref is not None and offset is not None else None
        candidates.append(
            DateMention(
                match.group(),
                match.start(),
                match.end(),
                resolved,
                None,
                None,
                None,
                None,
                "day" if resolved else "unknown",
            )
        )
    for match in _MONTH_YEAR.finditer(sentence):
        if not _capitalised(match.group("month")):
            continue  # "this may", "a march"
        month = _month_number(match.group("month"))
        if match.group("year"):
            year = int(match.group("year"))
        elif ref is not None:
            year = ref.year if month <= ref.month else ref.year - 1
        else:
            year = 0
        candidates.append(
            DateMention(
                match.group(),
                match.start(),
                match.end(),
                None,
                (year, month),
                year or None,
                None,
                None,
                "month" if year else "unknown",
            )
        )
    for match in _YEAR.finditer(sentence):
        year = int(match.group("year"))
        candidates.append(
            DateMention(
                match.group(), match.start(), match.end(), None, None, year, None, None, "year"
            )
        )
    if not candidates:
        return None
    return min(candidates, key=lambda m: (m.start, -m.end))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _calendar_day(year: int | None, month: int, day: int, ref: date | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        if ref is None:
            return None
        guess = date(ref.year, month, day)
        return guess if guess <= ref + timedelta(days=1) else date(ref.year - 1, month, day)
    except ValueError:
        return None


def moment(mention: DateMention, reference: datetime | None) -> datetime | None:
    """The mention as a datetime (first moment of a month or year), in the reference's zone
    (UTC without a reference, or when the reference has none)."""
    zone = (reference.tzinfo if reference is not None else None) or UTC
    if mention.day is not None:
        return datetime.combine(mention.day, mention.at or time(0, 0), tzinfo=zone)
    if mention.month is not None and mention.month[0]:
        return datetime(mention.month[0], mention.month[1], 1, tzinfo=zone)
    if mention.year is not None:
        return datetime(mention.year, 1, 1, tzinfo=zone)
    return None
