"""Text from content beside other text, in outputs that are plain text (feeds, calendar, e-mail, share cards).

A right-to-left title followed by a number or a date would otherwise take the number into its own direction
("مالمو: 3" reads "3 :مالمو"), and an address at the end of an Arabic line shows its last slash first. In plain
text the Unicode isolates do what <bdi> and dir do in HTML: FSI…PDI takes the direction of the text's first strong
character, LRI…PDI is always left to right (addresses), and neither is shown.
"""

from __future__ import annotations

FSI = "\u2068"  # first strong isolate
LRI = "\u2066"  # left-to-right isolate
PDI = "\u2069"  # pop directional isolate


def isolated(text: str) -> str:
    """Text from content, isolated from what stands beside it; empty text stays empty."""
    return f"{FSI}{text}{PDI}" if text else text


def left_to_right(text: str) -> str:
    """An address or a code, always left to right, whatever the language around it."""
    return f"{LRI}{text}{PDI}" if text else text

