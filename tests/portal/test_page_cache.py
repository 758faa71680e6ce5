"""The anonymous page cache: a hit costs no queries, and every change the public can see is visible on the
next request (publish, unpublish, delete, an exception, a taxonomy edit, midnight). Previews, logged-in
visitors and pages with a form never enter the cache."""

import datetime as dt

import pytest

from django.contrib.auth.models import User
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from activiteiten.models import Uitzondering
from activiteiten.occurrences import rebuild_occurrences
from portal.models import PortalSettings

from ..factories import ActiviteitPageFactory, AgendaPageFactory, WijkFactory

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def agenda(home):
    PortalSettings.for_site(home.get_site())  # made on the first request otherwise, which is a change
    return AgendaPageFactory(parent=home)


@pytest.fixture
def koffie(agenda):
    page = ActiviteitPageFactory(
        parent=agenda,
        title="Koffie-ochtend",
        start_datum=TOMORROW,
        recurrence="RRULE:FREQ=DAILY",
        slots=[(dt.time(10), dt.time(12))],
    )
    rebuild_occurrences(page)
    return page


def get(client, url, **params):
    response = client.get(url, params)
    return response, response.content.decode(), response.get("X-Cache")


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_the_second_anonymous_request_is_a_hit_with_the_same_page_and_no_queries(
    client, koffie, agenda, django_assert_num_queries
):
    first, html, state = get(client, koffie.url)
    assert (first.status_code, state) == (200, "miss")
    with django_assert_num_queries(0):
        second, cached_html, state = get(client, koffie.url)
    assert (second.status_code, state) == (200, "hit")
    assert cached_html == html and second["Content-Type"] == first["Content-Type"]
    # The security headers are added to a hit as to any response.
    assert "Content-Security-Policy" in second and second["X-Frame-Options"] == "DENY"
    # Each query string is its own page.
    assert get(client, agenda.url, wijk="oost")[2] == "miss"


def test_a_published_change_shows_on_the_next_request_on_the_page_and_in_the_agenda(client, koffie, agenda):
    get(client, koffie.url), get(client, agenda.url)
    assert get(client, agenda.url)[2] == "hit"
    publish(koffie, title="Koffie-ochtend met taart")
    _response, html, state = get(client, koffie.url)
    assert state == "miss" and "Koffie-ochtend met taart" in html
    _response, html, state = get(client, agenda.url)
    assert state == "miss" and "Koffie-ochtend met taart" in html


def test_an_unpublished_page_is_gone_at_once_from_its_url_and_from_the_agenda(
    client, koffie, agenda, django_capture_on_commit_callbacks
):
    get(client, koffie.url), get(client, agenda.url)
    url = koffie.url
    with django_capture_on_commit_callbacks(execute=True):  # the occurrences go when the unpublish commits
        koffie.unpublish()
    assert client.get(url).status_code == 404
    assert "Koffie-ochtend" not in get(client, agenda.url)[1]


def test_a_deleted_page_is_gone_at_once(client, koffie, agenda):
    url = koffie.url
    get(client, url), get(client, agenda.url)
    koffie.delete()
    assert client.get(url).status_code == 404
    assert "Koffie-ochtend" not in get(client, agenda.url)[1]


def test_a_cancelled_date_shows_at_once(client, koffie):
    assert "Gaat niet door" not in get(client, koffie.url)[1]
    assert get(client, koffie.url)[2] == "hit"
    Uitzondering.objects.create(page=koffie, datum=TOMORROW, soort="vervalt", toelichting="Zaal bezet")
    rebuild_occurrences(koffie)
    _response, html, state = get(client, koffie.url)
    assert state == "miss" and "Zaal bezet" in html


def test_a_renamed_wijk_shows_at_once_in_the_agenda_filter(client, agenda, koffie):
    wijk = WijkFactory(naam="Oost")
    assert "Oost" in get(client, agenda.url)[1]
    wijk.naam = "Haarlem-Oost"
    wijk.save()
    _response, html, state = get(client, agenda.url)
    assert state == "miss" and "Haarlem-Oost" in html


def test_the_next_day_starts_with_fresh_pages(client, agenda, koffie, monkeypatch):
    get(client, agenda.url)
    assert get(client, agenda.url)[2] == "hit"
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    real_localdate = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: real_localdate(value, tz) if value else tomorrow
    )
    assert get(client, agenda.url)[2] == "miss"


def test_a_page_made_private_is_not_served_from_the_cache(client, koffie):
    get(client, koffie.url)
    PageViewRestriction.objects.create(page=koffie, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(koffie.url)
    assert response.status_code == 302 and "X-Cache" not in response


def test_a_preview_never_enters_the_cache(client, koffie, admin_user):
    live_html = get(client, koffie.url)[1]
    draft = koffie.get_latest_revision_as_object()
    draft.title = "Geheime voorvertoning"
    draft.save_revision()
    client.force_login(admin_user)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[koffie.pk]))
    assert preview.status_code == 200 and "Geheime voorvertoning" in preview.content.decode()
    assert "X-Cache" not in preview
    # A logged-in visitor of the public page is never served nor stored either (they get the userbar).
    logged_in = client.get(koffie.url)
    assert "X-Cache" not in logged_in
    client.logout()
    client.cookies.clear()
    _response, html, state = get(client, koffie.url)
    assert state == "hit" and html == live_html
    assert "Geheime voorvertoning" not in html and "wagtail-userbar" not in html


def test_a_page_with_a_form_is_never_cached_so_each_visitor_gets_their_own_csrf_token(client, home):
    from django.test import Client

    url = reverse("initiatieven:idee")
    first = client.get(url)
    other = Client().get(url)
    assert first.status_code == other.status_code == 200
    assert "X-Cache" not in first and "X-Cache" not in other
    assert first.cookies["csrftoken"].value != other.cookies["csrftoken"].value


def test_someone_with_a_session_gets_a_fresh_render(client, koffie):
    get(client, koffie.url)
    user = User.objects.create_user("bewoner")
    client.force_login(user)
    assert "X-Cache" not in client.get(koffie.url)


def test_with_the_cache_off_nothing_is_stored(client, koffie, settings):
    settings.PORTAL_PAGE_CACHE = False
    get(client, koffie.url)
    assert get(client, koffie.url)[2] is None


def test_the_agenda_filter_counts_are_cached_for_logged_in_visitors_too_and_follow_a_change(
    client, agenda, koffie, admin_user
):
    client.force_login(admin_user)  # no page cache with a session: only the counts come from the cache
    client.get(agenda.url)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(agenda.url).context["facet_counts"]
    with CaptureQueriesContext(connection) as warm:
        assert client.get(agenda.url).context["facet_counts"] == first
    assert len(warm.captured_queries) < len(cold.captured_queries)
    wandelen = ActiviteitPageFactory(
        parent=agenda,
        title="Wandelen",
        start_datum=TOMORROW,
        recurrence="",
        slots=[(dt.time(9), dt.time(10))],
    )
    rebuild_occurrences(wandelen)
    after = client.get(agenda.url).context["facet_counts"]
    assert after["dagdeel"]["ochtend"] == first["dagdeel"].get("ochtend", 0) + 1


def test_the_cached_agenda_counts_for_a_search_word_are_kept_per_language(client, agenda, koffie):
    """The text filter also reads the translations in the visitor's language, so the same words can
    count differently in Dutch and in English."""
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    agenda.get_parent().specific.copy_for_translation(english, copy_parents=True).save_revision().publish()
    english_agenda = agenda.copy_for_translation(english)
    english_agenda.save_revision().publish()
    coffee = koffie.copy_for_translation(english)
    coffee.title = "Coffee morning"
    coffee.save_revision().publish()
    english_agenda.refresh_from_db()

    dutch = client.get(agenda.url, {"q": "coffee", "dagdeel": "ochtend"}).context
    assert len(dutch["occurrences"]) == 0 and not dutch["facet_counts"]["dagdeel"]
    english_page = client.get(english_agenda.url, {"q": "coffee", "dagdeel": "ochtend"}).context
    assert len(english_page["occurrences"]) > 0
    assert english_page["facet_counts"]["dagdeel"]["ochtend"] == english_page["occurrences"].paginator.count
