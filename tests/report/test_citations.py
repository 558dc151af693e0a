from newscheck.report.citations import cited_sentence, content_words, sentence_at

from .views import article

TEXT = "The ferry left Ostrany at dawn. Nine lanterns were lit on the pier. The mayor spoke."
SENTENCES = [[0, 31, 0], [32, 67, 0], [68, 84, 1]]


def test_cites_the_sentence_sharing_most_content_words() -> None:
    a = article("a", TEXT, SENTENCES)
    assert cited_sentence("Nine lanterns burned on the Ostrany pier.", a) == 1
    assert cited_sentence("A ferry left at dawn.", a) == 0


def test_no_shared_word_cites_the_whole_article() -> None:
    a = article("a", TEXT, SENTENCES)
    assert cited_sentence("Completely unrelated words here.", a) is None
    assert cited_sentence("the and of", a) is None  # stop words only


def test_content_words_ignore_case_and_stop_words() -> None:
    assert content_words("The Ferry and THE ferry") == {"ferry"}


def test_sentence_at_offsets() -> None:
    assert sentence_at(SENTENCES, 0) == 0
    assert sentence_at(SENTENCES, 40) == 1
    assert sentence_at(SENTENCES, 31) is None  # the space between sentences
    assert sentence_at(SENTENCES, 500) is None
