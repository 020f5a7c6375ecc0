"""Nonsense in the query string or the path gives a 404 or a normal page, never a server error (issue 11, 3)."""

import pytest
from django.http import Http404, QueryDict
from django.test import RequestFactory

from portal.security.params import int_param, text_param
from tests.factories import ArticleFactory, ThemeFactory

pytestmark = pytest.mark.django_db

HUGE = "461168601842738792"


@pytest.fixture
def content():
    theme = ThemeFactory(slug="jeugd")
    ArticleFactory(title="Jeugdhulp in de wijk", themes=[theme])
    return theme


@pytest.mark.parametrize("query", ["q=%00", "q=jeugd%00", "q=%00%00&thema=%00&jaar=%00", "q=a&q=%00"])
def test_search_with_nul_byte_is_not_a_server_error(client, content, query):
    response = client.get(f"/zoeken/?{query}")

    assert response.status_code in {200, 404}


@pytest.mark.parametrize("path", ["/", "/themas/jeugd/", "/zoeken/?q=jeugd", "/archief/", "/zoeken/"])
@pytest.mark.parametrize("number", [HUGE, "9" * 40, "9223372036854775808", "1e9", "²", "\u0661", "-1", "0", "+2", " 2"])
def test_page_number_out_of_range_is_404_not_500(client, content, path, number):
    separator = "&" if "?" in path else "?"

    response = client.get(f"{path}{separator}pagina={number}")

    assert response.status_code in {200, 404}


@pytest.mark.parametrize("year", ["²", "\u0661\u0669\u0669\u0669", HUGE, "%00", "-2024"])
def test_search_year_filter_ignores_nonsense(client, content, year):
    assert client.get(f"/zoeken/?q=jeugd&jaar={year}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/archief/99999999999999999999/",
        "/archief/2024/99999999999999999999/",
        "/archief/99999999999999999999/1/",
        "/archief/0/",
        "/archief/2024/0/",
        "/themas/" + "a" * 5000 + "/",
        "/nieuws/" + "a" * 5000 + "/",
    ],
)
def test_path_values_out_of_range_are_404(client, content, path):
    assert client.get(path).status_code == 404


# --- The shared parser -----------------------------------------------------------------------------


def _request(query: str):
    request = RequestFactory().get("/")
    request.GET = QueryDict(query)
    return request


@pytest.mark.parametrize("raw", ["", "1"])
def test_int_param_default_and_plain_value(raw):
    assert int_param(_request(f"pagina={raw}" if raw else ""), "pagina", default=1, maximum=100) == 1


@pytest.mark.parametrize("raw", ["0", "101", HUGE, "²", "\u0661", "1.5", "x", "%00", "-3", "+3", " 3", "3 "])
def test_int_param_refuses_what_is_not_a_small_whole_number(raw):
    with pytest.raises(Http404):
        int_param(_request(f"pagina={raw}"), "pagina", default=1, maximum=100)


def test_int_param_can_ignore_instead_of_refusing():
    assert int_param(_request("jaar=²"), "jaar", default=None, maximum=9999, invalid=None) is None


def test_text_param_drops_control_characters_and_bounds_length():
    assert text_param(_request("q=a%00b%01c%0Ad"), "q", max_length=200) == "abc d"
    assert len(text_param(_request("q=" + "x" * 5000), "q", max_length=200)) == 200
    assert text_param(_request("q=%ED%A0%80"), "q", max_length=200).encode("utf-8")


def test_int_param_reads_leading_zeros_without_converting_thousands_of_digits():
    assert int_param(_request("pagina=" + "0" * 5000 + "7"), "pagina", default=1, maximum=100) == 7
