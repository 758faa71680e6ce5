"""The sociaal makelaar's intake: "Ik heb een idee" (/meedoen/idee/) and "Ik wil helpen" (/meedoen/talent/).

No account, no JavaScript needed. The resident's contact stays private; the confirmation page says which
wijk's makelaar gets in touch and when. Bots are dropped silently; the sixth POST from one address is a 429.
"""

import re
import time
from unittest import mock

import pytest

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from taggit.models import Tag

from home.models import HomePage
from initiatieven.makelaar.intake import ONTVANGEN_SALT
from initiatieven.models import Idee, Talent
from portal.blocks import EntryPointBlock

from .. import helpers
from ..factories import ThemaFactory
from ..helpers import IDEE_URL, TALENT_URL, idee_data, post, started, talent_data

pytestmark = pytest.mark.django_db

wijken = helpers.wijken  # a fixture shared with other modules


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.PORTAL_FORM_MIN_SECONDS = 3
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def thema(db):
    return ThemaFactory(naam="Ontmoeting", slug="ontmoeting")


def nothing_stored():
    return not Idee.objects.exists() and not Talent.objects.exists()


# --- The forms ---


def test_idee_form_asks_the_abcd_questions_and_names_the_retention_period(client, wijken, settings):
    settings.PORTAL_BEWAARTERMIJN_MAANDEN = 6
    html = client.get(IDEE_URL).content.decode()
    for question in (
        "Wat is je idee?",
        "Voor wie is het?",
        "Wat is er nodig?",
        "Waar ben je zelf goed in?",
        "Wie doen er nog meer mee?",
        "In welke wijk?",
    ):
        assert question in html
    assert "We bewaren je gegevens tot 6 maanden nadat we klaar zijn." in html
    assert 'href="/privacy/"' in html
    assert 'name="website"' in html  # the honeypot
    assert "<script" not in html.split("<main", 1)[1]  # works without JavaScript


def test_talent_form_offers_the_common_skills_as_checkboxes(client, wijken):
    html = client.get(TALENT_URL).content.decode()
    for value in ("koken", "tuinieren", "klussen", "fietsen repareren", "nederlands oefenen", "gezelschap"):
        assert f'type="checkbox" name="vaardigheden" value="{value}"' in html
    assert 'name="iets_anders"' in html
    assert "We bewaren je gegevens tot 12 maanden nadat we klaar zijn." in html


def test_idee_is_stored_with_consent_time_and_the_makelaars_are_told_after_commit(
    client, wijken, thema, django_capture_on_commit_callbacks
):
    before = timezone.now()
    with (
        mock.patch("initiatieven.makelaar.emails.notify_makelaars_new_item") as notify,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = post(client, IDEE_URL, idee_data(wijken, thema=str(thema.pk), telefoon="023 555 1234"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("initiatieven:ontvangen"))
    idee = Idee.objects.get()
    assert idee.wijk == wijken["schalkwijk"]
    assert idee.thema == thema
    assert idee.idee == "Elke woensdag koffie in de hal van de flat."
    assert (idee.voor_wie, idee.nodig, idee.goed_in, idee.wie_nog) == (
        "Ouderen in de flat",
        "Een tafel en een koffiezetapparaat.",
        "Bakken en mensen bij elkaar brengen.",
        "Mijn buurvrouw.",
    )
    assert (idee.naam, idee.email, idee.telefoon) == (
        "Fatma Yilmaz",
        "fatma.yilmaz@example.org",
        "023 555 1234",
    )
    assert idee.status == "nieuw"
    assert idee.toestemming_op >= before
    assert len(callbacks) == 1
    notify.assert_called_once_with("idee", idee.pk)


def test_thema_may_stay_empty_for_the_makelaar_to_choose(client, wijken):
    assert post(client, IDEE_URL, idee_data(wijken, thema="")).status_code == 302
    assert Idee.objects.get().thema is None


def test_talent_is_stored_with_skills_as_lower_case_deduplicated_tags(
    client, wijken, django_capture_on_commit_callbacks
):
    existing = Tag.objects.create(name="koken", slug="koken")  # as an initiative's skill
    data = talent_data(
        wijken,
        iets_anders="Naaien, koken ,NAAIEN;  fietsen   Repareren, !!!",
        wijken=[str(wijken["schalkwijk"].pk), str(wijken["oost"].pk)],
    )
    with (
        mock.patch("initiatieven.makelaar.emails.notify_makelaars_new_item") as notify,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post(client, TALENT_URL, data)
    assert response.status_code == 302
    talent = Talent.objects.get()
    assert sorted(t.name for t in talent.vaardigheden.all()) == [
        "fietsen repareren",
        "koken",
        "naaien",
        "tuinieren",
    ]
    assert talent.vaardigheden.get(name="koken") == existing  # shared with the initiatives' skills
    assert set(talent.wijken.all()) == {wijken["schalkwijk"], wijken["oost"]}
    assert talent.tijd == "wekelijks"
    assert talent.dagdelen == ["ochtend", "avond"]  # in the order of the day
    assert talent.toelichting == "Ik kook graag voor een grote groep."
    assert (talent.naam, talent.email, talent.telefoon) == ("Kees Schaap", "", "06 12345678")
    assert talent.toestemming_op is not None
    notify.assert_called_once_with("talent", talent.pk)


def test_talent_needs_a_skill_or_a_few_words(client, wijken):
    response = post(client, TALENT_URL, talent_data(wijken, vaardigheden=[], toelichting=""))
    assert response.status_code == 200
    assert "Kies iets wat je kunt" in response.content.decode()
    assert nothing_stored()
    response = post(client, TALENT_URL, talent_data(wijken, vaardigheden=[], toelichting="Ik heb tijd."))
    assert response.status_code == 302
    assert not Talent.objects.get().vaardigheden.exists()


@pytest.mark.parametrize(
    ("url", "make_data"), [(IDEE_URL, idee_data), (TALENT_URL, talent_data)], ids=["idee", "talent"]
)
def test_consent_is_required(client, wijken, url, make_data):
    data = make_data(wijken)
    del data["toestemming"]
    response = post(client, url, data)
    assert response.status_code == 200
    assert (
        "Vink dit aan. Zonder jouw toestemming mogen we je gegevens niet gebruiken."
        in response.content.decode()
    )
    assert nothing_stored()


@pytest.mark.parametrize(
    ("url", "make_data"), [(IDEE_URL, idee_data), (TALENT_URL, talent_data)], ids=["idee", "talent"]
)
def test_an_email_address_or_a_phone_number_is_required(client, wijken, url, make_data):
    response = post(client, url, make_data(wijken, email="", telefoon=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Vul je e-mailadres of je telefoonnummer in. Anders kan de sociaal makelaar je niet bereiken." in html
    )
    assert html.count("Anders kan de sociaal makelaar je niet bereiken.") == 2  # summary and field
    assert nothing_stored()


@pytest.mark.parametrize(
    ("email", "telefoon"), [("a@example.org", ""), ("", "06 12345678"), ("a@example.org", "06 12345678")]
)
def test_either_contact_is_enough(client, wijken, email, telefoon):
    assert post(client, IDEE_URL, idee_data(wijken, email=email, telefoon=telefoon)).status_code == 302
    assert Idee.objects.filter(email=email, telefoon=telefoon).exists()


def test_errors_keep_what_was_typed(client, wijken):
    response = post(
        client,
        TALENT_URL,
        talent_data(wijken, naam="", iets_anders="naaien", toelichting="Ik heb een auto & tijd."),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is nog 1 ding niet goed" in html
    assert 'value="naaien"' in html
    assert "Ik heb een auto &amp; tijd." in html
    assert 'value="koken" id="id_vaardigheden_0" checked' in html
    assert 'value="06 12345678"' in html
    assert 'id="id_toestemming" checked' in html

    response = post(client, IDEE_URL, idee_data(wijken, email="geen-adres"))
    html = response.content.decode()
    assert "Dit e-mailadres klopt niet." in html
    assert "Elke woensdag koffie in de hal van de flat." in html
    chosen = re.search(r'<input type="radio" name="wijk" value="(\d+)"[^>]* checked>', html)
    assert chosen and chosen.group(1) == str(wijken["schalkwijk"].pk)
    assert nothing_stored()


# --- Bots and floods ---


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"gestart": "rommel"}, {"gestart": None}, {"fast": True}],
    ids=["honeypot", "forged-time", "no-time", "too-fast"],
)
@pytest.mark.parametrize(
    ("url", "make_data"), [(IDEE_URL, idee_data), (TALENT_URL, talent_data)], ids=["idee", "talent"]
)
def test_bots_see_the_confirmation_and_nothing_is_stored(
    client, wijken, url, make_data, overrides, django_capture_on_commit_callbacks
):
    data, overrides = make_data(wijken), dict(overrides)
    if overrides.pop("fast", False):
        data["gestart"] = started(seconds_ago=1)
    for key, value in overrides.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    with django_capture_on_commit_callbacks() as callbacks:
        response = post(client, url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("initiatieven:ontvangen"))
    assert nothing_stored()
    assert callbacks == []


def test_the_sixth_post_to_one_form_from_one_address_gets_429(client, wijken):
    for _ in range(5):
        assert post(client, IDEE_URL, idee_data(wijken, naam="")).status_code == 200
    # Each form counts on its own (issue 4: "a per-IP rate limit on each form").
    assert post(client, TALENT_URL, talent_data(wijken, naam="")).status_code == 200
    response = post(client, IDEE_URL, idee_data(wijken))
    assert response.status_code == 429
    assert "Probeer het over 10 minuten nog eens" in response.content.decode()
    assert nothing_stored()
    # Another address is not affected.
    assert post(client, IDEE_URL, idee_data(wijken), remote_addr="10.0.0.2").status_code == 302


# --- Junk input ---


@pytest.mark.parametrize(
    ("url", "make_data", "overrides", "message"),
    [
        (IDEE_URL, idee_data, {"wijk": "999999"}, "Kies een wijk uit de lijst."),
        (IDEE_URL, idee_data, {"wijk": "abc"}, "Kies een wijk uit de lijst."),
        (IDEE_URL, idee_data, {"wijk": ""}, "Kies je wijk."),
        (IDEE_URL, idee_data, {"thema": "999999"}, "Kies een onderwerp uit de lijst."),
        (IDEE_URL, idee_data, {"idee": "x" * 10_000}, "Dit is te lang. Gebruik hoogstens 3000 tekens"),
        (IDEE_URL, idee_data, {"naam": "n" * 500}, "Dit is te lang."),
        (IDEE_URL, idee_data, {"email": "a" * 300 + "@example.org"}, "Dit is te lang."),
        (IDEE_URL, idee_data, {"idee": "nul\x00byte"}, "onzichtbaar teken"),
        (IDEE_URL, idee_data, {"telefoon": "bel me maar"}, "Vul alleen cijfers in"),
        (TALENT_URL, talent_data, {"wijken": ["999999"]}, "Kies een wijk uit de lijst."),
        (TALENT_URL, talent_data, {"wijken": ["abc"]}, "Kies een wijk uit de lijst."),
        (TALENT_URL, talent_data, {"wijken": []}, "Kies minstens één wijk."),
        (TALENT_URL, talent_data, {"vaardigheden": ["hacken"]}, "Kies uit de lijst."),
        (TALENT_URL, talent_data, {"tijd": "altijd"}, "Kies uit de lijst."),
        (TALENT_URL, talent_data, {"tijd": ""}, "Kies hoe vaak je kunt."),
        (TALENT_URL, talent_data, {"dagdelen": ["nacht"]}, "Kies uit de lijst."),
        (TALENT_URL, talent_data, {"iets_anders": "a, " * 200}, "Dit is te lang."),
        (TALENT_URL, talent_data, {"toelichting": "y" * 5000}, "Dit is te lang."),
    ],
)
def test_junk_input_gets_a_dutch_message_not_a_500(client, wijken, url, make_data, overrides, message):
    response = post(client, url, make_data(wijken, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_stored()


def test_a_get_with_junk_or_another_method_is_harmless(client, wijken):
    assert client.get(IDEE_URL, {"wijk": "x" * 5000}).status_code == 200
    assert client.put(TALENT_URL).status_code == 405
    assert client.post(reverse("initiatieven:ontvangen")).status_code == 405


# --- The confirmation page ---


def test_confirmation_names_the_wijk_whose_makelaar_gets_in_touch(client, wijken):
    response = post(client, IDEE_URL, idee_data(wijken))
    assert "fatma" not in response["Location"].lower()  # the payload is signed, not secret: no contact in it
    html = client.get(response["Location"]).content.decode()
    assert "Bedankt! We hebben je idee ontvangen." in html
    assert "De sociaal makelaar van Schalkwijk neemt binnen 5 werkdagen contact met je op." in html
    assert "We sturen je een e-mail." in html
    assert "We bewaren je gegevens tot 12 maanden nadat we klaar zijn." in html


def test_confirmation_for_a_talent_names_every_wijk(client, wijken, settings):
    settings.PORTAL_MAKELAAR_WERKDAGEN = 3
    data = talent_data(wijken, wijken=[str(wijken["schalkwijk"].pk), str(wijken["oost"].pk)])
    response = post(client, TALENT_URL, data)
    html = client.get(response["Location"]).content.decode()
    assert "Bedankt! We hebben je aanbod ontvangen." in html
    assert "Een sociaal makelaar van Oost of Schalkwijk neemt binnen 3 werkdagen contact met je op." in html
    assert "We bellen je." in html


@pytest.mark.parametrize("payload", ["", "rommel", "expired", "other-salt"])
def test_confirmation_without_a_valid_payload_still_says_what_happens(client, wijken, payload):
    if payload == "expired":
        with mock.patch("django.core.signing.time.time", return_value=time.time() - 7200):
            payload = signing.dumps({"s": "idee", "w": ["Oost"], "c": "e"}, salt=ONTVANGEN_SALT)
    elif payload == "other-salt":
        payload = signing.dumps({"s": "idee", "w": ["<b>Oost</b>"], "c": "e"}, salt="iets anders")
    response = client.get(reverse("initiatieven:ontvangen"), {"b": payload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "De sociaal makelaar van je wijk neemt binnen 5 werkdagen contact met je op." in html
    assert "<b>Oost</b>" not in html


# --- The way in: home page tiles ---


def test_home_tile_can_lead_to_a_form_and_other_tiles_still_lead_to_their_page(client, home):
    home = HomePage.objects.get(pk=home.pk)
    home.entry_points = [
        (
            "entry",
            {
                "title": "Ik heb een idee",
                "text": "Begin iets",
                "page": home,
                "icon": "idee",
                "link": IDEE_URL,
            },
        ),
        ("entry", {"title": "Alles", "text": "Naar de start", "page": home, "icon": "agenda", "link": ""}),
    ]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert f'<a class="entry" href="{IDEE_URL}">' in html
    assert f'<a class="entry" href="{home.url}">' in html


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("/meedoen/idee/", True),
        ("https://www.haarlem.nl/wijkteams", True),
        ("//evil.example/x", False),
        ("javascript:alert(1)", False),
        ("meedoen/idee", False),
        ("/met spatie/", False),
    ],
)
def test_entry_point_link_is_a_path_on_this_site_or_a_web_address(value, ok):
    block = EntryPointBlock().child_blocks["link"]
    if ok:
        assert block.clean(value) == value
    else:
        with pytest.raises(ValidationError):
            block.clean(value)


# --- Demo content ---


def test_contact_details_in_the_free_skills_field_are_refused(client, wijken):
    response = post(client, TALENT_URL, talent_data(wijken, iets_anders="bel mevrouw jansen 06-12345678"))
    assert response.status_code == 200
    assert "Je telefoonnummer of e-mailadres vul je onderaan in." in response.content.decode()
    from taggit.models import Tag

    assert not Tag.objects.filter(name__contains="12345678").exists()


def test_a_skill_whose_characters_grow_when_normalised_is_stored_as_a_tag_that_fits(client, wijken):
    """'¼' becomes '1⁄4' in the tag's slug (NFKC): 60 of them once gave a slug of 120 characters, which
    PostgreSQL refused with a 500 (found by the fuzz test)."""
    response = post(client, TALENT_URL, talent_data(wijken, vaardigheden=[], iets_anders="¼" * 300))
    assert response.status_code == 302
    (tag,) = Talent.objects.get().vaardigheden.all()
    assert len(tag.name) <= 60 and len(tag.slug) <= 60
    assert tag.name.startswith("1⁄4")
    assert Tag.objects.filter(pk=tag.pk).exists()
