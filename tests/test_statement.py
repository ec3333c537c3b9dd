"""The accessibility statement at accessibility/ and easy-read/accessibility/ (issue 20)."""

from __future__ import annotations

import re

import pytest

from conftest import axe_violations, sideways_scroll

GLOSSARY = "- term: advocacy\n  means: Getting help to say what you want.\n"
EASY_READ = ":material-home: We want you to have a good home.\n"


def footer(html: str) -> str:
    return re.search(r'<div class="md-copyright">.*?</div>', html, re.DOTALL).group(0)


def statement_href(html: str) -> str | None:
    match = re.search(r'<a class="er-statement-link" href="([^"]*)">([^<]*)</a>', footer(html))
    return match.group(1) if match else None


def section(html: str, heading_id: str) -> str:
    """The words of the statement from a heading to the next h2."""
    match = re.search(rf'<h2 id="{heading_id}">.*?(?=<h2 |</article>)', html, re.DOTALL)
    return match.group(0) if match else ""


@pytest.fixture
def statement_site(site):
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("plan", body="We offer advocacy.\n")
    site.publication("consult", status="consultation")
    site.write("easyread/plan/index.md", f"---\ntitle: Our plan in easy read\n---\n\n{EASY_READ}")
    return site


def test_statement_and_its_easy_read_version_are_published(statement_site):
    result = statement_site.build()
    assert result.ok, result.log
    html = result.html("accessibility/")
    assert "<h1>Accessibility statement</h1>" in html
    for heading in ("How accessible this website is", "Feedback and contact information", "Reporting accessibility problems with this website",
                    "Enforcement procedure", "Technical information about this website’s accessibility", "Compliance status",
                    "Non-accessible content", "Preparation of this accessibility statement"):
        assert f">{heading}</h" in html, heading
    assert "This website is run by Norfolk County Council." in html
    assert 'href="mailto:information@example.gov.uk"' in section(html, "feedback") and "0344 800 8011" in section(html, "feedback")
    assert "get back to you within 5 working days" in html
    easy = result.html("easy-read/accessibility/")
    assert 'class="er-easy-read"' in easy and 'class="er-row"' in easy
    assert "We will answer you within 5 working days." in easy
    assert 'href="../../accessibility/"' in easy  # the standard version, from the easy-read header


def test_every_page_links_the_statement_from_its_footer(statement_site):
    result = statement_site.build()
    pages = ["", "plan/", "consult/", "glossary/", "plan/glossary/", "easy-read/", "easy-read/plan/", "accessibility/", "easy-read/accessibility/"]
    statement = (result.site / "accessibility" / "index.html").resolve()
    for page in pages:
        html = result.html(page)
        href = statement_href(html)
        assert href is not None, page
        assert (result.site / page / href / "index.html").resolve() == statement, page
        assert ">Accessibility statement</a>" in footer(html), page
    assert "Material for MkDocs" in footer(result.html("plan/"))  # Material's own footer words stay


def test_lists_unchecked_easy_read_pages_and_drafts(statement_site):
    result = statement_site.build()
    html = result.html("accessibility/")
    non_accessible = section(html, "non-accessible")
    assert '<a href="../easy-read/plan/">Our plan in easy read</a>' in non_accessible
    assert "1 easy-read page has not been checked yet" in section(html, "how-accessible")
    assert '<a href="../consult/">Consult</a> (Consultation)' in section(html, "how-accessible")
    assert "Plan</a> (" not in html  # published: not a draft
    assert "have not checked some easy read pages yet" in result.html("easy-read/accessibility/")


def test_no_unchecked_page_is_listed_when_every_page_is_checked(statement_site):
    statement_site.write("easyread/plan/index.md", f"---\ntitle: Our plan in easy read\nchecked_by: Co-production group, 2025-06-12\n---\n\n{EASY_READ}")
    result = statement_site.build()
    html = result.html("accessibility/")
    assert "Our plan in easy read" not in section(html, "non-accessible")
    assert "not been checked" not in html and "have not yet checked" not in html
    assert "have not checked some easy read pages" not in result.html("easy-read/accessibility/")


def test_open_checker_warnings_and_past_review_dates_are_listed(site):
    site.publication("old", "title: Old plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nreview_by: 2020-01-01\n")
    site.write("easyread/old/index.md", "---\ntitle: Old in easy read\n---\n\n:material-home: " + "We want you to have a good home to live in " * 5 + ".\n")
    result = site.build(strict=False)
    html = result.html("accessibility/")
    assert re.search(r'<a href="\.\./easy-read/old/">Old in easy read</a>: \d+ problems?', section(html, "non-accessible"))
    assert "it was due for review by 1 January 2020" in html
    assert "Some pages are still hard to read." in result.html("easy-read/accessibility/")


def test_known_issues_file_is_included_and_not_published_alone(statement_site):
    statement_site.write("content/accessibility-issues.md", "### Maps\n\nOur **bus maps** have no text version yet.\n")
    result = statement_site.build()
    html = section(result.html("accessibility/"), "non-accessible")
    assert "<h3>Maps</h3>" in html and "Our <strong>bus maps</strong> have no text version yet." in html
    assert not (result.site / "accessibility-issues").exists() and not (result.site / "accessibility-issues.md").exists()


def test_without_known_issues_file_nothing_is_added(statement_site):
    result = statement_site.build()
    assert result.ok, result.log
    assert "er-statement-known-issues" not in result.html("accessibility/")


def test_full_compliance_is_claimed_only_while_nothing_is_found(statement_site):
    statement_site.plugin_options()["statement"] = {"compliance": "full"}
    html = statement_site.build().html("accessibility/")  # an unchecked easy-read page
    assert "partially compliant" in html and "fully compliant" not in html
    statement_site.write("easyread/plan/index.md", f"---\ntitle: Our plan in easy read\nchecked_by: Co-production group\n---\n\n{EASY_READ}")
    assert "is fully compliant with" in statement_site.build().html("accessibility/")


def test_enforcement_is_ehrc_by_default_and_ecni_for_northern_ireland(statement_site):
    html = section(statement_site.build().html("accessibility/"), "enforcement")
    assert "The Equality and Human Rights Commission (EHRC) is responsible for enforcing" in html
    assert "Equality Advisory and Support Service (EASS)" in html and "Northern Ireland" not in html
    statement_site.plugin_options()["statement"] = {"enforcement": "ecni", "reply_days": 10}
    result = statement_site.build()
    html = section(result.html("accessibility/"), "enforcement")
    assert "The Equality Commission for Northern Ireland (ECNI) is responsible for enforcing" in html
    assert "in Northern Ireland" in html and "EHRC" not in html and "EASS" not in html
    assert "within 10 working days" in result.html("accessibility/")
    assert "Equality Commission for Northern Ireland" in result.html("easy-read/accessibility/")


def test_dates_follow_source_date_epoch_and_options(statement_site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    html = section(statement_site.build().html("accessibility/"), "preparation")
    assert "This statement was prepared on 14 November 2023. It was last reviewed on 14 November 2023." in html
    statement_site.plugin_options()["statement"] = {"prepared": "2024-09-23"}
    statement_site.save_config()
    text = (statement_site.root / "mkdocs.yml").read_text().replace("'2024-09-23'", "2024-09-23")  # a YAML date
    (statement_site.root / "mkdocs.yml").write_text(text)
    html = section(_build_as_written(statement_site).html("accessibility/"), "preparation")
    assert "prepared on 23 September 2024. It was last reviewed on 14 November 2023." in html


def _build_as_written(site):
    """Build from mkdocs.yml as it is on disk (site.build() writes it from site.config)."""
    import yaml

    site.config = yaml.load((site.root / "mkdocs.yml").read_text(), Loader=yaml.SafeLoader)
    return site.build()


def test_statement_can_be_turned_off_or_moved(statement_site):
    statement_site.plugin_options()["statement"] = {"enabled": False}
    result = statement_site.build()
    assert not (result.site / "accessibility").exists() and statement_href(result.html("plan/")) is None
    statement_site.plugin_options()["statement"] = {"url": "help/accessibility-statement"}
    result = statement_site.build()
    assert (result.site / "help/accessibility-statement/index.html").exists()
    assert (result.site / "easy-read/help/accessibility-statement/index.html").exists()
    assert statement_href(result.html("plan/")) == "../help/accessibility-statement/"


def test_a_page_of_the_site_at_the_address_is_kept_and_named(statement_site):
    statement_site.write("content/accessibility.md", "# Our own statement\n")
    result = statement_site.build(strict=False)
    assert "Our own statement" in result.html("accessibility/")
    assert any("statement.url" in warning for warning in result.warnings)


def test_welsh_site_gets_the_statement_in_welsh(statement_site):
    statement_site.config["theme"]["language"] = "cy"
    result = statement_site.build()
    html = result.html("accessibility/")
    assert "<h1>Datganiad hygyrchedd</h1>" in html and ">Gweithdrefn orfodi</h2>" in html
    assert "23 Tachwedd 2025" in section(html, "preparation")
    assert ">Datganiad hygyrchedd</a>" in footer(result.html("plan/"))
    assert "Comisiwn Cydraddoldeb a Hawliau Dynol" in html


def test_braille_ready_files_are_offered_only_when_the_build_makes_them(statement_site):
    statement_site.plugin_options()["pdf"] = {"enabled": False}
    html = statement_site.build().html("accessibility/")
    assert "Braille-ready" not in html, "no PDFs, so no Braille-ready files, yet the statement offers them"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_statement_pages_have_no_axe_violations(browser, serve, statement_site, scheme, width):
    statement_site.write("content/accessibility-issues.md", "Some maps have no text version.\n")
    base = serve(statement_site.build().site)
    for path in ("accessibility/", "easy-read/accessibility/"):
        assert axe_violations(browser, base + path, scheme, width=width) == [], path


@pytest.mark.browser
def test_statement_pages_do_not_scroll_sideways(browser, serve, statement_site):
    base = serve(statement_site.build().site)
    for path in ("accessibility/", "easy-read/accessibility/"):
        assert sideways_scroll(browser, base + path) == 0, path
