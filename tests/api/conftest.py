"""Fixtures for the API tests: a made-up database (see marsad_fixture_db.py) and clients."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from marsad_fixture_db import build_fixture_db

from marsad.api.app import create_app


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("api") / "fixture.db")


@pytest.fixture(scope="session")
def client(fixture_db: Path) -> TestClient:
    """Read-only client (no token configured), rate limit off."""
    return TestClient(create_app(fixture_db, token="", rate=None))
