"""Events: triggers, tolls, attribution and modality per document (docs/events.md).

`annotate_events(doc)` is the pipeline stage; `marsad.cluster.events` merges reports across
documents; `marsad.events.acled` writes ACLED-style rows and GeoJSON features.
"""

from marsad.events.extract import annotate_events

__all__ = ["annotate_events"]
