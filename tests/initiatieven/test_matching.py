"""The makelaar's matching: which initiatives fit a talent, which talents fit a need, and why.

The quality check runs on the hand-labelled set in ``tests/data/matching.json``; ``load_labelled_set``,
``quality`` and the baselines here are also what ``bench/matching_quality.py`` prints figures with.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify

from activiteiten.occurrences import rebuild_occurrences
from initiatieven.makelaar.matching import suggestions_for_behoefte, suggestions_for_talent
from initiatieven.models import Behoefte, GekoppeldeActiviteit, InitiatiefPage, Talent

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "matching.json"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


# --- The labelled set: loader, metrics and baselines (shared with bench/matching_quality.py) ----------


@dataclass
class LabelledSet:
    data: dict
    initiatives: dict  # slug -> InitiatiefPage
    talents: dict  # key -> Talent
    needs: list  # [(Behoefte, set of good talent keys)]

    def talent_labels(self):
        """key -> set of good initiative pks, for the talents that have at least one good match."""
        return {
            spec["key"]: {self.initiatives[slug].pk for slug in spec["goed"]}
            for spec in self.data["talenten"]
            if spec["goed"]
        }

    def need_labels(self):
        """index in ``needs`` -> set of good talent pks, for the needs a makelaar would fill."""
        return {
            i: {self.talents[key].pk for key in good}
            for i, (_behoefte, good) in enumerate(self.needs)
            if good
        }


def _time(value):
    return dt.time.fromisoformat(value)


def _first_date(spec, today):
    """A series started eight weeks ago; a one-off is on weekday ``op``, ``over_weken`` weeks on."""
    if spec.get("regel"):
        return today - dt.timedelta(weeks=8)
    day = today + dt.timedelta(weeks=spec.get("over_weken", 4))
    weekday = WEEKDAYS.index(spec.get("op", "SA"))
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def load_labelled_set(home, path=DATA, today=None):
    """Build the wijken, thema's, initiatives with their needs, skills and linked activities (with their
    stored dates), and the talents of the labelled set, under ``home``."""
    data = json.loads(Path(path).read_text())
    today = today or timezone.localdate()
    wijken = {slug: WijkFactory(naam=naam, slug=slug) for slug, naam in data["wijken"].items()}
    themas = {slug: ThemaFactory(naam=naam, slug=slug) for slug, naam in data["themas"].items()}
    index = InitiatievenIndexPageFactory(parent=home)
    agenda = AgendaPageFactory(parent=home)

    initiatives, needs = {}, []
    for spec in data["initiatieven"]:
        page_wijken = [wijken[w] for w in spec["wijken"]]
        page = InitiatiefPageFactory(
            parent=index,
            title=spec["titel"],
            slug=spec["slug"],
            status=spec["status"],
            heel_de_stad=spec.get("stad", False),
            wijken=page_wijken,
            themas=[themas[t] for t in spec["themas"]],
            behoeften=[(soort, tekst) for soort, tekst, _good in spec["behoeften"]],
            vaardigheden=spec["vaardigheden"],
        )
        links = []
        for act in spec["activiteiten"]:
            start, end = act["tijd"].split("-")
            activity = ActiviteitPageFactory(
                parent=agenda,
                title=act["titel"],
                slug=f"{spec['slug']}-{slugify(act['titel'])}",
                start_datum=_first_date(act, today),
                recurrence=f"RRULE:{act['regel']}" if act["regel"] else "",
                dagen=act.get("dagen", 1),
                slots=[(_time(start), _time(end))],
                heel_de_stad=spec.get("stad", False),
                wijken=page_wijken,
            )
            rebuild_occurrences(activity, today)
            links.append(GekoppeldeActiviteit(page=activity))
        if links:
            page.activiteiten = links
            page.save()
        initiatives[spec["slug"]] = page
        behoeften = list(Behoefte.objects.filter(page=page).order_by("sort_order"))
        needs += [(b, set(good)) for b, (_s, _t, good) in zip(behoeften, spec["behoeften"], strict=True)]

    talents = {}
    for spec in data["talenten"]:
        talent = Talent.objects.create(
            naam=spec["key"].title(),
            email=f"{spec['key']}@example.org",
            toelichting=spec["toelichting"],
            tijd=spec["tijd"],
            dagdelen=spec["dagdelen"],
            status=spec.get("status", "nieuw"),
            thema=themas.get(spec.get("thema")),
            geanonimiseerd_op=timezone.now() if spec.get("geanonimiseerd") else None,
        )
        talent.wijken.set([wijken[w] for w in spec["wijken"]])
        if spec["vaardigheden"]:
            talent.vaardigheden.add(*spec["vaardigheden"])
        talents[spec["key"]] = talent
    return LabelledSet(data=data, initiatives=initiatives, talents=talents, needs=needs)


def precision_at(ranked, good, k):
    """Good ones in the first ``k``, divided by min(k, number of good ones): a perfect ranking scores 1."""
    return len(set(ranked[:k]) & good) / min(k, len(good))


def reciprocal_rank(ranked, good):
    """1 / the rank of the first good one; 0 when none is in the list."""
    return next((1 / rank for rank, pk in enumerate(ranked, 1) if pk in good), 0.0)


def quality(rankings, labels):
    """Mean precision@1, precision@3 and MRR over every labelled key; ``rankings`` maps key -> pks."""
    n = len(labels)
    return {
        "p1": sum(precision_at(rankings[key], good, 1) for key, good in labels.items()) / n,
        "p3": sum(precision_at(rankings[key], good, 3) for key, good in labels.items()) / n,
        "mrr": sum(reciprocal_rank(rankings[key], good) for key, good in labels.items()) / n,
        "n": n,
    }


def ranked_for_talents(labelled, rank):
    return {key: rank(labelled.talents[key]) for key in labelled.talent_labels()}


def ranked_for_needs(labelled, rank):
    return {i: rank(labelled.needs[i][0]) for i in labelled.need_labels()}


def ours_for_talent(talent):
    return [s.page.pk for s in suggestions_for_talent(talent)]


def ours_for_need(behoefte):
    return [s.talent.pk for s in suggestions_for_behoefte(behoefte)]


def _skill_names(obj):
    return {name.lower() for name in obj.vaardigheden.names()}


def baseline_by_title(talent):
    """Naive: live, not stopped initiatives in the talent's wijken or for heel de stad, by title."""
    wijk_ids = list(talent.wijken.values_list("pk", flat=True))
    pages = (
        InitiatiefPage.objects.live()
        .exclude(status="gestopt")
        .filter(Q(heel_de_stad=True) | Q(wijken__in=wijk_ids))
        .distinct()
        .order_by("title")
    )
    return [p.pk for p in pages]


def baseline_by_exact_skills(talent):
    """Naive: the same initiatives, ordered by the number of exactly equal skill tags, then title."""
    skills = _skill_names(talent)
    pages = InitiatiefPage.objects.filter(pk__in=baseline_by_title(talent)).order_by("title")
    return [p.pk for p in sorted(pages, key=lambda p: -len(_skill_names(p) & skills))]


def baseline_need_by_exact_skills(behoefte):
    """Naive: open talents in the initiative's wijken, by exactly equal skills with the initiative."""
    page = behoefte.page
    skills = _skill_names(page)
    talents = Talent.objects.filter(status__in=["nieuw", "in_gesprek", "gekoppeld", "loopt"])
    if not page.heel_de_stad:
        talents = talents.filter(wijken__in=page.wijken.all()).distinct()
    ordered = sorted(talents.order_by("pk"), key=lambda t: -len(_skill_names(t) & skills))
    return [t.pk for t in ordered]


# --- Fixtures ----------------------------------------------------------------------------------------


@pytest.fixture
def index(home):
    return InitiatievenIndexPageFactory(parent=home)


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


@pytest.fixture
def wijken(db):
    return {slug: WijkFactory(naam=slug.title(), slug=slug) for slug in ("oost", "noord", "schalkwijk")}


def make_talent(wijken, skills=(), **fields):
    fields.setdefault("naam", "Bram")
    talent = Talent.objects.create(**fields)
    talent.wijken.set(wijken)
    if skills:
        talent.vaardigheden.add(*skills)
    return talent


def weekly_activity(agenda, title, weekday="FR", tijd=("18:00", "20:30")):
    today = timezone.localdate()
    activity = ActiviteitPageFactory(
        parent=agenda,
        title=title,
        start_datum=today - dt.timedelta(weeks=4),
        recurrence=f"RRULE:FREQ=WEEKLY;BYDAY={weekday}",
        slots=[(_time(tijd[0]), _time(tijd[1]))],
        heel_de_stad=False,
    )
    rebuild_occurrences(activity)
    return activity


def link(page, *activities):
    page.activiteiten = [GekoppeldeActiviteit(page=a) for a in activities]
    page.save()
    return page


# --- Reasons and exclusions --------------------------------------------------------------------------


def test_reasons_name_wijk_skill_rhythm_and_dagdeel_for_a_simple_match(index, agenda, wijken):
    restaurant = InitiatiefPageFactory(
        parent=index,
        title="Buurtrestaurant",
        wijken=[wijken["noord"]],
        behoeften=[("helpers", "Koks die mee willen koken.")],
        vaardigheden=["koken"],
    )
    diner = weekly_activity(agenda, "Buurtrestaurant op vrijdag")
    link(restaurant, diner)
    talent = make_talent([wijken["noord"]], ["koken"], tijd="wekelijks", dagdelen=["avond"])

    (suggestion,) = suggestions_for_talent(talent)

    assert suggestion.page == restaurant
    assert suggestion.reasons == ("zelfde wijk", "vaardigheid: koken", "wekelijks", "'s avonds")
    assert suggestion.reasons_text == "zelfde wijk · vaardigheid: koken · wekelijks · 's avonds"
    assert suggestion.activiteit.pk == diner.pk


def test_a_synonym_and_a_skill_in_the_free_text_are_named_in_the_reasons(index, wijken):
    InitiatiefPageFactory(
        parent=index,
        title="Moestuin",
        wijken=[wijken["schalkwijk"]],
        behoeften=[("helpers", "Iemand die op zaterdag de planten water geeft.")],
        vaardigheden=["tuinieren"],
    )
    InitiatiefPageFactory(
        parent=index,
        title="Buurtrestaurant",
        wijken=[wijken["schalkwijk"]],
        behoeften=[("helpers", "Een chauffeur die oudere buren ophaalt.")],
        vaardigheden=["autorijden"],
    )
    driver = make_talent([wijken["schalkwijk"]], ["vervoer"])
    green = make_talent(
        [wijken["schalkwijk"]], toelichting="Mijn balkon staat vol kruiden.", dagdelen=["weekend"]
    )

    first = suggestions_for_talent(driver)[0]
    assert first.page.title == "Buurtrestaurant"
    assert "vaardigheid: vervoer ≈ autorijden" in first.reasons

    first = suggestions_for_talent(green)[0]
    assert first.page.title == "Moestuin"
    assert "toelichting: kruiden ≈ tuinieren" in first.reasons
    assert "in het weekend" in first.reasons  # "op zaterdag" in the need's text


def test_wrong_wijk_stopped_unpublished_and_needless_initiatives_are_never_suggested(index, wijken):
    helpers = [("helpers", "Koks voor de woensdag.")]
    InitiatiefPageFactory(parent=index, title="Andere wijk", wijken=[wijken["oost"]], behoeften=helpers)
    InitiatiefPageFactory(
        parent=index, title="Gestopt", wijken=[wijken["noord"]], behoeften=helpers, status="gestopt"
    )
    InitiatiefPageFactory(
        parent=index, title="Concept", wijken=[wijken["noord"]], behoeften=helpers, live=False
    )
    InitiatiefPageFactory(parent=index, title="Zoekt niets", wijken=[wijken["noord"]], vaardigheden=["koken"])
    InitiatiefPageFactory(
        parent=index, title="Alleen geld", wijken=[wijken["noord"]], behoeften=[("budget", "Geld voor verf.")]
    )
    InitiatiefPageFactory(parent=index, title="Loopt", wijken=[wijken["noord"]], behoeften=helpers)
    InitiatiefPageFactory(parent=index, title="Hele stad", heel_de_stad=True, behoeften=helpers)
    talent = make_talent([wijken["noord"]], ["koken"])

    titles = [s.page.title for s in suggestions_for_talent(talent)]

    assert titles == ["Loopt", "Hele stad"]
    assert suggestions_for_talent(talent)[1].reasons[0] == "heel de stad"


def test_a_need_other_than_helpers_only_counts_when_the_talent_offers_it(index, wijken):
    InitiatiefPageFactory(
        parent=index,
        title="Bakkie in de Wijk",
        wijken=[wijken["oost"]],
        behoeften=[("materiaal", "Een partytent voor als het regent.")],
    )
    lender = make_talent([wijken["oost"]], toelichting="Ik heb een partytent die jullie mogen lenen.")
    cook = make_talent([wijken["oost"]], ["koken"], naam="Kok")

    assert [s.page.title for s in suggestions_for_talent(lender)] == ["Bakkie in de Wijk"]
    assert "toelichting: partytent" in suggestions_for_talent(lender)[0].reasons
    assert suggestions_for_talent(cook) == []


def test_need_suggestions_rank_the_talent_that_offers_what_is_asked_and_skip_closed_ones(index, wijken):
    restaurant = InitiatiefPageFactory(
        parent=index,
        title="Buurtrestaurant",
        wijken=[wijken["noord"]],
        behoeften=[("helpers", "Een chauffeur die oudere buren ophaalt en thuisbrengt.")],
        vaardigheden=["koken", "autorijden"],
    )
    need = restaurant.behoeften.get()
    driver = make_talent([wijken["noord"]], ["vervoer"], naam="Dirk")
    cook = make_talent([wijken["noord"]], ["koken"], naam="Bram")
    make_talent([wijken["oost"]], ["vervoer"], naam="Andere wijk")
    make_talent([wijken["noord"]], ["vervoer"], naam="Klaar", status="afgerond")
    make_talent([wijken["noord"]], ["vervoer"], naam="Gewist", geanonimiseerd_op=timezone.now())

    suggestions = suggestions_for_behoefte(need)

    assert [s.talent for s in suggestions] == [driver, cook]
    assert suggestions[0].reasons == ("zelfde wijk", "vaardigheid: vervoer ≈ chauffeur")
    restaurant.status = "gestopt"
    restaurant.save()
    assert suggestions_for_behoefte(need) == []


# --- Queries do not grow with the number of candidates -------------------------------------------------


def _initiatives_with_activities(index, agenda, wijk, first, count):
    for i in range(first, first + count):
        page = InitiatiefPageFactory(
            parent=index,
            title=f"Initiatief {i:02d}",
            wijken=[wijk],
            themas=[ThemaFactory()],
            behoeften=[("helpers", "Koks voor de vrijdag."), ("materiaal", "Pannen.")],
            vaardigheden=["koken", "klussen"],
        )
        link(page, weekly_activity(agenda, f"Activiteit {i:02d}"))


def _count_queries(function, *args):
    with CaptureQueriesContext(connection) as captured:
        result = function(*args)
    return len(captured), result


def test_query_count_is_the_same_for_3_and_12_candidate_initiatives(index, agenda, wijken):
    talent = make_talent([wijken["noord"]], ["koken"], tijd="wekelijks", dagdelen=["avond"])
    _initiatives_with_activities(index, agenda, wijken["noord"], 0, 3)
    at_3, suggestions = _count_queries(suggestions_for_talent, Talent.objects.get(pk=talent.pk))
    assert len(suggestions) == 3 and all(s.activiteit for s in suggestions)

    _initiatives_with_activities(index, agenda, wijken["noord"], 3, 9)
    at_12, suggestions = _count_queries(suggestions_for_talent, Talent.objects.get(pk=talent.pk), 20)
    assert len(suggestions) == 12 and all(s.activiteit for s in suggestions)
    assert at_12 == at_3


def test_query_count_is_the_same_for_3_and_12_candidate_talents(index, agenda, wijken):
    page = InitiatiefPageFactory(
        parent=index, title="Eetgroep", wijken=[wijken["oost"]], behoeften=[("helpers", "Koks.")]
    )
    link(page, weekly_activity(agenda, "Samen koken"))
    need = page.behoeften.get()
    for i in range(3):
        make_talent([wijken["oost"]], ["koken", "klussen"], naam=f"Talent {i}")
    at_3, suggestions = _count_queries(suggestions_for_behoefte, Behoefte.objects.get(pk=need.pk))
    assert len(suggestions) == 3

    for i in range(3, 12):
        make_talent([wijken["oost"]], ["koken", "klussen"], naam=f"Talent {i}")
    at_12, suggestions = _count_queries(suggestions_for_behoefte, Behoefte.objects.get(pk=need.pk), 20)
    assert len(suggestions) == 12
    assert at_12 == at_3


# --- Quality on the hand-labelled set ------------------------------------------------------------------

# Floors with margin below what the ranking reaches (see bench/matching_quality.py for the figures).
MIN_TALENT_MRR = 0.8
MIN_TALENT_P3 = 0.8
MIN_NEED_MRR = 0.8


@pytest.fixture
def labelled(home):
    return load_labelled_set(home)


def test_labelled_set_never_suggests_the_initiatives_a_makelaar_rules_out(labelled):
    for spec in labelled.data["talenten"]:
        suggested = {s.page.slug for s in suggestions_for_talent(labelled.talents[spec["key"]], limit=50)}
        assert not suggested & set(spec.get("nooit", [])), spec["key"]


def test_labelled_set_ranks_good_initiatives_for_talents_high(labelled):
    labels = labelled.talent_labels()
    ours = quality(ranked_for_talents(labelled, ours_for_talent), labels)
    baseline = quality(ranked_for_talents(labelled, baseline_by_exact_skills), labels)

    assert ours["n"] >= 15
    assert ours["mrr"] >= MIN_TALENT_MRR, ours
    assert ours["p3"] >= MIN_TALENT_P3, ours
    assert ours["mrr"] > baseline["mrr"] and ours["p3"] > baseline["p3"], (ours, baseline)


def test_labelled_set_ranks_good_talents_for_needs_high_and_never_closed_ones(labelled):
    labels = labelled.need_labels()
    ours = quality(ranked_for_needs(labelled, ours_for_need), labels)
    assert ours["mrr"] >= MIN_NEED_MRR, ours

    closed = {labelled.talents["ursula"].pk, labelled.talents["victor"].pk}
    for behoefte, _good in labelled.needs:
        assert not closed & {s.talent.pk for s in suggestions_for_behoefte(behoefte, limit=50)}
