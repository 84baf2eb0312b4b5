"""Side metadata for crawled files (`--meta FILE`, JSON Lines).

Each line names its article by `file` (file name), `url` or `id`, and gives any of `outlet`,
`published`, `title`, `url`. Malformed lines are reported, never fatal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from marsad.records import RawArticle

META_FIELDS = ("outlet", "published", "title", "url", "id")


@dataclass
class Metadata:
    by_file: dict[str, dict] = field(default_factory=dict)
    by_url: dict[str, dict] = field(default_factory=dict)
    by_id: dict[str, dict] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def lookup(self, article: RawArticle) -> dict:
        for table, key in ((self.by_id, article.id), (self.by_url, article.url),
                           (self.by_file, article.file_name)):
            if key and key in table:
                return table[key]
        return {}

    def apply(self, article: RawArticle) -> RawArticle:
        """Fill the article's empty fields from its metadata line (the article's own values win)."""
        entry = self.lookup(article)
        for name in META_FIELDS:
            if entry.get(name) and not getattr(article, name):
                setattr(article, name, entry[name])
        return article


def load_metadata(path: Path | None) -> Metadata:
    meta = Metadata()
    if path is None:
        return meta
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError as err:
        meta.problems.append(f"{path}: cannot read metadata ({err.strerror or err})")
        return meta
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        entry = _parse_line(line)
        if isinstance(entry, str):
            meta.problems.append(f"{path}:{number}: {entry}")
            continue
        keyed = False
        for key, table in (("file", meta.by_file), ("url", meta.by_url), ("id", meta.by_id)):
            if entry.get(key):
                table[str(entry[key])] = entry
                keyed = True
        if not keyed:
            meta.problems.append(f"{path}:{number}: no file, url or id to match it to an article")
    return meta


def _parse_line(line: str) -> dict | str:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError as err:
        return f"not valid JSON ({err.msg})"
    if not isinstance(entry, dict):
        return "not a JSON object"
    clean = {k: str(v).strip() for k, v in entry.items() if isinstance(v, str | int | float) and str(v).strip()}
    return clean
