"""Demo translations of the taxonomy into English, Turkish, Arabic and Polish: the names of the thema's and
doelgroepen, and the finder's hulpvragen with their explanation.

Plain language (B1), written by hand, in the words of the interface catalogues (locale/*/django.po). The
pages' own translations are in ``home.demo.vertalingen``.
"""

# Thema's, doelgroepen and the finder's hulpvragen, by slug: {slug: {language: name}}. The tags are shared by
# every translation of a page, so these are fields on the same row (portal.models.VertaaldeNaam).
THEMAS = {
    "ontmoeting": {"en": "Meeting people", "tr": "Buluşma", "ar": "اللقاء", "pl": "Spotkania"},
    "eten-en-drinken": {
        "en": "Food and drink",
        "tr": "Yemek ve içecek",
        "ar": "الطعام والشراب",
        "pl": "Jedzenie i picie",
    },
    "bewegen-en-sport": {
        "en": "Exercise and sport",
        "tr": "Hareket ve spor",
        "ar": "الحركة والرياضة",
        "pl": "Ruch i sport",
    },
    "cultuur-en-creatief": {
        "en": "Culture and creativity",
        "tr": "Kültür ve sanat",
        "ar": "الثقافة والإبداع",
        "pl": "Kultura i twórczość",
    },
    "taal-en-digitaal": {
        "en": "Language and digital skills",
        "tr": "Dil ve dijital beceriler",
        "ar": "اللغة والمهارات الرقمية",
        "pl": "Język i umiejętności cyfrowe",
    },
    "geld-en-administratie": {
        "en": "Money and paperwork",
        "tr": "Para ve evrak işleri",
        "ar": "المال والأوراق",
        "pl": "Pieniądze i dokumenty",
    },
    "opvoeden-en-gezin": {
        "en": "Parenting and family",
        "tr": "Çocuk yetiştirme ve aile",
        "ar": "التربية والأسرة",
        "pl": "Wychowanie i rodzina",
    },
    "gezondheid-en-zorg": {
        "en": "Health and care",
        "tr": "Sağlık ve bakım",
        "ar": "الصحة والرعاية",
        "pl": "Zdrowie i opieka",
    },
    "wonen-en-buurt": {
        "en": "Housing and neighbourhood",
        "tr": "Konut ve mahalle",
        "ar": "السكن والحي",
        "pl": "Mieszkanie i okolica",
    },
    "vrijwilligerswerk": {
        "en": "Volunteering",
        "tr": "Gönüllü çalışma",
        "ar": "العمل التطوعي",
        "pl": "Wolontariat",
    },
}

DOELGROEPEN = {
    "iedereen": {"en": "Everyone", "tr": "Herkes", "ar": "الجميع", "pl": "Wszyscy"},
    "ouderen": {"en": "Older people", "tr": "Yaşlılar", "ar": "كبار السن", "pl": "Seniorzy"},
    "jongeren": {"en": "Young people", "tr": "Gençler", "ar": "الشباب", "pl": "Młodzież"},
    "kinderen": {"en": "Children", "tr": "Çocuklar", "ar": "الأطفال", "pl": "Dzieci"},
    "ouders": {"en": "Parents", "tr": "Anne ve babalar", "ar": "الآباء والأمهات", "pl": "Rodzice"},
    "vrouwen": {"en": "Women", "tr": "Kadınlar", "ar": "النساء", "pl": "Kobiety"},
    "mensen-met-een-beperking": {
        "en": "People with a disability",
        "tr": "Engelli kişiler",
        "ar": "الأشخاص ذوو الإعاقة",
        "pl": "Osoby z niepełnosprawnością",
    },
    "nieuwkomers": {"en": "Newcomers", "tr": "Yeni gelenler", "ar": "القادمون الجدد", "pl": "Nowo przybyli"},
    "mantelzorgers": {
        "en": "People who care for someone close",
        "tr": "Bir yakınına bakanlar",
        "ar": "من يعتنون بشخص قريب",
        "pl": "Opiekunowie bliskich",
    },
}

# {slug: {language: (naam, uitleg)}}
HULPVRAGEN = {
    "eenzaam": {
        "en": ("Lonely, meeting people", "A chat, coffee, doing things together"),
        "tr": ("Yalnızlık, insanlarla tanışmak", "Sohbet, kahve, birlikte bir şey yapmak"),
        "ar": ("الوحدة، التعرّف على الناس", "حديث، قهوة، نشاط مشترك"),
        "pl": ("Samotność, poznawanie ludzi", "Rozmowa, kawa, wspólne zajęcia"),
    },
    "geldzorgen": {
        "en": ("Money worries", "Making ends meet, debts, post and forms"),
        "tr": ("Para sıkıntısı", "Geçinmek, borçlar, mektuplar ve formlar"),
        "ar": ("هموم مالية", "تدبير المصاريف، الديون، الرسائل والاستمارات"),
        "pl": ("Kłopoty z pieniędzmi", "Domowy budżet, długi, listy i formularze"),
    },
    "computer-en-telefoon": {
        "en": ("Help with a computer or phone", "DigiD, e-mail, apps and online forms"),
        "tr": ("Bilgisayar veya telefon için yardım", "DigiD, e-posta, uygulamalar ve internetteki formlar"),
        "ar": ("مساعدة في الحاسوب أو الهاتف", "DigiD، البريد الإلكتروني، التطبيقات والاستمارات على الإنترنت"),
        "pl": ("Pomoc z komputerem lub telefonem", "DigiD, e-mail, aplikacje i formularze online"),
    },
    "nederlands-leren": {
        "en": ("Learning Dutch", "Language café, a language buddy, practise speaking"),
        "tr": ("Hollandaca öğrenmek", "Dil kafesi, dil arkadaşı, konuşma alıştırması"),
        "ar": ("تعلّم اللغة الهولندية", "مقهى اللغة، رفيق اللغة، التدرّب على الكلام"),
        "pl": ("Nauka niderlandzkiego", "Kawiarenka językowa, partner do nauki, ćwiczenie mówienia"),
    },
    "opvoeden": {
        "en": ("Raising children", "Questions about children, meeting other parents"),
        "tr": ("Çocuk yetiştirmek", "Çocuklarla ilgili sorular, başka anne babalarla tanışmak"),
        "ar": ("تربية الأطفال", "أسئلة عن الأطفال، التعرّف على آباء وأمهات آخرين"),
        "pl": ("Wychowanie dzieci", "Pytania o dzieci, spotkania z innymi rodzicami"),
    },
    "bewegen": {
        "en": ("Exercise", "Walking, sport, dancing, at your own pace"),
        "tr": ("Hareket etmek", "Yürüyüş, spor, dans, kendi hızınızda"),
        "ar": ("الحركة", "المشي، الرياضة، الرقص، على راحتك"),
        "pl": ("Ruch", "Spacery, sport, taniec, we własnym tempie"),
    },
    "samen-eten": {
        "en": ("Eating together", "A hot meal with others, not expensive"),
        "tr": ("Birlikte yemek", "Başkalarıyla sıcak bir yemek, pahalı değil"),
        "ar": ("الأكل معًا", "وجبة ساخنة مع الآخرين، بسعر قليل"),
        "pl": ("Wspólne posiłki", "Ciepły posiłek z innymi, niedrogo"),
    },
    "mantelzorg": {
        "en": ("Caring for someone close", "Looking after a loved one, taking a break"),
        "tr": ("Bir yakınına bakmak", "Bir yakınınıza bakmak, biraz dinlenmek"),
        "ar": ("رعاية شخص قريب", "الاعتناء بشخص عزيز، وأخذ قسط من الراحة"),
        "pl": ("Opieka nad bliskim", "Opieka nad bliską osobą, chwila odpoczynku"),
    },
    "iets-doen": {
        "en": ("Doing something useful", "Volunteering, doing something for the neighbourhood"),
        "tr": ("Anlamlı bir şey yapmak", "Gönüllü çalışma, mahalle için bir şey yapmak"),
        "ar": ("القيام بشيء مفيد", "العمل التطوعي، عمل شيء من أجل الحي"),
        "pl": ("Robić coś sensownego", "Wolontariat, coś dla okolicy"),
    },
    "creatief": {
        "en": ("Being creative", "Sewing, painting, music, handicrafts"),
        "tr": ("Yaratıcı işler", "Dikiş, resim, müzik, el işi"),
        "ar": ("نشاط إبداعي", "الخياطة، الرسم، الموسيقى، الأشغال اليدوية"),
        "pl": ("Zajęcia twórcze", "Szycie, malowanie, muzyka, robótki ręczne"),
    },
}
