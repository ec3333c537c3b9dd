"""What WeasyPrint may read while rendering, in a worker: `data:` URLs and files of the site, nothing else.

Pages are rewritten so that everything they show is already a file of the site
(`references.py`); this is the last guard, for what the rewriting cannot see
(the inside of an SVG, an `@import` in a site's stylesheet). Every URL it
refuses becomes a warning on the page that names it.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

from .confine import NOT_IN_SITE, confined, is_data, local_path
from .jobs import Problem, RenderJob

REFUSED = "easyread refused to read this file"  # in WeasyPrint's own message, which is then left out


class ConfinedFetcher(URLFetcher):
    def __init__(self, roots: tuple[str, ...]) -> None:
        super().__init__(allowed_protocols={"file", "data"})  # the site loads nothing from another host
        self.roots = roots
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None):  # noqa: ANN201 - WeasyPrint's response type
        if is_data(url):
            return super().fetch(url, headers)
        path = local_path(url)
        real = confined(path, self.roots) if path else None
        if real is None:
            self.refused.append(url)
            raise ValueError(REFUSED)
        return super().fetch(real.as_uri(), headers)


def problems_of(job: RenderJob, refused: list[str]) -> tuple[Problem, ...]:
    """A warning for each URL refused while rendering, on the page whose HTML names it."""
    return tuple(Problem(page_naming(job, url), url, NOT_IN_SITE.format(url)) for url in dict.fromkeys(refused))


def page_naming(job: RenderJob, url: str) -> str:
    """The source of the chapter where `url` (or its path) is written; the publication's index.md if none is."""
    path = urlsplit(url).path
    for needle in dict.fromkeys((url, unquote(url), path, unquote(path))):
        at = job.html.find(needle) if len(needle) > 3 else -1  # not "/" or "a": found anywhere
        if at >= 0:
            return chapter_at(job, at) or job.source
    return job.source


def chapter_at(job: RenderJob, position: int) -> str | None:
    """The source of the last chapter that starts before `position`."""
    found, start = None, -1
    for chapter_id, source in job.chapters:
        at = job.html.find(f'<section id="{chapter_id}" class="er-chapter"')
        if start < at <= position:
            found, start = source, at
    return found
