"""The event scorer on a toy article: perfect output scores 1.0, a miss lowers recall, a wrong
toll lowers toll accuracy; and the gold files are well formed."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.events.evaluate import Aligner, Article, evaluate, read_gold
from marsad.records import Document, Event, EventDate, Evidence, Location, Toll

GOLD = Path(__file__).parent / "gold"
TEXT = "قصفت طائرات غارة على حلب. وقتل 5 مدنيين.\nوالتقى الوزير نظيره في موسكو."
S1 = (0, 41)  # the strike and its toll: two sentences, one event
S2 = (42, len(TEXT))


def _gold() -> list[dict]:
    aleppo = {"name_en": "Aleppo", "lat": 36.2021, "lon": 37.1343, "admin1": "Aleppo", "country": "Syria",
              "precision": 1}
    day = {"start": "2015-07-20", "end": "2015-07-20", "precision": "day"}
    return [
        {"type": "Explosions/Remote violence", "sub_type": "Air/drone strike", "evidence": [[0, 25], [26, 41]],
         "date": day, "location": aleppo, "killed": {"value": 5, "qualifier": "exact"}, "injured": None,
         "attributed_to": None},
        {"type": "Diplomacy", "sub_type": "Meeting", "evidence": [list(S2)], "date": day, "location": None,
         "killed": None, "injured": None, "attributed_to": None},
    ]


def _strike(killed: int) -> Event:
    return Event(id="p1", type="Explosions/Remote violence", sub_type="Air/drone strike",
                 date=EventDate("2015-07-20", "2015-07-20", "day"),
                 location=Location(name_ar="حلب", admin1="Aleppo", country="Syria", lat=36.21, lon=37.15),
                 killed=Toll(killed, "exact"), reports=[Evidence("d", S1[0] + 1, S1[1] + 1, "")])


def _meeting() -> Event:
    return Event(id="p2", type="Diplomacy", sub_type="Meeting", date=EventDate("2015-07-20", "2015-07-20", "day"),
                 reports=[Evidence("d", S2[0] + 1, S2[1] + 1, "")])


def _run(events: list[Event]):
    article = Article("toy", TEXT, "2015-07-21", "outlet", _gold())
    # the pipeline's clean text differs from the raw text (a leading space): offsets must be aligned
    return evaluate([article], lambda a: Document(id="d", source="d", text=" " + TEXT, events=events))


def test_perfect_prediction_scores_one() -> None:
    report = _run([_strike(5), _meeting()])
    assert (report.recall, report.precision, report.f1) == (1.0, 1.0, 1.0)
    assert report.killed.value == 1.0
    assert report.unaligned == 0


def test_missed_event_lowers_recall() -> None:
    report = _run([_strike(5)])
    assert report.recall == 0.5 and report.precision == 1.0
    assert report.confusion[("Diplomacy", "missed")] == 1


def test_wrong_toll_lowers_toll_accuracy() -> None:
    report = _run([_strike(7), _meeting()])
    assert report.recall == 1.0
    assert report.killed.value == 0.0


def test_wrong_type_goes_to_confusion() -> None:
    wrong = _strike(5)
    wrong.type = "Battles"
    report = _run([wrong, _meeting()])
    assert report.recall == 0.5
    assert report.confusion[("Explosions/Remote violence", "Battles")] == 1


def test_aligner_ignores_whitespace() -> None:
    assert Aligner("a  قصفت\nطائرات b").find("قصفت طائرات") == (3, 14)


def test_gold_files_are_well_formed() -> None:
    for path in sorted(GOLD.glob("*_events.jsonl")):
        for row in read_gold(path):
            assert ("id" in row) != ("file" in row)
            for event in row["events"]:
                assert len(event["trigger"]) <= 30, "no news text beyond a trigger"
                assert event["evidence"] and all(s < e for s, e in event["evidence"])
                assert json.dumps(event)


def test_gold_evidence_matches_the_articles(shared_dir: Path) -> None:
    from marsad.events.evaluate import load_articles

    for path in sorted(GOLD.glob("*_events.jsonl")):
        articles = load_articles(path, shared_dir)
        assert len(articles) == len(read_gold(path))
        for article in articles:
            for event in article.gold:
                text = " ".join(article.text[s:e] for s, e in event["evidence"])
                assert event["trigger"] in text, (article.id, event.get("id"), event["trigger"])
