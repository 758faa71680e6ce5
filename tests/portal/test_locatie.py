import datetime
import zoneinfo

import pytest

from django.core.exceptions import ValidationError

from portal.models import LocatiePage, Openingstijd

from ..factories import LocatiePageFactory, LocatiesIndexPageFactory, OpeningstijdFactory

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def locatie(home):
    index = LocatiesIndexPageFactory(parent=home)
    locatie = LocatiePageFactory(parent=index)
    OpeningstijdFactory(page=locatie, dag=0, open_om=datetime.time(9), dicht_om=datetime.time(17))
    return LocatiePage.objects.get(pk=locatie.pk)


def test_is_open_uses_amsterdam_wall_clock_time(locatie):
    # Monday 3 March 2025, 08:30 UTC is 09:30 in Amsterdam: open.
    assert locatie.is_open(datetime.datetime(2025, 3, 3, 8, 30, tzinfo=datetime.UTC))
    # Monday 7 July 2025 (summer time), 07:30 UTC is 09:30 local: open; 15:30 UTC is 17:30: closed.
    assert locatie.is_open(datetime.datetime(2025, 7, 7, 7, 30, tzinfo=datetime.UTC))
    assert not locatie.is_open(datetime.datetime(2025, 7, 7, 15, 30, tzinfo=datetime.UTC))


def test_is_open_only_on_its_days_and_closing_time_is_exclusive(locatie):
    assert not locatie.is_open(datetime.datetime(2025, 3, 4, 10, 0, tzinfo=AMS))  # a Tuesday
    assert not locatie.is_open(datetime.datetime(2025, 3, 3, 17, 0, tzinfo=AMS))
    assert locatie.is_open(datetime.datetime(2025, 3, 3, 16, 59, tzinfo=AMS))


def test_openstreetmap_link_uses_coordinates_or_searches_the_address(locatie):
    assert locatie.openstreetmap_url.startswith("https://www.openstreetmap.org/search?query=Tulpenstraat+14")
    locatie.latitude, locatie.longitude = 52.38165, 4.65612
    assert locatie.openstreetmap_url == (
        "https://www.openstreetmap.org/?mlat=52.38165&mlon=4.65612#map=18/52.38165/4.65612"
    )


def test_postcode_is_normalised_and_a_wrong_one_gets_a_dutch_message(locatie):
    locatie.postcode = "2033kn"
    locatie.full_clean()
    assert locatie.postcode == "2033 KN"
    locatie.postcode = "ABCD 12"
    with pytest.raises(ValidationError) as excinfo:
        locatie.full_clean()
    assert "Nederlandse postcode" in str(excinfo.value)


def test_only_one_of_latitude_and_longitude_is_rejected(locatie):
    locatie.latitude = 52.1
    with pytest.raises(ValidationError) as excinfo:
        locatie.full_clean()
    assert "breedtegraad als de lengtegraad" in str(excinfo.value)


def test_closing_before_opening_is_rejected():
    tijd = Openingstijd(dag=1, open_om=datetime.time(17), dicht_om=datetime.time(9))
    with pytest.raises(ValidationError) as excinfo:
        tijd.clean()
    assert "na de openingstijd" in str(excinfo.value)


def test_locatie_page_shows_address_open_status_and_accessibility(client, locatie):
    locatie.rolstoeltoegankelijk = True
    locatie.save_revision().publish()
    html = client.get(locatie.url).content.decode()
    assert "Tulpenstraat 14" in html
    assert "Toegankelijk met rolstoel" in html
    assert "Geen ringleiding" in html
    assert "Maandag" in html and "09:00–17:00" in html
    assert "openstreetmap.org" in html
    assert "<iframe" not in html
