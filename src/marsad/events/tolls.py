"""Several sources, one toll: ACLED's conservative figure and UCDP-style low / best / high.

docs/events.md §6: ACLED `fatalities` is the lowest credible report (the lower bound of at_least /
about / range; an unknown count is 0 for the CSV). UCDP `low` = that lowest, `high` = the highest
figure (a range's high), `best` = the median of the sources' values (we have no reliable way to tell
"the most detailed recent source" from text alone, so the median is the documented fallback). Each
value comes with the rule that produced it, so an analyst sees why the number is what it is.
"""

from __future__ import annotations

from statistics import median_low

from marsad.records import Toll

TOLL_RULE_NOTE = "tolls by source: "

RULE_ACLED = "acled: lowest credible report (lower bound of at_least/about/range; unknown = 0)"
RULE_LOW = "ucdp low: lowest reported figure"
RULE_BEST_SINGLE = "ucdp best: the only reported figure"
RULE_BEST_MEDIAN = "ucdp best: median of the sources' figures"
RULE_HIGH = "ucdp high: highest reported figure (a range's upper bound)"


def lower_bound(toll: Toll) -> int:
    return toll.value or 0


def upper_bound(toll: Toll) -> int:
    if toll.qualifier == "range" and toll.high is not None:
        return toll.high
    return toll.value or 0


def merged_figures(tolls: list[Toll]) -> dict:
    """ACLED and UCDP figures over the sources' tolls, each with the rule that produced it.

    >>> merged_figures([Toll(9, "at_least", source="Activists"), Toll(20, "exact", source="SOHR")])["acled"]
    {'value': 9, 'rule': 'acled: lowest credible report (lower bound of at_least/about/range; unknown = 0)'}
    """
    known = [t for t in tolls if t.value is not None]
    if not known:
        return {"acled": {"value": 0, "rule": RULE_ACLED}, "low": None, "best": None, "high": None,
                "sources": len(tolls)}
    lows = sorted(lower_bound(t) for t in known)
    best_rule = RULE_BEST_SINGLE if len({*lows}) == 1 else RULE_BEST_MEDIAN
    return {
        "acled": {"value": lows[0], "rule": RULE_ACLED},
        "low": {"value": lows[0], "rule": RULE_LOW},
        "best": {"value": median_low(lows), "rule": best_rule},
        "high": {"value": max(upper_bound(t) for t in known), "rule": RULE_HIGH},
        "sources": len(tolls),
    }


def summarise_tolls(tolls: list[Toll]) -> str:
    """One line: "Activists: 9 at_least; SOHR: 20 exact"."""
    parts = []
    for toll in tolls:
        figure = "unknown" if toll.value is None else str(toll.value)
        if toll.qualifier == "range" and toll.high is not None:
            figure += f"-{toll.high}"
        parts.append(f"{toll.source or 'unattributed'}: {figure} {toll.qualifier}")
    return "; ".join(parts)
