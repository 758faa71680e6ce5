"""Helpers that more than one test module uses, kept here so that no test module imports from another.

- The public forms: a start time that passes the spam check (``started``), the data of an idea, a talent
  and a proposed activity, and posting them as a resident would (``post``, ``propose``).
- A proposal's way through moderation: the private edit link from the e-mail, approving it, cancelling
  one date with the link.
- Fixtures several modules need: ``wijken``, ``site``, ``redacteur``, ``proposed`` and ``initiatief``.
  pytest only finds a fixture in the module that asks for it (or in a conftest), so a module that uses
  one binds it to its own name: ``site = helpers.site``.
- Logging in to the admin in the browser tests (``browser_login``).
"""

import datetime as dt
import re
import time

import pytest

from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from activiteiten.models import ActiviteitPage
from initiatieven.models import Bijdrage, InitiatiefPage, InitiatievenIndexPage
from portal.demo import data as demo_data
from portal.spam import SALT as TIME_SALT

from .factories import AgendaPageFactory, ThemaFactory, WijkFactory

IDEE_URL = "/meedoen/idee/"
TALENT_URL = "/meedoen/talent/"


# --- The public forms ------------------------------------------------------------------------------------


def started(seconds_ago=60):
    """The signed start time a public form carries: the spam check drops a form sent back too quickly."""
    return signing.dumps(time.time() - seconds_ago, salt=TIME_SALT)


def next_weekday(weekday, after=None):
    day = (after or timezone.localdate()) + dt.timedelta(days=1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day


def idee_data(places, **overrides):
    """What a resident fills in on "Ik heb een idee" (``places``: the ``wijken`` fixture)."""
    data = {
        "gestart": started(),
        "website": "",
        "idee": "Elke woensdag koffie in de hal van de flat.",
        "voor_wie": "Ouderen in de flat",
        "nodig": "Een tafel en een koffiezetapparaat.",
        "goed_in": "Bakken en mensen bij elkaar brengen.",
        "wie_nog": "Mijn buurvrouw.",
        "wijk": str(places["schalkwijk"].pk),
        "thema": "",
        "naam": "Fatma Yilmaz",
        "email": "fatma.yilmaz@example.org",
        "telefoon": "",
        "toestemming": "on",
    }
    data.update(overrides)
    return data


def talent_data(places, **overrides):
    """What a resident fills in on "Ik wil helpen" (``places``: the ``wijken`` fixture)."""
    data = {
        "gestart": started(),
        "website": "",
        "vaardigheden": ["koken", "tuinieren"],
        "iets_anders": "",
        "tijd": "wekelijks",
        "dagdelen": ["avond", "ochtend"],
        "wijken": [str(places["schalkwijk"].pk)],
        "toelichting": "Ik kook graag voor een grote groep.",
        "naam": "Kees Schaap",
        "email": "",
        "telefoon": "06 12345678",
        "toestemming": "on",
    }
    data.update(overrides)
    return data


def post(client, url, data, remote_addr="127.0.0.1"):
    return client.post(url, data, REMOTE_ADDR=remote_addr)


def activity_data(site, **overrides):
    """A proposed activity by Ans de Vries (``site``: anything with a "wijk" and a "thema")."""
    data = {
        "gestart": started(),
        "website": "",
        "soort": "activiteit",
        "titel": "Koffie-ochtend Tulpstraat",
        "intro": "Elke twee weken koffie en een praatje met de buren.",
        "beschrijving": "Iedereen is welkom.\n\nDe koffie is gratis.",
        "organisator_naam": "Bewoners van de Tulpstraat",
        "wijken": [str(site["wijk"].pk)],
        "themas": [str(site["thema"].pk)],
        "herhaling": "tweewekelijks",
        "datum": (timezone.localdate() + dt.timedelta(days=1)).isoformat(),
        "weekdag": "SA",
        "begintijd": "10:00",
        "eindtijd": "12:00",
        "adres_vrij": "Tulpstraat 1",
        "kosten": "gratis",
        "aanmelden": "inloop",
        "iemand_mag_mee": "on",
        "naam": "Ans de Vries",
        "email": "ans.devries@example.org",
        "telefoon": "06 12345678",
    }
    data.update(overrides)
    return data


def propose(client, site, remote_addr="127.0.0.1", **overrides):
    """Send the public proposal form, as a resident would."""
    url = reverse("initiatieven:voorstel-activiteit")
    return client.post(url, activity_data(site, **overrides), REMOTE_ADDR=remote_addr)


# --- Moderation and the private edit link ----------------------------------------------------------------


def edit_link(message):
    """The private edit link in an e-mail to the sender, as a path."""
    return re.search(r"http://testserver(/meedoen/bewerken/\S+/)", message.body).group(1)


def approve(page, user):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def cancel(client, link, datum, toelichting="Ziek"):
    """Cancel one date of the series with the private edit link."""
    return client.post(
        link, {"actie": "vervalt", "vervalt-datum": datum.isoformat(), "vervalt-toelichting": toelichting}
    )


# --- Fixtures (bind them in the module that uses them: ``site = helpers.site``) ------------------------


@pytest.fixture
def wijken(home):
    return {
        "schalkwijk": WijkFactory(naam="Schalkwijk", slug="schalkwijk"),
        "oost": WijkFactory(naam="Oost", slug="oost"),
    }


@pytest.fixture
def site(home):
    """An agenda, the initiatives' index, the wijk Schalkwijk and the thema Ontmoeting."""
    agenda = AgendaPageFactory(parent=home)
    index = InitiatievenIndexPage(title="Bewonersinitiatieven", slug="initiatieven")
    home.add_child(instance=index)
    index.save_revision().publish()
    return {
        "agenda": agenda,
        "index": index,
        "wijk": WijkFactory(naam="Schalkwijk", slug="schalkwijk"),
        "thema": ThemaFactory(naam="Ontmoeting", slug="ontmoeting"),
    }


@pytest.fixture
def redacteur(db):
    """An editor who moderates proposals (the "Redacteuren" group, with page rights from the root)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission, Page

    group = Group.objects.get_or_create(name="Redacteuren")[0]
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_bijdrage")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=Page.get_first_root_node(), permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user("redacteur", "redactie@example.org", "x")
    user.groups.add(group)
    return user


@pytest.fixture
def proposed(client, site, redacteur, django_capture_on_commit_callbacks):
    """A weekly activity on Tuesdays, proposed and waiting for moderation: (its page, the private link)."""
    with django_capture_on_commit_callbacks(execute=True):
        propose(client, site, herhaling="wekelijks", weekdag="TU", datum=timezone.localdate().isoformat())
    page = ActiviteitPage.objects.get()
    link = edit_link(next(m for m in mail.outbox if m.to == ["ans.devries@example.org"]))
    mail.outbox.clear()
    return page, link


@pytest.fixture
def initiatief(site):
    """A live initiative whose initiator's private address is only in its Bijdrage."""
    page = InitiatiefPage(
        title="Bakkie in de Wijk",
        slug="bakkie",
        intro="Koffie op straat.",
        initiatiefnemer="Mies",
        heel_de_stad=True,
    )
    site["index"].add_child(instance=page)
    page.save_revision().publish()
    Bijdrage.objects.create(
        page=page,
        soort="initiatief",
        naam="Mies Bakker",
        email="mies.prive@example.org",
        status="goedgekeurd",
    )
    return page


# --- The browser tests -----------------------------------------------------------------------------------


def browser_login(page, base, username):
    """Log in to the admin as a demo user, in Playwright's ``page`` (``base``: the live server's URL)."""
    from playwright.sync_api import expect  # only the browser tests have a browser

    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(demo_data.DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + "/admin/")
