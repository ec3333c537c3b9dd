"""Options of easy-read pages and their checker."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CheckerConfig(Config):
    max_sentence_words = c.Type(int, default=15)
    """Sentences longer than this are reported (0 turns the rule off)."""
    long_word_syllables = c.Type(int, default=3)
    """Words with more syllables than this are suggested for a plainer word (0: off)."""
    row_without_picture = c.Type(bool, default=True)
    picture_without_alt = c.Type(bool, default=True)
    unknown_bold_word = c.Type(bool, default=True)
    numbers_as_words = c.Type(bool, default=True)
    capitals = c.Type(bool, default=True)
    italics = c.Type(bool, default=True)
    semicolons = c.Type(bool, default=True)
    plain_words = c.Type(list, default=[])
    """Extra words never suggested as long words (names, local places)."""


class EasyReadConfig(Config):
    checker = c.SubConfig(CheckerConfig)
    default_picture = c.Type(str, default="material-information-outline")
    """Picture used by first drafts where no better one is found from the words."""
