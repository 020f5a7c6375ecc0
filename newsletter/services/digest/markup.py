"""Text helpers for the digest mail: short HTML lines for 8bit transfer, and rich text as plain text."""

import html
import re
from html.parser import HTMLParser

# Tags and the text between them; a tag's attribute values never contain '>' (they are escaped).
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
# Spaces inside a tag that are not inside a quoted attribute value.
_TAG_SPACE = re.compile(r'"[^"]*"|\'[^\']*\'|( )')


def _break_points(chunk: str) -> list[int]:
    """Offsets in `chunk` where a space may become a line break without changing what the HTML means."""
    if chunk.startswith("<"):
        return [match.start(1) for match in _TAG_SPACE.finditer(chunk) if match.group(1)]
    return [index for index, char in enumerate(chunk) if char == " "]


def _wrap_line(line: str, limit: int) -> list[str]:
    points, offset = [], 0
    for chunk in _TAG_OR_TEXT.split(line):
        points.extend(offset + point for point in _break_points(chunk))
        offset += len(chunk)
    lines, start, last = [], 0, None
    for point in points:
        if point - start > limit and last is not None:
            lines.append(line[start:last])
            start, last = last + 1, None
        if point > start:
            last = point
    if len(line) - start > limit and last is not None:
        lines.append(line[start:last])
        start = last + 1
    lines.append(line[start:])
    return lines


def wrap_html_lines(markup: str, limit: int = 200) -> str:
    """Break lines longer than `limit` characters at spaces between attributes or words, never inside a quoted
    attribute value. Whitespace is one space in HTML outside <pre>, so the page means the same. A line with no
    such space stays long: the caller checks the result.
    """
    out = []
    for line in markup.split("\n"):
        out.extend(_wrap_line(line, limit) if len(line) > limit else [line])
    return "\n".join(out)


class _TextWriter(HTMLParser):
    """Rich text of the article allow-list (news.sanitize) as readable plain text."""

    BLOCKS = frozenset({"p", "h2", "h3", "h4", "ul", "ol", "blockquote"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None
        self.link_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = []

    def handle_endtag(self, tag):
        if tag == "a" and self.href is not None:
            text = "".join(self.link_text).strip()
            if self.href != text and self.href.startswith(("http://", "https://")):
                self.parts.append(f" ({self.href})")
            self.href = None
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", data)
        self.parts.append(text)
        if self.href is not None:
            self.link_text.append(text)


def html_to_text(markup: str) -> str:
    """Return sanitised rich text as plain text: paragraphs apart, '- ' list items, links as 'text (URL)'."""
    if not markup:
        return ""
    writer = _TextWriter()
    writer.feed(markup)
    writer.close()
    text = "".join(writer.parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def escape_text(value: str) -> str:
    """HTML-escape plain text for element content."""
    return html.escape(value, quote=False)
