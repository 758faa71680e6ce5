"""The demo content: realistic, idempotent, every page renders, and the printed logins work."""

import datetime as dt
import re

import pytest
import recurrence

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Page

from activiteiten.models import ActiviteitPage, AgendaItemPage, Occurrence, SpreekuurPage, Uitzondering
from home.models import HomePage
from portal.demo import data
from portal.models import LocatiePage, OrganisatiePage, Wijk


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in COUNTED_APPS}


COUNTED_APPS = {"portal", "home", "activiteiten", "initiatieven", "wagtailcore", "auth", "wagtailimages"}


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module inside a transaction that is rolled back at the end.

    Each test runs in a savepoint within it (pytest-django's ``db``), so what one test changes is gone
    for the next, and loading the demo (about 12 s) happens once instead of once per test.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_once, db):
    pass


def test_load_demo_twice_gives_the_same_counts(demo):
    first = _counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first


def test_demo_has_a_realistic_neighbourhood(demo):
    assert {"centrum", "noord", "oost", "schalkwijk", "zuid-west"} <= set(
        Wijk.objects.values_list("slug", flat=True)
    )
    assert LocatiePage.objects.live().count() >= 8
    assert {"Buurthuis De Tulp", "Het Badhuis"} <= set(LocatiePage.objects.values_list("title", flat=True))
    assert OrganisatiePage.objects.live().count() >= 12
    quadrants = {o.kwadrant for o in OrganisatiePage.objects.live()}
    assert quadrants == {
        "formeel-individueel",
        "formeel-collectief",
        "informeel-individueel",
        "informeel-collectief",
    }


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>|\son[a-z]+\s*=", re.I)


def test_every_demo_page_renders_without_inline_script(client, demo):
    """The Content-Security-Policy allows scripts from our own static files only."""
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 30
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert not INLINE_SCRIPT.search(response.content.decode()), page.url


def test_home_links_all_lead_somewhere(client, demo):
    home = HomePage.objects.get(locale__language_code="nl")
    assert len(home.entry_points) == 4
    html = client.get("/").content.decode()
    for block in home.entry_points:
        assert block.value["page"].live
        assert f'href="{block.value["page"].url}"' in html
    for wijk in Wijk.objects.all():
        assert f"/wijken/{wijk.slug}/" in html


def login(client, username):
    """Through the admin's login form, as a person does (and past the brute-force guard)."""
    response = client.post("/admin/login/", {"username": username, "password": data.DEMO_PASSWORD})
    assert response.status_code == 302, username


@pytest.mark.parametrize("username", [u[0] for u in data.USERS])
def test_printed_demo_logins_open_the_admin(client, demo, username):
    login(client, username)
    response = client.get("/admin/")
    assert response.status_code == 200


def test_makelaars_are_linked_to_their_wijk(demo):
    user = get_user_model().objects.get(username="makelaar-schalkwijk")
    assert list(user.makelaar_wijken.values_list("slug", flat=True)) == ["schalkwijk"]
    assert user.groups.filter(name="Sociaal makelaars").exists()
    assert get_user_model().objects.get(username="redacteur").groups.filter(name="Redacteuren").exists()


def test_redacteur_can_edit_pages_but_not_users(client, demo):
    login(client, "redacteur")
    locatie = LocatiePage.objects.first()
    assert client.get(f"/admin/pages/{locatie.pk}/edit/").status_code == 200
    assert client.get("/admin/users/").status_code == 302


def test_activity_editor_has_the_recurrence_widget_with_dutch_labels(client, demo):
    login(client, "redacteur")
    activiteit = ActiviteitPage.objects.first()
    html = client.get(f"/admin/pages/{activiteit.pk}/edit/").content.decode()
    assert "recurrence-widget" in html
    assert "/admin/jsi18n/recurrence/" in html
    catalog = client.get("/admin/jsi18n/recurrence/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Herhaling toevoegen" in catalog


def test_demo_agenda_lists_this_weeks_activities(client, demo):
    html = client.get("/agenda/").content.decode()
    first = Occurrence.objects.filter(end__gt=timezone.now()).order_by("start", "page_id").first()
    assert first.datum <= timezone.localdate() + dt.timedelta(days=7)
    assert escape(first.page.title) in html
    assert {"Koffie-ochtend in De Tulp", "Digitaal Sterk spreekuur"} <= set(
        AgendaItemPage.objects.live().values_list("title", flat=True)
    )


def _rule(page):
    return recurrence.serialize(page.recurrence) if page.recurrence else ""


def test_demo_agenda_has_every_pattern(demo):
    assert ActiviteitPage.objects.live().count() >= 40
    assert SpreekuurPage.objects.live().count() >= 10
    today = timezone.localdate()
    items = list(AgendaItemPage.objects.live())
    rules = [_rule(p) for p in items]
    assert any("FREQ=WEEKLY" in r and "INTERVAL" not in r and "COUNT" not in r for r in rules)
    assert any("FREQ=WEEKLY" in r and "INTERVAL=2" in r for r in rules)
    assert any(re.search(r"FREQ=MONTHLY;BYDAY=\+?2TU", r) for r in rules)
    assert any("FREQ=MONTHLY;BYDAY=-1FR" in r for r in rules)
    assert any(re.search(r"FREQ=MONTHLY;BYDAY=\+?1SA", r) for r in rules)
    assert any(re.search(r"BYDAY=MO,TH", r) for r in rules)
    assert any("COUNT=4" in r for r in rules)
    assert any(r == "" for r in rules)  # one-off
    assert any(p.dagen > 1 for p in items)
    assert any(p.eind_datum and p.eind_datum < today for p in items)  # a series that has ended
    assert set(Uitzondering.objects.values_list("soort", flat=True)) == {"vervalt", "verplaatst", "gewijzigd"}
    assert SpreekuurPage.objects.exclude(onderwerpen="").count() >= 10

    week = Occurrence.objects.filter(datum__range=(today, today + dt.timedelta(days=7)))
    for wijk in Wijk.objects.all():
        assert week.filter(page__wijken=wijk).exclude(status="vervalt").exists(), wijk.slug
    fortnight = Occurrence.objects.filter(
        datum__range=(today + dt.timedelta(days=1), today + dt.timedelta(days=14))
    )
    assert fortnight.filter(status="vervalt", toelichting__startswith="De vrijwilliger").exists()
    assert fortnight.filter(status="verplaatst").exists()
