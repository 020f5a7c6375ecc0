"""Uploaded documents must be real PDFs: signature at the start and readable by pypdf (issue 11, 6)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from demo.pdf import pdf_bytes
from news.models import Document
from news.services import document_save
from news.services.documents import document_file_validate
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db
NOT_PDF = "Dit is geen pdf-bestand. Sla het document op als pdf en probeer het opnieuw."


def _upload(content: bytes, name: str = "brief.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


@pytest.mark.parametrize(
    "content",
    [
        b"<html><!-- %PDF-1.7 --><script>alert(document.cookie)</script></html>",
        b"<!doctype html>\n<title>x</title>\n" + b" " * 900 + b"%PDF-1.4",
        b"\xef\xbb\xbf%PDF-1.4\n<html></html>",
        b" %PDF-1.4\n" + pdf_bytes(title="Brief", paragraphs=["tekst"])[9:],
        b"%PDF-1.4\n<html><script>alert(1)</script></html>",
        b"%PDF-",
        b"",
    ],
)
def test_document_file_validate_refuses_what_is_not_a_readable_pdf(content):
    with pytest.raises(ValidationError) as caught:
        document_file_validate(_upload(content))

    assert caught.value.messages == [NOT_PDF]


def test_document_file_validate_accepts_a_real_pdf_and_rewinds():
    upload = _upload(pdf_bytes(title="Raadsbrief", paragraphs=["Hervormingen"]))

    document_file_validate(upload)

    assert upload.tell() == 0


def test_document_file_validate_accepts_a_pdf_without_text():
    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)

    document_file_validate(_upload(buffer.getvalue(), "scan.pdf"))


def test_document_save_refuses_html_with_the_signature_inside(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    html = b"<html><body>%PDF-1.4 <img src=x onerror=alert(1)></body></html>"

    with pytest.raises(ValidationError) as caught:
        document_save(document=Document(title="Nep", file=_upload(html)))

    assert caught.value.message_dict["file"] == [NOT_PDF]
    assert not Document.objects.exists()


def test_document_download_stays_an_attachment_with_nosniff(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    DocumentFactory(slug="raadsbrief-jeugd")

    response = client.get("/documenten/raadsbrief-jeugd/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
