from marsad.text.normalize import MatchText, match_form, normalize_text


def test_normalize_removes_noise_but_keeps_spelling() -> None:
    raw = "الرقــــة\u200f \ufefb\u00a0أعلنَ\r\nسطر\x07"
    clean = normalize_text(raw)
    assert clean == "الرقة لا أعلنَ\nسطر"


def test_match_form_folds_spelling_variants() -> None:
    assert match_form("إيغور") == match_form("ايغور")
    assert match_form("الرقة") == match_form("الرقه")
    assert match_form("مستشفى") == match_form("مستشفي")
    assert match_form("أستانة") == match_form("استانه") == match_form("آستانة")
    assert match_form("الزگاف") == match_form("الزكاف")
    assert match_form("٢٠١٧") == "2017"
    assert match_form("سيُسهِم") == "سيسهم"


def test_match_text_maps_offsets_back_to_clean_text() -> None:
    clean = "قالَ إنّ «داعش» هاجم"
    matched = MatchText.of(clean)
    start = matched.form.index("داعش")
    begin, end = matched.clean_span(start, start + 4)
    assert clean[begin:end] == "داعش"
    begin, end = matched.clean_span(matched.form.index("ان"), matched.form.index("ان") + 2)
    assert clean[begin:end] == "إنّ"


def test_empty_and_latin_input() -> None:
    assert normalize_text("") == "" and match_form("") == ""
    assert match_form("Reuters") == "reuters"
