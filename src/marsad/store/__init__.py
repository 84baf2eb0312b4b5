"""Store: SQLite (WAL, versioned schema, one transaction per article) and the exports."""

from marsad.store.sqlite import SCHEMA_VERSION, Store, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
