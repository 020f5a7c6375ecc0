"""The page chrome renders without its context (empty processor, no database) and links contacts right."""

import re
from types import SimpleNamespace

from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import resolve


def test_base_template_renders_without_chrome_context():
    html = render_to_string("404.html", {"SITE_NAME": "Nieuws", "request": RequestFactory().get("/x/")})

    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html
    assert '<main id="inhoud" tabindex="-1"' in html
    assert "Hulp en contact" not in html  # no contact points: no empty block


def test_server_error_template_renders_without_any_context():
    html = render_to_string("500.html")

    assert '<html lang="nl">' in html
    assert "Er ging iets mis" in html
    assert "/static/css/theme.css" in html


def test_contact_block_links_email_and_phone():
    point = SimpleNamespace(
        name="Team Jeugd", email="jeugd@example.nl", phone="030 \N{EN DASH} 286 52 11", url="", notes=""
    )

    html = render_to_string("includes/contact_block.html", {"contact_points": [point]})

    assert "Hulp en contact" in html
    assert 'href="mailto:jeugd@example.nl"' in html
    assert 'href="tel:0302865211"' in html


def test_newsletter_cta_uses_site_text_and_links_to_subscribe_page():
    html = render_to_string(
        "includes/newsletter_cta.html", {"site_text": SimpleNamespace(newsletter_cta="Blijf op de hoogte.")}
    )

    assert "Blijf op de hoogte." in html
    assert 'href="/nieuwsbrief/aanmelden/"' in html
    assert "Meld u aan voor de nieuwsbrief" in html


def test_header_marks_current_section():
    request = RequestFactory().get("/themas/jeugd/")
    request.resolver_match = resolve(request.path)
    html = render_to_string("includes/header.html", {"request": request})

    assert 'href="/themas/" aria-current="true"' in html
    assert 'href="/" aria-current' not in html


def test_site_css_takes_every_colour_from_the_theme():
    """A municipality only replaces theme.css: site.css names no colour of its own (print aside)."""
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    screen_css = css.split("@media print", 1)[0]

    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", screen_css) == []
    assert "var(--portal-color-primary-700)" in screen_css
