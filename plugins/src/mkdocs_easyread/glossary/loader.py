"""Load and validate glossary.yml."""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError
from ..sources import Node, load_yaml_file
from .model import MAX_FORM, Glossary, Term, form_key

KEYS = ("term", "also", "means", "more")


def load_glossary(path: Path) -> tuple[Glossary, list[SourceError]]:
    """The glossary with every valid entry, and an error for each invalid one."""
    data = load_yaml_file(path)
    root = Node(path, data, 1)
    if data is None:
        return Glossary([]), [SourceError(path, 1, "the glossary is empty; add terms as a list ('- term: ...' with 'means: ...' on the next line), or delete the file")]
    errors: list[SourceError] = []
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for item in root.items("the glossary"):
        try:
            term = _term(item)
        except SourceError as error:
            errors.append(error)
            continue
        errors.extend(item.check_keys(KEYS, what="a glossary entry"))
        errors.extend(_forms(item, term, seen))
        terms.append(term)
    return Glossary(terms), errors


def _term(item: Node) -> Term:
    item.mapping("a glossary entry")
    return Term(
        term=item.text("term", "a glossary entry"),
        means=item.text("means", "a glossary entry"),
        also=item.string_list("also"),
        more=item.text("more", "", required=False),
        line=item.line,
    )


def _forms(item: Node, term: Term, seen: dict[str, int]) -> list[SourceError]:
    """Errors for forms that are too long, have no words, or are already in the glossary."""
    errors = []
    for form in term.forms:
        where = "term" if form == term.term else "also"
        key = form_key(form)
        if len(form) > MAX_FORM:
            errors.append(item.error(f"{form[:40]!r}... is {len(form)} characters; a term or form may have at most {MAX_FORM}", where))
        elif not key:
            errors.append(item.error(f"{form!r} has no words to find in the text; a term or form needs letters or digits", where))
        elif key in seen:
            errors.append(item.error(f"{form!r} is in the glossary twice (first on line {seen[key]}); each term or form may appear once", where))
        else:
            seen[key] = item.line
    return errors
