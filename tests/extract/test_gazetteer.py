from __future__ import annotations

from newscheck.extract.gazetteer import Gazetteer, place_key


def test_place_keys_fold_spelling_variants() -> None:
    assert place_key("Kryvyy Rih") == place_key("Kryvyi Rih") == place_key("KRYVYI  RIH")
    assert place_key("Zaporizhzhya") == place_key("Zaporizhzhia")
    assert place_key("São Paulo") == "sao paulo"


def test_gazetteer_keeps_the_largest_population_per_name() -> None:
    gazetteer = Gazetteer.from_names([("Springfield", 100), ("Springfield", 5000), ("Ashby", 7)])
    assert gazetteer.population("springfield") == 5000
    assert "Ashby" in gazetteer
    assert "Nowhere" not in gazetteer


def test_the_bundled_gazetteer_knows_small_towns(gazetteer: Gazetteer) -> None:
    assert "Sudzha" in gazetteer
    assert "Kryvyi Rih" in gazetteer
    assert (gazetteer.population("Sumy") or 0) > 100_000
    assert "Ukraine" in gazetteer
