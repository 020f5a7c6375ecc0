"""Middleware that answers before the rest of the stack: /healthz, and cached public pages.

Answer /healthz before host validation and the HTTPS redirect.

Container and load-balancer probes call http://127.0.0.1:8000/healthz with their own Host header;
ALLOWED_HOSTS and SECURE_SSL_REDIRECT would turn that into a 400 or a 301. The response holds no data.
"""

from news.caching import cached_page_get, cached_page_store, request_cacheable
from portal.views import healthz


class HealthzMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz" and request.method in {"GET", "HEAD"}:
            return healthz(request)
        return self.get_response(request)


class PublicPageCacheMiddleware:
    """Serve anonymous cache hits before the rest of the middleware stack; store pages after it.

    Sits right after HealthzMiddleware: a hit costs one cache round trip and no other middleware. What it
    stores left every other middleware already (security headers, CSP, Vary), so a hit has the same headers.
    Host validation still happens: the cache key is built from request.get_host(). The page key carries the
    scheme, so a plain-HTTP request never meets a page stored for HTTPS and still gets the HTTPS redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_cacheable(request):
            return self.get_response(request)
        cached = cached_page_get(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        cached_page_store(request, response)
        return response
