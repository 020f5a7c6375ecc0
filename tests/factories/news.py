"""Factories for the news app: themes, contact points, articles, documents and page texts."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from demo.pdf import pdf_bytes
from news.models import Article, ArticleLink, ContactPoint, Document, QuickLink, SiteText, Theme
from news.services.search_vectors import document_search_vectors_update, search_vectors_update


class ContactPointFactory(DjangoModelFactory):
    class Meta:
        model = ContactPoint

    name = factory.Sequence(lambda n: f"Contactpunt {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.nl")
    phone = "14 0123"
    url = "https://www.example.nl/contact"
    notes = "Bereikbaar op werkdagen van 9.00 tot 17.00 uur."

    class Params:
        in_contact_block = factory.Trait(show_in_contact_block=True)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    description = "Nieuws en informatie voor professionals."
    order = factory.Sequence(lambda n: n)


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Raadsbrief {n}")
    slug = factory.Sequence(lambda n: f"raadsbrief-{n}")
    kind = Document.Kind.RAADSBRIEF
    date = factory.LazyFunction(timezone.localdate)
    issuer = "College van burgemeester en wethouders"
    summary = "Het college informeert de raad."
    text = "Het college informeert de raad over de hervormingen in het sociaal domein."
    file = factory.LazyAttribute(
        lambda o: ContentFile(pdf_bytes(title=o.title, paragraphs=[o.text]), name=f"{o.slug}.pdf")
    )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def search_vector(self, create, extracted, **kwargs):
        """Fill the stored search vector as document_save does (PostgreSQL only)."""
        if create:
            document_search_vectors_update(document_ids=[self.pk])


class ArticleFactory(DjangoModelFactory):
    """A published, dated news article with one theme unless told otherwise."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    slug = factory.Sequence(lambda n: f"nieuwsbericht-{n}")
    lead = "Een korte inleiding voor het overzicht en de nieuwsbrief."
    body = "<p>De gemeente informeert u over een nieuwe regeling.</p>"
    kind = Article.Kind.NIEUWS
    status = Article.Status.PUBLISHED
    publication_date = factory.LazyFunction(timezone.localdate)

    class Params:
        published = factory.Trait(status=Article.Status.PUBLISHED)
        draft = factory.Trait(status=Article.Status.DRAFT)
        review = factory.Trait(status=Article.Status.REVIEW)
        scheduled = factory.Trait(
            status=Article.Status.PUBLISHED,
            publish_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7)),
        )
        undated = factory.Trait(show_date=False)
        pinned = factory.Trait(
            is_pinned=True,
            kind=Article.Kind.MEDEDELING,
            pinned_until=factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14)),
        )
        event = factory.Trait(
            kind=Article.Kind.BIJEENKOMST,
            event_starts_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21)),
            event_ends_at=factory.LazyAttribute(lambda o: o.event_starts_at + datetime.timedelta(hours=2)),
            event_location="Stadhuis, raadzaal",
            event_address="Marktplein 1, 1234 AB Voorbeeldstad",
            event_registration_url="https://www.example.nl/aanmelden",
        )
        with_image = factory.Trait(
            image=factory.django.ImageField(filename="foto.png", width=8, height=6),
            image_alt="Twee mensen in gesprek aan een tafel",
            image_credit="Gemeente Voorbeeldstad",
        )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        """Default one theme; pass `themes=[...]` to choose, `themes=[]` for none."""
        if not create:
            return
        if extracted is None:
            extracted = [ThemeFactory()]
        self.themes.set(extracted)

    @factory.post_generation
    def links(self, create, extracted, **kwargs):
        """Pass `links=[("Label", "https://..."), ...]` to add call-to-action links."""
        if create and extracted:
            for order, (label, url) in enumerate(extracted):
                ArticleLink.objects.create(article=self, label=label, url=url, order=order)

    @factory.post_generation
    def search_vector(self, create, extracted, **kwargs):
        """Fill the stored search vector as news.services does after every save (PostgreSQL only)."""
        if create:
            search_vectors_update(article_ids=[self.pk])


class ArticleLinkFactory(DjangoModelFactory):
    class Meta:
        model = ArticleLink

    article = factory.SubFactory(ArticleFactory)
    label = "Meer informatie"
    url = factory.Sequence(lambda n: f"https://www.example.nl/informatie/{n}")
    order = factory.Sequence(lambda n: n)


class SiteTextFactory(DjangoModelFactory):
    class Meta:
        model = SiteText
        django_get_or_create = ("pk",)

    pk = 1
    title = "Nieuws voor professionals in het sociaal domein"
    intro = "Nieuws van de gemeente voor iedereen die werkt in zorg, welzijn en ondersteuning."
    newsletter_cta = "Ontvang elke maand het nieuws over uw thema's in uw mailbox."


class QuickLinkFactory(DjangoModelFactory):
    class Meta:
        model = QuickLink

    label = factory.Sequence(lambda n: f"Snel naar {n}")
    url = factory.Sequence(lambda n: f"/themas/thema-{n}/")
    order = factory.Sequence(lambda n: n)
