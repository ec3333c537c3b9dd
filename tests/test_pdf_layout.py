"""PDF layout for every type: a cover only where it earns its page, a header block on page 1 of committee
reports and news, contents only when there is enough to list, hanging paragraph numbers, the organisation
of each publication, the easy-read cover and the review pack's deadline."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import Result, Site

pytestmark = pytest.mark.pdf

PDFUA = Path(sys.executable).parent / "pdfua"
MM = 72 / 25.4
LEFT_MARGIN = 18 * MM  # base.css: the standard PDF's left page margin

# A committee report restated in our own words: sentences about a council's review of how it carries out the
# Care Act, put together into 35 paragraphs of typical length (about 1,800 words) in 5 chapters.
SENTENCES = (
    "The council asked an independent improvement charity to look at how well its social work follows the Care Act.",
    "The request came after a local group of disabled people said that care and support planning was failing.",
    "The national regulator was asked to inspect, but the government chose a supported review instead.",
    "The reviewers read a sample of case files, spoke to staff at every level and met people who use services.",
    "They also held workshops with carers, providers and voluntary organisations across the county.",
    "Most assessments were thorough and respectful, and people usually felt listened to by their social worker.",
    "Some care plans did not say clearly what the person wanted to achieve or how their needs would be met.",
    "Personal budgets were not always explained, so people could not tell how the amount had been worked out.",
    "Reviews of care plans were often late, and a few people had waited more than a year for one.",
    "Staff said that the recording system made it hard to write plans in the person's own words.",
    "Carers' assessments were offered less often than the law expects, especially to older carers.",
    "Information and advice were good on the website but harder to find for people who do not use the internet.",
    "The department has already started to change its guidance, templates and training for practitioners.",
    "An action plan is being written together with the people and groups who took part in the review.",
    "A group of people with lived experience has agreed to check progress and report to this committee.",
    "The changes will be paid for from the existing budget for adult social care and need no new money.",
    "Managers will check a sample of plans every month and publish what they find twice a year.",
    "Training on strengths-based practice will be given to every team before the end of the financial year.",
    "The recording system will be changed so that outcomes and budgets appear on the front page of each plan.",
    "The council will write to everyone whose review is overdue and offer a date within three months.",
    "There are no new risks to equality, although the changes should help disabled people and carers most.",
    "The legal duties of the council are unchanged; the review helps it to show that it meets them.",
    "Members are asked to note the findings and to comment on the way the recommendations will be carried out.",
    "Officers will bring a report on progress to the committee's meeting in the spring.",
)
CHAPTERS = (  # (file, title, first paragraph, last paragraph)
    ("index.md", "Care Act review: our response", 1, 5),
    ("1-background.md", "Background", 6, 12),
    ("2-findings.md", "What the review found", 13, 20),
    ("3-proposals.md", "Proposals", 21, 29),
    ("4-implications.md", "Implications", 30, 35),
)
REPORT = """
    title: "Care Act review: our response"
    type: committee-report
    status: published
    published: 2025-08-20
    summary: The independent review of how we carry out the Care Act, and what we will do.
    committee: Adult Social Care Committee
    meeting: 2025-09-05
    item: "9"
    report_of: Executive Director of Adult Social Services
    divisions: [All]
    numbered: paragraphs
    contacts:
      - name: Jo Smith
        role: Head of Social Work
        phone: 01603 222 222
        email: jo.smith@example.gov.uk
"""
OUTCOMES = """
outcomes:
  - id: O1
    title: Care plans that say what people want
    paragraph: 13
    measures: [More plans say what the person wants to achieve]
    actions:
      - id: A1
        title: Change the care plan template
        owner: Head of Social Work
        due: 2026-03-31
"""
NEWS = """
    title: Council publishes its response to the Care Act review
    type: news
    status: published
    published: 2025-09-06
    pdf: true
    contacts:
      - name: Press office
        role: PneumonoultramicroscopicsilicovolcanoconiosisPneumonoultramicroscopicsilicovolcanoconiosisPneumonoultramicroscopicsilicovolcanoconiosisPneumonoultramicroscopicsilicovolcanoconiosis
        phone: 01603 228 888
        email: press@example.gov.uk
"""
NEWS_BODY = """
# Council publishes its response to the Care Act review

{text}

## Notes to editors

{notes}
"""
PLAN = """
    title: Safeguarding Adults Plan
    subtitle: Our plan for 2025 to 2028
    type: strategy
    status: consultation
    published: 2025-06-01
    closes: 2025-11-30
    organisation: Norfolk Safeguarding Adults Board
    summary: How partners keep adults safe.
"""
EASY_READ = """# Keeping adults safe: easy read

:material-home: We want you to have a good place to live.
"""
ANNUAL = """
    title: Annual Report
    type: quality-report
    status: published
    published: 2025-06-01
    summary: What we did this year.
"""
BODY_ONLY = """<!DOCTYPE html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body class="er-print er-print--{{ variant.name }} er-print--continuous">
{% for chapter in chapters %}{{ chapter.html }}{% endfor %}
</body></html>
"""


def words(count: int, start: int) -> str:
    """`count` sentences of the report's text, starting at sentence `start`."""
    return " ".join(SENTENCES[(start + n) % len(SENTENCES)] for n in range(count))


def paragraph(number: int) -> str:
    return f"{words(3, number * 3)}\n"


def paragraph_with_sub_points(number: int, marker: str = "a") -> str:
    """A paragraph with sub-points lettered (a) or numbered in roman (i), as a council writes them in Markdown."""
    first, second, third = ("a", "b", "c") if marker == "a" else ("i", "ii", "iii")
    return (f"{words(2, number)} The committee may:\n\n"
            f"{first}) note the findings;\n{second}) comment on the action plan;\n{third}) ask for a further report.\n")


def chapter_body(title: str, first: int, last: int) -> str:
    parts = [f"# {title}\n"]
    for number in range(first, last + 1):
        if number in (14, 27):
            parts.append(paragraph_with_sub_points(number, "a" if number == 14 else "i"))
        else:
            parts.append(paragraph(number))
    return "\n".join(parts)


def write_report(site: Site) -> None:
    for file, title, first, last in CHAPTERS:
        body = chapter_body(title, first, last)
        if file == "index.md":
            site.publication("care-act", REPORT, body)
        else:
            site.write(f"content/care-act/{file}", f"---\ntitle: {title}\n---\n\n{body}")
    site.write("content/glossary.yml", "- term: care plans\n  means: What you and the council agree about your support.\n")
    site.write("content/care-act/outcomes.yml", OUTCOMES)


def png(width: int, height: int) -> bytes:
    """A small blue PNG logo."""
    rows = b"".join(b"\x00" + b"\x1d\x3f\x9f" * width for _ in range(height))
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def base_site(root: Path) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.config["site_url"] = "https://example.gov.uk/"
    site.plugin_options()["pdf"] = {"enabled": True, "concurrency": 2}
    site.write("content/index.md", "# Home\n\nWelcome.\n")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Result:
    site = base_site(tmp_path_factory.mktemp("layout"))
    site.plugin_options()["pdf"]["logo"] = "assets/logo.png"
    (site.root / "content" / "assets").mkdir()
    (site.root / "content" / "assets" / "logo.png").write_bytes(png(120, 40))
    write_report(site)
    news = NEWS_BODY.format(text="\n\n".join(words(4, n * 4) for n in range(8)), notes=words(3, 5))
    site.publication("press", NEWS, news)
    site.publication("plan", PLAN, "# Safeguarding Adults Plan\n\nThis plan says how we keep adults safe.\n")
    site.write("content/plan/homes.md", "# Homes\n\nWhere people live.\n")
    site.write("easyread/plan/index.md", EASY_READ)
    site.publication("annual", ANNUAL, "# Annual Report\n\nWhat we did.\n")
    site.write("easyread/annual/index.md", "# Our year in easy read\n")  # no picture: the package's is on the cover
    result = site.build()
    assert result.ok and not result.warnings, result.log
    return result


@pytest.fixture(scope="module")
def body_only(tmp_path_factory) -> Path:
    """The committee report's text alone, as its Word original would print it: no header, no contents."""
    site = base_site(tmp_path_factory.mktemp("body-only"))
    site.config["theme"]["custom_dir"] = "overrides"
    site.write("overrides/easyread/pdf/components/document.html", BODY_ONLY)
    write_report(site)
    result = site.build()
    assert result.ok, result.log
    return result.site / "care-act" / "pdf" / "care-act.pdf"


def pdf(result: Result, slug: str, variant: str = "") -> Path:
    return result.site / slug / "pdf" / f"{slug}{'-' + variant if variant else ''}.pdf"


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as document:
        return [page.extract_text() or "" for page in document.pages]


def body_texts(path: Path) -> list[str]:
    """Each page's text between the running header and footer."""
    with pdfplumber.open(path) as document:
        return [page.crop((0, 24 * MM, page.width, page.height - 22 * MM)).extract_text() or "" for page in document.pages]


def pdfua(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(PDFUA), "check", str(path)], check=False, capture_output=True, text=True)


@pytest.mark.parametrize(("slug", "variant"), [
    ("care-act", ""), ("care-act", "large-print"), ("press", ""), ("plan", ""), ("plan", "easy-read"),
    ("plan", "review-pack"), ("annual", ""), ("annual", "easy-read"),
])
def test_every_new_pdf_passes_pdfua_check(built, slug, variant):
    process = pdfua(pdf(built, slug, variant))
    assert process.returncode == 0, process.stdout + process.stderr


def test_a_committee_report_prints_in_its_body_pages_plus_at_most_one(built, body_only):
    with pdfplumber.open(pdf(built, "care-act")) as report, pdfplumber.open(body_only) as body:
        assert len(report.pages) <= len(body.pages) + 1, (len(report.pages), len(body.pages))


def test_page_one_of_a_committee_report_is_its_header_then_its_text(built):
    for variant in ("", "large-print"):
        first = page_texts(pdf(built, "care-act", variant))[0]
        for expected in ("Committee report", "Care Act review: our response", "Adult Social Care Committee",
                         "5 September 2025", "Agenda item", "Executive Director of Adult Social Services",
                         "Officers to contact", "Jo Smith", "01603 222 222", "Other formats", "Norfolk County Council"):
            assert expected in first, f"{variant or 'standard'}: {expected!r} not on page 1:\n{first}"
    first = page_texts(pdf(built, "care-act"))[0]
    assert "Contents" in first and "Background" in first  # 5 chapters: a contents list, on page 1
    assert "The council asked an independent" in first or "1 " in first  # the text starts on page 1


def test_no_page_is_blank(built):
    for slug, variant in (("care-act", ""), ("care-act", "large-print"), ("press", ""), ("plan", ""),
                          ("plan", "easy-read")):
        for number, text in enumerate(body_texts(pdf(built, slug, variant)), start=1):
            assert len(text.split()) > 3, f"{slug} {variant} page {number} is blank: {text!r}"


def test_chapters_of_a_committee_report_flow_on(built):
    texts = page_texts(pdf(built, "care-act"))
    starts = [next(i for i, text in enumerate(texts) if title in text) for _, title, _, _ in CHAPTERS[1:]]
    assert len(set(starts)) < len(starts) or len(texts) <= len(starts) + 1, starts
    # a chapter heading shares its page with the end of the chapter before it
    background = starts[0]
    assert "5 " in texts[background] or background == 0


def test_hanging_paragraph_numbers_are_read_once_and_hang_in_the_margin(built):
    with pdfplumber.open(pdf(built, "care-act")) as document:
        lines = [line for page in document.pages for line in page.extract_text_lines()]
    for number in (1, 13, 14, 35):
        found = [line for line in lines if line["text"].split()[0] == str(number)]
        assert len(found) == 1, (number, [line["text"] for line in found])
        assert found[0]["chars"][0]["x0"] < LEFT_MARGIN, f"{number} does not hang in the margin"
    text = "\n".join(line["text"] for line in lines)
    assert "Paragraph 13" not in text
    assert "a) note the findings;" in text and "c) ask for a further report." in text
    assert "i) note the findings;" in text and "iii) ask for a further report." in text  # roman stays roman


def test_a_paragraph_number_is_text_of_its_paragraph_not_a_link(built):
    with pikepdf.open(pdf(built, "care-act")) as document:
        contents = [str(annotation.get("/Contents", "")) for page in document.pages
                    for annotation in page.get("/Annots", [])]
    assert not [said for said in contents if said.strip().isdigit()], contents


def test_a_press_release_prints_in_at_most_three_pages_without_contents(built):
    texts = page_texts(pdf(built, "press"))
    assert len(texts) <= 3, len(texts)
    first = texts[0]
    for expected in ("News", "6 September 2025", "Council publishes its response to the Care Act review",
                     "Press contacts", "press@example.gov.uk", "Other formats", "The council asked"):
        assert expected in first, f"{expected!r} not on page 1:\n{first}"
    assert "Contents" not in "\n".join(texts)


def test_a_strategy_keeps_its_cover_with_logo_and_its_own_organisation(built):
    path = pdf(built, "plan")
    texts = page_texts(path)
    for expected in ("Strategy", "Safeguarding Adults Plan", "Our plan for 2025 to 2028",
                     "Consultation draft", "Published 1 June 2025", "Norfolk Safeguarding Adults Board"):
        assert expected in texts[0], expected
    assert "Where people live." not in texts[0]  # a cover page of its own
    # the other formats come from the site's own phone and email, so the notice names the site's organisation
    assert "please contact us at Norfolk County Council" in " ".join(texts[0].split())
    assert "Contents" in texts[1] and "Glossary" in texts[1]  # 2 chapters and the site's glossary page: 3, listed
    for number, text in enumerate(texts, start=1):
        assert "Norfolk Safeguarding Adults Board" in text, f"page {number}: the running footer"
    with pdfplumber.open(path) as document:
        logos = document.pages[0].images
        assert logos and logos[0]["top"] < 60 * MM, logos
    with pikepdf.open(path) as document:
        assert str(document.docinfo.get("/Author")) == "Norfolk Safeguarding Adults Board"


def test_a_committee_report_has_no_logo_cover(built):
    with pdfplumber.open(pdf(built, "care-act")) as document:
        assert not document.pages[0].images


def test_the_easy_read_cover_has_the_easy_read_title_and_a_picture(built):
    for slug, title in (("plan", "Keeping adults safe: easy read"), ("annual", "Our year in easy read")):
        with pdfplumber.open(pdf(built, slug, "easy-read")) as document:
            cover = document.pages[0]
            assert title in (cover.extract_text() or ""), slug
            drawn = cover.curves + cover.rects + cover.images
            assert [item for item in drawn if item["top"] < cover.height / 2], f"{slug}: no picture on the cover"


def test_the_review_pack_prints_the_deadline(built):
    guide = page_texts(pdf(built, "plan", "review-pack"))[1]
    assert "Please send us your comments by 30 November 2025." in guide, guide


def test_contents_when_a_short_document_has_many_headings(site):
    site.plugin_options()["pdf"] = {"enabled": True, "contents_from_headings": 4}
    sections = "\n\n".join(f"## Part {n}\n\n{words(2, n)}" for n in range(1, 5))
    site.publication("plan", PLAN, f"# Safeguarding Adults Plan\n\n{sections}\n")
    result = site.build()
    assert result.ok, result.log
    texts = page_texts(pdf(result, "plan"))
    assert "Contents" in texts[1] and "Part 3" in texts[1], texts[1]


def test_a_logo_that_is_not_a_file_of_the_site_is_a_warning(site, tmp_path):
    (tmp_path / "outside.png").write_bytes(png(4, 4))
    site.plugin_options()["pdf"] = {"enabled": True, "logo": "../outside.png"}
    site.publication("plan", PLAN, "# Safeguarding Adults Plan\n\nWords.\n")
    result = site.build(strict=False)
    assert any("the PDF logo '../outside.png' is not a file of the site" in warning for warning in result.warnings), result.log
    assert (result.site / "plan" / "pdf" / "plan.pdf").is_file()


def test_a_changed_organisation_or_committee_renders_the_pdfs_again(site):
    site.plugin_options()["pdf"] = {"enabled": True}
    body = "# Care Act review: our response\n\nWords.\n"
    site.publication("report", REPORT, body)
    assert "2 rendered" in site.build().log
    assert "0 rendered, 2 from cache" in site.build().log  # unchanged
    partner = REPORT + "    organisation: Norfolk Safeguarding Adults Board\n"
    site.publication("report", partner, body)
    changed = site.build()
    assert "2 rendered" in changed.log, changed.log
    assert "Norfolk Safeguarding Adults Board" in page_texts(pdf(changed, "report"))[0]
    with pikepdf.open(pdf(changed, "report")) as document:
        assert str(document.docinfo.get("/Author")) == "Norfolk Safeguarding Adults Board"
    site.publication("report", partner.replace('item: "9"', 'item: "10"'), body)
    changed = site.build()
    assert "2 rendered" in changed.log, changed.log
    assert "Agenda item 10" in page_texts(pdf(changed, "report"))[0]
    # The site's organisation still names who to ask for other formats, beside the site's phone and email.
    site.plugin_options()["organisation"] = "Norfolk Council"
    changed = site.build()
    assert "2 rendered" in changed.log, changed.log
    assert "please contact us at Norfolk Council." in " ".join(page_texts(pdf(changed, "report"))[0].split())


def test_the_theme_logo_is_the_cover_logo_when_the_pdf_has_none_of_its_own(site):
    site.plugin_options()["pdf"] = {"enabled": True}
    site.config["theme"]["logo"] = "images/crest.png"
    (site.root / "content" / "images").mkdir()
    (site.root / "content" / "images" / "crest.png").write_bytes(png(60, 60))
    site.publication("annual", ANNUAL, "# Annual Report\n\nWhat we did.\n")
    result = site.build()
    assert result.ok and not result.warnings, result.log
    with pdfplumber.open(pdf(result, "annual")) as document:
        assert document.pages[0].images and not document.pages[1].images


def test_a_committee_report_prints_its_own_chapters_only(built):
    """The site's glossary and progress pages for the report stay on the web, as a council prints a report."""
    text = "\n".join(page_texts(pdf(built, "care-act")))
    assert "Care plans that say what people want" not in text and "What you and the council agree" not in text
    assert (built.site / "care-act" / "progress" / "index.html").exists()
    assert (built.site / "care-act" / "glossary" / "index.html").exists()
    assert "Paragraph 13" in (built.site / "care-act" / "progress" / "O1" / "index.html").read_text(encoding="utf-8")


def test_no_text_runs_off_the_page(built):
    for slug, variant in (("care-act", ""), ("care-act", "large-print"), ("press", ""), ("plan", "")):
        with pdfplumber.open(pdf(built, slug, variant)) as document:
            for number, page in enumerate(document.pages, start=1):
                beyond = [c["text"] for c in page.chars if c["x1"] > page.width + 0.5 or c["x0"] < -0.5]
                assert not beyond, f"{slug} {variant} page {number}: {''.join(beyond)[:80]}"


@pytest.mark.parametrize(("slug", "variant"), [("care-act", ""), ("care-act", "large-print"), ("plan", ""), ("plan", "easy-read")])
def test_running_header_and_footer_sit_against_the_page_margins(built, slug, variant):
    """Title and organisation start at the left margin; "Page N of M", on one line, ends at the right one."""
    side, bottom = (15 * MM, 24 * MM) if variant == "large-print" else (LEFT_MARGIN, 22 * MM)  # the variant's @page margins
    with pdfplumber.open(pdf(built, slug, variant)) as document:
        for number, page in enumerate(document.pages, start=1):
            words = page.extract_words()
            header = [word for word in words if word["bottom"] < 24 * MM]
            footer = [word for word in words if word["top"] > page.height - bottom]
            pages = [word for word in footer if word["text"] == str(len(document.pages))]
            assert header and footer and pages, f"page {number}: {header} {footer}"
            assert min(word["x0"] for word in header) == pytest.approx(side, abs=0.5), f"page {number}"
            assert min(word["x0"] for word in footer) == pytest.approx(side, abs=0.5), f"page {number}"
            assert max(word["x1"] for word in footer) == pytest.approx(page.width - side, abs=0.5), f"page {number}"
            assert pages[-1]["x1"] == max(word["x1"] for word in footer)
            page_number = [word for word in footer if abs(word["top"] - pages[-1]["top"]) < 1]
            assert " ".join(word["text"] for word in page_number[-4:]) == f"Page {number} of {len(document.pages)}"
