"""Social-media cards: the picture a link unfolds into when it is shared, one PNG of 1200×630 per commitment and update.

Drawn with Pillow in DejaVu Sans, which the engine carries in medborgarlofte/fonts/ (its licence, fonts/LICENSE, lets it
be shipped with any software); it has every Nordic and Sami letter, and Arabic. Pillow's raqm layout shapes Arabic and
lays it out right to left. A card is a function of its Card alone: the same card gives the same bytes, and DRAWN keeps each card drawn, so a
card whose inputs did not change is never drawn again.
"""

from __future__ import annotations

import functools
import hashlib
import io
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import astuple, dataclass, replace
from datetime import date
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageColor, ImageDraw, ImageFont, features

from .. import addresses as at
from ..bidi import isolated
from ..languages import words
from ..settings import Settings
from ..structure import Content
from ..vocabulary import KINDS, NO_STATUS, ONE, SHOWN_STATUSES

SIZE = (1200, 630)
MARGIN = 72
_BAND = 96  # the band at the top with the site's name
_BAND_COLOUR = "#283593"  # the site's indigo, dark enough for white text (AAA)
_KIND_BACKGROUND = (
    "#e8eaf6"  # an update's kind, in a badge of the site's indigo (no status colour: a kind is not a status)
)
_INK = "#1f1f1f"
_QUIET_INK = "#4a4a4a"
_TITLE_SIZES = (
    64,
    56,
    48,
)  # the largest at which the whole title fits in _TITLE_LINES lines, else the smallest, shortened
_TITLE_LINES = 3
_SHADES = 16  # steps of antialiasing between a colour and the one it is drawn on
_CARDS_PER_WORKER = 150  # about 1.5 s of drawing: below it, starting a worker costs more than it saves
_DRAWING = "1"  # part of every card's key: raise it when the drawing changes, so that no card is taken as drawn before


class NoTextLayout(Exception):
    """Pillow's raqm layout cannot be loaded: without it Arabic would be drawn unshaped and left to right."""


@dataclass(frozen=True)
class Text:
    """A piece of text on a card and the direction of its own language (an untranslated title keeps the original's)."""

    words: str
    right_to_left: bool


@dataclass(frozen=True)
class Badge:
    words: str
    ink: str
    background: str
    edge: str
    struck: bool


@dataclass(frozen=True)
class Card:
    """All that a card shows, and all that its picture depends on."""

    site_name: Text
    overline: Text  # what it is: 'Åtagande' or the kind of update and its day
    title: Text
    badge: Badge | None
    byline: Text  # who is responsible, or whom it concerns
    right_to_left: bool  # the page's language: which side the text starts from


def generate(content: Content, settings: Settings, today: date) -> dict[str, bytes]:
    """A card per commitment and per update, by its path under docs/."""
    return DRAWN.drawn(cards_of(content, settings, today))


def cards_of(content: Content, settings: Settings, today: date) -> dict[str, Card]:
    """What each card shows, by its path under docs/: the words as they are drawn. A commitment's card shows the status
    its page shows: the last day's once the period has ended, and "Exempel" when that status is invented; an update's
    card says "Exempel" when the update is invented."""
    said = settings.words
    _ = said.gettext
    rtl = said.right_to_left

    def text(shown: str) -> Text:
        return Text(str(shown), words(getattr(shown, "language", settings.language)).right_to_left)

    site_name = text(settings.name)
    cards = {at.SITE_CARD: _site_card(settings)}
    for commitment in content.commitments.values():
        period = content.periods[commitment.period]
        day = period.ended_on(today)
        entry = commitment.status_on(day)
        status = SHOWN_STATUSES[entry.status] if entry else NO_STATUS
        # Once the promise has ended, its status is said as of that day ("Pågick", not "Pågår").
        label = _(status.ended_label if day else status.label)
        badge = _("Exempel: %(title)s") % {"title": label} if commitment.invented_on(day) else label
        # That the promise has ended comes before the period's title: a long title is shortened at its end on the card,
        # and the card must never lose the words that say it speaks of the past.
        overline = (
            _("Åtagande")
            + (" · " + _("löftet har slutat") if day else "")
            + " · "
            + isolated(period.title, settings.language)
        )
        responsible = said.listed(
            [isolated(content.actors[a].short_name, settings.language) for a in commitment.actors]
        )
        cards[at.commitment_card(commitment.id)] = Card(
            site_name,
            text(overline),
            text(commitment.title),
            Badge(badge, status.text, status.background, status.outline, status.struck),
            text(_("Ansvarig:") + " " + responsible),
            rtl,
        )
    for update in content.updates:
        kind = KINDS[update.kind]
        concerned = said.listed([isolated(content.actors[a].short_name, settings.language) for a in update.actors])
        # An invented letter or dialogue says so on its card as a commitment's invented status does: the card travels
        # without the page beside it.
        named = said.pgettext(ONE, kind.singular)
        cards[at.update_card(update.id)] = Card(
            site_name,
            text(said.day(update.date.date())),
            text(update.title),
            Badge(
                _("Exempel: %(title)s") % {"title": named} if update.example else named,
                _INK,
                _KIND_BACKGROUND,
                _BAND_COLOUR,
                False,
            ),
            text(concerned),
            rtl,
        )
    return cards


def alternative_text(card: Card) -> str:
    """What a card shows, in the order it is drawn, as the text that stands for the picture where it is not seen: its
    texts as they are written (the picture leaves out what the font cannot draw, such as an emoji; this text does not)."""
    parts = [
        card.overline.words,
        card.title.words,
        card.badge.words if card.badge else "",
        card.byline.words,
        card.site_name.words,
    ]
    return " ".join(
        part.strip() + ("" if part.strip().endswith((".", "!", "?", "…")) else ".") for part in parts if part.strip()
    )


def site_card(settings: Settings) -> dict[str, bytes]:
    """The card of a site that has no other (the national index): its name and description, by its path under docs/."""
    return DRAWN.drawn({at.SITE_CARD: _site_card(settings)})


def _site_card(settings: Settings) -> Card:
    rtl = settings.right_to_left
    return Card(Text(settings.name, rtl), Text("", rtl), Text(settings.description, rtl), None, Text("", rtl), rtl)


class DrawnCards:
    """Each card drawn once: in this process, and between builds in a folder that the build reads and writes."""

    def __init__(self) -> None:
        self._drawn: dict[str, bytes] = {}
        self._new: set[str] = set()
        self._used: set[str] = set()
        self.drawn_now = 0  # cards drawn by this process, for the benchmark

    def drawn(self, cards: Mapping[str, Card]) -> dict[str, bytes]:
        """Each card's picture, by the card's path: those not drawn before are drawn now, on every core when there are many."""
        keys = {path: _key(card) for path, card in cards.items()}
        self._used.update(keys.values())
        missing = {keys[path]: card for path, card in cards.items() if keys[path] not in self._drawn}
        workers = min(len(os.sched_getaffinity(0)), 4, len(missing) // _CARDS_PER_WORKER)
        if workers > 1:
            # A new interpreter per worker (spawn), never a fork of a process that may run the preview's server thread.
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                pictures = list(pool.map(draw, missing.values(), chunksize=32))
        else:
            pictures = [draw(card) for card in missing.values()]
        self._drawn.update(zip(missing, pictures, strict=True))
        self._new.update(missing)
        self.drawn_now += len(missing)
        return {path: self._drawn[key] for path, key in keys.items()}

    def read(self, folder: Path) -> None:
        if folder.is_dir():
            for path in folder.glob("*.png"):
                self._drawn.setdefault(path.stem, path.read_bytes())

    def write(self, folder: Path) -> None:
        """The cards drawn since the last write, for the next build; a card that this build did not show is let go."""
        folder.mkdir(parents=True, exist_ok=True)
        for key in sorted(self._new):
            (folder / f"{key}.png").write_bytes(self._drawn[key])
        for path in folder.glob("*.png"):
            if path.stem not in self._used:
                path.unlink()
        self._new.clear()
        self._used.clear()


DRAWN = DrawnCards()


def _key(card: Card) -> str:
    return hashlib.sha256(repr((_DRAWING, features.version("raqm"), astuple(card))).encode("utf-8")).hexdigest()[:32]


def can_lay_out_text() -> bool:
    """Whether Pillow's raqm layout loads here: it needs the system's FriBiDi library (Debian's libfribidi0), which
    Pillow's wheels leave out for its licence."""
    return bool(features.check("raqm"))


def draw(card: Card) -> bytes:
    """The card as PNG: the same card always gives the same bytes (no time or other metadata is written)."""
    if not can_lay_out_text():
        raise NoTextLayout()

    # The texts as they can be drawn: without what the font has no glyph for.
    def drawn(text: Text) -> Text:
        return replace(text, words=drawable(text.words))

    card = replace(
        card,
        site_name=drawn(card.site_name),
        overline=drawn(card.overline),
        title=drawn(card.title),
        byline=drawn(card.byline),
    )
    image = Image.new("RGB", SIZE, "#ffffff")
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    start_x, anchor = (SIZE[0] - MARGIN, "r") if card.right_to_left else (MARGIN, "l")

    def write(y: float, text: Text, face: ImageFont.FreeTypeFont, ink: str) -> None:
        pen.text(
            (start_x, y),
            text.words,
            font=face,
            fill=ink,
            anchor=anchor + "a",
            direction="rtl" if text.right_to_left else "ltr",
        )

    pen.rectangle((0, 0, SIZE[0], _BAND), fill=_BAND_COLOUR)
    write(30, _shortened(pen, card.site_name, font(True, 34), width), font(True, 34), "#ffffff")
    write(132, _shortened(pen, card.overline, font(False, 30), width), font(False, 30), _QUIET_INK)

    size, lines = _title(pen, card.title, width)
    for n, line in enumerate(lines):
        write(184 + n * size * 1.2, line, font(True, size), _INK)

    if card.badge:
        _badge(pen, card.badge, card.right_to_left, start_x)
    write(548, _shortened(pen, card.byline, font(False, 32), width), font(False, 32), _QUIET_INK)

    out = io.BytesIO()
    _in_palette(image, card).save(
        out, "PNG", compress_level=3
    )  # twice as fast as the default, for a quarter more bytes
    return out.getvalue()


def _in_palette(image: Image.Image, card: Card) -> Image.Image:
    """The picture in a palette of its own colours, each with the shades its antialiased edges blend through.

    A card has a few flat colours, so nothing is lost, and the PNG is half the size and encoded five times as fast.
    """
    pairs = [("#ffffff", _INK), ("#ffffff", _QUIET_INK), (_BAND_COLOUR, "#ffffff")]
    if card.badge:
        pairs += [
            (card.badge.background, card.badge.ink),
            ("#ffffff", card.badge.edge),
            (card.badge.background, card.badge.edge),
        ]
    colours: dict[tuple[int, ...], None] = {}
    for ground, ink in pairs:
        start, end = ImageColor.getrgb(ground), ImageColor.getrgb(ink)
        for step in range(_SHADES + 1):
            colours[tuple(round(a + (b - a) * step / _SHADES) for a, b in zip(start, end, strict=True))] = None
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return image.quantize(palette=palette, dither=Image.Dither.NONE)


def _badge(pen: ImageDraw.ImageDraw, badge: Badge, right_to_left: bool, start_x: float) -> None:
    face = font(True, 34)
    length = _length(pen, Text(badge.words, right_to_left), face)
    top, height, padding = 452, 66, 24
    left = start_x - length - 2 * padding if right_to_left else start_x
    box = (left, top, left + length + 2 * padding, top + height)
    pen.rounded_rectangle(box, radius=12, fill=badge.background, outline=badge.edge, width=3)
    pen.text(
        ((box[0] + box[2]) / 2, top + height / 2),
        badge.words,
        font=face,
        fill=badge.ink,
        anchor="mm",
        direction="rtl" if right_to_left else "ltr",
    )
    if badge.struck:
        pen.line(
            (box[0] + padding, top + height / 2 + 2, box[2] - padding, top + height / 2 + 2), fill=badge.ink, width=3
        )


def _title(pen: ImageDraw.ImageDraw, title: Text, width: int) -> tuple[int, list[Text]]:
    """The title's size and lines: the largest size at which it fits, else the smallest with its last line shortened."""
    for size in _TITLE_SIZES:
        lines = _wrapped(pen, title, font(True, size), width)
        if len(lines) <= _TITLE_LINES:
            return size, lines
    kept = lines[:_TITLE_LINES]
    rest = " ".join(line.words for line in lines[_TITLE_LINES - 1 :])
    kept[-1] = _shortened(pen, Text(rest, title.right_to_left), font(True, size), width, always=True)
    return size, kept


def _wrapped(pen: ImageDraw.ImageDraw, text: Text, face: ImageFont.FreeTypeFont, width: int) -> list[Text]:
    """Words to lines that fit; a word longer than a line is broken where it must be."""
    lines: list[str] = []
    line = ""
    for word in text.words.split():
        while _length(pen, Text(word, text.right_to_left), face) > width:
            cut = len(word)
            while cut > 1 and _length(pen, Text(word[:cut], text.right_to_left), face) > width:
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{line} {word}" if line else word
        if line and _length(pen, Text(trial, text.right_to_left), face) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return [Text(line, text.right_to_left) for line in lines]


def _shortened(
    pen: ImageDraw.ImageDraw, text: Text, face: ImageFont.FreeTypeFont, width: int, always: bool = False
) -> Text:
    """The text as it fits on one line: cut at a word where it can be, and ended with an ellipsis when cut."""
    if not always and _length(pen, text, face) <= width:
        return text
    words = text.words
    while words and _length(pen, Text(words + " …", text.right_to_left), face) > width:
        words = words.rsplit(" ", 1)[0] if " " in words else words[:-1]
    return Text(words.rstrip(" ,.;:–-") + " …", text.right_to_left)


def _length(pen: ImageDraw.ImageDraw, text: Text, face: ImageFont.FreeTypeFont) -> float:
    return pen.textlength(text.words, font=face, direction="rtl" if text.right_to_left else "ltr")


_FONTS = Path(__file__).resolve().parent.parent / "fonts"
_FACES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_SPACES = re.compile(r" {2,}")
_LEFT_JOINERS = re.compile(
    r"(?<!\S)\u200d+|\u200d+(?!\S)"
)  # a joiner whose emoji were taken away, beside a space or at an end


@functools.cache
def _in_font() -> frozenset[int]:
    """The characters that both faces of the card's font can draw."""
    return frozenset.intersection(*(frozenset(TTFont(_FONTS / face, lazy=True).getBestCmap()) for face in _FACES))


def drawable(words: str) -> str:
    """The words without the characters the font has no glyph for (an emoji, a script it lacks), which would be drawn as
    empty boxes; the invisible ones that steer the layout (joiners, isolates, variation selectors) stay, and are not drawn."""
    have = _in_font()
    kept = "".join(
        c
        for c in words
        if ord(c) in have or c.isspace() or unicodedata.category(c) == "Cf" or 0xFE00 <= ord(c) <= 0xFE0F
    )
    if kept == words:
        return words
    return _SPACES.sub(" ", _LEFT_JOINERS.sub("", kept)).strip()


@functools.cache
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONTS / _FACES[bold]), size, layout_engine=ImageFont.Layout.RAQM)
