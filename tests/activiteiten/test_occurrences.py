"""The stored occurrence table follows what is published, and the agenda reads from it."""

import datetime as dt
from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activiteiten.models import Occurrence, Uitzondering
from activiteiten.occurrences import rebuild_all, rebuild_occurrences
from activiteiten.recurrence import AMSTERDAM

from ..bulk import add_activities
from ..factories import ActiviteitPageFactory, AgendaPageFactory, ThemaFactory, WijkFactory

TODAY = dt.date(2025, 3, 3)  # a Monday


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


def publish(page):
    """Publish as an editor does; the rebuild runs after commit."""
    revision = page.save_revision()
    revision.publish()


def rows(page):
    return list(Occurrence.objects.filter(page=page).values_list("start", "status"))


def test_publishing_fills_the_table_after_commit_and_a_second_rebuild_changes_nothing(transactional_db, home):
    agenda = AgendaPageFactory(parent=home)
    page = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    publish(page)
    first = rows(page)
    assert len(first) > 70  # weekly for 18 months
    rebuild_occurrences(page)
    assert rows(page) == first


def test_unpublish_and_delete_remove_rows(agenda, django_capture_on_commit_callbacks):
    page = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert Occurrence.objects.filter(page=page).exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not Occurrence.objects.filter(page=page).exists()

    other = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    rebuild_occurrences(other)
    assert Occurrence.objects.filter(page=other).exists()
    other.delete()
    assert not Occurrence.objects.filter(page_id=other.pk).exists()


def test_a_draft_change_does_not_reach_the_table(agenda, django_capture_on_commit_callbacks):
    page = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    before = rows(page)
    page.start_datum = timezone.localdate() + dt.timedelta(days=60)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()  # a draft only
    rebuild_occurrences(page)
    assert rows(page) == before

    never_live = ActiviteitPageFactory(parent=agenda, live=False)
    rebuild_occurrences(never_live)
    assert rows(never_live) == []


def test_scheduled_publishing_is_picked_up(agenda, django_capture_on_commit_callbacks):
    page = ActiviteitPageFactory(parent=agenda, live=False, start_datum=timezone.localdate())
    page.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()  # only schedules it
    assert not rows(page)
    # An hour passes: the scheduled moment is now in the past.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert rows(page)


def test_a_cancelled_date_is_marked_vervalt_in_the_agenda(client, agenda):
    start = timezone.localdate()
    page = ActiviteitPageFactory(
        parent=agenda, title="Taalcafé", start_datum=start, recurrence="RRULE:FREQ=DAILY"
    )
    Uitzondering.objects.create(
        page=page, datum=start + dt.timedelta(days=2), soort="vervalt", toelichting="Koningsdag"
    )
    rebuild_occurrences(page)
    html = client.get(agenda.url).content.decode()
    assert "Vervalt" in html and "Koningsdag" in html
    cancelled = Occurrence.objects.get(page=page, status="vervalt")
    assert cancelled.datum == start + dt.timedelta(days=2)


def test_past_one_off_activities_leave_the_agenda(client, agenda):
    gone = ActiviteitPageFactory(
        parent=agenda,
        title="Oud feest",
        start_datum=timezone.localdate() - dt.timedelta(days=3),
        recurrence="",
    )
    soon = ActiviteitPageFactory(
        parent=agenda,
        title="Nieuw feest",
        start_datum=timezone.localdate() + dt.timedelta(days=1),
        recurrence="",
    )
    rebuild_occurrences(gone)
    rebuild_occurrences(soon)
    html = client.get(agenda.url).content.decode()
    assert "Nieuw feest" in html
    assert "Oud feest" not in html


def test_agenda_filters_by_wijk_and_thema_and_keeps_bad_input(client, agenda):
    oost, noord = WijkFactory(naam="Oost"), WijkFactory(naam="Noord")
    eten = ThemaFactory(naam="Eten")
    start = timezone.localdate()
    a = ActiviteitPageFactory(
        parent=agenda,
        title="Buurtrestaurant",
        start_datum=start,
        recurrence="RRULE:FREQ=DAILY",
        heel_de_stad=False,
        wijken=[oost],
        themas=[eten],
    )
    b = ActiviteitPageFactory(
        parent=agenda,
        title="Wandelgroep",
        start_datum=start,
        recurrence="RRULE:FREQ=DAILY",
        heel_de_stad=False,
        wijken=[noord],
    )
    for page in (a, b):
        rebuild_occurrences(page)
    html = client.get(agenda.url, {"wijk": "oost", "thema": "eten"}).content.decode()
    assert "Buurtrestaurant" in html and "Wandelgroep" not in html
    response = client.get(agenda.url, {"wijk": ["oost", "bestaat-niet"], "van": "gisteren"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "bestaat niet (meer)" in html and "Vul een datum in" in html
    assert "Buurtrestaurant" in html and "Wandelgroep" in html  # the bad filter is left out, not the page


def test_agenda_query_count_is_the_same_at_10_and_at_1000_activities(
    client, agenda, django_assert_num_queries
):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    WijkFactory(naam="Oost")
    for _ in range(10):  # city-wide items match the wijk filter too
        rebuild_occurrences(ActiviteitPageFactory(parent=agenda, start_datum=tomorrow, recurrence=""))
    client.get(agenda.url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(agenda.url, {"wijk": "oost"})
    add_activities(agenda, 990, start_datum=tomorrow, heel_de_stad=True)
    rebuild_all()
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(agenda.url, {"wijk": "oost"})
    assert response.context["occurrences"].paginator.count == 1000


def test_rebuild_all_matches_per_page_rebuilds(agenda):
    pages = [
        ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate()),
        ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate(), kosten="bedrag", bedrag=2),
        ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate(), heel_de_stad=False, dagen=2),
    ]
    Uitzondering.objects.create(
        page=pages[0], datum=pages[0].start_datum + dt.timedelta(days=7), soort="vervalt"
    )
    for page in pages:
        rebuild_occurrences(page)
    columns = [f.attname for f in Occurrence._meta.concrete_fields if f.attname != "id"]
    per_page = sorted(Occurrence.objects.values_list(*columns))
    assert rebuild_all() == len(per_page)
    assert sorted(Occurrence.objects.values_list(*columns)) == per_page


def test_times_are_stored_as_local_wall_clock(agenda):
    page = ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate())
    rebuild_occurrences(page)
    assert {
        o.start.astimezone(AMSTERDAM).strftime("%H:%M") for o in Occurrence.objects.filter(page=page)
    } == {"19:00"}


def test_each_filter_option_shows_its_count(client, agenda):
    oost, noord, _zuid = WijkFactory(naam="Oost"), WijkFactory(naam="Noord"), WijkFactory(naam="Zuid")
    eten, taal = ThemaFactory(naam="Eten"), ThemaFactory(naam="Taal")
    today = timezone.localdate()
    one_off = {"start_datum": today + dt.timedelta(days=1), "recurrence": ""}
    ActiviteitPageFactory(parent=agenda, heel_de_stad=False, wijken=[oost], themas=[eten], **one_off)
    ActiviteitPageFactory(parent=agenda, heel_de_stad=False, wijken=[oost], themas=[taal], **one_off)
    ActiviteitPageFactory(parent=agenda, heel_de_stad=False, wijken=[noord], themas=[eten], **one_off)
    ActiviteitPageFactory(
        parent=agenda, heel_de_stad=True, themas=[taal], kosten="bedrag", bedrag=3, **one_off
    )
    for page in agenda.get_children().specific():
        rebuild_occurrences(page)

    counts = client.get(agenda.url).context["facet_counts"]
    assert counts["wijk"] == {"oost": 3, "noord": 2, "*": 1}  # the city-wide item counts everywhere
    assert counts["thema"] == {"eten": 2, "taal": 2}
    assert counts["gratis"] == {"on": 3}

    # A facet's counts ignore its own choice but follow the others.
    counts = client.get(agenda.url, {"wijk": "oost", "thema": "eten"}).context["facet_counts"]
    assert counts["thema"] == {"eten": 1, "taal": 2}
    assert counts["wijk"] == {"oost": 1, "noord": 1, "*": 0}
    html = client.get(agenda.url, {"thema": "taal"}).content.decode()
    assert 'Zuid</span> <span class="count">(1)' in html


def test_nightly_command_moves_the_window_along(agenda):
    page = ActiviteitPageFactory(parent=agenda, start_datum=TODAY, recurrence="RRULE:FREQ=DAILY")
    rebuild_occurrences(page, today=TODAY)
    assert Occurrence.objects.filter(page=page).order_by("start").first().datum == TODAY
    out = StringIO()
    call_command("rebuild_occurrences", stdout=out)
    assert "datums opgeslagen" in out.getvalue()
    first = Occurrence.objects.filter(page=page).order_by("start").first()
    assert first.datum == timezone.localdate() - dt.timedelta(days=1)
    last = Occurrence.objects.filter(page=page).order_by("start").last()
    assert last.datum >= timezone.localdate() + dt.timedelta(days=540)


def test_a_translation_shares_the_occurrences_of_its_original(
    client, agenda, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    page = ActiviteitPageFactory(parent=agenda, title="Taalcafé", start_datum=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    rows_before = rows(page)
    agenda.get_parent().specific.copy_for_translation(english, copy_parents=True)
    agenda.copy_for_translation(english)
    translation = page.copy_for_translation(english)
    translation.title = "Language café"
    with django_capture_on_commit_callbacks(execute=True):
        publish(translation)
    translation.get_parent().specific.save_revision().publish()
    translation.get_parent().get_parent().specific.save_revision().publish()
    assert not Occurrence.objects.filter(page=translation).exists()
    assert rows(page) == rows_before
    html = client.get(translation.url).content.decode()
    assert "Language café" in html
    from django.utils import translation as i18n

    with i18n.override("en"):  # the page is shown in English, labels included
        heading = i18n.gettext("De volgende keren")
        none_yet = i18n.gettext("Er staan geen nieuwe datums in de agenda.")
    assert heading in html and none_yet not in html


def test_the_agenda_text_filter_finds_a_translation_by_its_own_words(
    client, agenda, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    page = ActiviteitPageFactory(parent=agenda, title="Taalcafé", start_datum=timezone.localdate())
    other = ActiviteitPageFactory(parent=agenda, title="Breiclub", start_datum=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
        publish(other)
    agenda.get_parent().specific.copy_for_translation(english, copy_parents=True).save_revision().publish()
    english_agenda = agenda.copy_for_translation(english)
    english_agenda.save_revision().publish()
    translation = page.copy_for_translation(english)
    translation.title, translation.intro = "Language café", "Practise your Dutch over coffee."
    with django_capture_on_commit_callbacks(execute=True):
        publish(translation)
    english_agenda.refresh_from_db()

    def titles(url, q):
        return {o.page.title for o in client.get(url, {"q": q}).context["occurrences"]}

    # Found by the English words, shown as the English card; the Dutch words still work in English.
    assert titles(english_agenda.url, "language") == {"Taalcafé"}
    assert "Language café" in client.get(english_agenda.url, {"q": "coffee"}).content.decode()
    assert titles(english_agenda.url, "taalcafé") == {"Taalcafé"}
    assert titles(english_agenda.url, "coffee breiclub") == set()
    # In Dutch the English words find nothing.
    assert titles(agenda.url, "language") == set()


def test_pagination_is_stable_when_start_times_tie(client, agenda):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for i in range(25):
        rebuild_occurrences(
            ActiviteitPageFactory(parent=agenda, title=f"Gelijk {i:02d}", start_datum=tomorrow, recurrence="")
        )
    first = [o.page_id for o in client.get(agenda.url).context["occurrences"]]
    second = [o.page_id for o in client.get(agenda.url, {"pagina": 2}).context["occurrences"]]
    assert len(first) == 20 and len(second) == 5
    assert not set(first) & set(second)
    assert first == [o.page_id for o in client.get(agenda.url).context["occurrences"]]


def test_every_other_filter_narrows_the_agenda(client, home, agenda):
    from ..factories import LocatiePageFactory, LocatiesIndexPageFactory

    toegankelijk = LocatiePageFactory(parent=LocatiesIndexPageFactory(parent=home), rolstoeltoegankelijk=True)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    one_off = {"start_datum": tomorrow, "recurrence": ""}
    pages = {
        "ochtend": ActiviteitPageFactory(
            parent=agenda, title="Ochtendgym", slots=[(dt.time(9), dt.time(10))], **one_off
        ),
        "avond": ActiviteitPageFactory(parent=agenda, title="Avondkoor", **one_off),
        "betaald": ActiviteitPageFactory(
            parent=agenda, title="Kookles", kosten="bedrag", bedrag=5, **one_off
        ),
        "aanmelden": ActiviteitPageFactory(parent=agenda, title="Fietsles", aanmelden="aanmelden", **one_off),
        "toegankelijk": ActiviteitPageFactory(
            parent=agenda, title="Huiskamer", locatie=toegankelijk, **one_off
        ),
        "later": ActiviteitPageFactory(
            parent=agenda, title="Voorjaarsmarkt", start_datum=tomorrow + dt.timedelta(days=30), recurrence=""
        ),
    }
    for page in pages.values():
        rebuild_occurrences(page)

    def titles(**params):
        return {o.page.title for o in client.get(agenda.url, params).context["occurrences"]}

    assert titles(dagdeel="ochtend") == {"Ochtendgym"}
    assert "Kookles" not in titles(gratis="on") and "Avondkoor" in titles(gratis="on")
    assert "Fietsles" not in titles(inloop="on")
    assert titles(toegankelijk="on") == {"Huiskamer"}
    assert titles(q="koor") == {"Avondkoor"}
    assert "Voorjaarsmarkt" not in titles()  # the default is this week
    later = tomorrow + dt.timedelta(days=30)
    assert titles(van=later.isoformat(), tot=later.isoformat()) == {"Voorjaarsmarkt"}


def test_an_ongoing_multi_day_item_stays_in_the_agenda(client, agenda):
    camping = ActiviteitPageFactory(
        parent=agenda,
        title="Buurtcamping",
        start_datum=timezone.localdate() - dt.timedelta(days=1),
        recurrence="",
        dagen=3,
        slots=[(dt.time(0, 0), dt.time(23, 0))],
    )
    rebuild_occurrences(camping)
    assert "Buurtcamping" in client.get(agenda.url).content.decode()


def test_unpublishing_the_agenda_with_its_children_removes_every_row(
    agenda, django_capture_on_commit_callbacks
):
    pages = [ActiviteitPageFactory(parent=agenda, start_datum=timezone.localdate()) for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        for page in pages:
            publish(page)
    assert Occurrence.objects.count() > 0
    from django.contrib.auth import get_user_model

    from wagtail.actions.unpublish_page import UnpublishPageAction

    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.nl", "x")
    with django_capture_on_commit_callbacks(execute=True):
        UnpublishPageAction(agenda, user=admin, include_descendants=True).execute()
    assert Occurrence.objects.count() == 0
