from collections.abc import Sequence

import numpy as np

from newscheck.stories import cluster_stories
from newscheck.stories.embedding import embed_leads, lead_text

from .fictional import at, make_article


class TopicEmbedder:
    """A stand-in for a sentence model: texts about water map to one direction, texts about
    votes to another (an external model is not what these tests are about)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = []
        for text in texts:
            water = any(w in text.lower() for w in ("flood", "river", "rain", "water"))
            rows.append([1.0, 0.0] if water else [0.0, 1.0])
        return np.asarray(rows, dtype=np.float32)


def test_lead_text_is_title_and_first_characters():
    article = make_article("Title here", "word " * 200)
    lead = lead_text(article, 50)
    assert lead.startswith("Title here word")
    assert len(lead) < 70


def test_embed_leads_encodes_each_article_once_in_batches():
    embedder = TopicEmbedder()
    articles = [make_article(f"Flood {i}", "River rose.") for i in range(300)]
    vectors = embed_leads(embedder, articles + articles[:5])
    assert len(vectors) == 300 and len(embedder.seen) == 300


def test_embedder_joins_paraphrases_with_no_words_in_common():
    a = make_article("River bursts banks", "Torrents swept Kelmo.", published=at(0), seq=0)
    b = make_article("Flood swamps village", "Water covered Dranst.", published=at(0.1), seq=1)
    assert len(cluster_stories([a, b], [])) == 2
    assert len(cluster_stories([a, b], [], embedder=TopicEmbedder())) == 1
