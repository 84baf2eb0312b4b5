"""Ingest: readers for crawled articles (text, HTML, JSON Lines, WARC) and their metadata."""

from marsad.ingest.meta import Metadata, load_metadata
from marsad.ingest.readers import iter_inputs

__all__ = ["Metadata", "iter_inputs", "load_metadata"]
