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
from initiatieven.models import Bericht, Bijdrage, Idee, InitiatiefPage, Talent

from . import test_intake as intake
from . import test_meedoen as meedoen

pytestmark = pytest.mark.django_db

MAIL_DOWN = "tests.initiatieven.broken_mail.Backend"
MAIL_UP = "django.core.mail.backends.locmem.EmailBackend"

WAGTAIL_NOTICE_BYPASSES_THE_OUTBOX = (
    "Wagtail's own 'ter goedkeuring ingediend' e-mail to the Redacteuren (the GroupApprovalTask notification "
    "that wagtail.admin.mail sends when services.submit_for_moderation starts the workflow) does not go "
    "through the Bericht outbox: during an outage Wagtail logs 'Mail connection error, notification sending "
    "skipped', and verstuur_berichten never sends it"
)

# Fixtures shared with the form tests (pytest finds a fixture by the name it was defined with).
site = meedoen.site
redacteur = meedoen.redacteur
proposed = meedoen.proposed
initiatief = meedoen.initiatief
wijken = intake.wijken


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """The per-IP rate limit lives in the cache; the forms' minimum fill time is passed with ``started()``."""
    settings.PORTAL_FORM_MIN_SECONDS = 3
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
    settings.EMAIL_BACKEND = MAIL_UP
    out = io.StringIO()
    call_command("verstuur_berichten", stdout=out)
    return out.getvalue().strip()


def assert_delivered_once(settings, bericht, to, subject):
    assert mail_is_back_and_retried(settings) == "1 e-mail(s) verstuurd; 0 wachten nog."
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
    settings.EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = meedoen.propose(client, site)
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
    assert client.get(meedoen.edit_link(message)).status_code == 200  # the private link works


def test_proposed_initiative_is_stored_during_a_mail_outage_and_its_confirmation_sent_later(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = MAIL_DOWN
    data = {
        "gestart": meedoen.started(),
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


@pytest.mark.xfail(strict=True, reason=WAGTAIL_NOTICE_BYPASSES_THE_OUTBOX)
def test_the_editors_moderation_notice_for_a_proposal_is_sent_once_mail_is_back(
    client, site, redacteur, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = meedoen.propose(client, site)
    assert response.status_code == 302
    assert ActiviteitPage.objects.filter(title="Koffie-ochtend Tulpstraat").exists()

    mail_is_back_and_retried(settings)
    assert [m for m in mail.outbox if m.to == ["redactie@example.org"]]


def test_with_mail_up_a_proposal_tells_the_editors_through_wagtail(
    client, site, redacteur, django_capture_on_commit_callbacks
):
    """The counterpart of the test above: with a working mail server the Redacteuren do get the notice,
    so the notice is something the outage loses."""
    with django_capture_on_commit_callbacks(execute=True):
        meedoen.propose(client, site)
    (notice,) = [m for m in mail.outbox if m.to == ["redactie@example.org"]]
    assert "Koffie-ochtend Tulpstraat" in notice.subject + notice.body
    assert not Bericht.objects.filter(aan=["redactie@example.org"]).exists()  # not through the outbox


# --- The makelaar's intake: an idea, a talent ---


def test_idea_is_stored_during_a_mail_outage_and_the_makelaar_is_told_later(
    client, wijken, makelaar, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = intake.post(client, intake.IDEE_URL, intake.idee_data(wijken))
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
    settings.EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = intake.post(client, intake.TALENT_URL, intake.talent_data(wijken))
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
    settings.EMAIL_BACKEND = MAIL_DOWN
    response = client.post(
        initiatief.url + "bericht/",
        {
            "gestart": meedoen.started(),
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
    settings.EMAIL_BACKEND = MAIL_DOWN
    response = client.post(
        "/meedoen/nieuwe-link/",
        {"gestart": meedoen.started(), "website": "", "email": "ans.devries@example.org"},
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
    assert client.get(meedoen.edit_link(message)).status_code == 200


@pytest.fixture
def live(proposed, redacteur, django_capture_on_commit_callbacks):
    """The proposed activity, approved by the editors, with the mail of that step out of the way."""
    page, link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        meedoen.approve(page, redacteur)
    page.refresh_from_db()
    assert page.live
    Bericht.objects.all().delete()
    mail.outbox.clear()
    return page, link


def changed_activity(page):
    """The edit form as the resident sends it back, with a new title (as in test_meedoen)."""
    data = meedoen.activity_data({"wijk": page.wijken.first(), "thema": page.themas.first()})
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
    settings.EMAIL_BACKEND = MAIL_DOWN
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
    )


@pytest.mark.xfail(strict=True, reason=WAGTAIL_NOTICE_BYPASSES_THE_OUTBOX)
def test_the_editors_moderation_notice_for_changes_is_sent_once_mail_is_back(
    client, live, settings, django_capture_on_commit_callbacks
):
    page, link = live
    settings.EMAIL_BACKEND = MAIL_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link + "wijzigen/", changed_activity(page))
    assert response.status_code == 302 and "klaar=gewijzigd" in response.url

    mail_is_back_and_retried(settings)
    assert [m for m in mail.outbox if m.to == ["redactie@example.org"]]


def test_a_date_cancelled_during_a_mail_outage_is_in_the_agenda_and_the_editors_are_told_later(
    client, live, settings, django_capture_on_commit_callbacks
):
    page, link = live
    settings.EMAIL_BACKEND = MAIL_DOWN
    datum = meedoen.next_weekday(1, after=timezone.localdate() + dt.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        response = meedoen.cancel(client, link, datum)
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
    settings.EMAIL_BACKEND = MAIL_DOWN
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
