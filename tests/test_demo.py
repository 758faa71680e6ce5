"""The demo content: realistic, idempotent, every page renders, and the printed logins work.

Every test here works on the demo, loaded once per test run and put back for this module
(``demo`` in tests/conftest.py); a module either works on the demo or not at all.
"""

import datetime as dt
import re
from collections import Counter

import pytest
import recurrence

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale, Page

from activiteiten.models import (
    ActiviteitPage,
    AgendaItemPage,
    AgendaPage,
    Occurrence,
    SpreekuurPage,
    Uitzondering,
)
from home.models import ContentPage, HomePage
from initiatieven.models import OPEN_STATUSES, Bijdrage, Idee, InitiatiefPage, Signaal, Talent
from portal.demo import data
from portal.models import Bericht, Doelgroep, Hulpvraag, LocatiePage, OrganisatiePage, Thema, Wijk

from .helpers import IDEE_URL, TALENT_URL

LANGUAGES = ["en", "tr", "ar", "pl"]  # besides Dutch
FINDER = "/verwijzen/"


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in COUNTED_APPS}


COUNTED_APPS = {"portal", "home", "activiteiten", "initiatieven", "wagtailcore", "auth", "wagtailimages"}


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


# --- The demo seen from each part of the portal ---------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_demo_has_home_agenda_activities_and_meedoen_in_every_language(client, demo, code):
    locale = Locale.objects.get(language_code=code)
    dutch = Locale.get_default()
    for model in (HomePage, AgendaPage):
        translated = model.objects.live().get(locale=locale)
        assert translated.title and translated.get_translation(dutch)
    meedoen = ContentPage.objects.live().get(
        locale=locale, translation_key=ContentPage.objects.get(locale=dutch, slug="meedoen").translation_key
    )
    assert meedoen.title != "Meedoen in de wijk"
    assert f"/{code}/meedoen/idee/" in str(meedoen.body)
    items = AgendaItemPage.objects.live().filter(locale=locale)
    assert items.count() >= 6
    for item in items:
        source = item.get_translation(dutch)
        assert item.title != source.title and item.intro != source.intro
        assert not Occurrence.objects.filter(page=item).exists()
        assert item.shared_occurrences.exists()
    page = items.first()
    html = client.get(page.url).content.decode()
    assert page.title in html and "notice--untranslated" not in html
    home_html = client.get(f"/{code}/").content.decode()
    assert f'href="/{code}/meedoen/idee/"' in home_html


def test_the_demo_names_every_theme_group_and_question_in_all_languages(demo):
    for model in (Thema, Doelgroep, Hulpvraag):
        objects = list(model.objects.all())
        assert objects
        for obj in objects:
            names = {code: getattr(obj, f"naam_{code}") for code in LANGUAGES}
            assert all(names.values()), (obj.slug, names)
            assert obj.naam not in names.values(), obj.slug
    for hulpvraag in Hulpvraag.objects.all():
        assert all(getattr(hulpvraag, f"uitleg_{code}") for code in LANGUAGES), hulpvraag.slug


def test_demo_hulpvragen_find_something_in_every_wijk(client, demo):
    slugs = set(Hulpvraag.objects.values_list("slug", flat=True))
    named = {
        "eenzaam",
        "geldzorgen",
        "computer-en-telefoon",
        "nederlands-leren",
        "opvoeden",
        "bewegen",
        "samen-eten",
        "mantelzorg",
    }
    assert named <= slugs
    for hulpvraag in Hulpvraag.objects.all():
        assert hulpvraag.themas.exists() or hulpvraag.zoekwoorden_list, hulpvraag.slug
        response = client.get(FINDER, {"hulpvraag": hulpvraag.slug})
        assert response.status_code == 200
        assert response.context["resultaten"].paginator.count > 0, hulpvraag.slug
    response = client.get(
        FINDER,
        {"hulpvraag": "eenzaam", "wijk": "schalkwijk", "dagdeel": ["ochtend", "middag"], "gratis": "1"},
    )
    first = response.context["resultaten"][0]
    assert "in Schalkwijk" in first.uitleg and "overdag" in first.uitleg


def test_demo_initiatives_are_varied_and_keep_their_contact_private(client, demo):
    initiatives = list(InitiatiefPage.objects.live().prefetch_related("wijken", "behoeften", "activiteiten"))
    assert len(initiatives) >= 10
    statuses = Counter(p.status for p in initiatives)
    assert statuses["in_opbouw"] == 2 and statuses["gestopt"] == 1
    assert statuses["loopt"] > len(initiatives) / 2
    assert {w.slug for p in initiatives for w in p.wijken.all()} >= {
        "schalkwijk",
        "oost",
        "centrum",
        "noord",
        "zuid-west",
    }
    helping = [p for p in initiatives if p.zoekt_hulp]
    assert len(helping) >= 5
    assert {b.soort for p in helping for b in p.behoeften.all()} == {"helpers", "plek", "materiaal", "budget"}
    skills = {name for p in initiatives for name in p.vaardigheden.names()}
    assert {"koken", "tuinieren", "klussen", "fietsen repareren", "taal", "administratie"} <= skills
    linked = [link.page for p in initiatives for link in p.activiteiten.all()]
    assert len(linked) >= 5 and all(page.live for page in linked)
    assert all(p.afbeelding_id for p in initiatives)

    for page in initiatives:
        bijdrage = Bijdrage.objects.get(page=page)
        assert bijdrage.status == "goedgekeurd" and bijdrage.email.endswith("@example.org")
    html = client.get("/initiatieven/").content.decode()
    html += "".join(client.get(p.url).content.decode() for p in initiatives)
    for bijdrage in Bijdrage.objects.filter(soort="initiatief"):
        assert bijdrage.email not in html and bijdrage.naam not in html
        assert not bijdrage.telefoon or bijdrage.telefoon not in html


def test_demo_queue_is_realistic_and_sends_nothing(client, demo):
    """Loading the demo e-mails nobody: no message went out while it loaded, none waits in the outbox."""
    assert demo.mails == []
    assert not Bericht.objects.exists()

    items = [*Idee.objects.all(), *Talent.objects.all(), *Signaal.objects.all()]
    assert 25 <= len(items) <= 40
    assert min(Idee.objects.count(), Talent.objects.count(), Signaal.objects.count()) >= 8

    now = timezone.now()
    assert all(now - dt.timedelta(days=80) <= item.aangemaakt_op <= now for item in items)
    statuses = [item.status for item in items]
    assert statuses.count("nieuw") + statuses.count("in_gesprek") > len(items) / 2
    assert 1 <= statuses.count("afgerond") <= 5
    assert all(item.afgesloten_op for item in items if item.status in ("afgerond", "niet_doorgegaan"))
    waiting = [i for i in items if i.status == "nieuw" and now - i.aangemaakt_op > dt.timedelta(days=8)]
    assert len(waiting) >= 3  # longer than 5 working days in nieuw

    # At least two thema × wijk cells with three or more open items in the last 90 days.
    cells = {}
    for item in items:
        if item.status in OPEN_STATUSES and item.thema and now - item.aangemaakt_op <= dt.timedelta(days=90):
            for wijk_id in item.wijk_ids():
                cells[(item.thema.slug, wijk_id)] = cells.get((item.thema.slug, wijk_id), 0) + 1
    full = {key for key, count in cells.items() if count >= 3}
    assert len(full) >= 2
    slugs = {(thema, wijk) for thema, wijk in full}
    ids = dict(Wijk.objects.values_list("slug", "pk"))
    assert ("ontmoeting", ids["schalkwijk"]) in slugs
    assert ("geld-en-administratie", ids["oost"]) in slugs

    # Some are handled by the demo makelaars, each in their own wijk.
    assigned = [i for i in items if i.toegewezen_aan]
    assert {i.toegewezen_aan.username for i in assigned} == {"makelaar-schalkwijk", "makelaar-oost"}
    for item in assigned:
        assert item.wijk_ids() & set(item.toegewezen_aan.makelaar_wijken.values_list("pk", flat=True))

    # Talents offer what the demo initiatives ask for.
    wanted = set(
        InitiatiefPage.objects.filter(vaardigheid_items__isnull=False).values_list(
            "vaardigheid_items__tag__name", flat=True
        )
    )
    offered = {tag.name for talent in Talent.objects.all() for tag in talent.vaardigheden.all()}
    assert {"koken", "tuinieren", "klussen"} <= offered & wanted

    # Ideas and talents have consent; signals carry no contact.
    assert all(i.toestemming_op for i in [*Idee.objects.all(), *Talent.objects.all()])
    assert all(
        s.gemeld_door is None or s.gemeld_door.username.startswith("makelaar") for s in Signaal.objects.all()
    )

    # The ways in: home tiles, the meedoen page and the privacy page.
    home_html = client.get("/").content.decode()
    assert f'href="{IDEE_URL}"' in home_html
    assert f'href="{TALENT_URL}"' in home_html
    meedoen = client.get("/meedoen/").content.decode()
    assert f'href="{IDEE_URL}"' in meedoen
    assert f'href="{TALENT_URL}"' in meedoen
    privacy = client.get("/privacy/").content.decode()
    assert "Alleen de sociaal makelaar van jouw wijk." in privacy
    assert "12 maanden" in privacy
    assert client.get(IDEE_URL).status_code == 200
    assert client.get(TALENT_URL).status_code == 200
