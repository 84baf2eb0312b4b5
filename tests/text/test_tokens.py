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


def test_table_readings_equal_the_grammar_on_random_words() -> None:
    import random

    from marsad.text.tokens import proclitic_splits_reference

    rng = random.Random(7)
    letters = "وفبلكالهر ي"
    for _ in range(20_000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(0, 9)))
        assert proclitic_splits(word) == proclitic_splits_reference(word), word


def test_whole_text_tokens_are_reused_and_equal_a_fresh_scan() -> None:
    from marsad.text.tokens import iter_tokens

    text = "قال «المرصد»، إن 9 مدنيين قُتلوا في 2017."
    first = tokenize(text)
    assert tokenize(text) == first == list(iter_tokens(text)) == tokenize(text, 0, len(text))
    other = "وصل الوفد إلى بغداد"
    assert [t.text for t in tokenize(other)] == ["وصل", "الوفد", "إلى", "بغداد"]
    assert tokenize(text) == first and tokenize("") == []
