"""Options of easy-read pages and their checker."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

DEFAULT_ACRONYMS = ["NHS", "GP", "UK", "TV", "OK", "ID"]


class CheckerConfig(Config):
    enabled = c.Type(bool, default=True)
    """Run the easy-read checker on every build."""
    max_sentence_words = c.Type(int, default=15)
    """Sentences longer than this are reported (0 turns the rule off)."""
    long_word_syllables = c.Type(int, default=3)
    """Words with more syllables than this are suggested for a plainer word (0: off)."""
    max_row_sentences = c.Type(int, default=3)
    """Rows with more sentences than this are suggested for splitting (0: off). Never fails a build."""
    row_without_picture = c.Type(bool, default=True)
    """Report rows (paragraphs, list items) that do not start with a picture."""
    picture_without_alt = c.Type(bool, default=True)
    """Report pictures with no alt text, like ![](bus.svg); suggest alt text for icons that have no plain name in the package's list."""
    unknown_picture = c.Type(bool, default=True)
    """Report picture:<name> that is neither in the council's picture library nor one of the package's pictures."""
    unknown_bold_word = c.Type(bool, default=True)
    """Report bold words that are not glossary terms (checked by the glossary)."""
    numbers_as_words = c.Type(bool, default=True)
    """Report numbers written as words ('five'); easy read uses digits (5)."""
    capitals = c.Type(bool, default=True)
    """Report words in capitals, except glossary terms and the acronyms below."""
    acronyms = c.Type(list, default=list(DEFAULT_ACRONYMS))
    """Acronyms allowed in capitals besides glossary terms (plurals like GPs are allowed too)."""
    italics = c.Type(bool, default=True)
    """Report italic text (*words* or _words_)."""
    semicolons = c.Type(bool, default=True)
    """Report semicolons."""
    plain_words = c.Type(list, default=[])
    """Extra words never suggested as long words (names, local places), added to the package's list."""
    syllable_dictionary = c.Type(str, default="en_US")
    """Pyphen hyphenation dictionary used to count syllables (en_US counts closest; see syllables.py)."""


class EasyReadConfig(Config):
    pictures = c.Type(str, default="easyread/pictures")
    """The council's picture library, a folder relative to mkdocs.yml: `![Alt](picture:name)` finds
    `name.svg`, `.png` or `.jpg` there before the package's own pictures."""
    picture_size = c.Type(int, default=120)
    """Width of a row's picture on a wide screen, in CSS pixels; on a 320 px phone it is never below 56 px."""
    navigation = c.Type(bool, default=False)
    """Show the site's navigation sidebar, tabs and table of contents on easy-read pages (off: a plain page)."""
    listen = c.Type(bool, default=True)
    """A "Listen" button on easy-read pages reads the page aloud with the browser's own speech (nothing leaves the device)."""
    checker = c.SubConfig(CheckerConfig)
    """The checker that runs on every easy-read page at every build."""
    default_picture = c.Type(str, default="material-information-outline")
    """Picture used by first drafts where no better one is found from the words."""
    home_lists_versions = c.Type(bool, default=True)
    """The easy-read home page (easy-read/) lists every easy-read version, with its picture."""
