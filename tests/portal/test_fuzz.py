"""Fuzzing (issue 9): hypothesis-generated input for every public form, the agenda filters, search, the
finder, the slips and the HSDS API. The rule: no 5xx, ever; a rejection is a Dutch message at the field
that keeps what was typed; a payload comes out escaped in public pages, e-mails and the admin.

The strategies and the checks live in ``tests/fuzzing.py``, shared with ``bench/fuzz.py``. Each form's
test runs ``FUZZ_EXAMPLES`` examples (default 200), and so does each of the five GET endpoints (agenda,
search, finder, slips, HSDS) unless ``FUZZ_GET_EXAMPLES`` says otherwise. Each run draws new examples;
hypothesis' example database (``.hypothesis/``) replays the ones that failed before first. The database
is the real one; each example is rolled back after it, and gets its own client address and an empty
cache, so the rate limit never answers 429.
"""

import datetime as dt
import functools
import io
import itertools
import json
from types import SimpleNamespace
from urllib.parse import quote, urlencode

import pytest
from hypothesis import example, given, settings
from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from activiteiten.models import Taal
from activiteiten.occurrences import rebuild_all
from home.opendata import taxonomy as hsds
from initiatieven.meedoen import services
from initiatieven.meedoen.tokens import make_token
from initiatieven.models import Bijdrage, Idee, Talent
from portal.models import Doelgroep, Thema, Wijk

from .. import fuzzing
from ..factories import ActiviteitPageFactory, HulpvraagFactory, InitiatiefPageFactory
from ..fuzzing import TARGETS, Ref
from ..helpers import started
from ..home.hsds_data import build_portal, publish

pytestmark = pytest.mark.django_db

fuzz = settings(**fuzzing.hypothesis_settings())
fuzz_get = settings(fuzz, max_examples=fuzzing.get_examples())
HOSTILE_TITLE = '<script>alert(1)</script> Koffie "><img src=x onerror=alert(1)>'
addresses = itertools.count(1)


# --- The portal the examples run against ----------------------------------------------------------------


@pytest.fixture
def site(home, settings, django_capture_on_commit_callbacks):
    """The HSDS test portal (every kind of page, exceptions, private senders), plus a hulpvraag, a page
    whose title and intro are payloads, a superuser who is makelaar of every wijk, a moderator, and the
    private edit links of the activity and the initiative."""
    settings.PORTAL_FORM_MIN_SECONDS = 3
    portal = build_portal(home)
    hostile = ActiviteitPageFactory(
        parent=portal.restaurant.get_parent(),
        title=HOSTILE_TITLE,
        slug="vijandig",
        intro="' OR 1=1 -- {{7*7}} <script>alert(1)</script>",
        start_datum=timezone.localdate(),
        themas=[portal.ontmoeting],
    )
    publish(hostile)
    publish(
        InitiatiefPageFactory(
            parent=portal.moestuin.get_parent(),
            title="Buurt <script>alert(1)</script>",
            intro='"><img src=x onerror=alert(1)>',
            initiatiefnemer="<b>Bewoners</b>",
            heel_de_stad=True,
        )
    )
    HulpvraagFactory(naam="Eenzaam", slug="eenzaam", themas=[portal.ontmoeting], zoekwoorden="koffie")
    HulpvraagFactory(naam="Geldzorgen", slug="geldzorgen")
    rebuild_all()

    admin = get_user_model().objects.create_superuser("fuzz-admin", "fuzz-admin@example.org", "x")
    for wijk in Wijk.objects.all():
        wijk.makelaars.add(admin)
    moderator = get_user_model().objects.create_user("fuzz-redacteur", "redactie@example.org", "x")
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    services.ensure_workflow()
    admin_client = Client()
    admin_client.force_login(admin)

    restaurant = Bijdrage.objects.get(page=portal.restaurant)
    moestuin = Bijdrage.objects.get(page=portal.moestuin)
    pages = {
        "restaurant": portal.restaurant,
        "spreekuur": portal.spreekuur,
        "moestuin": portal.moestuin,
        "wijkteam": portal.wijkteam,
        "tulp": portal.tulp,
        "badhuis": portal.badhuis,
        "hostile": hostile,
    }
    return Site(
        portal=portal,
        pages=pages,
        values=known_values(portal, pages),
        dates=services.upcoming_dates(portal.restaurant),
        admin_client=admin_client,
        tokens={"restaurant": make_token(restaurant), "moestuin": make_token(moestuin)},
        commit=django_capture_on_commit_callbacks,
    )


class Site(SimpleNamespace):
    def __repr__(self):  # hypothesis prints the fixtures of a failing example
        return "site"


def known_values(portal, pages):
    """What a Ref stands for, except the values that change per example (see ``lookup``)."""
    values = {("taxonomy", code): hsds.taxonomy_id(code) for code in hsds.TAXONOMIES}
    values[("term", "ontmoeting")] = hsds.term_id("thema", portal.ontmoeting.pk)
    values[("term", "ouderen")] = hsds.term_id("doelgroep", portal.ouderen.pk)
    values[("term", "activiteit")] = hsds.term_id("soort", "activiteit")
    for kind, model in (("wijk", Wijk), ("thema", Thema), ("doelgroep", Doelgroep)):
        values.update({(kind, slug): str(pk) for slug, pk in model.objects.values_list("slug", "pk")})
    values.update({("taal", code): str(pk) for code, pk in Taal.objects.values_list("code", "pk")})
    for name, page in pages.items():
        values[("page", name)] = values[("locatie", name)] = str(page.pk)
        values[("uuid", name)] = str(page.translation_key)
    return values


def lookup(site):
    """Resolve the Refs of tests/fuzzing.py against this portal."""
    today = timezone.localdate()

    def resolve(ref):
        kind, key = ref.kind, ref.key
        if (kind, key) in site.values:
            return site.values[kind, key]
        if kind == "started":
            return started(seconds_ago=0 if key == "zojuist" else 60)
        if kind == "dag":
            return (today + dt.timedelta(days=key)).isoformat()
        if kind == "datum":  # one of the dates that can still be cancelled
            return site.dates[key].isoformat()
        if kind == "foto":
            return upload(key)
        raise ValueError(ref)

    return lambda value: fuzzing.resolve(value, resolve)


def tiny_png():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 120, 40)).save(out, format="PNG")
    return out.getvalue()


def upload(kind):
    if kind == "png":
        return SimpleUploadedFile("foto.png", tiny_png(), content_type="image/png")
    if kind == "html":
        return SimpleUploadedFile(
            "<script>alert(1)</script>.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"
        )
    return SimpleUploadedFile(
        "../../etc/passwd\u202egpj.exe", bytes(range(256)) * 4, content_type="image/png"
    )


def rolled_back(test):
    """Every example starts from the fixture's portal: what one example stored (an idea, a page, a
    cancelled date, a stopped series) is rolled back after it, so examples do not depend on each other
    and hypothesis can replay and shrink any of them."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        with transaction.atomic():
            test(*args, **kwargs)
            transaction.set_rollback(True)

    return run


def fresh():
    """Per example: an empty cache (rate limit), an empty outbox, Dutch, and a new client address."""
    cache.clear()
    mail.outbox.clear()
    translation.activate("nl")
    n = next(addresses)
    return Client(REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")


def post(client, url, data, encoding="multipart"):
    if encoding == "json":
        plain = {k: v for k, v in data.items() if not hasattr(v, "read")}
        return client.post(url, json.dumps(plain), content_type="application/json")
    if encoding == "urlencoded":
        plain = {k: v for k, v in data.items() if not hasattr(v, "read")}
        return client.post(
            url, urlencode(plain, doseq=True), content_type="application/x-www-form-urlencoded"
        )
    return client.post(url, data)


def sent_text(data, encoding):
    """What the form could read back: nothing from a JSON body, no file from an urlencoded one."""
    if encoding == "json":
        return {}
    return {k: v for k, v in data.items() if not hasattr(v, "read")}


def submit(site, url, raw, encoding):
    client = fresh()
    data = lookup(site)(raw)
    with site.commit(execute=True):
        response = post(client, url, data, encoding)
    return client, response, sent_text(data, encoding)


def admin_problems(site, url):
    """A payload that was accepted must come out escaped in the makelaar's or editor's admin view."""
    response = site.admin_client.get(url)
    if response.status_code != 200:
        return [("other", f"beheer {url}: status {response.status_code}")]
    return fuzzing.html_problems(fuzzing.body_of(response), f"beheer {url}")


def after_accept(site, target, response, sent, admin_url=None):
    """The e-mails, and the admin view of what was stored when it holds anything HTML would read
    (the admin page costs more than the form: only look when there is something to escape)."""
    problems = fuzzing.mail_problems(mail.outbox, sent)
    redirected = response.status_code in (301, 302, 303)
    if redirected and admin_url and fuzzing.has_markup(sent) and not target.is_bot(sent):
        problems += admin_problems(site, admin_url())
    return problems


# --- The resident's forms -----------------------------------------------------------------------------------


IDEE_EXAMPLE = {
    "gestart": Ref("started"),
    "website": "",
    "idee": "<script>alert(1)</script>",
    "voor_wie": '"><img src=x onerror=alert(1)>',
    "nodig": "' OR 1=1 --",
    "goed_in": "{{7*7}} {% debug %}",
    "wie_nog": "مرحبا\x00",
    "wijk": "99999999999999999999",
    "thema": "",
    "naam": "‮evil‬",
    "email": "ans@example.org",
    "telefoon": "",
    "toestemming": "on",
}


@fuzz
@given(raw=fuzzing.idee_data, encoding=fuzzing.encodings)
@example(raw=IDEE_EXAMPLE, encoding="multipart")
@example(raw={**IDEE_EXAMPLE, "wijk": Ref("wijk", "oost"), "wie_nog": ""}, encoding="urlencoded")
@rolled_back
def test_idee_form_survives_hostile_input(site, raw, encoding):
    target = TARGETS["idee"]
    before = Idee.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    _client, response, sent = submit(site, "/meedoen/idee/", raw, encoding)
    newest = Idee.objects.filter(pk__gt=before).first()
    extra = after_accept(
        site, target, response, sent, newest and (lambda: reverse("ideeen:inspect", args=[newest.pk]))
    )
    target.check_response(response, sent, extra=extra)


@fuzz
@given(raw=fuzzing.talent_data, encoding=fuzzing.encodings)
@example(
    raw={
        "gestart": Ref("started"),
        "vaardigheden": [],
        "iets_anders": "<script>alert(1)</script>, 你好, 👩🏽‍🍳, ' OR 1=1 --",
        "tijd": "wekelijks",
        "wijken": [Ref("wijk", "oost"), "99999999999999999999"],
        "toelichting": "",
        "naam": "Kees",
        "email": "",
        "telefoon": "06 12345678",
        "toestemming": "on",
    },
    encoding="multipart",
)
@rolled_back
def test_talent_form_survives_hostile_input(site, raw, encoding):
    target = TARGETS["talent"]
    before = Talent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    _client, response, sent = submit(site, "/meedoen/talent/", raw, encoding)
    newest = Talent.objects.filter(pk__gt=before).first()
    extra = after_accept(
        site, target, response, sent, newest and (lambda: reverse("talenten:inspect", args=[newest.pk]))
    )
    target.check_response(response, sent, extra=extra)


def newest_bijdrage_url(before):
    newest = Bijdrage.objects.filter(pk__gt=before).order_by("-pk").first()
    return newest and (lambda: reverse("bijdragen:inspect", args=[newest.pk]))


@fuzz
@given(raw=fuzzing.activiteit_data, encoding=fuzzing.encodings)
@rolled_back
def test_activity_proposal_survives_hostile_input(site, raw, encoding):
    target = TARGETS["activiteit"]
    before = Bijdrage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    _client, response, sent = submit(site, "/meedoen/activiteit/", raw, encoding)
    extra = after_accept(site, target, response, sent, newest_bijdrage_url(before))
    target.check_response(response, sent, extra=extra)


@fuzz
@given(raw=fuzzing.initiatief_data, encoding=fuzzing.encodings)
@rolled_back
def test_initiative_proposal_survives_hostile_input(site, raw, encoding):
    target = TARGETS["initiatief"]
    before = Bijdrage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    _client, response, sent = submit(site, "/meedoen/initiatief/", raw, encoding)
    extra = after_accept(site, target, response, sent, newest_bijdrage_url(before))
    target.check_response(response, sent, extra=extra)


@fuzz
@given(raw=fuzzing.nieuwe_link_data, encoding=fuzzing.encodings)
@example(raw={"gestart": Ref("started"), "email": "initiatiefnemer.prive@example.org"}, encoding="multipart")
@rolled_back
def test_new_link_form_survives_hostile_input(site, raw, encoding):
    target = TARGETS["nieuwe_link"]
    _client, response, sent = submit(site, "/meedoen/nieuwe-link/", raw, encoding)
    target.check_response(
        response,
        sent,
        accepted_text="Als dit e-mailadres bij ons bekend is",
        extra=fuzzing.mail_problems(mail.outbox, sent),
    )


@fuzz
@given(request=fuzzing.wijzigen_request(), encoding=fuzzing.encodings)
@rolled_back
def test_edit_link_form_survives_hostile_input(site, request, encoding):
    """The private edit link's form (/meedoen/bewerken/<id>/<token>/wijzigen/), with a genuine token."""
    target = TARGETS["wijzigen"]
    page = site.pages[request["page"]]
    url = reverse("initiatieven:wijzigen", args=[page.pk, site.tokens[request["page"]]])
    client, response, sent = submit(site, url, request["data"], encoding)
    extra = fuzzing.mail_problems(mail.outbox, sent)
    if response.status_code == 302 and fuzzing.has_markup(sent):
        # Back to the overview behind the link, which shows the new version.
        overview = client.get(response["Location"])
        extra += fuzzing.server_error(overview) + fuzzing.html_problems(fuzzing.body_of(overview))
    target.check_response(response, sent, extra=extra)


@fuzz
@given(raw=fuzzing.bewerken_data(), encoding=fuzzing.encodings)
@rolled_back
def test_cancel_and_stop_forms_behind_the_edit_link_survive_hostile_input(site, raw, encoding):
    target = TARGETS["bewerken"]
    page = site.pages["restaurant"]
    url = reverse("initiatieven:bewerken", args=[page.pk, site.tokens["restaurant"]])
    _client, response, sent = submit(site, url, raw, encoding)
    if response.status_code == 200 and 'class="error-summary"' not in fuzzing.body_of(response):
        # No known action, or no date left to cancel: the overview again, and nothing changed.
        target.check_page(response, sent)
    else:
        # Only the form that was sent shows what was typed.
        prefix = {"vervalt": "vervalt-", "stoppen": "stop-"}.get(sent.get("actie"), "-")
        fields = {k: v for k, v in target.fields.items() if k.startswith(prefix)}
        target.check_response(response, sent, fields=fields, extra=fuzzing.mail_problems(mail.outbox, sent))


@fuzz
@given(raw=fuzzing.bericht_data, encoding=fuzzing.encodings)
@rolled_back
def test_contact_form_of_an_initiative_survives_hostile_input(site, raw, encoding):
    target = TARGETS["bericht"]
    url = site.pages["moestuin"].url + "bericht/"
    _client, response, sent = submit(site, url, raw, encoding)
    target.check_response(response, sent, extra=fuzzing.mail_problems(mail.outbox, sent))


# --- Filters, search, the finder, the slips -------------------------------------------------------------


def get(site, path, raw):
    client = fresh()
    params = lookup(site)(raw)
    return client.get(path, params), params


@fuzz_get
@given(
    raw=fuzzing.get_params(fuzzing.AGENDA_PARAMS, max_fields=6),
    feed=fuzzing.one_in(5),
    english=fuzzing.one_in(4),
)
@example(
    raw={"wijk": ["oost", "oost\x00"], "van": "10000-01-01", "tot": "0000-00-00"}, feed=False, english=False
)
@example(
    raw={"thema": "\x00", "doelgroep": "99999999999999999999", "q": "\x00<script>alert(1)</script>"},
    feed=False,
    english=True,
)
@example(raw={"van": "9999-12-31", "wijk": "99999999999999999999"}, feed=True, english=False)
@rolled_back
def test_agenda_filters_survive_hostile_input(site, raw, feed, english):
    """The agenda page's filters, and the same filters on its iCal feed (/ical/agenda.ics). Under /en/
    too, where the text filter also reads the translations."""
    target = TARGETS["agenda"]
    if feed:  # a calendar, not HTML: a title is written as it is, so only the status and the type count
        response, params = get(site, reverse("activiteiten:ical-agenda"), raw)
        problems = fuzzing.server_error(response)
        if not problems and not response["Content-Type"].startswith("text/calendar"):
            problems.append(("other", f"geen iCal maar {response.status_code} {response['Content-Type']}"))
        fuzzing.record(target.name, "server_error" if response.status_code >= 500 else "accepted", problems)
        return
    prefix = "/en" if english else ""
    response, params = get(site, prefix + site.portal.restaurant.get_parent().url, raw)
    target.check_page(
        response,
        params,
        kept={k: target.fields[k] for k in ("q", "van", "tot")},
        language="en" if english else "nl",
    )


@fuzz_get
@given(raw=fuzzing.get_params(fuzzing.SEARCH_PARAMS), english=fuzzing.one_in(4))
@example(raw={"q": "\x00"}, english=False)
@example(raw={"q": '"'}, english=False)  # was a 500 on SQLite: an unclosed phrase in the full-text query
@example(raw={"q": "script", "pagina": "99999999999999999999"}, english=False)
@example(raw={"q": "restaurant", "pagina": "2"}, english=True)  # an English hit and Dutch ones
@rolled_back
def test_search_survives_hostile_input(site, raw, english):
    """/zoeken/, and /en/zoeken/, which searches the English translations too."""
    target = TARGETS["zoeken"]
    response, params = get(site, "/en/zoeken/" if english else "/zoeken/", raw)
    query = params.get("q")
    kept = {}
    if isinstance(query, str):
        params = {**params, "q": query.strip()}  # the search box shows the query without its outer spaces
        kept = {"q": target.fields["q"]}
    target.check_page(response, params, kept=kept, language="en" if english else "nl")


@fuzz_get
@given(raw=fuzzing.get_params(fuzzing.FINDER_PARAMS, max_fields=6))
@example(raw={"hulpvraag": "eenzaam", "wijk": "oost\x00", "taal": "99999999999999999999"})
@rolled_back
def test_finder_survives_hostile_input(site, raw):
    target = TARGETS["verwijzen"]
    response, params = get(site, "/verwijzen/", raw)
    target.check_page(response, params)


@fuzz_get
@given(request=fuzzing.slip_request())
@rolled_back
def test_slips_posters_and_the_counter_survive_hostile_input(site, request):
    """/verwijzen/briefje/<id>/ with its options, the poster, the QR code and the counter (POST)."""
    target = TARGETS["briefje"]
    client = fresh()
    resolve = lookup(site)
    page_id = resolve(request["page"])
    params = resolve(request["params"])
    base = f"/verwijzen/briefje/{page_id}/"
    view = request["view"]
    if view == "tel":
        response = client.post(base + "tel/", params)
        if response.status_code == 400:
            html = fuzzing.body_of(response)
            problems = fuzzing.html_problems(html)
            if "Dit kunnen we niet verwerken" not in html:
                problems.append(("english", "400 zonder de Nederlandse uitleg"))
            fuzzing.record(target.name, "rejected", problems, params)
            return
    elif view == "tel-get":
        response = client.get(base + "tel/", params)
    else:
        path = {"briefje": base, "poster": f"/verwijzen/poster/{page_id}/", "qr": base + "qr.svg"}[view]
        response = client.get(path, params)
    target.check_page(response, params, not_found_ok=True)


# --- The open-data API -------------------------------------------------------------------------------------


@fuzz_get
@given(request=fuzzing.hsds_request())
@example(request={"path": ["services"], "params": {"modified_after": "9999-12-31T23:59:59-12:00"}})
@example(request={"path": ["services"], "params": {"wijk": "oost\x00", "page": "99999999999999999999"}})
@example(request={"path": ["services", "\x00"], "params": {}})
# Was an HTML 404: the API's catch-all address had ".", which does not match a newline.
@example(request={"path": ["services\n"], "params": {}})
@rolled_back
def test_hsds_api_survives_hostile_input(site, request):
    target = TARGETS["hsds"]
    client = fresh()
    resolve = lookup(site)
    path = "/api/hsds/" + "/".join(quote(str(resolve(part)), safe="") for part in request["path"])
    params = resolve(request["params"])
    method = request.get("method", "GET")
    headers = {"If-None-Match": request["if_none_match"]} if "if_none_match" in request else {}
    if method == "GET" or method == "HEAD":
        response = getattr(client, method.lower())(path, params, headers=headers)
    else:
        response = client.generic(method, path + "?" + urlencode(params, doseq=True), headers=headers)
    target.check_api(response, {"path": path, "method": method, **params}, head=method == "HEAD")


def test_every_target_has_a_test():
    tested = {
        "idee",
        "talent",
        "activiteit",
        "initiatief",
        "nieuwe_link",
        "wijzigen",
        "bewerken",
        "bericht",
        "agenda",
        "zoeken",
        "verwijzen",
        "briefje",
        "hsds",
    }
    assert set(TARGETS) == tested


def test_the_rule_catches_a_500_an_unescaped_payload_an_english_message_and_lost_input(site):
    """The checks are not vacuous: each broken rule, made by hand from a real rejection, is reported."""
    from django.http import HttpResponse

    target = fuzzing.Target("regel", fuzzing.IDEE_FIELDS)
    typed = "<b>Mijn idee</b> & meer"
    raw = {**IDEE_EXAMPLE, "wijk": Ref("wijk", "oost"), "naam": "", "idee": typed, "wie_nog": ""}
    _client, response, sent = submit(site, "/meedoen/idee/", raw, "multipart")
    assert target.check_response(response, sent) == "rejected"
    html = fuzzing.body_of(response)
    assert "naam" in fuzzing.SUMMARY_LINK.findall(html)

    def broken(text, status=200):
        return HttpResponse(text, status=status, content_type="text/html; charset=utf-8")

    with pytest.raises(fuzzing.RuleBroken, match="5xx"):
        target.check_response(broken("", status=500), sent)
    with pytest.raises(fuzzing.RuleBroken, match="unescaped"):
        target.check_response(broken(html.replace("&lt;b&gt;", "<script>alert(1)</script>")), sent)
    with pytest.raises(fuzzing.RuleBroken, match="english"):
        target.check_response(broken(html.replace("Vul dit in.", "This field is required.")), sent)
    with pytest.raises(fuzzing.RuleBroken, match="lost"):
        target.check_response(broken(html.replace("&lt;b&gt;Mijn idee", "")), sent)
    with pytest.raises(fuzzing.RuleBroken, match="not_at_field"):
        target.check_response(broken(html.replace('class="field__error"', 'class="x"')), sent)
