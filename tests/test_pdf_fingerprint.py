"""A PDF's key reads the same references out of a page as the one regular expression over the whole page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_easyread.pdf.fingerprint import READS, references_in

# Pieces of what pages hold, so that random text has whole, partial, nested and overlapping references in
# any case, and letters whose lower case is longer (the Turkish capital dotted I) or of another length.
PIECES = [" ", "\n", "\t", "\u00a0", "<img", "<a", " src", " SRC", "src", " data", " DaTa", " href", "HREF", "x", "=", " = ",
          '"', "'", "a.png", "../b c.svg", "url(", "URL(", "Url( '", ")", ">", "<p style=\"background:", "datasrc", "hrefsrc",
          "İ", "ß", "ﬁ", "é", "\u212a", " \u017frc", "\u017f", ' \u017frc="k.png"', " SrC='b'", ' href="x src=\'y\'"', "url(\"z.png\")"]


@given(text=st.lists(st.sampled_from(PIECES), max_size=50).map("".join))
@settings(max_examples=400, deadline=None)
def test_references_are_those_of_the_regular_expression(text):
    expected = [match[1] or match[2] or match[3] or "" for match in READS.finditer(text)]
    assert list(references_in(text)) == expected


def test_references_in_a_page():
    page = '<p><img SRC="a.png" alt=""> <a href=\'b.pdf\'>x</a></p><div style="background: URL( c.svg)"></div>' \
           '<object data = "d.svg"></object><a xhref="no">'
    assert list(references_in(page)) == ["a.png", "b.pdf", "c.svg", "d.svg"]
    assert list(references_in("İ" + page)) == ["a.png", "b.pdf", "c.svg", "d.svg"]  # the lower-case copy is longer


def test_a_download_box_is_shared_only_by_pages_that_reach_the_files_by_the_same_address():
    from mkdocs_easyread.pdf.downloads import files_from

    assert files_from("plan/pdf/", "plan/") == "pdf/"
    assert files_from("plan/pdf/", "plan/goals/") == files_from("plan/pdf/", "plan/vision/") == "../pdf/"
    assert files_from("plan/pdf/", "plan/a.html") == "pdf/"
    # a page inside the downloads folder links to the files in other shapes: never shared
    assert files_from("plan/pdf/", "plan/pdf/") is None
    assert files_from("plan/pdf/", "plan/pdf/notes/") is None
