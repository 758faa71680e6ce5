"""Residents propose an activity, spreekuur or initiative without an account; editors moderate; the
private edit link lets the sender change it, cancel a date or stop the series."""

import datetime as dt
import io
import re
import time
from unittest import mock

import pytest
from PIL import Image as PILImage

from django.core import mail, signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, WorkflowState

from activiteiten.models import ActiviteitPage, Occurrence, SpreekuurPage, Uitzondering
from initiatieven.meedoen.tokens import make_token
from initiatieven.models import Bijdrage, InitiatiefPage

from .. import helpers
from ..helpers import activity_data, approve, cancel, edit_link, next_weekday, propose, started

pytestmark = pytest.mark.django_db

# Fixtures shared with other modules (pytest finds a fixture by the name it was defined with).
site = helpers.site
redacteur = helpers.redacteur
proposed = helpers.proposed
initiatief = helpers.initiatief


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.PORTAL_FORM_MIN_SECONDS = 3
    cache.clear()
    yield
    cache.clear()


def jpeg_with_gps(size=(40, 30)):
    image = PILImage.new("RGB", size, (200, 120, 40))
    exif = PILImage.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 51.0), 3: "E", 4: (4.0, 38.0, 10.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def reject(page, user, comment):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "reject", comment=comment)


# --- Proposing ---


def test_form_asks_activiteit_or_spreekuur_and_the_schedule_in_plain_terms(client, site):
    html = client.get("/meedoen/activiteit/").content.decode()
    assert "Wat wil je in de agenda zetten?" in html
    assert "Een spreekuur" in html
    for label in ("Eén keer", "Elke week", "Elke 2 weken", "Elke maand", "laatste"):
        assert label in html


def test_proposal_becomes_a_draft_in_moderation_and_the_sender_stays_private(
    client, site, redacteur, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client, site)
    assert response.status_code == 302 and response.url.startswith("/meedoen/bedankt/")
    page = ActiviteitPage.objects.get(title="Koffie-ochtend Tulpstraat")
    assert not page.live
    assert page.get_parent().pk == site["agenda"].pk
    assert str(page.recurrence.rrules[0].to_text()) and page.recurrence.rrules[0].interval == 2
    assert page.start_datum.weekday() == 5  # the first Saturday on or after the chosen date
    assert page.organisator_naam == "Bewoners van de Tulpstraat"
    assert not page.contact_email and not page.contact_telefoon and not page.contact_naam
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == "Bewonersbijdragen"
    bijdrage = Bijdrage.objects.get(page=page)
    assert (bijdrage.naam, bijdrage.email, bijdrage.status) == (
        "Ans de Vries",
        "ans.devries@example.org",
        "wacht",
    )

    confirmation = [m for m in mail.outbox if m.to == ["ans.devries@example.org"]]
    assert len(confirmation) == 1
    body = confirmation[0].body
    assert "Wat gebeurt er nu?" in body and "De link werkt 1 jaar" in body
    assert client.get(edit_link(confirmation[0])).status_code == 200

    thanks = client.get(response.url).content.decode()
    assert "Wat gebeurt er nu?" in thanks
    # The URL (logs, browser history) and the page never carry the address.
    assert "ans.devries" not in response.url and "ans.devries" not in thanks
    from initiatieven.meedoen.views import THANKS_SALT

    assert signing.loads(response.url.split("b=")[1], salt=THANKS_SALT) == {"s": "activiteit"}


def test_spreekuur_proposal_becomes_a_draft_spreekuur_with_its_topics(client, site):
    propose(
        client,
        site,
        soort="spreekuur",
        titel="Formulierenhulp",
        herhaling="wekelijks",
        weekdag="TU",
        onderwerpen="Toeslagen\nBrieven van de gemeente",
    )
    page = SpreekuurPage.objects.get(title="Formulierenhulp")
    assert page.onderwerpen_list == ["Toeslagen", "Brieven van de gemeente"]
    assert page.recurrence.rrules[0].to_text()
    assert Bijdrage.objects.get(page=page).soort == "spreekuur"


@pytest.mark.parametrize(
    ("fields", "rrule"),
    [
        ({"herhaling": "wekelijks", "weekdag": "WE"}, "FREQ=WEEKLY;BYDAY=WE"),
        ({"herhaling": "tweewekelijks", "weekdag": "SA"}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"),
        ({"herhaling": "maandelijks", "weekdag": "FR", "week_van_maand": "-1"}, "FREQ=MONTHLY;BYDAY=-1FR"),
        ({"herhaling": "maandelijks", "weekdag": "TU", "week_van_maand": "2"}, "FREQ=MONTHLY;BYDAY=+2TU"),
    ],
)
def test_plain_schedule_is_stored_as_the_agendas_rrule(client, site, fields, rrule):
    import recurrence

    propose(client, site, **fields)
    page = ActiviteitPage.objects.get()
    stored = recurrence.serialize(page.recurrence)
    assert rrule in stored.replace("BYDAY=2TU", "BYDAY=+2TU")
    # The first date is a date of the rule itself.
    assert page.recurrence.between(
        dt.datetime.combine(page.start_datum, dt.time()),
        dt.datetime.combine(page.start_datum, dt.time()),
        dtstart=dt.datetime.combine(page.start_datum, dt.time()),
        inc=True,
    )


def test_one_off_activity_has_no_rule(client, site):
    propose(client, site, herhaling="eenmalig", weekdag="")
    page = ActiviteitPage.objects.get()
    assert not page.recurrence.rrules
    assert page.start_datum == timezone.localdate() + dt.timedelta(days=1)


def test_errors_are_explained_in_dutch_and_keep_what_was_typed(client, site):
    response = propose(
        client,
        site,
        titel="",
        datum="2020-01-01",
        eindtijd="09:00",
        email="niet-een-adres",
        kosten="bedrag",
        bedrag="",
        adres_vrij="",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er zijn nog" in html and "dingen niet goed" in html
    assert "Wat je hebt ingevuld is bewaard." in html
    assert "Deze datum is al voorbij" in html
    assert "Het eind moet later zijn dan het begin" in html
    assert "Dit e-mailadres klopt niet" in html
    assert "Vul het bedrag in" in html
    assert "Kies een plek, vul een adres in" in html
    assert "Elke twee weken koffie en een praatje met de buren." in html  # kept
    assert "Bewoners van de Tulpstraat" in html
    assert not ActiviteitPage.objects.exists() and not Bijdrage.objects.exists()


def test_initiative_proposal_with_needs_and_skills(client, site, django_capture_on_commit_callbacks):
    data = {
        "gestart": started(),
        "titel": "Buurtmoestuin De Groene Hoek",
        "intro": "Samen groente kweken achter het buurthuis.",
        "initiatiefnemer": "Fatma en buren",
        "status": "in_opbouw",
        "wijken": [str(site["wijk"].pk)],
        "themas": [str(site["thema"].pk)],
        "behoefte_1_soort": "helpers",
        "behoefte_1_tekst": "Iemand die op zaterdag water geeft",
        "behoefte_2_soort": "materiaal",
        "behoefte_2_tekst": "Een regenton",
        "vaardigheden": "Tuinieren, klussen, tuinieren",
        "naam": "Fatma Yilmaz",
        "email": "fatma@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/meedoen/initiatief/", data)
    assert response.status_code == 302
    page = InitiatiefPage.objects.get()
    assert not page.live and page.get_parent().pk == site["index"].pk
    assert [(b.soort, b.tekst) for b in page.behoeften.all()] == [
        ("helpers", "Iemand die op zaterdag water geeft"),
        ("materiaal", "Een regenton"),
    ]
    assert sorted(t.name for t in page.vaardigheden.all()) == ["klussen", "tuinieren"]
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Bijdrage.objects.get(page=page).email == "fatma@example.org"
    assert any(m.to == ["fatma@example.org"] for m in mail.outbox)


def test_a_need_without_text_gets_a_message(client, site):
    response = client.post(
        "/meedoen/initiatief/",
        {
            "gestart": started(),
            "titel": "Eetgroep",
            "intro": "Samen eten.",
            "initiatiefnemer": "Buren",
            "status": "loopt",
            "heel_de_stad": "on",
            "themas": [str(site["thema"].pk)],
            "behoefte_1_soort": "plek",
            "naam": "Piet",
            "email": "piet@example.org",
        },
    )
    assert response.status_code == 200
    assert "Vertel er kort iets over." in response.content.decode()
    assert not InitiatiefPage.objects.exists()


# --- Photos ---


def test_photo_is_stored_without_exif_or_gps(client, site):
    upload = SimpleUploadedFile("tuin.jpg", jpeg_with_gps(), content_type="image/jpeg")
    propose(client, site, foto=upload, foto_beschrijving="Buren aan tafel")
    page = ActiviteitPage.objects.get()
    image = page.afbeelding
    assert image is not None and image.collection.name == "Bewonersbijdragen"
    assert image.title == "Buren aan tafel"
    with image.file.open("rb") as f:
        data = f.read()
    stored = PILImage.open(io.BytesIO(data))
    assert stored.format == "JPEG"
    assert len(stored.getexif()) == 0
    assert b"Telefoonmerk" not in data and b"Exif" not in data


def test_a_renamed_file_that_is_not_an_image_is_refused(client, site):
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not really a photo", content_type="image/jpeg")
    response = propose(client, site, foto=fake)
    assert response.status_code == 200
    assert "Dit bestand is geen foto die we kunnen gebruiken" in response.content.decode()
    assert not ActiviteitPage.objects.exists()


def test_a_gif_is_refused_even_though_it_is_an_image(client, site):
    out = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(out, format="GIF")
    response = propose(
        client, site, foto=SimpleUploadedFile("a.png", out.getvalue(), content_type="image/png")
    )
    assert "Kies een foto in JPG, PNG of WebP." in response.content.decode()
    assert not ActiviteitPage.objects.exists()


def test_a_photo_over_5_mb_is_refused(client, site):
    big = SimpleUploadedFile(
        "groot.jpg", jpeg_with_gps() + b"\0" * (5 * 1024 * 1024), content_type="image/jpeg"
    )
    response = propose(client, site, foto=big)
    assert "te groot" in response.content.decode()
    assert not ActiviteitPage.objects.exists()


def test_a_good_photo_is_kept_when_another_field_has_an_error(client, site):
    upload = SimpleUploadedFile("tuin.png", _png(), content_type="image/png")
    response = propose(client, site, titel="", foto=upload)
    html = response.content.decode()
    assert "Je foto is bewaard" in html
    kept = re.search(r'name="foto_bewaard" value="([^"]+)"', html).group(1)
    propose(client, site, foto_bewaard=kept)
    page = ActiviteitPage.objects.get()
    assert page.afbeelding is not None and page.afbeelding.file.name.endswith(".png")


def _png():
    out = io.BytesIO()
    PILImage.new("RGBA", (20, 20), (0, 128, 0, 255)).save(out, format="PNG")
    return out.getvalue()


# --- Spam and abuse ---


def nothing_stored():
    return not ActiviteitPage.objects.exists() and not Bijdrage.objects.exists() and not mail.outbox


def test_honeypot_is_dropped_silently(client, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client, site, website="http://spam.example")
    assert response.status_code == 302
    assert "Bedankt" in client.get(response.url).content.decode()
    assert nothing_stored()


def test_a_form_sent_back_within_seconds_is_dropped_silently(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client, site, gestart=started(seconds_ago=1))
    assert response.status_code == 302 and response.url.startswith("/meedoen/bedankt/")
    assert nothing_stored()


def test_a_forged_start_time_is_dropped_silently(client, site):
    response = propose(client, site, gestart="1700000000")
    assert response.status_code == 302
    assert nothing_stored()


def test_sixth_post_in_ten_minutes_gets_a_friendly_429(client, site):
    for _ in range(5):
        assert propose(client, site, titel="").status_code == 200
    response = propose(client, site)
    assert response.status_code == 429
    assert "Probeer het over 10 minuten nog eens" in response.content.decode()
    assert not ActiviteitPage.objects.exists()
    # Another address is not affected.
    assert propose(client, site, remote_addr="10.0.0.9").status_code == 302


# --- Moderation and the e-mails ---


def test_approval_publishes_and_tells_the_sender(proposed, redacteur, django_capture_on_commit_callbacks):
    page, _link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)
    page.refresh_from_db()
    assert page.live
    assert Occurrence.objects.filter(page=page).exists()
    assert Bijdrage.objects.get(page=page).status == "goedgekeurd"
    (message,) = [m for m in mail.outbox if m.to == ["ans.devries@example.org"]]
    assert "staat online" in message.subject
    assert page.url in message.body and "/meedoen/bewerken/" in message.body


def test_rejection_sends_the_editors_comment(proposed, redacteur, client, django_capture_on_commit_callbacks):
    page, link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        reject(page, redacteur, "Wil je de plek wat preciezer beschrijven?")
    page.refresh_from_db()
    assert not page.live
    bijdrage = Bijdrage.objects.get(page=page)
    assert bijdrage.status == "afgewezen"
    (message,) = [m for m in mail.outbox if m.to == ["ans.devries@example.org"]]
    assert "Wil je de plek wat preciezer beschrijven?" in message.body
    assert "Wil je de plek wat preciezer beschrijven?" in client.get(link).content.decode()


def test_cancelling_one_date_takes_effect_at_once_and_tells_the_editors(
    proposed, redacteur, client, django_capture_on_commit_callbacks
):
    page, link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)
    mail.outbox.clear()
    datum = next_weekday(1, after=timezone.localdate() + dt.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        response = cancel(client, link, datum)
    assert response.status_code == 302
    occurrence = Occurrence.objects.get(page=page, datum=datum)
    assert occurrence.status == "vervalt" and occurrence.toelichting == "Ziek"
    page.refresh_from_db()
    assert page.live_revision.as_object().uitzonderingen.get(datum=datum).soort == "vervalt"
    assert PageLogEntry.objects.filter(page=page, action="initiatieven.datum_vervalt").exists()
    (message,) = [m for m in mail.outbox if m.to == ["redactie@example.org"]]
    assert "Datum vervalt" in message.subject and page.title in message.subject
    agenda = client.get(page.get_parent().url, {"van": datum.isoformat(), "tot": datum.isoformat()})
    assert "<strong>Vervalt</strong>: Ziek" in agenda.content.decode()


def test_proposed_changes_wait_for_moderation_and_keep_a_cancelled_date(
    proposed, redacteur, client, django_capture_on_commit_callbacks
):
    page, link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)
    wijzig_url = link + "wijzigen/"
    form_html = client.get(wijzig_url).content.decode()
    assert "Koffie-ochtend Tulpstraat" in form_html
    data = activity_data({"wijk": page.wijken.first(), "thema": page.themas.first()})
    for key in ("naam", "email", "telefoon", "soort"):
        data.pop(key)
    data.update(
        titel="Koffie-ochtend Tulpstraat en Rozenstraat",
        herhaling="wekelijks",
        weekdag="TU",
        datum=page.start_datum.isoformat(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(wijzig_url, data)
    assert response.status_code == 302 and "klaar=gewijzigd" in response.url
    page.refresh_from_db()
    assert page.title == "Koffie-ochtend Tulpstraat"  # the live page is unchanged until approval
    assert page.has_unpublished_changes
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Bijdrage.objects.get(page=page).status == "wacht"

    datum = next_weekday(1, after=timezone.localdate() + dt.timedelta(days=7))
    cancel(client, link, datum)
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)
    page.refresh_from_db()
    assert page.title == "Koffie-ochtend Tulpstraat en Rozenstraat"
    assert Occurrence.objects.get(page=page, datum=datum).status == "vervalt"
    assert Uitzondering.objects.filter(page=page, datum=datum).count() == 1


def test_stopping_the_series_removes_dates_from_then_on(
    proposed, redacteur, client, django_capture_on_commit_callbacks
):
    page, link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)
    vanaf = timezone.localdate() + dt.timedelta(days=14)
    response = client.post(link, {"actie": "stoppen", "stop-vanaf": vanaf.isoformat(), "stop-zeker": "on"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.eind_datum == vanaf - dt.timedelta(days=1)
    assert Occurrence.objects.filter(page=page).exists()
    assert not Occurrence.objects.filter(page=page, datum__gte=vanaf).exists()
    assert PageLogEntry.objects.filter(page=page, action="initiatieven.reeks_gestopt").exists()


def test_stopping_needs_the_confirmation_box(proposed, redacteur, client):
    page, link = proposed
    response = client.post(link, {"actie": "stoppen", "stop-vanaf": timezone.localdate().isoformat()})
    assert response.status_code == 200
    assert "Vink aan dat je zeker bent." in response.content.decode()
    page.refresh_from_db()
    assert page.eind_datum is None


# --- Tokens ---


def test_expired_link_is_refused_and_changes_nothing(proposed, client):
    page, _link = proposed
    bijdrage = Bijdrage.objects.get(page=page)
    long_ago = time.time() - 366 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = make_token(bijdrage)
    url = reverse("initiatieven:bewerken", args=[page.pk, token])
    response = client.get(url)
    assert response.status_code == 403
    assert "Deze link is verlopen" in response.content.decode()
    datum = next_weekday(1)
    assert cancel(client, url, datum).status_code == 403
    assert not Uitzondering.objects.filter(page=page).exists()
    assert client.post(url + "wijzigen/", {"titel": "Gekaapt"}).status_code == 403
    assert page.get_latest_revision_as_object().title == "Koffie-ochtend Tulpstraat"


def test_tampered_link_is_refused_and_changes_nothing(proposed, client):
    page, link = proposed
    token = link.rstrip("/").rsplit("/", 1)[1]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    url = reverse("initiatieven:bewerken", args=[page.pk, tampered])
    response = client.get(url)
    assert response.status_code == 403 and "Deze link werkt niet" in response.content.decode()
    assert cancel(client, url, next_weekday(1)).status_code == 403
    assert not Uitzondering.objects.filter(page=page).exists()


def test_a_link_for_one_page_does_not_open_another(proposed, client, site):
    _page, link = proposed
    propose(client, site, titel="Andere activiteit", remote_addr="10.0.0.2")
    other = ActiviteitPage.objects.get(title="Andere activiteit")
    token = link.rstrip("/").rsplit("/", 1)[1]
    url = reverse("initiatieven:bewerken", args=[other.pk, token])
    assert client.get(url).status_code == 403
    assert cancel(client, url, next_weekday(1)).status_code == 403
    assert not Uitzondering.objects.exists()


def test_a_new_link_can_be_requested_by_email(proposed, client):
    _page, _link = proposed
    response = client.post(
        "/meedoen/nieuwe-link/", {"gestart": started(), "email": "ANS.devries@example.org"}
    )
    assert "Als dit e-mailadres bij ons bekend is" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["ans.devries@example.org"]
    assert client.get(edit_link(message)).status_code == 200


def test_asking_a_link_for_an_unknown_address_looks_the_same_and_sends_nothing(proposed, client):
    response = client.post("/meedoen/nieuwe-link/", {"gestart": started(), "email": "onbekend@example.org"})
    assert "Als dit e-mailadres bij ons bekend is" in response.content.decode()
    assert not mail.outbox


# --- Contact form on an initiative ---


def test_contact_form_relays_the_message_and_keeps_the_address_private(client, initiatief):
    html = client.get(initiatief.url).content.decode()
    assert "Stuur Mies een bericht" in html
    assert "mies.prive@example.org" not in html and "Mies Bakker" not in html
    response = client.post(
        initiatief.url + "bericht/",
        {
            "gestart": started(),
            "naam": "Karel",
            "email": "karel@example.org",
            "bericht": "Ik kom graag helpen!",
        },
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["mies.prive@example.org"] and message.reply_to == ["karel@example.org"]
    assert "Ik kom graag helpen!" in message.body
    assert "Je bericht is verstuurd" in client.get(response.url).content.decode()


def test_contact_form_of_a_slug_ending_in_bericht_posts_to_its_bericht_route(client, site):
    page = InitiatiefPage(
        title="Buurtbericht",
        slug="buurtbericht",
        intro="Een krantje.",
        initiatiefnemer="An",
        heel_de_stad=True,
    )
    site["index"].add_child(instance=page)
    page.save_revision().publish()
    Bijdrage.objects.create(
        page=page, soort="initiatief", naam="An", email="an@example.org", status="goedgekeurd"
    )
    html = client.get(page.url).content.decode()
    assert f'action="{page.url}bericht/#bericht"' in html
    errors = client.post(
        page.url + "bericht/", {"gestart": started(), "naam": "", "email": "x", "bericht": ""}
    )
    assert f'action="{page.url}bericht/#bericht"' in errors.content.decode()


def test_an_arabic_visitor_of_an_untranslated_initiative_gets_errors_and_thanks_in_arabic(client, initiatief):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="ar")
    path = "/ar" + initiatief.url
    html = client.get(path).content.decode()
    assert f'action="{path}bericht/#bericht"' in html
    errors = client.post(
        path + "bericht/", {"gestart": started(), "naam": "Karel", "email": "x", "bericht": ""}
    )
    assert errors.status_code == 200 and '<html lang="ar" dir="rtl"' in errors.content.decode()
    sent = client.post(
        path + "bericht/",
        {"gestart": started(), "naam": "Karel", "email": "karel@example.org", "bericht": "مرحبا"},
    )
    assert sent.status_code == 302 and sent.url == path + "?bericht=verstuurd#bericht"
    assert len(mail.outbox) == 1


def test_contact_form_errors_keep_the_message(client, initiatief):
    response = client.post(
        initiatief.url + "bericht/",
        {"gestart": started(), "naam": "Karel", "email": "karel-at-example", "bericht": "Mijn lange bericht"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit e-mailadres klopt niet" in html and "Mijn lange bericht" in html
    assert not mail.outbox


# --- Editors ---


def test_editors_see_pending_contributions_with_their_age(client, proposed, redacteur):
    page, _link = proposed
    Bijdrage.objects.filter(page=page).update(ingediend_op=timezone.now() - dt.timedelta(days=4))
    client.force_login(redacteur)
    html = client.get("/admin/bijdragen/").content.decode()
    assert "Koffie-ochtend Tulpstraat" in html
    assert "Wacht op controle" in html
    assert "4\u00a0dagen" in html


def test_the_senders_contact_never_appears_on_the_public_site_or_in_feeds(
    proposed, redacteur, client, django_capture_on_commit_callbacks
):
    page, _link = proposed
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, redacteur)
    page.refresh_from_db()
    urls = [
        page.url,
        page.get_parent().url,
        "/zoeken/?q=Koffie",
        "/sitemap.xml",
        reverse("activiteiten:ical-item", args=[page.pk]),
        reverse("activiteiten:ical-agenda"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert "Koffie-ochtend" in text or url == "/sitemap.xml", url
        for private in ("ans.devries@example.org", "Ans de Vries", "06 12345678", "12345678"):
            assert private not in text, (url, private)


def test_photos_that_were_never_sent_on_are_removed_after_a_day(client, site):
    import os

    from django.core.files.storage import default_storage

    from initiatieven.meedoen import uploads

    old = uploads.keep_pending(_png(), "png")
    old_name = signing.loads(old, salt=uploads.SALT)
    path = default_storage.path(old_name)
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(path, (two_days_ago, two_days_ago))
    fresh = signing.loads(uploads.keep_pending(_png(), "png"), salt=uploads.SALT)
    assert not default_storage.exists(old_name)
    assert default_storage.exists(fresh)


def test_a_number_too_large_for_the_database_is_a_dutch_400_on_sqlite_and_a_field_error_on_postgresql(
    client, site, db_vendor
):
    """SQLite cannot take the number into its query (OverflowError): portal.middleware.BadInputMiddleware
    answers with the Dutch 400 page. PostgreSQL finds no such wijk: the form comes back with a message at
    the field and keeps what was typed."""
    response = propose(client, site, wijken=["99999999999999999999999"])
    html = response.content.decode()
    if db_vendor == "sqlite":
        assert response.status_code == 400
        assert "<title>Dit kunnen we niet verwerken | Huis van de Wijk</title>" in html
        assert "In wat er is verstuurd, staat iets wat niet klopt." in html
    else:
        assert response.status_code == 200
        assert "Er is nog 1 ding niet goed" in html and "Kies uit de lijst." in html
        assert 'value="Koffie-ochtend Tulpstraat"' in html
    assert not ActiviteitPage.objects.exists() and not Bijdrage.objects.exists()
