from datetime import UTC, date, datetime, time

import pytest

from newscheck.summarize.dates import find_date, moment, with_day

PUBLISHED = datetime(2031, 5, 7, 6, 30, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "words", "day", "precision"),
    [
        ("The river burst its banks late on Tuesday.", "late on Tuesday", date(2031, 5, 6), "day"),
        ("It rained on Wednesday morning.", "on Wednesday morning", date(2031, 5, 7), "day"),
        ("The dam was opened overnight, the council said.", "overnight", date(2031, 5, 6), "day"),
        ("Yesterday the council met.", "Yesterday", date(2031, 5, 6), "day"),
        ("The gates were shut at 4 a.m. on Monday.", "4 a.m. on Monday", date(2031, 5, 5), "time"),
        ("On 2 May 2031 the rain began.", "On 2 May 2031", date(2031, 5, 2), "day"),
        ("The works began on March 3.", "on March 3", date(2031, 3, 3), "day"),
    ],
)
def test_days_resolve_against_the_publication_time(
    sentence: str, words: str, day: date, precision: str
) -> None:
    found = find_date(sentence, PUBLISHED)
    assert found is not None
    assert (found.text, found.day, found.precision) == (words, day, precision)


def test_months_and_years() -> None:
    month = find_date("The dam was inspected in July.", PUBLISHED)
    assert month is not None and month.month == (2030, 7) and month.precision == "month"
    assert moment(month, PUBLISHED) == datetime(2030, 7, 1, tzinfo=UTC)
    year = find_date("The bridge was built in 1998.", None)
    assert year is not None and year.year == 1998 and year.precision == "year"


def test_without_a_publication_time_a_weekday_is_kept_unresolved() -> None:
    found = find_date("The council met on Saturday.", None)
    assert found is not None and found.day is None and found.weekday == 5
    assert found.precision == "unknown" and moment(found, None) is None


def test_a_time_alone_takes_the_day_given_to_it() -> None:
    found = find_date("The alarm was raised at 9.40pm.", PUBLISHED)
    assert found is not None and found.day is None and found.at == time(21, 40)
    placed = with_day(found, date(2031, 5, 6))
    assert placed.precision == "time"
    assert moment(placed, PUBLISHED) == datetime(2031, 5, 6, 21, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    "sentence",
    [
        "This may be true.",
        "Crowds march through the town.",
        "He scored 12 points.",
        "No date here.",
    ],
)
def test_words_that_only_look_like_dates(sentence: str) -> None:
    assert find_date(sentence, PUBLISHED) is None
