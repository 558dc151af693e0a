from math import sqrt

import numpy as np
import pytest

from newscheck.stories import ClusterConfig, KeyExtractor, Weigher
from newscheck.stories.weigher import Channel, member_key_ids
from newscheck.stories.weighting import DocumentFrequencies

from .fictional import election, flood


def _keys():
    extract = KeyExtractor()
    return [extract(a) for a in [*flood(), *election()]]


def _ids(weigher: Weigher, channel: Channel, keys: list[str]) -> list[int]:
    df = weigher.frequencies
    return member_key_ids(df.slots(keys), channel).tolist()


def test_member_vector_is_the_scaled_channels_by_key_id():
    config = ClusterConfig(name_weight=0.4, figure_weight=0.25)
    weigher = Weigher(config)
    members = [weigher(k) for k in _keys()]
    keys, member = _keys()[-1], members[-1]
    df = weigher.frequencies
    expected: dict[int, float] = {}
    for channel, counts, limit, weight in (
        (Channel.TERM, keys.terms, config.vector_terms, config.term_weight),
        (Channel.NAME, keys.names, config.vector_names, config.name_weight),
        (Channel.FIGURE, keys.figures, config.vector_figures, config.figure_weight),
    ):
        vector = df.weigh(counts, limit)
        ids = _ids(weigher, channel, list(vector))
        expected.update(zip(ids, (sqrt(weight) * w for w in vector.values()), strict=True))
    got = dict(zip(member.vector.ids.tolist(), member.vector.weights.tolist(), strict=True))
    assert got == pytest.approx(expected)
    assert list(got) == list(expected)  # terms, names, figures, each heaviest first


def test_retrieval_takes_the_heaviest_names_then_terms():
    config = ClusterConfig(retrieval_keys=6)
    weigher = Weigher(config)
    keys = _keys()[0]
    member = weigher(keys)
    names = list(weigher.frequencies.weigh(keys.names))[:3]
    terms = list(weigher.frequencies.weigh(keys.terms))[: 6 - len(names)]
    expected = _ids(weigher, Channel.NAME, names) + _ids(weigher, Channel.TERM, terms)
    assert member.retrieval.ids.tolist() == expected
    assert len(member.title_terms) <= 12
    assert member.title_terms.ids.tolist() == member.vector.ids[: len(member.title_terms)].tolist()


def test_a_channel_weighed_zero_is_left_out_of_the_vector():
    weigher = Weigher(ClusterConfig(name_weight=0.0))
    member = weigher(_keys()[0])
    names = set(_ids(weigher, Channel.NAME, list(_keys()[0].names)))
    assert names and not names & set(member.vector.ids.tolist())
    assert np.all(member.vector.weights != 0.0)


def test_given_frequencies_are_not_counted_again():
    df = DocumentFrequencies()
    for keys in _keys():
        df.add(keys.terms)
    weigher = Weigher(ClusterConfig(), df)
    weigher(_keys()[0])
    assert df.documents == len(_keys())


def test_many_at_once_gives_the_members_of_one_at_a_time():
    from dataclasses import replace

    rng = np.random.default_rng(5)
    keys = _keys() * 2  # repeated articles: frequencies grow within the batch
    # Some with embeddings: their buckets are retrieval keys too.
    keys = [
        replace(k, embedding=rng.standard_normal(16).astype(np.float32)) if i % 3 == 0 else k
        for i, k in enumerate(keys)
    ]
    one, many = Weigher(ClusterConfig()), Weigher(ClusterConfig())
    singles = [one(k) for k in keys]
    together = list(many.many(keys).members())
    assert len(together) == len(singles)
    for a, b in zip(singles, together, strict=True):
        for part in ("vector", "title_terms", "retrieval"):
            assert np.array_equal(getattr(a, part).ids, getattr(b, part).ids)
            assert getattr(a, part).weights.tobytes() == getattr(b, part).weights.tobytes()
    assert one.frequencies.documents == many.frequencies.documents == len(keys)
