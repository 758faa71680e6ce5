"""Demo content for the site: the content pages under the home page (/meedoen/, /over/, /privacy/).

Fictional, like the rest of the demo. ``home.demo.load_content_pages`` makes a ContentPage of each.
"""

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
]
