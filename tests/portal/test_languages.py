"""Five languages: a switcher that names each language in its own tongue, and every page reachable in every
language. A page without a translation shows the Dutch page with the interface in the visitor's language
and a notice; a translated page is linked to directly."""

import pytest

from django.utils import translation

from wagtail.models import Locale

from ..factories import ActiviteitPageFactory, AgendaPageFactory

OWN_NAMES = ["Nederlands", "English", "Türkçe", "العربية", "Polski"]


@pytest.fixture(autouse=True)
def dutch():
    yield
    translation.activate("nl")


@pytest.fixture
def koffie(home):
    for code in ("en", "tr", "ar", "pl"):
        Locale.objects.get_or_create(language_code=code)
    agenda = AgendaPageFactory(parent=home)
    return ActiviteitPageFactory(parent=agenda, title="Koffie-ochtend", slug="koffie-ochtend")


def switcher(html):
    start = html.index('<nav class="language-switcher"')
    return html[start : html.index("</nav>", start)]


def test_the_switcher_names_each_language_in_its_own_tongue_and_marks_the_current_one(client, koffie):
    nav = switcher(client.get("/tr/agenda/koffie-ochtend/").content.decode())
    for name in OWN_NAMES:
        assert f">{name}</a>" in nav
    assert 'href="/tr/agenda/koffie-ochtend/" lang="tr" hreflang="tr" aria-current="true"' in nav
    assert 'href="/agenda/koffie-ochtend/" lang="nl"' in nav
    assert 'href="/ar/agenda/koffie-ochtend/" lang="ar"' in nav


@pytest.mark.parametrize("code", ["en", "tr", "ar", "pl"])
def test_an_untranslated_page_shows_in_every_language_with_a_notice(client, koffie, code):
    response = client.get(f"/{code}/agenda/koffie-ochtend/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html
    assert "Koffie-ochtend" in html
    assert "notice--untranslated" in html
    dutch = "Deze pagina is nog niet vertaald. Je ziet de Nederlandse tekst."
    with translation.override(code):
        notice = translation.gettext(dutch)
    assert notice != dutch and notice in html


def test_a_dutch_page_in_dutch_has_no_notice(client, koffie):
    assert "notice--untranslated" not in client.get("/agenda/koffie-ochtend/").content.decode()


def test_the_switcher_links_to_a_translation_when_there_is_one(client, koffie):
    english = Locale.objects.get(language_code="en")
    home = koffie.get_parent().get_parent().specific
    home.copy_for_translation(english).save_revision().publish()
    agenda = koffie.get_parent().specific.copy_for_translation(english)
    agenda.save_revision().publish()
    coffee = koffie.copy_for_translation(english)
    coffee.title, coffee.slug = "Coffee morning", "coffee-morning"
    coffee.save_revision().publish()
    nav = switcher(client.get(koffie.url).content.decode())
    assert 'href="/en/agenda/coffee-morning/" lang="en"' in nav
    html = client.get("/en/agenda/coffee-morning/").content.decode()
    assert "Coffee morning" in html and "notice--untranslated" not in html
    # The Turkish visitor still gets the Dutch page under /tr/.
    assert client.get("/tr/agenda/koffie-ochtend/").status_code == 200


def test_forms_and_the_finder_switch_language_too(client, home):
    nav = switcher(client.get("/verwijzen/?wijk=oost").content.decode())
    assert 'href="/pl/verwijzen/?wijk=oost" lang="pl"' in nav
    assert client.get("/pl/verwijzen/?wijk=oost").status_code == 200


def test_the_accessibility_statement_follows_the_government_model_and_every_page_links_to_it(client, home):
    response = client.get("/toegankelijkheid/")
    html = response.content.decode()
    assert response.status_code == 200
    for part in ("Nalevingsstatus", "Status B: voldoet gedeeltelijk.", "Hoe we de website hebben onderzocht"):
        assert part in html
    assert "Wat nog niet goed is" in html and "Nationale ombudsman" in html
    assert 'href="/toegankelijkheid/"' in client.get(home.url).content.decode()
    assert client.get("/ar/toegankelijkheid/").status_code == 200


def test_the_switcher_keeps_filters_but_never_the_name_or_phone_typed_on_a_slip(client, koffie):
    html = client.get(f"/verwijzen/briefje/{koffie.pk}/", {"taal": "tr", "naam": "Sanne", "telefoon": "0612"})
    nav = switcher(html.content.decode())
    assert "Sanne" not in nav and "0612" not in nav
    assert f'href="/en/verwijzen/briefje/{koffie.pk}/?taal=tr"' in nav


def test_in_arabic_a_time_range_reads_left_to_right(client, home):
    import datetime as dt

    from django.utils import timezone

    from activiteiten.occurrences import rebuild_occurrences

    agenda = AgendaPageFactory(parent=home)
    page = ActiviteitPageFactory(
        parent=agenda,
        title="Koffie",
        start_datum=timezone.localdate() + dt.timedelta(days=1),
        recurrence="",
        slots=[(dt.time(17), dt.time(19, 30))],
    )
    rebuild_occurrences(page)
    html = client.get("/ar/agenda/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi dir="ltr">17:00–19:30</bdi>' in html  # not "19:30–17:00" as right-to-left would show it
