from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from newscheck.extract import Extraction
from newscheck.model import Article, article_id
from newscheck.segment import segment

if TYPE_CHECKING:
    from newscheck.extract import Extractor

HARBOUR = (
    "Fire crews fought a blaze at the Westhaven harbour on Sunday. "
    "“The fire is under control,” Chief Officer Maria Okafor said.\n\n"
    "About 40 firefighters were deployed and two warehouses burned down, the fire service said. "
    "Ms. Okafor denied that the port's sprinklers had failed.\n\n"
    "The port authority said the damage might reach 3 million euros."
)
FOLLOW_UP = (
    "Maria Okafor told reporters on Monday that the harbour fire was out. "
    "Okafor said investigators would inspect the warehouses."
)


def article(title: str, text: str, seq: int = 0) -> Article:
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        location=f"{title}.txt",
        location_kind="path",
        format="txt",
        seq=seq,
    )


def extract(extractor: Extractor, *articles: Article) -> list[Extraction]:
    segmentations = {a.id: segment(a.id, a.text) for a in articles}
    return list(extractor.extract(list(articles), segmentations))


def test_claims_carry_speaker_cue_stance_and_figures(extractor: Extractor) -> None:
    harbour = article("Harbour fire", HARBOUR)
    [found] = extract(extractor, harbour)
    assert found.article_id == harbour.id
    by_text = {c.text: c for c in found.claims}
    quote = next(c for t, c in by_text.items() if "under control" in t)
    assert (quote.speaker, quote.cue, quote.stance) == ("Maria Okafor", "said", "asserts")
    denial = next(c for t, c in by_text.items() if "sprinklers" in t)
    assert (denial.speaker, denial.stance) == ("Maria Okafor", "denies")
    counted = next(c for t, c in by_text.items() if "firefighters" in t)
    assert counted.speaker == "fire service"
    assert {(f.value, f.unit) for f in counted.figures} >= {
        (40.0, "firefighters"),
        (2.0, "warehouses"),
    }
    hedged = next(c for t, c in by_text.items() if "damage" in t)
    assert hedged.stance == "hedges"
    for claim in found.claims:
        assert harbour.text[claim.start : claim.end] == claim.text
        assert claim.article_id == harbour.id


def test_ids_are_deterministic_and_spans_point_into_the_text(extractor: Extractor) -> None:
    harbour = article("Harbour fire", HARBOUR)
    first = extract(extractor, harbour)[0]
    again = extract(extractor, harbour)[0]
    assert [c.id for c in first.claims] == [c.id for c in again.claims]
    assert len({c.id for c in first.claims}) == len(first.claims)
    for record in (*first.entities, *first.figures):
        assert 0 <= record.start < record.end <= len(harbour.text)


def test_names_are_consistent_across_the_articles_of_a_run(extractor: Extractor) -> None:
    found = extract(extractor, article("Harbour fire", HARBOUR), article("Follow-up", FOLLOW_UP, 1))
    speakers = {c.speaker for x in found for c in x.claims if c.speaker and "Okafor" in c.speaker}
    assert speakers == {"Maria Okafor"}
    people = {e.canonical for x in found for e in x.entities if e.label == "PERSON"}
    assert "Maria Okafor" in people and "Okafor" not in people


def test_an_empty_batch_and_an_empty_article(extractor: Extractor) -> None:
    assert list(extractor.extract([], {})) == []
    empty = article("Empty", "")
    [found] = list(extractor.extract([empty], {}))
    assert found == Extraction(empty.id, (), (), (), ())


def test_importing_newscheck_does_not_import_spacy() -> None:
    code = "import sys, newscheck, newscheck.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
