from django.http import HttpResponse

from news.models import Theme


def hello(request):
    """One query, a few bytes: what any view that touches the database costs at least."""
    count = Theme.objects.count()
    return HttpResponse(f"hello {count}\n", content_type="text/plain")
