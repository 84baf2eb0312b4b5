"""The project's Arabic NER: a CRF over cached word features and word clusters learned from news.

Public API: `NerTagger.load(path=None)`, `NerTagger.tag(tokens)`, `NerTagger.tag_sentences(batch)`.
"""

from marsad.entities.ner.tagger import NerTagger

__all__ = ["NerTagger"]
