"""Synthetic areas for the national index: the open data of many areas' sites, made from one real area's, as folders
laid out as built sites are (a site's root, with lofte/data/medborgarlofte.json), for the tests and the benchmark.

Each area has a name that says it is synthetic, a municipality in one of the real counties (by code), and one or two
promises: the second, where there is one, renews the first, keeping, rewording, dropping and adding commitments.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from medborgarlofte import addresses as at
from medborgarlofte.regions import COUNTIES

COUNTY_CODES = tuple(COUNTIES)


def area_data(template: dict[str, Any], n: int, renewed: bool = True, name: str | None = None) -> dict[str, Any]:
    """Area number n, from an area's open data: its texts kept, its place and addresses its own."""
    data = copy.deepcopy(template)
    county = COUNTY_CODES[n % len(COUNTY_CODES)]
    municipality = f"{county}{n % 7 + 80:02d}"
    site_url = f"https://syntetiskt.example/omrade-{n}/"
    old_url = data["site"]["url"]
    data["site"] = {"name": f"Medborgarlöfte {name or f'Syntetiskt område {n}'}", "url": site_url}
    data["area"] = {
        "name": name or f"Syntetiskt område {n}",
        "municipality": f"Syntetisk kommun {municipality}",
        "municipality_code": municipality,
        "county": COUNTIES[county],
        "county_code": county,
    }
    text = json.dumps(data, ensure_ascii=False).replace(old_url, site_url)
    data = json.loads(text)
    if renewed and data["periods"]:
        data = _renewed(data)
    return data


def _renewed(data: dict[str, Any]) -> dict[str, Any]:
    """A second promise after the first: the first commitment kept, the second reworded, the third dropped, one added."""
    first = data["periods"][0]
    start, end = date.fromisoformat(first["end"]).replace(day=1), date.fromisoformat(first["end"])
    second = {
        **copy.deepcopy(first),
        "id": f"{first['id']}-fornyat",
        "title": f"{first['title']} (förnyat)",
        "start": start.replace(year=start.year + 1).isoformat(),
        "end": end.replace(year=end.year + 4).isoformat(),
    }
    earlier = [c for c in data["commitments"] if c["period"] == first["id"]]
    renewed = []
    for index, c in enumerate(earlier[:2]):
        again = copy.deepcopy(c)
        again.update(
            id=f"{c['id']}-fornyat",
            period=second["id"],
            continues=c["id"],
            url=c["url"].rstrip("/") + "-fornyat/",
            history=[{**entry, "date": second["start"]} for entry in c["history"][:1]],
        )
        if index == 1:
            again["title"] = f"{c['title']}, med nya ord"
        renewed.append(again)
    added = copy.deepcopy(earlier[3]) if len(earlier) > 3 else None
    if added:
        added.update(
            id="nytt-atagande",
            period=second["id"],
            continues=None,
            title="Ett nytt åtagande om belysning i parken",
            url=added["url"].rstrip("/") + "-nytt/",
            history=[],
        )
        renewed.append(added)
    return {**data, "periods": [*data["periods"], second], "commitments": [*data["commitments"], *renewed]}


def write_area(folder: Path, data: dict[str, Any]) -> Path:
    """An area's site as the index reads it: the open data at its place under the site's root."""
    path = folder / at.ALL_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def write_areas(folder: Path, template: dict[str, Any], count: int) -> list[Path]:
    """count synthetic areas in folder/omrade-N/, every other one renewed."""
    return [write_area(folder / f"omrade-{n}", area_data(template, n, renewed=n % 2 == 0)) for n in range(count)]
