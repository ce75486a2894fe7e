"""Personal data in free text: personnummer and samordningsnummer stop publishing; phone numbers and e-mail are pointed out.

People write these numbers in many ways (spaces, en dashes, non-breaking hyphens, split digits), so the
text is first read with every kind of dash as '-' and every kind of space as ' '. Each character is
mapped to one character, so positions in the read text are positions in the original.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

PERSONAL_NUMBER = "personnummer"
PHONE = "telefonnummer"
EMAIL = "e-postadress"

_READ_AS = str.maketrans(
    {
        **{dash: "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
        **{space: " " for space in "\t\u00a0\u2007\u2009\u200a\u202f\u3000"},
        "\uff20": "@",
        "\ufe6b": "@",
    }
)
# The layouts people write: the date may be split by spaces at its parts, the last four by a space in the
# middle, and between them stands nothing, a dash, a plus sign or spaces. Each is looked for at every
# position where a number begins, so that a failed candidate does not hide one that overlaps it.
_LONG_FORM = re.compile(r"(?<!\d)(?=((?:18|19|20)\d\d {0,3}\d\d {0,3}\d\d[ +-]{0,3}\d\d {0,3}\d\d)(?!\d))")
_SHORT_FORM = re.compile(r"(?<!\d)(?=(\d\d {0,3}\d\d {0,3}\d\d[ +-]{0,3}\d\d {0,3}\d\d)(?!\d))")
_PHONE = re.compile(
    r"(?<![\w+/.,:-])"
    r"(?:(?:\+|00) ?46 ?(?:\(0\) ?)?|\(0\d{1,3}\) ?|0)"
    r"\d[\d ()-]{4,18}\d"
    r"(?![\d])"
)
_DATE_LIKE = re.compile(r"^\d{1,2}-\d{1,2}-\d{2,4}$")
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64} ?(?:@|[(\[](?:at|snabel-a)[)\]]) ?[\w-]{1,63}"
    r"(?: ?(?:\.|[(\[](?:dot|punkt)[)\]]) ?[\w-]{1,63})*(?: ?(?:\.|[(\[](?:dot|punkt)[)\]]) ?[a-z]{2,24})(?![\w-])",
    re.IGNORECASE,
)
_EMAIL_HINT = re.compile(r"@|[(\[](?:at|snabel-a)[)\]]", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    kind: str  # PERSONAL_NUMBER, PHONE or EMAIL
    start: int  # position in the text
    text: str  # as written


@functools.lru_cache(maxsize=65536)  # the preview reads every text again on every save; most are as they were
def scan(text: str) -> tuple[Finding, ...]:
    """Every personnummer, phone number and e-mail address in a text, in order of position."""
    read = text.translate(_READ_AS)
    found: list[Finding] = []
    if any(c.isdigit() for c in read):
        numbers = _personal_numbers(read)
        found += [Finding(PERSONAL_NUMBER, start, text[start:end]) for start, end in numbers]
        taken = {position for start, end in numbers for position in range(start, end)}
        for match in _PHONE.finditer(read):
            if _is_phone(match.group(0)) and match.start() not in taken and match.end() - 1 not in taken:
                found.append(Finding(PHONE, match.start(), text[match.start() : match.end()]))
    if _EMAIL_HINT.search(read):
        found += [Finding(EMAIL, m.start(), text[m.start() : m.end()]) for m in _EMAIL.finditer(read)]
    return tuple(sorted(found, key=lambda f: f.start))


def _personal_numbers(read: str) -> list[tuple[int, int]]:
    """(start, end) of each personnummer or samordningsnummer: a real date and a valid check digit, in a layout people use."""
    found: list[tuple[int, int]] = []
    covered = bytearray(len(read))
    for form in (_LONG_FORM, _SHORT_FORM):
        for match in form.finditer(read):
            start, end = match.start(1), match.end(1)
            if not any(covered[start:end]) and _valid(re.sub(r"\D", "", match.group(1))):
                found.append((start, end))
                covered[start:end] = b"\x01" * (end - start)
    return sorted(found)


def _valid(digits: str) -> bool:
    if len(digits) == 12:
        if digits[:2] not in ("18", "19", "20"):
            return False
        digits = digits[2:]
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    try:
        date(2000 + year, month, day - 60 if day > 60 else day)  # samordningsnummer: the day plus 60
    except ValueError:
        return False
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(digits))
    return total % 10 == 0


def _is_phone(written: str) -> bool:
    """A Swedish number: 0, an area code and a subscriber number, eight to ten digits in all."""
    if _DATE_LIKE.match(written):
        return False
    national = re.sub(r"^(?:\+|00) ?46 ?(?:\(0\))?", "0", written)
    digits = re.sub(r"\D", "", national)
    return digits.startswith("0") and not digits.startswith("00") and 8 <= len(digits) <= 10
