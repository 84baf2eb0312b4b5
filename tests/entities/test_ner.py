"""The shipped NER model: loading, tagging, bad input, the `marsad ner --conll` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.entities.ner import NerTagger
from marsad.entities.ner.conll import read_labelled, read_tokens
from marsad.entities.ner.evaluate import entity_scores, spans
from marsad.entities.ner.tagger import RESOURCE_DIR

VALID = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.load()


def assert_valid_bio(tags: list[str], n: int) -> None:
    assert len(tags) == n
    assert set(tags) <= VALID
    for previous, tag in zip(["O", *tags], tags, strict=False):
        if tag.startswith("I-"):
            assert previous[2:] == tag[2:], tags


def test_load_is_cached(tagger: NerTagger) -> None:
    assert NerTagger.load() is tagger
    assert NerTagger.load(RESOURCE_DIR) is tagger


def test_known_person_and_capital(tagger: NerTagger) -> None:
    # Written for this test: "President Vladimir Putin arrived in Cairo on Monday for talks
    # with Egyptian officials."
    tokens = ["وصل", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إلى", "القاهرة", "يوم", "الاثنين", "لإجراء", "محادثات", "مع", "مسؤولين", "مصريين", "."]
    tags = tagger.tag(tokens)
    assert_valid_bio(tags, len(tokens))
    assert tags[tokens.index("بوتين")].endswith("PERS")
    assert tags[tokens.index("القاهرة")] == "B-LOC"
    assert tags[tokens.index("وصل")] == "O"


def test_capital_with_clitics_and_organisation(tagger: NerTagger) -> None:
    # "The United Nations said in Damascus that ..." (written for this test)
    tokens = ["وقالت", "الأمم", "المتحدة", "في", "دمشق", "إن", "المساعدات", "وصلت", "إلى", "حلب", "."]
    tags = tagger.tag(tokens)
    assert_valid_bio(tags, len(tokens))
    assert tags[tokens.index("دمشق")] == "B-LOC"
    assert tags[tokens.index("الأمم")] == "B-ORG"
    assert tags[tokens.index("المتحدة")] == "I-ORG"


def test_batch_equals_length_and_empty_sentences(tagger: NerTagger) -> None:
    batch = [["زار", "ماكرون", "بغداد"], [], ["."]]
    tagged = tagger.tag_sentences(batch)
    assert [len(t) for t in tagged] == [3, 0, 1]
    assert tagger.tag([]) == []
    assert tagger.tag_sentences([]) == []


@pytest.mark.parametrize(
    "tokens",
    [
        ["ب" * 10_000],  # one token of 10,000 characters
        ["x" * 10_000, "في", "دمشق"],
        ["Reuters", "reported", "that", "Putin", "met", "Erdogan", "in", "Ankara", "."],
        ["قال", "Reuters", "إن", "بوتين", "زار", "Ankara", "2024", "٢٠٢٤"],
        ["وَصَلَ", "الرَّئِيسُ", "إِلَى", "القَاهِرَةِ"],  # diacritised
        ["", " ", "\u200f", "\ufeff"],  # empty and invisible tokens
        ["🙂", "ـــ", "…", "؟", "«", "»"],
        ["𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "中文", "русский"],
    ],
)
def test_bad_input_never_crashes(tagger: NerTagger, tokens: list[str]) -> None:
    assert_valid_bio(tagger.tag(tokens), len(tokens))


def test_diacritised_text_tags_like_plain(tagger: NerTagger) -> None:
    plain = ["وصل", "الرئيس", "إلى", "القاهرة"]
    marked = ["وَصَلَ", "الرَّئِيسُ", "إِلَى", "القَاهِرَةِ"]
    assert tagger.tag(marked)[3] == tagger.tag(plain)[3] == "B-LOC"


def test_non_string_tokens_are_tolerated(tagger: NerTagger) -> None:
    assert len(tagger.tag([1, None, "دمشق"])) == 3  # type: ignore[list-item]


def test_cli_conll_round_trip(tmp_path: Path) -> None:
    # CRLF, extra columns, several blank lines, no final blank line.
    text = "وصل\tX\tO\r\nبوتين\r\nإلى\r\nالقاهرة\r\n\r\n\r\nقال\r\nمسؤول\r\n.\r\n\r\nدمشق"
    source = tmp_path / "in.conll"
    source.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(app, ["ner", "--conll", str(source)])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    expected_tokens = [line.split("\t")[0] if line.strip() else "" for line in text.split("\r\n")]
    assert [line.split("\t")[0] for line in lines[: len(expected_tokens)]] == expected_tokens
    tagged = [line for line in lines if line]
    assert all(line.split("\t")[1] in VALID for line in tagged)
    assert len(tagged) == 8
    assert "القاهرة\tB-LOC" in lines


def test_cli_conll_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ner", "--conll", str(tmp_path / "absent.conll")])
    assert result.exit_code != 0


def test_reader_tolerates_formats(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeffأ B-PER\r\nب X I-PER\r\n O\r\n\r\nج B-MIS".encode())
    assert read_labelled(path) == [(["أ", "ب"], ["B-PERS", "I-PERS"]), (["ج"], ["B-MISC"])]
    assert read_tokens(path) == [["أ", "ب", "O"], ["ج"]]


def test_spans_and_scores_conlleval_style() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"]) == {
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")}
    table = entity_scores([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PERS", "O", "O", "B-LOC"]])
    assert table["ALL"].correct == 1 and table["ALL"].precision == 0.5
    assert table["LOC"].f1 == 1.0 and table["PERS"].f1 == 0.0


def test_shipped_metrics_are_honest_and_above_floor() -> None:
    # The target is dev F1 >= 0.85; the shipped CRF does not reach it yet (see
    # metrics.json and docs/decisions.md). This guards the protocol and against regressions.
    metrics = json.loads((RESOURCE_DIR / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["sentences"]["dev"] > 500, "dev split must be the held-out 15% tail"
    assert metrics["config"]["dev_fraction"] == 0.15
    assert metrics["dev"]["ALL"]["f1"] == metrics["dev_f1"]
    assert set(metrics["dev"]) == {"PERS", "LOC", "ORG", "MISC", "ALL"}
    assert metrics["dev_f1"] >= 0.72, "regression below the best known CRF"


def test_kb_phrase_marks_longest_match_with_clitics() -> None:
    from marsad.entities.ner.features import FeatureExtractor

    extractor = FeatureExtractor(phrases={("الامم", "المتحده"): ("ORG",), ("الامم",): ("MISC",),
                                          ("دمشق",): ("LOC",)})
    tokens = ["وقالت", "والأمم", "المتحدة", "في", "بدمشق", "", "x" * 10_000]
    marks = extractor.phrase_marks([extractor.word(t) for t in tokens])
    assert marks is not None and len(marks) == len(tokens)
    assert "kb=B-ORG" in marks[1] and "kb=I-ORG" in marks[2]  # longest match wins, و stripped
    assert not any(m.endswith("MISC") for m in marks[1])
    assert "kb=B-LOC" in marks[4] and "+1kb=B-LOC" in marks[3]
    assert marks[0] == ["+1kb=B-ORG"] and marks[5] == ["-1kb=B-LOC"] and marks[6] == []
    assert FeatureExtractor().phrase_marks([]) is None


def test_fast_decoder_matches_crfsuite(tagger: NerTagger) -> None:
    import pycrfsuite

    from marsad.entities.ner.stacking import second_pass_features

    document = [["وقالت", "الأمم", "المتحدة", "في", "دمشق", "إن", "المساعدات", "وصلت", "إلى", "حلب", "."],
                ["وصل", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إلى", "القاهرة", "."], [],
                ["والتقى", "بوتين", "وزير", "الخارجية", "المصري", "سامح", "شكري", "في", "القاهرة"]]
    extractor = tagger.extractor
    first = pycrfsuite.Tagger()
    first.open(str(RESOURCE_DIR / "model.crfsuite"))
    base = [extractor.sentence(s) for s in document]
    tags = [first.tag(f) if f else [] for f in base]
    if (RESOURCE_DIR / "model2.crfsuite").exists():
        second = pycrfsuite.Tagger()
        second.open(str(RESOURCE_DIR / "model2.crfsuite"))
        tags = [second.tag(f) if f else [] for f in second_pass_features(extractor, document, tags, base)]
    fast = tagger.tag_sentences(document)
    assert [[t[2:] for t in s] for s in fast] == [[t[2:] for t in s] for s in tags]


def test_relative_model_directory(monkeypatch: pytest.MonkeyPatch, tagger: NerTagger) -> None:
    monkeypatch.chdir(RESOURCE_DIR.parent)
    relative = NerTagger.from_directory(Path(RESOURCE_DIR.name))
    assert len(relative.extractor.clusters) == len(tagger.extractor.clusters) > 0
    assert relative.tag(["زار", "بوتين", "دمشق"]) == tagger.tag(["زار", "بوتين", "دمشق"])


def test_shape_from_character_kinds_equals_counting_on_random_strings() -> None:
    import random

    from marsad.entities.ner.features import shape_of, shape_of_reference

    rng = random.Random(5)
    pool = "abcXYZ019٠١۳ابتـًّ.,«»؟!@#€中éÉ \u200c'"
    for _ in range(20_000):
        token = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert shape_of(token) == shape_of_reference(token), token
