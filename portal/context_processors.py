from django.conf import settings


def site(request):
    """Expose site-wide names to every template."""
    return {"SITE_NAME": settings.SITE_NAME, "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME}
