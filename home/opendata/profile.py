"""The API's root document and our HSDS profile: the extension fields on schedule (see ``schedules``),
as HSDS's profile mechanism describes them."""

from django.urls import reverse

from .common import TIMEZONE
from .schedules import STATUS_TEXT

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"

# --- The profile: our extension fields, as HSDS's profile mechanism describes them ----------------


def schedule_patch():
    """A JSON Merge Patch (RFC 7386) on HSDS's schedule.json that adds our extension fields."""
    time = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}
    date = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    return {
        "properties": {
            "x_rrule": {
                "type": "string",
                "description": "Huis van de Wijk: the exact RFC 5545 RRULE of this time slot, without "
                "DTSTART. Present on every repeating schedule, also when HSDS's own fields cannot express "
                "the rule (then freq is left out).",
            },
            "x_timezone": {
                "type": "string",
                "enum": [TIMEZONE],
                "description": "Huis van de Wijk: the IANA time zone of every date and time in this "
                "schedule. Times are local wall-clock times, in summer and in winter.",
            },
            "x_exceptions": {
                "type": "array",
                "description": "Huis van de Wijk: the dates in the coming 18 months on which this "
                "schedule's rule does not hold as written. status 'vervalt': it does not take place; "
                "'verplaatst': it moves to new_date; 'gewijzigd': another time or place on the same date. "
                "The same dates are written in plain Dutch in notes.",
                "items": {
                    "type": "object",
                    "required": ["date", "status"],
                    "additionalProperties": False,
                    "properties": {
                        "date": date | {"description": "The date the rule gives (YYYY-MM-DD)."},
                        "status": {"type": "string", "enum": list(STATUS_TEXT)},
                        "new_date": date | {"description": "Where a moved date goes (status 'verplaatst')."},
                        "new_opens_at": time,
                        "new_closes_at": time,
                        "new_location_id": {"type": "string", "format": "uuid"},
                        "new_location_name": {"type": "string"},
                        "note": {"type": "string", "description": "The editor's explanation, in Dutch."},
                    },
                },
            },
        }
    }


def profile_document(ctx):
    return {
        "name": "Huis van de Wijk",
        "description": "Het HSDS 3.0-profiel van Huis van de Wijk: HSDS 3.0 met drie extra velden op "
        "schedule (x_rrule, x_timezone, x_exceptions) en de endpoints /locations en /locations/{id}. "
        "Alle tijden zijn Nederlandse tijd (Europe/Amsterdam). Services, organisaties en locaties zijn de "
        "Nederlandse pagina's: een vertaling (Engels, Turks, Arabisch, Pools) is geen aparte service.",
        "hsds_version": HSDS_VERSION,
        "modifications": {"schedule.json": ctx.absolute(reverse("hsds:profile-schedule"))},
    }


def root_document(ctx):
    return {
        "version": HSDS_VERSION,
        "profile": ctx.absolute(reverse("hsds:profile")),
        "openapi_url": OPENAPI_URL,
    }
