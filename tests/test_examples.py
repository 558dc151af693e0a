"""Sanity checks of the bundled example corpus against its answer key, harbour-fire.expected.md.

The corpus is our own fixture for later features (linking, stories, extraction, cross-checking),
so these tests check that what harbour-fire.expected.md promises is really planted in the files.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "harbour-fire"
EXPECTED = CORPUS.parent / "harbour-fire.expected.md"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"

ARTICLE_SUFFIXES = {".txt", ".html", ".jsonl"}
SNIPPET_LINE = re.compile(r"^- (?:(only|twice|junk|absent) )?`([^`]+)`: (.+)$")
NAME_LINE = re.compile(r"^- (event|unrelated) (PERSON|ORG|PLACE): (.+)$")
TABLE_ROW = re.compile(r"^\| (\w+) \| `([^`]+)` \| [^|]+ \| ([^|]+) \| (\S+) \| [^|]+ \|$")
WORD = re.compile(r"\w+")
# A capitalised word that follows a lower-case word or a comma: a name, not a sentence start.
NAME_WORD = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]+")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = "January February March April May June July August September October November December"
CALENDAR_WORDS = {*WEEKDAYS, *MONTHS.split()}
LOADED_WORDS = ("shocking", "reckless", "rightful")


# --------------------------------------------------------------------------- reading the corpus


class _StoryBodyText(HTMLParser):
    """Text of the <h1> and of the <p> elements of the page's story body, asides left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._in_body = 0
        self._in_aside = 0
        self._in_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "story-body") in attrs:
            self._in_body = 1
        elif tag == "div" and self._in_body:
            self._in_body += 1
        elif tag == "aside":
            self._in_aside += 1
        elif tag == "h1" or (tag == "p" and self._in_body and not self._in_aside):
            self._in_text = True
            self.parts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_body:
            self._in_body -= 1
        elif tag == "aside":
            self._in_aside -= 1
        elif tag in ("h1", "p"):
            self._in_text = False

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.parts[-1] += data


def html_main_text(page: str) -> str:
    parser = _StoryBodyText()
    parser.feed(page)
    return "\n\n".join(part.strip() for part in parser.parts)


def read_raw() -> dict[str, str]:
    """Every article as written: a file's text, or a record's ``title + blank line + text``."""
    raw: dict[str, str] = {}
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                raw[f"{path.name}#{record['id']}"] = record["title"] + "\n\n" + record["text"]
        elif path.suffix in ARTICLE_SUFFIXES:
            raw[path.name] = path.read_text(encoding="utf-8")
    return raw


def body_text(key: str, raw: str) -> str:
    """The article's prose without its title line (HTML: the story body only)."""
    if key.endswith(".html"):
        return html_main_text(raw)
    return raw.strip().split("\n", 1)[1].strip()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def fold(text: str) -> str:
    return text.replace("’", "'")


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def name_words(text: str) -> set[str]:
    return {fold(w) for w in NAME_WORD.findall(text)} - CALENDAR_WORDS


RAW = read_raw()
EXPECTED_LINES = EXPECTED.read_text(encoding="utf-8").splitlines()
SNIPPETS = [m.groups() for line in EXPECTED_LINES if (m := SNIPPET_LINE.match(line))]
NAMES = [m.groups() for line in EXPECTED_LINES if (m := NAME_LINE.match(line))]
TABLE = {
    m[1]: (m[2], m[3].strip(), m[4]) for line in EXPECTED_LINES if (m := TABLE_ROW.match(line))
}
KEY = {key: file for key, (file, _, _) in TABLE.items()}
UNRELATED = KEY["U"]
EVENT = [file for key, file in KEY.items() if key != "U"]


# --------------------------------------------------------------------------- files and layout


def test_every_file_is_clean_utf8_text() -> None:
    for path in sorted(CORPUS.iterdir()):
        data = path.read_bytes()
        text = data.decode("utf-8")  # raises on a bad byte
        assert not data.startswith(b"\xef\xbb\xbf"), path.name
        assert text.endswith("\n"), path.name
        bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or c in "\ufeff\u200b\x7f"]
        assert not bad, (path.name, bad)


def test_the_table_lists_every_article_once() -> None:
    assert sorted(KEY.values()) == sorted(RAW)
    assert 8 <= len(RAW) <= 10


@pytest.mark.parametrize("key", sorted(RAW))
def test_article_length_is_in_range(key: str) -> None:
    words = len(body_text(key, RAW[key]).split())
    assert 250 <= words <= 600, (key, words)


@pytest.mark.parametrize("key", sorted(k for k in RAW if k.endswith(".txt")))
def test_txt_files_have_a_title_line_then_paragraphs(key: str) -> None:
    lines = RAW[key].split("\n")
    assert lines[0].strip() and len(lines[0]) < 200 and lines[1] == ""
    assert len(paragraphs(body_text(key, RAW[key]))) >= 6


def test_html_page_carries_metadata_and_boilerplate() -> None:
    (page_name,) = [k for k in RAW if k.endswith(".html")]
    page = RAW[page_name]
    for marker in ("<title>", 'property="og:site_name"', 'rel="canonical"', "<nav", "<footer"):
        assert marker in page, marker
    assert "<form" in page and "comment" in page.lower()
    published = re.search(r'"article:published_time" content="([^"]+)"', page)
    assert published and published[1] == TABLE["C"][2]
    assert html_main_text(page).startswith("Explosion at Velmouth port injures 12")


def test_jsonl_records_have_the_contract_fields() -> None:
    (feed,) = CORPUS.glob("*.jsonl")
    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert 1 <= len(records) <= 2
    for record in records:
        assert set(record) == {"title", "text", "id", "url", "source", "published"}
        assert record["url"].startswith("https://") and ".example/" in record["url"]
        key = next(k for k, (file, _, _) in TABLE.items() if file.endswith("#" + record["id"]))
        assert datetime.fromisoformat(record["published"]) == datetime.fromisoformat(TABLE[key][2])


def test_dates_lie_within_two_days() -> None:
    dates = [datetime.fromisoformat(published) for _, _, published in TABLE.values()]
    assert (max(dates) - min(dates)).total_seconds() <= 2 * 86400
    assert datetime.fromisoformat(TABLE["W"][2]) < datetime.fromisoformat(TABLE["W2"][2])
    assert datetime.fromisoformat(TABLE["A"][2]) < datetime.fromisoformat(TABLE["R"][2])


# --------------------------------------------------------------------------- the answer key


def test_the_key_uses_every_kind_of_check() -> None:
    kinds = [kind for kind, _, _ in SNIPPETS]
    assert len(SNIPPETS) >= 80
    for kind in (None, "only", "twice", "junk", "absent"):
        assert kind in kinds, kind
    assert {file.split("#")[0] for _, file, _ in SNIPPETS} == {f.split("#")[0] for f in RAW}


@pytest.mark.parametrize(("kind", "file", "text"), SNIPPETS, ids=lambda v: str(v)[:40])
def test_planted_text_is_where_the_key_says(kind: str | None, file: str, text: str) -> None:
    assert file in RAW, f"harbour-fire.expected.md names {file}, which is not an article"
    count = RAW[file].count(text)
    if kind == "absent":
        assert count == 0
    elif kind == "twice":
        assert count == 2
    else:
        assert count >= 1
    if kind == "only":
        assert [k for k, raw in RAW.items() if text in raw] == [file]


def test_names_belong_to_their_side_only() -> None:
    assert len(NAMES) >= 20
    unrelated = fold(RAW[UNRELATED])
    for side, _, name in NAMES:
        in_event = [f for f in EVENT if name in fold(RAW[f])]
        if side == "event":
            assert in_event and name not in unrelated, name
        else:
            assert name in unrelated and not in_event, (name, in_event)


# --------------------------------------------------------------------------- planted relations


def test_near_copy_shares_most_of_its_text_with_the_wire() -> None:
    wire, copy = body_text(KEY["W"], RAW[KEY["W"]]), body_text(KEY["W2"], RAW[KEY["W2"]])
    ratio = difflib.SequenceMatcher(None, wire, copy, autojunk=False).ratio()
    assert 0.8 < ratio < 1.0, ratio
    assert paragraphs(wire)[0] != paragraphs(copy)[1]  # the first sentence was changed
    assert RAW[KEY["W"]].splitlines()[0] != RAW[KEY["W2"]].splitlines()[0]


def test_rewrite_shares_little_wording_with_its_origin() -> None:
    origin, rewrite = body_text(KEY["A"], RAW[KEY["A"]]), body_text(KEY["R"], RAW[KEY["R"]])
    rewrite = rewrite.split("Leave a Reply")[0]
    common = shingles(origin) & shingles(rewrite)
    assert len(common) / len(shingles(rewrite)) < 0.05, sorted(common)
    ratio = difflib.SequenceMatcher(None, origin.split(), rewrite.split(), autojunk=False).ratio()
    assert ratio < 0.35, ratio


def test_rewrite_carries_the_same_facts_as_its_origin() -> None:
    origin, rewrite = RAW[KEY["A"]], RAW[KEY["R"]]
    numbers = set(re.findall(r"\d+(?:\.\d+)?", origin))
    assert len(numbers & set(re.findall(r"\d+(?:\.\d+)?", rewrite))) >= 0.8 * len(numbers)
    names = name_words(origin) - {"Tags", "Courier", "Courier's", "Nadia", "Ferrante"}
    shared = names & name_words(rewrite)
    assert len(shared) >= 0.7 * len(names), sorted(names - shared)
    others = [KEY[k] for k in ("B", "C", "W", "D")]
    only_in_origin = {n for n in names if not any(n in RAW[f] for f in others)}
    assert {"Rusu", "Warehouse"} <= only_in_origin & shared  # details only A reports


def test_only_the_rewrite_uses_loaded_words() -> None:
    for key, raw in RAW.items():
        opening = "\n".join(paragraphs(raw)[:2]).lower()
        loaded = [w for w in LOADED_WORDS if w in raw.lower()]
        if key == KEY["R"]:
            assert all(w in opening for w in LOADED_WORDS)
        else:
            assert not loaded, (key, loaded)


def test_only_the_rewrite_repeats_a_paragraph() -> None:
    repeated = {}
    for key, raw in RAW.items():
        paras = paragraphs(body_text(key, raw))
        repeated[key] = {p for p in paras if paras.count(p) > 1 and len(p) > 80}
    assert len(repeated.pop(KEY["R"])) == 1
    assert not any(repeated.values()), repeated


def test_courier_repeats_its_headline_at_the_top_of_the_body() -> None:
    raw = RAW[KEY["A"]]
    assert paragraphs(raw)[0] == paragraphs(raw)[1]


def test_unrelated_article_shares_no_names_with_the_event() -> None:
    event_names = set().union(*(name_words(RAW[f]) for f in EVENT))
    unrelated_names = name_words(RAW[UNRELATED])
    assert len(unrelated_names) >= 8
    assert not unrelated_names & event_names, sorted(unrelated_names & event_names)


def test_figures_disagree_on_the_injured_and_agree_on_firefighters() -> None:
    injured = re.compile(
        r"(?:injur\w+ (\d+) people)|(?:(\d+|Twelve) (?:people|residents and workers) (?:were )?"
        r"(?:injured|hurt))"
    )
    counts = {
        k: {(a or b).replace("Twelve", "12") for a, b in injured.findall(RAW[k])} for k in EVENT
    }
    assert counts[KEY["B"]] == {"15"}
    assert all(counts[KEY[k]] == {"12"} for k in ("A", "C", "W", "W2", "R"))
    firefighters = [k for k in EVENT if re.search(r"\b40 firefighters\b", RAW[k])]
    assert {KEY[k] for k in ("A", "B", "C", "W")} <= set(firefighters)


# --------------------------------------------------------------------------- hostile fixtures


def _load_make_hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_hostile", HOSTILE.parent / "make_hostile.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_hostile_fixtures_are_present(tmp_path: Path) -> None:
    listed = re.findall(
        r"^\| `([^`]+)` \|", (HOSTILE / "README.md").read_text(encoding="utf-8"), re.M
    )
    assert len(listed) >= 12
    assert sorted(listed) == sorted(p.name for p in HOSTILE.iterdir() if p.name != "README.md")
    written = _load_make_hostile().write_all(tmp_path, small=True)
    assert len(written) >= 7
    assert all(path.is_file() and path.stat().st_size > 0 for path in written.values())
