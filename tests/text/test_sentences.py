from marsad.text.sentences import split_sentences


def texts(text: str) -> list[str]:
    spans = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
    return [s.text for s in spans]


def test_splits_on_arabic_and_latin_stops() -> None:
    assert texts("وصل الوفد. هل يبدأ الحوار؟ نعم!") == ["وصل الوفد.", "هل يبدأ الحوار؟", "نعم!"]


def test_does_not_split_inside_quotes() -> None:
    text = "وقال: «وصلنا. وسنبدأ غداً». ثم غادر."
    assert texts(text) == ["وقال: «وصلنا. وسنبدأ غداً».", "ثم غادر."]


def test_nested_quotes_and_decimals_and_initials() -> None:
    text = "قال إن «وكالة «رويترز» تحاول. ذلك» وبلغ 3.5 مليون. التقى د. أحمد."
    assert texts(text) == ["قال إن «وكالة «رويترز» تحاول. ذلك» وبلغ 3.5 مليون.", "التقى د. أحمد."]


def test_line_breaks_end_sentences_and_unclosed_quotes_do_not_swallow_the_rest() -> None:
    text = "عنوان بلا نقطة\nقال «لم يغلق الاقتباس\nسطر جديد."
    assert texts(text) == ["عنوان بلا نقطة", "قال «لم يغلق الاقتباس", "سطر جديد."]


def test_empty() -> None:
    assert split_sentences("") == [] and split_sentences("   \n ") == []
