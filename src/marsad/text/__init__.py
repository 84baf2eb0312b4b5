"""Text layer: normalisation, matching form, sentences, tokens, cleaning of site leftovers."""

from marsad.text.normalize import MatchText, fold_char, match_form, normalize_text

__all__ = ["MatchText", "fold_char", "match_form", "normalize_text"]
