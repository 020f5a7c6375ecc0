import html
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from news.sanitize import ALLOWED_TAGS, ALLOWED_URL_SCHEMES, clean_html, clean_text
from tests.news.xss_corpus import XSS_VECTORS


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.other = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.other.append(("comment", data))

    def handle_decl(self, decl):
        self.other.append(("decl", decl))

    def unknown_decl(self, data):
        self.other.append(("unknown", data))


def _parse(output):
    collector = _Collector()
    collector.feed(output)
    collector.close()
    return collector


def _href_is_safe(href):
    # Browsers drop control characters and whitespace inside schemes, so compare after removing them.
    squashed = "".join(ch for ch in html.unescape(href) if ch > " ").lower()
    scheme = urlsplit(squashed).scheme
    return scheme == "" or scheme in ALLOWED_URL_SCHEMES


def test_xss_corpus_is_big_enough():
    assert len(XSS_VECTORS) >= 40
    assert len(set(XSS_VECTORS)) == len(XSS_VECTORS)


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_clean_html_leaves_nothing_executable(vector):
    output = clean_html(vector)
    parsed = _parse(output)
    assert parsed.other == []
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS
        names = {name for name, _ in attrs}
        assert names <= ({"href", "rel"} if tag == "a" else set())
        for name, value in attrs:
            if name == "href":
                assert _href_is_safe(value)
    lowered = output.lower()
    for marker in ("<script", "<iframe", "<svg", "<style", "onerror", "onload", "javascript:"):
        assert marker not in lowered


def test_clean_html_drops_script_content_not_just_tags():
    assert clean_html("<p>Hallo</p><script>alert('weg')</script>") == "<p>Hallo</p>"


def test_clean_html_keeps_editor_markup():
    body = (
        "<h2>Kop</h2><h3>Sub</h3><h4>Subsub</h4><p><strong>vet</strong> <em>schuin</em> <b>b</b> <i>i</i><br>regel</p>"
        "<ul><li>een<ol><li>genest</li></ol></li></ul><blockquote><p>citaat</p></blockquote>"
    )
    assert clean_html(body) == body


@pytest.mark.parametrize(
    "href",
    [
        "https://www.example.nl/a?b=1",
        "http://example.nl",
        "mailto:info@example.nl",
        "tel:+31201234567",
        "/themas/jeugd/",
    ],
)
def test_clean_html_keeps_safe_links_and_adds_rel(href):
    assert clean_html(f'<a href="{href}">link</a>') == f'<a href="{href}" rel="noopener noreferrer">link</a>'


def test_clean_html_strips_styles_classes_and_ids():
    assert clean_html('<p style="color:red" class="x" id="y">tekst</p>') == "<p>tekst</p>"


def test_clean_html_removes_images_from_the_body():
    assert clean_html('<p>voor<img src="https://example.nl/a.png" alt="x">na</p>') == "<p>voorna</p>"


def test_clean_html_closes_unclosed_tags():
    assert clean_html("<p><strong>open") == "<p><strong>open</strong></p>"


def test_clean_html_handles_empty_input():
    assert clean_html("") == ""
    assert clean_html(None) == ""


def test_clean_text_removes_markup_and_collapses_whitespace():
    assert clean_text("  <b>Jeugd</b> &amp;\n  gezin <script>alert(1)</script> ") == "Jeugd & gezin"


@pytest.mark.parametrize(
    "value",
    [
        "&lt;img src=x onerror=alert(1)&gt;",
        "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
        "&#60;svg onload=alert(1)&#62;",
        "<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;klik&lt;/a&gt;</p>",
    ],
)
def test_clean_text_never_turns_escaped_markup_into_markup(value):
    output = clean_text(value)

    assert "<" not in output or _parse(output).tags == []
    assert "onerror" not in output
    assert "onload" not in output
    assert "<a" not in output


def test_clean_text_keeps_comparisons_and_ampersands_as_text():
    assert clean_text("Budget &lt; 5 &amp; groei &gt; 2%") == "Budget < 5 & groei > 2%"
    assert clean_text("a < b en c > d") == "a < b en c > d"


def test_clean_text_is_stable():
    for value in ("&lt;b&gt;Jeugd&lt;/b&gt;", "Jeugd &amp; gezin", "x &amp;amp; y"):
        once = clean_text(value)
        assert clean_text(once) == once
