"""The outlet of an article when the metadata does not say: its URL, else its own leftovers."""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Arabic news sites by host (suffix match), with the outlet names analysts use.
KNOWN_HOSTS = {
    "aawsat.com": "Asharq Al-Awsat", "alhayat.com": "Al-Hayat", "albawabhnews.com": "Al-Bawaba News",
    "al-binaa.com": "Al-Binaa", "sana.sy": "SANA", "aljazeera.net": "Al Jazeera", "alarabiya.net": "Al Arabiya",
    "skynewsarabia.com": "Sky News Arabia", "bbc.com": "BBC", "bbc.co.uk": "BBC", "france24.com": "France 24",
    "arabic.cnn.com": "CNN Arabic", "rt.com": "RT", "arabic.rt.com": "RT Arabic", "enabbaladi.net": "Enab Baladi",
    "syriahr.com": "Syrian Observatory for Human Rights", "alquds.co.uk": "Al-Quds Al-Arabi",
    "almayadeen.net": "Al Mayadeen", "alakhbar.com": "Al-Akhbar", "annahar.com": "An-Nahar",
    "independentarabia.com": "Independent Arabia", "alaraby.co.uk": "Al-Araby Al-Jadeed",
    "youm7.com": "Youm7", "ahram.org.eg": "Al-Ahram", "alriyadh.com": "Al-Riyadh", "okaz.com.sa": "Okaz",
    "alwatan.com.sa": "Al-Watan", "aljazirah.com": "Al-Jazirah", "alyaum.com": "Al-Yaum",
    "aleqt.com": "Al-Eqtisadiya", "reuters.com": "Reuters", "aa.com.tr": "Anadolu Agency",
    "sputniknews.com": "Sputnik", "ria.ru": "RIA Novosti", "baladi-news.com": "Baladi News",
    "zamanalwsl.net": "Zaman al-Wasl", "orient-news.net": "Orient News", "hawarnews.com": "Hawar News",
    "rudaw.net": "Rudaw", "alsumaria.tv": "Alsumaria", "shafaq.com": "Shafaq News",
}

_COPYRIGHT_RE = re.compile(
    r"(?:©|جميع الحقوق محفوظة|حقوق النشر محفوظة|كل الحقوق محفوظة)\s*(?:ل|لـ|لموقع|لصحيفة|لجريدة)?\s*"
    r"(?:\d{4}\s*)?(?P<name>[^\d©|\-–]{3,40}?)\s*(?:\d{4})?\s*$"
)


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    for known, name in KNOWN_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return host


def outlet_from_lines(lines: list[str]) -> str | None:
    """The outlet named in a copyright line at the foot of the page ("© 2017 الحياة")."""
    for line in reversed(lines[-8:]):
        match = _COPYRIGHT_RE.search(line)
        if match:
            return match.group("name").strip(" .،")
    return None
