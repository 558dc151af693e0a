"""The reference for ``link_copies.py``: the same copy detection done the plain datasketch way.

    python bench/link_reference.py [--quick]     # times it on a few generated articles

Word 5-gram shingles as Python strings, one ``MinHash`` per article updated shingle by shingle (or
``MinHash.bulk`` with xxhash), ``MinHashLSH`` insert and query, then exact Jaccard / containment on
the Python sets, with the same thresholds as our path.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Sequence

from newscheck.link.copies import CopyParams


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _word_shingles(text: str, words: int) -> set[str]:
    tokens = text.lower().split()
    return {" ".join(tokens[i : i + words]) for i in range(max(1, len(tokens) - words + 1))}


def _exact_accept(a: set[str], b: set[str], params: CopyParams) -> bool:
    shared = len(a & b)
    union = len(a) + len(b) - shared
    jaccard = shared / union if union else 0.0
    contained = shared / min(len(a), len(b)) if a and b else 0.0
    return jaccard >= params.thresholds.jaccard or contained >= params.thresholds.containment


def datasketch_way(
    texts: Sequence[str], params: CopyParams, bulk: bool
) -> tuple[float, int, float]:
    """The plain (or bulk + xxhash) datasketch way: CPU seconds, verified pairs, peak MiB."""
    import xxhash
    from datasketch import MinHash, MinHashLSH

    perms = params.minhash.bins
    start = time.process_time()
    sets = [_word_shingles(t, params.words) for t in texts]
    if bulk:
        encoded = [[s.encode("utf8") for s in sh] for sh in sets]
        hashes = MinHash.bulk(encoded, num_perm=perms, hashfunc=xxhash.xxh32_intdigest)
    else:
        hashes = []
        for sh in sets:
            m = MinHash(num_perm=perms)
            for s in sh:
                m.update(s.encode("utf8"))
            hashes.append(m)
    lsh = MinHashLSH(threshold=0.3, num_perm=perms)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    pairs = {(min(i, j), max(i, j)) for i, m in enumerate(hashes) for j in lsh.query(m) if j != i}
    verified = sum(1 for a, b in pairs if _exact_accept(sets[a], sets[b], params))
    return time.process_time() - start, verified, peak_rss_mib()


def main() -> None:
    from link_synthetic import SyntheticCorpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 200 if args.quick else 2_000
    texts = SyntheticCorpus(n).texts(0, n)
    for bulk in (False, True):
        seconds, verified, peak = datasketch_way(texts, CopyParams(), bulk)
        name = "bulk+xxhash" if bulk else "plain"
        print(f"datasketch {name}: {n / seconds:,.0f} articles per CPU-second, {verified} verified")


if __name__ == "__main__":
    main()
