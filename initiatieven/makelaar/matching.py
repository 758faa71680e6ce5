"""Matching for the sociaal makelaar: which initiatives fit a talent, and which talents fit one need.

Suggestions, never decisions: the makelaar sees a short ranked list with the reasons behind every line
("zelfde wijk · vaardigheid: koken · wekelijks · 's avonds") and makes the call. Pure logic: nothing
here writes to the database, and the number of queries does not grow with the number of candidates.

Who is a candidate
------------------
``suggestions_for_talent``: live InitiatiefPages in the default language that are not ``gestopt``, in one
of the talent's wijken or for heel de stad, with an open need. An open need is a Behoefte of soort
"helpers", or any other Behoefte (plek, materiaal, budget) when the talent's skills or toelichting match
the initiative (its sought skills or one of its need texts): someone who offers a partytent fits an
initiative that only asks for a partytent. The wijk is a requirement, not a weight: a makelaar works per
wijk and residents help close to home. A talent without wijken only sees initiatives for heel de stad.

Activities are not suggested on their own. An agenda item without an initiative has no needs, so there
is nothing to help with; one with an initiative would show the same opportunity twice. Instead every
suggestion carries ``activiteit``: the initiative's linked live ActiviteitPage or SpreekuurPage that best
fits the talent's dagdelen, the concrete moment to start ("kom woensdagochtend naar de tuinochtend").
The stored occurrences of the linked activities tell the initiative's rhythm and dagdelen.

``suggestions_for_behoefte``: open talents (status in ``OPEN_STATUSES``) whose contact details were not
erased, in a wijk of the initiative (any wijk for heel de stad). For a need of soort helpers every such
talent is a candidate; for plek, materiaal and budget only talents whose skills or toelichting match that
need's text. Nothing for a need of an initiative that is gestopt or not live.

Score (a weighted sum; the weights are the constants below)
-------------------------------------------------------------
- Skills, the strongest signal. Every skill of the talent gets its best match among the targets:
  in ``suggestions_for_talent`` the initiative's sought skills (exact 1.0, same concept 0.8) and its need
  texts (the skill as words in the text 0.9, same concept 0.7); in ``suggestions_for_behoefte`` that need's
  text (1.0 / 0.8) and, weaker, the initiative's skills (0.6 / 0.5). Times ``W_SKILL`` (10). More skills
  add with diminishing returns (1, 1/2, 1/4 ...): one real match beats three near ones.
- Toelichting (the talent's free text), a weaker signal: concepts in it that no skill already covered,
  against the same targets, 0.4 (0.25 against the initiative's skills for a need), same diminishing sum.
- Wijk: ``W_WIJK`` (3) for a shared wijk, ``W_STAD`` (1) when only heel de stad brings them together.
- Time: ``W_TIJD`` (2) when the talent's "hoeveel tijd?" fits the initiative's rhythm (wekelijks with a
  weekly activity, af en toe with a monthly or fortnightly one, eenmalig with a one-off), 1 for a loose
  fit. The rhythm comes from the activities' dates in the next 12 weeks, else from the need texts
  ("één uur per week", "één vrijdag per maand").
- Dagdelen: ``W_DAGDEEL`` (2) when a dagdeel of the talent meets one of the activities (weekend dates
  count as "weekend") or a need text ("op zaterdag", "'s avonds"); minus 2 when both are known and none
  meets. Time words in the toelichting ("op woensdagmiddag") add to the talent's dagdelen.
- Thema: ``W_THEMA`` (1) when the talent's thema is one of the initiative's.
- ``W_HELPERS`` (1) for an initiative that asks for helpers (talent side only; no reason shown).

One exact skill (10) weighs about as much as every other signal together (at most 9), so a real skill
match is not pushed down by an unrelated initiative that merely fits in time; a match found only in the
toelichting (4) can be.

Fuzzy skills: text is lowercased, accents dropped and split into words; every word is mapped to concepts
through ``CONCEPTEN``, a small hand-made table of Dutch word stems per skill (a term matches at the start
of a word, or inside a compound from the fourth letter: "moestuin" and "tuinieren" are both "tuin", but
"totaal" is not "taal"; terms of three letters only match whole words). A word outside the table is its
own concept after light stemming ("partytent" matches "partytent"), unless it is a stopword.

Quality is measured on a hand-labelled set (``tests/data/matching.json``): ``bench/matching_quality.py``
prints precision@1, precision@3 and MRR against a naive baseline, and ``tests/initiatieven/
test_matching.py`` holds a floor.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from wagtail.coreutils import get_supported_content_language_variant

from initiatieven.models import (
    OPEN_STATUSES,
    Behoefte,
    GekoppeldeActiviteit,
    InitiatiefPage,
    InitiatiefVaardigheid,
    Talent,
    TalentVaardigheid,
)
from portal.kalender import DAGDELEN

from .words import concepts, contains_phrase, phrase, time_hints

W_SKILL = 10
W_WIJK = 3
W_STAD = 1
W_TIJD = 2
W_DAGDEEL = 2
W_THEMA = 1
W_HELPERS = 1
DIMINISHING = 0.5  # the second match counts half, the third a quarter ...

# (exact, same concept) per kind of target; "text" is the toelichting against that target.
TALENT_SIDE = {
    "tag": {"exact": 1.0, "concept": 0.8, "text": 0.4},
    "need": {"exact": 0.9, "concept": 0.7, "text": 0.4},
}
BEHOEFTE_SIDE = {
    "need": {"exact": 1.0, "concept": 0.8, "text": 0.4},
    "tag": {"exact": 0.6, "concept": 0.5, "text": 0.25},
}

RHYTHM_WINDOW_WEEKS = 12
WEEKLY_MIN_WEEKS = 9  # of 12: a weekly activity that skips a holiday or two is still weekly

DAGDEEL_ORDER = [*DAGDELEN, "weekend"]
DAGDEEL_REASONS = {
    "ochtend": "'s ochtends",
    "middag": "'s middags",
    "avond": "'s avonds",
    "weekend": "in het weekend",
}
TIJD_REASONS = {"wekelijks": "wekelijks", "af_en_toe": "af en toe", "eenmalig": "eenmalig"}
# Talent's "hoeveel tijd?" against the initiative's rhythm: 1.0 is a fit (with a reason), 0.5 loose.
TIJD_FIT = {
    ("wekelijks", "wekelijks"): 1.0,
    ("wekelijks", "regelmatig"): 0.5,
    ("af_en_toe", "regelmatig"): 1.0,
    ("af_en_toe", "wekelijks"): 0.5,
    ("af_en_toe", "eenmalig"): 0.5,
    ("eenmalig", "eenmalig"): 1.0,
    ("eenmalig", "regelmatig"): 0.5,
}


# --- Suggestions -----------------------------------------------------------------------------------


class _ReasonsText:
    @property
    def reasons_text(self):
        """The reasons as the makelaar reads them: "zelfde wijk · vaardigheid: koken · wekelijks"."""
        return " · ".join(self.reasons)


@dataclass(frozen=True)
class Suggestion(_ReasonsText):
    """An initiative for a talent; ``activiteit`` is the linked agenda item to start with, or None."""

    page: InitiatiefPage
    score: float
    reasons: tuple[str, ...]
    activiteit: object = None


@dataclass(frozen=True)
class TalentSuggestion(_ReasonsText):
    """A talent for one need of an initiative."""

    talent: Talent
    score: float
    reasons: tuple[str, ...]


# --- Profiles: what scoring needs, loaded in a fixed number of queries --------------------------------


@dataclass
class Target:
    """Something a talent's skills are compared with: an initiative's skill tag or one need's text."""

    kind: str  # "tag" or "need"
    label: str
    phrase: str
    concepts: dict


@dataclass
class TalentProfile:
    talent: Talent
    skills: list  # [(name, phrase, concepts)]
    text_concepts: dict
    wijk_ids: set
    dagdelen: set
    tijd: str
    thema_id: int | None


@dataclass
class InitiativeProfile:
    page: InitiatiefPage
    tags: list = field(default_factory=list)  # [Target]
    needs: list = field(default_factory=list)  # [(Behoefte, Target)]
    wijk_ids: set = field(default_factory=set)
    themas: dict = field(default_factory=dict)  # id -> naam
    activities: list = field(default_factory=list)  # [(AgendaItemPage, dagdelen)]
    rhythm: str | None = None
    dagdelen: set = field(default_factory=set)

    def behoefte_hints(self, needs):
        dagdelen, rhythm = set(), None
        for behoefte, _target in needs:
            found, behoefte_rhythm = time_hints(behoefte.tekst)
            dagdelen |= found
            rhythm = rhythm or behoefte_rhythm
        return dagdelen, rhythm


def _talent_profiles(talents):
    """Profiles for talents: two queries (skills, wijken) whatever their number."""
    ids = [t.pk for t in talents]
    skills, wijken = defaultdict(list), defaultdict(set)
    for talent_id, name in (
        TalentVaardigheid.objects.filter(content_object_id__in=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
    ):
        skills[talent_id].append(name)
    for talent_id, wijk_id in Talent.wijken.through.objects.filter(talent_id__in=ids).values_list(
        "talent_id", "wijk_id"
    ):
        wijken[talent_id].add(wijk_id)
    profiles = []
    for talent in talents:
        hinted, _rhythm = time_hints(talent.toelichting)
        profiles.append(
            TalentProfile(
                talent=talent,
                skills=[(name, phrase(name), concepts(name)) for name in skills[talent.pk]],
                text_concepts=concepts(talent.toelichting),
                wijk_ids=wijken[talent.pk],
                dagdelen={d for d in (talent.dagdelen or []) if d in DAGDEEL_REASONS} | hinted,
                tijd=talent.tijd,
                thema_id=talent.thema_id,
            )
        )
    return profiles


def _initiative_profiles(pages, today=None):
    """Profiles for initiatives: six queries (skills, wijken, thema's, needs, linked activities, their
    dates) whatever their number."""
    from activiteiten.models import Occurrence

    today = today or timezone.localdate()
    profiles = {page.pk: InitiativeProfile(page=page) for page in pages}
    ids = list(profiles)
    for page_id, name in (
        InitiatiefVaardigheid.objects.filter(content_object_id__in=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
    ):
        profiles[page_id].tags.append(Target("tag", name, phrase(name), concepts(name)))
    for page_id, wijk_id in InitiatiefPage.wijken.through.objects.filter(
        initiatiefpage_id__in=ids
    ).values_list("initiatiefpage_id", "wijk_id"):
        profiles[page_id].wijk_ids.add(wijk_id)
    for page_id, thema_id, naam in InitiatiefPage.themas.through.objects.filter(
        initiatiefpage_id__in=ids
    ).values_list("initiatiefpage_id", "thema_id", "thema__naam"):
        profiles[page_id].themas[thema_id] = naam
    for behoefte in Behoefte.objects.filter(page_id__in=ids).order_by("page_id", "sort_order", "pk"):
        target = Target("need", behoefte.tekst, phrase(behoefte.tekst), concepts(behoefte.tekst))
        profiles[behoefte.page_id].needs.append((behoefte, target))

    links = list(
        GekoppeldeActiviteit.objects.filter(initiatief_id__in=ids, page__live=True)
        .select_related("page")
        .order_by("initiatief_id", "sort_order", "pk")
    )
    dates = defaultdict(list)  # agenda page id -> [(datum, dagdeel)]
    until = today + dt.timedelta(weeks=RHYTHM_WINDOW_WEEKS)
    for page_id, datum, dagdeel in (
        Occurrence.objects.filter(
            page_id__in={link.page_id for link in links}, datum__gte=today, datum__lt=until
        )
        .exclude(status="vervalt")
        .order_by()
        .values_list("page_id", "datum", "dagdeel")
    ):
        dates[page_id].append((datum, dagdeel))
    for link in links:
        profile = profiles[link.initiatief_id]
        slots = {"weekend" if datum.weekday() >= 5 else dagdeel for datum, dagdeel in dates[link.page_id]}
        profile.activities.append((link.page, slots))
        profile.dagdelen |= slots
    for profile in profiles.values():
        weeks = {
            datum.isocalendar()[:2]
            for agenda_page, _slots in profile.activities
            for datum, _dagdeel in dates[agenda_page.pk]
        }
        if len(weeks) >= WEEKLY_MIN_WEEKS:
            profile.rhythm = "wekelijks"
        elif len(weeks) >= 2:
            profile.rhythm = "regelmatig"
        elif weeks:
            profile.rhythm = "eenmalig"
    return [profiles[page.pk] for page in pages]


# --- Scoring ---------------------------------------------------------------------------------------


def _diminishing(values):
    return sum(v * DIMINISHING**i for i, v in enumerate(sorted(values, reverse=True)))


def _best_skill_match(skill, targets, weights):
    """(value, reason) of one talent skill against its best target, or (0, None)."""
    name, skill_phrase, skill_concepts = skill
    best = (0.0, None)
    for target in targets:
        w = weights[target.kind]
        if skill_phrase == target.phrase or (
            target.kind == "need" and contains_phrase(target.phrase, skill_phrase)
        ):
            value, reason = w["exact"], f"vaardigheid: {name}"
        else:
            shared = sorted(skill_concepts.keys() & target.concepts.keys())
            if not shared:
                continue
            other = target.label if target.kind == "tag" else target.concepts[shared[0]]
            value = w["concept"]
            reason = (
                f"vaardigheid: {name}" if phrase(other) == skill_phrase else f"vaardigheid: {name} ≈ {other}"
            )
        if value > best[0]:
            best = (value, reason)
    return best


def _best_text_match(concept, word, targets, weights):
    best = (0.0, None)
    for target in targets:
        if concept in target.concepts:
            value = weights[target.kind]["text"]
            other = target.label if target.kind == "tag" else target.concepts[concept]
            reason = f"toelichting: {word}" if other == word else f"toelichting: {word} ≈ {other}"
            if value > best[0]:
                best = (value, reason)
    return best


def _content_score(talent, targets, weights):
    """Skills and toelichting against the targets: (score, reasons)."""
    skill_values, reasons, covered = [], [], set()
    for skill in talent.skills:
        value, reason = _best_skill_match(skill, targets, weights)
        if value:
            skill_values.append(value)
            reasons.append(reason)
            covered |= skill[2].keys()
    text_values = []
    for concept, word in talent.text_concepts.items():
        if concept in covered:
            continue
        value, reason = _best_text_match(concept, word, targets, weights)
        if value:
            text_values.append(value)
            if reason not in reasons:
                reasons.append(reason)
    return W_SKILL * (_diminishing(skill_values) + _diminishing(text_values)), reasons


def _context_score(talent, initiative, dagdelen, rhythm):
    """Wijk, thema, time and dagdelen: (score, reasons). ``dagdelen`` and ``rhythm`` are the
    initiative's, from its activities and need texts."""
    score, reasons = 0.0, []
    if talent.wijk_ids & initiative.wijk_ids:
        score += W_WIJK
        reasons.append("zelfde wijk")
    elif initiative.page.heel_de_stad:
        score += W_STAD
        reasons.append("heel de stad")
    if talent.thema_id and talent.thema_id in initiative.themas:
        score += W_THEMA
        reasons.append(f"thema: {initiative.themas[talent.thema_id]}")
    fit = TIJD_FIT.get((talent.tijd, rhythm), 0.0)
    if fit:
        score += W_TIJD * fit
        if fit == 1.0:
            reasons.append(TIJD_REASONS[talent.tijd])
    if talent.dagdelen and dagdelen:
        shared = [d for d in DAGDEEL_ORDER if d in talent.dagdelen & dagdelen]
        if shared:
            score += W_DAGDEEL
            reasons.extend(DAGDEEL_REASONS[d] for d in shared[:2])
        else:
            score -= W_DAGDEEL
    return score, reasons


def _best_activity(talent, initiative):
    """The linked agenda item that meets most of the talent's dagdelen (the first one on a tie)."""
    if not initiative.activities:
        return None
    return max(initiative.activities, key=lambda item: len(item[1] & talent.dagdelen))[0]


def score_for_talent(talent, initiative):
    """(score, reasons) of an initiative for a talent, or None when it has no open need for them."""
    helpers = [n for n in initiative.needs if n[0].soort == "helpers"]
    targets = initiative.tags + [target for _behoefte, target in initiative.needs]
    content, content_reasons = _content_score(talent, targets, TALENT_SIDE)
    if not initiative.needs or not (helpers or content):
        return None
    hinted, behoefte_rhythm = initiative.behoefte_hints(initiative.needs)
    context, context_reasons = _context_score(
        talent, initiative, initiative.dagdelen | hinted, initiative.rhythm or behoefte_rhythm
    )
    score = content + context + (W_HELPERS if helpers else 0)
    return score, _ordered_reasons(context_reasons, content_reasons)


def score_for_behoefte(talent, initiative, behoefte):
    """(score, reasons) of a talent for one need, or None when they cannot meet it."""
    need = next((n for n in initiative.needs if n[0].pk == behoefte.pk), None)
    if need is None:
        need = (behoefte, Target("need", behoefte.tekst, phrase(behoefte.tekst), concepts(behoefte.tekst)))
    targets = [need[1], *initiative.tags]
    content, content_reasons = _content_score(talent, targets, BEHOEFTE_SIDE)
    if behoefte.soort != "helpers":
        # Only a talent that offers what is asked: skills or toelichting against the need's own text.
        own, _reasons = _content_score(talent, [need[1]], BEHOEFTE_SIDE)
        if not own:
            return None
    hinted, behoefte_rhythm = initiative.behoefte_hints([need])
    dagdelen = hinted or initiative.dagdelen  # the need's own time words come first
    context, context_reasons = _context_score(
        talent, initiative, dagdelen, behoefte_rhythm or initiative.rhythm
    )
    return content + context, _ordered_reasons(context_reasons, content_reasons)


def _ordered_reasons(context_reasons, content_reasons):
    """Wijk first, then skills and toelichting, then thema and time, as the makelaar scans them."""
    place = [r for r in context_reasons if r in ("zelfde wijk", "heel de stad")]
    rest = [r for r in context_reasons if r not in place]
    return tuple(place + content_reasons + rest)


# --- Public API ------------------------------------------------------------------------------------


def default_language_code():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def candidate_initiatives(wijk_ids):
    """Live initiatives in the default language, not stopped, with at least one need, in one of
    ``wijk_ids`` or for heel de stad. Ordered by title, so ties in score are stable."""
    through = InitiatiefPage.wijken.through
    in_wijk = Q(pk__in=through.objects.filter(wijk_id__in=wijk_ids).values("initiatiefpage_id"))
    return (
        InitiatiefPage.objects.live()
        .filter(locale__language_code=default_language_code())
        .exclude(status="gestopt")
        .filter(Exists(Behoefte.objects.filter(page=OuterRef("pk"))))
        .filter(Q(heel_de_stad=True) | in_wijk)
        .defer_streamfields()
        .order_by("title", "pk")
    )


def suggestions_for_talent(talent, limit=10, today=None):
    """Initiatives (each with the linked activity to start with) for one talent, best first."""
    (profile,) = _talent_profiles([talent])
    pages = list(candidate_initiatives(profile.wijk_ids))
    suggestions = []
    for initiative in _initiative_profiles(pages, today):
        scored = score_for_talent(profile, initiative)
        if scored is None:
            continue
        score, reasons = scored
        suggestions.append(
            Suggestion(
                page=initiative.page,
                score=round(score, 2),
                reasons=reasons,
                activiteit=_best_activity(profile, initiative),
            )
        )
    suggestions.sort(key=lambda s: -s.score)  # stable: ties keep the title order
    return suggestions[:limit]


def candidate_talents(page, wijk_ids):
    """Open talents whose contact details were not erased, in one of ``wijk_ids`` (every wijk for an
    initiative for heel de stad). Oldest first, so on a tie the one who has waited longest comes first."""
    talents = Talent.objects.filter(status__in=OPEN_STATUSES, geanonimiseerd_op__isnull=True)
    if not page.heel_de_stad:
        talents = talents.filter(
            pk__in=Talent.wijken.through.objects.filter(wijk_id__in=wijk_ids).values("talent_id")
        )
    return talents.order_by("aangemaakt_op", "pk")


def suggestions_for_behoefte(behoefte, limit=10, today=None):
    """Open talents for one need of an initiative, best first."""
    page = InitiatiefPage.objects.live().filter(pk=behoefte.page_id).exclude(status="gestopt").first()
    if page is None:
        return []
    (initiative,) = _initiative_profiles([page], today)
    talents = list(candidate_talents(page, initiative.wijk_ids))
    suggestions = []
    for profile in _talent_profiles(talents):
        scored = score_for_behoefte(profile, initiative, behoefte)
        if scored is None:
            continue
        score, reasons = scored
        suggestions.append(TalentSuggestion(talent=profile.talent, score=round(score, 2), reasons=reasons))
    suggestions.sort(key=lambda s: -s.score)
    return suggestions[:limit]
