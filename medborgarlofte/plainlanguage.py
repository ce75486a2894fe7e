"""Checks on what updates say: readability (LIX) and personal data that must not be published."""

from __future__ import annotations

import re
from datetime import date

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
_BLOCK = re.compile(r"\n\s*\n")
# Bounded and without nested brackets, so that a text full of '[' is read in linear time.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)")
_PERSONAL_NUMBER = re.compile(r"(?<![\d-])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?![\d-])")
_PHONE = re.compile(r"(?<![\d+])(?:\+46|0)[\s-]?\d{1,3}[\s-]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)")
_DIGITS = re.compile(r"\d{4}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def lix(text: str) -> int | None:
    """Läsbarhetsindex: words per sentence plus the share of words longer than six letters, in per cent."""
    plain = _MARKDOWN_LINK.sub(r"\1", text)
    words = _WORD.findall(plain)
    if not words:
        return None
    # A heading, list item or paragraph without a full stop still ends a sentence.
    blocks = [b.strip() for b in _BLOCK.split(plain) if _WORD.search(b)]
    sentences = sum(len(_SENTENCE_END.findall(b)) + (not _SENTENCE_END.search(b[-1:] + " ")) for b in blocks) or 1
    long_words = sum(1 for word in words if len(word) > 6)
    return round(len(words) / sentences + 100 * long_words / len(words))


def personal_numbers(text: str) -> list[re.Match]:
    """Swedish personnummer and samordningsnummer: a real date (day + 60 for the latter) and a valid check digit."""
    if not _DIGITS.search(text):
        return []
    return [m for m in _PERSONAL_NUMBER.finditer(text) if _is_personal_number(m)]


def phone_numbers(text: str) -> list[re.Match]:
    if not any(c.isdigit() for c in text):
        return []
    return [m for m in _PHONE.finditer(text) if not personal_numbers(m.group(0))]


def email_addresses(text: str) -> list[re.Match]:
    return list(_EMAIL.finditer(text)) if "@" in text else []  # the pattern backtracks on long text without one


def _is_personal_number(match: re.Match) -> bool:
    year, month, day, last = match.groups()
    try:
        date(2000 + int(year), int(month), int(day) - 60 if int(day) > 60 else int(day))
    except ValueError:
        return False
    digits = [int(d) for d in year + month + day + last]
    total = sum(sum(divmod(d * (2 - i % 2), 10)) for i, d in enumerate(digits))
    return total % 10 == 0
