"""The detail page of an activity: dates, notices, schema.org data and previews."""

import datetime as dt
import json
import re

import pytest

from django.utils import timezone

from activiteiten.models import Uitzondering
from activiteiten.occurrences import rebuild_occurrences

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
)


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


def jsonld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def taalcafe(agenda):
    today = timezone.localdate()
    page = ActiviteitPageFactory(
        parent=agenda, title="Taalcafé", start_datum=today, recurrence="RRULE:FREQ=DAILY", kosten="gratis"
    )
    Uitzondering.objects.create(
        page=page, datum=today + dt.timedelta(days=1), soort="vervalt", toelichting="Ziek"
    )
    Uitzondering.objects.create(
        page=page,
        datum=today + dt.timedelta(days=2),
        soort="verplaatst",
        nieuwe_datum=today + dt.timedelta(days=40),
        toelichting="Zaal bezet",
    )
    rebuild_occurrences(page)
    return page


def test_detail_shows_rule_dates_and_notices(client, taalcafe):
    html = client.get(taalcafe.url).content.decode()
    assert "Elke dag, 19:00–21:00" in html
    assert "gaat het niet door." in html and "Ziek" in html
    assert "is verplaatst naar" in html and "Zaal bezet" in html


def test_jsonld_has_an_event_per_date_with_its_status(client, taalcafe):
    events = jsonld(client.get(taalcafe.url).content.decode())
    assert len(events) == 10
    assert {e["@type"] for e in events} == {"Event"}
    statuses = [e["eventStatus"] for e in events]
    assert "https://schema.org/EventCancelled" in statuses
    assert all(e["isAccessibleForFree"] for e in events)
    assert events[0]["location"]["name"] == "Tulpenstraat 14"
    assert events[0]["startDate"].endswith(("+01:00", "+02:00"))


def test_jsonld_marks_a_moved_date_rescheduled_with_its_previous_start(client, agenda):
    today = timezone.localdate()
    page = ActiviteitPageFactory(parent=agenda, start_datum=today, recurrence="RRULE:FREQ=WEEKLY")
    moved_from = today + dt.timedelta(days=7)
    Uitzondering.objects.create(
        page=page, datum=moved_from, soort="verplaatst", nieuwe_datum=moved_from + dt.timedelta(days=1)
    )
    rebuild_occurrences(page)
    events = jsonld(client.get(page.url).content.decode())
    moved = [e for e in events if e["eventStatus"] == "https://schema.org/EventRescheduled"]
    assert len(moved) == 1
    assert moved[0]["previousStartDate"].startswith(moved_from.isoformat())


def test_jsonld_gives_offers_and_organizer(client, home, agenda):
    organisaties = OrganisatiesIndexPageFactory(parent=home)
    kerk = OrganisatiePageFactory(parent=organisaties, title="Kerk in de Wijk", heel_de_stad=True)
    page = ActiviteitPageFactory(
        parent=agenda, start_datum=timezone.localdate(), kosten="bedrag", bedrag="3.50", organisator=kerk
    )
    rebuild_occurrences(page)
    event = jsonld(client.get(page.url).content.decode())[0]
    assert event["offers"]["price"] == "3.50" and event["offers"]["priceCurrency"] == "EUR"
    assert "isAccessibleForFree" not in event
    assert event["organizer"]["name"] == "Kerk in de Wijk"


def test_jsonld_cannot_break_out_of_its_script_element(client, agenda):
    page = ActiviteitPageFactory(
        parent=agenda, title="</script><script>alert(1)</script>", start_datum=timezone.localdate()
    )
    rebuild_occurrences(page)
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld(html)[0]["name"] == "</script><script>alert(1)</script>"


def test_preview_computes_dates_from_the_draft_directly(client, taalcafe):
    new_start = timezone.localdate() + dt.timedelta(days=100)
    taalcafe.start_datum = new_start
    taalcafe.recurrence = ""  # the draft turns it into a one-off
    preview = taalcafe.make_preview_request().content.decode()
    assert new_start.strftime("%Y-%m-%d") in preview  # in the <time datetime=...>
    live = client.get(taalcafe.url).content.decode()
    assert new_start.strftime("%Y-%m-%d") not in live


def test_a_multi_day_date_shows_its_end_day_and_languages_are_listed(client, agenda):
    from activiteiten.models import Taal

    start = timezone.localdate() + dt.timedelta(days=3)
    page = ActiviteitPageFactory(
        parent=agenda,
        title="Buurtcamping",
        start_datum=start,
        recurrence="",
        dagen=3,
        slots=[(dt.time(16), dt.time(12))],
    )
    page.talen.set(
        [Taal.objects.create(code="nl", naam="Nederlands"), Taal.objects.create(code="tr", naam="Turks")]
    )
    page.save()
    rebuild_occurrences(page)
    end_day = start + dt.timedelta(days=2)
    html = client.get(page.url).content.decode()
    weekday = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"][
        end_day.weekday()
    ]
    assert f"16:00–{weekday} {end_day.day} " in html and " 12:00</bdi></time>" in html
    assert "Gesproken talen: Nederlands, Turks" in html


def test_a_spreekuur_that_is_on_now_shows_nu_open_and_op_afspraak(client, agenda):
    from ..factories import SpreekuurPageFactory

    now = timezone.localtime()
    start = (now - dt.timedelta(minutes=30)).time().replace(second=0, microsecond=0)
    end = (now + dt.timedelta(minutes=30)).time().replace(second=0, microsecond=0)
    if end <= start:
        pytest.skip("the hour around midnight is not a useful moment for this check")
    spreekuur = SpreekuurPageFactory(
        parent=agenda,
        title="Formulierenhulp",
        start_datum=now.date(),
        recurrence="",
        slots=[(start, end)],
        aanmelden="aanmelden",
    )
    later = ActiviteitPageFactory(
        parent=agenda, title="Later vandaag", start_datum=now.date() + dt.timedelta(days=1), recurrence=""
    )
    rebuild_occurrences(spreekuur)
    rebuild_occurrences(later)

    detail = client.get(spreekuur.url).content.decode()
    assert "Nu open" in detail and "Op afspraak" in detail
    assert "Nu open" not in client.get(later.url).content.decode()
    listing = client.get(agenda.url).content.decode()
    assert listing.count("Nu open") == 1
    assert "Aanmelden nodig" not in listing.split("Formulierenhulp")[1].split("</article>")[0]

    Uitzondering.objects.create(page=spreekuur, datum=now.date(), soort="vervalt")
    rebuild_occurrences(spreekuur)
    assert "Nu open" not in client.get(spreekuur.url).content.decode()


def test_the_activity_image_is_shown_as_a_webp_rendition_with_a_smaller_one_for_phones(client, agenda):
    import wagtail_factories

    page = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    page.afbeelding = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    (img,) = re.findall(r'<img[^>]+class="hero-image"[^>]*>', html)
    assert 'width="960"' in img and ".webp" in img
    # A phone (100vw) takes the 480 pixels wide one: half the bytes of the 960 one, or less.
    assert re.search(r'srcset="\S+\.webp 960w, \S+\.webp 480w"', img)
    assert 'sizes="(min-width: 48rem) 44rem, 100vw"' in img
