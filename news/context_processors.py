"""Site chrome shared by every public page (filled in by the public-site work)."""


def chrome(request):
    return {}
