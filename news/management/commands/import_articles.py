"""Import articles from a JSON file; see README "Artikelen importeren" for the format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.models import Article, Theme
from news.services.importing import ImportFileError, ImportReport, Outcome, articles_import, import_file_parse


class Command(BaseCommand):
    help = "Importeer artikelen uit een JSON-bestand (een lijst van artikelen). Opnieuw importeren werkt bij."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het JSON-bestand")
        parser.add_argument(
            "--status",
            choices=Article.Status.values,
            default=Article.Status.PUBLISHED,
            help="Status van geïmporteerde artikelen (standaard: gepubliceerd)",
        )
        parser.add_argument(
            "--default-theme", metavar="SLUG", help="Thema voor items zonder thema's (anders worden ze afgewezen)"
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan")

    def handle(self, *args, file, status, default_theme, dry_run, **options):
        try:
            raw = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan het bestand niet lezen: {exc.strerror} ({file})", returncode=2) from exc
        try:
            items = import_file_parse(raw)
        except ImportFileError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        theme = None
        if default_theme:
            theme = Theme.objects.filter(slug=default_theme).first()
            if theme is None:
                raise CommandError(f"Onbekend thema voor --default-theme: {default_theme!r}", returncode=2)
        report = articles_import(items=items, status=status, default_theme=theme, dry_run=dry_run)
        self._write_report(report)
        if report.rejected:
            raise CommandError(f"{len(report.rejected)} van {len(report.results)} items afgewezen (zie hierboven).")

    def _write_report(self, report: ImportReport) -> None:
        for result in report.results:
            label = result.title or "(zonder titel)"
            line = f"[{result.number}] {result.outcome}: {label}"
            if result.slug:
                line += f" ({result.slug})"
            if result.outcome == Outcome.REJECTED:
                self.stdout.write(self.style.ERROR(line + " — " + "; ".join(result.reasons)))
            else:
                self.stdout.write(line)
            for warning in result.warnings:
                self.stdout.write(self.style.WARNING(f"    let op: {warning}"))
        summary = (
            f"Klaar: {report.count(Outcome.CREATED)} aangemaakt, {report.count(Outcome.UPDATED)} bijgewerkt, "
            f"{report.count(Outcome.UNCHANGED)} ongewijzigd, {report.count(Outcome.REJECTED)} afgewezen."
        )
        if report.dry_run:
            summary += " Proefrun: er is niets opgeslagen."
        self.stdout.write(self.style.SUCCESS(summary))
