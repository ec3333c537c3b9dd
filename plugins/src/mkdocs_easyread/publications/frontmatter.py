"""Validation of page front matter against the authoring contract."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..languages.catalogue import available_languages
from ..sources import Node, describe, front_matter_node
from .model import COMMITTEE_KEYS, EASY_READ_CHOICES, NUMBERING, STATUSES, TYPES, Committee, Contact, Publication

PUBLICATION_KEYS = (
    "title", "subtitle", "type", "status", "published", "review_by", "closes",
    "owner", "organisation", "summary", "numbered", "easy_read", "pdf",
    "contacts", "about", "language", *COMMITTEE_KEYS,
)
# Keys MkDocs and Material themselves read from front matter; not ours to refuse.
THEME_KEYS = ("hide", "template", "icon", "description", "search", "tags")
CHAPTER_KEYS = ("title",)
EASY_READ_PAGE_KEYS = ("title", "checked_by")
CONTACT_KEYS = ("name", "role", "phone", "email")
TYPE_ONLY_KEYS = {key: "committee-report" for key in COMMITTEE_KEYS} | {"about": "news"}
EMAIL = re.compile(r"[^@\s<>\"':]+@[^@\s<>\"']+\.[^@\s<>\"']+")
PHONE = re.compile(r"\+?[0-9 ()-]{3,30}(?: ?(?:ext\.?|extension) ?[0-9]{1,6})?")


def check_page_keys(meta: Mapping[str, Any], allowed: tuple[str, ...], node: Node, what: str) -> list[SourceError]:
    errors = []
    for key in meta:
        if key in allowed or key in THEME_KEYS:
            continue
        if key in PUBLICATION_KEYS:
            errors.append(node.error(f"{str(key)!r} can only be set in the publication's index.md; move it there ({what} may set only: {', '.join(allowed)})", key))
        else:
            errors.append(node.error(f"unknown front-matter key {str(key)!r} in {what}; expected one of: {', '.join(allowed)}", key))
    return errors


def publication_from(slug: str, meta: Any, path: Path, shown: str) -> tuple[Publication, list[SourceError]]:
    """Build a publication from index.md front matter, with defaults for anything wrong."""
    node = front_matter_node(path, meta)
    publication = Publication(slug=slug, source=shown, title=slug.replace("-", " ").capitalize())
    errors = check_page_keys(meta, PUBLICATION_KEYS, node, "a publication's index.md")
    for key, read in _readers(node, publication, errors).items():
        try:
            value = read()
        except SourceError as error:
            errors.append(error)
            continue
        if value is not None:
            setattr(publication, key, value)
    publication.lines = {key: node.line_of(key) for key in meta if key in ("about",)}
    errors += _missing_keys(node, meta, publication) + _mismatches(node, meta, publication)
    return publication, errors


def _readers(node: Node, publication: Publication, errors: list[SourceError]) -> dict[str, Callable[[], Any]]:
    """How each key is read, in order: `pdf` defaults from `type`, so `type` comes first."""
    return {
        "title": lambda: node.text("title", "a publication"),
        "type": lambda: node.choice("type", TYPES),
        "status": lambda: node.choice("status", STATUSES),
        "subtitle": lambda: node.text("subtitle", "", required=False),
        "published": lambda: node.date("published", required=False),
        "review_by": lambda: node.date("review_by", required=False),
        "closes": lambda: node.date("closes", required=False),
        "owner": lambda: node.text("owner", "", required=False),
        "organisation": lambda: node.text("organisation", "", required=False),
        "summary": lambda: node.text("summary", "", required=False),
        "numbered": lambda: _numbered(node),
        "pdf": lambda: node.boolean("pdf", not publication.is_news),  # news: only when asked
        "easy_read": lambda: _easy_read(node),
        "about": lambda: node.text("about", "", required=False),
        "language": lambda: _language(node),
        "contacts": lambda: _contacts(node, errors),
        "committee": lambda: _committee(node, errors),
    }


def _missing_keys(node: Node, meta: Any, publication: Publication) -> list[SourceError]:
    errors = []
    for key in ("type", "status"):
        if key not in meta:
            errors.append(node.error(f"a publication's index.md is missing '{key}'; add a line like '{key}: {'strategy' if key == 'type' else 'published'}' (one of: {', '.join(TYPES if key == 'type' else STATUSES)})"))
    if "published" not in meta and publication.status not in ("draft",):
        errors.append(node.error("a publication's index.md is missing 'published' (a date like 2018-07-02)"))
    return errors


def _mismatches(node: Node, meta: Any, publication: Publication) -> list[SourceError]:
    """Keys that are valid alone but do not fit the rest of the front matter."""
    errors = []
    for key, kind in TYPE_ONLY_KEYS.items():
        if key in meta and publication.type != kind:
            errors.append(node.error(f"'{key}' is only for publications of type {kind}; this one is {publication.type}, so it is ignored", key))
    if publication.closes and publication.published and publication.closes < publication.published:
        errors.append(node.error(
            f"closes {publication.closes.isoformat()} is before published {publication.published.isoformat()}; "
            "a consultation closes after it is published", "closes"))
    return errors


def _numbered(node: Node) -> str:
    value = node.data.get("numbered", False)
    if isinstance(value, bool):
        return "sections" if value else "false"  # `true` was the only numbering before `paragraphs`
    if str(value) not in NUMBERING:
        raise node.error(f"numbered {describe(value)} is not known; expected paragraphs, sections or false", "numbered")
    return str(value)


def _language(node: Node) -> str | None:
    value = node.data.get("language")
    if value is None:
        return None
    known = available_languages()
    if str(value) not in known:
        raise node.error(f"language {describe(value)} has no catalogue of the plugin's words; expected one of: "
                         f"{', '.join(known)} (the user guide's page “Publish in Welsh” says how to add a language)", "language")
    return str(value)


def _easy_read(node: Node) -> str:
    value = node.data.get("easy_read", False)
    text = str(value).lower() if isinstance(value, bool) else value
    if text not in EASY_READ_CHOICES:
        raise node.error(f"easy_read {describe(value)} is not known; expected true, false or draft", "easy_read")
    return text


def _contacts(node: Node, errors: list[SourceError]) -> list[Contact] | None:
    """`contacts`: a list of people, each with a name and optionally a role, phone and email.
    Every mistake is reported; the entries without one are kept."""
    if "contacts" not in node.data:
        return None
    contacts = []
    for entry in node.child("contacts").items("contacts"):
        try:
            contacts.append(_contact(entry))
        except SourceError as error:
            errors.append(error)
    return contacts


def _contact(entry: Node) -> Contact:
    if not isinstance(entry.data, Mapping):
        raise entry.error(f"each contact must be 'name:' with optional 'role:', 'phone:' and 'email:'; got {describe(entry.data)}")
    problems = entry.check_keys(CONTACT_KEYS, required=("name",), what="a contact")
    if problems:
        raise problems[0]
    email = entry.text("email", "a contact", required=False)
    if email is not None and not EMAIL.fullmatch(email):
        raise entry.error(f"email {email!r} is not an email address like press@example.gov.uk", "email")
    phone = entry.text("phone", "a contact", required=False)
    if phone is not None and not PHONE.fullmatch(phone):
        raise entry.error(f"phone {phone!r} is not a phone number like 0344 800 8020 (digits, spaces, + and brackets)", "phone")
    return Contact(name=entry.text("name", "a contact"), role=entry.text("role", "a contact", required=False),
                   phone=phone, email=email)


def _committee(node: Node, errors: list[SourceError]) -> Committee:
    """The committee details; each mistake is reported and only that detail is left out."""
    readers = {
        "committee": lambda: node.text("committee", "", required=False),
        "meeting": lambda: node.date("meeting", required=False),
        "item": lambda: node.text("item", "", required=False),
        "report_of": lambda: node.text("report_of", "", required=False),
        "divisions": lambda: node.string_list("divisions"),
    }
    committee = Committee()
    for key, read in readers.items():
        try:
            setattr(committee, key, read())
        except SourceError as error:
            errors.append(error)
    return committee
