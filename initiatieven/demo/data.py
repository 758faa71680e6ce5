"""Demo bewonersinitiatieven, modelled on the research's examples (buurtmoestuin, buurtrestaurant,
Bakkie in de Wijk, eetgroep, buurtcamping, kledingruil, repair café, speeltuin, boekenkastje, taalmaatjes,
huiskamer).

Keys of one item:

- ``slug``, ``titel``, ``intro`` (B1, one or two sentences), ``tekst`` (paragraphs for the body).
- ``initiatiefnemer``: the name that may be shown; ``status``: in_opbouw, loopt or gestopt.
- ``wijken``: wijk slugs from ``portal.demo.data``; ``stad=True`` for the whole city. ``themas``: slugs.
- ``behoeften``: (soort, tekst) with soort helpers, plek, materiaal or budget; ``vaardigheden``: skill tags.
- ``activiteiten``: slugs of demo agenda items (``activiteiten.demo.data``) that belong to the initiative.
- ``kleur``: the main colour of the placeholder pictures; ``fotos``: captions of the extra pictures.
- ``bijdrage``: (naam, e-mail, telefoon) of whoever sent it in. Private: never shown on the site.
  Made up; every address is at example.org.
"""

INITIATIEVEN = [
    {
        "slug": "buurtmoestuin-de-ringvaart",
        "titel": "Buurtmoestuin De Ringvaart",
        "intro": "Bewoners kweken samen groente langs het water. Wat we oogsten, delen we met de buurt.",
        "tekst": [
            "Vijf jaar geleden lag hier alleen gras. Nu staan er twintig bakken met groente, kruiden en "
            "bloemen. Iedereen mag meedoen, ook als je nog nooit getuinierd hebt.",
            "Op woensdag en zaterdag is de tuinploeg er. Je komt wanneer het jou uitkomt.",
        ],
        "initiatiefnemer": "Bewonersgroep Parkwijk",
        "status": "loopt",
        "wijken": ["schalkwijk"],
        "themas": ["wonen-en-buurt", "vrijwilligerswerk", "eten-en-drinken"],
        "behoeften": [
            ("helpers", "Iemand die in de zomer op zaterdag de planten water geeft."),
            ("materiaal", "Tuingereedschap: schoppen, harken en gieters."),
        ],
        "vaardigheden": ["tuinieren", "klussen"],
        "activiteiten": ["buurtmoestuin-ringvaart"],
        "kleur": (74, 140, 80),
        "fotos": ["De bakken met sla en tomaten in juni.", "Samen oogsten op zaterdag."],
        "bijdrage": ("Marloes de Groot", "marloes.degroot@example.org", "06 1234 0101"),
    },
    {
        "slug": "buurtrestaurant-de-kerkkeuken",
        "titel": "Buurtrestaurant De Kerkkeuken",
        "intro": "Elke vrijdag koken vrijwilligers een warme maaltijd voor 3,50 euro. "
        "Je eet samen met je buren.",
        "tekst": [
            "Het buurtrestaurant begon met tien gasten. Nu komen er elke week zo'n dertig mensen. "
            "Er is altijd een vegetarische maaltijd.",
            "Wie niet goed kan lopen, halen we op met de auto.",
        ],
        "initiatiefnemer": "Vrijwilligers van de Ontmoetingskerk",
        "status": "loopt",
        "wijken": ["noord"],
        "themas": ["eten-en-drinken", "ontmoeting"],
        "behoeften": [
            ("helpers", "Koks die één vrijdag per maand mee willen koken."),
            ("helpers", "Een chauffeur die oudere buren ophaalt en thuisbrengt."),
        ],
        "vaardigheden": ["koken", "autorijden"],
        "activiteiten": ["buurtrestaurant-noord"],
        "kleur": (196, 98, 45),
        "fotos": ["De lange tafel in de kerkzaal."],
        "bijdrage": ("Peter van Dijk", "p.vandijk@example.org", "06 1234 0102"),
    },
    {
        "slug": "bakkie-in-de-wijk-parkwijk",
        "titel": "Bakkie in de Wijk",
        "intro": "Om de week zetten we een tafel met koffie op straat. Schuif aan en maak een praatje.",
        "tekst": [
            "Veel buren kenden elkaar niet. Met een tafel, een thermoskan en een paar stoelen begon het. "
            "Nu weten mensen elkaar te vinden als er iets is.",
        ],
        "initiatiefnemer": "Fatma en Joke",
        "status": "loopt",
        "wijken": ["schalkwijk"],
        "themas": ["ontmoeting", "wonen-en-buurt"],
        "behoeften": [("materiaal", "Een partytent, zodat we ook bij regen buiten kunnen staan.")],
        "vaardigheden": [],
        "activiteiten": ["bakkie-in-de-wijk"],
        "kleur": (160, 110, 60),
        "fotos": [],
        "bijdrage": ("Fatma Yilmaz", "fatma.yilmaz@example.org", ""),
    },
    {
        "slug": "eetgroep-tulpenstraat",
        "titel": "Eetgroep Tulpenstraat",
        "intro": "Elke woensdag koken we samen in De Tulp en eten we aan één tafel. "
        "Iedereen kookt een beetje mee.",
        "tekst": [
            "We koken gerechten uit Turkije, Marokko, Suriname en Nederland. Wie wil, leert een ander "
            "zijn lievelingsgerecht maken.",
        ],
        "initiatiefnemer": "Bewoners van de Tulpenstraat",
        "status": "loopt",
        "wijken": ["oost"],
        "themas": ["eten-en-drinken", "ontmoeting"],
        "behoeften": [
            ("budget", "Geld voor de boodschappen: ongeveer 50 euro per maand."),
            ("helpers", "Iemand die de kas en de bonnetjes bijhoudt."),
        ],
        "vaardigheden": ["koken", "administratie"],
        "activiteiten": ["samen-koken-de-tulp"],
        "kleur": (205, 150, 40),
        "fotos": ["Samen groente snijden in de keuken van De Tulp."],
        "bijdrage": ("Ahmed El Amrani", "a.elamrani@example.org", "06 1234 0104"),
    },
    {
        "slug": "buurtcamping-parkwijk",
        "titel": "Buurtcamping",
        "intro": "Eén weekend per jaar kamperen we met de buren, gewoon in de wijk. Tenten kun je lenen.",
        "tekst": [
            "Niet iedereen kan op vakantie. Daarom halen we de camping naar de buurt. We koken samen, "
            "doen spelletjes en slapen in tenten bij de buurttuin.",
        ],
        "initiatiefnemer": "Kees en de buurtcampingploeg",
        "status": "loopt",
        "wijken": ["schalkwijk"],
        "themas": ["ontmoeting", "opvoeden-en-gezin"],
        "behoeften": [
            ("materiaal", "Tenten en slaapmatjes die we mogen lenen."),
            ("helpers", "Mensen die 's avonds een spel of een kampvuur willen leiden."),
        ],
        "vaardigheden": ["koken", "spelletjes met kinderen"],
        "activiteiten": ["buurtcamping-ringvaart"],
        "kleur": (45, 120, 150),
        "fotos": ["De tenten staan klaar naast de moestuin."],
        "bijdrage": ("Kees Bakker", "kees.bakker@example.org", "06 1234 0105"),
    },
    {
        "slug": "kledingruil-slachthuisbuurt",
        "titel": "Kledingruil Slachthuisbuurt",
        "intro": "Elke eerste zaterdag van de maand ruilen we kleding. "
        "Breng wat je niet meer draagt en neem iets anders mee.",
        "tekst": [
            "Kinderen groeien snel. Met de kledingruil hoef je niet steeds nieuwe kleren te kopen. "
            "Heb je niets om te ruilen? Dan mag je ook gewoon iets meenemen.",
        ],
        "initiatiefnemer": "Bewoners van de Slachthuisbuurt",
        "status": "loopt",
        "wijken": ["oost"],
        "themas": ["wonen-en-buurt", "geld-en-administratie"],
        "behoeften": [("plek", "Een droge plek om de kleding tussen twee ruilmomenten te bewaren.")],
        "vaardigheden": ["naaien"],
        "activiteiten": ["kledingruil-de-tulp"],
        "kleur": (150, 70, 130),
        "fotos": ["Rekken vol kleding in de zaal van De Tulp."],
        "bijdrage": ("Sanne Kok", "sanne.kok@example.org", ""),
    },
    {
        "slug": "repair-cafe-haarlem-noord",
        "titel": "Repair Café Haarlem-Noord",
        "intro": "Is je lamp, broek of fiets kapot? Samen met een vrijwilliger maak je het weer heel.",
        "tekst": [
            "Eén keer per maand staan onze reparateurs klaar in De Spaarnekrans. Je betaalt niets, "
            "een vrijwillige bijdrage mag.",
        ],
        "initiatiefnemer": "Repair Café Haarlem-Noord",
        "status": "loopt",
        "wijken": ["noord"],
        "themas": ["wonen-en-buurt", "vrijwilligerswerk"],
        "behoeften": [("helpers", "Reparateurs voor fietsen en kleine apparaten.")],
        "vaardigheden": ["fietsen repareren", "klussen", "naaien"],
        "activiteiten": ["repair-cafe-noord"],
        "kleur": (70, 90, 160),
        "fotos": ["Een vrijwilliger repareert een broodrooster."],
        "bijdrage": ("Jan Visser", "jan.visser@example.org", "06 1234 0107"),
    },
    {
        "slug": "speeltuin-de-leidsebuurt",
        "titel": "Speeltuin De Leidsebuurt",
        "intro": "Ouders willen het lege veldje aan de Kamperstraat weer een speeltuin maken. Help je mee?",
        "tekst": [
            "We zijn net begonnen. Met de gemeente praten we over toestellen. In de tussentijd is er op "
            "woensdagmiddag een speelgroep voor kinderen uit de buurt.",
        ],
        "initiatiefnemer": "Ouders uit de Leidsebuurt",
        "status": "in_opbouw",
        "wijken": ["zuid-west"],
        "themas": ["opvoeden-en-gezin", "wonen-en-buurt"],
        "behoeften": [
            ("plek", "Een plek binnen voor de speelgroep als het regent."),
            ("budget", "Geld voor nieuw speelgoed en een zandbak."),
        ],
        "vaardigheden": ["spelletjes met kinderen", "klussen"],
        "activiteiten": [],
        "kleur": (230, 170, 30),
        "fotos": [],
        "bijdrage": ("Lotte Jansen", "lotte.jansen@example.org", "06 1234 0108"),
    },
    {
        "slug": "minibieb-hofjeskast",
        "titel": "Minibieb De Hofjeskast",
        "intro": "Een kastje vol boeken op straat. Neem een boek mee of zet er een terug.",
        "tekst": [
            "De kast staat bij de ingang van het hofje. Er zijn ook boeken in makkelijke taal en "
            "prentenboeken voor kinderen.",
        ],
        "initiatiefnemer": "Bewoners van het Zuiderhofje",
        "status": "loopt",
        "wijken": ["centrum"],
        "themas": ["cultuur-en-creatief", "taal-en-digitaal"],
        "behoeften": [],
        "vaardigheden": [],
        "activiteiten": [],
        "kleur": (120, 80, 50),
        "fotos": [],
        "bijdrage": ("Hanneke Smit", "hanneke.smit@example.org", ""),
    },
    {
        "slug": "taalmaatjes-haarlem",
        "titel": "Taalmaatjes",
        "intro": "Praat één uur per week Nederlands met een nieuwe buur. "
        "Zo leer je elkaar en de taal kennen.",
        "tekst": [
            "Een taalmaatje is geen leraar. Je drinkt samen koffie, doet boodschappen of leest een brief. "
            "Zo oefent je maatje Nederlands in het gewone leven.",
        ],
        "initiatiefnemer": "Taalmaatjes Haarlem",
        "status": "loopt",
        "wijken": [],
        "stad": True,
        "themas": ["taal-en-digitaal", "vrijwilligerswerk"],
        "behoeften": [("helpers", "Taalmaatjes die één uur per week tijd hebben.")],
        "vaardigheden": ["taal", "luisteren"],
        "activiteiten": ["taalmaatje-kennismaking"],
        "kleur": (40, 130, 120),
        "fotos": ["Twee taalmaatjes aan de keukentafel."],
        "bijdrage": ("Noor Hendriks", "noor.hendriks@example.org", "06 1234 0110"),
    },
    {
        "slug": "huiskamer-het-badhuis",
        "titel": "De Huiskamer",
        "intro": "Om de week een gezellige middag voor mensen met een lichamelijke beperking. Met koffie, "
        "spelletjes en een goed gesprek.",
        "tekst": [
            "De Huiskamer is begonnen door twee bewoners die zelf in een rolstoel zitten. Het Badhuis "
            "is goed toegankelijk en er is een aangepast toilet.",
        ],
        "initiatiefnemer": "Wim en Ria",
        "status": "loopt",
        "wijken": ["zuid-west"],
        "themas": ["gezondheid-en-zorg", "ontmoeting"],
        "behoeften": [("helpers", "Een gastvrouw of gastheer die de koffie zet en mensen welkom heet.")],
        "vaardigheden": ["gastvrijheid"],
        "activiteiten": ["huiskamer-badhuis"],
        "kleur": (180, 80, 80),
        "fotos": [],
        "bijdrage": ("Ria Mulder", "ria.mulder@example.org", "06 1234 0111"),
    },
    {
        "slug": "schone-straten-centrum",
        "titel": "Schone Straten Centrum",
        "intro": "We willen één keer per maand met buren zwerfafval prikken in de binnenstad.",
        "tekst": [
            "Het idee komt van twee buren die zich ergerden aan het afval bij de grachten. "
            "De eerste keer is in het voorjaar. Iedereen mag meedoen, ook voor één keer.",
        ],
        "initiatiefnemer": "Yusuf en Emma",
        "status": "in_opbouw",
        "wijken": ["centrum"],
        "themas": ["wonen-en-buurt", "vrijwilligerswerk"],
        "behoeften": [
            ("materiaal", "Afvalgrijpers, handschoenen en vuilniszakken."),
            ("helpers", "Iemand die de groepsapp en de planning wil bijhouden."),
        ],
        "vaardigheden": ["administratie"],
        "activiteiten": [],
        "kleur": (90, 150, 60),
        "fotos": [],
        "bijdrage": ("Emma de Vries", "emma.devries@example.org", "06 1234 0112"),
    },
    {
        "slug": "fietsenwerkplaats-oost",
        "titel": "Fietsenwerkplaats Oost",
        "intro": "Jongeren repareerden hier samen oude fietsen voor buren die geen fiets hadden.",
        "tekst": [
            "De werkplaats is gestopt omdat de ruimte is gesloopt. Meer dan honderd fietsen hebben een "
            "nieuwe eigenaar gekregen. Misschien beginnen we ooit opnieuw.",
        ],
        "initiatiefnemer": "Jongerenwerk Oost en bewoners",
        "status": "gestopt",
        "wijken": ["oost"],
        "themas": ["vrijwilligerswerk", "bewegen-en-sport"],
        "behoeften": [("plek", "Een nieuwe werkplaats om weer te kunnen beginnen.")],
        "vaardigheden": ["fietsen repareren"],
        "activiteiten": [],
        "kleur": (110, 110, 110),
        "fotos": [],
        "bijdrage": ("Dennis Vos", "dennis.vos@example.org", "06 1234 0113"),
    },
]
