"""Text from content beside other text, in outputs that are plain text (feeds, calendar, e-mail, share cards).

A right-to-left title followed by a number or a date would otherwise take the number into its own direction
("مالمو: 3" reads "3 :مالمو"), and an address at the end of an Arabic line shows its last slash first. In plain
text the Unicode isolates do what <bdi> and dir do in HTML: FSI…PDI takes the direction of the text's first strong
character, LRI…PDI is always left to right (addresses), and neither is shown. A text is isolated only where its
direction can differ from the text around it: a Swedish name in a Swedish feed is left as it is written, so that it
copies and searches as typed; an Arabic name in it, or a Swedish one in an Arabic feed, is isolated.
"""

from __future__ import annotations

import functools
import unicodedata

from .languages import direction

FSI = "\u2068"  # first strong isolate
LRI = "\u2066"  # left-to-right isolate
PDI = "\u2069"  # pop directional isolate
# Characters that steer the direction themselves: a text holding one is isolated wherever it stands.
_STEERING = frozenset("\u200e\u200f\u061c\u2066\u2067\u2068\u2069")


@functools.cache
def _right_to_left(language: str) -> bool:
    return direction(language) == "rtl"


def needs_isolating(text: str, language: str) -> bool:
    """Whether the text can run in another direction than text of the language around it: it has a strong character
    of the other direction, or a character that steers the direction."""
    other = ("L",) if _right_to_left(language) else ("R", "AL")
    return any(unicodedata.bidirectional(char) in other or char in _STEERING for char in text)


def isolated(text: str, language: str) -> str:
    """Text from content, isolated from what stands beside it in the language's text where it needs to be; empty text
    stays empty."""
    return f"{FSI}{text}{PDI}" if text and needs_isolating(text, language) else text


def left_to_right(text: str) -> str:
    """An address or a code, always left to right, whatever the language around it."""
    return f"{LRI}{text}{PDI}" if text else text
