"""AVG: names and contact details go after the retention period, and one resident's data can be
exported or erased on request, from the command line or the admin."""

import datetime as dt
import json
import logging
from unittest import mock

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision

from initiatieven.makelaar.privacy import GEWIST, erase_for, export_for, months_before, purge, scrub_text
from initiatieven.makelaar.privacy_views import PersoonsgegevensMenuItem, persoonsgegevens
from initiatieven.models import Bijdrage, Idee, Notitie, Talent
from portal.models import Bericht

from ..factories import AgendaPageFactory, ContentPageFactory, ThemaFactory, WijkFactory
from ..helpers import propose

pytestmark = pytest.mark.django_db
User = get_user_model()

ANS = ("Ans de Vries", "Ans.deVries@example.org", "06-12345678")
BRAM = ("Bram Bakker", "bram@example.org", "0231234567")
PRIVATE = [
    "Ans de Vries",
    "ans.devries@example.org",
    "06-12345678",
    "06 12345678",
    "Bram Bakker",
    "bram@example.org",
    "023 123 45 67",
    "0231234567",
    "Els Jansen",
    "els@example.org",
]


def ago(days):
    return timezone.now() - dt.timedelta(days=days)


def close(item, when, status="afgerond"):
    type(item).objects.filter(pk=item.pk).update(status=status, afgesloten_op=when, status_sinds=when)
    item.refresh_from_db()
    return item


def note(item, tekst):
    return Notitie.objects.create(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, tekst=tekst
    )


def mail(to, onderwerp, tekst, when, reply_to=(), soort="status_wijziging"):
    return Bericht.objects.create(
        aan=list(to),
        reply_to=list(reply_to),
        onderwerp=onderwerp,
        tekst=tekst,
        soort=soort,
        status="verstuurd",
        aangemaakt_op=when,
        verstuurd_op=when,
    )


@pytest.fixture
def wijk(db):
    return WijkFactory(naam="Schalkwijk", slug="schalkwijk")


@pytest.fixture
def data(home, wijk):
    """Ans and Bram were helped over a year ago; Cees last month; Dirk is still waiting. Els sent in a
    page that was rejected long ago; Fenna's page is online."""
    naam, email, telefoon = ANS
    ans = Idee.objects.create(
        wijk=wijk,
        naam=naam,
        email=email,
        telefoon=telefoon,
        toestemming_op=ago(500),
        idee="Moestuin achter het buurthuis. Bel Ans op 06 12345678 of mail ans.devries@example.org.",
        wie_nog="De buurvrouw, fatima@example.org, en Ans de Vries zelf",
        voor_wie="Iedereen in de straat",
        thema=ThemaFactory(naam="Groen", slug="groen"),
    )
    close(ans, ago(400))
    log(instance=ans, action="initiatieven.status", data={"van": "nieuw", "naar": "afgerond"})
    log(instance=ans, action="initiatieven.notitie", data={"tekst": "Ans belt terug op 06 12345678"})
    note(ans, "Ans de Vries gebeld, komt dinsdag langs")
    naam, email, telefoon = BRAM
    bram = Talent.objects.create(naam=naam, email=email, telefoon=telefoon, toelichting="Bel 023 123 45 67")
    bram.wijken.add(wijk)
    bram.vaardigheden.add("koken", "fietsen repareren")
    close(bram, ago(380), status="niet_doorgegaan")
    log(instance=bram, action="initiatieven.toegewezen", data={"aan": "makelaar_s"})
    note(bram, "Bram wil alleen op zaterdag")

    cees = close(
        Idee.objects.create(wijk=wijk, naam="Cees", email="cees@example.org", idee="Jeu de boules"), ago(45)
    )
    dirk = Idee.objects.create(
        wijk=wijk, naam="Dirk", email="dirk@example.org", idee="Een bankje", aangemaakt_op=ago(800)
    )
    note(dirk, "Dirk is 82")

    rejected = ContentPageFactory(parent=home, title="Koffie-ochtend", live=False)
    online = ContentPageFactory(parent=home, title="Repair café")
    els = Bijdrage.objects.create(
        page=rejected,
        soort="activiteit",
        naam="Els Jansen",
        email="els@example.org",
        telefoon="06 11122233",
        status="afgewezen",
        ingediend_op=ago(420),
        opmerking_redactie="Els, bel ons even op 023 555 66 77",
    )
    log(instance=els, action="wagtail.edit")
    fenna = Bijdrage.objects.create(
        page=online, soort="activiteit", naam="Fenna", email="fenna@example.org", ingediend_op=ago(420)
    )

    berichten = {
        "mail_ans": mail(
            ["ans.devries@example.org"], "Je idee: afgerond", "Hallo Ans de Vries,\n\nAfgerond.", ago(400)
        ),
        "mail_relay": mail(
            ["initiatiefnemer@example.org"],
            "Bericht over Moestuin van Ans de Vries",
            "Ans de Vries stuurt je een bericht. Antwoorden gaat naar Ans (ans.devries@example.org).",
            ago(450),
            reply_to=["Ans.deVries@example.org"],
            soort="bericht",
        ),
        "mail_jans": mail(["jans.devries@example.org"], "Je idee: nieuw", "Hallo Jans", ago(400)),
        "mail_cees": mail(["cees@example.org"], "Je idee: afgerond", "Hallo Cees", ago(30)),
        "mail_els": mail(
            ["els@example.org"], "Je activiteit staat nog niet online", "Hallo Els Jansen", ago(420)
        ),
        "mail_fenna": mail(["fenna@example.org"], "Je activiteit staat online", "Hallo Fenna", ago(420)),
    }
    return {"ans": ans, "bram": bram, "cees": cees, "dirk": dirk, "els": els, "fenna": fenna, **berichten}


def fresh(obj):
    obj.refresh_from_db()
    return obj


def entries(item):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=str(item.pk)
    )


def no_private_data_in(text):
    lowered = text.lower()
    return [value for value in PRIVATE if value.lower() in lowered]


# --- Scrubbing ---


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mail me: ans@example.org!", "Mail me: (gewist)!"),
        ("Bel 06-12345678 of +31 6 12345678", "Bel (gewist) of (gewist)"),
        ("Ans de Vries en Ans komen", "(gewist) en (gewist) komen"),
        ("De Vries kookt", "De (gewist) kookt"),
        ("Een moestuin voor de buurt", "Een moestuin voor de buurt"),
    ],
)
def test_scrub_removes_contact_details_and_the_persons_own_name(text, expected):
    assert scrub_text(text, ["Ans de Vries", "ans@example.org"]) == expected


def test_months_before_keeps_the_day_or_takes_the_last_of_the_month():
    moment = dt.datetime(2025, 3, 31, 10, 0, tzinfo=dt.UTC)
    assert months_before(moment, 1) == dt.datetime(2025, 2, 28, 10, 0, tzinfo=dt.UTC)
    assert months_before(moment, 12) == dt.datetime(2024, 3, 31, 10, 0, tzinfo=dt.UTC)
    assert months_before(moment, 0) == moment


# --- Purge after the retention period ---


def test_purge_anonymises_ideas_closed_longer_than_the_retention_period(data):
    counts = purge()
    assert counts["ideeen"] == 1 and counts["talenten"] == 1
    ans = fresh(data["ans"])
    assert (ans.naam, ans.email, ans.telefoon) == (GEWIST, "", "")
    assert ans.geanonimiseerd_op is not None
    assert ans.idee == "Moestuin achter het buurthuis. Bel (gewist) op (gewist) of mail (gewist)."
    assert ans.wie_nog == "De buurvrouw, (gewist), en (gewist) zelf"
    assert ans.voor_wie == "Iedereen in de straat"
    assert ans.status == "afgerond" and ans.thema.naam == "Groen"
    assert [n.tekst for n in ans.notities.all()] == [GEWIST]
    for entry in entries(ans):
        assert not no_private_data_in(entry.label + json.dumps(entry.data)), entry.action
    assert entries(ans).get(action="initiatieven.status").data == {"van": "nieuw", "naar": "afgerond"}


def test_purge_anonymises_talents_and_their_log_label_with_the_name(data):
    assert "Bram" not in entries(data["bram"]).get().label  # neutral labels: "Talent 12"
    purge()
    bram = fresh(data["bram"])
    assert (bram.naam, bram.email, bram.telefoon, bram.toelichting) == (GEWIST, "", "", "Bel (gewist)")
    assert sorted(bram.vaardigheden.names()) == ["fietsen repareren", "koken"]
    assert [n.tekst for n in bram.notities.all()] == [GEWIST]
    entry = entries(bram).get()
    assert "Bram" not in entry.label
    assert entry.data == {"aan": "makelaar_s"}  # the makelaar, not the resident


def test_purge_empties_the_emails_to_that_address_only(data):
    counts = purge()
    for key in ("mail_ans", "mail_relay", "mail_els"):
        bericht = fresh(data[key])
        assert (bericht.aan, bericht.reply_to, bericht.tekst) == ([], [], GEWIST), key
        assert not no_private_data_in(bericht.onderwerp), key
    assert fresh(data["mail_relay"]).onderwerp == "Bericht over Moestuin van (gewist)"
    assert fresh(data["mail_jans"]).aan == ["jans.devries@example.org"]  # a look-alike address stays
    assert fresh(data["mail_cees"]).tekst == "Hallo Cees"
    assert fresh(data["mail_fenna"]).tekst == "Hallo Fenna"
    assert counts["berichten"] == 3


def test_purge_leaves_open_and_recently_closed_items_alone(data):
    before = {key: (fresh(data[key]).naam, data[key].email) for key in ("cees", "dirk", "fenna")}
    purge()
    for key, contact in before.items():
        item = fresh(data[key])
        assert (item.naam, item.email) == contact, key
    assert fresh(data["cees"]).geanonimiseerd_op is None
    assert [n.tekst for n in data["dirk"].notities.all()] == ["Dirk is 82"]


def test_purge_clears_the_sender_of_an_old_page_that_is_not_online(data):
    counts = purge()
    els = fresh(data["els"])
    assert (els.naam, els.email, els.telefoon) == (GEWIST, "", "")
    assert els.opmerking_redactie == "(gewist), bel ons even op (gewist)"
    assert not no_private_data_in(entries(els).get().label)
    assert fresh(data["fenna"]).naam == "Fenna"  # her page is online
    assert counts["bijdragen"] == 1


def test_a_recent_contribution_to_an_offline_page_is_kept(data):
    Bijdrage.objects.filter(pk=data["els"].pk).update(ingediend_op=ago(20))
    purge()
    assert fresh(data["els"]).naam == "Els Jansen"


def test_purge_is_idempotent(data):
    first = purge()
    assert first["ideeen"] == 1
    moment = fresh(data["ans"]).geanonimiseerd_op
    second = purge()
    assert set(second.values()) == {0}
    assert fresh(data["ans"]).geanonimiseerd_op == moment


def test_purge_dry_run_counts_but_changes_nothing(data):
    dry = purge(dry_run=True)
    assert fresh(data["ans"]).naam == "Ans de Vries"
    assert fresh(data["mail_ans"]).aan == ["ans.devries@example.org"]
    assert dry == purge()


def test_retention_period_comes_from_the_setting_or_the_argument(data, settings):
    settings.PORTAL_BEWAARTERMIJN_MAANDEN = 24
    assert purge()["ideeen"] == 0
    assert purge(months=1)["ideeen"] == 2  # Ans and Cees; Dirk is still open
    assert fresh(data["dirk"]).naam == "Dirk"


def test_items_reopened_after_closing_are_not_purged(data):
    Idee.objects.filter(pk=data["ans"].pk).update(status="loopt", afgesloten_op=None)
    purge()
    assert fresh(data["ans"]).naam == "Ans de Vries"


def test_purge_scrubs_the_log_of_items_deleted_in_the_admin(data, wijk):
    gone = Talent.objects.create(naam="Gijs Groen", email="gijs@example.org")
    log(instance=gone, action="wagtail.delete", deleted=True)
    pk = gone.pk
    gone.delete()
    purge()
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(pk))
    assert entry.label == GEWIST


def test_purge_and_erase_log_no_personal_data(data, caplog):
    caplog.set_level(logging.DEBUG)
    purge()
    erase_for("Cees@example.org")
    erase_for("dirk@example.org")
    assert caplog.records, "the counts are logged"
    assert not no_private_data_in(caplog.text)
    for value in ("Cees", "Dirk", "cees@example.org", "dirk@example.org"):
        assert value.lower() not in caplog.text.lower()


def test_a_proposed_page_keeps_its_sender_out_of_revisions_and_erasing_clears_the_rest(
    client, home, settings, django_capture_on_commit_callbacks
):
    """End to end, with the e-mails the real proposal form writes."""
    from django.core.cache import cache

    settings.PORTAL_FORM_MIN_SECONDS = 3
    cache.clear()
    site = {
        "agenda": AgendaPageFactory(parent=home),
        "wijk": WijkFactory(naam="Schalkwijk", slug="schalkwijk"),
        "thema": ThemaFactory(naam="Ontmoeting", slug="ontmoeting"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert propose(client, site).status_code == 302
    bijdrage = Bijdrage.objects.get()
    revisions = Revision.objects.filter(object_id=str(bijdrage.page_id))
    assert revisions.exists()
    for revision in revisions:
        assert not no_private_data_in(json.dumps(revision.content))
    assert not Revision.objects.filter(
        content_type__in=[ContentType.objects.get_for_model(m) for m in (Idee, Talent, Bijdrage)]
    ).exists()

    exported = export_for("ans.devries@example.org")
    assert exported["bijdragen"][0]["pagina"] == "Koffie-ochtend Tulpstraat"
    assert exported["berichten"] and all(
        b["aan"] == ["ans.devries@example.org"] for b in exported["berichten"]
    )

    erase_for("ans.devries@example.org")
    after = export_for("ans.devries@example.org")
    assert after["ideeen"] == after["talenten"] == after["bijdragen"] == after["berichten"] == []
    assert not no_private_data_in(json.dumps(list(Bericht.objects.values()), default=str))
    assert not no_private_data_in(json.dumps(list(Bijdrage.objects.values("naam", "email", "telefoon"))))
    cache.clear()


# --- Export ---


def test_export_has_every_kind_for_the_address_in_any_case(data):
    result = export_for("ANS.DEVRIES@example.org")
    json.dumps(result)  # serialisable as it is
    (idee,) = result["ideeen"]
    assert idee["naam"] == "Ans de Vries" and idee["telefoon"] == "06-12345678"
    assert idee["wijk"] == "Schalkwijk" and idee["wie_doen_er_mee"].startswith("De buurvrouw")
    assert [n["tekst"] for n in idee["notities"]] == ["Ans de Vries gebeld, komt dinsdag langs"]
    assert {g["actie"] for g in idee["geschiedenis"]} == {"initiatieven.status", "initiatieven.notitie"}
    assert sorted(b["onderwerp"] for b in result["berichten"]) == [
        "Bericht over Moestuin van Ans de Vries",
        "Je idee: afgerond",
    ]
    assert result["talenten"] == [] and result["bijdragen"] == []


def test_export_of_a_talent_has_the_skills_and_of_a_contribution_the_page(data):
    bram = export_for("bram@example.org")["talenten"][0]
    assert bram["vaardigheden"] == ["fietsen repareren", "koken"]
    assert bram["wijken"] == ["Schalkwijk"] and bram["notities"][0]["tekst"] == "Bram wil alleen op zaterdag"
    els = export_for("els@example.org")
    assert els["bijdragen"][0]["pagina"] == "Koffie-ochtend"
    assert els["bijdragen"][0]["telefoon"] == "06 11122233"
    assert [b["onderwerp"] for b in els["berichten"]] == ["Je activiteit staat nog niet online"]


def test_export_never_shows_another_persons_address(data):
    text = json.dumps(export_for("ans.devries@example.org"))
    assert "initiatiefnemer@example.org" not in text  # the relayed message's recipient stays hidden
    assert "jans.devries" not in text and "Bram" not in text and "Cees" not in text


# --- Erase on request ---


def test_erase_deletes_items_notes_and_log_and_empties_the_emails(data):
    ans = data["ans"]
    counts = erase_for(" ans.DEVRIES@example.org ")
    assert counts["ideeen"] == 1 and counts["notities"] == 1 and counts["logregels"] == 2
    assert counts["berichten"] == 2
    assert not Idee.objects.filter(pk=ans.pk).exists()
    assert not Notitie.objects.filter(object_id=ans.pk, content_type__model="idee").exists()
    assert not entries(ans).exists()
    for key in ("mail_ans", "mail_relay"):
        assert (fresh(data[key]).aan, fresh(data[key]).tekst) == ([], GEWIST)
    assert export_for("ans.devries@example.org")["berichten"] == []


def test_erase_of_a_contribution_keeps_the_page_without_the_sender(data):
    counts = erase_for("fenna@example.org")
    fenna = fresh(data["fenna"])
    assert (fenna.naam, fenna.email) == (GEWIST, "")
    assert fenna.page.title == "Repair café" and fenna.page.live
    assert counts["bijdragen"] == 1 and counts["berichten"] == 1


def test_erase_leaves_other_peoples_data_untouched(data):
    def others():
        return (
            list(Idee.objects.exclude(pk=data["ans"].pk).values_list("naam", "email", "idee")),
            list(Talent.objects.values_list("naam", "email")),
            list(Bijdrage.objects.values_list("naam", "email")),
            list(Notitie.objects.exclude(object_id=data["ans"].pk).values_list("tekst", flat=True)),
            list(Bericht.objects.exclude(pk__in=[data["mail_ans"].pk, data["mail_relay"].pk]).values()),
            list(ModelLogEntry.objects.exclude(object_id=str(data["ans"].pk)).values("label", "data")),
        )

    before = others()
    erase_for("ans.devries@example.org")
    assert others() == before


def test_erase_of_an_unknown_address_changes_nothing(data):
    assert set(erase_for("niemand@example.org").values()) == {0}
    assert Idee.objects.count() == 3 and Bericht.objects.filter(tekst=GEWIST).count() == 0


# --- Management commands ---


def test_purge_command_prints_the_counts_in_dutch(data, capsys):
    call_command("purge_persoonsgegevens", "--dry-run")
    out = capsys.readouterr().out
    assert "Proefdraai" in out and "1 ideeën: naam en contactgegevens gewist" in out
    assert fresh(data["ans"]).naam == "Ans de Vries"
    call_command("purge_persoonsgegevens", "--maanden", "1")
    out = capsys.readouterr().out
    assert "2 ideeën: naam en contactgegevens gewist" in out and "Proefdraai" not in out
    assert fresh(data["cees"]).naam == GEWIST


def test_export_command_prints_json_or_writes_a_file(data, capsys, tmp_path):
    call_command("export_persoonsgegevens", "Bram@Example.org")
    assert json.loads(capsys.readouterr().out)["talenten"][0]["naam"] == "Bram Bakker"
    target = tmp_path / "bram.json"
    call_command("export_persoonsgegevens", "bram@example.org", "--uitvoer", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["talenten"][0]["vaardigheden"]
    with pytest.raises(CommandError, match="geen geldig e-mailadres"):
        call_command("export_persoonsgegevens", "bram")


def test_erase_command_asks_first(data, capsys):
    with mock.patch("builtins.input", return_value="nee"), pytest.raises(CommandError, match="Niets gewist"):
        call_command("wis_persoonsgegevens", "bram@example.org")
    assert Talent.objects.filter(pk=data["bram"].pk).exists()
    with mock.patch("builtins.input", return_value="ja"):
        call_command("wis_persoonsgegevens", "bram@example.org")
    assert not Talent.objects.filter(pk=data["bram"].pk).exists()
    assert "1 talenten verwijderd" in capsys.readouterr().out


def test_erase_command_with_ja_does_not_ask(data, capsys):
    with mock.patch("builtins.input", side_effect=AssertionError("asked")):
        call_command("wis_persoonsgegevens", "ans.devries@example.org", "--ja")
    assert not Idee.objects.filter(pk=data["ans"].pk).exists()


# --- The admin view ---


@pytest.fixture
def users(wijk):
    def group(name, codenames):
        group = Group.objects.create(name=name)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in codenames:
            group.permissions.add(
                Permission.objects.get(content_type__app_label="initiatieven", codename=codename)
            )
        return group

    makelaars = group("Sociaal makelaars", ["view_idee", "change_idee", "delete_idee"])
    redacteuren = group("Redacteuren", ["view_bijdrage", "change_bijdrage"])
    made = {"anonymous": None, "admin": User.objects.create_superuser("admin", "admin@example.org", "x")}
    for name, grp in (("makelaar", makelaars), ("redacteur", redacteuren)):
        made[name] = User.objects.create_user(name, f"{name}@example.org", "x")
        made[name].groups.add(grp)
    wijk.makelaars.add(made["makelaar"])
    made["zonder_beheer"] = User.objects.create_user("bewoner", "bewoner@example.org", "x")
    return made


URL = "/admin/persoonsgegevens/"


def snapshot():
    return (
        list(Idee.objects.values_list("pk", "naam", "email")),
        list(Talent.objects.values_list("pk", "naam", "email")),
        list(Bijdrage.objects.values_list("pk", "naam", "email")),
        list(Bericht.objects.values_list("pk", "aan", "tekst")),
        Notitie.objects.count(),
        ModelLogEntry.objects.count(),
    )


# The real URLconf (portal.urls): the view is reached only through the admin URL that
# ``register_persoonsgegevens_url`` in initiatieven/wagtail_hooks.py registers, wrapped by Wagtail's
# ``require_admin_access``. What a refused visitor gets is Wagtail's, in Dutch:
LOGIN = "/admin/login/?next=/admin/persoonsgegevens/"
NO_PERMISSION = "Sorry, je hebt geen toegang tot dit gedeelte."  # logged in, may use the admin
NO_ADMIN = "Je hebt geen toegang tot de administratoropties."  # logged in, no admin access at all


def errors(response):
    return [str(m).strip() for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def as_user(user):
    """A new client (so no message is left from an earlier request), logged in as ``user``."""
    client = Client()
    if user:
        client.force_login(user)
    return client


def test_the_admin_hooks_register_the_view_at_its_url_and_in_the_settings_menu(client, users):
    assert reverse("initiatieven_persoonsgegevens") == URL
    assert resolve(URL).url_name == "initiatieven_persoonsgegevens"
    client.force_login(users["admin"])
    assert f'"{URL}"' in client.get("/admin/").content.decode()  # the settings menu item, for the admin
    client.force_login(users["makelaar"])
    assert f'"{URL}"' not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("who", ["admin"])
def test_allowed_user_downloads_the_json(client, users, data, who):
    client.force_login(users[who])
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Download gegevens (JSON)" in html and "Wis alles van dit adres" in html
    response = client.post(URL, {"email": "Ans.DeVries@example.org", "actie": "download"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "example.org" not in response["Content-Disposition"]
    # The view's no-store, and what Wagtail's admin adds to every response of its own (never_cache).
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"no-store", "private", "no-cache", "max-age=0", "must-revalidate"}
    assert json.loads(response.content)["ideeen"][0]["naam"] == "Ans de Vries"


def test_erase_in_the_admin_asks_for_confirmation_first(client, users, data):
    client.force_login(users["admin"])
    before = snapshot()
    confirm = client.post(URL, {"email": "bram@example.org", "actie": "wis"})
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Alles wissen van bram@example.org?" in html and "1 talent" in html
    assert "Ja, wis alles van dit adres" in html
    assert snapshot() == before

    done = client.post(URL, {"email": "bram@example.org", "actie": "wis", "bevestigd": "ja"}, follow=True)
    assert done.status_code == 200
    assert done.redirect_chain == [(URL, 302)]
    assert "1 talenten verwijderd" in done.content.decode()
    assert not Talent.objects.filter(pk=data["bram"].pk).exists()
    assert fresh(data["ans"]).naam == "Ans de Vries"


def test_an_invalid_address_is_explained_and_changes_nothing(client, users, data):
    client.force_login(users["admin"])
    before = snapshot()
    response = client.post(URL, {"email": "geen adres", "actie": "wis", "bevestigd": "ja"})
    assert response.status_code == 200 and "geldig e-mailadres" in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize(
    "who, location, message",
    [
        ("anonymous", LOGIN, None),  # to the login page, and back here after it
        ("redacteur", "/admin/", NO_PERMISSION),  # to the dashboard, with Wagtail's message
        ("zonder_beheer", LOGIN, NO_ADMIN),
    ],
)
def test_denied_users_get_nothing_and_change_nothing(users, data, who, location, message):
    before = snapshot()
    for method, payload in (
        ("get", {}),
        ("post", {"email": "ans.devries@example.org", "actie": "download"}),
        ("post", {"email": "ans.devries@example.org", "actie": "wis", "bevestigd": "ja"}),
    ):
        response = getattr(as_user(users[who]), method)(URL, payload)
        assert (response.status_code, response.get("Location")) == (302, location), (method, payload)
        assert response.content == b""
        assert errors(response) == ([message] if message else [])
    assert snapshot() == before


def test_the_view_itself_refuses_who_may_not_delete_ideas(users, data):
    request = RequestFactory().post(
        URL, {"email": "ans.devries@example.org", "actie": "wis", "bevestigd": "ja"}
    )
    request.user = users["redacteur"]
    with pytest.raises(PermissionDenied):
        persoonsgegevens(request)
    assert fresh(data["ans"]).naam == "Ans de Vries"


@pytest.mark.parametrize(
    "who, shown", [("admin", True), ("makelaar", False), ("redacteur", False), ("zonder_beheer", False)]
)
def test_menu_item_is_shown_to_who_may_use_it(users, who, shown):
    request = RequestFactory().get("/admin/")
    request.user = users[who]
    assert PersoonsgegevensMenuItem("Persoonsgegevens", URL).is_shown(request) is shown


def test_only_a_superuser_may_export_or_erase_not_a_makelaar(users, data):
    """An address can have data in every wijk, in contributions and in e-mails: no makelaar may see it all."""
    before = snapshot()
    for payload in (
        {"email": "ans.devries@example.org", "actie": "download"},
        {"email": "ans.devries@example.org", "actie": "wis", "bevestigd": "ja"},
    ):
        response = as_user(users["makelaar"]).post(URL, payload)
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), payload
        assert response.content == b""
        assert errors(response) == [NO_PERMISSION]
    assert snapshot() == before
