"""A resident filters the agenda by wijk and thema, opens an activity and downloads its .ics."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from activiteiten.models import AgendaPage
from activiteiten.occurrences import rebuild_occurrences
from portal.models import Thema, Wijk

from ..factories import ActiviteitPageFactory
from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def agenda_server(demo_server):
    agenda = AgendaPage.objects.get(locale__language_code="nl")  # the demo also has its translations
    oost, noord = Wijk.objects.get(slug="oost"), Wijk.objects.get(slug="noord")
    eten = Thema.objects.get(slug="eten-en-drinken")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for title, wijk in (("Proefrestaurant Oost", oost), ("Proefrestaurant Noord", noord)):
        page = ActiviteitPageFactory(
            parent=agenda,
            title=title,
            heel_de_stad=False,
            wijken=[wijk],
            themas=[eten],
            start_datum=tomorrow,
            recurrence="RRULE:FREQ=WEEKLY",
            kosten="bedrag",
            bedrag="3.50",
        )
        rebuild_occurrences(page)
    return demo_server


def test_filter_the_agenda_open_an_item_and_download_its_ics(agenda_server, desktop, axe, tmp_path):
    page = desktop
    page.goto(agenda_server.url + "/agenda/")
    assert_no_axe_violations(axe, page)

    page.get_by_role("group", name="Wijk").get_by_label(re.compile(r"^Oost")).check()
    page.get_by_role("group", name="Thema").get_by_label(re.compile(r"^Eten en drinken")).check()
    page.get_by_role("button", name="Toon activiteiten").click()

    expect(page).to_have_url(re.compile(r"wijk=oost.*thema=eten-en-drinken"))
    expect(page.get_by_role("link", name="Proefrestaurant Oost").first).to_be_visible()
    expect(page.get_by_role("link", name="Proefrestaurant Noord")).to_have_count(0)
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Proefrestaurant Oost").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Proefrestaurant Oost")
    expect(page.get_by_text("€ 3,50").first).to_be_visible()
    assert_no_axe_violations(axe, page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zet alle keren in je agenda").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = path.read_text()
    assert "BEGIN:VCALENDAR" in text and "Proefrestaurant Oost" in text and "RRULE:FREQ=WEEKLY" in text


def test_agenda_on_a_phone_shows_results_first_and_filters_one_tap_away(agenda_server, phone, axe):
    phone.goto(agenda_server.url + "/agenda/?wijk=oost")
    filters = phone.locator("details.filters")
    expect(filters).not_to_have_attribute("open", "")
    results = phone.get_by_role("heading", name=re.compile("keer iets te doen"))
    assert results.bounding_box()["y"] < 844  # visible without scrolling
    phone.locator("summary.filters__summary").click()
    expect(phone.get_by_role("button", name="Toon activiteiten")).to_be_visible()
    assert_no_axe_violations(axe, phone)


def test_a_bad_filter_keeps_the_rest_and_says_why(agenda_server, desktop, axe):
    desktop.goto(agenda_server.url + "/agenda/?wijk=oost&van=morgen")
    expect(desktop.get_by_role("alert")).to_contain_text("Niet alle filters")
    expect(desktop.get_by_text("Vul een datum in")).to_be_visible()
    expect(desktop.get_by_role("link", name="Proefrestaurant Oost").first).to_be_visible()
    assert_no_axe_violations(axe, desktop)
