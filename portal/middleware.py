"""Answer /healthz before host validation and the HTTPS redirect.

Container and load-balancer probes call http://127.0.0.1:8000/healthz with their own Host header;
ALLOWED_HOSTS and SECURE_SSL_REDIRECT would turn that into a 400 or a 301. The response holds no data.
"""

from portal.views import healthz


class HealthzMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz" and request.method in {"GET", "HEAD"}:
            return healthz(request)
        return self.get_response(request)
