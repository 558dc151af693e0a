"""Word classes of reported speech and thought, written by hand (general English, not taken from
any corpus). The cue model reads a candidate's class as a feature, so that a rare verb of a known
class ("refuted", "rebuffed") is scored like the common ones; stance reads the classes too."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists stay readable in the source)."""
    return frozenset(text.split())


CUE_CLASSES: dict[str, frozenset[str]] = {
    "speech": words(
        """
        say tell add state declare announce report write tweet post note remark comment
        explain describe mention reply respond answer retort counter recall recount
        reiterate repeat stress emphasize emphasise underline insist maintain assert
        contend argue claim allege charge complain boast brag joke quip muse observe
        testify confirm acknowledge admit concede reveal disclose divulge indicate
        signal hint imply suggest point caution warn threaten promise pledge vow swear
        urge demand ask question wonder inquire query plead appeal call order instruct
        advise recommend propose predict forecast estimate calculate conclude find show
        publish broadcast proclaim shout yell scream whisper mutter cry chant email text
        write pen blog inform notify brief assure reassure remind announce
        """
    ),
    "denial": words(
        """
        deny refute reject dismiss dispute rebuff contradict disavow debunk rebut
        repudiate disprove discount downplay disown renounce
        """
    ),
    "judgement": words(
        """
        criticize criticise praise condemn slam blast denounce decry mock attack accuse
        blame fault laud hail applaud commend welcome congratulate thank lambaste berate
        rebuke scold chide ridicule deride belittle disparage label brand dub call
        chastise castigate grill lash scorn assail excoriate paint portray cast depict
        characterize characterise liken compare tout champion celebrate honor honour
        salute endorse defend vilify demonize demonise smear shame insult lampoon
        """
    ),
    "discourse": words(
        """
        discuss address debate detail describe outline cite reference mention highlight
        raise question challenge investigate examine probe scrutinize document profile
        illustrate present unveil propose tout push pitch echo invoke recount chronicle
        summarize summarise review rate rank grade poll survey interview quiz query
        lecture preach sing tweet retweet blog post email text message broadcast air
        """
    ),
    "belief": words(
        """
        think believe feel know suspect doubt assume presume guess reckon consider
        regard view see expect anticipate fear worry hope wish trust understand realize
        realise recognize recognise remember forget imagine suppose conclude deem
        judge figure speculate wager bet sense notice envision envisage foresee
        """
    ),
    "intention": words(
        """
        want intend plan seek aim prefer like love hate oppose support favor favour back
        endorse refuse decline agree vow pledge threaten try hope desire resist embrace
        welcome admire adore despise loathe dislike resent crave demand insist urge
        encourage implore beg press lobby campaign fight vote
        """
    ),
    "appearance": words("seem appear look sound"),
    "relay": words("accord cite quote"),
}
"""Lemma -> class of cue (a lemma may be in more than one)."""

CLASS_OF: dict[str, tuple[str, ...]] = {}
for _name, _lemmas in CUE_CLASSES.items():
    for _lemma in _lemmas:
        CLASS_OF[_lemma] = (*CLASS_OF.get(_lemma, ()), _name)
