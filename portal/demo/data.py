"""Demo content for the foundation: a realistic (fictional) Haarlem. Addresses, phone numbers and
e-mail addresses are made up; e-mail domains use example.nl."""

WIJKEN = [
    # naam, slug, stadsdeel, beschrijving
    ("Centrum", "centrum", "", "De binnenstad rond de Grote Markt, met veel oude straatjes en hofjes."),
    ("Noord", "noord", "", "Een groene wijk met veel gezinnen, rond de Kleverparkweg en het Delftplein."),
    (
        "Oost",
        "oost",
        "",
        "Haarlem-Oost: een wijk met veel verschillende culturen, "
        "rond de Amsterdamstraat en de Slachthuisbuurt.",
    ),
    (
        "Schalkwijk",
        "schalkwijk",
        "",
        "De grootste wijk van Haarlem, met het winkelcentrum, veel flats en veel groen langs het water.",
    ),
    ("Zuid-West", "zuid-west", "", "Rustige buurten zoals de Leidsebuurt en de Koninginnebuurt."),
]

THEMAS = [
    # naam, slug, icoon
    ("Ontmoeting", "ontmoeting", "ontmoeting"),
    ("Eten en drinken", "eten-en-drinken", "eten"),
    ("Bewegen en sport", "bewegen-en-sport", "bewegen"),
    ("Cultuur en creatief", "cultuur-en-creatief", "cultuur"),
    ("Taal en digitaal", "taal-en-digitaal", "taal"),
    ("Geld en administratie", "geld-en-administratie", "geld"),
    ("Opvoeden en gezin", "opvoeden-en-gezin", "gezin"),
    ("Gezondheid en zorg", "gezondheid-en-zorg", "gezondheid"),
    ("Wonen en buurt", "wonen-en-buurt", "wonen"),
    ("Vrijwilligerswerk", "vrijwilligerswerk", "vrijwilligers"),
]

DOELGROEPEN = [
    ("Iedereen", "iedereen"),
    ("Ouderen", "ouderen"),
    ("Jongeren", "jongeren"),
    ("Kinderen", "kinderen"),
    ("Ouders", "ouders"),
    ("Vrouwen", "vrouwen"),
    ("Mensen met een beperking", "mensen-met-een-beperking"),
    ("Nieuwkomers", "nieuwkomers"),
    ("Mantelzorgers", "mantelzorgers"),
]

# Opening hours as (weekday, open, close); weekday 0 is Monday.
WERKDAGEN = [(d, "09:00", "17:00") for d in range(5)]
WERKDAGEN_AVOND = [(d, "09:00", "22:00") for d in range(4)] + [(4, "09:00", "17:00")]

LOCATIES = [
    {
        "slug": "buurthuis-de-tulp",
        "title": "Buurthuis De Tulp",
        "soort": "buurthuis",
        "wijk": "oost",
        "intro": "Een gezellig buurthuis in Oost. Kom binnen voor koffie, een maaltijd of een cursus.",
        "adres": "Tulpenstraat 14",
        "postcode": "2033 KN",
        "latitude": "52.381650",
        "longitude": "4.656120",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": False,
        "lift": False,
        "toegankelijkheid_toelichting": "Alles is op de begane grond. De ingang heeft geen drempel.",
        "gastheer": "Gastvrouw Ineke",
        "telefoon": "023 555 01 10",
        "email": "detulp@buurthuis.example.nl",
        "openingstijden": WERKDAGEN_AVOND + [(5, "10:00", "14:00")],
        "tekst": "In De Tulp is elke dag iets te doen. Er is een grote zaal, een keuken en een tuin. "
        "Vrijwilligers zetten de koffie klaar. Je hoeft niets te kopen en je mag gewoon binnenlopen.",
    },
    {
        "slug": "het-badhuis",
        "title": "Het Badhuis",
        "soort": "huis_van_de_wijk",
        "wijk": "zuid-west",
        "intro": "Het oude badhuis in de Leidsebuurt is nu een huis van de wijk voor iedereen.",
        "adres": "Leidsestraat 2",
        "postcode": "2013 XG",
        "latitude": "52.375310",
        "longitude": "4.627480",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": True,
        "lift": True,
        "toegankelijkheid_toelichting": "De zaal op de eerste verdieping bereik je met de lift.",
        "gastheer": "Buurtwerker Mohamed",
        "telefoon": "023 555 01 20",
        "email": "info@badhuis.example.nl",
        "openingstijden": WERKDAGEN + [(5, "10:00", "13:00")],
        "tekst": "Vroeger kwamen mensen hier om te douchen. Nu is het een plek om elkaar te ontmoeten. "
        "Er zijn spreekuren, een taalcafé en een huiskamer.",
    },
    {
        "slug": "huis-van-de-wijk-schalkwijk",
        "title": "Huis van de Wijk Schalkwijk",
        "soort": "huis_van_de_wijk",
        "wijk": "schalkwijk",
        "intro": "Het huis van de wijk bij het winkelcentrum. "
        "Hier zitten het wijkteam en veel vrijwilligers.",
        "adres": "Fluwelen Burgwal 40",
        "postcode": "2036 AD",
        "latitude": "52.357940",
        "longitude": "4.655810",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": True,
        "lift": True,
        "toegankelijkheid_toelichting": "Er is een invalidenparkeerplaats voor de deur.",
        "gastheer": "Balie van het huis van de wijk",
        "telefoon": "023 555 01 30",
        "email": "schalkwijk@huisvandewijk.example.nl",
        "openingstijden": WERKDAGEN_AVOND,
        "tekst": "Heb je een vraag, of wil je iets doen in de buurt? Loop binnen bij de balie. "
        "Het sociaal wijkteam, de sociaal makelaar en Digitaal Sterk zitten in dit gebouw.",
    },
    {
        "slug": "wijkcentrum-de-spaarnekrans",
        "title": "Wijkcentrum De Spaarnekrans",
        "soort": "wijkcentrum",
        "wijk": "noord",
        "intro": "Wijkcentrum in Noord met een grote zaal voor dansen, sport en feesten.",
        "adres": "Delftplein 3",
        "postcode": "2024 GA",
        "latitude": "52.395820",
        "longitude": "4.639950",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": False,
        "ringleiding": False,
        "lift": False,
        "toegankelijkheid_toelichting": "Bij de ingang is een kleine drempel. Vraag gerust om hulp.",
        "gastheer": "Beheerder Wim",
        "telefoon": "023 555 01 40",
        "email": "spaarnekrans@wijkcentrum.example.nl",
        "openingstijden": WERKDAGEN + [(6, "13:00", "17:00")],
        "tekst": "In De Spaarnekrans is elke maand het Danspaleis voor ouderen. "
        "Er is ook een speelgroep voor kinderen en een wandelgroep die hier start.",
    },
    {
        "slug": "bibliotheek-schalkwijk",
        "title": "Bibliotheek Schalkwijk",
        "soort": "bibliotheek",
        "wijk": "schalkwijk",
        "intro": "Boeken lenen, computers gebruiken en hulp krijgen bij de computer of formulieren.",
        "adres": "Bijdorplaan 15",
        "postcode": "2034 RX",
        "latitude": "52.359120",
        "longitude": "4.651330",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": True,
        "lift": True,
        "toegankelijkheid_toelichting": "",
        "gastheer": "",
        "telefoon": "023 555 01 50",
        "email": "",
        "openingstijden": [(d, "10:00", "18:00") for d in range(6)],
        "tekst": "Je hoeft geen lid te zijn om binnen te komen. Er zijn computers en er is gratis wifi.",
    },
    {
        "slug": "bibliotheek-centrum",
        "title": "Bibliotheek Centrum",
        "soort": "bibliotheek",
        "wijk": "centrum",
        "intro": "De grote bibliotheek in de binnenstad, met een taalhuis.",
        "adres": "Gasthuisstraat 32",
        "postcode": "2011 XP",
        "latitude": "52.379030",
        "longitude": "4.633610",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": True,
        "lift": True,
        "toegankelijkheid_toelichting": "",
        "gastheer": "",
        "telefoon": "023 555 01 60",
        "email": "",
        "openingstijden": [(d, "10:00", "20:00") for d in range(5)] + [(5, "10:00", "17:00")],
        "tekst": "In het Taalhuis kun je Nederlands oefenen met een vrijwilliger.",
    },
    {
        "slug": "buurtcentrum-het-pand",
        "title": "Buurtcentrum Het Pand",
        "soort": "buurthuis",
        "wijk": "centrum",
        "intro": "Een klein buurtcentrum achter de Grote Markt, met een huiskamer en een atelier.",
        "adres": "Smedestraat 21",
        "postcode": "2011 RE",
        "latitude": "52.382400",
        "longitude": "4.636200",
        "rolstoeltoegankelijk": False,
        "invalidentoilet": False,
        "ringleiding": False,
        "lift": False,
        "toegankelijkheid_toelichting": "Het gebouw heeft een trap van drie treden bij de ingang.",
        "gastheer": "Vrijwilliger Anja",
        "telefoon": "023 555 01 70",
        "email": "hetpand@buurt.example.nl",
        "openingstijden": [(d, "10:00", "16:00") for d in (1, 2, 3)],
        "tekst": "Het Pand is klein en gezellig. Op dinsdag is de creaclub, op donderdag de naailes.",
    },
    {
        "slug": "ontmoetingskerk-noord",
        "title": "Ontmoetingskerk Noord",
        "soort": "kerk",
        "wijk": "noord",
        "intro": "Een kerk met een open huis: iedereen is welkom, ook als je niet gelovig bent.",
        "adres": "Kleverlaan 88",
        "postcode": "2023 JN",
        "latitude": "52.391700",
        "longitude": "4.630900",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": True,
        "lift": False,
        "toegankelijkheid_toelichting": "",
        "gastheer": "Diaken Peter",
        "telefoon": "023 555 01 80",
        "email": "open@ontmoetingskerk.example.nl",
        "openingstijden": [(2, "10:00", "12:00"), (4, "17:00", "20:00")],
        "tekst": "Op vrijdag is hier het buurtrestaurant. Voor 3,50 euro eet je een warme maaltijd.",
    },
    {
        "slug": "buurttuin-de-ringvaart",
        "title": "Buurttuin De Ringvaart",
        "soort": "park",
        "wijk": "schalkwijk",
        "intro": "Een moestuin van en voor buurtbewoners, langs het water.",
        "adres": "Ringvaartpad 1",
        "postcode": "2037 NB",
        "latitude": "52.350800",
        "longitude": "4.664200",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": False,
        "ringleiding": False,
        "lift": False,
        "toegankelijkheid_toelichting": "De paden zijn van klinkers. Er zijn twee hoge plantenbakken.",
        "gastheer": "Tuinploeg",
        "telefoon": "",
        "email": "",
        "openingstijden": [(2, "10:00", "16:00"), (5, "10:00", "16:00")],
        "tekst": "Iedereen mag komen helpen. Je hoeft niets van tuinieren te weten.",
    },
    {
        "slug": "sporthal-oost",
        "title": "Sporthal Oost",
        "soort": "sport",
        "wijk": "oost",
        "intro": "Sporthal met een zaal voor bewegen voor ouderen en sport voor jongeren.",
        "adres": "Prins Bernhardlaan 5",
        "postcode": "2032 HA",
        "latitude": "52.377500",
        "longitude": "4.652000",
        "rolstoeltoegankelijk": True,
        "invalidentoilet": True,
        "ringleiding": False,
        "lift": False,
        "toegankelijkheid_toelichting": "",
        "gastheer": "",
        "telefoon": "023 555 01 90",
        "email": "",
        "openingstijden": [(d, "08:00", "22:00") for d in range(7)],
        "tekst": "Vraag bij de balie naar de lessen. Je kunt vaak gratis een keer meedoen.",
    },
]

ORGANISATIES = [
    # (slug, title, soort, werkvorm, organisatievorm, wijken, heel_de_stad, intro, telefoon, email, website)
    (
        "sociaal-wijkteam-schalkwijk",
        "Sociaal Wijkteam Schalkwijk",
        "wijkteam",
        "individueel",
        "formeel",
        ["schalkwijk"],
        False,
        "Heb je vragen over geld, zorg, wonen of opvoeden? Het wijkteam denkt met je mee.",
        "023 555 02 10",
        "schalkwijk@wijkteam.example.nl",
        "",
    ),
    (
        "sociaal-wijkteam-oost",
        "Sociaal Wijkteam Oost",
        "wijkteam",
        "individueel",
        "formeel",
        ["oost"],
        False,
        "Het wijkteam in Oost helpt bij vragen over geld, zorg, werk en je gezin.",
        "023 555 02 20",
        "oost@wijkteam.example.nl",
        "",
    ),
    (
        "sociaal-raadslieden",
        "Sociaal Raadslieden",
        "schuldhulp",
        "individueel",
        "formeel",
        [],
        True,
        "Gratis hulp bij brieven, formulieren, toeslagen en bezwaar maken.",
        "023 555 02 30",
        "",
        "https://raadslieden.example.nl",
    ),
    (
        "schuldhulp-haarlem",
        "Schuldhulp Haarlem",
        "schuldhulp",
        "individueel",
        "formeel",
        [],
        True,
        "Heb je schulden of kom je niet rond? Schuldhulp helpt je op weg, zonder oordeel.",
        "023 555 02 40",
        "",
        "https://schuldhulp.example.nl",
    ),
    (
        "welzijn-haarlem",
        "Welzijn Haarlem",
        "welzijn",
        "collectief",
        "formeel",
        [],
        True,
        "Organiseert activiteiten in de buurthuizen, ondersteunt vrijwilligers en bewonersinitiatieven.",
        "023 555 02 50",
        "info@welzijn.example.nl",
        "https://welzijn.example.nl",
    ),
    (
        "bibliotheek-digitaal-sterk",
        "Bibliotheek: Digitaal Sterk",
        "bibliotheek",
        "collectief",
        "formeel",
        ["schalkwijk", "centrum"],
        False,
        "Cursussen en spreekuren voor wie beter wil worden met de computer, telefoon of DigiD.",
        "023 555 02 60",
        "",
        "https://bibliotheek.example.nl",
    ),
    (
        "sportclub-schalkwijk",
        "Sportvereniging Schalkwijk",
        "sportclub",
        "collectief",
        "formeel",
        ["schalkwijk"],
        False,
        "Voetbal, gym en bewegen voor ouderen. Met een jeugdfonds voor wie de contributie niet kan betalen.",
        "",
        "",
        "https://svschalkwijk.example.nl",
    ),
    (
        "geldzaken-cursus",
        "Meer met Minder Geld",
        "schuldhulp",
        "collectief",
        "formeel",
        ["oost", "schalkwijk"],
        False,
        "Een cursus van vier avonden over rondkomen, gegeven samen met ervaringsdeskundigen.",
        "023 555 02 70",
        "",
        "",
    ),
    (
        "taalmaatjes-haarlem",
        "Taalmaatjes Haarlem",
        "zelforganisatie",
        "individueel",
        "informeel",
        [],
        True,
        "Een vrijwilliger oefent elke week een uur Nederlands met jou, bij jou thuis of in de bibliotheek.",
        "",
        "taalmaatjes@example.nl",
        "",
    ),
    (
        "buurtmaatjes-oost",
        "Buurtmaatjes Oost",
        "bewonersgroep",
        "individueel",
        "informeel",
        ["oost"],
        False,
        "Buren helpen buren: samen boodschappen doen, een wandeling of een kopje koffie.",
        "023 555 02 80",
        "",
        "",
    ),
    (
        "mantelzorgmaatjes",
        "Mantelzorg Maatjes",
        "zorg",
        "individueel",
        "informeel",
        ["noord", "zuid-west"],
        False,
        "Zorg je voor iemand? Een vrijwilliger neemt het af en toe van je over.",
        "023 555 02 90",
        "",
        "",
    ),
    (
        "turkse-vrouwengroep-schalkwijk",
        "Turkse Vrouwengroep Schalkwijk",
        "zelforganisatie",
        "collectief",
        "informeel",
        ["schalkwijk"],
        False,
        "Elke week komen vrouwen samen voor thee, gesprekken en uitjes. Nieuwe vrouwen zijn welkom.",
        "",
        "",
        "",
    ),
    (
        "bewonersgroep-parkwijk",
        "Bewonersgroep Parkwijk",
        "bewonersgroep",
        "collectief",
        "informeel",
        ["schalkwijk"],
        False,
        "Bewoners die samen de buurt mooier maken: een moestuin, een buurtfeest en Bakkie in de Wijk.",
        "",
        "",
        "",
    ),
    (
        "kerk-in-de-wijk-noord",
        "Kerk in de Wijk Noord",
        "kerk",
        "collectief",
        "informeel",
        ["noord"],
        False,
        "Vrijwilligers van de kerk koken elke vrijdag voor het buurtrestaurant. Iedereen is welkom.",
        "",
        "",
        "",
    ),
    (
        "stamtafel-zuid-west",
        "Stamtafel Zuid-West",
        "bewonersgroep",
        "collectief",
        "informeel",
        ["zuid-west"],
        False,
        "Elke week samen eten: ouderen en mensen met een beperking, "
        "met een vrijwilliger die vragen beantwoordt.",
        "",
        "",
        "",
    ),
]

CONTENT_PAGES = [
    {
        "slug": "meedoen",
        "title": "Meedoen in de wijk",
        "intro": "Heb je een idee voor de buurt, of wil je helpen? Dat kan altijd.",
        "show_in_menus": True,
        "body": [
            ("heading", {"text": "Zelf iets organiseren?", "level": "h2"}),
            (
                "paragraph",
                "<p>Organiseer je een koffie-ochtend, een wandelgroep of een spreekuur? "
                '<a href="/meedoen/activiteit/">Zet je activiteit in de agenda</a>. '
                "Doe je met buren iets voor de buurt, zoals een moestuin of een eetgroep? "
                '<a href="/meedoen/initiatief/">Meld je initiatief aan</a>. Je hebt geen account nodig.</p>'
                "<p>Heb je al iets ingestuurd en wil je het veranderen? "
                '<a href="/meedoen/nieuwe-link/">Vraag je persoonlijke link opnieuw aan</a>.</p>',
            ),
            ("heading", {"text": "Ik heb een idee", "level": "h2"}),
            (
                "paragraph",
                "<p>Wil je iets beginnen in de buurt, zoals een eetgroep, een moestuin of een buurtfeest? "
                '<a href="/meedoen/idee/">Vertel ons je idee</a>. Het hoeft nog niet af te zijn. '
                "De sociaal makelaar van jouw wijk neemt binnen 5 werkdagen contact met je op en helpt "
                "je op weg.</p>"
                "<p>Liever praten? Bel of mail ons, of loop binnen bij het huis van de wijk.</p>",
            ),
            ("heading", {"text": "Ik wil helpen", "level": "h2"}),
            (
                "paragraph",
                "<p>Kun je goed koken, klussen, luisteren of uitleggen? Of heb je af en toe een uurtje? "
                "Veel activiteiten zoeken vrijwilligers. "
                '<a href="/meedoen/talent/">Vertel wat je kunt en wanneer je tijd hebt</a>. '
                "De sociaal makelaar zoekt samen met jou een plek in de buurt die bij je past. "
                "Je zit nergens aan vast.</p>",
            ),
        ],
    },
    {
        "slug": "over",
        "title": "Over het Huis van de Wijk",
        "intro": "Eén plek met alles wat er te doen is in de wijk, voor bewoners en voor professionals.",
        "show_in_menus": False,
        "body": [
            (
                "paragraph",
                "<p>Op deze website vind je activiteiten, spreekuren en bewonersinitiatieven in jouw wijk. "
                "Bewoners, vrijwilligers, organisaties en de gemeente zetten hier hun aanbod op.</p>"
                "<p>Klopt er iets niet? Laat het ons weten. Dan passen we het aan.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "Wij gaan zorgvuldig om met je gegevens. Hier lees je wat we bewaren en waarom.",
        "show_in_menus": False,
        "body": [
            ("heading", {"text": "Welke gegevens bewaren we?", "level": "h2"}),
            (
                "paragraph",
                "<p>Als je een idee stuurt, een activiteit aanmeldt of wilt helpen, bewaren we je naam en "
                "je e-mailadres of telefoonnummer. Die gebruiken we alleen om contact met je op te nemen. "
                "We zetten ze nooit op de website.</p>",
            ),
            ("heading", {"text": "Je idee sturen of hulp aanbieden", "level": "h2"}),
            (
                "paragraph",
                '<p>In de formulieren <a href="/meedoen/idee/">Ik heb een idee</a> en '
                '<a href="/meedoen/talent/">Ik wil helpen</a> vragen we:</p>'
                "<ul><li>je naam;</li>"
                "<li>je e-mailadres of je telefoonnummer (of allebei);</li>"
                "<li>je wijk;</li>"
                "<li>wat je vertelt over je idee, of over wat je kunt en wanneer je tijd hebt.</li></ul>"
                "<p>Waarom? Zodat de sociaal makelaar contact met je kan opnemen. Samen kijken jullie wat "
                "er nodig is, en wie in de buurt kan helpen. We vragen eerst of je dat goed vindt.</p>",
            ),
            ("heading", {"text": "Wie ziet je gegevens?", "level": "h2"}),
            (
                "paragraph",
                "<p>Alleen de sociaal makelaar van jouw wijk. Heb je meer wijken gekozen? Dan de sociaal "
                "makelaars van die wijken. Ook de beheerder van de website kan erbij, maar alleen als dat "
                "nodig is om een probleem op te lossen.</p>"
                "<p>Wil de sociaal makelaar je in contact brengen met iemand anders? Dan vraagt de "
                "makelaar dat eerst aan jou.</p>",
            ),
            ("heading", {"text": "Hoe lang bewaren we ze?", "level": "h2"}),
            (
                "paragraph",
                "<p>Zolang de sociaal makelaar met je idee of je aanbod bezig is, bewaren we je gegevens. "
                "Is het klaar? Dan bewaren we ze nog 12 maanden. Daarna wissen we je naam en je "
                "contactgegevens. Wat je over je idee vertelde, houden we zonder je naam. Zo kunnen we "
                "zien wat er speelt in de wijk.</p>",
            ),
            ("heading", {"text": "Jouw rechten", "level": "h2"}),
            (
                "paragraph",
                "<p>Je mag altijd vragen welke gegevens we van je hebben, en vragen om ze te verwijderen. "
                "Ook als je eerst toestemming gaf, kun je die altijd weer intrekken. "
                "Mail of bel ons daarvoor.</p>",
            ),
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "intro": "We willen dat iedereen deze website kan gebruiken.",
        "show_in_menus": False,
        "body": [
            (
                "paragraph",
                "<p>Deze website moet voldoen aan de toegankelijkheidseisen van de overheid (WCAG 2.1 "
                "niveau AA). Je kunt de website gebruiken met alleen een toetsenbord, met een "
                "schermlezer en met de tekst 2 keer zo groot.</p>",
            ),
            ("heading", {"text": "Werkt iets niet?", "level": "h2"}),
            (
                "paragraph",
                "<p>Loop je ergens tegenaan? Laat het ons weten via de contactgegevens onderaan deze "
                "pagina. We antwoorden binnen 5 werkdagen.</p>",
            ),
        ],
    },
]

DEMO_PASSWORD = "wijk-demo-2026"  # noqa: S105  (demo only; never created under production settings)

USERS = [
    # username, first, last, email, role, wijken
    ("admin", "Ada", "Beheer", "admin@huisvandewijk.example.nl", "admin", []),
    ("redacteur", "Rik", "de Redacteur", "redacteur@huisvandewijk.example.nl", "redacteur", []),
    (
        "makelaar-schalkwijk",
        "Samira",
        "El Amrani",
        "samira@huisvandewijk.example.nl",
        "makelaar",
        ["schalkwijk"],
    ),
    ("makelaar-oost", "Olaf", "Jansen", "olaf@huisvandewijk.example.nl", "makelaar", ["oost"]),
    ("wijkteam", "Wendy", "de Wit", "wendy@wijkteam.example.nl", "wijkteam", []),
]
