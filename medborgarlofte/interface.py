"""The theme's own words: what the header, the footer, the search box and the page for a missing address say, and
where they link, in one language. The templates in theme/ read them as config.extra.site."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import addresses as at
from .languages import Words, open_graph_locale


def words_of(said: Words, short_name: str, other_languages: Sequence[str]) -> dict[str, Any]:
    """The theme's words in said's language; short_name is what the header shows on a phone, other_languages the
    site's other languages, for a shared link's card."""
    _ = said.gettext
    code = said.language
    return {
        # What the header says on a phone, where the site's whole name does not fit: the area's name, in whole words.
        "short_name": short_name,
        "all_feed": {ending: at.feed(at.ALL_FEED, ending) for ending in ("rss", "atom")},
        "all_feed_title": _("Allt om medborgarlöftet"),
        # The footer's links, named apart from the menu's section "Om sajten": two regions of one name cannot be told apart.
        "about": _("Mer om sajten"),
        # The promise in easy-to-read Swedish, linked from every page's header (theme/partials/header.html).
        "easy_read": {"title": _("Lättläst"), "address": at.page_address(at.EASY_READ)},
        "accessibility": {"title": _("Tillgänglighetsredogörelse"), "address": at.page_address(at.ACCESSIBILITY)},
        "privacy": {"title": _("Integritet och kakor"), "address": at.page_address(at.PRIVACY)},
        "print_address": _("Läs mer och följ arbetet på"),
        # What a shared link unfolds into (Open Graph): a page without a card of its own has the site's.
        "locale": open_graph_locale(code),
        "other_locales": [open_graph_locale(other) for other in other_languages],
        "card": at.SITE_CARD,
        # The page for a missing address (theme/404.html).
        "not_found": {
            "title": _("Sidan finns inte"),
            "text": _("Sidan du sökte finns inte här. Den kan ha flyttats, eller så är adressen felskriven."),
            "start": _("Gå till startsidan"),
            "hint": _("Där hittar du alla åtaganden och uppdateringar."),
        },
        # The search box's words (theme/partials/search.html); %(count)s is filled in by its script.
        "search": {
            "folder": at.SEARCH_FOLDER,
            "label": _("Sök"),
            "placeholder": _("Sök på sajten"),
            "close": _("Stäng sökningen"),
            "waiting": _("Skriv ett ord för att söka."),
            "searching": _("Söker …"),
            "none": _("Inga träffar."),
            "count": _("Träffar: %(count)s"),
            "failed": _("Sökningen kunde inte laddas. Alla sidor nås också från menyn."),
        },
    }
