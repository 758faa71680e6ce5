"""Bundling: "Wat speelt er?" counts open ideas, signals and talents per thema × wijk, and points out
cells that reach the threshold ("na drie vergelijkbare vragen gaan we aan de slag"). "Lijkt op" finds
similar open items in the same thema by their words."""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils import timezone

from portal.models import Thema, Wijk

from ..models import OPEN_STATUSES, Idee, Signaal, Talent
from .queue import makelaar_wijk_ids

WINDOW_DAYS = 90
NO_THEMA = 0  # the column for items the makelaar has not given a thema yet


@dataclass
class Cell:
    wijk: Wijk
    thema: Thema | None
    ideeen: int = 0
    signalen: int = 0
    talenten: int = 0
    bewoners: int = 0  # residents the signals concern

    @property
    def total(self):
        return self.ideeen + self.signalen + self.talenten


@dataclass
class Overview:
    wijken: list
    themas: list
    rows: list = field(default_factory=list)  # [(wijk, [Cell per thema])]
    threshold: int = 3
    since: dt.datetime | None = None

    @property
    def hot(self):
        return [cell for _wijk, cells in self.rows for cell in cells if cell.total >= self.threshold]


def threshold():
    from wagtail.models import Site

    from ..models import MakelaarInstellingen

    site = Site.objects.filter(is_default_site=True).first()
    return MakelaarInstellingen.for_site(site).bundel_drempel if site else 3


def overview(user, days=WINDOW_DAYS, now=None):
    """The thema × wijk table for the wijken this user may see (all wijken for a superuser)."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=days)
    wijken = Wijk.objects.order_by("naam")
    if not user.is_superuser:
        wijken = wijken.filter(pk__in=makelaar_wijk_ids(user))
    wijken = list(wijken)
    wijk_ids = [w.pk for w in wijken]
    recent = {"status__in": OPEN_STATUSES, "aangemaakt_op__gte": since}

    counts = {}

    def add(wijk_id, thema_id, kind, n, bewoners=0):
        key = (wijk_id, thema_id or NO_THEMA)
        entry = counts.setdefault(key, {"ideeen": 0, "signalen": 0, "talenten": 0, "bewoners": 0})
        entry[kind] += n
        entry["bewoners"] += bewoners

    idee_rows = (
        Idee.objects.filter(wijk__in=wijk_ids, **recent).values("wijk", "thema").annotate(n=Count("pk"))
    )
    for row in idee_rows:
        add(row["wijk"], row["thema"], "ideeen", row["n"])
    signal_rows = (
        Signaal.objects.filter(wijk__in=wijk_ids, **recent)
        .values("wijk", "thema")
        .annotate(n=Count("pk"), bewoners=Sum("aantal_bewoners"))
    )
    for row in signal_rows:
        add(row["wijk"], row["thema"], "signalen", row["n"], row["bewoners"] or 0)
    talent_rows = (
        Talent.objects.filter(wijken__in=wijk_ids, **recent)
        .values("wijken", "thema")
        .annotate(n=Count("pk", distinct=True))
    )
    for row in talent_rows:
        add(row["wijken"], row["thema"], "talenten", row["n"])

    used = {thema_id for (_w, thema_id) in counts}
    themas = [t for t in Thema.objects.order_by("sort_order", "naam") if t.pk in used]
    columns = themas + ([None] if NO_THEMA in used else [])
    result = Overview(wijken=wijken, themas=columns, threshold=threshold(), since=since)
    for wijk in wijken:
        cells = []
        for thema in columns:
            entry = counts.get((wijk.pk, thema.pk if thema else NO_THEMA), {})
            cells.append(Cell(wijk=wijk, thema=thema, **entry))
        result.rows.append((wijk, cells))
    return result


# --- "Lijkt op" ---

_STOPWORDS_TEXT = """de het een en of in op aan van voor met bij te is zijn was er dat die dit wat wie
    niet geen ook nog al maar om uit over naar dan als door tot zo je jij ik we wij ze zij hij
    mijn onze hun hen haar hem kan kun kunnen wil willen moet moeten veel graag samen elke
    keer mensen buurt wijk"""
STOPWORDS = set(_STOPWORDS_TEXT.split())


def words(text):
    result = set()
    for word in re.findall(r"[a-zà-ÿ]+", (text or "").lower()):
        if len(word) < 3 or word in STOPWORDS:
            continue
        for suffix in ("heden", "ingen", "eren", "ing", "en", "es", "s", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        result.add(word)
    return result


def item_text(item):
    if isinstance(item, Idee):
        return " ".join([item.idee, item.voor_wie, item.nodig])
    if isinstance(item, Signaal):
        return item.tekst
    return " ".join([item.toelichting, *[t.name for t in item.vaardigheden.all()]])


@dataclass
class Similar:
    item: object
    score: float
    shared: list


def similar_items(item, user, limit=5, minimum=0.12):
    """Open ideas and signals in the same thema (and in wijken the user may see), most alike first."""
    from .queue import scoped

    if item.thema_id is None:
        return []
    mine = words(item_text(item))
    if not mine:
        return []
    candidates = []
    for model in (Idee, Signaal):
        queryset = scoped(model.objects.filter(thema_id=item.thema_id, status__in=OPEN_STATUSES), user)
        if isinstance(item, model):
            queryset = queryset.exclude(pk=item.pk)
        candidates.extend(queryset.select_related("wijk")[:200])
    found = []
    for other in candidates:
        theirs = words(item_text(other))
        shared = mine & theirs
        if not shared:
            continue
        score = len(shared) / len(mine | theirs)
        if score >= minimum:
            found.append(Similar(other, round(score, 2), sorted(shared)))
    found.sort(key=lambda s: (-s.score, -s.item.aangemaakt_op.timestamp()))
    return found[:limit]
