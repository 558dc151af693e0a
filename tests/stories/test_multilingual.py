from newscheck.stories import cluster_stories

from .fictional import at, make_article, partition

# Fictional reports in Chinese (a flood in the invented town of Tarnow) and in Malay.
ZH = [
    (
        "塔尔诺洪水：340户居民被疏散",
        "瓦萨河周日在塔尔诺决堤，州长玛伦·霍尔特说，340户居民被疏散，救援人员乘船救出东岸的家庭。",
    ),
    (
        "瓦萨河洪水淹没塔尔诺东岸",
        "州长玛伦·霍尔特表示，瓦萨河洪水淹没塔尔诺东岸，340户居民被疏散，河水六小时内上涨2.4米。",
    ),
    (
        "布莱特莫尔市长选举结果揭晓",
        "伊尔莎·多恩以52%的选票赢得布莱特莫尔市长选举，对手安东·布雷希特承认落败。",
    ),
]
MS = [
    (
        "Banjir Vessa: 340 rumah dikosongkan di Tarnow",
        "Sungai Vessa melimpah di Tarnow dan 340 rumah dikosongkan, kata gabenor Maren Holt. "
        "Bot digunakan untuk menyelamatkan penduduk.",
    ),
    (
        "Penduduk Tarnow dipindahkan selepas banjir Vessa",
        "Gabenor Maren Holt berkata 340 rumah di Tarnow dikosongkan apabila air Sungai Vessa "
        "naik 2.4 meter.",
    ),
    (
        "Ilse Dorn menang pilihan raya Brightmoor",
        "Ilse Dorn memenangi pilihan raya datuk bandar Brightmoor dengan 52 peratus undi, "
        "manakala Anton Brecht mengaku kalah.",
    ),
]


def _articles(records: list[tuple[str, str]]) -> list:
    return [make_article(t, x, published=at(0.1 * i), seq=i) for i, (t, x) in enumerate(records)]


def test_chinese_reports_of_one_event_group_by_character_bigrams():
    articles = _articles(ZH)
    assert partition(cluster_stories(articles, [])) == {
        frozenset({articles[0].id, articles[1].id}),
        frozenset({articles[2].id}),
    }


def test_malay_reports_group_by_names_and_terms():
    articles = _articles(MS)
    assert partition(cluster_stories(articles, [])) == {
        frozenset({articles[0].id, articles[1].id}),
        frozenset({articles[2].id}),
    }
