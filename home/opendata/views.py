"""The open-data API, read-only, in the shape of Open Referral HSDS 3.0 (see home/opendata/common.py).

Every endpoint answers GET and HEAD with JSON. A bad parameter gets a 400 with a Dutch message that says
what to send instead; an unknown id a 404. List responses are HSDS page objects. Each response carries an
ETag computed from the request and a few aggregate queries (what is published, the tag tables and
today's date), so ``If-None-Match`` gets a 304 before anything is loaded or rendered.
"""

import datetime as dt
import functools
import hashlib
import math
import re
import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, Sum, Value
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date, parse_datetime

from wagtail.models import Page

from activiteiten.models import AgendaItemPage, Taal
from activiteiten.recurrence import AMSTERDAM
from initiatieven.models import Bijdrage, InitiatiefPage
from portal.forms import by_slugs
from portal.models import Doelgroep, LocatiePage, OrganisatiePage, Thema, Wijk

from . import places
from .common import Context
from .profile import profile_document, root_document, schedule_patch
from .services import served_page_types, service_content_types
from .services import services as service_dicts
from .taxonomy import SOORTEN, TAXONOMIES, all_terms, taxonomy_id, term_id
from .taxonomy import taxonomy as taxonomy_dict

API_REVISION = "hsds-1"  # part of every ETag: change it when the output of the same data changes
PER_PAGE_DEFAULT = 25
PER_PAGE_MAX = 100
PAGE_MAX = 1_000_000
SLUG_RE = re.compile(r"^[-\w]{1,80}$", re.ASCII)
SHOWN_MAX = 60  # characters of a wrong value repeated in a message

LIST = {"page", "per_page", "format"}
SERVICE_FILTERS = {
    "modified_after",
    "wijk",
    "thema",
    "doelgroep",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
}
MULTIPLE = {"wijk", "thema", "doelgroep"}  # may be repeated: any of the values
KNOWN = LIST | SERVICE_FILTERS
DETAIL = {"format"}


class BadRequest(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def shown(value):
    """A wrong value as it is repeated in a message: printable and short."""
    text = "".join(c for c in value if c.isprintable())
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX] + "…"


def error_response(status, errors):
    """``errors``: (parameter or None, Dutch message)."""
    return json_response(
        {
            "status": status,
            "message": " ".join(message for _param, message in errors),
            "errors": [{"parameter": param, "message": message} for param, message in errors],
        },
        status=status,
    )


def json_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    return response


def not_found(message):
    return error_response(404, [(None, message)])


# --- Parameters -----------------------------------------------------------------------------------


@dataclass
class Params:
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT
    modified_after: dt.datetime | None = None
    wijken: list = field(default_factory=list)
    themas: list = field(default_factory=list)
    doelgroepen: list = field(default_factory=list)
    term: tuple | None = None  # (taxonomy code, key): key is a pk, or a soort's code
    taxonomy: str | None = None
    organization_pk: int | None = None


def parse_moment(value):
    """An ISO 8601 date or date-time; without an offset it is Dutch time. None if it is not one."""
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                return None
            moment = dt.datetime.combine(day, dt.time())
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=AMSTERDAM)
        moment.astimezone(dt.UTC)  # a moment outside what can be stored raises here
    except (ValueError, OverflowError):
        return None
    return moment


def parse_uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def parse_id(value):
    found = parse_uuid(value)
    if found is None:
        example = "3f7b145d-84af-42d7-8fae-eaca714b02b2"
        raise BadRequest(
            [("id", f"'{shown(value)}' is geen geldige id. Een id is een UUID, zoals {example}.")]
        )
    return found


def _slugs(request, name, model, label, errors):
    values = request.GET.getlist(name)
    if any(not v for v in values):
        errors.append((name, f"Vul bij {name} een waarde in, of laat {name} weg."))
        return []
    found, _ = by_slugs(model.objects.all(), [v for v in values if SLUG_RE.match(v)])
    slugs = {obj.slug for obj in found}
    unknown = [v for v in values if v not in slugs]  # not a slug at all, or no such slug
    if unknown:
        choices = ", ".join(model.objects.values_list("slug", flat=True)) or "(geen)"
        errors.append((name, f"{label} '{shown(unknown[0])}' bestaat niet. Kies uit: {choices}."))
    return found


def _term_by_id(value):
    """(taxonomy code, key) of a taxonomy term id, or None."""
    wanted = str(value)
    for code in SOORTEN:
        if term_id("soort", code) == wanted:
            return ("soort", code)
    for taxonomy_code, model in (("thema", Thema), ("doelgroep", Doelgroep)):
        for pk in model.objects.values_list("pk", flat=True):
            if term_id(taxonomy_code, pk) == wanted:
                return (taxonomy_code, pk)
    return None


def _taxonomy_by_id(value):
    return next((code for code in TAXONOMIES if taxonomy_id(code) == str(value)), None)


def parse_params(request, allowed, ctx, endpoint):
    errors = []
    for name in request.GET:
        if name in allowed:
            continue
        possible = ", ".join(sorted(allowed)) or "geen"
        if name in KNOWN:
            errors.append((name, f"De parameter {name} kan niet bij {endpoint}. Hier kan: {possible}."))
        else:
            errors.append((shown(name), f"De parameter '{shown(name)}' bestaat niet. Hier kan: {possible}."))
    for name in allowed - MULTIPLE:
        if len(request.GET.getlist(name)) > 1:
            errors.append((name, f"Geef {name} maar één keer mee."))
    if errors:
        raise BadRequest(errors)

    params = Params()
    get = request.GET.get
    if get("format") is not None and get("format") != "json":
        errors.append(("format", "Alleen format=json kan."))
    if get("page") is not None:
        value = get("page")
        if re.fullmatch(r"[0-9]{1,7}", value) and 1 <= int(value) <= PAGE_MAX:
            params.page = int(value)
        else:
            errors.append(
                (
                    "page",
                    f"page moet een heel getal van 1 of hoger zijn, zoals page=2. Niet: '{shown(value)}'.",
                )
            )
    if get("per_page") is not None:
        value = get("per_page")
        if re.fullmatch(r"[0-9]{1,3}", value) and 1 <= int(value) <= PER_PAGE_MAX:
            params.per_page = int(value)
        else:
            errors.append(
                (
                    "per_page",
                    f"per_page moet een heel getal van 1 tot en met {PER_PAGE_MAX} zijn. "
                    f"Niet: '{shown(value)}'.",
                )
            )
    if get("modified_after") is not None:
        value = get("modified_after")
        params.modified_after = parse_moment(value)
        if params.modified_after is None:
            message = (
                "modified_after moet een datum of tijdstip zijn, zoals 2026-03-01 of "
                f"2026-03-01T09:00:00+01:00. Niet: '{shown(value)}'."
            )
            if " " in value:
                message += " Een + in een URL schrijf je als %2B."
            errors.append(("modified_after", message))
    if "wijk" in allowed and "wijk" in request.GET:
        params.wijken = _slugs(request, "wijk", Wijk, "De wijk", errors)
    if "thema" in allowed and "thema" in request.GET:
        params.themas = _slugs(request, "thema", Thema, "Het thema", errors)
    if "doelgroep" in allowed and "doelgroep" in request.GET:
        params.doelgroepen = _slugs(request, "doelgroep", Doelgroep, "De doelgroep", errors)
    if get("taxonomy_term_id") is not None:
        value = parse_uuid(get("taxonomy_term_id"))
        params.term = _term_by_id(value) if value else None
        if params.term is None:
            errors.append(
                (
                    "taxonomy_term_id",
                    f"Er is geen taxonomy_term met id '{shown(get('taxonomy_term_id'))}'. "
                    "Zie /taxonomy_terms.",
                )
            )
    if get("taxonomy_id") is not None:
        value = parse_uuid(get("taxonomy_id"))
        params.taxonomy = _taxonomy_by_id(value) if value else None
        if params.taxonomy is None:
            errors.append(
                ("taxonomy_id", f"Er is geen taxonomy met id '{shown(get('taxonomy_id'))}'. Zie /taxonomies.")
            )
    if get("organization_id") is not None:
        value = parse_uuid(get("organization_id"))
        pk = None
        if value:
            pk = (
                OrganisatiePage.objects.filter(ctx.public_q(), translation_key=value)
                .values_list("pk", flat=True)
                .first()
            )
        if pk is None:
            errors.append(
                (
                    "organization_id",
                    f"Er is geen organisatie met id '{shown(get('organization_id'))}'. Zie /organizations.",
                )
            )
        params.organization_pk = pk
    if errors:
        raise BadRequest(errors)
    return params


# --- ETag -----------------------------------------------------------------------------------------


def fingerprint(ctx):
    """What the output depends on besides the request and today's date: the published pages (count, ids,
    last publication, which also covers their slots, exceptions and opening hours) and the tag tables,
    which have no date."""
    pages = Page.objects.filter(ctx.public_q(), content_type_id__in=served_page_types()).aggregate(
        n=Count("pk"), s=Sum("pk"), m=Max("last_published_at")
    )
    empty = Value("")
    tags = (
        Wijk.objects.order_by()
        .values_list(Value("w"), "pk", "naam", "slug", "stadsdeel")
        .union(
            Thema.objects.order_by().values_list(Value("t"), "pk", "naam", "slug", empty),
            Doelgroep.objects.order_by().values_list(Value("d"), "pk", "naam", "slug", empty),
            Taal.objects.order_by().values_list(Value("l"), "pk", "naam", "code", empty),
            all=True,
        )
    )
    # Whether an initiative has a contact form (never the address itself): an AVG erasure changes it.
    forms = Bijdrage.objects.exclude(email="").aggregate(n=Count("pk"), s=Sum("page_id"))
    return [pages["n"], pages["s"], str(pages["m"]), sorted(tags), forms["n"], forms["s"]]


def make_etag(request, ctx, endpoint):
    parts = [
        API_REVISION,
        endpoint,
        request.path,
        sorted(request.GET.lists()),
        request.scheme,
        request.get_host(),
        ctx.today.isoformat(),
        fingerprint(ctx),
    ]
    return '"' + hashlib.sha256(repr(parts).encode()).hexdigest()[:40] + '"'


# --- The machinery every endpoint shares ----------------------------------------------------------


@dataclass
class Listing:
    """A list to paginate: ``items`` (a queryset or list) and ``render`` for one page of them."""

    items: object
    render: object


def endpoint(name, params=frozenset()):
    """GET/HEAD only; parameters checked; ETag and 304; lists paginated as HSDS page objects.
    The view gets (request, ctx, params, **kwargs) and returns a dict, a Listing, or a response."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, **kwargs):
            if request.method not in ("GET", "HEAD"):
                response = error_response(405, [(None, "Deze API kan alleen lezen: gebruik GET.")])
                response["Allow"] = "GET, HEAD"
                return response
            with translation.override("nl"):
                ctx = Context.for_request(request)
                try:
                    parsed = parse_params(request, set(params), ctx, name)
                    if "id" in kwargs:
                        kwargs["id"] = parse_id(kwargs["id"])
                except BadRequest as error:
                    return error_response(400, error.errors)
                etag = make_etag(request, ctx, name)
                cached = get_conditional_response(request, etag=etag)
                if cached is not None:  # 304 (or 412 for a failed If-Match): nothing loaded or rendered
                    return with_cache_headers(cached, etag)
                result = view(request, ctx, parsed, **kwargs)
                if isinstance(result, Listing):
                    result = paginate(result, parsed)
                if isinstance(result, JsonResponse):  # a 400 or 404 has no ETag
                    return result
                return with_cache_headers(json_response(result), etag)

        return wrapper

    return decorator


def with_cache_headers(response, etag):
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"  # may be stored, but ask again (a 304 is cheap)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    return response


def paginate(listing, params):
    items = listing.items
    total = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    total_pages = max(1, math.ceil(total / params.per_page))
    if params.page > total_pages:
        there = "Er is 1 pagina." if total_pages == 1 else f"Er zijn {total_pages} pagina's."
        return error_response(400, [("page", f"Pagina {params.page} bestaat niet. {there}")])
    start = (params.page - 1) * params.per_page
    contents = listing.render(items[start : start + params.per_page])
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page == total_pages,
        "empty": total == 0,
        "contents": contents,
    }


# --- Endpoints ------------------------------------------------------------------------------------


@endpoint("/", DETAIL)
def root(request, ctx, params):
    return root_document(ctx)


@endpoint("/profile", DETAIL)
def profile(request, ctx, params):
    return profile_document(ctx)


@endpoint("/profile/schedule.json", DETAIL)
def profile_schedule(request, ctx, params):
    return schedule_patch()


def service_queryset(ctx, params):
    """(pk, content_type_id) of the services asked for, oldest first."""
    types = service_content_types()
    kinds = set(types)
    agenda, initiatieven = AgendaItemPage.objects.all(), InitiatiefPage.objects.all()
    filtered = False
    if params.wijken:
        city_or_wijk = Q(heel_de_stad=True) | Q(wijken__in=params.wijken)
        agenda, initiatieven, filtered = agenda.filter(city_or_wijk), initiatieven.filter(city_or_wijk), True
    if params.themas:
        agenda, initiatieven = (
            agenda.filter(themas__in=params.themas),
            initiatieven.filter(themas__in=params.themas),
        )
        filtered = True
    if params.doelgroepen:
        agenda, kinds, filtered = (
            agenda.filter(doelgroepen__in=params.doelgroepen),
            kinds - {"initiatief"},
            True,
        )
    if params.organization_pk:
        agenda, kinds, filtered = (
            agenda.filter(organisator_id=params.organization_pk),
            kinds - {"initiatief"},
            True,
        )
    if params.term:
        taxonomy, key = params.term
        if taxonomy == "soort":
            kinds &= {key}
        elif taxonomy == "thema":
            agenda, initiatieven, filtered = agenda.filter(themas=key), initiatieven.filter(themas=key), True
        else:
            agenda, kinds, filtered = agenda.filter(doelgroepen=key), kinds - {"initiatief"}, True
    if params.taxonomy == "thema":
        agenda, initiatieven = agenda.filter(themas__isnull=False), initiatieven.filter(themas__isnull=False)
        filtered = True
    elif params.taxonomy == "doelgroep":
        agenda, kinds, filtered = agenda.filter(doelgroepen__isnull=False), kinds - {"initiatief"}, True
    if params.modified_after:
        moment = params.modified_after
        agenda = agenda.filter(
            Q(last_published_at__gte=moment)
            | Q(locatie__last_published_at__gte=moment)
            | Q(organisator__last_published_at__gte=moment)
        )
        initiatieven, filtered = initiatieven.filter(last_published_at__gte=moment), True
    pages = Page.objects.filter(ctx.public_q(), content_type_id__in=[types[k] for k in kinds])
    if filtered:
        pages = pages.filter(Q(pk__in=agenda.values("pk")) | Q(pk__in=initiatieven.values("pk")))
    return pages.order_by("pk").values_list("pk", "content_type_id")


@endpoint("/services", LIST | SERVICE_FILTERS)
def services(request, ctx, params):
    return Listing(service_queryset(ctx, params), lambda rows: service_dicts(list(rows), ctx))


@endpoint("/services/{id}", DETAIL)
def service(request, ctx, params, id):
    types = service_content_types().values()
    rows = list(
        Page.objects.filter(ctx.public_q(), translation_key=id, content_type_id__in=types).values_list(
            "pk", "content_type_id"
        )
    )
    found = service_dicts(rows, ctx)
    return found[0] if found else not_found("Dit aanbod bestaat niet (meer), of is niet openbaar.")


def _wijk_filter(queryset, params, through_field=None):
    if params.wijken:
        if through_field is None:
            queryset = queryset.filter(wijk__in=params.wijken)
        else:
            through = OrganisatiePage.wijken.through
            tagged = through.objects.filter(wijk__in=params.wijken).values(through_field)
            queryset = queryset.filter(Q(heel_de_stad=True) | Q(pk__in=tagged))
    if params.modified_after:
        queryset = queryset.filter(last_published_at__gte=params.modified_after)
    return queryset.order_by("pk")


@endpoint("/organizations", LIST | {"modified_after", "wijk"})
def organizations(request, ctx, params):
    queryset = _wijk_filter(OrganisatiePage.objects.filter(ctx.public_q()), params, "organisatiepage_id")
    return Listing(places.organizations(queryset), lambda rows: [places.organization(o, ctx) for o in rows])


@endpoint("/organizations/{id}", DETAIL)
def organization(request, ctx, params, id):
    found = places.organizations(OrganisatiePage.objects.filter(ctx.public_q(), translation_key=id)).first()
    if found is None:
        return not_found("Deze organisatie bestaat niet (meer), of is niet openbaar.")
    return places.organization(found, ctx)


@endpoint("/locations", LIST | {"modified_after", "wijk"})
def locations(request, ctx, params):
    queryset = _wijk_filter(LocatiePage.objects.filter(ctx.public_q()), params)
    return Listing(places.locations(queryset), lambda rows: [places.location(loc, ctx) for loc in rows])


@endpoint("/locations/{id}", DETAIL)
def location(request, ctx, params, id):
    found = places.locations(LocatiePage.objects.filter(ctx.public_q(), translation_key=id)).first()
    if found is None:
        return not_found("Deze locatie bestaat niet (meer), of is niet openbaar.")
    return places.location(found, ctx)


@endpoint("/taxonomies", LIST)
def taxonomies(request, ctx, params):
    return Listing(list(TAXONOMIES), lambda codes: [taxonomy_dict(code) for code in codes])


@endpoint("/taxonomies/{id}", DETAIL)
def taxonomy(request, ctx, params, id):
    code = _taxonomy_by_id(id)
    return taxonomy_dict(code) if code else not_found("Deze taxonomie bestaat niet.")


def _terms():
    return all_terms(Thema.objects.all(), Doelgroep.objects.all())


@endpoint("/taxonomy_terms", LIST | {"taxonomy_id"})
def taxonomy_terms(request, ctx, params):
    terms = _terms()
    if params.taxonomy:
        terms = [t for t in terms if t["taxonomy_id"] == taxonomy_id(params.taxonomy)]
    return Listing(terms, list)


@endpoint("/taxonomy_terms/{id}", DETAIL)
def taxonomy_term(request, ctx, params, id):
    found = next((t for t in _terms() if t["id"] == str(id)), None)
    return found or not_found("Deze term bestaat niet (meer).")


def unknown(request, rest=""):
    """Any other address under /api/hsds/."""
    with translation.override("nl"):
        return not_found(
            "Dit adres bestaat niet. Wel: /api/hsds/, /services, /organizations, /locations, /taxonomies, "
            "/taxonomy_terms (met /{id} voor één item) en /profile."
        )
