"""The denial step's tie keys are a superset filter: whenever `_denial_score` can pick a claim,
the claim and the denial share a key (else the store path would miss links the in-memory one makes)."""

import random

from marsad.cluster.events import _denial_score, denial_tie_keys
from marsad.records import Actor, Event, Evidence, Location, Toll

ACTORS = [None, Actor("التحالف", "Saudi-led coalition", "kb:coalition"), Actor("التحالف", "Saudi-led coalition"),
          Actor("الحوثيون", "Houthis", "kb:houthi"), Actor("مدنيون", "Civilians (Yemen)"),
          Actor("مدنيين", "Civilians"), Actor("مسلحون"), Actor("مسلحون", None, "kb:x"),
          Actor("جماعة", "Unidentified armed group")]
PLACES = [None, Location("تعز", "Taiz", country="Yemen", lat=13.58, lon=44.02, precision=1),
          Location("تعز", "Taiz", country="Yemen", lat=13.80, lon=44.02, precision=1),  # 24 km north
          Location("المخا", "Mocha", country="Yemen", lat=13.32, lon=43.25, precision=1),
          Location("حي", None, country="Yemen", precision=2),
          Location("اليمن", "Yemen", country="Yemen", lat=15.5, lon=47.5, precision=3, feature="country")]
TOLLS = [[], [Toll(9, kind="killed")], [Toll(20, kind="killed"), Toll(9, kind="killed")], [Toll(5, kind="injured")]]


def _event(rng: random.Random, modality: str) -> Event:
    return Event(id=f"e{rng.random()}", type="Explosions/Remote violence",
                 sub_type=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack"]),
                 location=rng.choice(PLACES), actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS),
                 tolls=list(rng.choice(TOLLS)), modality=modality,
                 reports=[Evidence(doc=rng.choice(["d1", "d2"]), start=0, end=1, text="")])


def test_every_scoring_pair_shares_a_tie_key():
    rng = random.Random(7)
    pairs = [(_event(rng, "reported"), _event(rng, "denied")) for _ in range(3000)]
    scoring = [(c, d) for c, d in pairs if _denial_score(c, d)]
    assert len(scoring) > 100  # the sample exercises the rule
    for claim, denied in scoring:
        assert denial_tie_keys(claim) & denial_tie_keys(denied, neighbours=True)


def test_a_denial_with_nothing_to_tie_has_no_keys():
    # no named actor, no toll, only a country: no claim can score, the store path reads none
    bare = Event(id="d", type="Explosions/Remote violence", modality="denied", actor1=ACTORS[-1], location=PLACES[-1])
    assert denial_tie_keys(bare, neighbours=True) == set()
