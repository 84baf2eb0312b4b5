"""The HTTP API and web page of marsad: `marsad serve`, or `create_app(db)` for any ASGI server."""

from __future__ import annotations

from marsad.api.app import create_app

__all__ = ["create_app"]
