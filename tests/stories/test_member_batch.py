import pickle

import numpy as np

from newscheck.stories import ClusterConfig, KeyExtractor, StoryClusterer, Weigher
from newscheck.stories.member_batch import MemberBatch

from .fictional import election, flood, partition


def _members(embed: set[int] = frozenset()):
    config = ClusterConfig()
    extract, weigh = KeyExtractor(lead_chars=config.lead_chars), Weigher(config)
    rng = np.random.default_rng(3)
    out = []
    for i, article in enumerate([*flood(), *election(start=0.5)]):
        embedding = rng.standard_normal(8).astype(np.float32) if i in embed else None
        out.append(weigh(extract(article, embedding)))
    return out


def _same(a, b) -> bool:
    arrays = ("vector", "title_terms", "retrieval")
    plain = ("article_id", "title", "published", "seq")
    return all(getattr(a, f) == getattr(b, f) for f in plain) and all(
        np.array_equal(getattr(a, f).ids, getattr(b, f).ids)
        and np.array_equal(getattr(a, f).weights, getattr(b, f).weights)
        for f in arrays
    )


def test_members_come_back_as_they_went_in_through_pickle():
    members = _members(embed={1, 4})
    batch = pickle.loads(pickle.dumps(MemberBatch.pack(members)))
    back = list(batch.members())
    assert len(batch) == len(back) == len(members)
    assert all(_same(a, b) for a, b in zip(members, back, strict=True))
    for a, b in zip(members, back, strict=True):
        if a.embedding is None:
            assert b.embedding is None
        else:
            assert b.embedding is not None and np.array_equal(a.embedding, b.embedding)


def test_without_embeddings_and_empty():
    batch = MemberBatch.pack(_members())
    assert batch.embeddings is None
    assert all(m.embedding is None for m in batch.members())
    assert list(MemberBatch.pack([]).members()) == []


def test_kept_title_terms_do_not_hold_the_batch():
    (member,) = list(MemberBatch.pack(_members()[:1]).members())
    assert member.title_terms.ids.base is None and member.title_terms.weights.base is None


def test_clustering_packed_members_gives_the_same_stories():
    direct, packed = StoryClusterer(), StoryClusterer()
    members = _members()
    for member in members:
        direct.add_member(member)
    for member in MemberBatch.pack(members).members():
        packed.add_member(member)
    stories = direct.finish()
    assert partition(packed.finish()) == partition(stories)
    assert len(stories) == 2
