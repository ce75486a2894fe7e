"""Sweden's national minority languages, and the municipalities where the law expects information in them.

The Act on National Minorities and Minority Languages (lag 2009:724) names five languages: Finnish, Meänkieli,
Sami, Romani chib and Yiddish. In an administrative area (förvaltningsområde) for Finnish, Meänkieli or Sami, a
municipality has further duties: among them, to give information in the language. The tables are facts of the
country, like the counties in settings.py; each says where it comes from and as of when.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MinorityLanguage:
    code: str  # as a site's languages and a catalogue name it
    name: str  # in Swedish, as check and the handbook say it
    autonym: str  # in itself, as the language selector shows it
    cldr: (
        bool  # whether CLDR (Babel) knows it: its own words for dates, numbers and lists; else the engine's plain forms
    )


# The five languages, and for Sami the three with most speakers in Sweden that CLDR knows. Meänkieli and Romani chib
# have no CLDR data: their names are the ones their speakers' own bodies use (Svenska Tornedalingars Riksförbund,
# Institutet för språk och folkminnen), and dates and numbers are written in plain forms (2023-04-30, 1 234).
LANGUAGES: dict[str, MinorityLanguage] = {
    language.code: language
    for language in (
        MinorityLanguage("fi", "finska", "suomi", cldr=True),
        MinorityLanguage("fit", "meänkieli", "meänkieli", cldr=False),
        MinorityLanguage("se", "nordsamiska", "davvisámegiella", cldr=True),
        MinorityLanguage("smj", "lulesamiska", "julevsámegiella", cldr=True),
        MinorityLanguage("sma", "sydsamiska", "åarjelsaemien gïele", cldr=True),
        MinorityLanguage("rom", "romani chib", "romani čhib", cldr=False),
        MinorityLanguage("yi", "jiddisch", "ייִדיש", cldr=True),
    )
}


@dataclass(frozen=True)
class AdministrativeArea:
    language: str  # the language, in Swedish: the law's word for it
    codes: tuple[str, ...]  # a site's language codes that serve it
    municipalities: dict[str, str]  # by SCB's municipality code: the municipality's name
    source: str
    as_of: str


# Municipalities in each administrative area, by SCB's codes. The areas grow when a municipality joins by decision
# of the government (förordning 2009:1299): a municipality missing here may have joined since the date given.
ADMINISTRATIVE_AREAS: tuple[AdministrativeArea, ...] = (
    AdministrativeArea(
        "finska",
        ("fi",),
        # The municipalities the Act itself names (6 §). Some 60 more have joined by decision since 2010; they are
        # not listed here until they can be taken from a source this project can cite.
        {"2523": "Gällivare", "2583": "Haparanda", "2584": "Kiruna", "2521": "Pajala", "2518": "Övertorneå"},
        "lag (2009:724) om nationella minoriteter och minoritetsspråk, 6 §",
        "2010-01-01",
    ),
    AdministrativeArea(
        "meänkieli",  # the Act's five; a municipality that has joined since by decision is not yet listed
        ("fit",),
        {"2523": "Gällivare", "2583": "Haparanda", "2584": "Kiruna", "2521": "Pajala", "2518": "Övertorneå"},
        "lag (2009:724) om nationella minoriteter och minoritetsspråk, 6 §",
        "2010-01-01",
    ),
    AdministrativeArea(
        "samiska",
        ("se", "smj", "sma"),
        {
            "2506": "Arjeplog",
            "2505": "Arvidsjaur",
            "2326": "Berg",
            "2425": "Dorotea",
            "2523": "Gällivare",
            "2361": "Härjedalen",
            "2510": "Jokkmokk",
            "2584": "Kiruna",
            "2309": "Krokom",
            "2580": "Luleå",
            "2481": "Lycksele",
            "2418": "Malå",
            "2422": "Sorsele",
            "0180": "Stockholm",
            "2421": "Storuman",
            "2313": "Strömsund",
            "2281": "Sundsvall",
            "2480": "Umeå",
            "2462": "Vilhelmina",
            "2404": "Vindeln",
            "2321": "Åre",
            "2463": "Åsele",
            "2039": "Älvdalen",
            "2284": "Örnsköldsvik",
            "2380": "Östersund",
        },
        "Sametinget, Förvaltningskommuner i det samiska området (sametinget.se/24399): de 25 kommunerna sedan 2019",
        "2019",
    ),
)


def expected_languages(municipality_code: str) -> list[AdministrativeArea]:
    """The administrative areas a municipality is in, by the tables above: the languages it is expected to inform in."""
    return [area for area in ADMINISTRATIVE_AREAS if municipality_code in area.municipalities]
