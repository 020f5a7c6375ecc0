from django.http import HttpResponse


def article_list(request):
    return HttpResponse("portal")


def article_detail(request, slug):
    return HttpResponse(slug)


def theme_detail(request, slug):
    return HttpResponse(slug)


def document_download(request, slug):
    return HttpResponse(slug)
