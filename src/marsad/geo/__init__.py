"""Places: the shipped gazetteer, `geocode` for one name, `annotate_places` for a document."""

from marsad.geo.annotate import annotate_places
from marsad.geo.gazetteer import Gazetteer, Place
from marsad.geo.geocode import geocode

__all__ = ["Gazetteer", "Place", "annotate_places", "geocode"]
