"""Charts drawn at build time as static SVG; the same numbers are always in a table beside them."""

from __future__ import annotations

import functools
import io
from datetime import date
from typing import Any

import matplotlib
from babel.dates import format_date
from babel.numbers import format_decimal
from matplotlib.figure import Figure

from .. import addresses as at
from ..settings import Settings, direction
from ..structure import Content, Indicator
from ..translations import catalogue
from ..vocabulary import SHOWN_STATUSES
from .followup import month_ends, monthly_status_counts

# Fixed ids and no timestamp: the same numbers give the same file. Text stays text, for zoom and search.
_STYLE: dict[Any, Any] = {"svg.hashsalt": "medborgarlofte", "svg.fonttype": "none", "font.family": "sans-serif", "font.size": 11}
_METADATA = {"Date": None, "Creator": None}
INDICATOR_FIGURE = (6.4, 3.2)  # inches
STATUS_FIGURE = (6.4, 3.6)
# Width and height for the <img> of each chart, so that the page keeps its place before the chart arrives.
SIZES = {"indicator": tuple(round(100 * side) for side in INDICATOR_FIGURE), "status": tuple(round(100 * side) for side in STATUS_FIGURE)}


@functools.lru_cache(maxsize=4096)  # a preview rebuilds on every save; unchanged figures need not be drawn again
def indicator_chart(indicator: Indicator, language: str) -> str:
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=INDICATOR_FIGURE)
        axes = figure.subplots()
        days = [m.date for m in indicator.values]
        values = [m.value for m in indicator.values]
        axes.plot(days, values, color="#283593", marker="o", linewidth=2)  # type: ignore[arg-type]  # matplotlib plots dates
        axes.set_xticks(days, [format_date(d, "MMM y", locale=language) for d in days], rotation=0 if len(days) < 5 else 45)  # type: ignore[arg-type]
        axes.set_ylabel(indicator.unit)
        for day, value in zip(days, values, strict=True):
            axes.annotate(format_decimal(value, locale=language), (day, value), textcoords="offset points", xytext=(0, 6), ha="center")
        axes.set_ylim(bottom=0, top=max(values, default=1) * 1.25 or 1)
        axes.grid(axis="y", color="#dddddd")
        _read_in(axes, language)
        # Fixed margins (tight_layout draws twice), mirrored for a language read from the right.
        figure.subplots_adjust(**_margins(language, 0.1, 0.97), top=0.95, bottom=0.14)
        return _svg(figure)


def status_chart(rows: list[tuple[date, dict[str, int]]], language: str) -> str:
    """Stacked bars: how many commitments had each status at the end of each month."""
    return _status_chart(tuple((end, tuple(counts.items())) for end, counts in rows), language)


@functools.lru_cache(maxsize=256)
def _status_chart(frozen: tuple[tuple[date, tuple[tuple[str, int], ...]], ...], language: str) -> str:
    rows = [(end, dict(counts)) for end, counts in frozen]
    _ = catalogue(language).gettext
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=STATUS_FIGURE)
        axes = figure.subplots()
        positions = list(range(len(rows)))
        bottoms = [0] * len(rows)
        for status in SHOWN_STATUSES.values():
            heights = [counts[status.name] for _, counts in rows]
            if not any(heights):
                continue
            # Colour and hatch both, so that no two statuses differ by colour alone.
            axes.bar(positions, heights, bottom=bottoms, color=status.fill, hatch=status.hatch, edgecolor="#333333", label=_(status.label))
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        axes.set_xticks(positions, [format_date(end, "MMM yy", locale=language) for end, _ in rows], rotation=45)
        axes.set_ylabel(_("Antal åtaganden"))
        _read_in(axes, language)
        # The legend beside the bars, on the side the reader ends a line.
        right_to_left = direction(language) == "rtl"
        axes.legend(loc="upper right" if right_to_left else "upper left", bbox_to_anchor=(0, 1) if right_to_left else (1, 1), frameon=False,
                    markerfirst=not right_to_left)
        figure.subplots_adjust(**_margins(language, 0.1, 0.74), top=0.95, bottom=0.2)
        return _svg(figure)


def _read_in(axes: Any, language: str) -> None:
    """Time runs the way the language is read: from the right, with the values' axis on the right, in Arabic."""
    if direction(language) == "rtl":
        axes.invert_xaxis()
        axes.yaxis.tick_right()
        axes.yaxis.set_label_position("right")
        axes.spines[["top", "left"]].set_visible(False)
    else:
        axes.spines[["top", "right"]].set_visible(False)


def _margins(language: str, start: float, end: float) -> dict[str, float]:
    """The plot's left and right edges, given for a left-to-right reading, mirrored for a right-to-left one."""
    return {"left": 1 - end, "right": 1 - start} if direction(language) == "rtl" else {"left": start, "right": end}


def _svg(figure: Figure) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata=_METADATA)
    return out.getvalue()


def generate(content: Content, settings: Settings, today: date) -> dict[str, str]:
    """Every chart file: one per indicator (commitment pages show it smaller) and the monthly statuses of each period."""
    files = {}
    for indicator in content.indicators.values():
        if indicator.values:
            files[at.indicator_chart(indicator.id)] = indicator_chart(indicator, settings.language)
    for period in content.periods.values():
        rows = monthly_status_counts([c for c in content.commitments.values() if c.period == period.id], month_ends(period, today))
        if rows:
            files[at.status_chart(period.id)] = status_chart(rows, settings.language)
    return files
