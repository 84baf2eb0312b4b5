"""marsad (مرصد): Arabic news to a verifiable record of events."""

__version__ = "0.1.0"
