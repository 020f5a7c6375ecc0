"""Public pages: read the request, call a selector, render. Anonymous GETs are served from the page cache."""

import logging

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.dates import MONTHS
from django.views.decorators.http import require_safe

from news import search, selectors
from news.caching import cache_public_page
from news.context_processors import chrome
from news.fragments import article_list_fragments
from newsletter.selectors import edition_get_public
from portal.security.params import MAX_PAGE, int_param, text_param

logger = logging.getLogger(__name__)


def _page_number(request) -> int:
    """The ?pagina= number; anything but a whole number from 1 to MAX_PAGE is a 404."""
    return int_param(request, "pagina", default=1, maximum=MAX_PAGE)


def _canonical(request, number: int) -> str:
    """The page's path without tracking or other parameters; only a page number above 1 stays."""
    return request.path if number == 1 else f"{request.path}?pagina={number}"


def _year(value) -> int:
    year = int(value)
    if not 1900 <= year <= 9999:
        raise Http404("Jaar bestaat niet")
    return year


@require_safe
@cache_public_page
def article_list(request):
    number = _page_number(request)
    try:
        page = selectors.article_page_published(number=number)
    except ValueError:
        raise Http404("Pagina bestaat niet") from None
    pinned = [article for article in page.items if article.pinned_now]
    articles = [article for article in page.items if not article.pinned_now]
    context = {"page": page, "pinned": pinned, "articles": articles, "canonical": _canonical(request, number)}
    context.update(article_list_fragments(pinned=pinned, articles=articles, request=request))
    return render(request, "news/article_list.html", context)


@require_safe
@cache_public_page
def article_detail(request, slug):
    article = selectors.article_get_published(slug=slug)
    if article is None:
        target = selectors.article_redirect_get(slug=slug)
        if target is not None and target.slug != slug:
            return HttpResponsePermanentRedirect(target.get_absolute_url())
        raise Http404("Artikel niet gevonden")
    context = {"article": article, "theme_contact_points": selectors.article_theme_contact_points(article)}
    return render(request, "news/article_detail.html", context)


@require_safe
@cache_public_page
def theme_list(request):
    return render(request, "news/theme_list.html", {"themes": selectors.theme_list_active()})


@require_safe
@cache_public_page
def theme_detail(request, slug):
    # The active themes with their contact points come with the chrome (built per content token, which every
    # edit of a theme or contact point renews).
    theme = next((theme for theme in chrome(request)["nav_themes"] if theme.slug == slug), None)
    if theme is None:
        raise Http404("Thema niet gevonden")
    try:
        page = selectors.theme_article_page(theme=theme, number=_page_number(request))
    except ValueError:
        raise Http404("Pagina bestaat niet") from None
    context = {
        "theme": theme,
        "page": page,
        "documents": selectors.theme_documents(theme=theme),
        "canonical": _canonical(request, page.number),
    }
    return render(request, "news/theme_detail.html", context)


def _archive_years(months: list[dict]) -> list[dict]:
    years: dict[int, dict] = {}
    for row in months:
        entry = years.setdefault(row["year"], {"year": row["year"], "count": 0, "months": []})
        entry["count"] += row["count"]
        entry["months"].append({**row, "name": MONTHS[row["month"]]})
    return list(years.values())


@require_safe
@cache_public_page
def archive_index(request):
    years = _archive_years(selectors.archive_months())
    return render(request, "news/archive_index.html", {"years": years})


@require_safe
@cache_public_page
def archive_year(request, year):
    year = _year(year)
    months = [{**row, "name": MONTHS[row["month"]]} for row in selectors.archive_months(year=year)]
    if not months:
        raise Http404("Geen berichten in dit jaar")
    return render(request, "news/archive_year.html", {"year": year, "months": months})


@require_safe
@cache_public_page
def archive_month(request, year, month):
    year, month = _year(year), int(month)
    if month not in MONTHS:
        raise Http404("Maand bestaat niet")
    number = _page_number(request)
    try:
        page = selectors.archive_article_page(year=year, month=month, number=number)
    except ValueError:
        raise Http404("Pagina bestaat niet") from None
    if not page.items:
        raise Http404("Geen berichten in deze maand")
    edition = edition_get_public(year=year, month=month)  # that month's newsletter, once it was sent
    context = {"year": year, "month": month, "month_name": MONTHS[month], "page": page, "edition": edition}
    context["canonical"] = _canonical(request, number)
    return render(request, "news/archive_month.html", context)


def _search_filters(request, chrome_data):
    """The chosen theme and year, or None for an unknown or empty choice."""
    slug = text_param(request, "thema", max_length=80)
    theme = next((t for t in chrome_data["nav_themes"] if t.slug == slug), None)
    year = int_param(request, "jaar", default=None, maximum=9999, invalid=None)
    return theme, year if year in chrome_data["archive_years"] else None


@require_safe
@cache_public_page
def search_view(request):
    query = text_param(request, "q", max_length=search.MAX_QUERY_LENGTH)
    chrome_data = chrome(request)
    theme, year = _search_filters(request, chrome_data)
    results = search.search_run(query=query, theme=theme, year=year) if query else []
    paginator = Paginator(results, selectors.PAGE_SIZE)
    try:
        page = paginator.page(_page_number(request))
    except EmptyPage:
        raise Http404("Pagina bestaat niet") from None
    search.search_snippets_add(page.object_list, query=query)
    context = {
        "query": query,
        "theme": theme,
        "year": year,
        "page": page,
        "result_count": len(results),
        "too_many": len(results) >= search.MAX_RESULTS,
    }
    return render(request, "news/search.html", context)


@require_safe
def document_download(request, slug):
    document = selectors.document_get_public(slug=slug)
    if document is None or not document.file:
        raise Http404("Document niet gevonden")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        logger.warning("Document file missing: %s", document.file.name)
        raise Http404("Document niet gevonden") from None
    response = FileResponse(handle, as_attachment=True, filename=f"{document.slug}.pdf")
    response["Content-Type"] = "application/pdf"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@cache_public_page
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """Dutch 404 page in the site's look."""
    return HttpResponse(loader.render_to_string("404.html", request=request), status=404)


def server_error(request):
    """Dutch 500 page; falls back to plain text when even the chrome cannot be rendered."""
    try:
        context = {"site_text": selectors.site_text_defaults(), "contact_points": [], "quick_links": []}
        context.update(nav_themes=[], newsletter_url=reverse("newsletter:subscribe"), archive_years=[])
        context.update(SITE_NAME=settings.SITE_NAME, MUNICIPALITY_NAME=settings.MUNICIPALITY_NAME)
        html = loader.get_template("500.html").render(context)
    except Exception:  # The error page must never fail itself.
        logger.exception("Rendering 500.html failed")
        html = "<!doctype html><html lang='nl'><title>Er ging iets mis</title><h1>Er ging iets mis</h1></html>"
    return HttpResponseServerError(html)
