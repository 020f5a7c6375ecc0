"""Saving documents: PDF only, a size limit, and the text extracted for search."""

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from news import caching
from news.models import Document, Theme
from news.services.search_vectors import document_search_vectors_update, search_vectors_update

logger = logging.getLogger(__name__)

MAX_DOCUMENT_SIZE = 20 * 1024 * 1024
# Enough for search; a 300-page report would otherwise fill the database with its appendices.
MAX_TEXT_CHARS = 200_000
PDF_MAGIC = b"%PDF-"


def document_file_validate(file) -> None:
    """Raise ValidationError (Dutch) unless `file` is a PDF within the size limit.

    A PDF starts with its signature and pypdf can read its pages. HTML that merely mentions "%PDF-" (a
    browser sniffing it would run its scripts) or a file that only starts like a PDF is refused.
    """
    if file.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(
            _("Het bestand is %(size)s. Het mag hoogstens %(max)s zijn.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(MAX_DOCUMENT_SIZE)},
            code="file_too_large",
        )
    if not file.name.lower().endswith(".pdf") or not _is_readable_pdf(file):
        raise ValidationError(
            _("Dit is geen pdf-bestand. Sla het document op als pdf en probeer het opnieuw."), code="not_pdf"
        )


def _is_readable_pdf(file) -> bool:
    """True when `file` starts with the PDF signature and pypdf can count its pages; rewinds `file`."""
    file.seek(0)
    try:
        if file.read(len(PDF_MAGIC)) != PDF_MAGIC:
            return False
        file.seek(0)
        return len(PdfReader(file).pages) > 0
    except Exception:  # pypdf raises many kinds of errors on hostile input; any of them means "not a PDF".
        logger.info("Refused an upload that pypdf cannot read: %s", file.name, exc_info=True)
        return False
    finally:
        file.seek(0)


def document_text_extract(file) -> str:
    """Return the text of a PDF, or '' when it has none or cannot be read (scans, damaged files)."""
    file.seek(0)
    try:
        reader = PdfReader(file)
        parts = []
        for page in reader.pages:
            parts.append(page.extract_text() or "")
            if sum(map(len, parts)) > MAX_TEXT_CHARS:
                break
    except (PyPdfError, ValueError, OSError):
        logger.warning("Could not extract text from %s", file.name, exc_info=True)
        return ""
    finally:
        file.seek(0)
    return " ".join(" ".join(parts).split())[:MAX_TEXT_CHARS]


def _unique_slug(document: Document) -> str:
    base = slugify(document.title)[:100] or "document"
    slug, n = base, 2
    while Document.objects.filter(slug=slug).exclude(pk=document.pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def document_save(*, document: Document, themes: Iterable[Theme] | None = None, file_changed: bool = True) -> Document:
    """Validate the file, extract its text, and save. Raises ValidationError with a Dutch message."""
    if not document.file:
        raise ValidationError({"file": _("Kies een pdf-bestand.")})
    if file_changed:
        try:
            document_file_validate(document.file)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        document.text = document_text_extract(document.file)
    if not document.slug:
        document.slug = _unique_slug(document)
    document.full_clean(exclude=["themes", "text"])
    document.save()
    if themes is not None:
        document.themes.set(themes)
    document_search_vectors_update(document_ids=[document.pk])
    search_vectors_update(article_ids=document.articles.values_list("pk", flat=True))
    transaction.on_commit(caching.public_pages_changed)
    return document
