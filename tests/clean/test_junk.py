"""Page furniture rules: what goes, and the reporting that must stay."""

from __future__ import annotations

import pytest

from newscheck.clean.junk import line_kind, remove_junk, split_site_tag
from newscheck.model import Removed

REPORTING = (
    "The harbour board of Port Wendle voted on Monday to close the old ferry slip after "
    "inspectors found cracks in three of its concrete piles.",
    "Board chair Marit Ostvang said the closure would last at least eight months and that "
    "the morning ferry to Skarholm would use the cargo quay until then.",
    "Ferry operator Nordvik Lines said about 1,200 passengers a day use the crossing and "
    "asked the board to extend the cargo quay's opening hours.",
    "Repairs are expected to cost 2.4 million crowns, according to the board's budget "
    "paper, which was published on Friday.",
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Leave a Reply", None),  # a section heading: handled by remove_junk at the tail
        ("Your email address will not be published. Required fields are marked *", "comments"),
        ("Deine E-Mail-Adresse wird nicht veröffentlicht.", "comments"),
        ("12 Comments", "comments"),
        ("Comments (3)", "comments"),
        ("Name *", "comments"),
        ("Tags:", "tag"),
        ("Tags: ferry, Port Wendle, harbour board", "tag"),
        ("Schlagwörter: Fähre, Hafen", "tag"),
        ("Posted in Local News, Transport", "tag"),
        ("Share this:", "share"),
        ("Share on Facebook", "share"),
        ("Facebook Twitter WhatsApp E-Mail", "share"),
        ("Subscribe to our newsletter", "share"),
        ("Follow us on Mastodon and Bluesky", "share"),
        ("Harbour Courier Newsletter", "share"),
        ("Read more: Skarholm ferry timetable changes for the summer", "boilerplate"),
        ("Lesen Sie auch: Neue Fähre für Skarholm", "boilerplate"),
        ("Lea también: El puerto cierra el muelle", "boilerplate"),
        ("Click here to see the new timetable", "boilerplate"),
        ("Advertisement", "boilerplate"),
        ("ANZEIGE - Jetzt bestellen", "boilerplate"),
        ("Photo: Jonna Lindqvist / Wendle Courier", "boilerplate"),
        ("(Credit: Harbour Board)", "boilerplate"),
        ("Foto von Jonna Lindqvist", "boilerplate"),
        ("© 2031 The Wendle Courier", "boilerplate"),
        ("Copyright 2031 The Wendle Courier", "boilerplate"),
        ("Kontakt: presse@wendle.example", "boilerplate"),
        ("Letzte Änderung 14.02.2031", "boilerplate"),
        ("Weitere Infos unter www.wendle.example", "boilerplate"),
        ("Back to top", "boilerplate"),
        ("We use cookies to improve your experience on our site.", "boilerplate"),
        ("courier-wendle.example", "site_tag"),
        (">> Neue Fähre für Skarholm <<", "boilerplate"),
        ("| Tags: ferry |", "tag"),
        ("23.10.2031", "boilerplate"),
        ("2031-10-23 14:05", "boilerplate"),
        ("For the latest stories download our app for iOS and Android.", "share"),
    ],
)
def test_furniture_lines(line: str, kind: str | None) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        *REPORTING,
        "Tags on the crates showed they came from Skarholm, the inspectors said.",
        "Share prices of Nordvik Lines fell 4 percent after the announcement.",
        "Photographs released by the board show cracks in three piles.",
        "Copyright lawyers for the operator said the timetable could not be reprinted.",
        "Read the full report on the board's web site, the chair urged residents.",
        "Anzeige gegen den Bürgermeister erstattet, teilte die Polizei mit.",
        "Werbung für Fährfahrten ist in Wendle seit 2029 verboten.",
        "Source: the board said the slip was unsafe.",  # colon, but a whole sentence
        "Watch: the board said residents could follow the vote online.",
        "Posted in 2029, the notice warned of cracks in the piles.",
        "More information is expected from the board on Friday.",
        "Comments from residents were mostly critical, the chair said.",
        "No comment, said the operator's spokesman.",
        "Follow-up inspections are planned for June.",
        "Mira: Die Fähre fährt wieder.",
        "Published in 2029, the study found cracks in most piles.",
        '"Leave a reply on the form," the clerk told residents.',
        "Home owners near the pier were asked to stay away.",
        "23.10.2031 was the day the slip closed.",
        "On 23.10.2031 the board met again.",
    ],
)
def test_reporting_is_never_furniture(sentence: str) -> None:
    assert line_kind(sentence) is None


def test_comment_section_at_the_end_is_removed_to_the_end() -> None:
    paragraphs = [
        *REPORTING,
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "I took that ferry every day for years and the slip was always shaky.",
        "Post Comment",
    ]
    kept, removed = remove_junk(paragraphs)
    assert kept == list(REPORTING)
    assert [r.kind for r in removed] == ["comments"] * 4
    assert removed[0] == Removed("comments", "Leave a Reply")


def test_comment_count_near_the_top_removes_only_itself() -> None:
    paragraphs = ["3 Comments", *REPORTING]
    kept, removed = remove_junk(paragraphs)
    assert kept == list(REPORTING)
    assert removed == [Removed("comments", "3 Comments")]


def test_comments_heading_before_most_of_the_text_does_not_truncate() -> None:
    paragraphs = [REPORTING[0], "Comments", *REPORTING[1:]]
    kept, _ = remove_junk(paragraphs)
    assert kept[-3:] == list(REPORTING[1:])


def test_related_block_at_the_end_takes_its_link_lines() -> None:
    paragraphs = [
        *REPORTING,
        "Related articles",
        "Skarholm ferry timetable changes for the summer",
        "Harbour board elects a new chair",
        "The chair said she would publish the inspectors' full report next week, once the "
        "operator had been able to read it and comment on the proposed timetable.",
    ]
    kept, removed = remove_junk(paragraphs)
    assert kept == [*REPORTING, paragraphs[-1]]
    assert [r.text for r in removed] == paragraphs[4 : 6 + 1]
    assert {r.kind for r in removed} == {"boilerplate"}


@pytest.mark.parametrize(
    "heading", ["Related articles", "Mehr zum Thema auf wendle.example", "Weiterlesen:"]
)
def test_related_heading_anywhere_is_removed(heading: str) -> None:
    kept, removed = remove_junk([REPORTING[0], heading, *REPORTING[1:]])
    assert kept == list(REPORTING)
    assert removed == [Removed("boilerplate", heading)]


def test_site_tag_glued_to_the_first_words() -> None:
    assert split_site_tag("· novinite.comRussian President Putin visited Kursk.") == (
        "· novinite.com",
        "Russian President Putin visited Kursk.",
    )
    assert split_site_tag("| wendle.example | The board voted on Monday.") == (
        "| wendle.example |",
        "The board voted on Monday.",
    )
    assert split_site_tag("wendle.exampleThe board voted.") == (
        "wendle.example",
        "The board voted.",
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "Novinite.com reported that the board voted on Monday.",
        "The U.S.Army said nothing.",
        "wendle.example is the council's web site.",
        "· A list item that is not a site tag",
    ],
)
def test_no_site_tag(paragraph: str) -> None:
    assert split_site_tag(paragraph) == ("", paragraph)


def test_remove_junk_keeps_order_and_reports_pieces() -> None:
    paragraphs = [
        "· wendle.exampleThe harbour board of Port Wendle voted on Monday to close the slip.",
        "Advertisement",
        *REPORTING[1:],
        "Tags: ferry, harbour",
    ]
    kept, removed = remove_junk(paragraphs)
    assert kept == [
        "The harbour board of Port Wendle voted on Monday to close the slip.",
        *REPORTING[1:],
    ]
    assert removed == [
        Removed("site_tag", "· wendle.example"),
        Removed("boilerplate", "Advertisement"),
        Removed("tag", "Tags: ferry, harbour"),
    ]
