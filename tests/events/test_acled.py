"""ACLED rows and GeoJSON features."""

from marsad.events.acled import COLUMNS, to_acled_row, to_geojson_feature
from marsad.records import Actor, Event, EventDate, Location, Toll


def event(**kw):
    base = dict(id="ev-1", type="Explosions/Remote violence", sub_type="Air/drone strike",
                date=EventDate("2017-08-01", "2017-08-03", "week"),
                location=Location("الرقة", "Raqqa", admin1="Ar-Raqqa", country="Syria", lat=35.95021, lon=39.00867,
                                  precision=1),
                actor1=Actor("التحالف", "US-led coalition"), actor2=Actor("مدنيون", "Civilians (Syria)"),
                target_civilians=True, killed=Toll(9, "at_least", source="Activists"),
                tolls=[Toll(9, "at_least", source="Activists"), Toll(20, "exact", source="SOHR")],
                attributed_to="Activists")
    base.update(kw)
    return Event(**base)


def test_row_has_every_acled_column_and_acled_values():
    row = to_acled_row(event(), timestamp=0)
    assert list(row) == COLUMNS
    assert row["event_date"] == "2017-08-02"  # middle of a week interval
    assert row["time_precision"] == 2
    assert row["disorder_type"] == "Political violence"
    assert row["fatalities"] == 9
    assert row["civilian_targeting"] == "Civilians targeted"
    assert row["iso"] == 760 and row["latitude"] == "35.9502"
    assert row["interaction"] == "External/Other forces – Civilians"
    assert row["event_id_cnty"].startswith("SYR")


def test_diplomacy_keeps_its_own_type_and_unknown_toll_is_zero():
    row = to_acled_row(event(type="Diplomacy", sub_type="Meeting", killed=None, tolls=[], status="planned",
                             modality="planned"), timestamp=0)
    assert row["disorder_type"] == "Diplomacy" and row["fatalities"] == 0
    assert "modality=planned" in row["tags"]


def test_geojson_feature():
    feature = to_geojson_feature(event())
    assert feature["geometry"] == {"type": "Point", "coordinates": [39.0087, 35.9502]}
    assert to_geojson_feature(event(location=None))["geometry"] is None


def test_fatalities_ignore_injury_figures_after_a_round_trip_through_the_store() -> None:
    from marsad.events.acled import to_acled_row
    from marsad.records import Event, Toll

    killed, injured = Toll(value=5, source="Ministry"), Toll(value=2, kind="injured")
    event = Event(id="e", type="Battles", killed=killed, injured=injured, tolls=[killed, injured])
    loaded = Event.from_dict(event.to_dict())  # copies: identity checks no longer work
    assert to_acled_row(loaded)["fatalities"] == 5
    merged = Event.from_dict({**event.to_dict(), "figures": {"killed": {"conservative": {"value": 4, "rule": "lowest"}}}})
    assert to_acled_row(merged)["fatalities"] == 4
