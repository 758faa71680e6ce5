"""Every e-mail in its reader's language: a resident gets the language of the form they filled in (with
links that open in that language), makelaars and editors get Dutch. And no e-mail template has a Dutch line
left untranslated in English, Turkish, Arabic or Polish."""

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from django.conf import settings
from django.core import mail, signing
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from activiteiten.models import ActiviteitPage
from initiatieven.makelaar.emails import STATUS_TEKSTEN
from initiatieven.models import Bijdrage, Idee, InitiatiefPage, InitiatievenIndexPage, Talent
from initiatieven.models.makelaar import DEFAULT_STATUS_TEKSTEN
from portal.spam import SALT as TIME_SALT

from ..factories import AgendaPageFactory, ThemaFactory, WijkFactory

EMAIL_DIR = Path(settings.BASE_DIR) / "templates" / "initiatieven" / "email"
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


# --- Every template, rendered in every language ---

SITE = "Huis van de Wijk"
TITEL = "Koffie-ochtend Tulpstraat"
DAY = dt.date(2026, 3, 2)  # a Monday in March: day and month names differ in all five languages


def _bijdrage(soort="activiteit"):
    return {"naam": "Ans de Vries", "soort": soort}


def template_contexts():
    """For each template: contexts that together take both sides of its {% if %}s. Every value is a name,
    a title, a URL or a resident's own text: the only things that may stay the same in every language."""
    page = {"title": TITEL}
    edit = "http://testserver/meedoen/bewerken/7/abc/"
    full_talent = {"naam": "Bram Bakker", "email": "bram@example.org", "telefoon": "06 12345678"}
    contexts = {
        "afgewezen": [
            {
                "bijdrage": _bijdrage(),
                "soort": "activiteit",
                "page": page,
                "page_url": "http://testserver/agenda/koffie/",
                "comment": "Wil je de plek preciezer beschrijven?",
                "edit_url": edit,
                "site_name": SITE,
            },
            {
                "bijdrage": _bijdrage("initiatief"),
                "soort": "initiatief",
                "page": page,
                "page_url": "",
                "comment": "",
                "edit_url": edit,
                "site_name": SITE,
            },
        ],
        "bericht": [
            {
                "page": page,
                "naam": "Karel",
                "email": "karel@example.org",
                "bericht": "Ik kom graag helpen!",
                "page_url": "http://testserver/initiatieven/bakkie/",
                "site_name": SITE,
            }
        ],
        "bevestiging": [
            {
                "bijdrage": _bijdrage(soort),
                "soort": soort,
                "page": page,
                "edit_url": edit,
                "nieuwe_link_url": "http://testserver/meedoen/nieuwe-link/",
                "site_name": SITE,
            }
            for soort in ("activiteit", "initiatief")
        ],
        "goedgekeurd": [
            {
                "bijdrage": _bijdrage(soort),
                "soort": soort,
                "page": page,
                "page_url": url,
                "edit_url": edit,
                "site_name": SITE,
            }
            for soort, url in (("activiteit", "http://testserver/agenda/koffie/"), ("initiatief", ""))
        ],
        "kennismaking_initiatief": [
            {
                "talent": full_talent,
                "page": page,
                "contact_naam": "Mies Bakker",
                "makelaar": "Fatma Yilmaz",
                "redenen": "koken, Schalkwijk",
                "site_name": SITE,
            },
            {
                "talent": {"naam": "Bram Bakker", "email": "", "telefoon": ""},
                "page": page,
                "contact_naam": "",
                "makelaar": "",
                "redenen": "",
                "site_name": SITE,
            },
        ],
        "kennismaking_talent": [
            {
                "talent": full_talent,
                "page": page,
                "page_url": "http://testserver/initiatieven/moestuin/",
                "contact_naam": contact,
                "makelaar": makelaar,
                "redenen": redenen,
                "site_name": SITE,
            }
            for contact, makelaar, redenen in (("Tuinploeg", "Fatma Yilmaz", "koken"), ("", "", ""))
        ],
        "makelaar_nieuw": [
            {
                "item": {"thema": thema},
                "soort": "idee",
                "wijk": "Schalkwijk",
                "url": "http://testserver/admin/ideeen/inspect/3/",
                "site_name": SITE,
            }
            for thema in ("Ontmoeting", None)
        ],
        "navragen": [
            {
                "koppeling": {"talent": {"naam": "Bram Bakker"}, "pagina": page},
                "url": "http://testserver/admin/talenten/inspect/4/",
                "site_name": SITE,
            }
        ],
        "nieuwe_link": [
            {
                "items": [
                    {"page": page, "soort": "activiteit", "edit_url": edit},
                    {"page": {"title": "Bakkie"}, "soort": "initiatief", "edit_url": edit + "2/"},
                ],
                "site_name": SITE,
            }
        ],
        "redactie_datum_vervalt": [
            {
                "page": page,
                "datum": DAY,
                "toelichting": "Ziek",
                "admin_url": "http://testserver/admin/pages/7/edit/",
                "site_name": SITE,
            }
        ],
        "redactie_reeks_gestopt": [
            {
                "page": page,
                "vanaf": DAY,
                "toelichting": toelichting,
                "offline": offline,
                "admin_url": "http://testserver/admin/pages/7/edit/",
                "site_name": SITE,
            }
            for toelichting, offline in (("Geen ruimte meer", True), ("", False))
        ],
        "status_wijziging": [
            {"naam": "Ans de Vries", "tekst": "Je idee loopt. Fijn dat je meedoet!", "site_name": SITE}
        ],
        "wijziging": [
            {
                "bijdrage": _bijdrage(),
                "soort": "activiteit",
                "page": page,
                "page_url": url,
                "edit_url": edit,
                "site_name": SITE,
            }
            for url in ("http://testserver/agenda/koffie/", "")
        ],
    }
    # Residents' e-mails name a page by its title in the reader's language (``titel``, worked out in
    # initiatieven.meedoen.emails); staff e-mails use the Dutch page.title.
    resident = ("afgewezen", "bericht", "bevestiging", "goedgekeurd", "wijziging")
    for name in (*resident, "kennismaking_initiatief", "kennismaking_talent"):
        for context in contexts[name]:
            context["titel"] = context["page"]["title"]
    for item in contexts["nieuwe_link"][0]["items"]:
        item["titel"] = item["page"]["title"]
    return contexts


def _values(context):
    """Every string in a context (names, titles, URLs, texts), longest first."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value:
            found.append(value)

    walk(context)
    return sorted(set(found), key=len, reverse=True)


# What may look the same in Dutch and another language once names and URLs are left out: the label
# "E-mail:" is the English and Polish word too.
SAME_IN_OTHER_LANGUAGES = {"E-mail:"}


def _render(template, context, language):
    with translation.override(language):
        return render_to_string(f"initiatieven/email/{template}.txt", context)


def test_every_email_template_has_contexts_to_check():
    assert {path.stem for path in EMAIL_DIR.glob("*.txt")} == set(template_contexts())


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("template", sorted(template_contexts()))
def test_no_dutch_line_is_left_in_an_email_in_another_language(template, language):
    for context in template_contexts()[template]:
        dutch = _render(template, context, "nl")
        other = _render(template, context, language)
        assert other != dutch
        assert "{%" not in other and "{{" not in other and "%(" not in other
        other_lines = {line.strip() for line in other.splitlines()}
        values = _values(context)
        for line in dutch.splitlines():
            line = line.strip()
            if line not in other_lines:
                continue
            rest = line
            for value in values:
                rest = rest.replace(value, "")
            rest = rest.strip()
            assert rest in SAME_IN_OTHER_LANGUAGES or not re.search(r"[^\W\d_]", rest), (
                f"{template}.txt in {language!r} still has the Dutch line: {line!r}"
            )
        # Plain text: each paragraph keeps its lines, and no line is glued to the next.
        assert other.count("\n\n") == dutch.count("\n\n"), (template, language)


@pytest.mark.parametrize("language", [settings.LANGUAGE_CODE, *OTHER_LANGUAGES])
@pytest.mark.parametrize("template", ["redactie_datum_vervalt", "redactie_reeks_gestopt"])
def test_dates_in_emails_follow_the_language(template, language):
    (context, *_rest) = template_contexts()[template]
    body = _render(template, context, language)
    with translation.override(language):
        assert formats.date_format(DAY, "l j F Y") in body
    if language != settings.LANGUAGE_CODE:
        assert "maandag" not in body and "maart" not in body


def test_the_default_status_texts_are_the_ones_marked_for_translation():
    assert STATUS_TEKSTEN == DEFAULT_STATUS_TEKSTEN


# --- Sending: residents in their language, staff in Dutch ---


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.PORTAL_FORM_MIN_SECONDS = 3
    cache.clear()
    yield
    cache.clear()


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=TIME_SALT)


@pytest.fixture
def site(home):
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
def makelaar(site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.get_or_create(name="Sociaal makelaars")[0]
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for model in ("idee", "talent"):
        for action in ("view", "change"):
            group.permissions.add(
                Permission.objects.get(content_type__app_label="initiatieven", codename=f"{action}_{model}")
            )
    user = get_user_model().objects.create_user("makelaar", "makelaar@example.org", "x", first_name="Fatma")
    user.groups.add(group)
    site["wijk"].makelaars.add(user)
    return user


def activity_data(site, **overrides):
    data = {
        "gestart": started(),
        "website": "",
        "soort": "activiteit",
        "titel": TITEL,
        "intro": "Elke twee weken koffie en een praatje met de buren.",
        "beschrijving": "Iedereen is welkom.",
        "organisator_naam": "Bewoners van de Tulpstraat",
        "wijken": [str(site["wijk"].pk)],
        "themas": [str(site["thema"].pk)],
        "herhaling": "wekelijks",
        "datum": timezone.localdate().isoformat(),
        "weekdag": "TU",
        "begintijd": "10:00",
        "eindtijd": "12:00",
        "adres_vrij": "Tulpstraat 1",
        "kosten": "gratis",
        "aanmelden": "inloop",
        "naam": "Ans de Vries",
        "email": "ans.devries@example.org",
        "telefoon": "",
    }
    data.update(overrides)
    return data


def propose(client, site, language, capture):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    with capture(execute=True):
        response = client.post(f"{prefix}/meedoen/activiteit/", activity_data(site))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ActiviteitPage.objects.get(title=TITEL)


def approve(page, user):
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def link_in(message, path):
    return re.search(r"http://testserver(\S*" + re.escape(path) + r"\S*)", message.body).group(1)


def test_a_turkish_proposal_is_confirmed_in_turkish_with_links_that_open_in_turkish(
    client, site, django_capture_on_commit_callbacks
):
    page = propose(client, site, "tr", django_capture_on_commit_callbacks)
    assert Bijdrage.objects.get(page=page).taal == "tr"
    (message,) = mails_to("ans.devries@example.org")
    assert message.subject == f"Başvurunuzu aldık: {TITEL} (etkinlik)"
    assert "Merhaba Ans de Vries," in message.body
    assert "Şimdi ne olacak?" in message.body
    assert "Wat gebeurt er nu?" not in message.body
    edit = link_in(message, "/meedoen/bewerken/")
    assert edit.startswith("/tr/meedoen/bewerken/")
    assert 'lang="tr"' in client.get(edit).content.decode()
    assert link_in(message, "/meedoen/nieuwe-link/") == "/tr/meedoen/nieuwe-link/"


def test_an_arabic_proposal_is_approved_in_arabic(
    client, site, redacteur, django_capture_on_commit_callbacks
):
    page = propose(client, site, "ar", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)  # the editor works in Dutch
    (message,) = mails_to("ans.devries@example.org")
    assert message.subject == f"منشور الآن على الموقع: {TITEL} (نشاط)"
    assert "خبر سار" in message.body and "Goed nieuws" not in message.body
    assert "/ar/meedoen/bewerken/" in message.body
    # The page itself: under /ar/ (it has no Arabic translation, so the Dutch page with a notice).
    assert f"http://testserver/ar{page.url}" in message.body or f"/ar{page.url}" in message.body
    assert f"testserver{page.url}\n" not in message.body


def test_a_dutch_proposal_stays_dutch(client, site, redacteur, django_capture_on_commit_callbacks):
    page = propose(client, site, "nl", django_capture_on_commit_callbacks)
    assert Bijdrage.objects.get(page=page).taal == "nl"
    (confirmation,) = mails_to("ans.devries@example.org")
    assert confirmation.subject == f"We hebben je activiteit ontvangen: {TITEL}"
    assert "Wat gebeurt er nu?" in confirmation.body
    assert link_in(confirmation, "/meedoen/bewerken/").startswith("/meedoen/bewerken/")
    mail.outbox.clear()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)  # an editor whose admin is in English changes nothing
    (approved,) = mails_to("ans.devries@example.org")
    assert approved.subject == f"Je activiteit staat online: {TITEL}"
    assert "Goed nieuws" in approved.body


def test_a_new_link_is_sent_in_the_language_it_was_asked_in(client, site, django_capture_on_commit_callbacks):
    propose(client, site, "nl", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    response = client.post(
        "/pl/meedoen/nieuwe-link/", {"gestart": started(), "email": "ans.devries@example.org"}
    )
    assert response.status_code == 200
    (message,) = mails_to("ans.devries@example.org")
    assert message.subject == "Twój osobisty link do zmiany zgłoszenia"
    assert "Dzień dobry," in message.body
    edit = link_in(message, "/meedoen/bewerken/")
    assert edit.startswith("/pl/meedoen/bewerken/") and client.get(edit).status_code == 200


def test_a_turkish_idea_tells_the_makelaar_in_dutch_and_the_resident_in_turkish(
    client, site, makelaar, django_capture_on_commit_callbacks
):
    data = {
        "gestart": started(),
        "website": "",
        "idee": "Her çarşamba apartmanın girişinde kahve.",
        "wijk": str(site["wijk"].pk),
        "thema": str(site["thema"].pk),
        "naam": "Ayşe Demir",
        "email": "ayse@example.org",
        "toestemming": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/tr/meedoen/idee/", data)
    assert response.status_code == 302 and response.url.startswith("/tr/meedoen/ontvangen/")
    idee = Idee.objects.get()
    assert idee.taal == "tr"
    (notice,) = mails_to("makelaar@example.org")
    assert notice.subject == "Nieuw idee in Schalkwijk"
    assert "Er is een nieuw idee binnengekomen in Schalkwijk (thema: Ontmoeting)." in notice.body
    assert not mails_to("ayse@example.org")  # the makelaar gets in touch; no automatic e-mail yet

    mail.outbox.clear()
    client.force_login(makelaar)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("ideeen:status", args=[idee.pk]), {"status": "in_gesprek"})
    assert response.status_code == 302
    (message,) = mails_to("ayse@example.org")
    assert message.subject == "Gönderdiğiniz fikir: görüşülüyor"
    assert "Merhaba Ayşe Demir," in message.body
    assert (
        "Schalkwijk mahallesinin mahalle görevlisi, gönderdiğiniz fikir üzerinde çalışıyor." in message.body
    )
    assert "sociaal makelaar" not in message.body


def test_an_initiatives_contact_gets_a_relayed_message_in_their_language(client, site):
    page = InitiatiefPage(
        title="Bakkie in de Wijk", slug="bakkie", intro="Koffie op straat.", initiatiefnemer="Mies"
    )
    page.heel_de_stad = True
    site["index"].add_child(instance=page)
    page.save_revision().publish()
    Bijdrage.objects.create(
        page=page, soort="initiatief", naam="Mies", email="mies@example.org", status="goedgekeurd", taal="en"
    )
    response = client.post(
        page.url + "bericht/",
        {"gestart": started(), "naam": "Karel", "email": "karel@example.org", "bericht": "Ik help graag!"},
    )
    assert response.status_code == 302
    (message,) = mails_to("mies@example.org")
    assert message.subject == "Message about Bakkie in de Wijk from Karel"
    assert "Karel sends you a message through" in message.body and "Ik help graag!" in message.body


def moestuin_and_polish_talent(site):
    """A live initiative whose contact sent it in Dutch, and a talent who wrote in Polish."""
    page = InitiatiefPage(title="Buurtmoestuin", slug="moestuin", intro="Samen tuinieren.")
    page.initiatiefnemer, page.heel_de_stad = "Tuinploeg", True
    site["index"].add_child(instance=page)
    page.save_revision().publish()
    Bijdrage.objects.create(
        page=page, soort="initiatief", naam="Tuinploeg", email="tuin@example.org", status="goedgekeurd"
    )
    talent = Talent.objects.create(naam="Ola Nowak", email="ola@example.org", tijd="wekelijks", taal="pl")
    talent.wijken.add(site["wijk"])
    return page, talent


def test_a_polish_talent_is_introduced_in_polish_and_the_initiative_in_its_own_language(
    client, site, makelaar, django_capture_on_commit_callbacks
):
    page, talent = moestuin_and_polish_talent(site)
    client.force_login(makelaar)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("talenten:koppel", args=[talent.pk, page.pk]))
    assert response.status_code == 302
    to_talent, status = sorted(mails_to("ola@example.org"), key=lambda m: m.subject)
    assert status.subject == "Twoje zgłoszenie (oferta pomocy): połączone"
    assert "Dobra wiadomość: połączyliśmy twoje zgłoszenie (oferta pomocy)" in status.body
    assert to_talent.subject == "Poznajmy się: Buurtmoestuin"
    assert "Dzień dobry Ola Nowak," in to_talent.body
    (to_initiative,) = mails_to("tuin@example.org")
    assert to_initiative.subject == "Iemand wil helpen bij Buurtmoestuin"
    assert "Iemand uit de buurt wil graag helpen" in to_initiative.body


def test_a_page_with_a_translation_is_named_by_its_translated_title_in_the_readers_email(
    client, site, home, makelaar, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    page, talent = moestuin_and_polish_talent(site)
    polish = Locale.objects.create(language_code="pl")
    home.copy_for_translation(polish, copy_parents=True).save_revision().publish()
    site["index"].copy_for_translation(polish).save_revision().publish()
    polski = page.copy_for_translation(polish)
    polski.title, polski.slug = "Ogród sąsiedzki", "ogrod"
    polski.save_revision().publish()
    client.force_login(makelaar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("talenten:koppel", args=[talent.pk, page.pk]))
    (to_talent,) = [m for m in mails_to("ola@example.org") if m.subject.startswith("Poznajmy się")]
    assert to_talent.subject == "Poznajmy się: Ogród sąsiedzki"
    assert "Ogród sąsiedzki\nhttp://testserver/pl/" in to_talent.body
    assert "Buurtmoestuin" not in to_talent.body
    (to_initiative,) = mails_to("tuin@example.org")
    assert to_initiative.subject == "Iemand wil helpen bij Buurtmoestuin"
    assert "Ogród" not in to_initiative.body
