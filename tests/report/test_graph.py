from newscheck.report.graph import BOX_H, layout


def test_layout_puts_families_in_columns_and_draws_origin_to_derived() -> None:
    families = [
        {"origin": "a", "article_ids": ["a", "b", "c"]},
        {"origin": "d", "article_ids": ["d"]},
    ]
    links = [
        {"origin": "a", "derived": "b", "relation": "copy"},
        {"origin": "a", "derived": "c", "relation": "rewrite"},
        {"origin": "x", "derived": "d", "relation": "copy"},  # unknown article: not drawn
    ]
    graph = layout(families, links, str.upper)
    nodes = {n.article_id: n for n in graph.nodes}
    assert nodes["a"].x == nodes["b"].x < nodes["d"].x
    assert nodes["a"].y < nodes["b"].y < nodes["c"].y
    assert nodes["a"].label == "A"
    assert len(graph.edges) == 2
    first = graph.edges[0]
    assert first.y1 == nodes["a"].y + BOX_H and first.y2 == nodes["b"].y
    assert graph.width > nodes["d"].x and graph.height > nodes["c"].y
