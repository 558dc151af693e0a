from newscheck.stories.vocabulary import Channel, KeyVocabulary


def test_ids_are_stable_and_channels_are_apart():
    vocabulary = KeyVocabulary()
    first = vocabulary.ids(Channel.TERM, ["flood", "tarnow"]).tolist()
    assert first == [1, 2]
    assert vocabulary.ids(Channel.TERM, ["tarnow", "flood"]).tolist() == [2, 1]
    # A name spelled like a term is another key.
    assert vocabulary.ids(Channel.NAME, ["tarnow"]).tolist() == [3]
    assert len(vocabulary) == 3 and vocabulary.issued == 3


def test_a_key_twice_in_one_call_gets_one_id():
    vocabulary = KeyVocabulary()
    assert vocabulary.ids(Channel.FIGURE, ["340", "340", "12"]).tolist() == [1, 1, 2]


def test_memory_is_bounded_and_ids_are_never_given_again():
    vocabulary = KeyVocabulary(max_keys=10)
    given = [vocabulary.ids(Channel.TERM, [f"k{i}"]).item() for i in range(25)]
    assert len(vocabulary) <= 10
    again = vocabulary.ids(Channel.TERM, ["k0"]).item()
    assert again not in given  # forgotten, then met again: a new id
    assert len(set(given)) == 25


def test_no_keys_no_ids():
    assert KeyVocabulary().ids(Channel.TERM, []).tolist() == []
