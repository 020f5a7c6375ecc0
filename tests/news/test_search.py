"""Search over articles and documents: matching, accents, ranking, highlighting, filters (both databases)."""

import datetime

import pytest
from django.db import connection

from news.models import Article
from news.search import _snippet, body_text, search_run, search_snippets_add
from news.services import article_save, document_save, search_vectors_update
from tests.factories import ArticleFactory, DocumentFactory, ThemeFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored vector is PostgreSQL's")


def snippet_of(query: str):
    """The snippet of the best result, made the way the search page makes it."""
    best = search_run(query=query)[:1]
    search_snippets_add(best, query=query)
    return best[0].snippet


def test_search_run_finds_words_in_title_lead_and_body():
    ArticleFactory(title="Buddyprogramma", lead="Hulp voor kinderen.", body="<p>Over scheiding.</p>")
    ArticleFactory(title="Iets anders", lead="Over iets anders.", body="<p>Niets.</p>")

    assert [r.title for r in search_run(query="buddyprogramma")] == ["Buddyprogramma"]
    assert [r.title for r in search_run(query="scheiding")] == ["Buddyprogramma"]


def test_search_run_ignores_accents_both_ways():
    ArticleFactory(title="Nieuws over Sagenn", lead="Een inleiding.")
    ArticleFactory(title="Cliënten aan het woord", lead="Een inleiding.")

    assert [r.title for r in search_run(query="Sagènn")] == ["Nieuws over Sagenn"]
    assert [r.title for r in search_run(query="clienten")] == ["Cliënten aan het woord"]


def test_search_run_ranks_title_hits_above_body_hits():
    ArticleFactory(title="Mantelzorg in de wijk", lead="Een inleiding.", publication_date=datetime.date(2020, 1, 1))
    ArticleFactory(
        title="Nieuwe regeling",
        lead="Een inleiding.",
        body="<p>Ook voor mantelzorg.</p>",
        publication_date=datetime.date(2024, 1, 1),
    )

    titles = [r.title for r in search_run(query="mantelzorg")]

    assert titles == ["Mantelzorg in de wijk", "Nieuwe regeling"]


def test_search_run_highlights_hits_and_escapes_the_rest():
    ArticleFactory(title="Overgewicht", lead="Aanpak <script>x</script> van overgewicht bij kinderen.")

    snippet = snippet_of("overgewicht")

    assert "<mark>" in snippet
    assert "<script>" not in snippet


def test_search_run_finds_text_of_documents():
    DocumentFactory(title="Raadsbrief", text="Het college kiest voor een stevige sociale basis.")

    results = search_run(query="stevige")

    assert [(r.kind, r.title) for r in results] == [("document", "Raadsbrief")]


def test_search_run_filters_on_theme_and_year():
    theme = ThemeFactory(slug="zoek-thema")
    ArticleFactory(title="Subsidie thema 2023", themes=[theme], publication_date=datetime.date(2023, 5, 1))
    ArticleFactory(title="Subsidie thema 2021", themes=[theme], publication_date=datetime.date(2021, 5, 1))
    ArticleFactory(title="Subsidie elders 2023", publication_date=datetime.date(2023, 5, 1))

    assert {r.title for r in search_run(query="subsidie", theme=theme)} == {
        "Subsidie thema 2023",
        "Subsidie thema 2021",
    }
    assert [r.title for r in search_run(query="subsidie", theme=theme, year=2023)] == ["Subsidie thema 2023"]


def test_search_run_skips_unpublished_articles():
    ArticleFactory(title="Geheim concept over subsidie", draft=True)

    assert search_run(query="subsidie") == []


@pytest.mark.parametrize("query", ["", "   ", "'\"():&!|"])
def test_search_run_odd_input_does_not_fail(query):
    ArticleFactory()

    assert isinstance(search_run(query=query), list)


def test_search_page_shows_results_and_keeps_the_filters(client):
    theme = ThemeFactory(slug="zoekpagina", name="Zoekthema")
    ArticleFactory(title="Werkconferentie jeugd", themes=[theme], publication_date=datetime.date(2024, 3, 22))

    html = client.get("/zoeken/?q=werkconferentie&thema=zoekpagina&jaar=2024").content.decode()

    assert "1 resultaat" in html
    assert "Werkconferentie jeugd" in html
    assert '<option value="zoekpagina" selected>' in html
    assert '<option value="2024" selected>' in html


def test_search_page_without_hits_says_so(client):
    html = client.get("/zoeken/?q=onvindbaarwoord").content.decode()

    assert "Geen resultaten" in html


def test_search_run_does_not_match_words_inside_html_tags():
    ArticleFactory(title="Bericht met link", body='<p><a href="https://example.nl/zwembad">Lees dit</a></p>')

    assert search_run(query="zwembad") == []


def test_search_run_finds_accented_query_in_document_text():
    DocumentFactory(title="Raadsbrief", text="De werkgroep Sagenn adviseert het college.")

    assert [r.title for r in search_run(query="Sagènn")] == ["Raadsbrief"]


BLOCKS = (
    "<p>Doet u mee?</p><p>Veel organisaties doen al mee.</p><h2>Contact</h2>"
    "<ul><li>Mail het team,</li><li>of bel 14 0123.</li></ul>"
    "<blockquote><p>Samen&nbsp;sterk &amp; dichtbij</p></blockquote>"
)


def test_body_text_keeps_blocks_apart():
    text = body_text(BLOCKS)

    assert (
        text
        == "Doet u mee? Veel organisaties doen al mee. Contact Mail het team, of bel 14 0123. Samen sterk & dichtbij"
    )


def test_body_text_keeps_inline_markup_inside_words():
    assert body_text("<p>Lees <strong>eerst</strong> de <a href='/x'>voor</a>waarden.<br>Daarna</p>") == (
        "Lees eerst de voorwaarden. Daarna"
    )


def test_snippet_marks_the_word_without_its_punctuation():
    snippet = _snippet("<p>Wilt u subsidie aanvragen?</p><p>Aanvragen: kan tot 1 mei.</p>", ["aanvragen"])

    assert snippet == "Wilt u subsidie <mark>aanvragen</mark>? <mark>Aanvragen</mark>: kan tot 1 mei."


def test_snippet_escapes_punctuation_around_a_hit():
    assert _snippet("<p>&lt;subsidie&gt;</p>", ["subsidie"]) == "&lt;<mark>subsidie</mark>&gt;"


def test_search_run_snippet_keeps_a_space_between_blocks():
    ArticleFactory(title="Netwerk", lead="Een netwerk voor professionals.", body=BLOCKS)

    snippet = snippet_of("organisaties")

    assert "mee? Veel" in snippet
    assert "<mark>organisaties</mark>" in snippet


def test_search_run_snippet_separates_heading_and_list_items():
    ArticleFactory(title="Netwerk", lead="Een netwerk voor professionals.", body=BLOCKS)

    snippet = snippet_of("contact")

    assert "mee. <mark>Contact</mark> Mail het team, of bel" in snippet
    assert "&amp;amp;" not in snippet


@postgres_only
def test_search_run_finds_words_in_linked_documents_below_body_hits():
    document = DocumentFactory(title="Raadsbrief", text="Over de wijkteams en de zorgbonus.")
    with_document = ArticleFactory(title="Nieuws A", publication_date=datetime.date(2024, 1, 1))
    with_document.documents.add(document)
    search_vectors_update(article_ids=[with_document.pk])
    ArticleFactory(title="Nieuws B", body="<p>De zorgbonus komt.</p>", publication_date=datetime.date(2020, 1, 1))

    articles = [r.title for r in search_run(query="zorgbonus") if r.kind == "article"]

    assert articles == ["Nieuws B", "Nieuws A"]


@postgres_only
def test_article_save_keeps_the_search_vector_current():
    article = ArticleFactory(title="Oude titel")
    article.title = "Jeugdhulp in de regio"

    article_save(article=article)

    assert [r.title for r in search_run(query="jeugdhulp")] == ["Jeugdhulp in de regio"]


@postgres_only
def test_document_save_updates_the_vectors_of_linked_articles():
    document = DocumentFactory(text="Eerste versie.")
    article = ArticleFactory(title="Met bijlage")
    article.documents.add(document)
    document.text = "Tweede versie over schuldhulpverlening."

    document_save(document=document, file_changed=False)

    assert [r.title for r in search_run(query="schuldhulpverlening") if r.kind == "article"] == ["Met bijlage"]


@postgres_only
def test_search_vectors_update_fills_empty_vectors():
    ArticleFactory(title="Wmo-voorziening aangepast")
    Article.objects.update(search_vector=None)
    assert search_run(query="aangepast") == []

    assert search_vectors_update() == 1

    assert [r.title for r in search_run(query="aangepast")] == ["Wmo-voorziening aangepast"]


@postgres_only
def test_search_run_leaves_snippets_to_the_page_shown():
    for n in range(3):
        ArticleFactory(title=f"Regeling {n}", lead="Over de regeling.")
    results = search_run(query="regeling")
    assert [r.snippet for r in results] == [None, None, None]

    search_snippets_add(results[:2], query="regeling")

    assert all("<mark>" in r.snippet for r in results[:2])
    assert results[2].snippet is None


def test_search_page_builds_snippets_for_the_page_shown_only(client):
    for n in range(25):
        ArticleFactory(title=f"Regeling {n}", lead="Over de regeling.")

    response = client.get("/zoeken/?q=regeling")

    page = response.context["page"]
    assert len(page.object_list) == 20
    assert all("<mark>" in r.snippet for r in page.object_list)
    assert response.context["result_count"] == 25


@postgres_only
def test_document_save_fills_the_documents_own_vector():
    document = DocumentFactory(title="Raadsbrief", text="Eerste versie.")
    document.text = "Over de wachtlijsten in de jeugdzorg."

    document_save(document=document, file_changed=False)

    assert [(r.kind, r.title) for r in search_run(query="wachtlijsten")] == [("document", "Raadsbrief")]
