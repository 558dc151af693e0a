import pytest

from newscheck.crosscheck.stance import explicit_denial, polarity
from newscheck.model import Claim, Stance


def make(text: str, cue: str | None = None, stance: Stance = "asserts") -> Claim:
    return Claim("c", "a", 0, len(text), text, "someone", cue, stance)


@pytest.mark.parametrize(
    ("text", "cue", "stance", "expected"),
    [
        ("the troops were surrounded", "said", "asserts", "asserts"),
        ("the troops were surrounded", "denied", "asserts", "denies"),
        ("the troops were surrounded", "said", "denies", "denies"),
        ("there is no threat of encirclement", "insisted", "asserts", "denies"),
        ("There is no evidence that our bay caused the fire", "said", "asserts", "denies"),
        ("the report was false and fabricated", "called", "asserts", "denies"),
        ("have not confirmed any withdrawal", None, "denies", "abstains"),
        ("did not immediately comment on the claim", None, "asserts", "abstains"),
        ("the firm could not be reached for comment", None, "asserts", "abstains"),
        ("no deaths were reported", None, "asserts", "asserts"),
    ],
)
def test_polarity(text: str, cue: str | None, stance: Stance, expected: str) -> None:
    assert polarity(make(text, cue, stance)) == expected


@pytest.mark.parametrize(
    ("text", "cue", "stance", "expected"),
    [
        ("it had opened the sluices", "denied", "denies", True),
        ('there is "no encirclement" of troops', "insisted", "denies", True),
        ("There is no evidence that our storage caused the fire", "said", "denies", True),
        ("Rome does not intend to take part in any deployment", "stressed", "denies", False),
        ("No deaths were reported.", None, "denies", False),
    ],
)
def test_explicit_denial_tells_a_denial_from_a_plain_negation(
    text: str, cue: str | None, stance: Stance, expected: bool
) -> None:
    assert explicit_denial(make(text, cue, stance)) is expected
