"""Counting syllables with a real hyphenation dictionary (Pyphen, the Hunspell/LibreOffice patterns).

Hyphenation points are not syllable boundaries, so this is an estimate:

- We use the en_US patterns (Liang's, which follow syllables) with no minimum
  at either end of the word, and count the pieces that hold a vowel: 'strategy'
  is s-trat-e-gy, so 3. The en_GB patterns follow word parts instead and count
  far too low ('community' com-munity, 'strategy' not split at all).
- It still counts low where vowels meet ('area', 'idea': 1; 'usually': 3) and
  for some endings ('available' avail-able: 2), so a few long words are not
  suggested. It rarely counts high. Suggestions never fail a build.

Pages in another language count with pyphen's dictionary for it (``languages.py``):
vowels are then also read with their accents (é, ö) and in Cyrillic and Greek; in
other scripts every piece with a letter counts.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import pyphen

from .patterns import kept_patterns

VOWELS = re.compile(r"[aeiouyæøœаеёиоуыэюяіїєαεηιουω]", re.IGNORECASE)
ALPHABETS_WITH_VOWELS = re.compile(r"[a-z\u0370-\u03ff\u0400-\u04ff]", re.IGNORECASE)  # Latin, Greek, Cyrillic
LETTER = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=8)
def _dictionary(language: str) -> pyphen.Pyphen:
    kept_patterns(language)
    return pyphen.Pyphen(lang=language, left=1, right=1)


@functools.lru_cache(maxsize=20_000)
def syllables(word: str, language: str = "en_US") -> int:
    """Estimated syllables of one word (letters only; 0 for a word with no vowel)."""
    pieces = _dictionary(language).inserted(word.lower(), hyphen="\0").split("\0")
    bases = [_without_accents(piece) for piece in pieces]
    sound = VOWELS if ALPHABETS_WITH_VOWELS.search("".join(bases)) else LETTER
    return sum(1 for base in bases if sound.search(base))


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
