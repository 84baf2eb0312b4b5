"""The FastAPI application: read-only JSON API over a marsad database, and the web page.

`create_app(db)` serves one database file. Every endpoint is read-only unless MARSAD_TOKEN is set
in the environment, which turns on ingest (POST /api/documents) and delete; without it those
endpoints answer 404, with a wrong token 403. See docs/api.md for every endpoint.
"""

from __future__ import annotations

import hmac
import os
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

import marsad
from marsad.api import events as ev
from marsad.api import exports, records_view
from marsad.api.admin import delete_document, ingest_articles
from marsad.api.db import ConnectionPerThread, connect_readonly, ensure_indexes
from marsad.api.filters import MAX_LIMIT, MAX_OFFSET, BadParameter, EventFilter, parse_bbox, parse_date
from marsad.api.limits import BodyTooLarge, LimitsMiddleware, TokenBucket
from marsad.api.responses import RawJSONResponse, json_response, page_response

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
DEFAULT_MAX_BODY = 5 * 1024 * 1024
DEFAULT_RATE = 50.0  # requests per second per client, sustained
DEFAULT_BURST = 200.0
MAX_TEXT_PARAM = 200
MAX_ARTICLES_PER_POST = 100

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT_PARAM)]


class ArticleIn(BaseModel):
    """One article to ingest: the JSON Lines record format of `marsad run`."""

    text: str | None = None
    html: str | None = None
    id: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=1000)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_ARTICLES_PER_POST)


def app_from_env() -> FastAPI:
    """The app for uvicorn's worker processes (`marsad serve --workers N`), which import it by name:
    the database from $MARSAD_DB; MARSAD_RATE=off turns the per-process rate limit off."""
    db = os.environ.get("MARSAD_DB")
    if not db:
        raise RuntimeError("MARSAD_DB is not set")
    rate = None if os.environ.get("MARSAD_RATE") == "off" else DEFAULT_RATE
    return create_app(db, rate=rate)


def create_app(db: Path | str, token: str | None = None, rate: float | None = DEFAULT_RATE,
               burst: float = DEFAULT_BURST, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app for one database. `token` defaults to $MARSAD_TOKEN; `rate=None` turns the rate
    limit off (for a server behind a proxy that limits already)."""
    db_path = Path(db).resolve()
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}")
    check_database(db_path)
    ensure_indexes(db_path)
    # An empty token means "no token": writes stay off rather than open to an empty header.
    token = (token if token is not None else os.environ.get("MARSAD_TOKEN")) or None
    pool = ConnectionPerThread(db_path)

    app = FastAPI(title="marsad API", version=getattr(marsad, "__version__", "0.1.0"),
                  description="Events from Arabic news: documents, entities, events, stories, search, exports.",
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.add_middleware(LimitsMiddleware, max_body=max_body,
                       bucket=TokenBucket(rate, burst) if rate else None)
    _add_error_handlers(app)
    _add_event_routes(app, pool)
    _add_record_routes(app, pool)
    _add_export_routes(app, db_path)
    _add_write_routes(app, db_path, token)
    _add_page_routes(app)
    return app


REQUIRED_TABLES = {"documents", "entities", "mentions", "events", "merged_events", "stories", "documents_fts"}


def check_database(db_path: Path) -> None:
    """Fail at startup, not on the first request, when the file is not a marsad database."""
    conn = connect_readonly(db_path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as err:
        raise ValueError(f"{db_path} is not an SQLite database ({err})") from err
    finally:
        conn.close()
    missing = REQUIRED_TABLES - tables
    if missing:
        raise ValueError(f"{db_path} is not a marsad database (no {', '.join(sorted(missing))}): run `marsad run`")


# ------------------------------------------------------------------------------------ errors


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(_: Request, err: BadParameter) -> JSONResponse:
        return JSONResponse({"detail": str(err), "parameter": err.name}, status_code=400)

    @app.exception_handler(BodyTooLarge)
    async def too_large(_: Request, __: BodyTooLarge) -> JSONResponse:
        return JSONResponse({"detail": "request body too large"}, status_code=413)

    @app.exception_handler(sqlite3.OperationalError)
    async def database_busy(_: Request, err: sqlite3.OperationalError) -> JSONResponse:
        # Not the client's fault (a locked or unreadable file): 503 so that clients retry.
        return JSONResponse({"detail": f"database unavailable: {err}"}, status_code=503)


# ------------------------------------------------------------------------------------ events


async def event_filter(
    level: Annotated[str | None, Query(description="merged (across outlets), document, or auto")] = None,
    type: Annotated[list[str], Query(description="Event type(s), e.g. Battles")] = [],  # noqa: A002, B006
    sub_type: Annotated[list[str], Query(description="Sub-type(s)")] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(description="YYYY[-MM[-DD]]: events ending on or after")] = None,
    date_to: Annotated[str | None, Query(description="YYYY[-MM[-DD]]: events starting on or before")] = None,
    actor: Annotated[Text, Query(description="Entity id, or part of an actor's Arabic/English name")] = None,
    place: Annotated[Text, Query(description="Place name (Arabic or English), admin1/admin2, or gazetteer id")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    outlet: Text = None,
    disputed: Annotated[bool, Query(description="Only events whose sources disagree")] = False,
    story: Text = None,
    doc: Annotated[Text, Query(description="Only events reported by this document")] = None,
) -> dict[str, Any]:
    if len(type) > 20 or len(sub_type) > 50:
        raise BadParameter("type", "too many values")
    values = dict(types=type, sub_types=sub_type, date_from=parse_date("date_from", date_from),
                  date_to=parse_date("date_to", date_to, end=True), actor=actor, place=place,
                  bbox=parse_bbox(bbox), outlet=outlet, disputed=disputed, story=story, doc=doc)
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        raise BadParameter("date_from", "is after date_to")
    return {"level": level, **values}


Filter = Annotated[dict[str, Any], Depends(event_filter)]


def _filter(conn: sqlite3.Connection, values: dict[str, Any]) -> EventFilter:
    fields = dict(values)
    return EventFilter(level=ev.resolve_level(conn, fields.pop("level")), **fields)


def _add_event_routes(app: FastAPI, pool: ConnectionPerThread) -> None:
    @app.get("/api/events", tags=["events"], summary="Events, filtered, sorted and paged")
    def list_events(
        flt: Filter, limit: Limit = 50, offset: Offset = 0,
        sort: Annotated[str | None, Query(description="date, killed, injured, type, id; prefix - for descending")] = None,
        cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
        view: Annotated[str, Query(pattern="^(full|summary)$", description="full records or summary rows")] = "full",
        count: Annotated[bool, Query(description="Also count every match (total)")] = True,
    ) -> RawJSONResponse:
        conn = pool.get()
        event_filter_ = _filter(conn, flt)
        columns = "id, record" if view == "full" else ev.summary_columns(conn, event_filter_.level)
        page = ev.query_page(conn, event_filter_, sort, limit, offset, cursor, count, columns)
        meta = {"level": event_filter_.level, "total": page.total, "total_capped": page.total_capped,
                "limit": limit, "offset": offset, "next_cursor": page.next_cursor}
        items = ([row["record"] for row in page.rows] if view == "full"
                 else [ev.summary_json(row) for row in page.rows])
        return page_response(meta, items)

    @app.get("/api/events/points", tags=["events"], summary="Compact rows for a map")
    def event_points(flt: Filter, limit: Annotated[int, Query(ge=1, le=ev.MAX_POINTS)] = 20_000) -> RawJSONResponse:
        conn = pool.get()
        event_filter_ = _filter(conn, flt)
        rows = ev.points(conn, event_filter_, limit)
        return json_response({"level": event_filter_.level, "fields": list(ev.POINT_FIELDS), "rows": rows})

    @app.get("/api/events/counts", tags=["events"], summary="Event counts grouped by one key")
    def event_counts(flt: Filter, by: Annotated[str, Query(description=", ".join(ev.COUNT_GROUPS))] = "type",
                     ) -> RawJSONResponse:
        conn = pool.get()
        event_filter_ = _filter(conn, flt)
        return json_response({"level": event_filter_.level, "by": by, "groups": ev.counts(conn, event_filter_, by)})

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event, its reports' articles and versions")
    def get_event(event_id: Annotated[str, PathParam(max_length=MAX_TEXT_PARAM)],
                  text: Annotated[bool, Query(description="Include the reporting articles' text")] = True,
                  ) -> RawJSONResponse:
        conn = pool.get()
        found = ev.get_event(conn, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        level, record = found
        docs = [r["doc"] for r in record.get("reports", []) if r.get("doc")] or [record.get("doc")]
        result: dict[str, Any] = {"level": level, "event": record,
                                  "documents": records_view.document_briefs(conn, [d for d in docs if d], text)}
        if level == "merged":
            result.update(records_view.compare_versions(conn, event_id, record))
            story = conn.execute("SELECT story_id FROM merged_events WHERE id = ?", (event_id,)).fetchone()
            result["story_id"] = story[0] if story else None
        return json_response(result)


# ------------------------------------------------------------------------------------ records


def _add_record_routes(app: FastAPI, pool: ConnectionPerThread) -> None:
    @app.get("/api/stats", tags=["meta"], summary="What the database holds, for the page's filters")
    def stats() -> RawJSONResponse:
        conn = pool.get()
        level = ev.resolve_level(conn, None)
        table = "merged_events" if level == "merged" else "events"

        def one(sql: str) -> Any:
            return conn.execute(sql).fetchone()[0]

        return json_response({
            "level": level,
            "documents": one("SELECT count(*) FROM documents"),
            "entities": one("SELECT count(*) FROM entities"),
            "events": one(f"SELECT count(*) FROM {table}"),
            "stories": one("SELECT count(*) FROM stories"),
            "date_min": one(f"SELECT min(date_start) FROM {table}"),
            "date_max": one(f"SELECT max(coalesce(date_end, date_start)) FROM {table}"),
            "types": [r[0] for r in conn.execute(f"SELECT DISTINCT type FROM {table} ORDER BY type")],
            "outlets": [r[0] for r in conn.execute(
                "SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC")],
        })

    @app.get("/api/documents", tags=["documents"], summary="Documents, newest first")
    def list_documents(outlet: Text = None, date_from: str | None = None, date_to: str | None = None,
                       limit: Limit = 50, offset: Offset = 0) -> RawJSONResponse:
        where, params = records_view.document_where(outlet, parse_date("date_from", date_from),
                                                    parse_date("date_to", date_to, end=True))
        total, items = records_view.list_documents(pool.get(), where, params, limit, offset)
        return json_response({"total": total, "limit": limit, "offset": offset, "items": items})

    @app.get("/api/documents/{doc_id}", tags=["documents"],
             summary="A document: clean text, removed leftovers, every layer, and all spans")
    def get_document(doc_id: Annotated[str, PathParam(max_length=MAX_TEXT_PARAM)]) -> RawJSONResponse:
        record = records_view.get_document(pool.get(), doc_id)
        if record is None:
            raise HTTPException(404, f"no document {doc_id}")
        return json_response(record)

    @app.get("/api/entities", tags=["entities"], summary="Entities, most mentioned first")
    def list_entities(q: Text = None, type: Annotated[str | None, Query(max_length=10)] = None,  # noqa: A002
                      limit: Limit = 50, offset: Offset = 0) -> RawJSONResponse:
        total, items = records_view.list_entities(pool.get(), q, type, limit, offset)
        return json_response({"total": total, "limit": limit, "offset": offset, "items": items})

    @app.get("/api/entities/{entity_id}", tags=["entities"], summary="An entity with its mentions and events")
    def get_entity(entity_id: Annotated[str, PathParam(max_length=MAX_TEXT_PARAM)]) -> RawJSONResponse:
        record = records_view.get_entity(pool.get(), entity_id)
        if record is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return json_response(record)

    @app.get("/api/stories", tags=["stories"], summary="Stories (groups of related events), newest first")
    def list_stories(limit: Limit = 50, offset: Offset = 0) -> RawJSONResponse:
        total, items = records_view.list_stories(pool.get(), limit, offset)
        return json_response({"total": total, "limit": limit, "offset": offset, "items": items})

    @app.get("/api/stories/{story_id}", tags=["stories"],
             summary="A story: its events with each outlet's version side by side and their disagreements")
    def get_story(story_id: Annotated[str, PathParam(max_length=MAX_TEXT_PARAM)]) -> RawJSONResponse:
        story = records_view.get_story(pool.get(), story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id}")
        return json_response(story)

    @app.get("/api/search", tags=["search"],
             summary="Full-text search that folds hamza, ta marbuta, diacritics and proclitics")
    def search(q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT_PARAM)],
               limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> RawJSONResponse:
        return json_response(records_view.search_documents(pool.get(), q, limit, offset))


# ------------------------------------------------------------------------------------ exports


def _add_export_routes(app: FastAPI, db_path: Path) -> None:
    @app.get("/api/export/events.{fmt}", tags=["exports"],
             summary="Stream the filtered events as jsonl, csv (ACLED columns) or geojson")
    def export_events(flt: Filter, fmt: Annotated[str, PathParam(pattern="^(jsonl|csv|geojson)$")]
                      ) -> StreamingResponse:
        # The stream outlives this call and its chunks may run on any thread: it gets its own
        # connection, closed when the stream ends.
        conn = connect_readonly(db_path)
        event_filter_ = _filter(conn, flt)
        columns, to_row, to_feature, real = exports.acled_converters()
        records = _closing(conn, ev.iter_records(conn, event_filter_))
        if fmt == "jsonl":
            body = exports.stream_jsonl(records)
        elif fmt == "csv":
            body = exports.stream_csv(records, columns, to_row)
        else:
            body = exports.stream_geojson(records, to_feature)
        headers = {"content-disposition": f'attachment; filename="events.{fmt}"',
                   "x-marsad-level": event_filter_.level, "x-marsad-converter": "acled" if real else "fallback"}
        return StreamingResponse(body, media_type=exports.EXPORT_FORMATS[fmt], headers=headers)


def _closing(conn: sqlite3.Connection, rows: Any) -> Any:
    try:
        yield from rows
    finally:
        conn.close()


# ------------------------------------------------------------------------------------ writes


def _add_write_routes(app: FastAPI, db_path: Path, token: str | None) -> None:
    async def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:  # writes are off: the endpoints do not exist for this server
            raise HTTPException(404, "not found (writes are disabled: set MARSAD_TOKEN to enable them)")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(403, "a valid token is required (Authorization: Bearer <MARSAD_TOKEN>)")

    @app.post("/api/documents", tags=["write"], dependencies=[Depends(require_token)],
              summary="Ingest articles: runs the whole pipeline on them (token required)")
    def ingest(body: IngestIn) -> RawJSONResponse:
        articles = [a.model_dump(exclude_none=True) for a in body.articles]
        for number, article in enumerate(articles, 1):
            if not (article.get("text") or "").strip() and not (article.get("html") or "").strip():
                raise BadParameter("articles", f"article {number} has no text or html")
        return json_response(ingest_articles(db_path, articles))

    @app.delete("/api/documents/{doc_id}", tags=["write"], dependencies=[Depends(require_token)],
                summary="Delete a document and its layers (token required)")
    def delete(doc_id: Annotated[str, PathParam(max_length=MAX_TEXT_PARAM)]) -> RawJSONResponse:
        if not delete_document(db_path, doc_id):
            raise HTTPException(404, f"no document {doc_id}")
        return json_response({"deleted": doc_id})


# ------------------------------------------------------------------------------------ page


def _add_page_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    index_html = (WEB_DIR / "templates" / "index.html").read_text(encoding="utf-8")
    version = getattr(marsad, "__version__", "0")

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(index_html.replace("{{ version }}", version),
                            headers={"content-security-policy": CSP})

    @app.get("/api/geo/syria_admin.geojson", tags=["meta"], summary="Syria governorates and districts")
    def syria_admin() -> FileResponse:
        path = resources.files("marsad") / "resources" / "geo" / "syria_admin.geojson"
        if not Path(str(path)).exists():
            raise HTTPException(404, "the Syria boundaries are not installed")
        return FileResponse(str(path), media_type="application/geo+json")


# The page loads nothing from elsewhere and runs no inline script: a CSP makes that a guarantee.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
