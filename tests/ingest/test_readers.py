"""Readers: every format, every bad input reported with a reason, nothing read before a fault lost."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from marsad.ingest import iter_inputs, load_metadata
from marsad.ingest.readers import MAX_ARTICLE_BYTES
from marsad.records import RawArticle, Skipped

ARTICLE = "أعلنت وزارة الصحة أمس أن ثلاثة أشخاص أصيبوا في حادث سير على الطريق الدولي.\nوقال مسؤول إن الحالة مستقرة."


def read_all(*paths: Path, meta: Path | None = None) -> list[RawArticle | Skipped]:
    return list(iter_inputs(paths, load_metadata(meta)))


def test_plain_text_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (item,) = read_all(tmp_path)
    assert isinstance(item, RawArticle)
    assert item.text == ARTICLE and item.file_name == "a.txt"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859_6", "utf-8-sig"])
def test_legacy_and_utf16_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE.replace("ـ", "")
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    (item,) = read_all(tmp_path)
    assert isinstance(item, RawArticle), item
    assert item.text is not None and item.text.lstrip("\ufeff") == text


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"   \n\n ", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200, "binary"),
])
def test_empty_and_binary_files_are_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "bad.txt").write_bytes(content)
    (item,) = read_all(tmp_path)
    assert isinstance(item, Skipped)
    assert reason in item.reason


def test_huge_file_is_skipped_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 10)
    (item,) = read_all(path)
    assert isinstance(item, Skipped) and "too large" in item.reason


def test_missing_path_is_reported(tmp_path: Path) -> None:
    (item,) = read_all(tmp_path / "nope")
    assert isinstance(item, Skipped) and "no such file" in item.reason


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Root ignores file modes, so the refusal is simulated where the reader opens the file.
    monkeypatch.setattr("marsad.ingest.readers._open_binary", refuse)
    (item,) = read_all(path)
    assert isinstance(item, Skipped) and "cannot read" in item.reason and "Permission denied" in item.reason


def test_truncated_utf8_keeps_the_text_before_the_cut(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(data[:-1])  # cuts the last two-byte letter in half
    (item,) = read_all(tmp_path)
    assert isinstance(item, RawArticle) and item.text is not None
    assert ARTICLE.startswith(item.text) and len(item.text) > len(ARTICLE) - 3


def test_html_file_is_sniffed_and_kept_as_html(tmp_path: Path) -> None:
    (tmp_path / "page").write_text("<!doctype html><html><body><p>" + ARTICLE + "</p></body></html>", "utf-8")
    (item,) = read_all(tmp_path)
    assert isinstance(item, RawArticle) and item.html and item.text is None


def _jsonl(records: list[object]) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl([
        {"id": "x1", "text": ARTICLE, "outlet": "وكالة", "published": "2019-04-14", "url": "http://a.example/1"},
        "{not json",
        [1, 2],
        {"id": "x2"},
        {"id": "x3", "html": "<p>" + ARTICLE + "</p>", "title": "عنوان"},
    ]))
    items = read_all(path)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawArticle", "Skipped", "Skipped", "Skipped", "RawArticle"]
    assert items[0].id == "x1" and items[0].published == "2019-04-14" and items[0].source == "http://a.example/1"
    assert "not valid JSON" in items[1].reason and "#2" in items[1].source
    assert "no text" in items[3].reason
    assert items[4].html and items[4].title == "عنوان"


def test_truncated_gzip_keeps_records_before_the_cut(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": ARTICLE + f" {i}"} for i in range(200)]
    data = gzip.compress(_jsonl(records))
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read_all(path)
    good = [i for i in items if isinstance(i, RawArticle)]
    assert 0 < len(good) < 200
    assert [g.id for g in good] == [f"r{i}" for i in range(len(good))]
    assert isinstance(items[-1], Skipped) and "truncated" in items[-1].reason


def test_warc_response_records(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, ctype in enumerate(["text/html; charset=utf-8", "image/png"]):
            body = ("<html><body><p>" + ARTICLE + "</p></body></html>").encode() if n == 0 else b"\x89PNG"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"http://news.example/{n}", "response",
                                               payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    items = read_all(path)
    assert isinstance(items[0], RawArticle) and items[0].url == "http://news.example/0" and items[0].html
    assert isinstance(items[1], Skipped) and "not an article" in items[1].reason


def test_metadata_fills_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"file": "a.txt", "outlet": "الحياة", "published": "2017-11-05"}\n{broken\n"str"\n'
                    '{"outlet": "orphan"}\n', encoding="utf-8")
    metadata = load_metadata(meta)
    assert len(metadata.problems) == 3
    (item,) = list(iter_inputs([tmp_path / "a.txt"], metadata))
    assert item.outlet == "الحياة" and item.published == "2017-11-05"


def test_missing_metadata_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    metadata = load_metadata(tmp_path / "none.jsonl")
    assert metadata.problems and "cannot read" in metadata.problems[0]


def test_folder_order_is_stable_and_meta_files_ignored(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "meta.jsonl", "README.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    assert [i.file_name for i in read_all(tmp_path)] == ["a.txt", "b.txt"]
