"""The number of queries of every public page stays the same at 10 and at 1,000 items.

Each test builds 10 items, counts the queries of one GET, grows to 1,000 items with the bulk builders
(``tests/bulk.py``) and asserts the same count. Other files hold the same test for the agenda
(``activiteiten/test_occurrences.py``), the finder (``activiteiten/test_finder.py``), the HSDS API
(``home/test_hsds.py``) and the initiatives overview (``initiatieven/test_pages.py``).

The page cache is off in the test settings, and every cache is emptied before a counted request, so a
cached rendition cannot hide a query that would run once per item either.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
import wagtail_factories

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images import get_image_model

from activiteiten.models import Uitzondering
from activiteiten.occurrences import rebuild_all
from initiatieven.models import InitiatiefPage
from portal.models import LocatiePage, OrganisatiePage

from .bulk import add_activities, add_pages
from .factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    OpeningstijdFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    ThemaFactory,
    WijkenIndexPageFactory,
    WijkFactory,
    WijkPageFactory,
)

FEW, MANY = 10, 1000


def clear_caches():
    for cache in caches.all():
        cache.clear()


def get(client, path, params=None):
    clear_caches()
    response = client.get(path, params or {})
    assert response.status_code == 200
    return response


def count_queries(client, path, params=None):
    """The response to one GET and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = get(client, path, params)
    return response, len(queries.captured_queries)


def add_images(count, like):
    """``count`` images that share the file and the renditions of ``like``: thousands of cards with a
    photo each, without encoding a thousand photos."""
    Image = get_image_model()
    fields = [f.attname for f in Image._meta.concrete_fields if f.attname != "id"]
    images = Image.objects.bulk_create(
        Image(**{name: getattr(like, name) for name in fields}) for _ in range(count)
    )
    Rendition = Image.get_rendition_model()
    renditions = list(Rendition.objects.filter(image=like))
    fields = [f.attname for f in Rendition._meta.concrete_fields if f.attname not in ("id", "image_id")]
    Rendition.objects.bulk_create(
        Rendition(image_id=image.pk, **{name: getattr(r, name) for name in fields})
        for image in images
        for r in renditions
    )
    return images


@pytest.fixture
def site(home):
    """A small portal: the agenda, two wijken with their pages, a place with a photo and opening hours,
    an organisation, and the initiatives overview."""
    oost, noord = WijkFactory(naam="Oost"), WijkFactory(naam="Noord")
    wijken = WijkenIndexPageFactory(parent=home)
    locaties = LocatiesIndexPageFactory(parent=home)
    organisaties = OrganisatiesIndexPageFactory(parent=home)
    foto = wagtail_factories.ImageFactory()
    locatie = LocatiePageFactory(
        parent=locaties, title="Buurthuis De Tulp", wijk=oost, foto=foto, rolstoeltoegankelijk=True
    )
    OpeningstijdFactory(page=locatie, dag=timezone.localdate().weekday())
    return SimpleNamespace(
        home=home,
        agenda=AgendaPageFactory(parent=home),
        initiatieven=InitiatievenIndexPageFactory(parent=home),
        oost=oost,
        noord=noord,
        thema=ThemaFactory(naam="Ontmoeting"),
        wijk_oost=WijkPageFactory(parent=wijken, wijk=oost),
        wijk_noord=WijkPageFactory(parent=wijken, wijk=noord),
        locaties=locaties,
        locatie=locatie,
        organisaties=organisaties,
        organisatie=OrganisatiePageFactory(parent=organisaties, title="Wijkteam Oost", wijken=[oost]),
        foto=foto,
    )


def in_days(n):
    return timezone.localdate() + dt.timedelta(days=n)


def test_home_query_count_is_the_same_at_10_and_at_1000_activities(client, site, django_assert_num_queries):
    def add(n):
        add_activities(
            site.agenda,
            n,
            start_datum=in_days(1),
            wijken=[site.oost],
            locatie_id=site.locatie.pk,
            adres_vrij="",
        )
        rebuild_all()

    add(FEW)
    get(client, "/")  # warm the per-process caches (content types, the site's root paths)
    response, few = count_queries(client, "/")
    assert len(response.context["vandaag"]) == FEW
    add(MANY - FEW)
    with django_assert_num_queries(few):
        response = get(client, "/")
    assert len(response.context["vandaag"]) == 12


def test_detail_query_count_is_the_same_at_10_and_at_1000_siblings_and_changed_dates(
    client, site, django_assert_num_queries
):
    page = ActiviteitPageFactory(
        parent=site.agenda,
        title="Koffie-ochtend",
        start_datum=in_days(-30),
        recurrence="RRULE:FREQ=DAILY",
        locatie=site.locatie,
        organisator=site.organisatie,
        afbeelding=site.foto,
        adres_vrij="",
        wijken=[site.oost],
        themas=[site.thema],
    )

    def add(n, changed):
        add_activities(site.agenda, n, wijken=[site.oost], locatie_id=site.locatie.pk)
        start = Uitzondering.objects.filter(page=page).count() + 1
        Uitzondering.objects.bulk_create(
            Uitzondering(page=page, datum=in_days(d), soort="vervalt", toelichting="Vakantie")
            for d in range(start, start + changed)
        )
        rebuild_all()

    add(FEW, 2)
    get(client, page.url)
    response, few = count_queries(client, page.url)
    assert len(response.context["notices"]) == 2
    add(MANY - FEW, 40)
    with django_assert_num_queries(few):
        response = get(client, page.url)
    assert len(response.context["notices"]) == 10 and len(response.context["dates"]) == 5


def test_wijk_page_query_count_is_the_same_at_10_and_at_1000_activities_places_and_organisations(
    client, site, django_assert_num_queries
):
    get(client, site.locatie.url)  # make the card rendition of the photo the other places share

    def add(n):
        add_activities(site.agenda, n, wijken=[site.oost], locatie_id=site.locatie.pk, adres_vrij="")
        fotos = iter(add_images(n, like=site.foto))
        add_pages(
            site.locaties,
            LocatiePage,
            n,
            lambda i: {
                "adres": "Tulpenstraat 14",
                "postcode": "2033 KN",
                "wijk": site.oost,
                "foto": next(fotos),
            },
        )
        add_pages(site.organisaties, OrganisatiePage, n // 2, lambda i: {"telefoon": "023 555 00 00"})
        add_pages(site.organisaties, OrganisatiePage, n // 2, lambda i: {"heel_de_stad": True})
        organisaties = OrganisatiePage.objects.filter(heel_de_stad=False).exclude(wijken=site.oost)
        OrganisatiePage.wijken.through.objects.bulk_create(
            OrganisatiePage.wijken.through(organisatiepage_id=pk, wijk_id=site.oost.pk)
            for pk in organisaties.values_list("pk", flat=True)
        )
        rebuild_all()

    add(FEW)
    url = site.wijk_oost.url
    get(client, url)
    response, few = count_queries(client, url)
    assert len(response.context["locaties"]) == FEW + 1
    add(MANY - FEW)
    with django_assert_num_queries(few):
        response = get(client, url)
    assert len(response.context["locaties"]) == MANY + 1
    assert len(response.context["organisaties_wijk"]) == MANY // 2 + 1
    assert len(response.context["organisaties_stad"]) == MANY // 2
    assert response.content.decode().count('class="card__image"') == MANY + 1
    assert len(response.context["week"]) == 40


def test_locatie_query_count_is_the_same_at_10_and_at_1000_activities_there(
    client, site, django_assert_num_queries
):
    def add(n):
        add_activities(site.agenda, n, start_datum=in_days(2), locatie_id=site.locatie.pk, adres_vrij="")
        rebuild_all()

    add(FEW)
    get(client, site.locatie.url)
    response, few = count_queries(client, site.locatie.url)
    assert len(response.context["hier_te_doen"]) == FEW
    add(MANY - FEW)
    with django_assert_num_queries(few):
        response = get(client, site.locatie.url)
    assert len(response.context["hier_te_doen"]) == 20


def test_organisatie_query_count_is_the_same_at_10_and_at_1000_activities_it_organises(
    client, site, django_assert_num_queries
):
    def add(n):
        add_activities(site.agenda, n, organisator_id=site.organisatie.pk, wijken=[site.oost])
        rebuild_all()

    add(FEW)
    url = site.organisatie.url
    get(client, url)
    _response, few = count_queries(client, url)
    add(MANY - FEW)
    with django_assert_num_queries(few):
        get(client, url)
    assert site.organisatie.agenda_items.count() == MANY


def test_search_query_count_is_the_same_at_10_and_at_1000_results(client, site, django_assert_num_queries):
    def add(n):
        add_activities(
            site.agenda,
            n,
            index=True,
            intro="Samen koffie drinken in de buurt.",
            locatie_id=site.locatie.pk,
            adres_vrij="",
        )

    params = {"q": "koffie"}
    add(FEW)
    get(client, "/zoeken/", params)
    response, few = count_queries(client, "/zoeken/", params)
    assert response.context["results"].paginator.count == FEW
    add(MANY - FEW)
    with django_assert_num_queries(few):
        response = get(client, "/zoeken/", params)
    assert response.context["results"].paginator.count == MANY
    assert len(response.context["results"].object_list) == 10


def test_initiatieven_query_count_is_the_same_at_10_and_at_1000_initiatives(
    client, site, django_assert_num_queries
):
    InitiatiefPageFactory(parent=site.initiatieven, wijken=[site.oost], afbeelding=site.foto)
    get(client, site.initiatieven.url)  # make the card rendition the other initiatives share

    def add(n):
        fotos = iter(add_images(n, like=site.foto))
        pages = add_pages(
            site.initiatieven,
            InitiatiefPage,
            n,
            lambda i: {"initiatiefnemer": "Bewoners", "status": "loopt", "afbeelding": next(fotos)},
        )
        for field, tag, column in (("wijken", site.oost, "wijk_id"), ("themas", site.thema, "thema_id")):
            through = getattr(InitiatiefPage, field).through
            through.objects.bulk_create(through(initiatiefpage_id=p.pk, **{column: tag.pk}) for p in pages)

    add(FEW - 1)
    params = {"wijk": "oost"}
    response, few = count_queries(client, site.initiatieven.url, params)
    assert response.context["initiatieven"].paginator.count == FEW
    add(MANY - FEW)
    with django_assert_num_queries(few):
        response = get(client, site.initiatieven.url, params)
    assert response.context["initiatieven"].paginator.count == MANY
