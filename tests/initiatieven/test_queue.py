"""The sociaal makelaar's queue in the Wagtail admin: per-wijk scope on every URL and method, status
changes that always tell the resident, assignment, notes, and anonymous signals."""

import datetime as dt

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from initiatieven.makelaar.views import working_days_since
from initiatieven.models import Idee, Notitie, Signaal, Talent

from ..factories import ThemaFactory, WijkFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def wijken(db):
    return {
        "schalkwijk": WijkFactory(naam="Schalkwijk", slug="schalkwijk"),
        "oost": WijkFactory(naam="Oost", slug="oost"),
    }


def _group(name, perms):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in perms:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="initiatieven", codename=codename)
        )
    return group


@pytest.fixture
def users(wijken):
    queue_perms = [
        f"{a}_{m}"
        for m in ("idee", "talent", "signaal", "bundel")
        for a in ("add", "change", "delete", "view")
    ]
    makelaars = _group("Sociaal makelaars", queue_perms)
    redacteuren = _group("Redacteuren", ["view_bijdrage", "change_bijdrage"])
    made = {}
    for name, group, wijk in (
        ("makelaar_s", makelaars, "schalkwijk"),
        ("makelaar_o", makelaars, "oost"),
        ("redacteur", redacteuren, None),
    ):
        user = User.objects.create_user(name, f"{name}@example.org", "x", first_name=name)
        user.groups.add(group)
        if wijk:
            wijken[wijk].makelaars.add(user)
        made[name] = user
    made["admin"] = User.objects.create_superuser("admin", "admin@example.org", "x")
    made["anonymous"] = None
    return made


@pytest.fixture
def items(wijken):
    thema = ThemaFactory(naam="Ontmoeting", slug="ontmoeting")
    idee = Idee.objects.create(
        wijk=wijken["schalkwijk"], idee="Een buurtbarbecue op het plein", naam="Ans", email="ans@example.org"
    )
    talent = Talent.objects.create(
        naam="Bram", email="bram@example.org", tijd="wekelijks", dagdelen=["avond"]
    )
    talent.wijken.add(wijken["schalkwijk"])
    talent.vaardigheden.add("koken")
    signaal = Signaal.objects.create(
        wijk=wijken["schalkwijk"], thema=thema, tekst="Veel eenzame ouderen", aantal_bewoners=4
    )
    return {"ideeen": idee, "talenten": talent, "signalen": signaal}


def login(client, users, who):
    if users[who] is not None:
        client.force_login(users[who])
    return client


def snapshot(item):
    item.refresh_from_db()
    return (item.status, item.toegewezen_aan_id, str(item), Notitie.objects.filter(object_id=item.pk).count())


OBJECT_ACTIONS = ["inspect", "edit", "delete", "history", "usage"]

# How the queue refuses someone who may not handle an item (the admin wrapper's messages, in Dutch):
# - anonymous: Wagtail's admin sends everyone without a session to the login page, for every URL;
# - the makelaar of another wijk: the item does not exist for them (the scoped queryset): a 404;
# - a redacteur (admin access, but no makelaar): a 404 too, except for the edit form. Wagtail's inspect,
#   delete, history and usage views look the object up in setup(), before the permission check, and the
#   quick actions look it up in the scoped queryset first; the edit view checks the permission first,
#   so its refusal is Wagtail's "no permission" redirect to the dashboard with its message.
NO_PERMISSION = "Sorry, je hebt geen toegang tot dit gedeelte."


def refusal(who, action, url):
    """(status, Location, error messages) of the refusal of ``action`` at ``url`` for ``who``."""
    if who == "anonymous":
        return 302, f"/admin/login/?next={url}", []
    if who == "redacteur" and action == "edit":
        return 302, "/admin/", [NO_PERMISSION]
    return 404, None, []


def answer(response):
    errors = [str(m).strip() for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    return response.status_code, response.get("Location"), errors


def fresh_client(users, who):
    """A new client for each refused request, so the only message is the one this request left."""
    return login(Client(), users, who)


def state(item):
    """Every field of the item and the rows the queue's actions add: none may change when refused."""
    return (
        type(item).objects.filter(pk=item.pk).values().get(),
        {model.__name__: model.objects.count() for model in (Idee, Talent, Signaal, Notitie, ModelLogEntry)},
    )


@pytest.mark.parametrize("prefix", ["ideeen", "talenten", "signalen"])
@pytest.mark.parametrize("who", ["anonymous", "redacteur", "makelaar_o", "makelaar_s", "admin"])
def test_permission_matrix_for_every_queue_url(client, users, items, prefix, who):
    item = items[prefix]
    login(client, users, who)
    allowed = who in ("makelaar_s", "admin")
    before, before_state = snapshot(item), state(item)

    index_url, results_url = reverse(f"{prefix}:index"), reverse(f"{prefix}:index_results")
    index, results = client.get(index_url), client.get(results_url)
    if who == "anonymous":
        assert answer(index) == (302, f"/admin/login/?next={index_url}", [])
        assert answer(results) == (302, f"/admin/login/?next={results_url}", [])
    elif who == "redacteur":  # Wagtail's "no permission" redirect to the dashboard
        assert answer(fresh_client(users, who).get(index_url)) == (302, "/admin/", [NO_PERMISSION])
        assert answer(fresh_client(users, who).get(results_url)) == (302, "/admin/", [NO_PERMISSION])
    else:
        assert index.status_code == 200 and results.status_code == 200
        visible = item.summary.split(":")[0] in results.content.decode()
        assert visible == allowed

    for action in OBJECT_ACTIONS:
        url = reverse(f"{prefix}:{action}", args=[item.pk])
        if allowed:
            response = client.get(url)
            assert response.status_code == 200, (action, response.status_code)
        else:
            assert answer(fresh_client(users, who).get(url)) == refusal(who, action, url), action

    if not allowed:
        posts = [
            ("edit", {"status": "afgerond"}),
            ("delete", {}),
            ("status", {"status": "afgerond"}),
            ("toewijzen", {"aan": "mij"}),
            ("notitie", {"tekst": "gekaapt"}),
        ]
        for action, data in posts:
            url = reverse(f"{prefix}:{action}", args=[item.pk])
            assert answer(fresh_client(users, who).post(url, data)) == refusal(who, action, url), action
        assert snapshot(item) == before
        assert state(item) == before_state
        assert not mail.outbox


def test_makelaar_menu_is_hidden_from_editors(client, users):
    client.force_login(users["redacteur"])
    html = client.get("/admin/").content.decode()
    assert "Sociaal makelaar" not in html
    client.force_login(users["makelaar_s"])
    assert "Sociaal makelaar" in client.get("/admin/").content.decode()


def test_status_change_emails_the_resident_and_is_in_the_history(
    client, users, items, django_capture_on_commit_callbacks
):
    idee = items["ideeen"]
    client.force_login(users["makelaar_s"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("ideeen:status", args=[idee.pk]), {"status": "in_gesprek"})
    assert response.status_code == 302
    idee.refresh_from_db()
    assert idee.status == "in_gesprek"
    (message,) = [m for m in mail.outbox if m.to == ["ans@example.org"]]
    assert "De sociaal makelaar van Schalkwijk is met je idee bezig" in message.body
    entry = ModelLogEntry.objects.get(action="initiatieven.status", object_id=str(idee.pk))
    assert entry.data == {"van": "nieuw", "naar": "in_gesprek"}
    history = client.get(reverse("ideeen:history", args=[idee.pk])).content.decode()
    assert "Status gewijzigd" in history


def test_status_text_is_editable_in_the_admin(client, users, items, home, django_capture_on_commit_callbacks):
    from wagtail.models import Site

    from initiatieven.models import MakelaarInstellingen

    instellingen = MakelaarInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.tekst_afgerond = "Klaar, {naam}! Dank voor je {soort} in {wijk}."
    instellingen.save()
    client.force_login(users["makelaar_s"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("talenten:status", args=[items["talenten"].pk]), {"status": "afgerond"})
    (message,) = mail.outbox
    assert "Klaar, Bram! Dank voor je aanbod in Schalkwijk." in message.body
    items["talenten"].refresh_from_db()
    assert items["talenten"].afgesloten_op is not None


def test_edit_form_status_change_also_emails(client, users, items, django_capture_on_commit_callbacks):
    idee = items["ideeen"]
    client.force_login(users["makelaar_s"])
    url = reverse("ideeen:edit", args=[idee.pk])
    data = {
        "status": "gekoppeld",
        "toegewezen_aan": str(users["makelaar_s"].pk),
        "thema": "",
        "wijk": str(idee.wijk_id),
        "idee": idee.idee,
        "voor_wie": "",
        "nodig": "",
        "goed_in": "",
        "wie_nog": "",
        "naam": idee.naam,
        "email": idee.email,
        "telefoon": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    idee.refresh_from_db()
    assert (idee.status, idee.toegewezen_aan) == ("gekoppeld", users["makelaar_s"])
    assert len(mail.outbox) == 1


def test_assign_to_myself_and_add_a_note(client, users, items):
    idee = items["ideeen"]
    client.force_login(users["makelaar_s"])
    client.post(reverse("ideeen:toewijzen", args=[idee.pk]), {"aan": "mij"})
    client.post(reverse("ideeen:notitie", args=[idee.pk]), {"tekst": "Gebeld, komt dinsdag langs."})
    idee.refresh_from_db()
    assert idee.toegewezen_aan == users["makelaar_s"]
    html = client.get(reverse("ideeen:inspect", args=[idee.pk])).content.decode()
    assert "Gebeld, komt dinsdag langs." in html and "Dit staat op jouw naam." in html


def test_items_new_for_more_than_5_working_days_are_highlighted(client, users, items):
    idee = items["ideeen"]
    Idee.objects.filter(pk=idee.pk).update(aangemaakt_op=timezone.now() - dt.timedelta(days=14))
    client.force_login(users["makelaar_s"])
    html = client.get(reverse("ideeen:index")).content.decode()
    assert 'class="queue-overdue"' in html and "werkdagen" in html


def test_working_days_skip_weekends_and_holidays():
    # Friday 24 April 2026 to Tuesday 28 April 2026: Monday 27 April is Koningsdag.
    friday = timezone.make_aware(dt.datetime(2026, 4, 24, 10))
    assert working_days_since(friday, today=dt.date(2026, 4, 28)) == 1


@pytest.mark.parametrize(
    "tekst",
    [
        "Mevrouw op jan@example.org is eenzaam",
        "Bel haar op 06-12345678",
        "Woont op 2031 AB 12",
        "Meneer in de Tulpstraat 14 heeft schulden",
    ],
)
def test_signal_with_personal_data_is_refused_with_a_clear_message(client, users, wijken, tekst):
    ThemaFactory(naam="Geld", slug="geld")
    client.force_login(users["makelaar_s"])
    response = client.post(
        reverse("signalen:add"),
        {
            "thema": "1",
            "wijk": str(wijken["schalkwijk"].pk),
            "tekst": tekst,
            "aantal_bewoners": "1",
            "status": "nieuw",
        },
    )
    assert response.status_code == 200
    assert "Een signaal is anoniem." in response.content.decode()
    assert not Signaal.objects.exists()


def test_signal_without_personal_data_is_stored_with_who_logged_it(client, users, wijken):
    from portal.models import Thema

    thema = ThemaFactory(naam="Geld", slug="geld")
    client.force_login(users["makelaar_s"])
    response = client.post(
        reverse("signalen:add"),
        {
            "thema": str(thema.pk),
            "wijk": str(wijken["schalkwijk"].pk),
            "tekst": "Drie gezinnen in de flat snappen de brief over de energietoeslag niet",
            "aantal_bewoners": "3",
            "status": "nieuw",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    signaal = Signaal.objects.get()
    assert signaal.gemeld_door == users["makelaar_s"] and signaal.thema == Thema.objects.get(slug="geld")


def test_new_item_emails_the_makelaars_of_its_wijk_only(users, items, django_capture_on_commit_callbacks):
    from initiatieven.makelaar.queue import notify_new_item

    with django_capture_on_commit_callbacks(execute=True):
        notify_new_item(items["ideeen"])
    (message,) = mail.outbox
    assert message.to == ["makelaar_s@example.org"]
    assert "ans@example.org" not in message.body and "/admin/ideeen/inspect/" in message.body


def test_a_mail_outage_keeps_the_message_and_it_is_sent_later(users, items, settings):
    from django.core.management import call_command

    from initiatieven.makelaar import emails
    from portal.models import Bericht

    settings.EMAIL_BACKEND = "tests.initiatieven.broken_mail.Backend"
    emails.notify_makelaars_new_item("idee", items["ideeen"].pk)
    bericht = Bericht.objects.get()
    assert (
        bericht.status == "wacht"
        and bericht.pogingen == 1
        and bericht.laatste_fout == "ConnectionRefusedError"
    )
    assert Idee.objects.filter(pk=items["ideeen"].pk).exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("verstuur_berichten")
    bericht.refresh_from_db()
    assert bericht.status == "verstuurd"
    assert [m.to for m in mail.outbox] == [["makelaar_s@example.org"]]


# --- Bundling and the way to an initiative ---


def test_wat_speelt_er_highlights_cells_that_reach_the_threshold(client, users, wijken, items):
    from initiatieven.makelaar.bundling import overview

    thema = items["signalen"].thema
    for text in ("Ouderen voelen zich alleen", "Weinig ontmoeting voor ouderen"):
        Idee.objects.create(
            wijk=wijken["schalkwijk"], thema=thema, idee=text, naam="X", email="x@example.org"
        )
    Idee.objects.create(wijk=wijken["oost"], thema=thema, idee="Ook alleen", naam="Y", email="y@example.org")
    old = Idee.objects.create(
        wijk=wijken["schalkwijk"], thema=thema, idee="Oud", naam="Z", email="z@example.org"
    )
    Idee.objects.filter(pk=old.pk).update(aangemaakt_op=timezone.now() - dt.timedelta(days=120))

    table = overview(users["admin"])
    hot = [(c.wijk.naam, c.thema.naam if c.thema else None, c.total) for c in table.hot]
    assert hot == [("Schalkwijk", "Ontmoeting", 3)]  # 2 ideas + 1 signal; the old one and Oost's don't count
    # A makelaar sees only their own wijken in the panel.
    assert [w.naam for w in overview(users["makelaar_o"]).wijken] == ["Oost"]
    client.force_login(users["makelaar_s"])
    html = client.get("/admin/").content.decode()
    assert "Wat speelt er?" in html and "bundelen?" in html
    client.force_login(users["redacteur"])
    assert "Wat speelt er?" not in client.get("/admin/").content.decode()


def test_threshold_is_configurable(users, wijken, items, home):
    from wagtail.models import Site

    from initiatieven.makelaar.bundling import overview
    from initiatieven.models import MakelaarInstellingen

    instellingen = MakelaarInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.bundel_drempel = 1
    instellingen.save()
    assert overview(users["admin"]).hot


def test_lijkt_op_suggests_similar_open_items_in_the_same_thema(client, users, wijken, items):
    thema = items["signalen"].thema
    idee = Idee.objects.create(
        wijk=wijken["schalkwijk"],
        thema=thema,
        idee="Koffie-ochtend voor eenzame ouderen",
        naam="A",
        email="a@x.nl",
    )
    Idee.objects.create(
        wijk=wijken["schalkwijk"], thema=None, idee="Eenzame ouderen koffie", naam="B", email="b@x.nl"
    )
    client.force_login(users["makelaar_s"])
    html = client.get(reverse("ideeen:inspect", args=[idee.pk])).content.decode()
    assert "Lijkt op" in html and "Veel eenzame ouderen" in html  # the signal, same thema
    assert "Eenzame ouderen koffie" not in html  # no thema: not compared


def test_idea_becomes_a_draft_initiative_linked_back(client, users, items, home):
    from wagtail.models import GroupPagePermission, Page

    from initiatieven.models import InitiatiefPage, InitiatievenIndexPage

    index = InitiatievenIndexPage(title="Bewonersinitiatieven", slug="initiatieven")
    home.add_child(instance=index)
    group = Group.objects.get(name="Sociaal makelaars")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(pk=index.pk),
        permission=Permission.objects.get(codename="add_page"),
    )
    idee = items["ideeen"]
    client.force_login(users["makelaar_s"])
    response = client.post(reverse("ideeen:initiatief", args=[idee.pk]))
    page = InitiatiefPage.objects.get()
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.title == "Een buurtbarbecue op het plein"
    assert list(page.wijken.all()) == [idee.wijk] and "Ans" not in page.initiatiefnemer
    idee.refresh_from_db()
    assert idee.initiatief == page
    # Another wijk's makelaar cannot do this.
    client.force_login(users["makelaar_o"])
    assert client.post(reverse("ideeen:initiatief", args=[idee.pk])).status_code == 404
    assert InitiatiefPage.objects.count() == 1


def test_a_bundel_from_a_hot_cell_offers_only_that_cells_open_items(client, users, wijken, items):
    thema = items["signalen"].thema
    same = Idee.objects.create(
        wijk=wijken["schalkwijk"], thema=thema, idee="Samen eten", naam="A", email="a@x.nl"
    )
    Idee.objects.create(wijk=wijken["oost"], thema=thema, idee="In Oost", naam="B", email="b@x.nl")
    client.force_login(users["makelaar_s"])
    url = reverse("bundels:add") + f"?wijk={wijken['schalkwijk'].pk}&thema={thema.pk}"
    html = client.get(url).content.decode()
    assert 'value="Ontmoeting in Schalkwijk"' in html
    assert "Samen eten" in html and "In Oost" not in html
    response = client.post(
        url,
        {
            "naam": "Ontmoeting in Schalkwijk",
            "wijk": str(wijken["schalkwijk"].pk),
            "thema": str(thema.pk),
            "notitie": "Koffie-ochtend opzetten",
            "ideeen": [str(same.pk)],
            "signalen": [str(items["signalen"].pk)],
        },
    )
    assert response.status_code == 302
    from initiatieven.models import Bundel

    bundel = Bundel.objects.get()
    assert list(bundel.ideeen.all()) == [same] and bundel.aangemaakt_door == users["makelaar_s"]


@pytest.mark.parametrize("who", ["anonymous", "redacteur", "makelaar_o"])
def test_bundels_of_another_wijk_are_out_of_reach(client, users, wijken, items, who):
    from initiatieven.models import Bundel

    bundel = Bundel.objects.create(naam="Eenzaamheid Schalkwijk", wijk=wijken["schalkwijk"])
    bundel.signalen.add(items["signalen"])
    login(client, users, who)
    before = (
        Bundel.objects.filter(pk=bundel.pk).values().get(),
        list(bundel.signalen.values_list("pk", flat=True)),
        Bundel.objects.count(),
        ModelLogEntry.objects.count(),
    )
    for action in OBJECT_ACTIONS:
        url = reverse(f"bundels:{action}", args=[bundel.pk])
        assert answer(fresh_client(users, who).get(url)) == refusal(who, action, url), action
    for action, data in (
        ("edit", {"naam": "Gekaapt", "wijk": str(wijken["oost"].pk)}),
        ("delete", {}),
        ("initiatief", {}),
    ):
        url = reverse(f"bundels:{action}", args=[bundel.pk])
        assert answer(fresh_client(users, who).post(url, data)) == refusal(who, action, url), action
    bundel.refresh_from_db()
    assert (bundel.naam, bundel.wijk, bundel.pagina) == ("Eenzaamheid Schalkwijk", wijken["schalkwijk"], None)
    assert before == (
        Bundel.objects.filter(pk=bundel.pk).values().get(),
        list(bundel.signalen.values_list("pk", flat=True)),
        Bundel.objects.count(),
        ModelLogEntry.objects.count(),
    )
    assert not mail.outbox
    if who == "makelaar_o":
        assert "Eenzaamheid Schalkwijk" not in client.get(reverse("bundels:index_results")).content.decode()


# --- Matching: koppel, introductions and the follow-up ---


@pytest.fixture
def moestuin(home, wijken):
    from initiatieven.models import Behoefte, Bijdrage, InitiatiefPage, InitiatievenIndexPage

    index = InitiatievenIndexPage(title="Bewonersinitiatieven", slug="initiatieven")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = InitiatiefPage(
        title="Buurtmoestuin",
        slug="moestuin",
        intro="Samen tuinieren.",
        initiatiefnemer="Tuinploeg",
        wijken=[wijken["schalkwijk"]],
        behoeften=[Behoefte(soort="helpers", tekst="Iemand die kan koken voor de oogstmaaltijd")],
    )
    index.add_child(instance=page)
    page.vaardigheden.add("koken")
    page.save_revision().publish()
    Bijdrage.objects.create(
        page=page, soort="initiatief", naam="Tuinploeg", email="tuin@example.org", status="goedgekeurd"
    )
    return page


def test_koppel_introduces_both_and_asks_the_makelaar_four_weeks_later(
    client, users, items, moestuin, django_capture_on_commit_callbacks
):
    from initiatieven.makelaar.emails import ask_outcomes
    from initiatieven.models import Koppeling

    talent = items["talenten"]
    client.force_login(users["makelaar_s"])
    inspect = client.get(reverse("talenten:inspect", args=[talent.pk])).content.decode()
    assert (
        "Waar past dit talent?" in inspect and "Buurtmoestuin" in inspect and "vaardigheid: koken" in inspect
    )

    url = reverse("talenten:koppel", args=[talent.pk, moestuin.pk])
    confirm = client.get(url).content.decode()
    assert "Ja, koppel en stuur de e-mails" in confirm
    assert not Koppeling.objects.exists()  # nothing happens before confirming
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    koppeling = Koppeling.objects.get()
    assert koppeling.opvolgen_op == timezone.localdate() + dt.timedelta(weeks=4)
    talent.refresh_from_db()
    assert talent.status == "gekoppeld"
    intro_talent = [m for m in mail.outbox if m.to == ["bram@example.org"] and "Kennismaking" in m.subject]
    intro_tuin = [m for m in mail.outbox if m.to == ["tuin@example.org"]]
    assert len(intro_talent) == 1 and len(intro_tuin) == 1
    assert "bram@example.org" in intro_tuin[0].body  # consent was given in the talent form
    assert intro_tuin[0].reply_to == ["makelaar_s@example.org"]

    mail.outbox.clear()
    assert ask_outcomes(today=timezone.localdate() + dt.timedelta(weeks=3)) == 0
    assert ask_outcomes(today=timezone.localdate() + dt.timedelta(weeks=4)) == 1
    assert ask_outcomes(today=timezone.localdate() + dt.timedelta(weeks=5)) == 0  # asked once
    (question,) = mail.outbox
    assert question.to == ["makelaar_s@example.org"] and "match" in question.subject

    client.post(reverse("talenten:uitkomst", args=[talent.pk, koppeling.pk]), {"uitkomst": "match"})
    koppeling.refresh_from_db()
    assert koppeling.uitkomst == "match"
    assert "1 keer een match" in client.get("/admin/").content.decode()


def test_another_wijks_makelaar_cannot_koppel(client, users, items, moestuin):
    from initiatieven.models import Koppeling

    client.force_login(users["makelaar_o"])
    url = reverse("talenten:koppel", args=[items["talenten"].pk, moestuin.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Koppeling.objects.exists() and not mail.outbox


def test_wie_kan_helpen_ranks_talents_for_a_need_within_scope(client, users, items, moestuin):
    behoefte = moestuin.behoeften.get()
    client.force_login(users["makelaar_s"])
    html = client.get("/admin/").content.decode()
    assert "Initiatieven die iets zoeken" in html
    page = client.get(reverse("talenten:behoefte", args=[behoefte.pk])).content.decode()
    assert "Bram" in page and "Koppel" in page
    client.force_login(users["makelaar_o"])
    assert client.get(reverse("talenten:behoefte", args=[behoefte.pk])).status_code == 404


def test_a_bundel_becomes_a_draft_activity(client, users, wijken, items, home):
    from wagtail.models import GroupPagePermission, Page

    from activiteiten.models import ActiviteitPage, AgendaPage
    from initiatieven.models import Bundel

    agenda = AgendaPage(title="Agenda", slug="agenda")
    home.add_child(instance=agenda)
    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Sociaal makelaars"),
        page=Page.objects.get(pk=agenda.pk),
        permission=Permission.objects.get(codename="add_page"),
    )
    bundel = Bundel.objects.create(
        naam="Koffie-ochtend voor ouderen", wijk=wijken["schalkwijk"], notitie="Elke week"
    )
    client.force_login(users["makelaar_s"])
    html = client.get(reverse("bundels:inspect", args=[bundel.pk])).content.decode()
    assert "Maak er een activiteit van" in html
    response = client.post(reverse("bundels:activiteit", args=[bundel.pk]))
    page = ActiviteitPage.objects.get()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and list(page.wijken.all()) == [wijken["schalkwijk"]]
    bundel.refresh_from_db()
    assert bundel.pagina_id == page.pk


def test_a_generalist_logs_a_signal_but_sees_no_queue(client, users, wijken, items):
    thema = items["signalen"].thema
    generalist = User.objects.create_user("gerda", "gerda@example.org", "x")
    group = _group("Wijkteam", ["add_signaal"])
    generalist.groups.add(group)
    client.force_login(generalist)
    assert client.get(reverse("signalen:index")).url == reverse("signalen:add")
    response = client.post(
        reverse("signalen:add"),
        {
            "thema": str(thema.pk),
            "wijk": str(wijken["oost"].pk),
            "tekst": "Jongeren hangen rond bij de school",
            "aantal_bewoners": "6",
            "status": "nieuw",
        },
    )
    assert response.status_code == 302 and response.url == reverse("signalen:add")
    signaal = Signaal.objects.get(tekst__startswith="Jongeren")
    assert signaal.gemeld_door == generalist
    # Not a makelaar, so no signal exists for them: Wagtail's inspect view looks it up before it asks
    # whether they may view it.
    assert client.get(reverse("signalen:inspect", args=[signaal.pk])).status_code == 404
    assert client.get(reverse("ideeen:index")).status_code == 302


def test_site_history_shows_no_resident_data_to_another_wijks_makelaar(client, users, items):
    talent, idee = items["talenten"], items["ideeen"]
    client.force_login(users["makelaar_s"])
    client.post(reverse("talenten:status", args=[talent.pk]), {"status": "in_gesprek"})
    client.post(reverse("ideeen:status", args=[idee.pk]), {"status": "in_gesprek"})
    client.force_login(users["makelaar_o"])
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "Bram" not in html and "buurtbarbecue" not in html


def test_a_makelaar_cannot_move_a_talent_into_another_wijk_or_assign_it_to_someone_blind(
    client, users, wijken
):
    talent = Talent.objects.create(naam="Olga", email="olga@example.org", tijd="wekelijks")
    talent.wijken.add(wijken["oost"])
    client.force_login(users["makelaar_o"])
    html = client.get(reverse("talenten:edit", args=[talent.pk])).content.decode()
    assert (
        f'value="{wijken["schalkwijk"].pk}"' not in html.split('name="wijken"')[0][-5:]
        or "Schalkwijk" not in html
    )
    data = {
        "status": "nieuw",
        "toegewezen_aan": "",
        "thema": "",
        "vaardigheden": "koken",
        "toelichting": "",
        "tijd": "wekelijks",
        "wijken": [str(wijken["schalkwijk"].pk)],
        "naam": "Olga",
        "email": "olga@example.org",
        "telefoon": "",
    }
    client.post(reverse("talenten:edit", args=[talent.pk]), data)
    assert [w.slug for w in talent.wijken.all()] == ["oost"]
    data.update(wijken=[str(wijken["oost"].pk)], toegewezen_aan=str(users["makelaar_s"].pk))
    response = client.post(reverse("talenten:edit", args=[talent.pk]), data)
    assert response.status_code == 200
    talent.refresh_from_db()
    assert talent.toegewezen_aan is None


def test_koppel_only_to_an_initiative_or_activity_in_the_talents_wijk(client, users, items, moestuin, home):
    from initiatieven.models import Koppeling

    talent = items["talenten"]
    client.force_login(users["makelaar_s"])
    assert client.post(reverse("talenten:koppel", args=[talent.pk, home.pk])).status_code == 404
    client.post(reverse("talenten:koppel", args=[talent.pk, moestuin.pk]))
    client.post(reverse("talenten:koppel", args=[talent.pk, moestuin.pk]))
    assert Koppeling.objects.count() == 1


@pytest.mark.parametrize(
    "tekst",
    [
        "tulpstraat 14",
        "Tulpstraat14",
        "06 - 12345678",
        "+31 (0)6 12345678",
        "2031 AB, huisnummer 12",
        "jan(at)example.org",
    ],
)
def test_more_ways_of_writing_personal_data_are_recognised(tekst):
    from initiatieven.makelaar.signalen import find_personal_data

    assert find_personal_data(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "Drie gezinnen snappen de brief over de energietoeslag niet",
        "Op 14 mei 2026 om 10 uur was het druk",
        "In 2024 waren er 12 gezinnen met schulden",
    ],
)
def test_ordinary_signals_are_not_mistaken_for_personal_data(tekst):
    from initiatieven.makelaar.signalen import find_personal_data

    assert not find_personal_data(tekst)


def test_a_huge_number_in_an_admin_filter_is_a_dutch_400_on_sqlite_and_ignored_on_postgresql(
    client, users, items, db_vendor
):
    """SQLite cannot take the number into its query (OverflowError): portal.middleware.BadInputMiddleware
    answers with the Dutch 400 page. PostgreSQL compares it and finds no wijk: the filter form says the
    choice is not valid, the filter is left out and the whole list shows."""
    client.force_login(users["makelaar_s"])
    invalid = "Selecteer een geldige keuze. 99999999999999999999999 is geen beschikbare keuze."
    for name in ("talenten:index", "talenten:index_results"):  # the page, and the list the filters reload
        response = client.get(reverse(name) + "?wijken=99999999999999999999999")
        html = response.content.decode()
        if db_vendor == "sqlite":
            assert response.status_code == 400, name
            assert "<title>Dit kunnen we niet verwerken | Huis van de Wijk</title>" in html
            assert "In wat er is verstuurd, staat iets wat niet klopt." in html
            assert "Bram" not in html
        else:
            assert response.status_code == 200, name
            assert (invalid in html) is (name == "talenten:index")  # the filter form is on the page only
            assert "Bram" in html and "1 talent" in html  # the talent in Schalkwijk: the filter is left out
