"""The embedded profile's mail backend: one readable .eml file per message (issue #2)."""

import email
from email import policy

from django.core.mail import EmailMultiAlternatives


def test_eml_backend_writes_one_parseable_file_per_message(settings, tmp_path):
    settings.MAILERS = {"default": {"BACKEND": "portal.mail.EmlFileBackend", "OPTIONS": {"file_path": str(tmp_path)}}}
    for number in (1, 2):
        message = EmailMultiAlternatives(
            subject=f"Bevestig uw aanmelding {number}",
            body="Hallo, dit is de tekst met een é.",
            from_email="Gemeente Voorbeeldstad <nieuwsbrief@example.nl>",
            to=["lezer@example.nl"],
        )
        message.attach_alternative("<p>Hallo</p>", "text/html")
        assert message.send() == 1

    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2
    parsed = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert parsed["To"] == "lezer@example.nl"
    assert parsed["Subject"].startswith("Bevestig uw aanmelding")
    assert "met een é" in parsed.get_body(preferencelist=("plain",)).get_content()
