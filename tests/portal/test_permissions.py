"""Permission matrix (issue 9): every admin and queue URL and method, for every role.

Wagtail's security advisories of 2023–2026 were mostly permission bypasses on preview, revision and
chooser endpoints, so this module asks every one of those URLs, with GET and with the POST that changes
something, as each of seven roles: anonymous; a resident with the edit link of page P; a resident with
the edit link of another page (Q), trying it on P; a redacteur; the makelaar of the wijk of the items
(Schalkwijk); the makelaar of another wijk (Oost); an admin.

- ``MATRIX`` is declarative: one row per URL and method, with the expected outcome per role. A denied
  response is exactly one of: a redirect to the login page, Wagtail's "no permission" redirect to the
  dashboard with its message, a 403 or a 404 (and which one is part of the row). Every denied case also
  asserts that nothing changed: the rows of every model the portal keeps, the audit log, the outbox,
  and no on-commit work (e-mails) queued. An allowed POST asserts that its change happened.
- ``test_every_admin_url_is_in_the_matrix_or_denied_to_non_staff`` walks Django's URL resolver: any
  admin URL (and any of our own non-public ones) the matrix does not list must be denied to anonymous
  visitors, to a resident who holds an edit link and to a logged-in account without admin access.
- The makelaar of Oost never sees, opens, changes, exports or finds Schalkwijk's ideas and talents: not
  in listings, search, exports or an item's history. Wagtail's site history shows every log entry of a
  model to whoever has a permission on it; there they appear only as a neutral label ("Idee 12").

The world (two wijken, their ideas and talents, two proposed activities with their edit links, a live
activity, an initiative, the demo's groups and a user per role) is built once for the module inside a
transaction that is rolled back at the end; each test runs in a savepoint within it (pytest-django's
``db``), so every test starts from the same untouched world.
"""

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from html import unescape
from types import SimpleNamespace

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Site,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import querydict_from_html

from activiteiten.models import ActiviteitPage, Occurrence, Tijdslot, Uitzondering
from home.demo import ensure_site
from initiatieven.meedoen import services
from initiatieven.meedoen.forms import ActiviteitVoorstelForm
from initiatieven.meedoen.tokens import edit_path, make_token
from initiatieven.models import (
    Bijdrage,
    Bundel,
    Idee,
    InitiatiefPage,
    Koppeling,
    MakelaarInstellingen,
    Notitie,
    Signaal,
    Talent,
    TalentVaardigheid,
)
from portal.demo import DemoContext, ensure_groups
from portal.models import Bericht, PortalSettings, Wijk

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    ThemaFactory,
    WijkFactory,
)
from ..helpers import activity_data

User = get_user_model()

ROLES = (
    "anonymous",
    "resident",  # holds the edit link of page P
    "resident_other",  # holds the edit link of page Q, and tries it on P
    "redacteur",
    "makelaar_schalkwijk",  # the wijk of the items and of P
    "makelaar_oost",
    "admin",
)

# What residents sent in: none of it may be in a denied response.
PRIVATE = [
    "Sien Smit",
    "sien@example.org",
    "Barbecue op het Europaplein",
    "Bram Bakker",
    "bram@example.org",
    "Kookt graag op zaterdag",
    "Gebeld met",
    "Ans de Vries",
    "ans.devries@example.org",
    "06 12345678",
    "06 98765432",
]
SCHALKWIJK_ONLY = ["Sien Smit", "sien@example.org", "Barbecue", "Bram Bakker", "bram@example.org", "Kookt"]
SCHALKWIJK_QUEUE = [*SCHALKWIJK_ONLY, "Eenzame ouderen", "Ontmoeting in Schalkwijk"]


def found(strings, text):
    return [s for s in strings if s in text]


# --- The world ---------------------------------------------------------------------------------------


def build_world():
    ctx = DemoContext(rng=random.Random(42))
    ensure_site(ctx)
    home = ctx.home
    redacteuren, makelaars, _wijkteam = ensure_groups(ctx)
    agenda = AgendaPageFactory(parent=home)
    index = InitiatievenIndexPageFactory(parent=home)
    for codename in ("add_page", "change_page"):  # as the demo: makelaars draft initiatives there
        GroupPagePermission.objects.create(
            group=makelaars,
            page=Page.objects.get(pk=index.pk),
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    services.ensure_workflow()
    schalkwijk = WijkFactory(naam="Schalkwijk", slug="schalkwijk")
    oost = WijkFactory(naam="Oost", slug="oost")
    thema = ThemaFactory(naam="Ontmoeting", slug="ontmoeting")

    def propose(wijk, **fields):
        """What the public form does with a proposal: a draft page in moderation and its Bijdrage."""
        form = ActiviteitVoorstelForm(activity_data({"wijk": wijk, "thema": thema}, **fields))
        assert form.is_valid(), form.errors
        return services.create_contribution("activiteit", form.cleaned_data, notify=False)

    bijdrage_p = propose(schalkwijk)  # "Koffie-ochtend Tulpstraat" by Ans de Vries
    bijdrage_q = propose(oost, titel="Wandelen in Oost", naam="Otto Oost", email="otto@example.org")

    live = ActiviteitPageFactory(parent=agenda, title="Buurtrestaurant", wijken=[schalkwijk])
    first_revision = live.save_revision()
    first_revision.publish()
    live.title = "Buurtrestaurant (concept)"
    live.save_revision()
    initiatief = InitiatiefPageFactory(
        parent=index,
        title="Buurtmoestuin",
        wijken=[schalkwijk],
        behoeften=[("helpers", "Iemand die kan koken")],
        vaardigheden=["koken"],
    )
    initiatief.save_revision().publish()

    users = {
        "redacteur": User.objects.create_user("redacteur", "redactie@example.org", "x"),
        "makelaar_schalkwijk": User.objects.create_user("makelaar-s", "ms@example.org", "x"),
        "makelaar_oost": User.objects.create_user("makelaar-o", "mo@example.org", "x"),
        "admin": User.objects.create_superuser("admin", "admin@example.org", "x"),
        "no_admin_access": User.objects.create_user("zonder-beheer", "zb@example.org", "x"),
    }
    users["redacteur"].groups.add(redacteuren)
    users["makelaar_schalkwijk"].groups.add(makelaars)
    users["makelaar_oost"].groups.add(makelaars)
    schalkwijk.makelaars.add(users["makelaar_schalkwijk"])
    oost.makelaars.add(users["makelaar_oost"])

    idee_s = Idee.objects.create(
        wijk=schalkwijk,
        thema=thema,
        idee="Barbecue op het Europaplein",
        naam="Sien Smit",
        email="sien@example.org",
        telefoon="06 98765432",
    )
    Idee.objects.create(
        wijk=oost, thema=thema, idee="Bankje bij de vijver", naam="Olga Ooms", email="olga@example.org"
    )
    talent_s = Talent.objects.create(
        naam="Bram Bakker", email="bram@example.org", toelichting="Kookt graag op zaterdag"
    )
    talent_s.wijken.add(schalkwijk)
    talent_s.vaardigheden.add("koken")
    talent_o = Talent.objects.create(naam="Otto Visser", email="ottov@example.org", toelichting="Fietsen")
    talent_o.wijken.add(oost)
    signaal_s = Signaal.objects.create(wijk=schalkwijk, thema=thema, tekst="Eenzame ouderen in de flat")
    bundel_s = Bundel.objects.create(naam="Ontmoeting in Schalkwijk", wijk=schalkwijk, thema=thema)
    bundel_s.ideeen.add(idee_s)
    for item in (idee_s, talent_s):
        Notitie.objects.create(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            tekst=f"Gebeld met {item.naam}",
            auteur=users["makelaar_schalkwijk"],
        )
        log(instance=item, action="initiatieven.notitie", user=users["makelaar_schalkwijk"])
    koppeling = Koppeling.objects.create(
        talent=talent_s, pagina=initiatief, opvolgen_op=dt.date.today() + dt.timedelta(weeks=4)
    )
    root_collection = Collection.get_first_root_node()
    image = ImageFactory(title="Foto van de moestuin", collection=root_collection)
    image.get_file_size()  # Wagtail fills these on the first visit otherwise
    image._set_file_hash()
    image.save()
    document = DocumentFactory(title="Jaarverslag moestuin", collection=root_collection)
    site = Site.objects.get(is_default_site=True)
    PortalSettings.for_site(site)  # made on the first page view otherwise
    MakelaarInstellingen.for_site(site)
    state_p = WorkflowState.objects.get(object_id=str(bijdrage_p.page_id), status="in_progress")
    bad = make_token(bijdrage_p)[:-4] + "AAAA"  # tampered signature
    return SimpleNamespace(
        agenda=agenda.pk,
        site=site.pk,
        schalkwijk=schalkwijk.pk,
        thema=thema.pk,
        p=bijdrage_p.page_id,
        p_path=Page.objects.get(pk=bijdrage_p.page_id).get_url(),
        p_revision=Page.objects.get(pk=bijdrage_p.page_id).latest_revision_id,
        bijdrage_p=bijdrage_p.pk,
        links={
            "resident": edit_path(bijdrage_p),
            "resident_other": f"/meedoen/bewerken/{bijdrage_p.page_id}/{make_token(bijdrage_q)}/",
            "resident_other_own": edit_path(bijdrage_q),
            "bad": f"/meedoen/bewerken/{bijdrage_p.page_id}/{bad}/",
        },
        live=live.pk,
        live_first_revision=first_revision.pk,
        live_latest_revision=Page.objects.get(pk=live.pk).latest_revision_id,
        initiatief=initiatief.pk,
        behoefte=initiatief.behoeften.get().pk,
        idee_s=idee_s.pk,
        talent_s=talent_s.pk,
        signaal_s=signaal_s.pk,
        bundel_s=bundel_s.pk,
        koppeling=koppeling.pk,
        image=image.pk,
        document=document.pk,
        workflow_state_p=state_p.pk,
        task_state_p=state_p.current_task_state.pk,
        task=state_p.current_task_state.task_id,
        workflow=state_p.workflow_id,
        makelaars_group=makelaars.pk,
        users={role: user.pk for role, user in users.items()},
    )


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    """Built once for this module inside a transaction rolled back at the end; each test runs in a
    savepoint within it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        world = build_world()
        log_in_once(world)
        # Every test starts from exactly this: its savepoint sees to that. A change that outlived a test
        # would make later tests fail, never pass. Each test also starts with an empty outbox
        # (pytest-django empties it), whatever the test before this module sent.
        mail.outbox = []
        world.before = snapshot()
    yield world
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def world(world_once, db):
    clear_caches()  # the forms' rate limit counts per IP in the cache; anonymous pages are cached
    yield world_once
    clear_caches()


def clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


def log_in_once(world):
    """One session per account, made with the world, so a test only has to set the cookie."""
    world.sessions = {}
    for role, pk in world.users.items():
        client = Client()
        client.force_login(User.objects.get(pk=pk))
        world.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value


def client_for(world, role):
    client = Client()
    if role in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


# --- "Nothing changed" -----------------------------------------------------------------------------

SNAPSHOT_MODELS = [
    Idee,
    Talent,
    Talent.wijken.through,
    TalentVaardigheid,
    Tag,
    Signaal,
    Notitie,
    Bundel,
    Bundel.ideeen.through,
    Bundel.talenten.through,
    Bundel.signalen.through,
    Koppeling,
    Bijdrage,
    Bericht,
    MakelaarInstellingen,
    PortalSettings,
    Wijk,
    Wijk.makelaars.through,
    Page,
    ActiviteitPage,
    InitiatiefPage,
    Tijdslot,
    Uitzondering,
    Occurrence,
    Revision,
    Workflow,
    WorkflowPage,
    WorkflowState,
    Task,
    TaskState,
    PageViewRestriction,
    ModelLogEntry,
    PageLogEntry,
    User,
    User.groups.through,
    User.user_permissions.through,
    Group,
    Group.permissions.through,
    GroupPagePermission,
    GroupCollectionPermission,
    Collection,
    Image,
    Document,
    Site,
    Redirect,
]


def snapshot():
    """Every row of every model the portal keeps (sessions, editing sessions and admin profiles aside:
    Wagtail writes those on any visit), and the outbox."""
    state = {}
    with connection.cursor() as cursor:
        for model in SNAPSHOT_MODELS:
            table, pk = connection.ops.quote_name(model._meta.db_table), model._meta.pk.column
            cursor.execute(f"SELECT * FROM {table} ORDER BY {connection.ops.quote_name(pk)}")  # noqa: S608
            state[model._meta.label] = cursor.fetchall()
    state["mail.outbox"] = [(m.subject, m.to) for m in mail.outbox]
    return state


def diff(before, after):
    return sorted(key for key in before if before[key] != after[key])


# --- Outcomes ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    allowed: bool
    status: int
    to: str = ""  # for a 302: "login", "home" (the dashboard) or "skipped" (back where it came from)
    message: str = ""  # the error message that comes with a redirect to the dashboard

    def __repr__(self):
        return f"{'allowed' if self.allowed else 'denied'} {self.status} {self.to}".strip()


NO_PERMISSION_TEXT = "Sorry, you do not have permission to access this area."
NO_PAGE_RIGHTS_TEXT = "Je mag daar geen pagina's maken. Vraag het de redactie."

OK = Outcome(True, 200)
DONE = Outcome(True, 302)  # allowed, and redirected after the change
MOVED = Outcome(True, 302)  # allowed, sent on: revisions to the history, a makelaar to their part of the tree
LOGIN = Outcome(False, 302, "login")
NO_PERMISSION = Outcome(False, 302, "home", NO_PERMISSION_TEXT)  # Wagtail's permission_denied()
NO_PAGE_RIGHTS = Outcome(False, 302, "home", NO_PAGE_RIGHTS_TEXT)  # the queue's own refusal
FORBIDDEN = Outcome(False, 403)
NOT_FOUND = Outcome(False, 404)
NOT_ALLOWED = Outcome(False, 405)  # GET on a view that only takes POST
REFUSED = Outcome(False, 200)  # the form refuses the value (another wijk is not a choice); nothing saved
SKIPPED = Outcome(False, 302, "skipped")  # a bulk action leaves out what the user may not touch


def staff(redacteur, makelaar_schalkwijk, makelaar_oost, admin, public=LOGIN):
    """Outcomes for the admin: visitors without an account (anonymous and both residents) get ``public``."""
    return {
        "anonymous": public,
        "resident": public,
        "resident_other": public,
        "redacteur": redacteur,
        "makelaar_schalkwijk": makelaar_schalkwijk,
        "makelaar_oost": makelaar_oost,
        "admin": admin,
    }


def everyone(outcome):
    return dict.fromkeys(ROLES, outcome)


def edit_link_only(outcome):
    """The private edit link is the only key: only the resident who holds P's link gets in. Someone with
    another page's link, a tampered one or none (staff included: an account is no key) gets a 403."""
    return {**everyone(FORBIDDEN), "resident": outcome}


# --- The matrix ----------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    method: str
    url: object  # (world, role) -> path
    expect: dict
    data: object = None  # (world) -> POST data
    changed: object = None  # (world, role) -> True when the allowed change happened
    shows: tuple = ()  # what an allowed response contains
    read_only: bool = False  # an allowed POST that must change nothing (a preview, a download)
    headers: dict = field(default_factory=dict)

    def __str__(self):
        return self.name


def url(name, *attrs, query=""):
    return lambda w, role: reverse(name, args=[getattr(w, a) for a in attrs]) + query


def edit_link(suffix=""):
    return lambda w, role: w.links.get(role, w.links["bad"]) + suffix


def fresh(model, pk):
    return model._default_manager.filter(pk=pk).first()


_editor_data = {}


def editor_data(path_of, form_id="page-edit-form", **changes):
    """The editor's own form, as the admin sees it, with ``changes`` (a value can be a function of the
    world); StreamFields are emptied (their widgets are built by JavaScript)."""

    def build(w):
        path = path_of(w)
        if path not in _editor_data:
            html = client_for(w, "admin").get(path).content.decode()
            _editor_data[path] = querydict_from_html(html, form_id=form_id)
        data = _editor_data[path].copy()
        data["body-count"] = "0"
        for key, value in changes.items():
            value = value(w) if callable(value) else value
            key = key.replace("_", "-") if key.startswith("action") else key
            data.setlist(key, value if isinstance(value, list) else [value])
        return data

    return build


def idee_form(w, **changes):
    idee = Idee.objects.get(pk=w.idee_s)
    data = {
        "status": idee.status,
        "toegewezen_aan": "",
        "thema": str(idee.thema_id),
        "wijk": str(idee.wijk_id),
        "idee": idee.idee,
        "voor_wie": "",
        "nodig": "",
        "goed_in": "",
        "wie_nog": "",
        "naam": idee.naam,
        "email": idee.email,
        "telefoon": idee.telefoon,
    }
    return {**data, **changes}


def talent_form(w, **changes):
    talent = Talent.objects.get(pk=w.talent_s)
    data = {
        "status": talent.status,
        "toegewezen_aan": "",
        "thema": "",
        "vaardigheden": "koken",
        "toelichting": talent.toelichting,
        "tijd": talent.tijd,
        "wijken": [str(w.schalkwijk)],
        "naam": talent.naam,
        "email": talent.email,
        "telefoon": "",
    }
    return {**data, **changes}


def signaal_form(w, **changes):
    signaal = Signaal.objects.get(pk=w.signaal_s)
    data = {
        "thema": str(signaal.thema_id),
        "wijk": str(signaal.wijk_id),
        "tekst": signaal.tekst,
        "aantal_bewoners": str(signaal.aantal_bewoners),
        "status": signaal.status,
        "toegewezen_aan": "",
    }
    return {**data, **changes}


def bundel_form(w, **changes):
    data = {
        "naam": "Ontmoeting in Schalkwijk",
        "wijk": str(w.schalkwijk),
        "thema": str(w.thema),
        "notitie": "",
        "ideeen": [str(w.idee_s)],
    }
    return {**data, **changes}


def first_cancellable_date(w):
    return services.upcoming_dates(Page.objects.get(pk=w.p).specific)[0].isoformat()


def proposal_form(w, **changes):
    return activity_data(
        {"wijk": SimpleNamespace(pk=w.schalkwijk), "thema": SimpleNamespace(pk=w.thema)}, **changes
    )


def notes(model, pk):
    return Notitie.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk)


def queue_rows(prefix, model, attr, form):
    """The same URLs for ideas, talents and signals; the item is in Schalkwijk. The redacteur (no queue
    permissions) gets a 404 where the view looks up the item first and Wagtail's refusal where it checks
    the permission first (index, add, edit)."""
    item = lambda name: url(f"{prefix}:{name}", attr)  # noqa: E731
    inspect = staff(NOT_FOUND, OK, NOT_FOUND, OK)
    return [
        Row(f"{prefix}: index", "GET", url(f"{prefix}:index"), staff(NO_PERMISSION, OK, OK, OK)),
        Row(
            f"{prefix}: index results",
            "GET",
            url(f"{prefix}:index_results"),
            staff(NO_PERMISSION, OK, OK, OK),
        ),
        Row(
            f"{prefix}: export CSV",
            "GET",
            url(f"{prefix}:index", query="?export=csv"),
            staff(NO_PERMISSION, OK, OK, OK),
        ),
        Row(
            f"{prefix}: export XLSX",
            "GET",
            url(f"{prefix}:index", query="?export=xlsx"),
            staff(NO_PERMISSION, OK, OK, OK),
        ),
        Row(f"{prefix}: add form", "GET", url(f"{prefix}:add"), staff(NO_PERMISSION, OK, OK, OK)),
        Row(f"{prefix}: inspect", "GET", item("inspect"), inspect),
        Row(f"{prefix}: history", "GET", item("history"), inspect),
        Row(f"{prefix}: history results", "GET", item("history_results"), inspect),
        Row(f"{prefix}: usage", "GET", item("usage"), inspect),
        Row(f"{prefix}: edit form", "GET", item("edit"), staff(NO_PERMISSION, OK, NOT_FOUND, OK)),
        Row(
            f"{prefix}: edit (close it)",
            "POST",
            item("edit"),
            staff(NO_PERMISSION, DONE, NOT_FOUND, DONE),
            data=lambda w: form(w, status="afgerond"),
            changed=lambda w, role: fresh(model, getattr(w, attr)).status == "afgerond",
        ),
        Row(f"{prefix}: delete confirmation", "GET", item("delete"), inspect),
        Row(
            f"{prefix}: delete",
            "POST",
            item("delete"),
            staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
            changed=lambda w, role: fresh(model, getattr(w, attr)) is None,
        ),
        Row(
            f"{prefix}: note (GET)",
            "GET",
            item("notitie"),
            staff(NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
        ),
        Row(
            f"{prefix}: add a note",
            "POST",
            item("notitie"),
            staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
            data=lambda w: {"tekst": "Buurvrouw belde terug"},
            changed=lambda w, role: (
                notes(model, getattr(w, attr)).filter(tekst="Buurvrouw belde terug").exists()
            ),
        ),
        Row(
            f"{prefix}: assign to me",
            "POST",
            item("toewijzen"),
            staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
            data=lambda w: {"aan": "mij"},
            changed=lambda w, role: fresh(model, getattr(w, attr)).toegewezen_aan_id == w.users[role],
        ),
        Row(
            f"{prefix}: status",
            "POST",
            item("status"),
            staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
            data=lambda w: {"status": "in_gesprek"},
            changed=lambda w, role: fresh(model, getattr(w, attr)).status == "in_gesprek",
        ),
    ]


MATRIX = [
    # --- The makelaar's queue. The items are in Schalkwijk. Outcomes per role: redacteur, makelaar of
    # Schalkwijk, makelaar of Oost, admin (visitors without an account: the login page).
    *queue_rows("ideeen", Idee, "idee_s", idee_form),
    Row(
        "ideeen: add an idea in Schalkwijk",
        "POST",
        url("ideeen:add"),
        staff(NO_PERMISSION, DONE, REFUSED, DONE),
        data=lambda w: idee_form(
            w, idee="Jeu de boules", naam="Nieuw", email="nieuw@example.org", telefoon=""
        ),
        changed=lambda w, role: Idee.objects.filter(idee="Jeu de boules").exists(),
    ),
    Row(
        "ideeen: maak er een initiatief van",
        "POST",
        url("ideeen:initiatief", "idee_s"),
        staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
        changed=lambda w, role: fresh(Idee, w.idee_s).initiatief_id is not None,
    ),
    *queue_rows("talenten", Talent, "talent_s", talent_form),
    Row(
        "talenten: koppel confirmation",
        "GET",
        url("talenten:koppel", "talent_s", "live"),
        staff(NOT_FOUND, OK, NOT_FOUND, OK),
    ),
    Row(
        "talenten: koppel",
        "POST",
        url("talenten:koppel", "talent_s", "live"),
        staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
        changed=lambda w, role: Koppeling.objects.filter(talent=w.talent_s, pagina=w.live).exists(),
    ),
    Row(
        "talenten: uitkomst",
        "POST",
        url("talenten:uitkomst", "talent_s", "koppeling"),
        staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
        data=lambda w: {"uitkomst": "match"},
        changed=lambda w, role: fresh(Koppeling, w.koppeling).uitkomst == "match",
    ),
    Row(
        "talenten: wie kan helpen (a need in Schalkwijk)",
        "GET",
        url("talenten:behoefte", "behoefte"),
        staff(NO_PERMISSION, OK, NOT_FOUND, OK),
    ),
    *queue_rows("signalen", Signaal, "signaal_s", signaal_form),
    # Bundling
    Row("bundels: index", "GET", url("bundels:index"), staff(NO_PERMISSION, OK, OK, OK)),
    Row("bundels: add form", "GET", url("bundels:add"), staff(NO_PERMISSION, OK, OK, OK)),
    Row(
        "bundels: add a bundel in Schalkwijk",
        "POST",
        url("bundels:add"),
        staff(NO_PERMISSION, DONE, REFUSED, DONE),
        data=lambda w: bundel_form(w, naam="Samen eten"),
        changed=lambda w, role: Bundel.objects.filter(naam="Samen eten").exists(),
    ),
    Row("bundels: inspect", "GET", url("bundels:inspect", "bundel_s"), staff(NOT_FOUND, OK, NOT_FOUND, OK)),
    Row("bundels: history", "GET", url("bundels:history", "bundel_s"), staff(NOT_FOUND, OK, NOT_FOUND, OK)),
    Row(
        "bundels: history results",
        "GET",
        url("bundels:history_results", "bundel_s"),
        staff(NOT_FOUND, OK, NOT_FOUND, OK),
    ),
    Row("bundels: usage", "GET", url("bundels:usage", "bundel_s"), staff(NOT_FOUND, OK, NOT_FOUND, OK)),
    Row("bundels: index results", "GET", url("bundels:index_results"), staff(NO_PERMISSION, OK, OK, OK)),
    Row(
        "bundels: edit form", "GET", url("bundels:edit", "bundel_s"), staff(NO_PERMISSION, OK, NOT_FOUND, OK)
    ),
    Row(
        "bundels: edit",
        "POST",
        url("bundels:edit", "bundel_s"),
        staff(NO_PERMISSION, DONE, NOT_FOUND, DONE),
        data=lambda w: bundel_form(w, naam="Eten en ontmoeten"),
        changed=lambda w, role: fresh(Bundel, w.bundel_s).naam == "Eten en ontmoeten",
    ),
    Row(
        "bundels: delete",
        "POST",
        url("bundels:delete", "bundel_s"),
        staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
        changed=lambda w, role: fresh(Bundel, w.bundel_s) is None,
    ),
    Row(
        "bundels: maak er een initiatief van",
        "POST",
        url("bundels:initiatief", "bundel_s"),
        staff(NOT_FOUND, DONE, NOT_FOUND, DONE),
        changed=lambda w, role: fresh(Bundel, w.bundel_s).pagina_id is not None,
    ),
    Row(
        "bundels: maak er een activiteit van (the agenda is the redactie's)",
        "POST",
        url("bundels:activiteit", "bundel_s"),
        staff(NOT_FOUND, NO_PAGE_RIGHTS, NOT_FOUND, DONE),
        changed=lambda w, role: fresh(Bundel, w.bundel_s).pagina_id is not None,
    ),
    # Contributions (Bijdrage): the redactie's, not the makelaars'
    Row("bijdragen: index", "GET", url("bijdragen:index"), staff(OK, NO_PERMISSION, NO_PERMISSION, OK)),
    Row(
        "bijdragen: index results",
        "GET",
        url("bijdragen:index_results"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: add form",
        "GET",
        url("bijdragen:add"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: edit form",
        "GET",
        url("bijdragen:edit", "bijdrage_p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: history",
        "GET",
        url("bijdragen:history", "bijdrage_p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: history results",
        "GET",
        url("bijdragen:history_results", "bijdrage_p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: usage",
        "GET",
        url("bijdragen:usage", "bijdrage_p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: inspect",
        "GET",
        url("bijdragen:inspect", "bijdrage_p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bijdragen: edit",
        "POST",
        url("bijdragen:edit", "bijdrage_p"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=lambda w: {
            "page": str(w.p),
            "soort": "activiteit",
            "naam": "Ans de Vries",
            "email": "ans.devries@example.org",
            "telefoon": "06 12345678",
            "status": "afgewezen",
        },
        changed=lambda w, role: fresh(Bijdrage, w.bijdrage_p).status == "afgewezen",
    ),
    Row(
        "bijdragen: delete",
        "POST",
        url("bijdragen:delete", "bijdrage_p"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, DONE),
        changed=lambda w, role: fresh(Bijdrage, w.bijdrage_p) is None,
    ),
    # AVG: only the superuser (the privacy officer)
    Row(
        "AVG: form",
        "GET",
        url("initiatieven_persoonsgegevens"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "AVG: export one address",
        "POST",
        url("initiatieven_persoonsgegevens"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
        data=lambda w: {"email": "sien@example.org", "actie": "download"},
        read_only=True,
        shows=('"naam": "Sien Smit"',),
    ),
    Row(
        "AVG: erase, the confirmation step",
        "POST",
        url("initiatieven_persoonsgegevens"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
        data=lambda w: {"email": "sien@example.org", "actie": "wis"},
        shows=("sien@example.org",),
        read_only=True,
    ),
    Row(
        "AVG: erase, confirmed",
        "POST",
        url("initiatieven_persoonsgegevens"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, DONE),
        data=lambda w: {"email": "sien@example.org", "actie": "wis", "bevestigd": "ja"},
        changed=lambda w, role: fresh(Idee, w.idee_s) is None,
    ),
    # --- Pages. P: the resident's proposal (draft, in moderation, under the agenda); L: a live activity
    # with a newer draft; I: a live initiative (makelaars may edit initiatives, not publish them).
    Row(
        "page P: edit form",
        "GET",
        url("wagtailadmin_pages:edit", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: save a draft",
        "POST",
        url("wagtailadmin_pages:edit", "p"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=editor_data(lambda w: reverse("wagtailadmin_pages:edit", args=[w.p]), title="Koffie om tien"),
        changed=lambda w, role: fresh(Page, w.p).draft_title == "Koffie om tien",
    ),
    Row(
        "page P: preview (store)",
        "POST",
        url("wagtailadmin_pages:preview_on_edit", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
        data=editor_data(lambda w: reverse("wagtailadmin_pages:edit", args=[w.p])),
        read_only=True,  # the preview is kept in the session, not in the page
    ),
    Row(
        "page P: preview",
        "GET",
        url("wagtailadmin_pages:preview_on_edit", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: view draft",
        "GET",
        url("wagtailadmin_pages:view_draft", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: history",
        "GET",
        url("wagtailadmin_pages:history", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: workflow history",
        "GET",
        url("wagtailadmin_pages:workflow_history", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: workflow history detail",
        "GET",
        url("wagtailadmin_pages:workflow_history_detail", "p", "workflow_state_p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: workflow preview",
        "GET",
        url("wagtailadmin_pages:workflow_preview", "p", "task"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: approve (modal)",
        "GET",
        lambda w, role: reverse("wagtailadmin_pages:workflow_action", args=[w.p, "approve", w.task_state_p]),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: approve (modal, as the admin's JavaScript asks: a 403 instead of a redirect)",
        "GET",
        lambda w, role: reverse("wagtailadmin_pages:workflow_action", args=[w.p, "approve", w.task_state_p]),
        staff(OK, FORBIDDEN, FORBIDDEN, OK, public=FORBIDDEN),
        headers={"X-Requested-With": "XMLHttpRequest"},
    ),
    Row(
        "page P: editing session ping (who else is editing)",
        "POST",
        lambda w, role: reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", w.p, 0]),
        staff(OK, NOT_FOUND, NOT_FOUND, OK),
        read_only=True,  # only Wagtail's EditingSession, which is not content
    ),
    Row(
        "page P: approve",
        "POST",
        lambda w, role: reverse("wagtailadmin_pages:workflow_action", args=[w.p, "approve", w.task_state_p]),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=lambda w: {"comment": ""},
        changed=lambda w, role: fresh(Page, w.p).live,
    ),
    Row(
        "page P: reject",
        "POST",
        lambda w, role: reverse("wagtailadmin_pages:workflow_action", args=[w.p, "reject", w.task_state_p]),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=lambda w: {"comment": "Graag een adres"},
        changed=lambda w, role: fresh(Bijdrage, w.bijdrage_p).status == "afgewezen",
    ),
    Row(
        "page P: collect approve data",
        "POST",
        lambda w, role: reverse(
            "wagtailadmin_pages:collect_workflow_action_data", args=[w.p, "approve", w.task_state_p]
        ),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
        data=lambda w: {"comment": ""},
        read_only=True,  # only checks the form; the editor then publishes with it
    ),
    Row(
        "page P: delete confirmation",
        "GET",
        url("wagtailadmin_pages:delete", "p"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page P: delete",
        "POST",
        url("wagtailadmin_pages:delete", "p"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        changed=lambda w, role: fresh(Page, w.p) is None,
    ),
    Row(
        "page P: bulk delete",
        "POST",
        lambda w, role: reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={w.p}",
        staff(DONE, SKIPPED, SKIPPED, DONE),
        changed=lambda w, role: fresh(Page, w.p) is None,
    ),
    Row(
        "page L: revisions (the history)",
        "GET",
        url("wagtailadmin_pages:revisions_index", "live"),
        staff(MOVED, MOVED, MOVED, MOVED),
    ),
    Row(
        "page L: view a revision",
        "GET",
        url("wagtailadmin_pages:revisions_view", "live", "live_first_revision"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page L: compare revisions",
        "GET",
        url("wagtailadmin_pages:revisions_compare", "live", "live_first_revision", "live_latest_revision"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page L: revert form",
        "GET",
        url("wagtailadmin_pages:revisions_revert", "live", "live_first_revision"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page L: revert to the first revision",
        "POST",
        url("wagtailadmin_pages:revisions_revert", "live", "live_first_revision"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=editor_data(
            lambda w: reverse("wagtailadmin_pages:revisions_revert", args=[w.live, w.live_first_revision])
        ),
        changed=lambda w, role: fresh(Page, w.live).draft_title == "Buurtrestaurant",
    ),
    Row(
        "page L: publish",
        "POST",
        url("wagtailadmin_pages:edit", "live"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=editor_data(
            lambda w: reverse("wagtailadmin_pages:edit", args=[w.live]), action_publish="action-publish"
        ),
        changed=lambda w, role: fresh(Page, w.live).title == "Buurtrestaurant (concept)",
    ),
    Row(
        "page L: bulk publish",
        "POST",
        lambda w, role: (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={w.live}"
        ),
        staff(DONE, SKIPPED, SKIPPED, DONE),
        changed=lambda w, role: fresh(Page, w.live).title == "Buurtrestaurant (concept)",
    ),
    Row(
        "page L: unpublish confirmation",
        "GET",
        url("wagtailadmin_pages:unpublish", "live"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page L: unpublish",
        "POST",
        url("wagtailadmin_pages:unpublish", "live"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        changed=lambda w, role: not fresh(Page, w.live).live,
    ),
    Row(
        "page L: lock",
        "POST",
        url("wagtailadmin_pages:lock", "live"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        changed=lambda w, role: fresh(Page, w.live).locked,
    ),
    Row(
        "page L: copy form",
        "GET",
        url("wagtailadmin_pages:copy", "live"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "page L: move",
        "GET",
        url("wagtailadmin_pages:move", "live"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row("page I: edit form", "GET", url("wagtailadmin_pages:edit", "initiatief"), staff(OK, OK, OK, OK)),
    Row(
        "page I: publish (for a makelaar, without publish rights, it only saves a draft)",
        "POST",
        url("wagtailadmin_pages:edit", "initiatief"),
        staff(DONE, DONE, DONE, DONE),
        data=editor_data(
            lambda w: reverse("wagtailadmin_pages:edit", args=[w.initiatief]),
            title="Buurtmoestuin Oost",
            action_publish="action-publish",
        ),
        changed=lambda w, role: (
            fresh(Page, w.initiatief).draft_title == "Buurtmoestuin Oost"
            and (fresh(Page, w.initiatief).title == "Buurtmoestuin Oost") == (role in ("redacteur", "admin"))
        ),
    ),
    Row("explorer: the agenda", "GET", url("wagtailadmin_explore", "agenda"), staff(OK, MOVED, MOVED, OK)),
    Row(
        "add an activity to the agenda",
        "GET",
        lambda w, role: reverse("wagtailadmin_pages:add", args=["activiteiten", "activiteitpage", w.agenda]),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "admin API: page P",
        "GET",
        url("wagtailadmin_api:pages:detail", "p"),
        staff(OK, NOT_FOUND, NOT_FOUND, OK),
    ),
    Row(
        "translate page P",
        "GET",
        url("wagtail_localize:submit_page_translation", "p"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    # --- Choosers
    Row(
        "idea: editing session ping",
        "POST",
        lambda w, role: reverse(
            "wagtailadmin_editing_sessions:ping", args=["initiatieven", "idee", w.idee_s, 0]
        ),
        staff(NOT_FOUND, OK, NOT_FOUND, OK),
        read_only=True,
    ),
    Row("page chooser", "GET", url("wagtailadmin_choose_page"), staff(OK, OK, OK, OK)),
    Row(
        "page chooser: the agenda",
        "GET",
        url("wagtailadmin_choose_page_child", "agenda"),
        staff(OK, OK, OK, OK),
    ),
    Row(
        "page chooser: search",
        "GET",
        url("wagtailadmin_choose_page_search", query="?q=koffie"),
        staff(OK, OK, OK, OK),
    ),
    Row(
        "snippet chooser: wijken",
        "GET",
        url("wagtailsnippetchoosers_portal_wijk:choose"),
        staff(OK, OK, OK, OK),
    ),
    Row(
        "snippet chooser: chosen wijk",
        "GET",
        url("wagtailsnippetchoosers_portal_wijk:chosen", "schalkwijk"),
        staff(OK, OK, OK, OK),
    ),
    Row("image chooser", "GET", url("wagtailimages_chooser:choose"), staff(OK, OK, OK, OK)),
    Row(
        "image chooser: chosen",
        "GET",
        url("wagtailimages_chooser:chosen", "image"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row("document chooser", "GET", url("wagtaildocs_chooser:choose"), staff(OK, OK, OK, OK)),
    Row(
        "document chooser: chosen",
        "GET",
        url("wagtaildocs_chooser:chosen", "document"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    # --- Snippets, images, settings, users: the redactie's and the admin's
    Row(
        "wijken: edit form",
        "GET",
        url("wagtailsnippets_portal_wijk:edit", "schalkwijk"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "wijken: give the makelaar of Oost Schalkwijk's queue (only the admin decides who sees it)",
        "POST",
        url("wagtailsnippets_portal_wijk:edit", "schalkwijk"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        data=editor_data(
            lambda w: reverse("wagtailsnippets_portal_wijk:edit", args=[w.schalkwijk]),
            form_id="w-editor-form",
            beschrijving="Wijk in het zuidoosten",
            makelaars=lambda w: [str(w.users["makelaar_schalkwijk"]), str(w.users["makelaar_oost"])],
        ),
        changed=lambda w, role: (
            fresh(Wijk, w.schalkwijk).beschrijving == "Wijk in het zuidoosten"
            and fresh(Wijk, w.schalkwijk).makelaars.filter(pk=w.users["makelaar_oost"]).exists()
            == (role == "admin")
        ),
    ),
    Row(
        "images: edit form",
        "GET",
        url("wagtailimages:edit", "image"),
        staff(OK, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "images: delete (Wagtail: who may change an image may delete it)",
        "POST",
        url("wagtailimages:delete", "image"),
        staff(DONE, NO_PERMISSION, NO_PERMISSION, DONE),
        changed=lambda w, role: fresh(Image, w.image) is None,
    ),
    Row(
        "settings: makelaar e-mails and bundelen",
        "GET",
        lambda w, role: reverse(
            "wagtailsettings:edit", args=["initiatieven", "makelaarinstellingen", w.site]
        ),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "settings: change the bundel threshold",
        "POST",
        lambda w, role: reverse(
            "wagtailsettings:edit", args=["initiatieven", "makelaarinstellingen", w.site]
        ),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, DONE),
        data=editor_data(
            lambda w: reverse("wagtailsettings:edit", args=["initiatieven", "makelaarinstellingen", w.site]),
            form_id="w-editor-form",
            bundel_drempel="7",
        ),
        changed=lambda w, role: MakelaarInstellingen.objects.get().bundel_drempel == 7,
    ),
    Row(
        "users: index",
        "GET",
        url("wagtailusers_users:index"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "groups: edit Sociaal makelaars",
        "GET",
        url("wagtailusers_groups:edit", "makelaars_group"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "workflows: edit",
        "GET",
        url("wagtailadmin_workflows:edit", "workflow"),
        staff(NO_PERMISSION, NO_PERMISSION, NO_PERMISSION, OK),
    ),
    Row(
        "bulk delete of ideas (not registered for the queue)",
        "POST",
        lambda w, role: (
            reverse("wagtail_bulk_action", args=["initiatieven", "idee", "delete"]) + f"?id={w.idee_s}"
        ),
        staff(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    # --- Dashboard and reports
    Row("dashboard (moderation panels)", "GET", url("wagtailadmin_home"), staff(OK, OK, OK, OK)),
    Row("report: site history", "GET", url("wagtailadmin_reports:site_history"), staff(OK, OK, OK, OK)),
    Row(
        "report: site history CSV",
        "GET",
        url("wagtailadmin_reports:site_history", query="?export=csv"),
        staff(OK, OK, OK, OK),
    ),
    Row("report: workflows", "GET", url("wagtailadmin_reports:workflow"), staff(OK, OK, OK, OK)),
    Row("report: workflow tasks", "GET", url("wagtailadmin_reports:workflow_tasks"), staff(OK, OK, OK, OK)),
    Row("report: verouderd", "GET", url("verouderd_report"), staff(OK, OK, OK, OK)),
    # --- Professionals outside the admin
    Row("lopende groepen", "GET", url("verwijzen:lopende-groepen"), staff(OK, OK, OK, OK)),
    # --- The resident's private edit link (an account is no key; staff use the admin)
    Row("edit link: overview", "GET", edit_link(), edit_link_only(OK)),
    Row(
        "edit link: cancel a date",
        "POST",
        edit_link(),
        edit_link_only(DONE),
        data=lambda w: {
            "actie": "vervalt",
            "vervalt-datum": first_cancellable_date(w),
            "vervalt-toelichting": "Ziek",
        },
        changed=lambda w, role: Uitzondering.objects.filter(page=w.p, soort="vervalt").exists(),
    ),
    Row(
        "edit link: stop the series",
        "POST",
        edit_link(),
        edit_link_only(DONE),
        data=lambda w: {"actie": "stoppen", "stop-vanaf": first_cancellable_date(w), "stop-zeker": "on"},
        changed=lambda w, role: PageLogEntry.objects.filter(
            page=w.p, action="initiatieven.reeks_gestopt"
        ).exists(),
    ),
    Row("edit link: change form", "GET", edit_link("wijzigen/"), edit_link_only(OK)),
    Row(
        "edit link: propose a change",
        "POST",
        edit_link("wijzigen/"),
        edit_link_only(DONE),
        data=lambda w: proposal_form(w, titel="Koffie-ochtend Tulpstraat en Lelieplein"),
        changed=lambda w, role: fresh(Page, w.p).draft_title == "Koffie-ochtend Tulpstraat en Lelieplein",
    ),
    # --- P is not public, whoever asks
    Row("public: page P", "GET", lambda w, role: w.p_path, everyone(NOT_FOUND)),
    Row("public: slip of P", "GET", url("verwijzen:briefje", "p"), everyone(NOT_FOUND)),
    Row("public: iCal of P", "GET", url("activiteiten:ical-item", "p"), everyone(NOT_FOUND)),
]


def request(client, row, world, role, data, callbacks):
    path = row.url(world, role)
    with callbacks() as queued:
        if row.method == "GET":
            response = client.get(path, headers=row.headers)
        else:
            response = client.post(path, data, headers=row.headers)
    return path, response, queued


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def check_outcome(response, outcome, text):
    where = response.get("Location", "")
    got = f"{response.status_code} {where}".strip()
    assert response.status_code == outcome.status, f"expected {outcome!r}, got {got}"
    if outcome.to == "login":
        assert where.startswith(reverse("wagtailadmin_login") + "?next="), got
    elif outcome.to == "home":
        assert where == reverse("wagtailadmin_home"), got
        with translation.override("nl"):
            expected = translation.gettext(outcome.message)
        errors = [
            unescape(str(m)).strip() for m in get_messages(response.wsgi_request) if m.level_tag == "error"
        ]
        assert expected in errors, errors
    elif outcome.status == 302:
        assert not where.startswith(reverse("wagtailadmin_login")), got
        assert where != reverse("wagtailadmin_home"), got
    if not outcome.allowed:
        assert found(PRIVATE, text) == []


def matrix_cases():
    for row in MATRIX:
        for role in ROLES:
            yield pytest.param(row, role, id=f"{row.name}-{role}")


@pytest.mark.parametrize("row, role", list(matrix_cases()))
def test_permission_matrix(world, row, role, django_capture_on_commit_callbacks):
    outcome = row.expect[role]
    data = row.data(world) if row.data else {}
    client = client_for(world, role)
    _path, response, queued = request(client, row, world, role, data, django_capture_on_commit_callbacks)
    text = body(response)
    check_outcome(response, outcome, text)
    if outcome.allowed and row.method == "POST" and row.changed:
        assert row.changed(world, role), "the allowed change did not happen"
    if outcome.allowed:
        assert [shown for shown in row.shows if shown not in text] == []
    if not outcome.allowed or row.method == "GET" or row.read_only:
        assert diff(world.before, snapshot()) == []
        assert queued == []  # no e-mail or other work waiting for the commit either


def test_every_row_has_an_outcome_for_every_role():
    names = [row.name for row in MATRIX]
    assert len(names) == len(set(names))
    for row in MATRIX:
        assert set(row.expect) == set(ROLES), row.name
        assert row.method in ("GET", "POST"), row.name
        if row.method == "POST" and any(o.allowed for o in row.expect.values()):
            assert bool(row.changed) != row.read_only, row.name


# --- Anything not listed is denied by default ------------------------------------------------------------

# Our own URLs outside /admin/ that are not for the public.
OWN_NON_PUBLIC = {"initiatieven:bewerken", "initiatieven:wijzigen", "verwijzen:lopende-groepen"}

# Open to anyone by design, so not "denied": asserted to answer without any data instead.
PUBLIC_BY_DESIGN = {
    "wagtailadmin_login": "the way in",
    "wagtailadmin_password_reset": "asking for a reset mail tells nothing about the address",
    "wagtailadmin_password_reset_done": "a static 'check your mail' page",
    "wagtailadmin_password_reset_confirm": "needs the token from the mail",
    "wagtailadmin_password_reset_complete": "a static 'done' page",
    "wagtailadmin_javascript_catalog": "the admin's translated interface strings",
    "recurrence-jsi18n": "django-recurrence's translated widget labels",
    "wagtailadmin_sprite": "the icon sprite",
}

# Patterns the walk cannot request: keep this short.
UNREACHABLE = {}


def _kwarg_names(pattern):
    converters = getattr(pattern, "converters", None)
    if converters is not None:
        return dict(converters)
    return dict.fromkeys(pattern.regex.groupindex)


def url_patterns(patterns=None, prefix="", namespace="", kwargs=None):
    """(name with namespace, route, {kwarg: converter}) of every pattern the resolver knows."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        names = {**(kwargs or {}), **_kwarg_names(pattern.pattern)}
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, route, inner, names)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, route, names


def sample_kwargs(w, name, kwargs):
    """Values from the world for a pattern's arguments (a guess is fine: nothing should get that far)."""
    namespace = (name or "").split(":")[0]
    pks = {
        "ideeen": w.idee_s,
        "talenten": w.talent_s,
        "signalen": w.signaal_s,
        "bundels": w.bundel_s,
        "bijdragen": w.bijdrage_p,
        "wagtailusers_users": w.users["makelaar_oost"],
        "wagtailusers_groups": w.makelaars_group,
        "wagtailadmin_workflows": w.workflow,
        "wagtailsnippets_portal_wijk": w.schalkwijk,
    }
    ints = {
        "page_id": w.p,
        "parent_page_id": w.agenda,
        "page_to_move_id": w.p,
        "destination_id": w.agenda,
        "revision_id": w.p_revision,
        "task_state_id": w.task_state_p,
        "task_id": w.task,
        "workflow_state_id": w.workflow_state_p,
        "workflow_pk": w.workflow,
        "page_pk": w.p,
        "image_id": w.image,
        "document_id": w.document,
        "doc_id": w.document,
        "behoefte_id": w.behoefte,
        "koppeling_id": w.koppeling,
    }
    strings = {
        "app_label": "initiatieven",
        "app_name": "initiatieven",
        "content_type_app_name": "activiteiten",
        "model_name": "idee",
        "content_type_model_name": "activiteitpage",
        "action": "delete",
        "action_name": "approve",
        "object_id": str(w.idee_s),
        "filter_spec": "max-100x100",
        "token": "ongeldig",
        "uidb64": "MQ",
        "mode": "default",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "pk": str(w.schalkwijk),
    }
    values = {}
    for kwarg, converter in kwargs.items():
        if kwarg in strings and (converter is None or converter.regex != "[0-9]+"):
            values[kwarg] = strings[kwarg]
        elif kwarg == "pk":
            values[kwarg] = pks.get(namespace, w.idee_s)
        else:
            values[kwarg] = ints.get(kwarg, w.p)
    return values


def build_path(w, name, route, kwargs):
    if name:
        return reverse(name, kwargs=sample_kwargs(w, name, kwargs))
    path = "/" + route.replace("^.*/$", "bestaat-niet/")  # Wagtail's catch-all 404 in the admin
    assert not re.search(r"[\^$<>()*]", path), f"cannot build a URL for the unnamed pattern {route}"
    return path


def is_denied(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def test_every_admin_url_is_in_the_matrix_or_denied_to_non_staff(world):
    """Walk Django's URL resolver. Any admin URL (and any of our own non-public URLs) that the matrix does
    not list must be denied, for GET and POST, to an anonymous visitor, to a resident who just used an
    edit link, and to a logged-in account without admin access."""
    w = world
    in_matrix = {resolve(row.url(w, "admin").split("?")[0]).view_name for row in MATRIX}
    visitors = {
        "anonymous": Client(),
        "resident": Client(),
        "no_admin_access": client_for(w, "no_admin_access"),
    }
    assert visitors["resident"].get(w.links["resident"]).status_code == 200
    before = snapshot()
    asked, not_denied, public = set(), [], []
    # Logging out ends the account's session, so that one goes last.
    for name, route, kwargs in sorted(url_patterns(), key=lambda p: p[0] == "wagtailadmin_logout"):
        if not (route.startswith("admin/") or name in OWN_NON_PUBLIC):
            continue
        if name in in_matrix or name in UNREACHABLE:
            continue
        path = build_path(w, name, route, kwargs)
        if name in PUBLIC_BY_DESIGN:
            response = visitors["anonymous"].get(path)
            public.append((name, response.status_code))
            assert found(PRIVATE, body(response)) == [], name
            continue
        asked.add(name or route)
        for who, client in visitors.items():
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                if not is_denied(response):
                    not_denied.append((who, method.upper(), path, response.status_code))
                elif response.status_code != 302:
                    assert found(PRIVATE, body(response)) == [], path
    assert not_denied == []
    assert diff(before, snapshot()) == []
    assert len(asked) > 200  # the walk really went through the admin
    assert {name for name, _status in public} == set(PUBLIC_BY_DESIGN)
    assert all(status in (200, 302) for _name, status in public), public


def test_the_matrix_names_every_url_of_the_queue_and_the_avg_view(world):
    """Our own admin URLs are all in the matrix itself, not only covered by the walk."""
    w = world
    in_matrix = {resolve(row.url(w, "admin").split("?")[0]).view_name for row in MATRIX}
    ours = {
        name
        for name, route, _kwargs in url_patterns()
        if name and name.split(":")[0] in ("ideeen", "talenten", "signalen", "bundels", "bijdragen")
    }
    missing = ours - in_matrix
    assert missing == set()
    assert "initiatieven_persoonsgegevens" in in_matrix


# --- The makelaar of Oost and Schalkwijk's ideas and talents ------------------------------------------


def listing(client, name, query=""):
    return body(client.get(reverse(name) + query))


def test_listings_search_and_exports_show_a_makelaar_only_their_own_wijk(world):
    w = world
    oost, schalkwijk = client_for(w, "makelaar_oost"), client_for(w, "makelaar_schalkwijk")
    for name in (
        "ideeen:index_results",
        "talenten:index_results",
        "signalen:index_results",
        "bundels:index_results",
    ):
        html = listing(oost, name)
        assert found(SCHALKWIJK_QUEUE, html) == []
    assert "Bankje bij de vijver" in listing(oost, "ideeen:index_results")
    assert "Otto Visser" in listing(oost, "talenten:index_results")
    assert "Barbecue op het Europaplein" in listing(schalkwijk, "ideeen:index_results")
    assert "Bram Bakker" in listing(schalkwijk, "talenten:index_results")
    # Searching for the other wijk's resident or idea finds nothing.
    assert "Barbecue" not in listing(oost, "ideeen:index_results", "?q=Barbecue")
    assert "Bram" not in listing(oost, "talenten:index_results", "?q=Bram")
    assert "Barbecue" in listing(schalkwijk, "ideeen:index_results", "?q=Barbecue")
    # The exports have no columns (list_export is empty) and only the rows of the own wijk.
    for name, own in (("ideeen:index", 1), ("talenten:index", 1)):
        csv = listing(oost, name, "?export=csv")
        assert csv.count("\n") == own + 1  # an empty header line and one empty line per row
        assert found(SCHALKWIJK_ONLY, csv) == []


def test_xlsx_export_has_only_the_own_wijk(world):
    import io

    import openpyxl

    w = world
    for name in ("ideeen:index", "talenten:index"):
        content = client_for(w, "makelaar_oost").get(reverse(name) + "?export=xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(content.streaming_content))).active
        values = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        assert [v for v in values if any(s in v for s in SCHALKWIJK_ONLY)] == []


def test_history_and_site_history_do_not_reveal_another_wijks_items(world):
    """The item's own history is a 404 (in the matrix). In Wagtail's site history every user with a
    permission on the model sees the model's log entries, across wijken: what they show is only the
    neutral label ("Idee 12"), the action and who did it, never the resident, the idea or a note."""
    w = world
    schalkwijk = client_for(w, "makelaar_schalkwijk")
    schalkwijk.post(reverse("ideeen:toewijzen", args=[w.idee_s]), {"aan": "mij"})
    schalkwijk.post(reverse("talenten:status", args=[w.talent_s]), {"status": "in_gesprek"})
    oost = client_for(w, "makelaar_oost")
    for path in (
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:site_history_results"),
        reverse("wagtailadmin_reports:site_history") + "?export=csv",
        reverse("wagtailadmin_reports:site_history") + "?export=xlsx",
    ):
        response = oost.get(path)
        assert response.status_code == 200
        text = body(response)
        assert found(PRIVATE + SCHALKWIJK_QUEUE, text) == [], path
    for name, pk in (("ideeen:history", w.idee_s), ("talenten:history_results", w.talent_s)):
        assert oost.get(reverse(name, args=[pk])).status_code == 404


def test_forms_offer_a_makelaar_only_their_own_wijk_and_items(world):
    w = world
    oost = client_for(w, "makelaar_oost")
    bundel_form_html = body(oost.get(reverse("bundels:add")))
    assert "Barbecue" not in bundel_form_html and "Eenzame ouderen" not in bundel_form_html
    assert "Bankje bij de vijver" in bundel_form_html
    # (The wijk of a new idea is a chooser; the form refuses Schalkwijk: see "ideeen: add an idea".)
    dashboard = body(oost.get(reverse("wagtailadmin_home")))
    assert found(SCHALKWIJK_QUEUE, dashboard) == []


def test_moderation_dashboard_lists_the_proposal_only_for_its_moderators(world):
    w = world
    title = "Koffie-ochtend Tulpstraat"
    for role, listed in (("redacteur", True), ("admin", True), ("makelaar_schalkwijk", False)):
        html = body(client_for(w, role).get(reverse("wagtailadmin_home")))
        assert (title in html) is listed, role
    assert "Ans de Vries" not in body(client_for(w, "redacteur").get(reverse("wagtailadmin_home")))


def test_choosers_offer_makelaars_no_images_or_documents(world):
    """The choosers open for every admin user (a form may need them), but list only what one may choose."""
    w = world
    for role, listed in (("redacteur", True), ("makelaar_schalkwijk", False), ("makelaar_oost", False)):
        client = client_for(w, role)
        assert ("Foto van de moestuin" in body(client.get(reverse("wagtailimages_chooser:choose")))) is listed
        assert ("Jaarverslag moestuin" in body(client.get(reverse("wagtaildocs_chooser:choose")))) is listed


def test_the_other_residents_link_is_genuine_and_opens_only_their_own_page(world):
    """The 403s of "resident_other" in the matrix come from the page, not from a broken link."""
    client = Client()
    assert client.get(world.links["resident_other_own"]).status_code == 200
    assert client.get(world.links["resident_other"]).status_code == 403
