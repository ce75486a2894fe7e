"""Every fact about a status, a kind of update and a unit of measurement, in one table each.

Validation, `new`, pages, charts, the status styles and feeds all read them here, so that adding a
status or a kind of update is one row. Names are as content writes them (Swedish); slugs are the ASCII
forms used in anchors, class names and addresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from .translations import N_, NC_


@dataclass(frozen=True)
class StatusFacts:
    name: str  # as written in content
    label: str  # as shown to readers, translated where shown
    slug: str  # in anchors and class names
    closed: bool  # the work is over: never silent or overdue
    done: bool  # counted as done in an ended period's outcome
    needs_note: bool  # refused without a note that says what happened
    # How it looks. Colour never stands alone: the badge has the word, the bars and charts a pattern too.
    text: str  # badge text
    background: str  # badge background
    border: str  # badge border style
    edge: str  # badge border colour
    struck: bool  # badge text struck through
    fill: str  # bars and charts
    stripe: str  # second colour of a bar's stripes, "" for none
    angle: int  # direction of a bar's stripes, in degrees
    hatch: str  # the pattern over its colour in a chart: rising, falling, crossed, dots, level or "" for none
    continuous: bool = (
        False  # work that goes on by its nature: at a period's end it has continued, not failed to finish
    )
    # What it means, in easy-to-read Swedish (lättläst) for the Lättläst page: short sentences, everyday words. Written
    # by the engine's authors and reviewed by no lättläst editor yet (the catalogue says so to its translators).
    easy: str = ""
    # The same, said of a promise that has ended: how the work stood on its last day.
    easy_at_end: str = ""
    # What it is called once the promise has ended, where the label speaks of the present ("Pågår": "Pågick").
    at_end: str = ""

    @property
    def ended_label(self) -> str:
        """The label as an ended promise's final status says it: in the past where the present would say it goes on."""
        return self.at_end or self.label

    @property
    def outline(self) -> str:
        """The badge border's colour where currentColor cannot be said (a picture, an inline style): the text's."""
        return self.text if self.edge == "currentColor" else self.edge


STATUSES: dict[str, StatusFacts] = {
    s.name: s
    for s in (
        StatusFacts(
            "planerad",
            N_("Planerad"),
            "planerad",
            closed=False,
            done=False,
            needs_note=False,
            text="#3a3a3a",
            background="#f0f0f0",
            border="solid",
            edge="currentColor",
            struck=False,
            fill="#9e9e9e",
            stripe="",
            angle=0,
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy=N_("Arbetet har inte börjat än. Det ska börja senare."),
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy_at_end=N_("Arbetet hade inte börjat när löftet slutade."),
            hatch="",
        ),
        StatusFacts(
            "pågår",
            N_("Pågår"),
            "pagar",
            closed=False,
            done=False,
            needs_note=False,
            text="#0b4f8a",
            background="#e3f0fb",
            border="solid",
            edge="currentColor",
            struck=False,
            fill="#1e73be",
            stripe="",
            angle=0,
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy=N_("Arbetet har börjat. De arbetar med det nu."),
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy_at_end=N_("Arbetet hade börjat. Det var inte klart när löftet slutade."),
            hatch="rising",
            at_end=N_("Pågick"),
        ),
        StatusFacts(
            "löpande",
            N_("Löpande"),
            "lopande",
            closed=False,
            done=False,
            needs_note=False,
            text="#1d5a2a",
            background="#e6f4e9",
            border="solid",
            edge="currentColor",
            struck=False,
            fill="#2e7d32",
            stripe="#66a96a",
            angle=45,
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy=N_("Arbetet pågår hela tiden. Det har inget slut."),
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy_at_end=N_("Arbetet pågick hela tiden, så länge löftet gällde."),
            hatch="dots",
            continuous=True,
        ),
        StatusFacts(
            "genomförd",
            N_("Genomförd"),
            "genomford",
            closed=True,
            done=True,
            needs_note=False,
            text="#ffffff",
            background="#1d5a2a",
            border="solid",
            edge="#1d5a2a",
            struck=False,
            fill="#1d5a2a",
            stripe="",
            angle=0,
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy=N_("Arbetet är klart. De har gjort det som de lovade."),
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy_at_end=N_("Arbetet blev klart. De gjorde det som de lovade."),
            hatch="",
        ),
        StatusFacts(
            "försenad",
            N_("Försenad"),
            "forsenad",
            closed=False,
            done=False,
            needs_note=False,
            text="#7a3e00",
            background="#fff1dd",
            border="dashed",
            edge="currentColor",
            struck=False,
            fill="#b35c00",
            stripe="#f0a040",
            angle=90,
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy=N_("Arbetet tar längre tid än de sa. Det blev inte klart i tid."),
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy_at_end=N_("Arbetet tog längre tid än de sa. Det blev inte klart i tid."),
            hatch="crossed",
        ),
        StatusFacts(
            "avbruten",
            N_("Avbruten"),
            "avbruten",
            closed=True,
            done=False,
            needs_note=True,
            text="#8a1c1c",
            background="#fbe6e6",
            border="solid",
            edge="currentColor",
            struck=True,
            fill="#8a1c1c",
            stripe="#e0a0a0",
            angle=-45,
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy=N_("Arbetet har slutat. De gör inte klart det."),
            # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
            easy_at_end=N_("Arbetet slutade innan det var klart."),
            hatch="falling",
        ),
    )
}
# A commitment with no status reported yet: shown, counted and charted like a status, never written in content.
NO_STATUS = StatusFacts(
    "ingen",
    N_("Ingen status rapporterad"),
    "ingen",
    closed=False,
    done=False,
    needs_note=False,
    text="#3a3a3a",
    background="#ffffff",
    border="dotted",
    edge="currentColor",
    struck=False,
    fill="#ffffff",
    stripe="",
    angle=0,
    hatch="level",
    # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
    easy=N_("Det finns ingen uppgift om arbetet än."),
    # LÄTTLÄST: orden är motorns egna och har inte granskats av någon lättläst-redaktör än.
    easy_at_end=N_("Det fanns ingen uppgift om arbetet när löftet slutade."),
)
SHOWN_STATUSES: dict[str, StatusFacts] = {**STATUSES, NO_STATUS.name: NO_STATUS}


@dataclass(frozen=True)
class KindFacts:
    name: str  # as written in content
    # As shown to readers, translated where shown:
    singular: str  # one of them, as a social-media card names it: translated with the context ONE
    plural: str  # the listing's title and the feed's
    every: str  # the link from one of them to its listing
    intro: str  # the first line of its listing
    page: str  # the listing's address, under the generated folder
    feed: str  # the feed's name, under flode/
    has_dialogue: bool  # a medborgardialog carries when, where and "Ni sa – vi gör"
    reports_on_period: bool  # a follow-up report, linked from its period's outcome
    mailed: bool  # sent as a newsletter too: an e-mail edition is made of each
    printed: bool = (
        False  # may also be handed out on paper, where the area's settings say it is (extra.area.paper_letters)
    )


# The context of a kind's name for one of them: Swedish says "Informationsbrev" of one letter and of many.
ONE = "en"
KINDS: dict[str, KindFacts] = {
    k.name: k
    for k in (
        KindFacts(
            "informationsbrev",
            NC_("en", "Informationsbrev"),
            N_("Informationsbrev"),
            N_("Alla informationsbrev"),
            N_("Informationsbreven berättar om arbetet med medborgarlöftet."),
            "informationsbrev",
            "informationsbrev",
            False,
            False,
            True,
            printed=True,
        ),
        KindFacts(
            "medborgardialog",
            NC_("en", "Medborgardialog"),
            N_("Medborgardialoger"),
            N_("Alla medborgardialoger"),
            N_("Här redovisas varje medborgardialog: vad som togs upp och vad aktörerna gör åt det."),
            "medborgardialoger",
            "medborgardialoger",
            True,
            False,
            False,
        ),
        KindFacts(
            "nyhet",
            NC_("en", "Nyhet"),
            N_("Nyheter"),
            N_("Alla nyheter"),
            N_("Nyheter om arbetet med medborgarlöftet."),
            "nyheter",
            "nyheter",
            False,
            False,
            False,
        ),
        KindFacts(
            "uppföljning",
            NC_("en", "Uppföljningsrapport"),
            N_("Uppföljningsrapporter"),
            N_("Alla uppföljningsrapporter"),
            N_("Rapporter om hur arbetet med medborgarlöftet följs upp."),
            "uppfoljningar",
            "uppfoljning",
            False,
            True,
            False,
        ),
    )
}

# The three levels at which a promise is followed up, as shown to readers.
LEVELS: dict[str, str] = {"aktivitet": N_("aktivitet"), "prestation": N_("prestation"), "effekt": N_("effekt")}

# The forms a citizen dialogue takes, and which way an indicator is better, as shown to readers.
FORMS: dict[str, str] = {
    "dialogmöte": N_("dialogmöte"),
    "trygghetsvandring": N_("trygghetsvandring"),
    "enkät": N_("enkät"),
    "skolbesök": N_("skolbesök"),
    "digital dialog": N_("digital dialog"),
    "informationsträff": N_("informationsträff"),
    "annat": N_("annat"),
}
BETTER: dict[str, str] = {"högre": N_("högre"), "lägre": N_("lägre")}


@dataclass(frozen=True)
class UnitFacts:
    """A unit an indicator may be measured in that every language has words for: written as content writes it (Swedish)."""

    name: str  # as written in content
    label: str  # the unit's own word, as in a table's heading and a chart's axis, translated where shown
    cldr: str  # CLDR's unit, that Babel writes with a number in each language ("36 procent", "36 percent"); "" for a count
    change: str  # a difference between two values: percentage points, not per cent, for a share


UNITS: dict[str, UnitFacts] = {
    u.name: u
    for u in (
        UnitFacts("procent", N_("procent"), "percent", N_("procentenheter")),
        UnitFacts("antal", N_("antal"), "", N_("antal")),
    )
}
