"""The project's URLs plus /bench/hello/, the reference: a view that runs one query and renders nothing."""

from django.urls import path

from bench.views import hello
from portal.urls import handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("bench/hello/", hello, name="bench_hello"), *portal_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
