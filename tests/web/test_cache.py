from newscheck.web.cache import PageCache, Rendered


def page(size: int) -> Rendered:
    return Rendered(200, b"x" * size, "text/html", '"e"')


def test_least_recently_used_pages_leave_first() -> None:
    cache = PageCache(max_bytes=400)
    cache.put("a", page(100))
    cache.put("b", page(100))
    cache.put("c", page(100))
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("d", page(100))
    cache.put("e", page(100))
    assert cache.get("b") is None and cache.get("a") is not None
    assert len(cache) == 4


def test_a_page_too_big_for_the_cache_is_not_kept() -> None:
    cache = PageCache(max_bytes=400)
    cache.put("small", page(10))
    cache.put("huge", page(300))
    assert cache.get("huge") is None and cache.get("small") is not None
