"""HSDS taxonomies and taxonomy terms: Thema, Doelgroep and the kind of service ("soort"), and the
attributes that link them (or a plain value) to a service or an organization."""

from .common import NAMESPACE, compact, sub_id

LANGUAGE = "nl"

SOORTEN = {  # the kinds of service, a taxonomy of their own: code -> (name, description)
    "activiteit": ("Activiteit", "Iets wat je samen met anderen doet, één keer of vaker."),
    "spreekuur": (
        "Spreekuur",
        "Een vast uur waarop je met je vraag kunt binnenlopen of op afspraak kunt komen.",
    ),
    "initiatief": ("Bewonersinitiatief", "Iets wat bewoners samen voor de buurt organiseren."),
}
TAXONOMIES = {
    "thema": (
        "Thema's",
        "Waar gaat het over? Bijvoorbeeld ontmoeting, eten en drinken of geld en administratie.",
    ),
    "doelgroep": (
        "Doelgroepen",
        "Voor wie is het? Bijvoorbeeld ouderen, jongeren, nieuwkomers of mantelzorgers.",
    ),
    "soort": (
        "Soort aanbod",
        "Wat voor aanbod is het: een activiteit, een spreekuur of een bewonersinitiatief.",
    ),
}

# --- Ids ------------------------------------------------------------------------------------------


def taxonomy_id(code):
    return sub_id(NAMESPACE, "taxonomy", code)


def term_id(taxonomy, key):
    """``key`` is the primary key of a Thema or Doelgroep, or the code of a soort."""
    return sub_id(NAMESPACE, "term", taxonomy, key)


# --- Taxonomies -----------------------------------------------------------------------------------


def taxonomy(code):
    name, description = TAXONOMIES[code]
    return {"id": taxonomy_id(code), "name": name, "description": description}


def _term(taxonomy_code, key, code, name, description=""):
    return {
        "id": term_id(taxonomy_code, key),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": f"Huis van de Wijk: {TAXONOMIES[taxonomy_code][0]}",
        "taxonomy_id": taxonomy_id(taxonomy_code),
        "taxonomy_detail": taxonomy(taxonomy_code),
        "language": LANGUAGE,
    }


def thema_term(thema):
    return _term("thema", thema.pk, thema.slug, thema.naam)


def doelgroep_term(doelgroep):
    return _term("doelgroep", doelgroep.pk, doelgroep.slug, doelgroep.naam)


def soort_term(code):
    name, description = SOORTEN[code]
    return _term("soort", code, code, name, description)


def all_terms(themas, doelgroepen):
    return (
        [thema_term(t) for t in themas]
        + [doelgroep_term(d) for d in doelgroepen]
        + [soort_term(code) for code in SOORTEN]
    )


def attribute(link_id, link_entity, link_type, term=None, value=None):
    key = term["id"] if term else value
    return compact(
        {
            "id": sub_id(link_id, "attribute", link_type, key),
            "link_id": link_id,
            "link_entity": link_entity,
            "link_type": link_type,
            "taxonomy_term_id": term["id"] if term else None,
            "taxonomy_term": term,
            "value": value,
        }
    )


def term_attributes(service_id, soort, themas, doelgroepen=()):
    attributes = [attribute(service_id, "service", "soort", soort_term(soort))]
    attributes += [attribute(service_id, "service", "thema", thema_term(t)) for t in themas]
    attributes += [attribute(service_id, "service", "doelgroep", doelgroep_term(d)) for d in doelgroepen]
    return attributes
