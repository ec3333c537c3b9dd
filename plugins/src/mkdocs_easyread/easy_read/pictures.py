"""Pictures: the council's library, the package's own SVGs, text alternatives for icons, and a picture for some words.

Authors use a picture by name: ``![A house](picture:home)``. The council's
library (option ``pictures``, ``easyread/pictures/`` beside mkdocs.yml) comes
first: ``home.svg``, ``home.png`` or ``home.jpg`` there. Then the package's own
pictures, put into the page as inline SVG drawn in ``currentColor``, so they
follow the text colour in light and dark mode; the files are also published at
``assets/easyread/easy_read/pictures/<name>.svg``.

An icon with no alt text is named from ``icon-names.yml`` (plain words for the
icons easy read uses most), or else from the icon's own name. A page in another
language takes the names from ``icon-names.<language>.yml`` (``icon-names.cy.yml``)
beside it, and the English name for an icon that file lacks.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Collection
from pathlib import Path

import yaml

from ..languages.catalogue import SOURCE_LANGUAGE, primary
from ..languages.speaking import current_language
from ..languages.speaking import gettext as _
from ..sources import outside_project

PICTURES_DIR = Path(__file__).parent / "assets" / "pictures"
PICTURE_SCHEME = "picture:"
CHOOSE = "choose"  # picture:choose, the draft's marker where no picture fits the words
LIBRARY_TYPES = (".svg", ".png", ".jpg")
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
# Words too common to choose a picture by ("can" is not a reason for material-trash-can).
NOT_TOPICS = frozenset("""
    the and for with from into over under you your our they them their this that these those there what when where who
    why how can will get got has have was are not all any some many much more most less one two new now off out
    set let use used way make made thing things word words fit fits big small top bottom left right down open close
    check multiple outline variant circle box plus minus run runs go goes see look keep take give say says tell
""".split())
# Other names authors reach for first.
ALIASES = {"house": "home", "job": "work", "cash": "money", "doctor": "health", "bus": "travel", "people": "friends", "safety": "safe"}
# Pictures for the links between versions, not offered to authors.
LINK_PICTURES = ("easy-read", "standard")

ICON_NAMES_FILE = Path(__file__).with_name("icon-names.yml")
# Styles of one picture: an unlisted "material-home-outline" is named like "material-home".
STYLE_ENDINGS = ("-outline", "-variant")
ICON_SETS = re.compile(r"^(material|fontawesome-(solid|regular|brands)|octicons|simple)-")
ICON_WORDS = {"account": "person", "outline": "", "variant": "", "multiple": "people"}
ICON_PHRASES = {"account-group": "group of people", "account-multiple": "people", "human-wheelchair": "wheelchair user"}

# Words that call for a picture, most specific first. Keys are Material icons (drafts use them when
# nothing better is available); the package's own picture for the same idea is in PACKAGE_TOPICS.
PICTURE_WORDS: dict[str, set[str]] = {
    icon: set(words.split())
    for icon, words in {
        "material-bus": "travel bus buses transport train trains",
        "material-home": "home homes house houses housing",
        "material-heart-pulse": "health healthy doctor doctors hospital hospitals nhs illness",
        "material-cash": "money pay paid pays budget budgets cost costs spend spending spends fund funding funded",
        "material-shield-account": "safe safety safeguarding crime abuse",
        "material-school": "school schools college colleges training course courses learn",
        "material-briefcase": "work works working job jobs employment employer employers staff",
        "material-account-group": "friend friends people person family families carer carers community",
        "material-hand-heart": "help helps support supports care",
        "material-clipboard-text": "plan plans strategy report",
        "material-calendar": "year years month months date",
    }.items()
}
PACKAGE_TOPICS = {
    "travel": "material-bus", "home": "material-home", "health": "material-heart-pulse", "money": "material-cash",
    "safe": "material-shield-account", "work": "material-briefcase", "friends": "material-account-group",
    "help": "material-hand-heart",
}
WORDS = re.compile(r"[a-z]+")


def package_names() -> list[str]:
    """The package's own pictures an author may use with picture:<name>, aliases included."""
    own = [path.stem for path in sorted(PICTURES_DIR.glob("*.svg")) if path.stem not in LINK_PICTURES]
    return sorted([*own, *(alias for alias, name in ALIASES.items() if name in own)])


def names(library: Path | None = None) -> list[str]:
    """Pictures an author may use with picture:<name>: the package's and those in the council's `library` folder."""
    return sorted({*package_names(), *library_names(library)})


def library_names(library: Path | None) -> list[str]:
    """Names of the pictures in a council's library folder that may be published."""
    if library is None or not library.is_dir():
        return []
    return list(_library_names(library, library.stat().st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _library_names(library: Path, changed: int) -> tuple[str, ...]:
    """Listed again only when the folder changes (a file added, removed or renamed): the checker asks on every page."""
    found = {path.stem for path in library.iterdir() if path.suffix in LIBRARY_TYPES and library_file(library, path.stem)}
    return tuple(sorted(found))


def library_file(library: Path | None, name: str) -> Path | None:
    """The council's picture for a name (.svg, then .png, then .jpg), or None.

    Links that lead outside the project are refused, as for every source (``sources.py``).
    """
    if library is None or not SAFE_NAME.fullmatch(name):
        return None
    for suffix in LIBRARY_TYPES:
        path = library / f"{name}{suffix}"
        if path.is_file() and not _refused(path):
            return path
    return None


def outside_library(library: Path | None, name: str) -> Path | None:
    """A library picture for the name that is a link to somewhere outside the project (refused), or None."""
    if library is None or not SAFE_NAME.fullmatch(name):
        return None
    return next((path for suffix in LIBRARY_TYPES if (path := library / f"{name}{suffix}").is_file() and _refused(path)), None)


def _refused(path: Path) -> bool:
    try:
        return outside_project(path)
    except (OSError, RuntimeError):  # a loop of links
        return True


def nearest(name: str, available: Collection[str], count: int = 3) -> list[str]:
    """The names most like a mistyped one, for a warning (never the whole list)."""
    return difflib.get_close_matches(name, sorted(available), n=count, cutoff=0.5)


def resolve(name: str) -> str | None:
    """The package picture a name means, or None."""
    name = ALIASES.get(name, name)
    return name if (PICTURES_DIR / f"{name}.svg").is_file() else None


@functools.lru_cache(maxsize=64)
def svg(name: str) -> str:
    """The SVG markup of a package picture (our own files: trusted markup)."""
    resolved = resolve(name) or name
    text = (PICTURES_DIR / f"{resolved}.svg").read_text(encoding="utf-8")
    return re.sub(r"<\?xml[^>]*>\s*", "", text).strip()


def icon_names_file(language: str) -> Path:
    """The list of plain names in a language: icon-names.yml (English), icon-names.cy.yml (Welsh)."""
    code = primary(language)
    return ICON_NAMES_FILE if code == SOURCE_LANGUAGE else ICON_NAMES_FILE.with_name(f"icon-names.{code}.yml")


def plain_icon_names(language: str | None = None) -> dict[str, str]:
    """Icon -> plain words for an easy-read reader, in the language (the page's, when not given)."""
    return _plain_icon_names(primary(language or current_language()))


@functools.cache
def _plain_icon_names(language: str) -> dict[str, str]:
    english = _read_icon_names(ICON_NAMES_FILE)
    translated = icon_names_file(language)
    if translated == ICON_NAMES_FILE or not translated.is_file():
        return english
    names = _read_icon_names(translated)
    # Only icons on the English list: which icons are listed stays the same in every language.
    return {icon: names.get(icon) or words for icon, words in english.items()}


def _read_icon_names(path: Path) -> dict[str, str]:
    names = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - safe
    return {str(icon): " ".join(str(words).split()) for icon, words in names.items() if words}


def listed_icon_name(shortname: str, language: str | None = None) -> str | None:
    """The plain name of an icon on the package's list (or of its plain style), or None."""
    names = plain_icon_names(language)
    name = shortname.strip(":")
    while name not in names and name.endswith(STYLE_ENDINGS):
        name = name.rsplit("-", 1)[0]
    return names.get(name)


def icon_name(shortname: str) -> str:
    """What an icon without alt text is read as: its plain name, or else words from its name."""
    return listed_icon_name(shortname) or icon_label(shortname)


def icon_label(shortname: str) -> str:
    """A text alternative from an icon's name: 'material-bus' -> 'bus'."""
    name = ICON_SETS.sub("", shortname.strip(":"))
    name = re.sub(r"-(16|24)$", "", name)  # octicons sizes
    for phrase, words in ICON_PHRASES.items():
        if name == phrase or name.startswith(phrase + "-"):
            name = words + name[len(phrase):]
    words = [ICON_WORDS.get(word, word) for word in name.split("-")]
    # Translators: what an icon is read as when neither the page nor its name says what it shows.
    return " ".join(word for word in words if word) or _("picture")


def picture_for(words: str, available: Collection[str]) -> str | None:
    """The best picture among ``available`` for a row's words, or None when nothing fits.

    ``available`` holds picture names (the council's library, the package's) and icon shortnames
    ("material-bus"). A word of a picture's own name counts 2, a word of the same idea
    (PICTURE_WORDS) 1; an icon not on the package's list counts only its own words, once.
    Ties go to the council's pictures, then the package's, then listed icons, then others.
    """
    found = [_forms(word) for word in set(WORDS.findall(words.lower()))]
    best, best_key = None, (0,)
    for name in available:
        own, topic, rank = _profile(name)
        score = sum(own[0] if forms & own[1] else 1 if forms & topic else 0 for forms in found)
        key = (score, *rank)
        if score > 0 and key > best_key:
            best, best_key = name, key
    return best


def _forms(word: str) -> frozenset[str]:
    """A word and its singular: 'buses' -> buses, buse, bus."""
    return frozenset({word, *(word[: -len(ending)] for ending in ("s", "es") if word.endswith(ending))})


@functools.lru_cache(maxsize=32_768)
def _profile(name: str) -> tuple[tuple[int, frozenset[str]], frozenset[str], tuple[int, int]]:
    """(weight, words of the name), words of its idea, and its rank for ties (higher first)."""
    own = frozenset(word for word in re.split(r"[-_\s]+", ICON_SETS.sub("", name.lower())) if len(word) > 2 and word not in NOT_TOPICS)
    icon = PACKAGE_TOPICS.get(ALIASES.get(name, name), name)
    order = -list(PICTURE_WORDS).index(icon) if icon in PICTURE_WORDS else -len(PICTURE_WORDS)
    if ICON_SETS.match(name) and icon not in PICTURE_WORDS and listed_icon_name(name) is None:
        return (1, own), frozenset(), (0, order)
    if icon in PICTURE_WORDS:
        topic = frozenset(PICTURE_WORDS[icon])
    else:
        topic = frozenset(word for keywords in PICTURE_WORDS.values() if own & keywords for word in keywords)
    kind = 1 if ICON_SETS.match(name) else 2 if resolve(name) else 3  # the council's, the package's, listed icons
    return (2, own), topic, (kind, order)
