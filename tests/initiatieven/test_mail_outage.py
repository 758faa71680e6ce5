"""Nothing lost when the mail server is down.

Every public form stores what the resident sent and shows its normal success page while the mail server
refuses connections (``tests.initiatieven.broken_mail.Backend``). The e-mail the form causes waits in the
outbox (``Bericht``); once mail is back, ``manage.py verstuur_berichten`` delivers it exactly once, and a
second run sends nothing more.
"""

import datetime as dt
import io

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import formats, timezone, translation

from activiteiten.models import ActiviteitPage, Occurrence
from initiatieven.models import Bijdrage, Idee, InitiatiefPage, Talent
from portal.models import Bericht

from .. import helpers

pytestmark = pytest.mark.django_db

MAIL_DOWN = "tests.initiatieven.broken_mail.Backend"
MAIL_UP = "django.core.mail.backends.locmem.EmailBackend"

OUTBOX = "portal.mail.OutboxBackend"

# Fixtures shared with the form tests (pytest finds a fixture by the name it was defined with).
site = helpers.site
redacteur = helpers.redacteur
proposed = helpers.proposed
initiatief = helpers.initiatief
wijken = helpers.wijken


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """The per-IP rate limit lives in the cache; the forms' minimum fill time is passed with ``started()``.
    Mail is set up as in production: every e-mail goes into the outbox, then to the mail server."""
    settings.PORTAL_FORM_MIN_SECONDS = 3
    settings.EMAIL_BACKEND = OUTBOX
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_UP
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def makelaar(wijken):
    user = get_user_model().objects.create_user("makelaar", "makelaar@example.org", "x")
    wijken["schalkwijk"].makelaars.add(user)
    return user


def the_waiting_email(soort):
    """The one stored e-mail of this kind: nothing reached the outbox, one failed try is recorded."""
    assert mail.outbox == []
    bericht = Bericht.objects.get(soort=soort)
    assert (bericht.status, bericht.pogingen, bericht.laatste_fout) == ("wacht", 1, "ConnectionRefusedError")
    return bericht


def mail_is_back_and_retried(settings):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_UP
    out = io.StringIO()
    call_command("verstuur_berichten", stdout=out)
    return out.getvalue().strip()


def assert_delivered_once(settings, bericht, to, subject, waiting=1):
    """``waiting``: all e-mails that waited, e.g. also Wagtail's notice to the editors."""
    assert mail_is_back_and_retried(settings) == f"{waiting} e-mail(s) verstuurd; 0 wachten nog."
    bericht.refresh_from_db()
    assert bericht.status == "verstuurd" and bericht.verstuurd_op is not None
    (message,) = [m for m in mail.outbox if m.subject == subject]
    assert message.to == to
    # A second run (cron, every few minutes) sends nothing again.
    sent = len(mail.outbox)
    assert mail_is_back_and_retried(settings) == "0 e-mail(s) verstuurd; 0 wachten nog."
    assert len(mail.outbox) == sent
    return message


# --- Proposing an activity or an initiative ---


def test_proposed_activity_is_stored_during_a_mail_outage_and_its_confirmation_sent_later(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = helpers.propose(client, site)
    assert response.status_code == 302 and response.url.startswith("/meedoen/bedankt/")
    assert "Bedankt! We hebben het ontvangen." in client.get(response.url).content.decode()
    page = ActiviteitPage.objects.get(title="Koffie-ochtend Tulpstraat")
    assert Bijdrage.objects.get(page=page).email == "ans.devries@example.org"
    bericht = the_waiting_email("bevestiging")

    message = assert_delivered_once(
        settings,
        bericht,
        ["ans.devries@example.org"],
        "We hebben je activiteit ontvangen: Koffie-ochtend Tulpstraat",
    )
    assert client.get(helpers.edit_link(message)).status_code == 200  # the private link works


def test_proposed_initiative_is_stored_during_a_mail_outage_and_its_confirmation_sent_later(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    data = {
        "gestart": helpers.started(),
        "website": "",
        "titel": "Buurtmoestuin De Groene Hoek",
        "intro": "Samen groente kweken achter het buurthuis.",
        "initiatiefnemer": "Fatma en buren",
        "status": "in_opbouw",
        "wijken": [str(site["wijk"].pk)],
        "themas": [str(site["thema"].pk)],
        "behoefte_1_soort": "helpers",
        "behoefte_1_tekst": "Iemand die op zaterdag water geeft",
        "naam": "Fatma Yilmaz",
        "email": "fatma@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/meedoen/initiatief/", data)
    assert response.status_code == 302 and response.url.startswith("/meedoen/bedankt/")
    assert "Bedankt! We hebben het ontvangen." in client.get(response.url).content.decode()
    page = InitiatiefPage.objects.get(title="Buurtmoestuin De Groene Hoek")
    assert Bijdrage.objects.get(page=page).email == "fatma@example.org"
    bericht = the_waiting_email("bevestiging")

    assert_delivered_once(
        settings,
        bericht,
        ["fatma@example.org"],
        "We hebben je initiatief ontvangen: Buurtmoestuin De Groene Hoek",
    )


def test_the_editors_moderation_notice_for_a_proposal_is_sent_once_mail_is_back(
    client, site, redacteur, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = helpers.propose(client, site)
    assert response.status_code == 302
    assert ActiviteitPage.objects.filter(title="Koffie-ochtend Tulpstraat").exists()
    assert_wagtail_notice_waits_then_arrives_once(settings, "Koffie-ochtend Tulpstraat")


def assert_wagtail_notice_waits_then_arrives_once(settings, title):
    assert mail.outbox == []
    notice = Bericht.objects.get(aan=["redactie@example.org"], soort="systeem")
    assert (notice.status, notice.pogingen) == ("wacht", 1)
    assert title in notice.onderwerp + notice.tekst

    mail_is_back_and_retried(settings)
    (sent,) = [m for m in mail.outbox if m.to == ["redactie@example.org"]]
    assert title in sent.subject + sent.body
    notice.refresh_from_db()
    assert notice.status == "verstuurd"
    call_command("verstuur_berichten", stdout=io.StringIO())
    assert len([m for m in mail.outbox if m.to == ["redactie@example.org"]]) == 1


def test_with_mail_up_wagtails_notice_goes_through_the_outbox_once_with_its_html(
    client, site, redacteur, django_capture_on_commit_callbacks
):
    """The counterpart of the test above: with a working mail server Wagtail's notice is stored and sent
    at once, marked as automatic."""
    with django_capture_on_commit_callbacks(execute=True):
        helpers.propose(client, site)
    (notice,) = [m for m in mail.outbox if m.to == ["redactie@example.org"]]
    assert "Koffie-ochtend Tulpstraat" in notice.subject + notice.body
    assert notice.extra_headers.get("Auto-Submitted") == "auto-generated"
    bericht = Bericht.objects.get(aan=["redactie@example.org"], soort="systeem")
    assert bericht.status == "verstuurd" and bericht.pogingen == 0
    sent = len(mail.outbox)
    out = io.StringIO()
    call_command("verstuur_berichten", stdout=out)
    assert out.getvalue().strip() == "0 e-mail(s) verstuurd; 0 wachten nog." and len(mail.outbox) == sent


# --- The makelaar's intake: an idea, a talent ---


def test_idea_is_stored_during_a_mail_outage_and_the_makelaar_is_told_later(
    client, wijken, makelaar, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = helpers.post(client, helpers.IDEE_URL, helpers.idee_data(wijken))
    assert response.status_code == 302 and response.url.startswith("/meedoen/ontvangen/")
    assert "Bedankt! We hebben je idee ontvangen." in client.get(response.url).content.decode()
    idee = Idee.objects.get()
    assert (idee.naam, idee.email) == ("Fatma Yilmaz", "fatma.yilmaz@example.org")
    bericht = the_waiting_email("makelaar_nieuw")

    message = assert_delivered_once(settings, bericht, ["makelaar@example.org"], "Nieuw idee in Schalkwijk")
    assert f"/admin/ideeen/inspect/{idee.pk}/" in message.body


def test_talent_is_stored_during_a_mail_outage_and_the_makelaar_is_told_later(
    client, wijken, makelaar, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = helpers.post(client, helpers.TALENT_URL, helpers.talent_data(wijken))
    assert response.status_code == 302 and response.url.startswith("/meedoen/ontvangen/")
    assert "Bedankt! We hebben je aanbod ontvangen." in client.get(response.url).content.decode()
    talent = Talent.objects.get()
    assert (talent.naam, talent.telefoon) == ("Kees Schaap", "06 12345678")
    bericht = the_waiting_email("makelaar_nieuw")

    message = assert_delivered_once(settings, bericht, ["makelaar@example.org"], "Nieuw aanbod in Schalkwijk")
    assert f"/admin/talenten/inspect/{talent.pk}/" in message.body


# --- The contact form of an initiative ---


def test_message_to_an_initiative_is_kept_during_a_mail_outage_and_relayed_later(
    client, initiatief, settings
):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    response = client.post(
        initiatief.url + "bericht/",
        {
            "gestart": helpers.started(),
            "website": "",
            "naam": "Karel",
            "email": "karel@example.org",
            "bericht": "Ik kom graag helpen!",
        },
    )
    assert response.status_code == 302 and "bericht=verstuurd" in response.url
    assert "Je bericht is verstuurd" in client.get(response.url).content.decode()
    bericht = the_waiting_email("bericht")
    assert "Ik kom graag helpen!" in bericht.tekst

    message = assert_delivered_once(
        settings, bericht, ["mies.prive@example.org"], "Bericht over Bakkie in de Wijk van Karel"
    )
    assert message.reply_to == ["karel@example.org"] and "Ik kom graag helpen!" in message.body


# --- The private edit link ---


def test_asking_for_a_new_link_during_a_mail_outage_sends_it_later(client, proposed, settings):
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    response = client.post(
        "/meedoen/nieuwe-link/",
        {"gestart": helpers.started(), "website": "", "email": "ans.devries@example.org"},
    )
    assert response.status_code == 200
    assert "Als dit e-mailadres bij ons bekend is" in response.content.decode()
    bericht = the_waiting_email("nieuwe_link")

    message = assert_delivered_once(
        settings,
        bericht,
        ["ans.devries@example.org"],
        "Je persoonlijke link om je bijdrage te veranderen",
    )
    assert client.get(helpers.edit_link(message)).status_code == 200


@pytest.fixture
def live(proposed, redacteur, django_capture_on_commit_callbacks):
    """The proposed activity, approved by the editors, with the mail of that step out of the way."""
    page, link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        helpers.approve(page, redacteur)
    page.refresh_from_db()
    assert page.live
    Bericht.objects.all().delete()
    mail.outbox.clear()
    return page, link


def changed_activity(page):
    """The edit form as the resident sends it back, with a new title (as in test_meedoen)."""
    data = helpers.activity_data({"wijk": page.wijken.first(), "thema": page.themas.first()})
    for key in ("naam", "email", "telefoon", "soort"):
        data.pop(key)
    data.update(
        titel="Koffie-ochtend Tulpstraat en Rozenstraat",
        herhaling="wekelijks",
        weekdag="TU",
        datum=page.start_datum.isoformat(),
    )
    return data


def test_proposed_changes_are_stored_during_a_mail_outage_and_confirmed_later(
    client, live, settings, django_capture_on_commit_callbacks
):
    page, link = live
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link + "wijzigen/", changed_activity(page))
    assert response.status_code == 302 and "klaar=gewijzigd" in response.url
    assert "We hebben je wijziging ontvangen" in client.get(response.url).content.decode()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Koffie-ochtend Tulpstraat en Rozenstraat"
    assert Bijdrage.objects.get(page=page).status == "wacht"
    bericht = the_waiting_email("wijziging")

    assert_delivered_once(
        settings,
        bericht,
        ["ans.devries@example.org"],
        "We hebben je wijziging ontvangen: Koffie-ochtend Tulpstraat",
        waiting=2,  # and Wagtail's "ter goedkeuring" notice to the editors
    )


def test_the_editors_moderation_notice_for_changes_is_sent_once_mail_is_back(
    client, live, settings, django_capture_on_commit_callbacks
):
    page, link = live
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link + "wijzigen/", changed_activity(page))
    assert response.status_code == 302 and "klaar=gewijzigd" in response.url
    assert_wagtail_notice_waits_then_arrives_once(settings, page.title)


def test_a_date_cancelled_during_a_mail_outage_is_in_the_agenda_and_the_editors_are_told_later(
    client, live, settings, django_capture_on_commit_callbacks
):
    page, link = live
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    datum = helpers.next_weekday(1, after=timezone.localdate() + dt.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        response = helpers.cancel(client, link, datum)
    assert response.status_code == 302 and "klaar=vervalt" in response.url
    assert "De datum staat nu in de agenda" in client.get(response.url).content.decode()
    assert Occurrence.objects.get(page=page, datum=datum).status == "vervalt"
    bericht = the_waiting_email("redactie_datum_vervalt")

    with translation.override("nl"):
        subject = f"Datum vervalt: Koffie-ochtend Tulpstraat op {formats.date_format(datum, 'l j F Y')}"
    assert_delivered_once(settings, bericht, ["redactie@example.org"], subject)


def test_a_series_stopped_during_a_mail_outage_ends_and_the_editors_are_told_later(
    client, live, settings, django_capture_on_commit_callbacks
):
    page, link = live
    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    vanaf = timezone.localdate() + dt.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            link, {"actie": "stoppen", "stop-vanaf": vanaf.isoformat(), "stop-zeker": "on"}
        )
    assert response.status_code == 302 and "klaar=gestopt" in response.url
    page.refresh_from_db()
    assert page.eind_datum == vanaf - dt.timedelta(days=1)
    assert not Occurrence.objects.filter(page=page, datum__gte=vanaf).exists()
    bericht = the_waiting_email("redactie_reeks_gestopt")

    with translation.override("nl"):
        subject = f"Reeks gestopt: Koffie-ochtend Tulpstraat vanaf {formats.date_format(vanaf, 'l j F Y')}"
    assert_delivered_once(settings, bericht, ["redactie@example.org"], subject)


# --- Django's own e-mail through the outbox ---


def test_any_django_email_waits_in_the_outbox_and_bcc_recipients_get_their_own_copy(settings):
    from django.core.mail import EmailMultiAlternatives

    settings.PORTAL_DELIVERY_EMAIL_BACKEND = MAIL_DOWN
    message = EmailMultiAlternatives(
        "Wachtwoord opnieuw instellen", "Klik op de link.", to=["a@example.org"], bcc=["b@example.org"]
    )
    message.attach_alternative("<p>Klik op de link.</p>", "text/html")
    assert message.send() == 1
    assert mail.outbox == []
    stored = sorted(Bericht.objects.filter(soort="systeem").values_list("aan", "status", "html"))
    assert stored == [
        (["a@example.org"], "wacht", "<p>Klik op de link.</p>"),
        (["b@example.org"], "wacht", "<p>Klik op de link.</p>"),
    ]

    assert mail_is_back_and_retried(settings) == "2 e-mail(s) verstuurd; 0 wachten nog."
    assert sorted((m.to, m.bcc) for m in mail.outbox) == [(["a@example.org"], []), (["b@example.org"], [])]
    assert all(m.alternatives[0].content == "<p>Klik op de link.</p>" for m in mail.outbox)
