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
    assert "conservative=9" in event.notes and "low/best/high=9/20/20" in event.notes
    assert event.figures["killed"]["high"]["value"] == 20
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


# ---------------------------------------------------------------------------------------------
# merge / no-merge, tolls per source, disputes (cluster/events.py)

DEIR = Location("دير الزور", "Deir ez-Zor", admin1="Deir ez-Zor", country="Syria", lat=35.33, lon=40.14, precision=1)
MAYADIN = Location("الميادين", "Mayadin", admin1="Deir ez-Zor", country="Syria", lat=35.02, lon=40.45, precision=1)
DEIR_PROVINCE = Location("محافظة دير الزور", "Deir ez-Zor", admin1="Deir ez-Zor", country="Syria", lat=35.33,
                         lon=40.14, precision=3, feature="admin1")


def test_province_level_report_needs_a_positive_tie_to_merge():
    # same day, same governorate, different actors and tolls: two events
    a = strike("a", "d1", 5, "SANA", place=MAYADIN, actor="Military Forces of Syria")
    b = strike("b", "d2", 12, "SOHR", place=DEIR_PROVINCE, actor="Military Forces of Russia")
    assert len(merge_events([a, b])) == 2
    # same governorate and the same named striker: one event, the town-level place kept
    c = strike("c", "d3", 12, "SOHR", place=DEIR_PROVINCE, actor="Military Forces of Syria")
    merged = merge_events([a, c])
    assert len(merged) == 1 and merged[0].location.precision == 1


def test_unknown_perpetrator_does_not_block_but_named_victims_do():
    a = strike("a", "d1", 4, "X", place=DEIR)
    b = strike("b", "d2", 4, "Y", place=DEIR, actor="Unidentified armed group")
    assert len(merge_events([a, b])) == 1
    c = strike("c", "d3", 4, "Y", place=DEIR)
    c.actor2, a.actor2 = Actor("داعش", "Islamic State"), Actor("مدنيون", "Civilians (Syria)")
    assert len(merge_events([a, c])) == 2


def test_same_document_same_source_stays_apart_unless_a_follow_up_sentence():
    a = strike("a", "d1", 9, "Activists")
    b = strike("b", "d1", 3, "Activists", place=NEAR_RAQQA)
    b.reports = [Evidence("d1", 200, 260, "y")]
    assert len(merge_events([a, b])) == 2  # the extractor judged them two events
    follow = Event(id="f", type="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack",
                   date=a.date, tolls=[Toll(20, "exact", text="بلغت 20", source="Activists")],
                   killed=Toll(20, "exact", source="Activists"), attributed_to="Activists",
                   reports=[Evidence("d1", 11, 60, "z")], doc="d1")
    merged = merge_events([a, follow])
    assert len(merged) == 1 and merged[0].sub_type == "Air/drone strike"
    toll = next(d for d in merged[0].disputes if d["kind"] == "toll")
    assert {f["value"] for f in toll["figures"]} == {9, 20} and toll["compatible"]


def test_figures_per_source_with_rules_and_injuries_apart():
    a = strike("a", "d1", 9, "Activists")
    a.tolls.append(Toll(30, "at_least", text="وإصابة 30", source="Activists"))
    b = strike("b", "d2", 20, "SOHR")
    c = strike("c", "d3", 12, "SANA")
    c.tolls[0].qualifier = "about"
    event = merge_events([a, b, c])[0]
    killed = event.figures["killed"]
    assert [(r["source"], r["value"]) for r in killed["by_source"]] == [("Activists", 9), ("SOHR", 20), ("SANA", 12)]
    assert killed["conservative"]["value"] == 9 and killed["conservative"]["source"] == "Activists"
    assert "lowest credible" in killed["conservative"]["rule"]
    assert (killed["low"]["value"], killed["best"]["value"], killed["high"]["value"]) == (9, 20, 20)
    assert "exact" in killed["best"]["rule"]
    assert event.killed.value == 9 and event.injured.value == 30
    assert event.figures["injured"]["conservative"]["value"] == 30
    assert {f["value"] for f in next(d for d in event.disputes if d["kind"] == "toll")["figures"]} == {9, 12, 20}


def test_unknown_count_is_zero_with_its_rule_and_no_dispute():
    a = strike("a", "d1", None, "X")
    a.tolls = [Toll(None, "unknown", source="X")]
    event = merge_events([a])[0]
    assert event.figures["killed"]["conservative"]["value"] == 0
    assert "0 for the CSV" in event.figures["killed"]["conservative"]["rule"]
    assert not event.disputes


def test_conflicting_tolls_are_flagged():
    event = merge_events([strike("a", "d1", 20, "SOHR"), strike("b", "d2", 5, "SANA")])[0]
    toll = next(d for d in event.disputes if d["kind"] == "toll")
    assert not toll["compatible"] and "conflicting" in toll["note"] and event.killed.value == 5


def test_denial_links_one_claim_not_the_whole_story():
    claims = [strike("a", "d1", 9, "Reuters"),
              strike("b", "d1", 3, "SANA", place=NEAR_RAQQA, actor="Military Forces of Syria"),
              strike("c", "d2", 4, "SOHR", place=ALEPPO, day="2017-08-03")]
    denied = strike("z", "d3", None, "US-led coalition", modality="denied")
    events = merge_events([*claims, denied])
    links = link_disputes(events)
    assert [(link["a"], link["b"]) for link in links] == [("a", "z")]
    assert "US-led coalition denies" in links[0]["note"]


def test_denial_without_any_tie_is_not_linked():
    # a country-level denial with no named actor, in another document: nothing ties it to the claim
    claim = strike("a", "d1", 9, "Reuters")
    denied = strike("z", "d2", None, "Ministry", modality="denied", place=Location(
        "سوريا", "Syria", country="Syria", precision=3, feature="country"))
    denied.actor1 = None
    assert link_disputes(merge_events([claim, denied])) == []


def test_in_document_denial_link_with_contradicting_actors_is_replaced():
    claim = strike("a", "d1", 9, "Activists", actor="Military Forces of Syria")
    right = strike("r", "d1", 40, "Reuters", actor="Military Forces of Russia", place=NEAR_RAQQA)
    right.reports = [Evidence("d1", 300, 340, "r")]
    denied = strike("z", "d1", None, "Ministry of Defence of Russia", modality="denied",
                    actor="Military Forces of Russia")
    denied.reports = [Evidence("d1", 400, 440, "z")]
    wrong = {"kind": "denial", "a": "a", "b": "z", "note": ""}
    claim.disputes, denied.disputes = [dict(wrong)], [dict(wrong)]
    events = merge_events([claim, right, denied])
    link_disputes(events)
    by_id = {e.id: e for e in events}
    assert [(d["a"], d["b"]) for d in by_id["z"].disputes] == [("r", "z")]
    assert not by_id["a"].disputes


def test_merged_dispute_ids_point_at_merged_events():
    a, b = strike("a", "d1", 9, "Activists"), strike("b", "d2", 9, "SOHR")
    denied = strike("z", "d2", None, "US-led coalition", modality="denied")
    b.disputes = [{"kind": "denial", "a": "b", "b": "z", "note": ""}]
    denied.disputes = [{"kind": "denial", "a": "b", "b": "z", "note": ""}]
    events = merge_events([a, b, denied])
    assert len(events) == 2
    assert all(d["a"] == "a" for e in events for d in e.disputes if d["kind"] == "denial")
