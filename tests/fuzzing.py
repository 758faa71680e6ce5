"""Hostile input for every public form, the agenda filters, the finder, the slips and the HSDS API.

Shared by ``tests/portal/test_fuzz.py`` (``make test``: 200 new examples per form and per GET endpoint on
every run, failures from earlier runs first) and ``bench/fuzz.py`` (10,000 or more each, with the counts
printed). A plain module, not a test file.

- Strategies: hostile text (every Unicode category but surrogates, right-to-left, CJK, emoji, combining
  marks, 10,000 characters, NUL bytes, SQL, script and template payloads), wrong types (numbers for text,
  text for numbers, a field sent several times), dates and times out of range.
- A "form data" strategy per target that draws a valid value for every field and then spoils a few
  fields (hostile, missing, repeated), so most examples get past the first field error.
- ``Target.check_response``: the rule for one response. No 5xx, ever. A rejection is a Dutch message at
  the field (no English Django defaults) and keeps what was typed; a script payload never comes out
  unescaped. Every checked response is counted in ``COUNTS`` for the bench.

Values that only exist at run time (a wijk's primary key, a fresh signed start time, a date relative to
today) are drawn as ``Ref`` placeholders; the test resolves them against its own fixture, so an explicit
``@example`` can be written down without knowing the database.
"""

from __future__ import annotations

import collections
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

# --- Counting, for the bench --------------------------------------------------------------------------

# COUNTS[target][outcome or problem] = n. "tried" counts every checked response.
COUNTS: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
# A few examples of each problem per target, so the bench can show what went wrong.
FAILURES: dict[str, list[str]] = collections.defaultdict(list)
MAX_FAILURES_KEPT = 5


def keep_going():
    """The bench counts problems and carries on; the tests fail at the first one."""
    return os.environ.get("FUZZ_KEEP_GOING") == "1"


def examples(default=200):
    """Examples per form: FUZZ_EXAMPLES (200 in ``make test``: enough to catch a form that lets a 500 or
    an unescaped payload through again; the bench runs 10,000)."""
    return int(os.environ.get("FUZZ_EXAMPLES") or default)


def get_examples():
    """Examples per GET endpoint (agenda, search, finder, slips, HSDS): FUZZ_GET_EXAMPLES, else as many
    as per form."""
    return int(os.environ.get("FUZZ_GET_EXAMPLES") or examples())


def derandomize():
    """Off by default: each run tries new inputs, and hypothesis' example database (``.hypothesis/``)
    replays the inputs that failed before first, so a failure found once is tried again until it is
    fixed. FUZZ_DERANDOMIZE=1 repeats the same inputs on every run (without the database)."""
    return os.environ.get("FUZZ_DERANDOMIZE", "0") == "1"


def hypothesis_settings():
    """The settings of every fuzz test: the examples of ``examples()``, no deadline, and the example
    database unless derandomized (hypothesis allows one or the other)."""
    from hypothesis import HealthCheck

    options = {
        "max_examples": examples(),
        "deadline": None,
        "derandomize": derandomize(),
        "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    }
    if options["derandomize"]:
        options["database"] = None
    return options


class RuleBroken(AssertionError):
    pass


def record(name, outcome, problems, sent=None):
    counts = COUNTS[name]
    counts["tried"] += 1
    counts[outcome] += 1
    for kind, _detail in problems:
        counts[kind] += 1
    if not problems:
        return outcome
    message = "; ".join(f"{kind}: {detail}" for kind, detail in problems)
    if sent is not None:
        message += f"\n  sent: {shorten(repr(sent), 600)}"
    if len(FAILURES[name]) < MAX_FAILURES_KEPT:
        FAILURES[name].append(message)
    if not keep_going():
        raise RuleBroken(message)
    return outcome


def shorten(text, limit=200):
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} tekens)"


# --- Placeholders for values that exist only at run time ----------------------------------------------


@dataclass(frozen=True)
class Ref:
    """``Ref("wijk", "oost")``: the pk of that wijk; ``Ref("started")``: a signed start time from a minute
    ago; ``Ref("dag", 3)``: the ISO date three days from today. The test's fixture resolves them."""

    kind: str
    key: Any = None


def resolve(value, lookup):
    """``value`` with every Ref replaced by ``lookup(ref)`` (a string), through dicts and lists."""
    if isinstance(value, Ref):
        return lookup(value)
    if isinstance(value, dict):
        return {k: resolve(v, lookup) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(v, lookup) for v in value]
    return value


# --- Hostile text ---------------------------------------------------------------------------------------

SCRIPT_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "<ScRiPt>alert(1)</sCrIpT>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "javascript:alert(1)",
    "<a href='javascript:alert(1)'>klik</a>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",  # already escaped: must not be unescaped on the way
]
SQL_PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE initiatieven_idee; --',
    "'; DROP TABLE wagtailcore_page; --",
    "1; SELECT pg_sleep(5)",
    "1 UNION SELECT username, password FROM auth_user --",
    "%' AND 1=0 UNION SELECT NULL --",
    "\\'; --",
]
TEMPLATE_PAYLOADS = ["{{7*7}}", "{% debug %}", "{{ request.META }}", "${7*7}", "#{7*7}", "%s%s%s%n", "{0}"]
PAYLOADS = SCRIPT_PAYLOADS + SQL_PAYLOADS + TEMPLATE_PAYLOADS

# Text in many scripts: right-to-left, CJK, emoji with joiners and skin tones, combining marks,
# direction overrides, zero-width and other invisible characters.
SCRIPTS = [
    "مرحبا بالجيران",  # Arabic (RTL)
    "שלום שכנים",  # Hebrew (RTL)
    "خوش آمدید",  # Persian
    "‮evil‬ text",  # right-to-left override
    "你好，邻居们",  # Chinese
    "こんにちは、ご近所さん",  # Japanese
    "안녕하세요 이웃",  # Korean
    "สวัสดีเพื่อนบ้าน",  # Thai
    "नमस्ते पड़ोसी",  # Devanagari
    "Привет, соседи",  # Cyrillic
    "Merhaba komşular, çay içelim",  # Turkish
    "Cześć sąsiedzi, zażółć gęślą jaźń",  # Polish
    "👩🏽‍🍳🎉🇳🇱👨‍👩‍👧‍👦",  # emoji, ZWJ sequences, flags
    "e\u0301e\u0301 cafe\u0301",  # combining acute
    "Z\u0338\u0322\u031ba\u0337l\u0334g\u0338o\u0335",  # stacked combining marks
    "\ufeffBOM aan het begin",
    "zero\u200bwidth\u200djoiner\u2060",
    "regel\u2028scheiding\u2029alinea",
    "𝕳𝖚𝖎𝖘 𝖛𝖆𝖓 𝖉𝖊 𝖂𝖎𝖏𝖐",  # mathematical letters (astral plane)
    "ᚠᛇᚻ᛫ᛒᛦᚦ",  # runes
    "\U000e0041\U000e0042 tags",  # tag characters
    "\uffff\ufffe\U0010ffff",  # non-characters
]
DUTCH = [
    "Koffie-ochtend in de Tulp",
    "Samen eten met de buren",
    "Wandelen in het park, iedereen is welkom.",
    "Taalcafé voor nieuwe Nederlanders",
    "Ik kook graag voor een grote groep.",
    "Repair café: neem je kapotte spullen mee!",
]
BLANKS = ["", " ", "\t\n", "\u00a0", "\u3000", "\u200b"]

# Every Unicode category but surrogates (which cannot be encoded as UTF-8 at all).
ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
# The same without NUL: text that a valid submission may contain (control characters included).
TYPABLE = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")

LONG = 10_000


def _repeat_to(length):
    return lambda chunk: (chunk * (length // len(chunk) + 1))[:length]


unicode_text = st.text(ANY_CHARACTER, max_size=80)
long_text = st.text(ANY_CHARACTER, min_size=1, max_size=5).map(_repeat_to(LONG))
payload_text = st.builds(
    lambda before, payload, after: before + payload + after,
    st.sampled_from(["", "Koffie ", "Buurt"]),
    st.sampled_from(PAYLOADS),
    st.sampled_from(["", " en meer", "\n\nTweede alinea"]),
)
with_nul = st.builds(
    lambda a, b: a + "\x00" + b, st.text(TYPABLE, max_size=10), st.text(TYPABLE, max_size=10)
)

huge_ints = st.one_of(
    st.integers(min_value=2**31 - 2, max_value=2**31 + 2),
    st.integers(min_value=2**63 - 2, max_value=2**63 + 2),
    st.integers(min_value=-(2**64), max_value=2**200),
)
numbers_as_text = st.one_of(
    huge_ints.map(str),
    st.integers(-5, 5).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["1e309", "-0", "0x1F", "1_000", "٣", "١٢٣", "𝟗", "½", "3,50", "3.50", "1,000.5", "NaN"]),
)
BAD_DATES = [
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "-1",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "0001-01-01",
    "1899-12-31",
    "31-12-2026",
    "12/31/2026",
    "2026-5-1",
    "2026-05-01T10:00:00",
    "2026-05-01 25:00",
    "99999999999999999999",
    "-99999-01-01",
    "morgen",
    "today",
    "2026-05-01\x00",
    "２０２６-０５-０１",  # full-width digits
]
BAD_TIMES = [
    "25:00",
    "24:00",
    "-1:00",
    "12:60",
    "99999999999",
    "10:00:00.0000001",
    "noon",
    "10h",
    "１０:００",
]
far_dates = st.dates().map(lambda d: d.isoformat())

hostile_text = st.one_of(
    unicode_text,
    st.sampled_from(SCRIPTS),
    st.sampled_from(PAYLOADS),
    payload_text,
    with_nul,
    long_text,
    numbers_as_text,
    st.sampled_from(BAD_DATES + BAD_TIMES),
    far_dates,
    st.sampled_from(BLANKS),
)
# A field sent several times (?wijk=a&wijk=b, or twice in a POST body).
repeated = st.lists(hostile_text, min_size=2, max_size=3)
hostile_value = st.one_of(hostile_text, repeated)


def valid_text(max_length, required=True):
    """Text the field accepts (within its length), including payloads, other scripts and control
    characters: accepted submissions must come out escaped everywhere."""
    options = [
        st.sampled_from(DUTCH),
        st.sampled_from(SCRIPTS),
        payload_text,
        st.text(TYPABLE, min_size=1, max_size=min(max_length, 40)).filter(str.strip),
        st.text(TYPABLE, min_size=1, max_size=2)
        .map(_repeat_to(max_length))
        .filter(str.strip),  # at the limit
    ]
    if not required:
        options.append(st.just(""))
    return st.one_of(*options).map(lambda s: s[:max_length])


def too_long(max_length):
    return st.text(TYPABLE, min_size=1, max_size=3).map(_repeat_to(max_length + 1))


emails = st.one_of(
    st.sampled_from(
        [
            "ans.devries@example.org",
            "o'brien+buurt@example.nl",
            "x@example.com",
            "fatma@xn--bcher-kva.example",
            "fatma@bücher.example",
        ]
    ),
    st.emails().filter(lambda e: len(e) <= 254),
)
bad_emails = st.sampled_from(
    [
        "niet-een-adres",
        "a@",
        "@example.org",
        "a@@example.org",
        "a@example..org",
        "ans@example.org\r\nBcc: spam@example.org",
        "ans@example.org, spam@example.org",
        "<script>alert(1)</script>@example.org",
        "用户@例子.广告",
        "a" * 250 + "@example.org",
    ]
)
phones = st.sampled_from(["", "06 12345678", "023-5551234", "+31 (0)6 1234 5678", "0612345678"])
dates_ahead = st.integers(0, 500).map(lambda n: Ref("dag", n))
dates_any = st.integers(-800, 800).map(lambda n: Ref("dag", n))
times = st.one_of(
    st.sampled_from(["09:30", "10:00", "12:00", "19:00", "21:30", "9:00", "23:59", "00:00", "10:00:00"]),
    st.times().map(lambda t: t.strftime("%H:%M")),
)
bad_times = st.sampled_from(BAD_TIMES)


# --- Form data: valid values, a few fields spoiled ---------------------------------------------------------


@dataclass
class Field:
    """One field of a target: how to draw a valid value, and hostile values that fit this field besides
    the generic ones (too long, a wrong date). ``kept``: a re-rendered form must show what was typed."""

    valid: st.SearchStrategy
    hostile: st.SearchStrategy | None = None
    kept: bool = False


def text_field(max_length, required=True, kept=True):
    return Field(valid_text(max_length, required), too_long(max_length), kept=kept)


def choice(*values):
    return st.sampled_from(list(values))


def some_of(*values, min_size=0):
    return st.lists(st.sampled_from(list(values)), min_size=min_size, max_size=len(values), unique=True)


SPAM_FIELDS = {
    "gestart": Field(st.just(Ref("started")), st.one_of(hostile_text, st.just(Ref("started", "zojuist")))),
    "website": Field(st.just(""), hostile_text),
}


def one_in(n):
    """True about once in ``n`` draws. The rare case comes last: hypothesis leans towards the first
    element of a choice (its simplest), and would otherwise take the rare branch far too often."""
    return st.sampled_from([False] * (n - 1) + [True])


@st.composite
def spoiled(draw, fields, max_spoiled=3, extra_keys=True, coherent=None):
    """A valid value for every field (made to agree with each other by ``coherent``), then 1 to
    ``max_spoiled`` fields hostile, missing or repeated (in about one example in seven none), now and
    then a field nobody asked for. The anti-spam fields are spoiled in one example in ten only: a bot's
    submission is dropped before any other field is read."""
    data = {name: draw(spec.valid, label=name) for name, spec in fields.items()}
    if coherent is not None:
        data = coherent(data)
    names = sorted(name for name in fields if name not in SPAM_FIELDS)
    most = min(max_spoiled, len(names))
    how_many = draw(st.sampled_from([*range(1, most + 1), *range(1, most + 1), 0]), label="n")
    chosen = draw(st.lists(st.sampled_from(names), min_size=how_many, max_size=how_many, unique=True))
    spam = [name for name in SPAM_FIELDS if name in fields]
    if spam and draw(one_in(10), label="bot?"):
        chosen.append(draw(st.sampled_from(spam), label="spam field"))
    for name in chosen:
        spec = fields[name]
        how = draw(st.sampled_from(["hostile", "hostile", "own", "missing", "twice"]), label=f"{name}:how")
        if how == "missing":
            del data[name]
        elif how == "twice":
            data[name] = [data[name] if not isinstance(data[name], list) else "", draw(hostile_text)]
        elif how == "own" and spec.hostile is not None:
            data[name] = draw(spec.hostile, label=name)
        else:
            data[name] = draw(hostile_value, label=name)
    if extra_keys and draw(one_in(10), label="extra?"):
        data[draw(st.sampled_from(["csrfmiddlewaretoken", "id", "pk", "status", "__proto__", "é"]))] = draw(
            hostile_value
        )
    return data


# --- The targets --------------------------------------------------------------------------------------------

WIJKEN = ["oost", "schalkwijk"]
THEMAS = ["eten-en-drinken", "ontmoeting"]
DOELGROEPEN = ["ouderen"]
TALEN = ["nl", "tr"]


def ref(kind, *keys):
    return st.sampled_from([Ref(kind, key) for key in keys])


def refs(kind, *keys, min_size=0):
    return st.lists(ref(kind, *keys), min_size=min_size, max_size=len(keys), unique=True)


def bad_choice():
    """Wrong types for a choice: a pk that does not exist, a huge number, text, an empty value."""
    return st.one_of(huge_ints.map(str), st.integers(-3, 10**6).map(str), hostile_text, st.just([]))


CONTACT = {
    "naam": text_field(120),
    "email": Field(emails, bad_emails, kept=True),
    "telefoon": Field(phones, st.one_of(bad_emails, too_long(30), numbers_as_text), kept=True),
}
MAKELAAR_CONTACT = {**CONTACT, "toestemming": Field(st.just("on"), st.sampled_from(["", "off", "0", "nee"]))}

IDEE_FIELDS = {
    **SPAM_FIELDS,
    "idee": text_field(3000),
    "voor_wie": text_field(300, required=False),
    "nodig": text_field(2000, required=False),
    "goed_in": text_field(2000, required=False),
    "wie_nog": text_field(2000, required=False),
    "wijk": Field(ref("wijk", *WIJKEN), bad_choice()),
    "thema": Field(st.one_of(st.just(""), ref("thema", *THEMAS)), bad_choice()),
    **MAKELAAR_CONTACT,
}
VAARDIGHEDEN = ["koken", "tuinieren", "klussen", "fietsen repareren", "gezelschap", "vervoer"]
TALENT_FIELDS = {
    **SPAM_FIELDS,
    "vaardigheden": Field(some_of(*VAARDIGHEDEN), st.lists(hostile_text, min_size=1, max_size=3)),
    "iets_anders": text_field(300, required=False),
    "tijd": Field(choice("eenmalig", "af_en_toe", "wekelijks"), hostile_text),
    "dagdelen": Field(some_of("ochtend", "middag", "avond", "weekend"), st.lists(hostile_text, min_size=1)),
    "wijken": Field(refs("wijk", *WIJKEN, min_size=1), st.lists(bad_choice(), min_size=1, max_size=3)),
    "toelichting": text_field(2000, required=False),
    **MAKELAAR_CONTACT,
}

PHOTO = {
    # An upload: a tiny real PNG, random bytes, or a script with an image name (see ``upload``).
    "foto": Field(
        st.just(""), st.sampled_from([Ref("foto", "png"), Ref("foto", "bytes"), Ref("foto", "html")])
    ),
    "foto_bewaard": Field(st.just(""), hostile_text),
    "foto_weg": Field(st.just(""), st.sampled_from(["on", "1"])),
    "foto_beschrijving": text_field(200, required=False),
}
TAGS = {
    "wijken": Field(refs("wijk", *WIJKEN), st.lists(bad_choice(), min_size=1, max_size=3)),
    "heel_de_stad": Field(choice("on", ""), hostile_text),
    "themas": Field(refs("thema", *THEMAS, min_size=1), st.lists(bad_choice(), min_size=1, max_size=3)),
}
ACTIVITEIT_FIELDS_EDIT = {
    "titel": text_field(100),
    "intro": text_field(300),
    "beschrijving": text_field(3000, required=False),
    "onderwerpen": text_field(1000, required=False),
    "organisator_naam": text_field(120),
    **TAGS,
    "doelgroepen": Field(refs("doelgroep", *DOELGROEPEN), st.lists(bad_choice(), min_size=1)),
    "herhaling": Field(choice("eenmalig", "wekelijks", "tweewekelijks", "maandelijks"), hostile_text),
    "datum": Field(dates_ahead, st.one_of(st.sampled_from(BAD_DATES), far_dates, dates_any), kept=True),
    "weekdag": Field(choice("", "MO", "TU", "WE", "TH", "FR", "SA", "SU"), hostile_text),
    "week_van_maand": Field(choice("", "1", "2", "3", "4", "-1"), st.sampled_from(["0", "5", "-2", "99"])),
    "begintijd": Field(choice("10:00", "14:00", "19:00"), bad_times, kept=True),
    "eindtijd": Field(choice("12:00", "16:00", "21:30"), st.one_of(bad_times, times), kept=True),
    "einddatum": Field(
        st.one_of(st.just(""), dates_ahead), st.one_of(st.sampled_from(BAD_DATES), dates_any), kept=True
    ),
    "locatie": Field(st.one_of(st.just(""), ref("locatie", "tulp", "badhuis")), bad_choice()),
    "adres_vrij": text_field(200, required=False),
    "online": Field(choice("", "on"), hostile_text),
    "kosten": Field(choice("gratis", "vrijwillig", "bedrag"), hostile_text),
    "bedrag": Field(
        choice("", "3,50", "0", "1000", "2,5"),
        st.one_of(numbers_as_text, st.sampled_from(["-1", "1000,01", "3,505", "€ 3"])),
        kept=True,
    ),
    "aanmelden": Field(choice("inloop", "aanmelden"), hostile_text),
    "aanmelden_hoe": text_field(200, required=False),
    "iemand_mag_mee": Field(choice("on", ""), hostile_text),
    "talen": Field(refs("taal", *TALEN), st.lists(bad_choice(), min_size=1)),
    **PHOTO,
}
ACTIVITEIT_FIELDS = {
    **SPAM_FIELDS,
    "soort": Field(choice("activiteit", "spreekuur"), hostile_text),
    **ACTIVITEIT_FIELDS_EDIT,
    **CONTACT,
}
BEHOEFTEN = {}
for _i in (1, 2, 3):
    BEHOEFTEN[f"behoefte_{_i}_soort"] = Field(
        choice("", "helpers", "ruimte", "materiaal", "budget"), hostile_text
    )
    BEHOEFTEN[f"behoefte_{_i}_tekst"] = text_field(200, required=False)
INITIATIEF_FIELDS_EDIT = {
    "titel": text_field(100),
    "intro": text_field(300),
    "beschrijving": text_field(3000, required=False),
    "initiatiefnemer": text_field(120),
    "status": Field(choice("in_opbouw", "loopt"), st.one_of(hostile_text, st.just("gestopt"))),
    **TAGS,
    **BEHOEFTEN,
    "vaardigheden": text_field(300, required=False),
    **PHOTO,
}
INITIATIEF_FIELDS = {**SPAM_FIELDS, **INITIATIEF_FIELDS_EDIT, **CONTACT}
NIEUWE_LINK_FIELDS = {**SPAM_FIELDS, "email": Field(emails, bad_emails, kept=True)}
CONTACT_FORM_FIELDS = {
    **SPAM_FIELDS,
    "naam": text_field(120),
    "email": Field(emails, bad_emails, kept=True),
    "bericht": text_field(2000),
}
VERVALT_FIELDS = {
    "vervalt-datum": Field(ref("datum", 0, 1, 2), st.one_of(st.sampled_from(BAD_DATES), dates_any)),
    "vervalt-toelichting": text_field(200, required=False),
}
STOP_FIELDS = {
    "stop-vanaf": Field(st.integers(30, 400).map(lambda n: Ref("dag", n)), st.sampled_from(BAD_DATES)),
    "stop-toelichting": text_field(200, required=False),
    "stop-zeker": Field(st.just("on"), st.sampled_from(["", "off"])),
}
BEWERKEN_FIELDS = {
    "actie": Field(choice("vervalt", "stoppen"), hostile_value),
    **VERVALT_FIELDS,
    **STOP_FIELDS,
}


# Valid values that agree with each other, so a spoiled field is the only thing wrong.
TIJDEN = {"10:00": "12:00", "14:00": "16:00", "19:00": "21:30"}


def _tagged(data):
    if not data.get("wijken") and not data.get("heel_de_stad"):
        data["heel_de_stad"] = "on"
    return data


def coherent_activity(data):
    data["eindtijd"] = TIJDEN[data["begintijd"]]
    if data["kosten"] == "bedrag" and not data["bedrag"]:
        data["bedrag"] = "3,50"
    if data["aanmelden"] == "aanmelden" and not data["aanmelden_hoe"].strip():
        data["aanmelden_hoe"] = "Bel Ineke: 06 12345678"
    if not (data["locatie"] or data["adres_vrij"].strip() or data["online"]):
        data["online"] = "on"
    start, end = data["datum"], data["einddatum"]
    if end and end.key < start.key + 40:  # a monthly rule has a date within 40 days
        data["einddatum"] = Ref("dag", start.key + 40)
    return _tagged(data)


def coherent_initiative(data):
    for i in (1, 2, 3):
        soort, tekst = f"behoefte_{i}_soort", f"behoefte_{i}_tekst"
        if not data[soort]:
            data[tekst] = ""
        elif not data[tekst].strip():
            data[tekst] = "Iemand die op zaterdag water geeft"
    return _tagged(data)


def coherent_talent(data):
    if not data["vaardigheden"] and not data["toelichting"].strip():
        data["vaardigheden"] = ["koken"]
    return data


# GET parameters. Every one optional, so "missing" is valid too.
AGENDA_PARAMS = {
    "wijk": Field(some_of(*WIJKEN), bad_choice()),
    "thema": Field(some_of(*THEMAS), bad_choice()),
    "doelgroep": Field(some_of(*DOELGROEPEN), bad_choice()),
    "van": Field(st.one_of(st.just(""), dates_any), st.sampled_from(BAD_DATES), kept=True),
    "tot": Field(st.one_of(st.just(""), dates_any), st.sampled_from(BAD_DATES), kept=True),
    "dagdeel": Field(some_of("ochtend", "middag", "avond"), st.lists(hostile_text, min_size=1)),
    "gratis": Field(choice("", "on"), hostile_text),
    "inloop": Field(choice("", "on"), hostile_text),
    "toegankelijk": Field(choice("", "on"), hostile_text),
    "q": Field(st.one_of(st.just(""), valid_text(100)), too_long(100), kept=True),
    "pagina": Field(choice("", "1", "2", "last"), numbers_as_text),
}
SEARCH_PARAMS = {
    "q": Field(
        st.one_of(st.sampled_from(["koffie", "buurt", "script", "Buurtmoestuin"]), valid_text(200)),
        too_long(200),
        kept=True,
    ),
    "pagina": Field(choice("", "1", "2", "last"), numbers_as_text),
}
FINDER_PARAMS = {
    "hulpvraag": Field(choice("", "eenzaam", "geldzorgen"), bad_choice()),
    "wijk": Field(st.one_of(st.just(""), choice(*WIJKEN)), bad_choice()),
    "dagdeel": Field(some_of("overdag", "ochtend", "middag", "avond"), st.lists(hostile_text, min_size=1)),
    "dag": Field(some_of("maandag", "dinsdag", "zaterdag"), st.lists(hostile_text, min_size=1)),
    "gratis": Field(choice("", "on"), hostile_text),
    "aanmelden": Field(choice("", "inloop", "aanmelden"), hostile_text),
    "mee": Field(choice("", "on"), hostile_text),
    "toegankelijk": Field(choice("", "on"), hostile_text),
    "taal": Field(st.one_of(st.just(""), choice(*TALEN)), bad_choice()),
    "doelgroep": Field(st.one_of(st.just(""), choice(*DOELGROEPEN)), bad_choice()),
    "pagina": Field(choice("", "1", "2"), numbers_as_text),
}
SLIP_PARAMS = {
    "taal": Field(choice("", "nl", "en", "tr", "ar", "pl"), hostile_text),
    "formaat": Field(choice("", "a5", "a4", "a6"), hostile_text),
    "naam": Field(choice("", "Ineke", "Fatma Yılmaz"), st.one_of(hostile_text, valid_text(60))),
    "telefoon": Field(phones, st.one_of(hostile_text, numbers_as_text)),
    "afdrukken": Field(choice("", "1"), hostile_text),
    "link": Field(choice("", "1"), hostile_text),
}
SLIP_SOORTEN = ["afgedrukt", "gedeeld-link", "gedeeld-email", "gedeeld-whatsapp", "poster"]
SLIP_PAGES = ["restaurant", "spreekuur", "moestuin", "wijkteam", "hostile"]
HSDS_LISTS = ["services", "organizations", "locations", "taxonomies", "taxonomy_terms"]
HSDS_PARAMS = {
    "page": Field(choice("1", "2"), st.one_of(numbers_as_text, hostile_text)),
    "per_page": Field(choice("1", "25", "100"), st.one_of(numbers_as_text, st.sampled_from(["0", "101"]))),
    "modified_after": Field(
        choice("2020-01-01", "2026-03-01T09:00:00+01:00", "2026-03-01T09:00:00Z"),
        st.one_of(st.sampled_from(BAD_DATES), hostile_text, far_dates),
    ),
    "wijk": Field(some_of(*WIJKEN, min_size=1), bad_choice()),
    "thema": Field(some_of(*THEMAS, min_size=1), bad_choice()),
    "doelgroep": Field(some_of(*DOELGROEPEN, min_size=1), bad_choice()),
    "taxonomy_term_id": Field(ref("term", "ontmoeting", "ouderen", "activiteit"), hostile_text),
    "taxonomy_id": Field(ref("taxonomy", "thema", "doelgroep", "soort"), hostile_text),
    "organization_id": Field(ref("uuid", "wijkteam"), hostile_text),
    "format": Field(st.just("json"), hostile_text),
    "ids": Field(st.just(""), hostile_value),  # not a parameter of ours: a Dutch 400
}


@st.composite
def get_params(draw, fields, max_fields=4):
    """A few of the parameters (all are optional), valid or spoiled."""
    names = draw(st.lists(st.sampled_from(sorted(fields)), max_size=max_fields, unique=True), label="params")
    chosen = {name: fields[name] for name in names}
    data = draw(spoiled(chosen, max_spoiled=2, extra_keys=False)) if chosen else {}
    if draw(one_in(10), label="unknown?"):
        data[draw(hostile_text.filter(bool), label="unknown name")] = draw(hostile_value)
    return {k: v for k, v in data.items() if v != "" and v != []}


@st.composite
def hsds_request(draw):
    """(path, params): a list with parameters, or one item by a (hostile) id."""
    if draw(one_in(4), label="detail?"):
        endpoint = draw(st.sampled_from(HSDS_LISTS), label="endpoint")
        item = draw(
            st.one_of(
                ref("uuid", "restaurant", "moestuin", "wijkteam", "tulp"),
                st.uuids().map(str),
                hostile_text.filter(bool),
            ),
            label="id",
        )
        request = {"path": [endpoint, item], "params": draw(get_params({"format": HSDS_PARAMS["format"]}))}
    else:
        endpoint = draw(st.sampled_from(["", *HSDS_LISTS, "profile", "nope"]), label="endpoint")
        request = {"path": [endpoint] if endpoint else [], "params": draw(get_params(HSDS_PARAMS))}
    # Mostly GET; also HEAD, a method the API does not answer, and a conditional request.
    request["method"] = draw(st.sampled_from(["GET", "GET", "GET", "GET", "HEAD", "POST", "DELETE"]))
    if draw(one_in(6), label="etag?"):
        request["if_none_match"] = draw(st.one_of(st.just("*"), st.just('"abc"'), hostile_text))
    return request


@st.composite
def slip_request(draw):
    view = draw(st.sampled_from(["briefje", "poster", "qr", "tel", "tel-get"]), label="view")
    pages = [Ref("page", name) for name in SLIP_PAGES]
    page = draw(st.sampled_from([*pages, *pages, "0", "999999999", str(2**63)]), label="page")
    data = draw(get_params(SLIP_PARAMS))
    if view == "tel":
        data["soort"] = draw(st.one_of(st.sampled_from(SLIP_SOORTEN), hostile_value), label="soort")
    return {"view": view, "page": page, "params": data}


@st.composite
def wijzigen_request(draw):
    """The edit link's form, for the activity or for the initiative."""
    if draw(st.booleans(), label="initiatief?"):
        fields, page, coherent = INITIATIEF_FIELDS_EDIT, "moestuin", coherent_initiative
    else:
        fields, page, coherent = ACTIVITEIT_FIELDS_EDIT, "restaurant", coherent_activity
    return {"page": page, "data": draw(spoiled({**SPAM_FIELDS, **fields}, coherent=coherent))}


@st.composite
def bewerken_data(draw):
    """One of the two forms behind the edit link (cancel a date, stop the series), or an unknown action."""
    actie = draw(st.sampled_from(["vervalt", "vervalt", "stoppen", "stoppen", "?"]), label="actie")
    if actie == "?":
        return {"actie": draw(hostile_value), **draw(spoiled(VERVALT_FIELDS))}
    data = draw(spoiled(VERVALT_FIELDS if actie == "vervalt" else STOP_FIELDS))
    return {"actie": actie, **data}


idee_data = spoiled(IDEE_FIELDS)
talent_data = spoiled(TALENT_FIELDS, coherent=coherent_talent)
activiteit_data = spoiled(ACTIVITEIT_FIELDS, coherent=coherent_activity)
initiatief_data = spoiled(INITIATIEF_FIELDS, coherent=coherent_initiative)
nieuwe_link_data = spoiled(NIEUWE_LINK_FIELDS)
bericht_data = spoiled(CONTACT_FORM_FIELDS)


# How a POST body is sent: multipart (the test client's default), urlencoded, or as JSON (which a form
# does not read: every field is missing).
encodings = st.sampled_from(["multipart", "multipart", "multipart", "urlencoded", "urlencoded", "json"])


# --- The rule ----------------------------------------------------------------------------------------------

# Literal markers of a payload that came out unescaped. Escaped, each of them looks different
# (&lt;script&gt;, &quot; onmouseover=&quot;), and no template of ours contains them.
UNESCAPED = [
    "<script>alert(",
    "<img src=x onerror=",
    "<svg onload=alert(",
    "<iframe src=javascript:",
    'onmouseover="alert(',
    "onfocus='alert(",
    "<a href='javascript:alert(",
]
# Escaped in a plain-text e-mail: the resident would read &lt; (unless they typed it like that).
TEXT_ESCAPED = ["&lt;script&gt;alert(", "&quot;&gt;&lt;img src=x"]


def english_defaults():
    """Django's English default messages for form fields and validators (the start of each, before any
    placeholder), plus the messages of Wagtail's and Django's generic pages."""
    from django import forms
    from django.core import validators
    from django.utils import translation

    found = set()
    with translation.override("en"):
        classes = [
            c for c in vars(forms.fields).values() if isinstance(c, type) and issubclass(c, forms.Field)
        ]
        classes += [forms.ModelChoiceField, forms.ModelMultipleChoiceField]
        for cls in classes:
            for klass in cls.__mro__:
                for message in getattr(klass, "default_error_messages", {}).values():
                    found.add(str(message))
        for name in dir(validators):
            obj = getattr(validators, name)
            message = getattr(obj, "message", None)
            if message is not None and isinstance(obj, type):
                found.add(str(message))
    prefixes = set()
    for message in found:
        start = re.split(r"%\(|%s|\{", message)[0].strip()
        if len(start) >= 12:
            prefixes.add(start)
    prefixes |= {"This field is required", "Enter a valid", "Select a valid choice", "Ensure this value"}
    prefixes |= {"Server Error", "Bad Request", "Not Found", "Page not found", "Forbidden"}
    return sorted(prefixes)


_ENGLISH = None


def english_in(text):
    global _ENGLISH
    if _ENGLISH is None:
        _ENGLISH = english_defaults()
    return [message for message in _ENGLISH if message in text]


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def unescaped_in(text):
    lowered = text.lower()
    return [marker for marker in UNESCAPED if marker in lowered]


def html_problems(html, where="pagina"):
    return [("unescaped", f"{where}: {marker!r} staat er letterlijk") for marker in unescaped_in(html)]


SUMMARY_LINK = re.compile(r'<li><a href="#veld-([\w-]+)">')
FIELD_ERROR = re.compile(r'class="field__error"[^>]*>(.*?)</(?:span|p)>', re.S)


def field_block(html, name):
    """The HTML of the field with id ``veld-<name>``, up to the next field."""
    start = html.find(f'id="veld-{name}"')
    if start < 0:
        return None
    tag_start = html.rfind("<", 0, start)
    end = html.find('id="veld-', start + 1)
    return html[tag_start : end if end > 0 else len(html)]


def errors_at_fields(html):
    """Problems with the error summary: every message must link to a field that shows it."""
    problems = []
    linked = SUMMARY_LINK.findall(html)
    if 'class="error-summary"' not in html:
        problems.append(("not_at_field", "200 zonder foutmeldingen: niet opgeslagen en niet gezegd waarom"))
    for name in dict.fromkeys(linked):
        block = field_block(html, name)
        if block is None:
            problems.append(("not_at_field", f"de melding verwijst naar #veld-{name}, dat er niet is"))
        elif "field--error" not in block[:300] or 'class="field__error"' not in block:
            problems.append(("not_at_field", f"veld {name} toont zijn melding niet"))
    return problems


def kept_problems(html, sent, fields, limit=300):
    """What the person typed in a text field is shown again (escaped), when it was a sensible length."""
    from django.utils.html import escape

    problems = []
    for name, spec in fields.items():
        value = sent.get(name)
        if not spec.kept or not isinstance(value, str) or not value.strip() or len(value) > limit:
            continue
        if escape(value) not in html:
            problems.append(("lost", f"{name}={shorten(value, 60)!r} staat niet meer in het formulier"))
    return problems


def lang_problems(html, language="nl"):
    if not re.search(rf'<html[^>]+lang="{language}"', html):
        return [("english", f"de pagina is niet in de taal van het adres ({language}, lang)")]
    return []


def mail_problems(outbox, sent=None):
    """HTML alternatives must escape; plain text may show the payload as typed, but not as entities."""
    problems = []
    typed_entities = "&lt;" in repr(sent) or "&quot;" in repr(sent)
    for message in outbox:
        if not typed_entities:
            problems += [
                ("unescaped", f"e-mail {message.subject!r} (tekst) is ge-escaped: {m!r}")
                for m in TEXT_ESCAPED
                if m in message.body
            ]
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                problems += html_problems(str(content), f"e-mail {message.subject!r} (html)")
        if "\n" in message.subject or "\r" in message.subject:
            problems.append(("unescaped", f"regeleinde in het onderwerp {message.subject!r}"))
    return problems


def has_markup(sent):
    """Whether anything sent would mean something to an HTML parser."""
    values = [v for value in sent.values() for v in (value if isinstance(value, list) else [value])]
    return any(c in str(v) for v in values for c in "<>&\"'")


def server_error(response):
    if response.status_code >= 500:
        return [("5xx", f"status {response.status_code}")]
    return []


@dataclass
class Target:
    """One public form or endpoint: its fields and the rule for its responses."""

    name: str
    fields: dict = field(default_factory=dict)

    def check_response(
        self, response, sent=None, *, fields=None, accepted_status=(302,), accepted_text=None, extra=()
    ):
        """The rule for a form POST. ``sent``: the resolved data. Returns the outcome and counts it:
        'accepted', 'rejected' (a Dutch message at the field), 'bad_request' (the Dutch 400 page), 'bot'
        (dropped silently by the anti-spam measures) or 'server_error'. A broken rule raises RuleBroken
        (in the bench it is only counted)."""
        sent = sent or {}
        errors = server_error(response)
        problems = errors + list(extra)
        outcome = "other"
        status = response.status_code
        if errors:
            outcome = "server_error"
        elif status in accepted_status or (
            accepted_text and status == 200 and accepted_text in body_of(response)
        ):
            outcome = "bot" if self.is_bot(sent) else "accepted"
            if status == 200:
                problems += html_problems(body_of(response))
        elif status == 200:
            html = body_of(response)
            outcome = "rejected"
            problems += html_problems(html)
            problems += errors_at_fields(html)
            problems += [("english", f"Engelse melding: {m!r}") for m in english_in(html)]
            problems += lang_problems(html)
            problems += kept_problems(html, sent, self.fields if fields is None else fields)
        elif status == 400:
            html = body_of(response)
            outcome = "bad_request"
            problems += html_problems(html)
            if "Dit kunnen we niet verwerken" not in html:
                problems.append(("english", "400 zonder de Nederlandse uitleg"))
        elif status == 429:
            problems.append(("rate_limited", "429: de test gaf geen eigen adres mee"))
        else:
            problems.append(("other", f"onverwachte status {status}"))
        return record(self.name, outcome, problems, sent)

    def is_bot(self, sent):
        """What the anti-spam measures make of ``sent`` (the form's own test)."""
        from django.http import QueryDict

        from portal.spam import SpamProtectedForm

        if "gestart" not in self.fields:
            return False
        data = QueryDict(mutable=True)
        for key in ("website", "gestart"):
            value = sent.get(key)
            if isinstance(value, list):
                data.setlist(key, [str(v) for v in value])
            elif value is not None:
                data[key] = str(value)
        return SpamProtectedForm(data).is_bot()

    def check_page(self, response, sent=None, *, kept=None, not_found_ok=False, language="nl"):
        """The rule for a GET page with filters: 200 with a message at each wrong filter, in Dutch (or in
        ``language``, for an address under its prefix, where English words are no fault)."""
        sent = sent or {}
        problems = server_error(response)
        status = response.status_code
        if problems:
            return record(self.name, "server_error", problems, sent)
        if status == 404 and not_found_ok:
            html = body_of(response)
            problems += html_problems(html) + [("english", f"404: {m!r}") for m in english_in(html)]
            return record(self.name, "not_found", problems, sent)
        if status in (301, 302, 303):  # e.g. the slip's counter, after counting
            return record(self.name, "accepted", problems, sent)
        if status != 200:
            return record(self.name, "other", [("other", f"onverwachte status {status}")], sent)
        if not is_html(response):
            problems += [
                ("unescaped", f"{response['Content-Type']}: {m!r}") for m in unescaped_in(body_of(response))
            ]
            return record(self.name, "accepted", problems, sent)
        html = body_of(response)
        problems += html_problems(html)
        if language == "nl":
            problems += [("english", f"Engelse melding: {m!r}") for m in english_in(html)]
        problems += lang_problems(html, language)
        errors = FIELD_ERROR.findall(html)
        for error in errors:
            if not error.strip():
                problems.append(("not_at_field", "een lege foutmelding"))
        if kept is not None:
            problems += kept_problems(html, sent, kept)
        return record(self.name, "rejected" if errors else "accepted", problems, sent)

    def check_api(self, response, sent=None, head=False):
        """The rule for the HSDS API: JSON always; a 400 names the parameter in Dutch; a 405 says in
        Dutch that the API only reads."""
        problems = server_error(response)
        status = response.status_code
        if problems:
            return record(self.name, "server_error", problems, sent)
        if status == 304:  # not modified: no body, no type
            return record(self.name, "accepted", problems, sent)
        if not response.get("Content-Type", "").startswith("application/json"):
            problems.append(("other", f"geen JSON maar {response.get('Content-Type')}"))
        if response.get("X-Content-Type-Options") != "nosniff":
            problems.append(("unescaped", "zonder X-Content-Type-Options: nosniff"))
        try:
            document = json.loads(body_of(response)) if not head else {}
        except ValueError:
            return record(self.name, "other", [*problems, ("other", "geen geldige JSON")], sent)
        if status == 200:
            return record(self.name, "accepted", problems, sent)
        if status == 405:
            message = document.get("message", "")
            if "alleen lezen" not in message or "GET" not in response.get("Allow", ""):
                problems.append(("english", f"405 zonder Nederlandse uitleg: {message!r}"))
            return record(self.name, "rejected", problems, sent)
        if status in (400, 404) and not head:
            errors = document.get("errors") or []
            if not errors or not all(e.get("message") for e in errors):
                problems.append(("not_at_field", f"{status} zonder melding per parameter"))
            text = json.dumps(document, ensure_ascii=False)
            problems += [("english", f"Engelse melding: {m!r}") for m in english_in(text)]
            if status == 400 and not all("parameter" in e for e in errors):
                problems.append(("not_at_field", "400 zonder de naam van de parameter"))
            return record(self.name, "rejected" if status == 400 else "not_found", problems, sent)
        if head and status in (400, 404):  # the same answer as GET, without the body
            return record(self.name, "rejected", problems, sent)
        return record(self.name, "other", [*problems, ("other", f"onverwachte status {status}")], sent)


TARGETS = {
    "idee": Target("idee", IDEE_FIELDS),
    "talent": Target("talent", TALENT_FIELDS),
    "activiteit": Target("activiteit", ACTIVITEIT_FIELDS),
    "initiatief": Target("initiatief", INITIATIEF_FIELDS),
    "nieuwe_link": Target("nieuwe_link", NIEUWE_LINK_FIELDS),
    "wijzigen": Target("wijzigen", {**SPAM_FIELDS, **ACTIVITEIT_FIELDS_EDIT, **INITIATIEF_FIELDS_EDIT}),
    "bewerken": Target("bewerken", BEWERKEN_FIELDS),
    "bericht": Target("bericht", CONTACT_FORM_FIELDS),
    "agenda": Target("agenda", AGENDA_PARAMS),
    "zoeken": Target("zoeken", SEARCH_PARAMS),
    "verwijzen": Target("verwijzen", FINDER_PARAMS),
    "briefje": Target("briefje", SLIP_PARAMS),
    "hsds": Target("hsds", HSDS_PARAMS),
}
