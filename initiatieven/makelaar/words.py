"""The words of matching: skills, need texts and a talent's toelichting as concepts (a small hand-made
table of Dutch word stems, ``CONCEPTEN``), and the time words in them ("elke week", "'s avonds")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from portal.kalender import WEEKDAYS

# Concept -> word stems, separated by spaces. A skill tag, a need text or a toelichting that shares a
# concept "is about the same thing". Kept small and Dutch; add words when the makelaars' data shows a miss.
CONCEPTEN = {
    "tuin": (
        "tuin moestuin volkstuin plant groente groen kruid bloem kweek kweken oogst snoei zaai gieter "
        "wieden onkruid"
    ),
    "koken": "kook koken kok koks maaltijd keuken recept gerecht taart soep catering bakker",
    "klussen": "klus timmer gereedschap bouwen opbouw afbreken verf monteren handig",
    "repareren": "repar sleutel",
    "fiets": "fiets",
    "taal": "taal nederlands conversatie inburger voorlees",
    "huiswerk": "huiswerk bijles rekenen reken lezen leraar lerares juf docent",
    "kinderen": (
        "kind kinder spelletje speelgroep speelgoed speeltuin speelplek speelmiddag jeugd peuter knutsel"
    ),
    "computer": "computer laptop telefoon tablet digita internet ict smartphone",
    "administratie": (
        "administrat kas bonnetje boekhoud penningmeester formulier brieven planning plannen "
        "organiseren secretaris notule excel"
    ),
    "vervoer": "vervoer auto rijden rijbewijs chauffeur breng ophalen ophaal",
    "gezelschap": (
        "gezelschap gezellig praatje praten luister gastvrij gastvrouw gastheer koffie welkom bezoek "
        "gesprek aanspraak maatje"
    ),
    "muziek": "muziek muzikant zing zang koor piano gitaar viool instrument",
    "sport": "sport beweg wandel yoga gym fitness voetbal dans zwem",
    "naaien": "naai verstel kleding kleren textiel breien breiclub haken",
    "opruimen": "afval zwerfafval prikken schoonmaak opruim vegen",
}
# Whole words the stems would get wrong: a playground is not a garden, and "ik speel gitaar" is not a
# game with children (so "spel" is listed as a word, not as a stem).
WORD_CONCEPTS = {
    "speeltuin": {"kinderen"},
    "spel": {"kinderen"},
    "spellen": {"kinderen"},
    "gastvrijheid": {"gezelschap"},
}

# Not evidence of a skill: function words, words every need says ("helpen", "mensen", "buurt"), time
# words (scored apart) and generic verbs that say how, not what ("mogen lenen", "water geeft").
_STOPWORDS = """
    aan af al alle alleen als altijd andere anders bij dan dat de deze die dit doen doe doet door een
    elke en er eten geen goed graag haar heb hebben heeft hem het hier hij hoe hun iedere iemand iets ik
    in is ja je jij jullie kan kun kunnen maar mag meer mee men mensen met mij mijn moet na naar niet
    niets nog nu of om onze ook op over per samen te tijd toe tot uit uur van veel voor vind vindt wat
    we week weer wel welke wie wil willen wij wordt zal ze zelf zich zij zijn zo zoals zou buurt buren
    wijk help helpen helpt hulp keer jaar jaren maand dag dagen leuk fijn mooi groot grote kleine nieuwe
    nieuw oude ouder ouderen iedereen vrijwilliger vrijwilligers vrijwilligerswerk maken zoeken zoek
    zoekt anderen hebt kunt wilt gaat gaan komen komt staan staat beetje lekker vaak soms even echt heel
    erg zeker vooral eigen eerste twee drie uren bent maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag mogen lenen leen uitlenen gebruiken krijgen geven geeft zetten houden werk werkt
    werken werkte bezig
"""
STOPWORDS = frozenset(_STOPWORDS.split())

# Time words: dagdelen (weekend days count as "weekend") and a rhythm.
DAGDEEL_WORDS = {
    "ochtend": "ochtend",
    "morgens": "ochtend",
    "middag": "middag",
    "avond": "avond",
    "zaterdag": "weekend",
    "zondag": "weekend",
    "weekend": "weekend",
}
RHYTHM_PHRASES = [  # checked in this order on the normalised text
    ("wekelijks", ("per week", "elke week", "iedere week", "wekelijks", "elke dag")),
    ("regelmatig", ("per maand", "elke maand", "maandelijks", "om de week", "per twee weken")),
    ("eenmalig", ("eenmalig", "een keer", "per jaar", "jaarlijks", "een dag", "een weekend")),
]


def words(text):
    """Lowercase words without accents: "Één keer 's avonds" -> ["een", "keer", "s", "avonds"]."""
    text = unicodedata.normalize("NFKD", (text or "").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", text)


def stem(word):
    """A light Dutch stem for words outside the concept table: plurals and diminutives."""
    for suffix in ("tjes", "jes", "tje", "je"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("en") and len(word) > 5:
        word = word[:-2]
    elif word.endswith("s") and len(word) > 4 and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]  # "bakken" -> "bakk" -> "bak"
    return word


def is_time_word(word):
    return any(key in word for key in (*DAGDEEL_WORDS, *WEEKDAYS))


_TERMS = [(term, concept) for concept, terms in CONCEPTEN.items() for term in terms.split()]


@lru_cache(maxsize=4096)
def word_concepts(word):
    """The concepts one word carries: from the table, or the word's own stem, or none (a stopword)."""
    if word in WORD_CONCEPTS:
        return frozenset(WORD_CONCEPTS[word])
    found = set()
    for term, concept in _TERMS:
        if len(term) <= 3:
            if word == term or word == term + "s":
                found.add(concept)
        elif word.startswith(term) or term in word[3:]:
            found.add(concept)
    if found:
        return frozenset(found)
    if len(word) < 4 or word in STOPWORDS or is_time_word(word):
        return frozenset()
    return frozenset({"=" + stem(word)})


def concepts(text):
    """Concept -> the first word in ``text`` that carries it (shown in the reasons)."""
    found = {}
    for word in words(text):
        for concept in word_concepts(word):
            found.setdefault(concept, word)
    return found


def phrase(text):
    return " ".join(words(text))


def contains_phrase(text_phrase, needle):
    return bool(needle) and f" {needle} " in f" {text_phrase} "


def time_hints(text):
    """(dagdelen, rhythm or None) that a text mentions: "op zaterdag" -> ({"weekend"}, None)."""
    found = set()
    for word in words(text):
        for key, dagdeel in DAGDEEL_WORDS.items():
            if key in word:
                found.add(dagdeel)
    joined = f" {phrase(text)} "
    for rhythm, phrases in RHYTHM_PHRASES:
        if any(f" {p} " in joined for p in phrases):
            return found, rhythm
    return found, None
