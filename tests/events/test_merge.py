"""Cross-document merging, disputes and stories on hand-built events."""

from marsad.cluster.events import build_stories, link_disputes, merge_events
from marsad.events.tolls import merged_figures
from marsad.records import Actor, Event, EventDate, Evidence, Location, Toll

RAQQA = Location("الرقة", "Raqqa", admin1="Ar-Raqqa", country="Syria", lat=35.95, lon=39.01, precision=1)
NEAR_RAQQA = Location("المشلب", "Al-Mashlab", admin1="Ar-Raqqa", country="Syria", lat=35.96, lon=39.05, precision=1)
ALEPPO = Location("حلب", "Aleppo", admin1="Aleppo", country="Syria", lat=36.2, lon=37.16, precision=1)


def strike(id_, doc, killed, source, day="2017-08-02", place=RAQQA, modality="reported", actor="US-led coalition"):
    toll = Toll(killed, "at_least" if killed == 9 else "exact", source=source) if killed is not None else None
    return Event(id=id_, type="Explosions/Remote violence", sub_type="Air/drone strike",
                 date=EventDate(day, day, "day"), location=place, actor1=Actor("التحالف", actor),
                 killed=toll, tolls=[toll] if toll else [], attributed_to=source, modality=modality,
                 reports=[Evidence(doc, 0, 10, "x")], doc=doc)


def test_same_strike_in_two_outlets_merges_with_conservative_toll_and_dispute():
    merged = merge_events([strike("a", "d1", 9, "Activists"), strike("b", "d2", 20, "SOHR", place=NEAR_RAQQA,
                                                                          day="2017-08-03")])
    assert len(merged) == 1
    event = merged[0]
    assert len(event.reports) == 2
    assert event.killed.value == 9  # ACLED: lowest credible report
    assert "high=20" in event.notes and "acled=9" in event.notes
    assert any(d["kind"] == "toll" for d in event.disputes)


def test_different_places_days_or_actors_stay_apart():
    assert len(merge_events([strike("a", "d1", 9, "X"), strike("b", "d2", 9, "X", place=ALEPPO)])) == 2
    assert len(merge_events([strike("a", "d1", 9, "X"), strike("b", "d2", 9, "X", day="2017-08-09")])) == 2
    assert len(merge_events([strike("a", "d1", 9, "X"), strike("b", "d2", 9, "X", actor="Military Forces of Russia")])) == 2


def test_denial_links_across_documents():
    events = merge_events([strike("a", "d1", 9, "Reuters"),
                           strike("b", "d2", None, "US-led coalition", modality="denied")])
    links = link_disputes(events)
    assert len(links) == 1 and links[0]["kind"] == "denial"
    assert links[0]["a"] == "a" and links[0]["b"] == "b"


def test_stories_join_events_sharing_an_actor_within_the_window():
    events = [strike("a", "d1", 9, "X"), strike("b", "d2", 9, "X", place=ALEPPO, day="2017-08-04"),
              strike("c", "d3", 1, "X", place=ALEPPO, day="2017-10-01", actor="Military Forces of Russia")]
    stories = build_stories(events)
    assert sorted(len(s["events"]) for s in stories) == [1, 2]


def test_ucdp_figures_name_their_rule():
    figures = merged_figures([Toll(9, "at_least"), Toll(20, "exact"), Toll(10, "range", high=15)])
    assert (figures["low"]["value"], figures["best"]["value"], figures["high"]["value"]) == (9, 10, 20)
    assert "median" in figures["best"]["rule"]
