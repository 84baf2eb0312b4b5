"""Bad parameters (always a clear 4xx), the token-protected writes, size and rate limits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.api.limits import TokenBucket

BAD_REQUESTS = [
    ("/api/events", {"limit": "0"}),
    ("/api/events", {"limit": "100000"}),
    ("/api/events", {"limit": "ten"}),
    ("/api/events", {"offset": "-1"}),
    ("/api/events", {"sort": "record; DROP TABLE events"}),
    ("/api/events", {"sort": "-lat"}),
    ("/api/events", {"date_from": "yesterday"}),
    ("/api/events", {"date_from": "2024-13-01"}),
    ("/api/events", {"date_to": "2024-02-30"}),
    ("/api/events", {"date_from": "2024-05-01", "date_to": "2024-04-01"}),
    ("/api/events", {"bbox": "1,2,3"}),
    ("/api/events", {"bbox": "a,b,c,d"}),
    ("/api/events", {"bbox": "40,30,30,40"}),
    ("/api/events", {"bbox": "0,0,200,10"}),
    ("/api/events", {"cursor": "not-a-cursor"}),
    ("/api/events", {"cursor": "WyJkYXRlIix0cnVlLDEsMl0"}),  # a forged cursor with wrong kinds
    ("/api/events", {"level": "galaxy"}),
    ("/api/events", {"view": "everything"}),
    ("/api/events", {"disputed": "maybe"}),
    ("/api/events", {"level": "document", "story": "x"}),
    ("/api/events", {"actor": "x" * 500}),
    ("/api/events/points", {"limit": "0"}),
    ("/api/events/counts", {"by": "record"}),
    ("/api/documents", {"date_from": "03/04/2024"}),
    ("/api/documents", {"limit": "-5"}),
    ("/api/entities", {"type": "ANIMAL"}),
    ("/api/search", {}),
    ("/api/search", {"q": ""}),
    ("/api/search", {"q": "x" * 1000}),
    ("/api/search", {"q": "الرقة", "limit": "1000"}),
    ("/api/export/events.csv", {"date_from": "2024-99"}),
]


@pytest.mark.parametrize(("path", "params"), BAD_REQUESTS)
def test_bad_parameters_are_clear_4xx(client: TestClient, path: str, params: dict) -> None:
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500, (path, params, response.status_code, response.text)
    assert response.json()["detail"]


def test_cursor_from_another_sort_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    response = client.get("/api/events", params={"cursor": cursor, "sort": "killed"})
    assert response.status_code == 400 and response.json()["parameter"] == "cursor"


def test_cursor_and_offset_together_are_refused(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    assert client.get("/api/events", params={"cursor": cursor, "offset": 1}).status_code == 400


@pytest.mark.parametrize("path", ["/api/events/%00", "/api/documents/..%2F..%2Fetc", "/api/entities/'--",
                                  "/api/stories/" + "x" * 150])
def test_odd_ids_are_404_not_500(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


# ------------------------------------------------------------------------------- writes

ARTICLE = {"text": "قال مسؤول محلي إن قصفا مدفعيا استهدف بلدة في ريف حلب صباح الثلاثاء وأدى إلى مقتل شخصين.",
           "outlet": "outlet-z", "published": "2024-05-07", "title": "قصف في ريف حلب"}


def test_writes_do_not_exist_without_a_token(client: TestClient) -> None:
    assert client.post("/api/documents", json={"articles": [ARTICLE]}).status_code == 404
    assert client.delete("/api/documents/doc-a").status_code == 404
    assert client.get("/api/documents/doc-a").status_code == 200


def test_writes_with_token_configured(fixture_db: Path, tmp_path: Path) -> None:
    db = shutil.copy(fixture_db, tmp_path / "writable.db")
    client = TestClient(create_app(db, token="s3cret", rate=None))
    good = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/documents", json={"articles": [ARTICLE]}).status_code == 403
    assert client.post("/api/documents", json={"articles": [ARTICLE]},
                       headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.delete("/api/documents/doc-a", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert client.post("/api/documents", json={"articles": []}, headers=good).status_code == 422
    assert client.post("/api/documents", json={"articles": [{"title": "no text"}]}, headers=good).status_code == 400

    summary = client.post("/api/documents", json={"articles": [ARTICLE]}, headers=good).json()
    assert summary["stored"] == 1 and summary["read"] == 1
    assert client.get("/api/documents").json()["total"] == 5
    again = client.post("/api/documents", json={"articles": [ARTICLE]}, headers=good).json()
    assert again["stored"] == 0  # the same article twice changes nothing
    found = client.get("/api/search", params={"q": "حلب"}).json()
    assert found["total"] == 1

    assert client.delete("/api/documents/doc-c", headers=good).json() == {"deleted": "doc-c"}
    assert client.get("/api/documents/doc-c").status_code == 404
    assert client.get("/api/search", params={"q": "درعا"}).json()["total"] == 0
    assert client.delete("/api/documents/doc-c", headers=good).status_code == 404


def test_request_body_size_limit(fixture_db: Path) -> None:
    client = TestClient(create_app(fixture_db, token="t", rate=None, max_body=1000))
    big = {"articles": [{**ARTICLE, "text": "ا" * 5000}]}
    response = client.post("/api/documents", json=big, headers={"Authorization": "Bearer t"})
    assert response.status_code == 413


def test_rate_limit_answers_429_with_retry_after(fixture_db: Path) -> None:
    client = TestClient(create_app(fixture_db, rate=0.5, burst=3))
    statuses = [client.get("/api/stats").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert int(client.get("/api/stats").headers["retry-after"]) >= 1


def test_token_bucket_refills_over_time() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=2, burst=2, clock=lambda: now[0])
    assert [bucket.take("a"), bucket.take("a")] == [0, 0]
    assert bucket.take("a") == pytest.approx(0.5)
    assert bucket.take("b") == 0  # another client has its own bucket
    now[0] = 1.0
    assert bucket.take("a") == 0


def test_not_a_marsad_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ValueError, match="not an SQLite database"):
        create_app(junk)
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.db")
