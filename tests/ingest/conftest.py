"""Fixtures for the ingest tests: a fictional article, rendered in every input format."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newscheck.settings import Settings


@dataclass(frozen=True)
class FictionalArticle:
    """One small made-up article, rendered in every input format the readers take."""

    title: str
    paragraphs: tuple[str, ...]
    url: str = "https://www.harbourgazette.example/2031/05/lighthouse-fund"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def as_txt(self) -> str:
        return f"{self.title}\n\n{self.text}\n"

    def as_html(self) -> str:
        body = "".join(f"<p>{p}</p>\n" for p in self.paragraphs)
        return (
            "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<title>{self.title}</title></head>\n<body><article>\n{body}</article></body></html>\n"
        )


LIGHTHOUSE = FictionalArticle(
    title="Gullstone council votes to restore the old lighthouse",
    paragraphs=(
        "The Gullstone town council voted seven to two on Tuesday to restore the old lighthouse "
        "on the north pier, which has stood dark since a storm damaged its lantern room.",
        "Mayor Edda Varne said the repairs would cost about 340,000 crowns and would be paid "
        "from the harbour fund, not from the school budget as some residents had feared.",
        "The harbour master, Tomas Bekk, said work could start in the spring once the winter "
        "gales had passed, and that fishing boats would be warned of the scaffolding.",
        "Two councillors voted against, saying the town should first repair the ferry ramp, "
        "which has been closed to lorries since March.",
    ),
)


@pytest.fixture
def article() -> FictionalArticle:
    return LIGHTHOUSE


@pytest.fixture
def settings() -> Settings:
    return Settings()
