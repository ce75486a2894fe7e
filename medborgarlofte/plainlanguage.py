"""Plain language: how readable an update is (LIX), and which of its sentences are hardest to read."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The highest LIX check accepts in a promise's easy-to-read text (lättläst): on the LIX scale, under 30 is easy text,
# 30-40 ordinary and over 40 hard; a text for readers who find ordinary text hard is written to stay under it.
EASY_READ_LIX = 30
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
_BLOCK = re.compile(r"\n\s*\n")
# Bounded and without nested brackets, so that a text full of '[' is read in linear time.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)")


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


@dataclass(frozen=True)
class Sentence:
    line: int  # counted from the first line of the text, which is 0
    score: int  # the sentence's own LIX
    text: str


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def hardest_sentences(text: str, count: int = 3) -> list[Sentence]:
    """The sentences with the highest LIX of their own, hardest first, each with its line, for the editor to rewrite."""
    plain = _MARKDOWN_LINK.sub(r"\1", text)
    found = []
    line, counted = 0, 0  # line breaks are counted as the sentences go, not from the start for each one
    for match in _SENTENCE.finditer(plain):
        line, counted = line + plain.count("\n", counted, match.start()), match.start()
        sentence = " ".join(match.group(0).split()).lstrip("#-*> ")
        score = lix(sentence)
        if score is not None and len(_WORD.findall(sentence)) > 3:
            found.append(Sentence(line, score, sentence))
    return sorted(found, key=lambda s: (-s.score, s.line))[:count]
