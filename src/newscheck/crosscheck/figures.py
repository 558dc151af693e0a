"""Figure checks: each figure of the story (a value of one quantity) with the independent
families that give it, whatever sentence they give it in.

A sentence often carries several facts ("fire spread to three warehouses ..., leaving 12 people
injured"), so claim groups (sentences that say the same thing) do not say, by themselves, how many
witnesses give each number. Here every figure of every claim is read on its own: figures of one
unit and event that agree in value are one figure check; a figure with no event named ("three
warehouses") joins the check of the same unit and value that names one; a bare number with an
event and no unit ("two of them remain in a serious condition") joins a check of the same event
and value. Running totals and increments ("30 roads in total", "two more villages") are checks of
their own, never merged with, nor contested by, a plain count. A check is contested when one of
its figures is in a numeric conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.quantities import Quantity, values_agree
from newscheck.crosscheck.support import Witnesses
from newscheck.model import ClaimStatus, FigureCheck

FIGURES_SCHEME = "figurecheck.unit-event-value.v1"


@dataclass(slots=True)
class _Bucket:
    unit: str
    event: str | None
    first: Quantity
    members: list[tuple[int, Quantity]]


def figure_checks(
    story_id: str,
    features: Sequence[ClaimFeatures],
    witnesses: Witnesses,
    contested: Iterable[tuple[int, float]] = (),
) -> tuple[FigureCheck, ...]:
    """Every figure of the claims, best supported first. ``contested`` lists ``(claim index,
    value)`` of the figures in numeric conflicts."""
    buckets: list[_Bucket] = []
    loose: list[tuple[int, Quantity]] = []
    for index, claim in enumerate(features):
        for quantity in claim.quantities:
            if quantity.unit and quantity.event:
                _place(buckets, index, quantity)
            else:
                loose.append((index, quantity))
    for index, quantity in loose:
        if not _join(buckets, index, quantity) and quantity.unit:
            _place(buckets, index, quantity)
    disputed = set(contested)
    checks = [_check(story_id, b, features, witnesses, disputed) for b in buckets]
    return tuple(sorted(checks, key=lambda c: (-c.families, c.label, c.value)))


def _place(buckets: list[_Bucket], index: int, quantity: Quantity) -> None:
    for bucket in buckets:
        if (
            bucket.unit == quantity.unit
            and bucket.event == quantity.event
            and bucket.first.partial == quantity.partial
            and values_agree(bucket.first, quantity)
        ):
            bucket.members.append((index, quantity))
            return
    buckets.append(_Bucket(quantity.unit, quantity.event, quantity, [(index, quantity)]))


def _join(buckets: list[_Bucket], index: int, quantity: Quantity) -> bool:
    """Put a figure that lacks its event or its unit into the one check that matches it on what
    it has; False when there is none or more than one."""
    fits = [
        b
        for b in buckets
        if b.event is not None
        and b.first.partial == quantity.partial
        and (b.unit == quantity.unit if quantity.unit else b.event == quantity.event)
        and (quantity.event is None or b.event == quantity.event)
        and values_agree(b.first, quantity)
    ]
    if len(fits) != 1:
        return False
    fits[0].members.append((index, quantity))
    return True


def _check(
    story_id: str,
    bucket: _Bucket,
    features: Sequence[ClaimFeatures],
    witnesses: Witnesses,
    disputed: set[tuple[int, float]],
) -> FigureCheck:
    indices = list(dict.fromkeys(i for i, _ in bucket.members))
    counted = [i for i in indices if not witnesses.is_added(features[i])]
    found = tuple(dict.fromkeys(witnesses.witness(features[i]) for i in counted))
    contested = any((i, q.value) in disputed for i, q in bucket.members)
    if not found:
        status: ClaimStatus = "unattested"
    elif contested:
        status = "contested"
    else:
        status = "corroborated" if len(found) >= 2 else "single_source"
    return FigureCheck(
        story_id=story_id,
        unit=bucket.unit,
        event=bucket.event,
        value=bucket.first.value,
        approx=all(q.approx for _, q in bucket.members),
        claim_ids=tuple(features[i].id for i in indices),
        witnesses=found,
        status=status,
    )
