import datetime

import factory
import recurrence
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from activiteiten.models import ActiviteitPage, AgendaPage, SpreekuurPage, Tijdslot
from home.models import ContentPage, HomePage, WijkenIndexPage, WijkPage
from portal.models import (
    Doelgroep,
    LocatiePage,
    LocatiesIndexPage,
    Openingstijd,
    OrganisatiePage,
    OrganisatiesIndexPage,
    Thema,
    Wijk,
)


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class DoelgroepFactory(DjangoModelFactory):
    class Meta:
        model = Doelgroep
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Huis van de Wijk"
    slug = "home"


class WijkenIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WijkenIndexPage

    title = "Wijken"
    slug = "wijken"


class WijkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WijkPage

    wijk = factory.SubFactory(WijkFactory)
    title = factory.LazyAttribute(lambda o: o.wijk.naam)
    slug = factory.LazyAttribute(lambda o: o.wijk.slug)


class LocatiesIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LocatiesIndexPage

    title = "Locaties"
    slug = "locaties"


class LocatiePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LocatiePage

    title = factory.Sequence(lambda n: f"Buurthuis {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    adres = "Tulpenstraat 14"
    postcode = "2033 KN"
    wijk = factory.SubFactory(WijkFactory)


class OpeningstijdFactory(DjangoModelFactory):
    class Meta:
        model = Openingstijd

    dag = 0
    open_om = datetime.time(9, 0)
    dicht_om = datetime.time(17, 0)


class OrganisatiesIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisatiesIndexPage

    title = "Organisaties"
    slug = "organisaties"


class OrganisatiePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    soort = "welzijn"
    werkvorm = "collectief"
    organisatievorm = "formeel"

    class Meta:
        model = OrganisatiePage
        skip_postgeneration_save = True

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if extracted:
            self.wijken.set(extracted)
            self.save()


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class AgendaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgendaPage

    title = "Agenda"
    slug = "agenda"


class ActiviteitPageFactory(wagtail_factories.PageFactory):
    """A weekly Tuesday 19:00–21:00 activity unless told otherwise. Pass ``slots=[(start, end)]``."""

    class Meta:
        model = ActiviteitPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    start_datum = datetime.date(2025, 3, 4)
    recurrence = factory.LazyFunction(
        lambda: recurrence.deserialize("RRULE:FREQ=WEEKLY;BYDAY=TU", include_dtstart=False)
    )
    heel_de_stad = True
    adres_vrij = "Tulpenstraat 14"
    vervalt_op_feestdagen = False

    @factory.post_generation
    def slots(self, create, extracted, **kwargs):
        for i, (start, end) in enumerate(extracted or [(datetime.time(19), datetime.time(21))]):
            Tijdslot.objects.create(page=self, start_tijd=start, eind_tijd=end, sort_order=i)

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if extracted:
            self.wijken.set(extracted)
            self.save()  # modelcluster keeps parental relations in memory until save

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if extracted:
            self.themas.set(extracted)
            self.save()


class SpreekuurPageFactory(ActiviteitPageFactory):
    class Meta:
        model = SpreekuurPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Spreekuur {n}")


# --- Initiatieven ------------------------------------------------------------------------------------

from django.utils import timezone  # noqa: E402

from initiatieven.models import Behoefte, InitiatiefPage, InitiatievenIndexPage  # noqa: E402


class InitiatievenIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiatievenIndexPage

    title = "Bewonersinitiatieven"
    slug = "initiatieven"


class InitiatiefPageFactory(wagtail_factories.PageFactory):
    """A running initiative. Pass ``wijken=[...]``, ``themas=[...]``, ``behoeften=[("helpers", "tekst")]``
    and ``vaardigheden=["koken"]``; ``first_published_at`` is the moment of creation."""

    class Meta:
        model = InitiatiefPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Initiatief {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    initiatiefnemer = "Bewoners van de Tulpstraat"
    status = "loopt"
    first_published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if extracted:
            self.wijken.set(extracted)
            self.save()

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if extracted:
            self.themas.set(extracted)
            self.save()

    @factory.post_generation
    def behoeften(self, create, extracted, **kwargs):
        if extracted:
            self.behoeften = [
                Behoefte(soort=soort, tekst=tekst, sort_order=i) for i, (soort, tekst) in enumerate(extracted)
            ]
            self.save()

    @factory.post_generation
    def vaardigheden(self, create, extracted, **kwargs):
        if extracted:
            self.vaardigheden.add(*extracted)
            self.save()


# --- Finder ------------------------------------------------------------------------------------------

from portal.models import Hulpvraag  # noqa: E402


class HulpvraagFactory(DjangoModelFactory):
    """A hulpvraag for the finder. Pass ``themas=[...]`` and ``doelgroepen=[...]``."""

    class Meta:
        model = Hulpvraag
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Hulpvraag {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if extracted:
            self.themas.set(extracted)

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if extracted:
            self.doelgroepen.set(extracted)
