"""Demo agenda: a first set of activities and spreekuren modelled on the research's examples.
(The full set of 40+ activities and 10 spreekuren with every pattern is still to come.)"""

import datetime as dt

import recurrence

from portal.demo import get_or_create_page

# slug, model, title, intro, locatie slug, wijken, rule, slot, kosten, bedrag, aanmelden
ITEMS = [
    (
        "koffie-ochtend-de-tulp",
        "activiteit",
        "Koffie-ochtend in De Tulp",
        "Elke dinsdag koffie, thee en een praatje. Twee vrijwilligers weten veel over de wijk.",
        "buurthuis-de-tulp",
        ["oost"],
        "RRULE:FREQ=WEEKLY;BYDAY=TU",
        ("10:00", "12:00"),
        "gratis",
        None,
        "inloop",
    ),
    (
        "buurtrestaurant-noord",
        "activiteit",
        "Buurtrestaurant op vrijdag",
        "Samen een warme maaltijd eten voor 3,50 euro. Vrijwilligers van de kerk koken.",
        "ontmoetingskerk-noord",
        ["noord"],
        "RRULE:FREQ=WEEKLY;BYDAY=FR",
        ("17:30", "19:30"),
        "bedrag",
        "3.50",
        "aanmelden",
    ),
    (
        "taalcafe-badhuis",
        "activiteit",
        "Taalcafé in Het Badhuis",
        "Nederlands oefenen in een kleine groep. Je hoeft niets voor te bereiden.",
        "het-badhuis",
        ["zuid-west"],
        "RRULE:FREQ=WEEKLY;BYDAY=WE",
        ("14:00", "15:30"),
        "gratis",
        None,
        "inloop",
    ),
    (
        "digitaal-sterk-spreekuur",
        "spreekuur",
        "Digitaal Sterk spreekuur",
        "Hulp met je telefoon, computer of DigiD. Neem je eigen apparaat mee.",
        "bibliotheek-schalkwijk",
        ["schalkwijk"],
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
        ("10:00", "12:00"),
        "gratis",
        None,
        "inloop",
    ),
]


def load_agenda(ctx):
    from portal.models import LocatiePage, Wijk

    from .models import ActiviteitPage, AgendaPage, SpreekuurPage, Tijdslot
    from .occurrences import rebuild_occurrences

    agenda, made = get_or_create_page(
        ctx.home,
        AgendaPage,
        "agenda",
        title="Agenda",
        intro="Wat is er te doen in de wijk? Kijk wat er vandaag en deze week is.",
        show_in_menus=True,
    )
    if made:
        agenda.move(ctx.home, pos="first-child")
        ctx.note("agenda")
    ctx.pages["agenda"] = agenda
    models = {"activiteit": ActiviteitPage, "spreekuur": SpreekuurPage}
    start = ctx.today - dt.timedelta(days=ctx.today.weekday() + 14)  # two weeks ago, a Monday
    for slug, kind, title, intro, locatie_slug, wijk_slugs, rule, slot, kosten, bedrag, aanmelden in ITEMS:
        page, made = get_or_create_page(
            agenda,
            models[kind],
            slug,
            title=title,
            intro=intro,
            locatie=LocatiePage.objects.get(slug=locatie_slug),
            wijken=list(Wijk.objects.filter(slug__in=wijk_slugs)),
            start_datum=start,
            recurrence=recurrence.deserialize(rule, include_dtstart=False),
            kosten=kosten,
            bedrag=bedrag,
            aanmelden=aanmelden,
            tijdsloten=[
                Tijdslot(start_tijd=dt.time.fromisoformat(slot[0]), eind_tijd=dt.time.fromisoformat(slot[1]))
            ],
            vervalt_op_feestdagen=True,
        )
        if made:
            ctx.note(f"activiteit {title}")
            rebuild_occurrences(page)
