"""What the preview generated last time, by everything each piece was made from.

The preview generates the whole site again on every save, and most pages and feeds come out as they were.
A key holds a piece's inputs themselves (frozen models, views and settings), so an equal key means equal
inputs and the piece is taken as it was made. The templates are not in the key: the preview starts anew
(a new Remembered) when a template, the theme or mkdocs.yml changes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class Remembered:
    def __init__(self) -> None:
        self._last: dict[Hashable, Any] = {}
        self._now: dict[Hashable, Any] = {}

    def made(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """The piece made from these inputs: as it was made last time, or made now."""
        try:
            frozen = frozen_value(key)
            hash(frozen)
        except TypeError:  # an input that cannot be compared is made every time
            return make()
        if frozen not in self._now:
            self._now[frozen] = self._last[frozen] if frozen in self._last else make()
        return self._now[frozen]  # type: ignore[no-any-return]

    def next_round(self) -> None:
        """Keep what this round asked for, and forget the rest, so that nothing piles up over a day of edits."""
        self._last, self._now = self._now, {}


def made(remembered: Remembered | None, key: tuple[Any, ...], make: Callable[..., T], *inputs: Any) -> T:
    """make(*inputs), or what it made last time from what key holds."""
    return make(*inputs) if remembered is None else remembered.made(key, lambda: make(*inputs))


def frozen_value(value: Any) -> Hashable:
    """Lists, dicts and sets as their frozen equals, so that inputs that hold them can be compared and looked up."""
    if isinstance(value, Mapping):
        return ("mapping", tuple((key, frozen_value(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(frozen_value(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(frozen_value(item) for item in value)
    return value  # type: ignore[no-any-return]
