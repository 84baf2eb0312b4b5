"""Every endpoint of the API on the made-up fixture database (tests/api/marsad_fixture_db.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient


def ids(response) -> list[str]:  # noqa: ANN001
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


# ------------------------------------------------------------------------------- meta


def test_stats_lists_types_outlets_and_date_range(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["level"] == "merged"
    assert stats["documents"] == 4 and stats["events"] == 4 and stats["stories"] == 1
    assert stats["types"] == ["Battles", "Explosions/Remote violence", "Protests", "Strategic developments"]
    assert set(stats["outlets"]) == {"outlet-a", "outlet-b", "outlet-c"}
    assert (stats["date_min"], stats["date_max"]) == ("2024-03-04", "2024-04-02")


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/points", "/api/events/counts", "/api/events/{event_id}",
                 "/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/stories", "/api/stories/{story_id}", "/api/search", "/api/export/events.{fmt}"):
        assert path in paths, path
    assert "post" in paths["/api/documents"] and "delete" in paths["/api/documents/{doc_id}"]


# ------------------------------------------------------------------------------- events


def test_events_default_newest_first_with_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 4 and body["total_capped"] is False
    # Undated events sort last in descending date order.
    assert [e["id"] for e in body["items"]] == ["m-clash", "m-protest", "m-strike", "m-nowhere"]
    assert body["items"][0]["actor1"]["name_en"] == "Syrian Army"  # full records by default


def test_events_summary_view_has_names_and_flags(client: TestClient) -> None:
    items = client.get("/api/events", params={"view": "summary", "type": "Explosions/Remote violence"}).json()["items"]
    assert items == [{**items[0], "id": "m-strike", "place_ar": "الرقة", "place_en": "Raqqa", "disputed": True,
                      "killed": 5, "reports": 3}]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "Battles"}, ["m-clash"]),
    ({"type": ["Battles", "Protests"]}, ["m-clash", "m-protest"]),
    ({"sub_type": "Peaceful protest"}, ["m-protest"]),
    ({"date_from": "2024-03-05"}, ["m-clash", "m-protest"]),
    ({"date_from": "2024-03", "date_to": "2024-03"}, ["m-protest", "m-strike"]),
    ({"date_to": "2024-03-04"}, ["m-strike"]),
    ({"actor": "ent-army"}, ["m-clash"]),
    ({"actor": "الجيش"}, ["m-clash"]),
    ({"actor": "syrian army"}, ["m-clash"]),
    ({"place": "الرقه"}, ["m-strike"]),  # ta marbuta variant of the stored name
    ({"place": "raqqa"}, ["m-strike"]),
    ({"place": "g-daraa"}, ["m-protest"]),
    ({"place": "Idleb"}, ["m-clash"]),  # admin1
    ({"bbox": "38,35,40,37"}, ["m-strike"]),
    ({"bbox": "35,32,37,36"}, ["m-clash", "m-protest"]),
    ({"outlet": "outlet-b"}, ["m-strike"]),
    ({"outlet": "outlet-a"}, ["m-protest", "m-strike"]),
    ({"disputed": "true"}, ["m-strike"]),
    ({"story": "story-raqqa-market"}, ["m-strike"]),
    ({"doc": "doc-d"}, ["m-clash"]),
    ({"type": "Riots"}, []),
])
def test_event_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    response = client.get("/api/events", params=params)
    assert ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_document_level_events(client: TestClient) -> None:
    response = client.get("/api/events", params={"level": "document", "outlet": "outlet-b", "sort": "id"})
    assert ids(response) == ["ev-b1", "ev-b2"]
    assert ids(client.get("/api/events", params={"level": "document", "actor": "وزاره الدفاع"})) == ["ev-b2"]


def test_sort_by_killed_descending_puts_unknown_tolls_last(client: TestClient) -> None:
    assert ids(client.get("/api/events", params={"sort": "-killed"}))[:2] == ["m-strike", "m-clash"]
    assert ids(client.get("/api/events", params={"sort": "killed"}))[-2:] == ["m-clash", "m-strike"]


@pytest.mark.parametrize("sort", ["-date", "date", "-killed", "killed", "type", "-id", "injured"])
def test_cursor_pages_walk_the_same_order_as_one_page(client: TestClient, sort: str) -> None:
    everything = ids(client.get("/api/events", params={"sort": sort, "limit": 100}))
    walked, cursor = [], None
    for _ in range(10):
        params = {"sort": sort, "limit": 1, "count": "false", **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        assert body["total"] is None
        walked += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert walked == everything


def test_offset_pagination(client: TestClient) -> None:
    assert ids(client.get("/api/events", params={"limit": 2, "offset": 2})) == ["m-strike", "m-nowhere"]


def test_points_only_located_events(client: TestClient) -> None:
    body = client.get("/api/events/points").json()
    assert body["fields"][:4] == ["id", "lat", "lon", "type"]
    rows = {row[0]: row for row in body["rows"]}
    assert set(rows) == {"m-clash", "m-protest", "m-strike"}
    assert rows["m-strike"][7] is True  # disputed


@pytest.mark.parametrize(("by", "expected"), [
    ("type", {"Battles": 1, "Explosions/Remote violence": 1, "Protests": 1, "Strategic developments": 1}),
    ("day", {None: 1, "2024-03-04": 1, "2024-03-10": 1, "2024-04-02": 1}),
    ("month", {None: 1, "2024-03": 2, "2024-04": 1}),
    ("outlet", {"outlet-a": 2, "outlet-b": 1, "outlet-c": 1}),
    ("disputed", {0: 3, 1: 1}),
])
def test_counts(client: TestClient, by: str, expected: dict) -> None:
    groups = client.get("/api/events/counts", params={"by": by}).json()["groups"]
    assert {g["key"]: g["events"] for g in groups} == expected


def test_counts_sum_tolls_with_filters(client: TestClient) -> None:
    groups = client.get("/api/events/counts", params={"by": "year", "date_from": "2024"}).json()["groups"]
    assert groups == [{"key": "2024", "events": 3, "killed": 8, "injured": 4}]


def test_merged_event_detail_has_articles_versions_and_disagreements(client: TestClient) -> None:
    body = client.get("/api/events/m-strike").json()
    assert body["level"] == "merged"
    assert [d["id"] for d in body["documents"]] == ["doc-a", "doc-b"]
    report = body["event"]["reports"][0]
    doc_a = body["documents"][0]
    assert doc_a["text"][report["start"]:report["end"]] == report["text"]  # evidence offsets hold
    assert {v["doc"] for v in body["versions"]} == {"doc-a", "doc-b"}
    fields = {d["field"] for d in body["disagreements"]}
    assert {"killed", "modality"} <= fields
    assert [d["kind"] for d in body["disputes"]] == ["toll", "denial"]


def test_document_event_detail_and_missing_event(client: TestClient) -> None:
    body = client.get("/api/events/ev-d1", params={"text": "false"}).json()
    assert body["level"] == "document" and "text" not in body["documents"][0]
    assert client.get("/api/events/nope").status_code == 404


# ------------------------------------------------------------------------------- documents


def test_documents_list_and_filters(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 4 and body["items"][0]["id"] == "doc-d"
    assert ids(client.get("/api/documents", params={"outlet": "outlet-a"})) == ["doc-c", "doc-a"]
    assert ids(client.get("/api/documents", params={"date_from": "2024-03-05", "date_to": "2024-03-31"})) == ["doc-c"]


def test_document_has_clean_text_leftovers_and_spans(client: TestClient) -> None:
    doc = client.get("/api/documents/doc-a").json()
    assert doc["removed"] == ["اقرأ أيضا"]
    kinds = {span["kind"] for span in doc["spans"]}
    assert kinds == {"entity", "time", "place", "event", "evidence"}
    for span in doc["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(doc["text"])
    place = next(s for s in doc["spans"] if s["kind"] == "place")
    assert doc["text"][place["start"]:place["end"]] == "الرقة" and place["label"] == "Raqqa"
    assert client.get("/api/documents/none").status_code == 404


# ------------------------------------------------------------------------------- entities


def test_entities_search_folds_arabic_spelling(client: TestClient) -> None:
    assert ids(client.get("/api/entities", params={"q": "وزاره"})) == ["ent-mod"]  # ة typed as ه
    assert ids(client.get("/api/entities", params={"q": "army"})) == ["ent-army"]
    assert ids(client.get("/api/entities", params={"type": "LOC"})) == ["ent-raqqa"]


def test_entity_page_has_mentions_and_events(client: TestClient) -> None:
    body = client.get("/api/entities/ent-army").json()
    assert body["name_en"] == "Syrian Army"
    assert [(m["doc"], m["text"]) for m in body["mentions"]] == [("doc-d", "الجيش السوري")]
    assert [e["id"] for e in body["events"]] == ["m-clash"]
    assert client.get("/api/entities/ent-none").status_code == 404


# ------------------------------------------------------------------------------- stories


def test_story_lays_versions_side_by_side(client: TestClient) -> None:
    listing = client.get("/api/stories").json()
    assert listing["items"][0]["id"] == "story-raqqa-market" and listing["items"][0]["events"] == 1
    story = client.get("/api/stories/story-raqqa-market").json()
    (item,) = story["events"]
    outlets = {v["outlet"] for v in item["versions"]}
    assert outlets == {"outlet-a", "outlet-b"}
    killed = next(d for d in item["disagreements"] if d["field"] == "killed")
    assert set(killed["docs"]) == {"doc-a", "doc-b"}
    assert client.get("/api/stories/nothing").status_code == 404


# ------------------------------------------------------------------------------- search


@pytest.mark.parametrize(("query", "expected"), [
    ("الرقة", {"doc-a", "doc-b"}),  # stored as الرقة and, with a clitic, بالرقة
    ("الرقه", {"doc-a", "doc-b"}),  # ta marbuta written as ha
    ("والرقة", {"doc-a", "doc-b"}),  # the query carries a clitic the text does not
    ("افاد", {"doc-b"}),  # hamza dropped: stored أفاد
    ("قتل", {"doc-a"}),  # stored with a damma: قُتل
    ("الأشخاص مئات", {"doc-c"}),  # two words, both needed; hamza added
    ("سوق شعبيه", {"doc-a", "doc-b"}),
    ("درعا الرقة", set()),
])
def test_search_understands_arabic_variants(client: TestClient, query: str, expected: set[str]) -> None:
    body = client.get("/api/search", params={"q": query}).json()
    assert {item["id"] for item in body["items"]} == expected
    assert body["total"] == len(expected)


def test_search_snippet_marks_the_stored_spelling(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "الرقه"}).json()
    item = next(i for i in body["items"] if i["id"] == "doc-b")
    marked = [item["snippet"][s:e] for s, e in item["highlights"]]
    assert marked == ["بالرقة"]


@pytest.mark.parametrize("query", ['"', 'NEAR(a b', "a OR", "*", "ال* AND (", "'; DROP TABLE documents;--"])
def test_search_syntax_never_reaches_fts5(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code in (200, 400), response.text
    assert client.get("/api/stats").json()["documents"] == 4


def test_search_without_words_is_a_400(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "!!!"})
    assert response.status_code == 400 and response.json()["parameter"] == "q"


# ------------------------------------------------------------------------------- exports


def test_export_jsonl_of_a_filtered_view(client: TestClient) -> None:
    response = client.get("/api/export/events.jsonl", params={"date_from": "2024-03-05"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert [row["id"] for row in rows] == ["m-clash", "m-protest"]


def test_export_csv(client: TestClient) -> None:
    response = client.get("/api/export/events.csv", params={"type": "Battles"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1
    assert "Syrian Army" in rows[0].values() and "2024-04-02" in rows[0].values()


def test_export_geojson_has_only_located_events(client: TestClient) -> None:
    collection = client.get("/api/export/events.geojson").json()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 3  # m-nowhere has no coordinates
    lon_lat = {tuple(f["geometry"]["coordinates"]) for f in collection["features"]}
    assert (39.01, 35.95) in lon_lat


def test_export_unknown_format(client: TestClient) -> None:
    assert client.get("/api/export/events.xml").status_code in (404, 422)


# ------------------------------------------------------------------------------- the page


def test_page_and_assets_are_served_offline(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and 'lang="ar"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/geo/world.geojson").json()["type"] == "FeatureCollection"
    syria = client.get("/api/geo/syria_admin.geojson")
    assert syria.status_code in (200, 404)
    if syria.status_code == 200:
        assert syria.json()["features"]
