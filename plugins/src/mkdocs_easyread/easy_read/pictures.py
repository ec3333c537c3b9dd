"""Pictures: the package's own SVGs, text alternatives for icons, and a picture for some words.

Authors use a package picture by name: ``![A house](picture:home)``. It is put
into the page as inline SVG drawn in ``currentColor``, so it follows the text
colour in light and dark mode; the files are also published at
``assets/easyread/easy_read/pictures/<name>.svg``.

An icon with no alt text is named from ``icon-names.yml`` (plain words for the
icons easy read uses most), or else from the icon's own name.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

PICTURES_DIR = Path(__file__).parent / "assets" / "pictures"
PICTURE_SCHEME = "picture:"
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

# First drafts: the first of these groups (most specific first) with a word in the row chooses its picture.
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
WORDS = re.compile(r"[a-z]+")


def names() -> list[str]:
    """Pictures an author may use with picture:<name>, aliases included."""
    own = [path.stem for path in sorted(PICTURES_DIR.glob("*.svg")) if path.stem not in LINK_PICTURES]
    return sorted([*own, *(alias for alias, name in ALIASES.items() if name in own)])


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


@functools.lru_cache(maxsize=1)
def plain_icon_names() -> dict[str, str]:
    """Icon -> plain words for an easy-read reader, from the package's list."""
    names = yaml.safe_load(ICON_NAMES_FILE.read_text(encoding="utf-8")) or {}
    return {str(icon): " ".join(str(words).split()) for icon, words in names.items()}


def listed_icon_name(shortname: str) -> str | None:
    """The plain name of an icon on the package's list (or of its plain style), or None."""
    names = plain_icon_names()
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
    return " ".join(word for word in words if word) or "picture"


def picture_for(words: str, default: str) -> str:
    """An icon for a row of a first draft, from the words in it."""
    found = set(WORDS.findall(words.lower()))
    return next((icon for icon, keywords in PICTURE_WORDS.items() if found & keywords), default)
