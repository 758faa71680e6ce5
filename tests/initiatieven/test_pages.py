"""Bewonersinitiatieven on the public site: the filterable overview, the detail page, the links from the
agenda, and the private contact details that never show."""

import datetime as dt
import re

import pytest
import wagtail_factories

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from activiteiten.occurrences import rebuild_occurrences
from initiatieven.models import Bijdrage, GekoppeldeActiviteit, InitiatiefFoto

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    ThemaFactory,
    WijkFactory,
)

HELPERS = [("helpers", "Iemand die op zaterdag de planten water geeft.")]


@pytest.fixture
def index(home):
    return InitiatievenIndexPageFactory(parent=home)


@pytest.fixture
def wijken(db):
    return {naam.lower(): WijkFactory(naam=naam) for naam in ("Oost", "Noord", "Schalkwijk")}


@pytest.fixture
def themas(db):
    return {
        "eten": ThemaFactory(naam="Eten en drinken", slug="eten"),
        "buurt": ThemaFactory(naam="Wonen en buurt", slug="buurt"),
    }


@pytest.fixture
def buurt(index, wijken, themas):
    """Four initiatives: two in Oost, one in Noord, one for the whole city."""
    InitiatiefPageFactory(
        parent=index,
        title="Eetgroep Oost",
        wijken=[wijken["oost"]],
        themas=[themas["eten"]],
        behoeften=[("helpers", "Koks voor de woensdag.")],
    )
    InitiatiefPageFactory(
        parent=index, title="Moestuin Oost", wijken=[wijken["oost"]], themas=[themas["buurt"]]
    )
    InitiatiefPageFactory(
        parent=index,
        title="Buurtrestaurant Noord",
        wijken=[wijken["noord"]],
        themas=[themas["eten"]],
        behoeften=[("budget", "Geld voor de boodschappen.")],
    )
    InitiatiefPageFactory(
        parent=index, title="Taalmaatjes", heel_de_stad=True, behoeften=[("helpers", "Taalmaatjes.")]
    )
    return index


def card_titles(response):
    return [initiatief.title for initiatief in response.context["initiatieven"]]


# --- The overview ----------------------------------------------------------------------------------


def test_overview_lists_every_live_initiative_with_a_count_and_the_call_to_action(client, buurt):
    response = client.get(buurt.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(card_titles(response)) == [
        "Buurtrestaurant Noord",
        "Eetgroep Oost",
        "Moestuin Oost",
        "Taalmaatjes",
    ]
    assert "4 initiatieven" in html
    assert 'href="/meedoen/initiatief/"' in html and "Meld je initiatief aan" in html


def test_wijk_filter_keeps_initiatives_for_the_whole_city(client, buurt):
    response = client.get(buurt.url, {"wijk": "oost"})
    assert sorted(card_titles(response)) == ["Eetgroep Oost", "Moestuin Oost", "Taalmaatjes"]
    assert "3 initiatieven gevonden" in response.content.decode()


def test_filters_combine(client, buurt):
    response = client.get(buurt.url, {"wijk": "oost", "thema": "eten"})
    assert card_titles(response) == ["Eetgroep Oost"]

    response = client.get(buurt.url, {"wijk": ["oost", "noord"], "thema": "eten"})
    assert sorted(card_titles(response)) == ["Buurtrestaurant Noord", "Eetgroep Oost"]

    response = client.get(buurt.url, {"wijk": "oost", "zoekt_hulp": "on"})
    assert sorted(card_titles(response)) == ["Eetgroep Oost", "Taalmaatjes"]

    response = client.get(buurt.url, {"wijk": "noord", "thema": "buurt", "zoekt_hulp": "on"})
    assert card_titles(response) == []
    assert "We hebben geen initiatief gevonden" in response.content.decode()


def test_each_option_shows_how_many_initiatives_it_would_give(client, buurt):
    html = client.get(buurt.url, {"zoekt_hulp": "on"}).content.decode()
    # Oost: Eetgroep Oost plus Taalmaatjes (whole city); Schalkwijk has only the city-wide one.
    assert re.search(r'value="oost"[^>]*>\s*<span>Oost</span>\s*<span class="count">\(2\)', html)
    assert re.search(r'value="schalkwijk"[^>]*>\s*<span>Schalkwijk</span>\s*<span class="count">\(1\)', html)
    # The "zoekt hulp" count ignores its own box: ticking it does not change its number.
    assert re.search(r"die hulp zoeken</span>\s*<span class=\"count\">\(3\)", html)
    html = client.get(buurt.url, {"wijk": "noord"}).content.decode()
    assert re.search(r"die hulp zoeken</span>\s*<span class=\"count\">\(2\)", html)


def test_wrong_filter_values_are_left_out_and_never_break_the_page(client, buurt):
    for params in (
        {"wijk": "bestaat-niet"},
        {"wijk": ["oost", "<script>alert(1)</script>"], "thema": "x" * 500},
        {"zoekt_hulp": "banaan", "pagina": "abc"},
        {"pagina": "99999"},
        {"pagina": "-1", "thema": ""},
    ):
        response = client.get(buurt.url, params)
        assert response.status_code == 200, params
        assert "<script>alert(1)</script>" not in response.content.decode()

    response = client.get(buurt.url, {"wijk": ["oost", "bestaat-niet"]})
    assert sorted(card_titles(response)) == ["Eetgroep Oost", "Moestuin Oost", "Taalmaatjes"]
    assert "bestaat niet meer" in response.content.decode()


def test_overview_pages_with_pagina(client, index):
    for i in range(index.PER_PAGE + 3):
        InitiatiefPageFactory(parent=index, title=f"Initiatief {i:02d}", heel_de_stad=True)
    first = client.get(index.url)
    second = client.get(index.url, {"pagina": 2})
    assert len(card_titles(first)) == index.PER_PAGE
    assert len(card_titles(second)) == 3
    assert set(card_titles(first)).isdisjoint(card_titles(second))
    assert "Pagina 1 van 2" in first.content.decode()
    assert 'href="?pagina=2"' in first.content.decode()


def test_filters_are_kept_when_going_to_the_next_page(client, index, wijken):
    for i in range(index.PER_PAGE + 1):
        InitiatiefPageFactory(parent=index, title=f"Oost {i:02d}", wijken=[wijken["oost"]])
    html = client.get(index.url, {"wijk": "oost"}).content.decode()
    assert 'href="?wijk=oost&amp;pagina=2"' in html


def test_running_initiatives_come_first_then_the_newest(client, index):
    now = timezone.now()
    InitiatiefPageFactory(
        parent=index, title="Oud", heel_de_stad=True, first_published_at=now - dt.timedelta(days=9)
    )
    InitiatiefPageFactory(
        parent=index, title="Gestopt en nieuw", heel_de_stad=True, status="gestopt", first_published_at=now
    )
    InitiatiefPageFactory(
        parent=index,
        title="Net begonnen",
        heel_de_stad=True,
        status="in_opbouw",
        first_published_at=now - dt.timedelta(days=1),
    )
    assert card_titles(client.get(index.url)) == ["Net begonnen", "Oud", "Gestopt en nieuw"]


def test_unpublished_initiatives_are_not_listed(client, index):
    InitiatiefPageFactory(parent=index, title="Zichtbaar", heel_de_stad=True)
    concept = InitiatiefPageFactory(parent=index, title="Nog een concept", heel_de_stad=True)
    concept.unpublish()
    html = client.get(index.url).content.decode()
    assert "Zichtbaar" in html and "Nog een concept" not in html


def test_gestopt_initiative_is_not_zoekt_hulp(client, index):
    stopped = InitiatiefPageFactory(
        parent=index, title="Fietsenwerkplaats", heel_de_stad=True, status="gestopt", behoeften=HELPERS
    )
    InitiatiefPageFactory(parent=index, title="Moestuin", heel_de_stad=True, behoeften=HELPERS)

    assert card_titles(client.get(index.url, {"zoekt_hulp": "on"})) == ["Moestuin"]
    html = client.get(index.url).content.decode()
    card = html[html.index("Fietsenwerkplaats") :]
    card = card[: card.index("</article>")]
    assert "Gestopt" in card and "Zoekt hulp" not in card

    detail = client.get(stopped.url).content.decode()
    assert "Dit initiatief is gestopt" in detail
    assert "Wat we zoeken" not in detail and "planten water" not in detail


def test_overview_query_count_does_not_grow_with_the_number_of_initiatives(
    client, index, wijken, themas, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            page = InitiatiefPageFactory(
                parent=index,
                wijken=[wijken["oost"], wijken["noord"]],
                themas=[themas["eten"], themas["buurt"]],
                behoeften=[*HELPERS, ("plek", "Een droge schuur.")],
                vaardigheden=["koken", "tuinieren"],
                afbeelding=wagtail_factories.ImageFactory(),
            )
            assert page.zoekt_hulp

    def clear_caches():  # so a rendition comes from the prefetch, not from Wagtail's rendition cache
        for cache in caches.all():
            cache.clear()

    params = {"wijk": "oost", "zoekt_hulp": "on"}
    add(3)
    client.get(index.url, params)  # make the card renditions (once per photo)
    clear_caches()
    with CaptureQueriesContext(connection) as few:
        response = client.get(index.url, params)
    assert len(card_titles(response)) == 3
    queries_at_3 = len(few.captured_queries)  # read now: the next request empties the query log
    add(12)
    client.get(index.url, params)  # renditions of the new photos
    clear_caches()
    with django_assert_num_queries(queries_at_3):
        response = client.get(index.url, params)
    assert len(card_titles(response)) == index.PER_PAGE
    assert response.context["initiatieven"].paginator.count == 15
    assert response.content.decode().count('class="card__image"') == index.PER_PAGE


# --- The detail page -----------------------------------------------------------------------------


@pytest.fixture
def moestuin(index, wijken, themas):
    agenda = AgendaPageFactory(parent=index.get_parent())
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    tuindag = ActiviteitPageFactory(
        parent=agenda, title="Tuindag in de moestuin", start_datum=tomorrow, recurrence="RRULE:FREQ=WEEKLY"
    )
    rebuild_occurrences(tuindag)
    page = InitiatiefPageFactory(
        parent=index,
        title="Buurtmoestuin De Ringvaart",
        intro="Samen groente kweken langs het water.",
        initiatiefnemer="Bewonersgroep Parkwijk",
        wijken=[wijken["schalkwijk"]],
        themas=[themas["buurt"]],
        behoeften=[*HELPERS, ("materiaal", "Schoppen en gieters.")],
        vaardigheden=["tuinieren", "klussen"],
        afbeelding=wagtail_factories.ImageFactory(title="Bakken met sla en tomaten"),
    )
    page.fotos = [
        InitiatiefFoto(
            image=wagtail_factories.ImageFactory(title="Oogstdag"), bijschrift="Samen oogsten in juni."
        )
    ]
    page.activiteiten = [GekoppeldeActiviteit(page=tuindag)]
    page.save()
    return page


def test_detail_shows_needs_skills_photos_and_the_next_date_of_a_linked_activity(client, moestuin):
    html = client.get(moestuin.url).content.decode()
    assert "Buurtmoestuin De Ringvaart" in html
    assert "Samen groente kweken langs het water." in html
    assert "Bewonersgroep Parkwijk" in html and "Schalkwijk" in html and "Wonen en buurt" in html
    assert "Loopt" in html and "Zoekt hulp" in html

    assert "Wat we zoeken" in html
    assert "Mensen die helpen" in html and "Iemand die op zaterdag de planten water geeft." in html
    assert "Spullen of materiaal" in html and "Schoppen en gieters." in html
    assert ">tuinieren<" in html and ">klussen<" in html

    assert 'alt="Bakken met sla en tomaten"' in html
    assert 'alt="Oogstdag"' in html and "<figcaption>Samen oogsten in juni.</figcaption>" in html
    assert html.count("/media/images/") >= 2  # renditions, not the uploaded originals

    tuindag = moestuin.activiteiten.get().page
    next_date = tuindag.occurrences.order_by("start").first()
    start = timezone.localtime(next_date.start)
    with translation.override("nl"):
        day = formats.date_format(start, "l j F")
    assert "Activiteiten in de agenda" in html
    assert f'href="{tuindag.url}"' in html
    assert f'datetime="{start.isoformat()}"' in html
    assert f"{day[0].upper()}{day[1:]}, {start:%H:%M}" in html


def test_detail_has_breadcrumbs_back_to_the_overview(client, moestuin):
    html = client.get(moestuin.url).content.decode()
    crumbs = html[html.index('class="breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert f'href="{moestuin.get_parent().url}"' in crumbs and "Bewonersinitiatieven" in crumbs


def test_linked_activity_without_coming_dates_says_so(client, moestuin):
    tuindag = moestuin.activiteiten.get().page
    tuindag.occurrences.all().delete()
    html = client.get(moestuin.url).content.decode()
    assert "Tuindag in de moestuin" in html
    assert "Er staat nu geen datum in de agenda." in html


def test_detail_without_contact_address_points_to_the_sociaal_makelaar(client, moestuin):
    html = client.get(moestuin.url).content.decode()
    assert "sociaal makelaar" in html
    assert 'href="/meedoen/"' in html


def test_detail_with_contact_address_shows_the_contact_form(client, moestuin):
    Bijdrage.objects.create(
        page=moestuin, soort="initiatief", naam="Marloes", email="marloes@example.org", status="goedgekeurd"
    )
    response = client.get(moestuin.url)
    assert response.context["heeft_contact"] is True
    assert "initiatieven/includes/contact_form.html" in [t.name for t in response.templates]
    assert "sociaal makelaar van je wijk brengt" not in response.content.decode()


def test_activity_page_names_the_live_initiative_it_belongs_to(client, moestuin):
    tuindag = moestuin.activiteiten.get().page
    html = client.get(tuindag.url).content.decode()
    assert "Dit hoort bij het bewonersinitiatief" in html
    assert f'href="{moestuin.url}"' in html

    moestuin.unpublish()
    html = client.get(tuindag.url).content.decode()
    assert "Dit hoort bij het bewonersinitiatief" not in html


def test_agenda_invites_residents_to_add_their_own_activity(client, moestuin):
    html = client.get(moestuin.activiteiten.get().page.get_parent().url).content.decode()
    assert 'href="/meedoen/activiteit/"' in html and "Zet je activiteit in de agenda" in html


# --- Private data ------------------------------------------------------------------------------------


def test_private_contributor_details_never_appear_on_the_public_site(client, moestuin):
    Bijdrage.objects.create(
        page=moestuin,
        soort="initiatief",
        naam="Gerda Geheim-Verborgen",
        email="gerda.geheim@example.org",
        telefoon="06 9876 5432",
        status="goedgekeurd",
    )
    tuindag = moestuin.activiteiten.get().page
    Bijdrage.objects.create(
        page=tuindag,
        soort="activiteit",
        naam="Gerda Geheim-Verborgen",
        email="gerda.geheim@example.org",
        telefoon="06 9876 5432",
        status="goedgekeurd",
    )
    index, agenda = moestuin.get_parent(), tuindag.get_parent()
    urls = [
        index.url,
        index.url + "?zoekt_hulp=on",
        moestuin.url,
        agenda.url,
        tuindag.url,
        "/zoeken/?q=Ringvaart",
        "/sitemap.xml",
        f"/ical/activiteit/{tuindag.pk}.ics",
        "/ical/agenda.ics",
    ]
    first_date = tuindag.occurrences.order_by("start").first()
    urls.append(f"/ical/activiteit/{tuindag.pk}/{first_date.pk}.ics")
    seen = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        seen[url] = text
        for secret in ("Gerda", "Geheim", "gerda.geheim", "example.org", "9876", "98765432"):
            assert secret not in text, (url, secret)
    # The pages did show what they are about, so the check looked at real content.
    assert "Buurtmoestuin De Ringvaart" in seen["/zoeken/?q=Ringvaart"]
    assert moestuin.full_url in seen["/sitemap.xml"]
    assert "Tuindag in de moestuin" in seen[f"/ical/activiteit/{tuindag.pk}.ics"]
    # Searching for the private name or address finds no page.
    for query in ("Gerda", "gerda.geheim@example.org"):
        assert list(client.get("/zoeken/", {"q": query}).context["results"]) == []


# --- Demo content ------------------------------------------------------------------------------------
