"""A test-only page that renders base.html with sample content, to test the chrome without real pages."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

PREVIEW = """{% extends "base.html" %}
{% block title %}Voorbeeldpagina{% endblock %}
{% block content %}
<h1>Nieuws voor zorgprofessionals</h1>
<p class="utrecht-paragraph utrecht-paragraph--lead">Op deze website leest u het nieuws van de gemeente
voor professionals in het sociaal domein.</p>
{% include "includes/newsletter_cta.html" %}
<nav class="portal-toc" aria-label="Op deze pagina"><h2>Op deze pagina</h2>
<ul><li><a href="#bericht-1">Eerste bericht</a></li><li><a href="#bericht-2">Tweede bericht</a></li></ul></nav>
<article class="portal-teaser" id="bericht-1"><h2>Eerste bericht</h2><p class="portal-date">24 maart 2026</p>
<p>Een korte inleiding bij het eerste bericht, met een
<a href="/nieuws/eerste/">link naar het hele bericht</a>.</p></article>
<article class="portal-teaser" id="bericht-2"><h2>Tweede bericht</h2>
<p>Een ander bericht zonder datum, met een langere tekst die over meerdere regels loopt om de regellengte
te laten zien. Zo ziet u hoe een alinea eruitziet op een breed en op een smal scherm.</p>
<div class="portal-event"><dl><dt>Wanneer</dt><dd>dinsdag 14 april 2026, 19.30 tot 21.00 uur</dd>
<dt>Waar</dt><dd>Stadhuis, Raadzaal</dd></dl></div>
</article>
{% endblock %}
"""


def preview(request):
    return HttpResponse(engines["django"].from_string(PREVIEW).render(request=request))


def broken(request):
    raise RuntimeError("deliberate failure to show the 500 page")


urlpatterns = [
    path("e2e-voorbeeld/", preview),
    path("e2e-fout/", broken),
    path("", include("portal.urls")),
]
