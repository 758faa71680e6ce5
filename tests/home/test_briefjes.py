"""Referral slips, posters, their QR codes, share links and the anonymous referral counts."""

import datetime as dt
import io
import shutil
import subprocess
import threading
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from defusedxml import ElementTree as ET
from PIL import Image

from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import capfirst

from wagtail.models import Locale, PageViewRestriction

from activiteiten.models import Uitzondering
from activiteiten.occurrences import rebuild_occurrences
from home.verwijzen.briefjes import counts_for, record
from home.verwijzen.models import VerwijzingTelling
from initiatieven.models import Bijdrage, GekoppeldeActiviteit
from portal.models import PortalSettings

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    SpreekuurPageFactory,
    WijkFactory,
)

TODAY = timezone.localdate()
PRIVATE_EMAIL = "fatma.prive@example.org"
PRIVATE_NAME = "Fatma Privénaam"


# --- Fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def dutch():
    """A request under /tr/ leaves Turkish active in the test's thread; reverse() here is Dutch."""
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


@pytest.fixture
def tulp(home):
    return LocatiePageFactory(
        parent=LocatiesIndexPageFactory(parent=home),
        title="Buurthuis De Tulp",
        adres="Tulpenstraat 14",
        postcode="2033 KN",
        plaats="Haarlem",
        rolstoeltoegankelijk=True,
        invalidentoilet=True,
        ringleiding=False,
        lift=False,
        gastheer="Henk",
        telefoon="023 555 09 09",
    )


@pytest.fixture
def koffie(agenda, tulp):
    """A daily coffee morning at De Tulp, €3.50, sign-up by phone; tomorrow's date is cancelled."""
    page = ActiviteitPageFactory(
        parent=agenda,
        title="Koffie-ochtend",
        slug="koffie-ochtend",
        intro="Elke ochtend koffie en een praatje. Iedereen is welkom.",
        start_datum=TODAY + dt.timedelta(days=1),
        recurrence="RRULE:FREQ=DAILY",
        slots=[(dt.time(10), dt.time(12))],
        locatie=tulp,
        adres_vrij="",
        kosten="bedrag",
        bedrag="3.50",
        aanmelden="aanmelden",
        aanmelden_hoe="Bel Ineke: 023 555 01 10",
        contact_naam="Ineke",
        contact_telefoon="023 555 01 10",
        contact_email="koffie@example.nl",
    )
    Uitzondering.objects.create(
        page=page, datum=TODAY + dt.timedelta(days=2), soort="vervalt", toelichting="Zaal bezet"
    )
    rebuild_occurrences(page)
    return page


@pytest.fixture
def moestuin(home, koffie):
    """An initiative with a private sender (Bijdrage) and one linked activity."""
    page = InitiatiefPageFactory(
        parent=InitiatievenIndexPageFactory(parent=home),
        title="Buurtmoestuin",
        slug="buurtmoestuin",
        intro="Samen groente kweken.",
        initiatiefnemer="Bewoners van de Tulpstraat",
        heel_de_stad=True,
    )
    page.activiteiten = [GekoppeldeActiviteit(page=koffie)]
    page.save()
    Bijdrage.objects.create(
        page=page, soort="initiatief", naam=PRIVATE_NAME, email=PRIVATE_EMAIL, status="goedgekeurd"
    )
    return page


def briefje_url(page):
    return reverse("verwijzen:briefje", args=[page.pk])


def tel_url(page):
    return reverse("verwijzen:tel", args=[page.pk])


def counts():
    return list(VerwijzingTelling.objects.values_list("page_id", "maand", "soort", "aantal"))


def translate_to(page, language_code, **fields):
    """A published translation of ``page`` and its parents, as wagtail-localize's editors make it."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    ancestors = [p.specific for p in page.get_ancestors().filter(depth__gt=1)]
    ancestors[0].copy_for_translation(locale, copy_parents=True)
    for ancestor in ancestors[1:]:
        if not ancestor.has_translation(locale):
            ancestor.copy_for_translation(locale)
    translation_page = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation_page, name, value)
    translation_page.save_revision().publish()
    for ancestor in ancestors:
        ancestor.get_translation(locale).save_revision().publish()
    translation_page.refresh_from_db()
    return translation_page


# --- Decoding a QR code from the SVG the view returned ----------------------------------------------


def svg_modules(svg_text):
    """The dark modules (x, y) drawn by segno's path ("M4 4.5h7m2 0h2 ..."), and the grid size."""
    root = ET.fromstring(svg_text)
    paths = [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "path"]
    background = next(p for p in paths if p.get("fill"))
    size = int(background.get("d").split("h")[1].split("v")[0])
    line = next(p for p in paths if p.get("stroke"))
    tokens = line.get("d").replace("M", " M ").replace("m", " m ").replace("h", " h ").split()
    dark, x, y, i = set(), 0.0, 0.0, 0
    while i < len(tokens):
        command = tokens[i]
        if command in ("M", "m"):
            dx, dy = float(tokens[i + 1]), float(tokens[i + 2])
            x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
            i += 3
        elif command == "h":
            length = int(float(tokens[i + 1]))
            dark.update((int(x) + k, int(y)) for k in range(length))
            x += length
            i += 2
        else:  # pragma: no cover - segno draws nothing else
            raise AssertionError(f"unexpected path command {command}")
    return size, dark


def decode_qr_svg(svg_text, tmp_path):
    """Draw the SVG's modules to a PNG and read it with Debian's zbarimg (package zbar-tools)."""
    zbarimg = shutil.which("zbarimg")
    if not zbarimg:
        pytest.fail("zbarimg is missing: install Debian's zbar-tools (make system-deps).")
    size, dark = svg_modules(svg_text)
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    for x, y in dark:
        image.paste(0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale))
    path = tmp_path / "qr.png"
    image.save(path)
    result = subprocess.run([zbarimg, "--raw", "-q", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def inline_svg(html):
    start = html.index('<svg role="img"')
    return html[start : html.index("</svg>", start) + len("</svg>")]


# --- What the slip shows ----------------------------------------------------------------------------


def test_slip_shows_title_intro_and_the_next_three_dates_with_the_cancelled_one_marked(client, koffie):
    response = client.get(briefje_url(koffie))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Koffie-ochtend" in html and "Elke ochtend koffie en een praatje." in html
    dates = response.context["dates"]
    assert [timezone.localtime(d["start"]).date() for d in dates] == [
        TODAY + dt.timedelta(days=n) for n in (1, 2, 3)
    ]
    assert [d["vervalt"] for d in dates] == [False, True, False]
    assert html.count('<li class="slip-date') == 3
    assert "slip-date--vervalt" in html and "Gaat niet door" in html and "Zaal bezet" in html
    fourth = TODAY + dt.timedelta(days=4)
    assert capfirst(formats.date_format(fourth, "l j E")) not in html
    assert capfirst(formats.date_format(TODAY + dt.timedelta(days=3), "l j E")) in html


def test_slip_shows_address_accessibility_cost_sign_up_and_contact(client, koffie):
    html = client.get(briefje_url(koffie)).content.decode()
    assert "Buurthuis De Tulp" in html and "Tulpenstraat 14" in html and "2033 KN Haarlem" in html
    assert "Toegankelijk met rolstoel" in html and "Aangepast toilet" in html
    assert "Geen ringleiding" in html and "Geen lift" in html
    assert "€ 3,50" in html
    assert "Aanmelden nodig" in html and "Bel Ineke: 023 555 01 10" in html
    assert "Ineke" in html and "023 555 01 10" in html and "koffie@example.nl" in html


def test_a_date_at_another_place_names_that_place(client, tulp, koffie):
    badhuis = LocatiePageFactory(parent=tulp.get_parent(), title="Het Badhuis")
    Uitzondering.objects.create(
        page=koffie, datum=TODAY + dt.timedelta(days=3), soort="gewijzigd", nieuwe_locatie=badhuis
    )
    rebuild_occurrences(koffie)
    response = client.get(briefje_url(koffie))
    assert [d["plek"] for d in response.context["dates"]] == ["", "", "Het Badhuis"]
    assert "Gewijzigd" in response.content.decode()


def test_slip_falls_back_to_the_organiser_then_the_host_for_a_contact(client, home, agenda, tulp):
    organisator = OrganisatiePageFactory(
        parent=OrganisatiesIndexPageFactory(parent=home), title="Welzijn Haarlem", telefoon="023 555 02 50"
    )
    via_organiser = ActiviteitPageFactory(parent=agenda, organisator=organisator, locatie=tulp)
    via_host = ActiviteitPageFactory(parent=agenda, locatie=tulp)
    assert "023 555 02 50" in client.get(briefje_url(via_organiser)).content.decode()
    html = client.get(briefje_url(via_host)).content.decode()
    assert "Henk" in html and "023 555 09 09" in html


def test_walk_in_spreekuur_says_so_and_hides_the_sign_up_text(client, agenda):
    page = SpreekuurPageFactory(parent=agenda, aanmelden="inloop", aanmelden_hoe="Niet tonen aub")
    html = client.get(briefje_url(page)).content.decode()
    assert "Inloop: je kunt gewoon binnenlopen" in html
    assert "Niet tonen aub" not in html


def test_initiative_slip_shows_linked_dates_and_the_public_contact_route_never_the_private_email(
    client, moestuin, koffie
):
    response = client.get(briefje_url(moestuin))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Buurtmoestuin" in html and "Bewoners van de Tulpstraat" in html
    first = response.context["dates"][0]
    assert timezone.localtime(first["start"]).date() == TODAY + dt.timedelta(days=1)
    assert "Buurthuis De Tulp" in html
    assert "Stuur een bericht via de website" in html
    assert PRIVATE_EMAIL not in html and PRIVATE_NAME not in html
    for language in ("en", "tr", "ar", "pl"):
        assert PRIVATE_EMAIL not in client.get(briefje_url(moestuin), {"taal": language}).content.decode()
    poster = client.get(reverse("verwijzen:poster", args=[moestuin.pk])).content.decode()
    assert PRIVATE_EMAIL not in poster and PRIVATE_NAME not in poster


def test_initiative_without_a_contact_form_sends_people_to_the_portal_contact(client, home, moestuin):
    Bijdrage.objects.filter(page=moestuin).delete()
    PortalSettings.objects.update_or_create(
        site=home.get_site(),
        defaults={"contact_telefoon": "023 555 00 00", "contact_email": "wijk@example.nl"},
    )
    html = client.get(briefje_url(moestuin)).content.decode()
    assert "Stuur een bericht via de website" not in html
    assert "De sociaal makelaar brengt je in contact" in html
    assert "023 555 00 00" in html and "wijk@example.nl" in html


def test_organisation_slip_shows_its_address_contact_and_the_dates_of_what_it_organises(
    client, home, agenda, tulp
):
    welzijn = OrganisatiePageFactory(
        parent=OrganisatiesIndexPageFactory(parent=home),
        title="Welzijn Haarlem",
        intro="Wij helpen je op weg in de wijk.",
        soort="welzijn",
        adres="Zijlweg 2, Haarlem",
        telefoon="023 555 02 50",
        email="info@welzijn.example",
        website="https://welzijn.example/",
    )
    taalcafe = ActiviteitPageFactory(
        parent=agenda,
        title="Taalcafé",
        organisator=welzijn,
        locatie=tulp,
        start_datum=TODAY + dt.timedelta(days=3),
        recurrence="RRULE:FREQ=WEEKLY",
        slots=[(dt.time(14), dt.time(16))],
    )
    ander = ActiviteitPageFactory(
        parent=agenda,
        title="Iets van een ander",
        locatie=tulp,
        start_datum=TODAY + dt.timedelta(days=1),
        recurrence="RRULE:FREQ=DAILY",
        slots=[(dt.time(9), dt.time(10))],
    )
    rebuild_occurrences(taalcafe)
    rebuild_occurrences(ander)
    response = client.get(briefje_url(welzijn))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Welzijn Haarlem" in html and "Wij helpen je op weg in de wijk." in html
    assert "Welzijnsorganisatie" in html
    assert "Zijlweg 2, Haarlem" in html
    assert "023 555 02 50" in html and "info@welzijn.example" in html and "https://welzijn.example/" in html
    titles = [row["titel"] for row in response.context["dates"]]
    assert len(titles) == 3 and set(titles) == {"Taalcafé"}
    assert "Kosten" not in html  # an organisation has no single price or sign-up
    assert client.get(reverse("verwijzen:poster", args=[welzijn.pk])).status_code == 200
    assert client.post(tel_url(welzijn), {"soort": "afgedrukt"}).status_code == 303
    assert counts() == [(welzijn.pk, TODAY.replace(day=1), "afgedrukt", 1)]
    assert f'href="{briefje_url(welzijn)}"' in client.get(welzijn.url).content.decode()


def test_organisation_slip_without_an_address_names_where_it_works(client, home):
    schalkwijk = WijkFactory(naam="Schalkwijk")
    buurtgroep = OrganisatiePageFactory(
        parent=OrganisatiesIndexPageFactory(parent=home), title="Buurtgroep", wijken=[schalkwijk]
    )
    html = client.get(briefje_url(buurtgroep)).content.decode()
    assert "Schalkwijk" in html
    assert "Er staan nu geen datums in de agenda" in html


# --- Languages --------------------------------------------------------------------------------------


def test_turkish_slip_of_a_dutch_only_page_has_turkish_labels_and_dates_and_dutch_text(
    client, koffie, tmp_path
):
    response = client.get(briefje_url(koffie), {"taal": "tr"})
    html = response.content.decode()
    assert '<article class="slip slip--a5" lang="tr" dir="ltr"' in html
    for label in ("Sonraki tarihler", "Nerede", "Ücret", "Önceden kayıt gerekli", "İptal", "İrtibat kişiniz"):
        assert label in html
    assert "De volgende keren" not in html
    with translation.override("tr"):
        first = formats.date_format(timezone.localtime(response.context["dates"][0]["start"]), "l j E")
    assert capfirst(first) in html
    assert 'lang="nl" dir="ltr">Koffie-ochtend</h2>' in html
    assert "Deze pagina is nog niet vertaald." in html  # the screen's own help, in the interface language
    # The link and its QR code lead to the Turkish site: the Dutch page, with a notice in Turkish.
    assert response.context["url"] == "http://testserver/tr/agenda/koffie-ochtend/"
    assert decode_qr_svg(inline_svg(html), tmp_path) == "http://testserver/tr/agenda/koffie-ochtend/"
    page = client.get("/tr/agenda/koffie-ochtend/")
    assert page.status_code == 200 and 'lang="tr"' in page.content.decode()


def test_arabic_slip_is_right_to_left_with_arabic_labels(client, koffie):
    html = client.get(briefje_url(koffie), {"taal": "ar"}).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "المواعيد القادمة" in html and "المكان" in html


@pytest.mark.parametrize(
    ("taal", "label"),
    [("nl", "De volgende keren"), ("en", "Next dates"), ("pl", "Najbliższe terminy")],
)
def test_every_language_translates_the_slip_labels(client, koffie, taal, label):
    assert label in client.get(briefje_url(koffie), {"taal": taal}).content.decode()


def test_the_slip_defaults_to_the_language_of_the_request_and_ignores_an_unknown_taal(client, koffie):
    with translation.override("pl"):
        polish = briefje_url(koffie)
    assert polish.startswith("/pl/")
    assert '<article class="slip slip--a5" lang="pl"' in client.get(polish).content.decode()
    translation.activate("nl")
    html = client.get(briefje_url(koffie), {"taal": "xx"}).content.decode()
    assert '<article class="slip slip--a5" lang="nl"' in html


def test_a_translated_page_shows_its_own_title_and_its_qr_code_opens_the_translation(
    client, koffie, tmp_path
):
    translate_to(koffie, "tr", title="Kahve sabahı", intro="Her sabah kahve ve sohbet.")
    response = client.get(briefje_url(koffie), {"taal": "tr"})
    html = response.content.decode()
    assert "Kahve sabahı" in html and "Her sabah kahve ve sohbet." in html
    assert 'lang="tr" dir="ltr">Kahve sabahı' not in html  # its own language: no lang override needed
    assert response.context["url"] == "http://testserver/tr/agenda/koffie-ochtend/"
    assert decode_qr_svg(inline_svg(html), tmp_path) == "http://testserver/tr/agenda/koffie-ochtend/"
    # The translation shares its original's dates.
    assert len(response.context["dates"]) == 3
    # Dutch still gets the Dutch page.
    assert "Kahve sabahı" not in client.get(briefje_url(koffie), {"taal": "nl"}).content.decode()


def test_a_draft_translation_is_not_used(client, koffie):
    translation_page = translate_to(koffie, "tr", title="Kahve sabahı")
    translation_page.unpublish()
    response = client.get(briefje_url(koffie), {"taal": "tr"})
    assert "Kahve sabahı" not in response.content.decode()
    assert response.context["url"] == "http://testserver/tr/agenda/koffie-ochtend/"
    page = client.get("/tr/agenda/koffie-ochtend/")
    assert page.status_code == 200 and "Kahve sabahı" not in page.content.decode()


# --- The QR code ------------------------------------------------------------------------------------


def test_the_slip_qr_code_is_valid_svg_that_decodes_to_the_page_url(client, koffie, tmp_path):
    html = client.get(briefje_url(koffie)).content.decode()
    svg = inline_svg(html)
    root = ET.fromstring(svg)
    assert root.tag == "svg" and root.get("viewBox") and root.get("aria-label")
    assert decode_qr_svg(svg, tmp_path) == "http://testserver/agenda/koffie-ochtend/"


def test_the_qr_endpoint_returns_an_svg_document_of_the_page_url(client, koffie, tmp_path):
    response = client.get(reverse("verwijzen:qr", args=[koffie.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    assert decode_qr_svg(svg, tmp_path) == "http://testserver/agenda/koffie-ochtend/"


# --- The professional's own line --------------------------------------------------------------------


def test_the_professionals_name_and_phone_show_escaped_and_cut_to_length(client, koffie):
    response = client.get(
        briefje_url(koffie), {"naam": "<script>alert(1)</script>" + "x" * 100, "telefoon": "06 1234 5678" * 5}
    )
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert len(response.context["options"]["naam"]) == 60
    assert len(response.context["options"]["telefoon"]) == 20
    assert 'maxlength="60"' in html and 'maxlength="20"' in html


def test_the_slip_form_works_without_js_as_a_get_form(client, koffie):
    html = client.get(
        briefje_url(koffie), {"naam": "Sanne de Vries", "telefoon": "06 1234 5678"}
    ).content.decode()
    assert '<form method="get"' in html
    assert '<span class="slip__fill">Sanne de Vries</span>' in html
    assert "06 1234 5678</bdi>" in html
    assert 'name="taal"' in html and 'name="naam"' in html and 'name="telefoon"' in html
    assert "<script>" not in html  # no inline script; print.js only after "Afdrukken"
    assert "js/print.js" not in html
    assert "js/print.js" in client.get(briefje_url(koffie), {"afdrukken": "1"}).content.decode()


def test_half_a4_format_is_chosen_with_formaat(client, koffie):
    html = client.get(briefje_url(koffie), {"formaat": "half-a4"}).content.decode()
    assert "slip-page--half-a4" in html and "slip slip--half-a4" in html
    assert "slip slip--a5" in client.get(briefje_url(koffie), {"formaat": "a3"}).content.decode()


def test_the_poster_is_a4_with_a_large_qr_code_and_no_personal_line(client, koffie, tmp_path):
    response = client.get(reverse("verwijzen:poster", args=[koffie.pk]), {"taal": "en", "naam": "Sanne"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "slip-page--poster" in html and '<article class="poster" lang="en"' in html
    assert "Scan me!" in html and "Next dates" in html
    assert "Your contact person" not in html and "Sanne" not in html
    assert decode_qr_svg(inline_svg(html), tmp_path) == "http://testserver/en/agenda/koffie-ochtend/"


# --- Which pages have a slip ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["briefje", "poster", "qr", "tel"])
def test_unknown_page_is_404_everywhere(client, koffie, name):
    assert client.get(reverse(f"verwijzen:{name}", args=[99999])).status_code == 404
    assert client.post(reverse("verwijzen:tel", args=[99999]), {"soort": "afgedrukt"}).status_code == 404


def test_a_page_that_is_not_an_activity_spreekuur_initiative_or_organisation_has_no_slip(client, home, tulp):
    assert client.get(briefje_url(home)).status_code == 404
    assert client.get(briefje_url(tulp)).status_code == 404
    assert client.post(tel_url(tulp), {"soort": "afgedrukt"}).status_code == 404
    assert counts() == []


def test_a_stopped_initiative_has_no_slip_and_no_slip_button(client, moestuin):
    moestuin.status = "gestopt"
    moestuin.save_revision().publish()
    assert client.get(briefje_url(moestuin)).status_code == 404
    assert client.post(tel_url(moestuin), {"soort": "afgedrukt"}).status_code == 404
    assert f'href="{briefje_url(moestuin)}"' not in client.get(moestuin.url).content.decode()
    assert counts() == []


def test_an_unpublished_page_has_no_slip_and_counts_nothing(client, koffie):
    koffie.unpublish()
    assert client.get(briefje_url(koffie)).status_code == 404
    assert client.get(reverse("verwijzen:qr", args=[koffie.pk])).status_code == 404
    assert client.post(tel_url(koffie), {"soort": "afgedrukt"}).status_code == 404
    assert counts() == []


def test_a_private_page_has_no_slip(client, koffie):
    PageViewRestriction.objects.create(page=koffie, restriction_type="login")
    assert client.get(briefje_url(koffie)).status_code == 404


# --- Counting ---------------------------------------------------------------------------------------


def test_afdrukken_counts_one_and_redirects_303_to_the_slip_that_opens_the_print_dialog(client, koffie):
    data = {"soort": "afgedrukt", "taal": "tr", "formaat": "half-a4", "naam": "Sanne", "telefoon": "06 1"}
    response = client.post(tel_url(koffie), data)
    assert response.status_code == 303
    location = urlsplit(response["Location"])
    assert location.path == briefje_url(koffie)
    assert parse_qs(location.query) == {
        "taal": ["tr"],
        "formaat": ["half-a4"],
        "naam": ["Sanne"],
        "telefoon": ["06 1"],
        "afdrukken": ["1"],
    }
    assert counts() == [(koffie.pk, TODAY.replace(day=1), "afgedrukt", 1)]
    client.post(tel_url(koffie), data)
    assert counts() == [(koffie.pk, TODAY.replace(day=1), "afgedrukt", 2)]


def test_each_kind_has_its_own_count(client, koffie):
    for soort in ("afgedrukt", "gedeeld-link", "gedeeld-email", "gedeeld-whatsapp", "poster", "poster"):
        client.post(tel_url(koffie), {"soort": soort})
    assert dict(VerwijzingTelling.objects.values_list("soort", "aantal")) == {
        "afgedrukt": 1,
        "gedeeld-link": 1,
        "gedeeld-email": 1,
        "gedeeld-whatsapp": 1,
        "poster": 2,
    }


def test_sharing_by_email_redirects_to_a_mailto_link_in_the_slip_language(client, koffie):
    response = client.post(tel_url(koffie), {"soort": "gedeeld-email", "taal": "tr"})
    assert response.status_code == 303
    location = response["Location"]
    assert location.startswith("mailto:?subject=" + quote("Koffie-ochtend"))
    assert quote("http://testserver/tr/agenda/koffie-ochtend/", safe="") in location.replace("/", "%2F")


def test_sharing_by_whatsapp_redirects_to_wa_me_with_the_page_url(client, koffie):
    translate_to(koffie, "tr", title="Kahve sabahı")
    response = client.post(tel_url(koffie), {"soort": "gedeeld-whatsapp", "taal": "tr"})
    assert response.status_code == 303
    location = urlsplit(response["Location"])
    assert (location.scheme, location.netloc, location.path) == ("https", "wa.me", "/")
    assert parse_qs(location.query)["text"] == ["Kahve sabahı: http://testserver/tr/agenda/koffie-ochtend/"]


def test_sharing_as_a_link_returns_to_the_slip_showing_the_link(client, koffie):
    response = client.post(tel_url(koffie), {"soort": "gedeeld-link"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[0][1] == 303
    assert 'id="deel-link"' in html and 'value="http://testserver/agenda/koffie-ochtend/"' in html
    assert 'id="deel-link"' not in client.get(briefje_url(koffie)).content.decode()


def test_the_poster_print_button_counts_a_poster_and_returns_to_the_poster(client, koffie):
    response = client.post(tel_url(koffie), {"soort": "poster", "taal": "pl"})
    assert response.status_code == 303
    assert response["Location"] == reverse("verwijzen:poster", args=[koffie.pk]) + "?taal=pl&afdrukken=1"
    assert counts() == [(koffie.pk, TODAY.replace(day=1), "poster", 1)]


@pytest.mark.parametrize("soort", ["", "bezocht", "afgedrukt ", "AFGEDRUKT"])
def test_an_unknown_kind_is_400_and_counts_nothing(client, koffie, soort):
    response = client.post(tel_url(koffie), {"soort": soort})
    assert response.status_code == 400
    assert counts() == []


def test_get_never_changes_a_count(client, koffie):
    """Link prefetchers and crawlers follow GETs: none of them counts."""
    response = client.get(tel_url(koffie), {"soort": "afgedrukt"})
    assert response.status_code == 302 and response["Location"] == briefje_url(koffie)
    client.head(tel_url(koffie), {"soort": "afgedrukt"})
    client.get(briefje_url(koffie), {"afdrukken": "1", "soort": "afgedrukt"})
    client.get(reverse("verwijzen:poster", args=[koffie.pk]), {"afdrukken": "1"})
    client.get(reverse("verwijzen:qr", args=[koffie.pk]))
    assert counts() == []
    assert client.put(tel_url(koffie)).status_code == 405
    assert counts() == []


def test_posting_without_a_csrf_token_is_refused(koffie):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(tel_url(koffie), {"soort": "afgedrukt"}).status_code == 403
    assert counts() == []


def test_the_slip_buttons_are_post_forms_with_a_csrf_token(client, koffie):
    html = client.get(briefje_url(koffie)).content.decode()
    assert html.count(f'<form method="post" action="{tel_url(koffie)}"') == 4
    assert html.count('name="csrfmiddlewaretoken"') == 4
    for soort in ("afgedrukt", "gedeeld-link", "gedeeld-email", "gedeeld-whatsapp"):
        assert f'name="soort" value="{soort}"' in html


def test_a_translation_counts_for_its_original_page(client, koffie):
    translation_page = translate_to(koffie, "tr", title="Kahve sabahı")
    with translation.override("tr"):
        tr_tel = tel_url(translation_page)
    assert tr_tel.startswith("/tr/")
    assert client.post(tr_tel, {"soort": "afgedrukt", "taal": "tr"}).status_code == 303
    assert client.post(tel_url(koffie), {"soort": "afgedrukt"}).status_code == 303
    assert counts() == [(koffie.pk, TODAY.replace(day=1), "afgedrukt", 2)]


def test_counts_are_per_month(koffie):
    record(koffie, "afgedrukt", today=dt.date(2026, 1, 31))
    record(koffie, "afgedrukt", today=dt.date(2026, 2, 1))
    record(koffie, "afgedrukt", today=dt.date(2026, 2, 27))
    assert sorted(VerwijzingTelling.objects.values_list("maand", "aantal")) == [
        (dt.date(2026, 1, 1), 1),
        (dt.date(2026, 2, 1), 2),
    ]
    months = counts_for(koffie, months=3, today=dt.date(2026, 2, 10))
    assert [(m["maand"], m["totaal"]) for m in months] == [
        (dt.date(2026, 2, 1), 2),
        (dt.date(2026, 1, 1), 1),
        (dt.date(2025, 12, 1), 0),
    ]


def test_the_counter_stores_nothing_but_page_month_kind_and_count(client, koffie):
    fields = {f.name for f in VerwijzingTelling._meta.get_fields()}
    assert fields == {"id", "page", "maand", "soort", "aantal"}
    client.post(
        tel_url(koffie),
        {"soort": "afgedrukt", "naam": "Sanne Uniekenaam", "telefoon": "06 9876 5432"},
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Uniekebrowser/1.0",
    )
    row = VerwijzingTelling.objects.values().get()
    assert set(row) == {"id", "page_id", "maand", "soort", "aantal"}
    assert row["maand"].day == 1
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    everything = dump.getvalue()
    for trace in ("Uniekenaam", "9876 5432", "203.0.113.77", "Uniekebrowser"):
        assert trace not in everything


def test_concurrent_prints_lose_no_count(transactional_db, home):
    page = ActiviteitPageFactory(parent=AgendaPageFactory(parent=home))
    errors = []

    def print_ten():
        try:
            for _i in range(10):
                record(page, "afgedrukt")
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=print_ten) for _i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert VerwijzingTelling.objects.get(page=page).aantal == 40


# --- Where the counts show --------------------------------------------------------------------------


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin", "admin@example.org", "x")


def test_the_page_editor_shows_the_counts_read_only(client, koffie, moestuin, admin_user):
    for _i in range(3):
        record(koffie, "afgedrukt")
    record(koffie, "gedeeld-whatsapp")
    record(moestuin, "poster")
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[koffie.pk])).content.decode()
    assert "Doorverwezen" in html and "Deze maand" in html
    assert "Briefje afgedrukt: 3" in html and "Gedeeld via WhatsApp: 1" in html
    html = client.get(reverse("wagtailadmin_pages:edit", args=[moestuin.pk])).content.decode()
    assert "Doorverwezen" in html and "Poster afgedrukt: 1" in html
    organisatie = OrganisatiePageFactory(
        parent=OrganisatiesIndexPageFactory(parent=koffie.get_site().root_page)
    )
    record(organisatie, "gedeeld-link")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[organisatie.pk])).content.decode()
    assert "Doorverwezen" in html and "Link gedeeld: 1" in html


def test_saving_the_page_in_the_editor_leaves_the_counts_alone(client, koffie, admin_user):
    record(koffie, "afgedrukt")
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[koffie.pk]))
    assert response.status_code == 200
    assert counts() == [(koffie.pk, TODAY.replace(day=1), "afgedrukt", 1)]


def test_the_dashboard_shows_a_makelaar_the_counts_of_their_own_wijken(client, agenda):
    schalkwijk, oost = WijkFactory(naam="Schalkwijk"), WijkFactory(naam="Oost")
    hier = ActiviteitPageFactory(parent=agenda, title="Stamtafel Schalkwijk", heel_de_stad=False)
    daar = ActiviteitPageFactory(parent=agenda, title="Wandelgroep Oost", heel_de_stad=False)
    hier.wijken.set([schalkwijk])
    hier.save()
    daar.wijken.set([oost])
    daar.save()
    record(hier, "afgedrukt")
    record(hier, "gedeeld-link")
    record(daar, "afgedrukt")
    group = Group.objects.create(name="Sociaal makelaars")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    makelaar = User.objects.create_user("makelaar", "m@example.org", "x")
    makelaar.groups.add(group)
    schalkwijk.makelaars.add(makelaar)
    client.force_login(makelaar)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Doorverwezen" in html
    assert "Stamtafel Schalkwijk" in html and "Wandelgroep Oost" not in html
    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Stamtafel Schalkwijk" in html and "Wandelgroep Oost" in html


def test_someone_who_is_not_a_makelaar_does_not_get_the_dashboard_panel(client, koffie):
    group = Group.objects.create(name="Redacteuren")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = User.objects.create_user("redacteur", "r@example.org", "x")
    user.groups.add(group)
    client.force_login(user)
    assert "doorverwezen-kop" not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- Links to the slip ------------------------------------------------------------------------------


def test_activity_and_initiative_pages_link_to_their_slip(client, koffie, moestuin):
    assert f'href="{briefje_url(koffie)}"' in client.get(koffie.url).content.decode()
    assert f'href="{briefje_url(moestuin)}"' in client.get(moestuin.url).content.decode()
    assert "Print een briefje" in client.get(koffie.url).content.decode()
