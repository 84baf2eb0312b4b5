"""Readers: files and folders in, `RawArticle` (or `Skipped` with a reason) out, one at a time.

Everything streams: a folder of a million files or a 10 GB JSON Lines file is read one record at a
time. A bad record is reported and skipped; what was read before it is kept (a truncated .gz
yields its complete records, then one Skipped for the cut).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.meta import Metadata
from marsad.records import RawArticle, Skipped

# One article larger than this is not an article (a dump, a log, a mistake); skip it with a reason.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# A JSON Lines record gets the same limit, read without loading more than it into memory.
MAX_LINE_BYTES = MAX_ARTICLE_BYTES

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = {".warc", ".arc"}
IGNORED_NAMES = {"meta.jsonl", "README.md", "readme.md", "SOURCE.md", ".DS_Store"}
# Files a folder of articles often holds that are never articles (our own database among them).
IGNORED_SUFFIXES = {".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3", ".tmp", ".pyc", ".png",
                    ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".css", ".js", ".pdf", ".zip", ".parquet"}

Item = RawArticle | Skipped


def iter_inputs(paths: Iterable[Path | str], metadata: Metadata | None = None) -> Iterator[Item]:
    """Every article under the given files and folders, in a stable (sorted) order."""
    metadata = metadata or Metadata()
    for path in paths:
        for item in _iter_path(Path(path), metadata):
            if isinstance(item, RawArticle):
                metadata.apply(item)
            yield item


def _iter_path(path: Path, metadata: Metadata) -> Iterator[Item]:
    if not path.exists():
        yield Skipped(str(path), "no such file or folder")
        return
    if path.is_dir():
        for file in _walk(path, metadata):
            yield from _iter_file(file)
        return
    yield from _iter_file(path)


def _walk(folder: Path, metadata: Metadata) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder  # _iter_file reports why it cannot be read
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name in IGNORED_NAMES or path.suffix.lower() in IGNORED_SUFFIXES:
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, metadata)
        elif entry.is_file():
            yield path


def kind_of(path: Path) -> str:
    """text | html | jsonl | warc | unknown, from the name (a .gz is looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, known in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                        ("warc", WARC_SUFFIXES)):
        if last in known:
            return kind
    return "unknown"


def _iter_file(path: Path) -> Iterator[Item]:
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path)
        elif kind == "warc":
            yield from _read_warc(path)
        else:
            yield _read_single(path, kind)
    except OSError as err:
        yield Skipped(str(path), f"cannot read: {err.strerror or err}")


def _open_binary(path: Path) -> io.BufferedIOBase:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block


def _read_single(path: Path, kind: str) -> Item:
    """A file that holds one article: plain text or HTML (sniffed when the name says nothing)."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES and path.suffix.lower() != ".gz":
        return Skipped(str(path), f"too large for one article ({size / 1e6:.1f} MB > {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
    try:
        with _open_binary(path) as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        return Skipped(str(path), f"truncated or corrupt gzip ({err})")
    if len(data) > MAX_ARTICLE_BYTES:
        return Skipped(str(path), f"too large for one article (> {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as err:
        return Skipped(str(path), str(err))
    if kind == "unknown":
        kind = "html" if _looks_like_html(text) else "text"
    article = RawArticle(source=str(path), file_name=path.name, encoding=encoding)
    if kind == "html":
        article.html = text
    else:
        article.text = text
    return article


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


def _read_jsonl(path: Path) -> Iterator[Item]:
    """One article per line: {"id", "text"|"html", "url", "outlet", "published", "title"}."""
    try:
        with _open_binary(path) as handle:
            for number, line in enumerate(_bounded_lines(handle), 1):
                source = f"{path}#{number}"
                if line is None:
                    yield Skipped(source, f"line longer than {MAX_LINE_BYTES / 1e6:.0f} MB")
                    continue
                if not line.strip():
                    continue
                yield _jsonl_record(line, source, path.name)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield Skipped(f"{path}", f"truncated or corrupt gzip; records before the cut were read ({err})")


def _bounded_lines(handle: io.BufferedIOBase) -> Iterator[bytes | None]:
    """Lines of a binary stream; None for a line over the limit (its bytes are skipped, not kept)."""
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # drain the rest of the long line
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _jsonl_record(line: bytes, source: str, file_name: str) -> Item:
    try:
        text_line, _ = decode_bytes(line)
        record = json.loads(text_line)
    except DecodeError as err:
        return Skipped(source, str(err))
    except json.JSONDecodeError as err:
        return Skipped(source, f"not valid JSON ({err.msg} at column {err.colno})")
    if not isinstance(record, dict):
        return Skipped(source, "not a JSON object")
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return Skipped(source, "record has no text or html")

    def field(name: str) -> str | None:
        value = record.get(name)
        return str(value).strip() if isinstance(value, str | int | float) and str(value).strip() else None

    return RawArticle(
        source=field("url") or source,
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()) else None,
        id=field("id"),
        url=field("url"),
        outlet=field("outlet"),
        published=field("published") or field("date"),
        title=field("title"),
        file_name=file_name,
    )


def _read_warc(path: Path) -> Iterator[Item]:
    """HTTP response records of a WARC (or .warc.gz) file; other records are ignored."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                number += 1
                yield _warc_record(record, path, number)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as err:
        yield Skipped(f"{path}", f"truncated or corrupt WARC after {number} records ({err})")


def _warc_record(record, path: Path, number: int) -> Item:  # noqa: ANN001 - warcio's record type
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = url or f"{path}#{number}"
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    if content_type and "html" not in content_type and "text" not in content_type:
        return Skipped(source, f"not an article ({content_type.split(';')[0]})")
    data = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        return Skipped(source, f"too large for one article (> {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
    charset = _charset(content_type)
    text = None
    if charset:
        try:
            text, encoding = data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        try:
            text, encoding = decode_bytes(data)
        except DecodeError as err:
            return Skipped(source, str(err))
    # WARC-Date is the crawl time, not the publication date: it is not used as `published`.
    article = RawArticle(source=source, url=url, file_name=path.name, encoding=encoding)
    if "html" in content_type or _looks_like_html(text):
        article.html = text
    else:
        article.text = text
    return article


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
