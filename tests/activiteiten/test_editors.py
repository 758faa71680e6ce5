"""What editors see: the Verouderd report and the orphaned-exception warning."""

import datetime as dt

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page

from activiteiten.models import AgendaItemPage, Uitzondering
from activiteiten.occurrences import rebuild_occurrences

from ..factories import ActiviteitPageFactory, AgendaPageFactory

REPORT = "/admin/rapporten/verouderd/"


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


def _user(username, *, editor):
    user = get_user_model().objects.create_user(username, f"{username}@example.nl", "x")
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if editor:
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename="change_page"),
        )
    user.groups.add(group)
    return user


def test_verouderd_lists_stale_ended_and_empty_items_with_the_reason(client, agenda):
    today = timezone.localdate()
    healthy = ActiviteitPageFactory(parent=agenda, title="Gezonde wandelgroep", start_datum=today)
    stale = ActiviteitPageFactory(parent=agenda, title="Oude koffie-ochtend", start_datum=today)
    ended = ActiviteitPageFactory(
        parent=agenda,
        title="Afgelopen cursus",
        start_datum=today - dt.timedelta(days=60),
        eind_datum=today - dt.timedelta(days=1),
    )
    empty = ActiviteitPageFactory(
        parent=agenda, title="Verre buurtcamping", start_datum=today + dt.timedelta(days=120), recurrence=""
    )
    for page in (healthy, stale, ended, empty):
        page.save_revision().publish()
        rebuild_occurrences(page)
    AgendaItemPage.objects.filter(pk=stale.pk).update(
        latest_revision_created_at=timezone.now() - dt.timedelta(days=200)
    )

    client.force_login(_user("redacteur", editor=True))
    assert "Verouderd" in client.get("/admin/").content.decode()  # in the Reports menu
    html = client.get(REPORT).content.decode()
    assert "Gezonde wandelgroep" not in html
    assert "Oude koffie-ochtend" in html and "al 180 dagen niet bijgewerkt" in html
    assert "Afgelopen cursus" in html and "de reeks is afgelopen" in html
    assert "Verre buurtcamping" in html and "geen datum in de komende 3 maanden" in html


def test_verouderd_downloads_as_csv_with_the_reason(client, agenda):
    ended = ActiviteitPageFactory(
        parent=agenda,
        title="Afgelopen cursus",
        start_datum=timezone.localdate() - dt.timedelta(days=60),
        eind_datum=timezone.localdate() - dt.timedelta(days=1),
    )
    ended.save_revision().publish()
    rebuild_occurrences(ended)
    client.force_login(_user("redacteur", editor=True))
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0] == "Titel,Waarom,Laatst bijgewerkt,Laatste datum"
    assert rows[1].startswith("Afgelopen cursus,de reeks is afgelopen,")


def test_verouderd_is_for_editors_only(client, agenda):
    client.force_login(_user("makelaar", editor=False))
    response = client.get(REPORT)
    # Wagtail's "no permission": back to the dashboard, with its message (and no report).
    assert (response.status_code, response.get("Location")) == (302, "/admin/")
    errors = [str(m).strip() for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert errors == ["Sorry, je hebt geen toegang tot dit gedeelte."]
    assert "Verouderd" not in client.get("/admin/").content.decode()


def test_editor_is_warned_about_an_exception_that_is_not_a_date_of_the_series(client, agenda):
    page = ActiviteitPageFactory(parent=agenda, start_datum=dt.date(2025, 3, 4))  # Tuesdays
    Uitzondering.objects.create(page=page, datum=dt.date(2025, 3, 12), soort="vervalt")  # a Wednesday
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.nl", "x"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Deze uitzonderingen vallen niet op een datum van de reeks" in html
    assert "12 maart 2025" in html

    Uitzondering.objects.filter(page=page).update(datum=dt.date(2025, 3, 11))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Deze uitzonderingen vallen niet op een datum van de reeks" not in html


def test_the_editor_refuses_two_exceptions_on_one_date(client, agenda):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.nl", "x"))
    data = {
        "title": "Taalcafé",
        "slug": "taalcafe",
        "intro": "",
        "body": streamfield([]),
        "heel_de_stad": "on",
        "adres_vrij": "Tulpenstraat 14",
        "kosten": "gratis",
        "aanmelden": "inloop",
        "iemand_mag_mee": "on",
        "start_datum": "2025-03-04",
        "recurrence": "RRULE:FREQ=WEEKLY;BYDAY=TU",
        "dagen": "1",
        "vervalt_op_feestdagen": "on",
        "tijdsloten": inline_formset([{"start_tijd": "19:00", "eind_tijd": "21:00"}]),
        "uitzonderingen": inline_formset(
            [
                {"datum": "2025-03-11", "soort": "vervalt", "toelichting": ""},
                {
                    "datum": "2025-03-11",
                    "soort": "verplaatst",
                    "nieuwe_datum": "2025-03-12",
                    "toelichting": "",
                },
            ]
        ),
        "action-publish": "publish",
    }
    url = f"/admin/pages/add/activiteiten/activiteitpage/{agenda.pk}/"
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 200
    assert "Er is al een uitzondering voor deze datum." in response.content.decode()
    assert not AgendaItemPage.objects.filter(slug="taalcafe").exists()

    data["uitzonderingen"] = inline_formset([{"datum": "2025-03-11", "soort": "vervalt", "toelichting": ""}])
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AgendaItemPage.objects.get(slug="taalcafe").live
