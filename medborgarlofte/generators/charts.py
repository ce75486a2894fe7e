"""Charts drawn at build time as static SVG; the same numbers are always in a table beside them.

Python lays each chart out (scales, ticks, positions); templates/*.svg.j2 hold the markup. Time runs the way
the language is read: from the right in Arabic, with the values' axis and its labels on the right.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from .. import addresses as at
from ..languages import words
from ..settings import Settings
from ..structure import Content, Indicator, Untranslated
from ..vocabulary import NO_STATUS, SHOWN_STATUSES, StatusFacts
from . import presentation
from .followup import measured, month_ends, monthly_invented_counts, monthly_status_counts, unit_name

# A phone 390 px wide shows a chart 359 px wide: its text is then 14 × 359 / 460 ≈ 10.9 px, at its own size on a desktop.
WIDTH = 460
FONT_SIZE = 14
_LEGEND_ROW = 22  # the status chart's legend, in two columns below the bars: the bars keep the whole width
_LEGEND_HEIGHT = math.ceil(len(SHOWN_STATUSES) / 2) * _LEGEND_ROW
# Width and height for the <img> of each chart, so that the page keeps its place before the chart arrives.
SIZES = {"indicator": (WIDTH, 320), "status": (WIDTH, 320 + _LEGEND_HEIGHT)}
_MOST_MONTH_LABELS = 16  # more would overlap; every second (third, …) month is named instead
Box = tuple[float, float, float, float]  # the plotting area: left, top, right, bottom


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Frame:
    """The plotting area and both axes, laid out for the language's direction."""

    left: float
    top: float
    right: float
    bottom: float
    right_to_left: bool
    values: tuple[Label, ...]  # the value axis's ticks: the label and the height of its grid line
    times: tuple[Label, ...]  # the time axis's ticks, at their places along it
    tilted: bool  # time labels turned, so that many of them fit
    unit: Label  # the value axis's title, turned along it

    @property
    def axis_x(self) -> float:
        return self.right if self.right_to_left else self.left


@dataclass(frozen=True)
class Segment:
    """One status's part of one month's bar."""

    x: float
    y: float
    width: float
    height: float
    status: StatusFacts
    invented: float = 0  # the height of its top part that is invented examples, drawn apart


@dataclass(frozen=True)
class Key:
    """One status in the legend: its swatch and its word."""

    swatch_x: float
    text_x: float
    y: float
    text: str
    status: StatusFacts


def indicator_chart(indicator: Indicator, language: str) -> str:
    """A line through the indicator's measurements, each labelled with its value."""
    width, height = SIZES["indicator"]
    days = [m.date for m in indicator.values]
    tilted = len(days) >= 5
    steps = _ticks(max((m.value for m in indicator.values), default=0) * 1.25)
    box = _box(width, height, 64, 20, bottom=64 if tilted else 36, language=language)
    place = _along_time(days, box, language)
    rise = _rise(box, steps[-1])
    points = tuple(Label(place(m.date), rise(m.value), words(language).number(m.value)) for m in indicator.values)
    frame = _frame(
        width,
        box,
        language,
        steps,
        rise,
        [(place(d), words(language).dated(d, "MMM y")) for d in days],
        tilted,
        unit_name(indicator.unit, words(language)),
    )
    described = "; ".join(
        f"{_month(m.date, language)}: {measured(m.value, indicator.unit, words(language))}" for m in indicator.values
    )
    return _render(
        "indicator.svg.j2",
        language,
        size=(width, height),
        title=indicator.title,
        description=described,
        frame=frame,
        points=points,
    )


def status_chart(
    rows: Sequence[tuple[date, dict[str, int]]], language: str, invented: Sequence[dict[str, int]] | None = None
) -> str:
    """Stacked bars: how many commitments had each status at the end of each month; the part of each that is invented
    examples (invented, month by month) is drawn apart, lighter and streaked, with its own key in the legend."""
    invented = invented or [dict.fromkeys(counts, 0) for _end, counts in rows]
    _ = words(language).gettext
    width, height = SIZES["status"]
    shown = [s for s in SHOWN_STATUSES.values() if any(counts[s.name] for _end, counts in rows)]
    steps = _ticks(max((sum(counts.values()) for _end, counts in rows), default=0), whole=True)
    box = _box(width, height, 56, 20, bottom=64 + _LEGEND_HEIGHT + 8, language=language)
    rise = _rise(box, steps[-1])
    slot = (box[2] - box[0]) / max(len(rows), 1)
    every = math.ceil(len(rows) / _MOST_MONTH_LABELS)
    right_to_left = words(language).right_to_left
    segments, times = [], []
    for index, ((end_day, counts), examples) in enumerate(zip(rows, invented, strict=True)):
        x = box[2] - (index + 1) * slot if right_to_left else box[0] + index * slot
        if index % every == 0:
            times.append((x + slot / 2, words(language).dated(end_day, "MMM yy")))
        below = 0
        for status in shown:
            if counts[status.name]:
                top = rise(below + counts[status.name])
                made_up = rise(below + counts[status.name] - examples.get(status.name, 0)) - top
                segments.append(Segment(x + slot * 0.1, top, slot * 0.8, rise(below) - top, status, made_up))
                below += counts[status.name]
    frame = _frame(width, box, language, steps, rise, times, len(rows) > 6, _("Antal åtaganden"))

    # Row by row, two to a row, from where a line begins; in each, the swatch first and its word after it.
    def key(n: int, text: str, status: StatusFacts) -> Key:
        start = 16 + (n % 2) * (width / 2)
        swatch, word = (width - start - 18, width - start - 24) if right_to_left else (start, start + 24)
        return Key(swatch, word, height - _LEGEND_HEIGHT - 4 + _LEGEND_ROW * (n // 2), text, status)

    legend = [key(n, _(status.label), status) for n, status in enumerate(shown)]
    # The invented examples' key follows the statuses'.
    examples_key = (
        key(len(shown), _("Påhittade exempel"), NO_STATUS)
        if any(sum(examples.values()) for examples in invented)
        else None
    )
    of_which = _("varav %(count)s påhittade exempel")
    described = " ".join(
        f"{_month(end_day, language)}: "
        + words(language).comma.join(
            f"{_(s.label)} {words(language).number(counts[s.name])}" for s in shown if counts[s.name]
        )
        + (
            f" ({of_which % {'count': words(language).number(sum(examples.values()))}})"
            if sum(examples.values())
            else ""
        )
        + "."
        for (end_day, counts), examples in zip(rows, invented, strict=True)
    )
    return _render(
        "status.svg.j2",
        language,
        size=(width, height),
        title=_("Antal åtaganden per status och månad"),
        description=described,
        frame=frame,
        segments=segments,
        legend=tuple(legend),
        patterned=[s for s in shown if s.hatch],
        examples_key=examples_key,
    )


def generate(content: Content, settings: Settings, today: date) -> dict[str, str]:
    """Every chart file: one per indicator (commitment pages show it smaller) and the monthly statuses of each period."""
    files = {}
    for indicator in content.indicators.values():
        if indicator.values:
            files[at.indicator_chart(indicator.id)] = indicator_chart(indicator, settings.language)
    for period in content.periods.values():
        commitments = [c for c in content.commitments.values() if c.period == period.id]
        ends = month_ends(period, today)
        if rows := monthly_status_counts(commitments, ends):
            files[at.status_chart(period.id)] = status_chart(
                rows, settings.language, monthly_invented_counts(commitments, ends)
            )
    return files


def _box(width: int, height: int, start: float, end: float, bottom: float, language: str) -> Box:
    """The plotting area (left, top, right, bottom): start is the margin where a line begins, mirrored in a right-to-left language."""
    left, right = (end, width - start) if words(language).right_to_left else (start, width - end)
    return left, 16, right, height - bottom


def _ticks(highest: float, whole: bool = False) -> list[float]:
    """Steps of 1, 2, 2.5 or 5 times a power of ten, from 0 to at least the highest value: five or so."""
    if highest <= 0:
        return [0, 1]
    rough = highest / 5
    power = 10 ** math.floor(math.log10(rough))
    step = next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= rough)
    if whole:
        step = max(1, math.ceil(step))
    count = math.ceil(highest / step - 1e-9)
    return [round(step * n, 10) for n in range(count + 1)]


def _rise(box: Box, highest: float) -> Callable[[float], float]:
    _left, top, _right, bottom = box
    return lambda value: bottom - value / highest * (bottom - top)


def _along_time(days: list[date], box: Box, language: str) -> Callable[[date], float]:
    """Where a day is on the time axis: by its date, with a margin at each end, from the right in a right-to-left language."""
    left, _top, right, _bottom = box
    first, last = (days[0], days[-1]) if days else (date.min, date.min)
    span = (last - first).days

    def place(day: date) -> float:
        share = 0.5 if span == 0 else 0.06 + 0.88 * (day - first).days / span
        return right - share * (right - left) if words(language).right_to_left else left + share * (right - left)

    return place


def _frame(
    width: int,
    box: Box,
    language: str,
    steps: list[float],
    rise: Callable[[float], float],
    times: list[tuple[float, str]],
    tilted: bool,
    unit: str,
) -> Frame:
    left, top, right, bottom = box
    right_to_left = words(language).right_to_left
    beside = right + 8 if right_to_left else left - 8
    values = tuple(Label(beside, rise(step), words(language).number(step)) for step in steps)
    marks = tuple(Label(x, bottom + (14 if tilted else 20), text) for x, text in times)
    title = Label(width - 18 if right_to_left else 18, (top + bottom) / 2, unit)
    return Frame(left, top, right, bottom, right_to_left, values, marks, tilted, title)


def _month(day: date, language: str) -> str:
    return words(language).month(day)


def _render(template: str, language: str, title: str, **values: object) -> str:
    title_language = title.language if isinstance(title, Untranslated) and title.language != language else None
    return (
        presentation.standalone(language)
        .get_template(template)
        .render(title=title, title_language=title_language, font_size=FONT_SIZE, **values)
    )
