"""Problems in a CSV file's text that the csv module misses or reports at the wrong line.

Lines are counted as the csv module counts them: a line ends at \\r\\n, \\r or \\n.
"""

from __future__ import annotations

import re

from ..sources import CONTROL_CHARACTER

LINE_BREAK = re.compile(r"\r\n|\r|\n")
TOKEN = re.compile(r'"|,|\r\n|\r|\n|[^",\r\n]+')
CLOSE_THE_QUOTE = 'close the quote where the value ends (a quote inside a value is written twice: "")'


def control_character(text: str) -> tuple[int, str] | None:
    """(line, message) for the first invisible control character in ``text``, if any."""
    found = CONTROL_CHARACTER.search(text)
    if not found:
        return None
    line = len(LINE_BREAK.findall(text, 0, found.start())) + 1
    code = f"U+{ord(found.group()):04X}"
    return line, (f"this line has an invisible control character ({code}); CSV text may hold letters, numbers, "
                  "punctuation, spaces, tabs and line breaks only: delete it, or save the file again from the spreadsheet")


def quote_problem(text: str) -> tuple[int, str] | None:
    """(line, message) for a quoted value that is never closed or has text after its closing quote.

    The line is where the quoted value starts: that is where a quote is missing, however
    many lines the csv module read before it noticed.
    """
    line, opened = 1, 0
    state = "start"  # start | plain | quoted | closed: where we are in a field
    skip_quote = False  # the second quote of a doubled "" inside a quoted value
    for token in TOKEN.finditer(text):
        char = token.group()
        if skip_quote:
            skip_quote = False
            continue
        if char in ("\r\n", "\r", "\n"):
            line += 1
            state = "quoted" if state == "quoted" else "start"
        elif state == "quoted":
            if char == '"':
                skip_quote = text.startswith('"', token.end())
                state = "quoted" if skip_quote else "closed"
        elif char == ",":
            state = "start"
        elif state == "start":
            state = "quoted" if char == '"' else "plain"
            opened = line
        elif state == "closed":
            return _text_after_quote(opened, line)
    if state == "quoted":
        return opened, f"a quoted value starts on this line and its closing quote is missing; {CLOSE_THE_QUOTE}"
    return None


def _text_after_quote(opened: int, line: int) -> tuple[int, str]:
    if opened < line:
        return opened, f"a quoted value starts on this line and runs on to line {line}: its closing quote is missing; {CLOSE_THE_QUOTE}"
    return line, ('this line has text after the closing quote of a quoted value (a space counts); put the whole value '
                  'in quotes and write each quote inside it twice, like "The ""best"" care"')
