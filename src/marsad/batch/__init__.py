"""Batch modes for corpora larger than one machine's patience: `marsad.batch.spark` (PySpark)."""
