from django.http import JsonResponse


def healthz(request):
    """Placeholder; issue 2 adds database, cache and broker checks."""
    return JsonResponse({"status": "ok"})
