"""Demo translations into English, Turkish, Arabic and Polish: the home page, the agenda, six activities and
spreekuren, and /meedoen/ (the page that introduces the resident forms; the forms' own texts are in the
interface catalogues, locale/*/django.po).

Plain language (B1), written by hand. Dutch names stay Dutch: places (De Tulp, Kleverpark), organisations
and "huis van de wijk". The words follow the catalogues: "sociaal makelaar" is explained the same way there.
Arabic pages keep the Dutch slug, so their addresses stay easy to type and share.
"""

LANGUAGES = ["en", "tr", "ar", "pl"]

HOME = {
    "en": {
        "title": "Huis van de Wijk Haarlem",
        "intro": "What is on in your neighbourhood? Here you find activities, consultation hours and help "
        "close by. And you can share your own idea.",
    },
    "tr": {
        "title": "Huis van de Wijk Haarlem",
        "intro": "Mahallenizde neler oluyor? Burada yakınınızdaki etkinlikleri, danışma saatlerini ve "
        "yardımı bulursunuz. Kendi fikrinizi de paylaşabilirsiniz.",
    },
    "ar": {
        "title": "Huis van de Wijk Haarlem",
        "intro": "ماذا يحدث في حيّك؟ هنا تجد أنشطة ومواعيد استشارة ومساعدة قريبة منك. ويمكنك أيضًا أن "
        "تشارك فكرتك.",
    },
    "pl": {
        "title": "Huis van de Wijk Haarlem",
        "intro": "Co się dzieje w twojej dzielnicy? Tutaj znajdziesz zajęcia, dyżury i pomoc blisko domu. "
        "Możesz też podzielić się własnym pomysłem.",
    },
}

# The home page's entry tiles, in the order of home.demo.load_home_and_settings: (title, text).
ENTRY_POINTS = {
    "en": [
        ("What is on?", "Activities, places and help in your neighbourhood."),
        ("I have an idea", "Do you want to start something in the neighbourhood? We will help you."),
        ("I want to help", "Tell us what you can do and how much time you have."),
        ("Help or advice", "The neighbourhood team, consultation hours and who else can help you."),
    ],
    "tr": [
        ("Neler var?", "Mahallenizdeki etkinlikler, yerler ve yardım."),
        ("Bir fikrim var", "Mahallede bir şey mi başlatmak istiyorsunuz? Size yardım ederiz."),
        ("Yardım etmek istiyorum", "Neler yapabildiğinizi ve ne kadar vaktiniz olduğunu anlatın."),
        (
            "Yardım veya danışmanlık",
            "Mahalle ekibi, danışma saatleri ve size başka kimlerin yardım edebileceği.",
        ),
    ],
    "ar": [
        ("ماذا يوجد؟", "أنشطة وأماكن ومساعدة في حيّك."),
        ("عندي فكرة", "هل تريد أن تبدأ شيئًا في الحي؟ نحن نساعدك."),
        ("أريد أن أساعد", "أخبرنا بما تستطيع فعله وكم لديك من الوقت."),
        ("مساعدة أو نصيحة", "فريق الحي ومواعيد الاستشارة ومن يمكنه مساعدتك أيضًا."),
    ],
    "pl": [
        ("Co się dzieje?", "Zajęcia, miejsca i pomoc w twojej dzielnicy."),
        ("Mam pomysł", "Chcesz zacząć coś w okolicy? Pomożemy ci."),
        ("Chcę pomóc", "Napisz, co potrafisz i ile masz czasu."),
        ("Pomoc lub porada", "Zespół dzielnicowy, dyżury i kto jeszcze może ci pomóc."),
    ],
}

AGENDA = {
    "en": {
        "title": "Calendar",
        "slug": "agenda",
        "intro": "What is on in the neighbourhood? See what is happening today and this week.",
    },
    "tr": {
        "title": "Takvim",
        "slug": "takvim",
        "intro": "Mahallede neler var? Bugün ve bu hafta olanlara bakın.",
    },
    "ar": {
        "title": "التقويم",
        "slug": "agenda",
        "intro": "ماذا يحدث في الحي؟ شاهد ما يجري اليوم وهذا الأسبوع.",
    },
    "pl": {
        "title": "Kalendarz",
        "slug": "kalendarz",
        "intro": "Co się dzieje w dzielnicy? Zobacz, co jest dziś i w tym tygodniu.",
    },
}

# Activities and spreekuren by their Dutch slug: title, slug, intro, and where the Dutch page has them the
# body text ("tekst"), how to sign up ("aanmelden_hoe") and the topics of a spreekuur ("onderwerpen").
AGENDA_ITEMS = {
    "koffie-ochtend-de-tulp": {
        "en": {
            "title": "Coffee morning at De Tulp",
            "slug": "coffee-morning-de-tulp",
            "intro": "Every Tuesday coffee, tea and a chat. Two volunteers know a lot about the "
            "neighbourhood.",
            "tekst": "You are welcome without an appointment. Do you have a question about the neighbourhood "
            "or about getting help? The volunteers will work it out with you.",
        },
        "tr": {
            "title": "De Tulp'ta kahve sabahı",
            "slug": "kahve-sabahi-de-tulp",
            "intro": "Her salı kahve, çay ve sohbet. İki gönüllü mahalleyi çok iyi tanıyor.",
            "tekst": "Randevusuz gelebilirsiniz. Mahalle veya yardım hakkında bir sorunuz mu var? Gönüllüler "
            "sizinle birlikte bir çözüm arar.",
        },
        "ar": {
            "title": "صباح القهوة في De Tulp",
            "slug": "koffie-ochtend-de-tulp",
            "intro": "كل يوم ثلاثاء قهوة وشاي وحديث لطيف. متطوعان يعرفان الحي جيدًا.",
            "tekst": "أهلًا بك بدون موعد. هل عندك سؤال عن الحي أو عن المساعدة؟ يبحث المتطوعون معك عن حل.",
        },
        "pl": {
            "title": "Poranna kawa w De Tulp",
            "slug": "poranna-kawa-de-tulp",
            "intro": "W każdy wtorek kawa, herbata i rozmowa. Dwoje wolontariuszy dobrze zna dzielnicę.",
            "tekst": "Możesz przyjść bez umawiania się. Masz pytanie o okolicę albo o pomoc? Wolontariusze "
            "razem z tobą znajdą odpowiedź.",
        },
    },
    "taalcafe-schalkwijk": {
        "en": {
            "title": "Language café at the library",
            "slug": "language-cafe-library",
            "intro": "Practise speaking Dutch in a small group. You do not need to prepare anything.",
        },
        "tr": {
            "title": "Kütüphanede dil kafesi",
            "slug": "dil-kafesi-kutuphane",
            "intro": "Küçük bir grupta Felemenkçe konuşma pratiği yapın. Hiçbir hazırlık yapmanız "
            "gerekmiyor.",
        },
        "ar": {
            "title": "مقهى اللغة في المكتبة",
            "slug": "taalcafe-schalkwijk",
            "intro": "تدرّب على التحدث بالهولندية في مجموعة صغيرة. لا تحتاج إلى أي تحضير.",
        },
        "pl": {
            "title": "Kawiarenka językowa w bibliotece",
            "slug": "kawiarenka-jezykowa-biblioteka",
            "intro": "Ćwicz mówienie po niderlandzku w małej grupie. Nie musisz się do niczego "
            "przygotowywać.",
        },
    },
    "schuldhulp-inloop-schalkwijk": {
        "en": {
            "title": "Debt help: walk-in hour",
            "slug": "debt-help-walk-in",
            "intro": "Is money tight, or do you have debts? Talk to someone who helps you further, without "
            "judging you.",
            "tekst": "Bring your letters and bank statements if you have them. You do not have them? Come "
            "anyway.",
            "onderwerpen": ["Bills you cannot pay", "Letters from a bailiff", "Making a plan for your money"],
        },
        "tr": {
            "title": "Borç danışma saati",
            "slug": "borc-danisma-saati",
            "intro": "Geçinmekte zorlanıyor musunuz veya borçlarınız mı var? Sizi yargılamadan yardım eden "
            "biriyle konuşun.",
            "tekst": "Varsa mektuplarınızı ve banka dökümlerinizi getirin. Yok mu? Yine de gelin.",
            "onderwerpen": [
                "Ödeyemediğiniz faturalar",
                "İcra memurundan gelen mektuplar",
                "Paranız için bir plan yapmak",
            ],
        },
        "ar": {
            "title": "استشارة الديون بدون موعد",
            "slug": "schuldhulp-inloop-schalkwijk",
            "intro": "هل يصعب عليك تدبير المصاريف أو عندك ديون؟ تحدّث مع شخص يساعدك، بدون أن يحكم عليك.",
            "tekst": "أحضر رسائلك وكشوف حسابك البنكي إن كانت عندك. ليست عندك؟ تعال على أي حال.",
            "onderwerpen": ["فواتير لا تستطيع دفعها", "رسائل من المُحضِر القضائي", "وضع خطة لمالك"],
        },
        "pl": {
            "title": "Dyżur: pomoc przy długach",
            "slug": "pomoc-przy-dlugach",
            "intro": "Brakuje ci pieniędzy albo masz długi? Porozmawiaj z kimś, kto ci pomoże i nie będzie "
            "cię oceniać.",
            "tekst": "Jeśli masz, przynieś listy i wyciągi z banku. Nie masz ich? Przyjdź mimo to.",
            "onderwerpen": [
                "Rachunki, których nie możesz zapłacić",
                "Listy od komornika",
                "Plan na twoje pieniądze",
            ],
        },
    },
    "wandelgroep-noord": {
        "en": {
            "title": "Walking group Noord",
            "slug": "walking-group-noord",
            "intro": "Every Monday we walk for an hour through the Kleverpark. We walk at an easy pace.",
            "tekst": "We start at De Spaarnekrans and finish there with coffee. Wear good shoes.",
        },
        "tr": {
            "title": "Noord yürüyüş grubu",
            "slug": "yuruyus-grubu-noord",
            "intro": "Her pazartesi Kleverpark'ta bir saat yürüyoruz. Yavaş tempoda yürüyoruz.",
            "tekst": "De Spaarnekrans'tan başlıyoruz ve yine orada kahveyle bitiriyoruz. Rahat ayakkabı "
            "giyin.",
        },
        "ar": {
            "title": "مجموعة المشي في Noord",
            "slug": "wandelgroep-noord",
            "intro": "كل يوم اثنين نمشي ساعة في Kleverpark. نمشي بهدوء.",
            "tekst": "نبدأ عند De Spaarnekrans وننتهي هناك بفنجان قهوة. البس حذاءً مريحًا.",
        },
        "pl": {
            "title": "Grupa spacerowa Noord",
            "slug": "grupa-spacerowa-noord",
            "intro": "W każdy poniedziałek godzinny spacer po Kleverpark. Idziemy spokojnym tempem.",
            "tekst": "Zaczynamy przy De Spaarnekrans i tam kończymy przy kawie. Załóż wygodne buty.",
        },
    },
    "buurtrestaurant-noord": {
        "en": {
            "title": "Neighbourhood restaurant on Friday",
            "slug": "neighbourhood-restaurant",
            "intro": "Eat a hot meal together for 3.50 euros. Volunteers from the church do the cooking.",
            "tekst": "You eat with a group of about thirty neighbours. There is always a vegetarian meal. "
            "Sign up before Thursday 12 noon.",
            "aanmelden_hoe": "Call Peter: 023 555 03 30, or email buurtrestaurant@example.nl.",
        },
        "tr": {
            "title": "Cuma günü mahalle lokantası",
            "slug": "mahalle-lokantasi",
            "intro": "3,50 euroya birlikte sıcak bir yemek yiyin. Kilisenin gönüllüleri yemek yapıyor.",
            "tekst": "Yaklaşık otuz komşuyla birlikte yemek yersiniz. Her zaman vejetaryen bir yemek de var. "
            "Perşembe saat 12.00'ye kadar kaydolun.",
            "aanmelden_hoe": "Peter'i arayın: 023 555 03 30 veya buurtrestaurant@example.nl adresine e-posta "
            "gönderin.",
        },
        "ar": {
            "title": "مطعم الحي يوم الجمعة",
            "slug": "buurtrestaurant-noord",
            "intro": "تناول وجبة ساخنة مع الآخرين مقابل 3,50 يورو. يطبخ متطوعون من الكنيسة.",
            "tekst": "تأكل مع مجموعة من حوالي ثلاثين جارًا. توجد دائمًا وجبة نباتية. سجّل اسمك قبل يوم "
            "الخميس "
            "الساعة 12.00.",
            "aanmelden_hoe": "اتصل بـ Peter على الرقم 023 555 03 30، أو أرسل رسالة إلى "
            "buurtrestaurant@example.nl.",
        },
        "pl": {
            "title": "Restauracja sąsiedzka w piątek",
            "slug": "restauracja-sasiedzka",
            "intro": "Wspólny ciepły posiłek za 3,50 euro. Gotują wolontariusze z kościoła.",
            "tekst": "Jesz razem z grupą około trzydziestu sąsiadów. Zawsze jest też danie wegetariańskie. "
            "Zapisz się do czwartku do godziny 12.00.",
            "aanmelden_hoe": "Zadzwoń do Petera: 023 555 03 30 albo napisz na buurtrestaurant@example.nl.",
        },
    },
    "digitaal-sterk-spreekuur": {
        "en": {
            "title": "Digitaal Sterk: help with your phone and computer",
            "slug": "digital-help",
            "intro": "Help with your phone, computer or DigiD. Bring your own device.",
            "tekst": "A volunteer looks at it together with you. You learn to do it yourself, step by step.",
            "onderwerpen": [
                "Applying for DigiD or using it",
                "Setting up your phone or tablet",
                "E-mail and WhatsApp",
                "Making an appointment with your GP online",
            ],
        },
        "tr": {
            "title": "Digitaal Sterk: dijital yardım saati",
            "slug": "dijital-yardim",
            "intro": "Telefonunuz, bilgisayarınız veya DigiD ile ilgili yardım. Kendi cihazınızı getirin.",
            "tekst": "Bir gönüllü sizinle birlikte bakar. Adım adım kendiniz yapmayı öğrenirsiniz.",
            "onderwerpen": [
                "DigiD başvurusu veya kullanımı",
                "Telefonunuzu veya tabletinizi ayarlamak",
                "E-posta ve WhatsApp",
                "İnternetten aile hekiminden randevu almak",
            ],
        },
        "ar": {
            "title": "Digitaal Sterk: مساعدة في الهاتف والحاسوب",
            "slug": "digitaal-sterk-spreekuur",
            "intro": "مساعدة في استخدام هاتفك أو حاسوبك أو DigiD. أحضر جهازك معك.",
            "tekst": "ينظر متطوع معك في الأمر. تتعلم أن تقوم بذلك بنفسك، خطوة بخطوة.",
            "onderwerpen": [
                "طلب DigiD أو استخدامه",
                "ضبط هاتفك أو جهازك اللوحي",
                "البريد الإلكتروني وواتساب",
                "حجز موعد عند طبيب العائلة عبر الإنترنت",
            ],
        },
        "pl": {
            "title": "Digitaal Sterk: pomoc z telefonem i komputerem",
            "slug": "pomoc-cyfrowa",
            "intro": "Pomoc z telefonem, komputerem albo DigiD. Przynieś własne urządzenie.",
            "tekst": "Wolontariusz popatrzy razem z tobą. Krok po kroku nauczysz się robić to sam.",
            "onderwerpen": [
                "Wniosek o DigiD i korzystanie z niego",
                "Ustawienia telefonu lub tabletu",
                "E-mail i WhatsApp",
                "Umawianie wizyty u lekarza rodzinnego przez internet",
            ],
        },
    },
}

# /meedoen/: title, slug, intro and its sections (heading, paragraphs). {activiteit}, {initiatief},
# {nieuwe_link}, {idee} and {talent} become the forms' addresses in that language (/en/meedoen/idee/).
MEEDOEN = {
    "en": {
        "title": "Get involved in your neighbourhood",
        "slug": "get-involved",
        "intro": "Do you have an idea for the neighbourhood, or do you want to help? You are always welcome.",
        "sections": [
            (
                "Organising something yourself?",
                "<p>Do you organise a coffee morning, a walking group or a consultation hour? <a "
                'href="{activiteit}">'
                "Put your activity in the calendar</a>. Are you doing something for the neighbourhood with "
                "your "
                'neighbours, like a vegetable garden or a dinner group? <a href="{initiatief}">Register your '
                "initiative</a>. You do not need an account.</p>"
                "<p>Have you sent something in already and do you want to change it? "
                '<a href="{nieuwe_link}">Ask for your personal link again</a>.</p>',
            ),
            (
                "I have an idea",
                "<p>Do you want to start something in the neighbourhood, like a dinner group, a vegetable "
                "garden "
                'or a street party? <a href="{idee}">Tell us your idea</a>. It does not have to be finished. '
                "The community broker (sociaal makelaar) of your neighbourhood contacts you within 5 working "
                "days and helps you get started.</p>"
                "<p>Would you rather talk? Call or e-mail us, or drop in at the huis van de wijk.</p>",
            ),
            (
                "I want to help",
                "<p>Are you good at cooking, odd jobs, listening or explaining? Or do you have an hour now "
                "and "
                'then? Many activities are looking for volunteers. <a href="{talent}">Tell us what you can '
                "do "
                "and when you have time</a>. The community broker looks with you for a place in the "
                "neighbourhood that suits you. You are not tied to anything.</p>",
            ),
        ],
    },
    "tr": {
        "title": "Mahallenizde siz de katılın",
        "slug": "katilin",
        "intro": "Mahalle için bir fikriniz mi var ya da yardım etmek mi istiyorsunuz? Bu her zaman mümkün.",
        "sections": [
            (
                "Kendiniz bir şey mi düzenliyorsunuz?",
                "<p>Bir kahve sabahı, bir yürüyüş grubu veya bir danışma saati mi düzenliyorsunuz? "
                '<a href="{activiteit}">Etkinliğinizi takvime ekleyin</a>. Komşularınızla birlikte mahalle '
                "için bir şey mi yapıyorsunuz, örneğin bir bostan veya bir yemek grubu? "
                '<a href="{initiatief}">Girişiminizi bildirin</a>. Hesap açmanız gerekmiyor.</p>'
                "<p>Daha önce bir şey gönderdiniz ve değiştirmek mi istiyorsunuz? "
                '<a href="{nieuwe_link}">Kişisel bağlantınızı yeniden isteyin</a>.</p>',
            ),
            (
                "Bir fikrim var",
                "<p>Mahallede bir şey mi başlatmak istiyorsunuz, örneğin bir yemek grubu, bir bostan veya "
                "bir "
                'mahalle şenliği? <a href="{idee}">Fikrinizi bize anlatın</a>. Fikrin bitmiş olması '
                "gerekmiyor. Mahallenizdeki mahalle görevlisi (sociaal makelaar) 5 iş günü içinde sizinle "
                "iletişime geçer ve size yol gösterir.</p>"
                "<p>Konuşmayı mı tercih edersiniz? Bizi arayın, e-posta gönderin veya huis van de wijk'e "
                "uğrayın.</p>",
            ),
            (
                "Yardım etmek istiyorum",
                "<p>Yemek yapmakta, tamir işlerinde, dinlemekte veya anlatmakta iyi misiniz? Ya da ara "
                "sıra bir "
                'saatiniz mi var? Birçok etkinlik gönüllü arıyor. <a href="{talent}">Neler yapabildiğinizi '
                "ve "
                "ne zaman vaktiniz olduğunu anlatın</a>. Mahalle görevlisi sizinle birlikte mahallede size "
                "uygun bir yer arar. Hiçbir zorunluluğunuz yok.</p>",
            ),
        ],
    },
    "ar": {
        "title": "شارك في حيّك",
        "slug": "meedoen",
        "intro": "هل عندك فكرة للحي، أو تريد أن تساعد؟ هذا ممكن دائمًا.",
        "sections": [
            (
                "هل تنظّم شيئًا بنفسك؟",
                '<p>هل تنظّم صباح قهوة أو مجموعة مشي أو ساعة استشارة؟ <a href="{activiteit}">أضف نشاطك إلى '
                "التقويم</a>. هل تقوم مع جيرانك بشيء للحي، مثل حديقة خضار أو مجموعة طعام؟ "
                '<a href="{initiatief}">سجّل مبادرتك</a>. لا تحتاج إلى حساب.</p>'
                '<p>هل أرسلت شيئًا من قبل وتريد أن تغيّره؟ <a href="{nieuwe_link}">اطلب رابطك الشخصي من '
                "جديد</a>.</p>",
            ),
            (
                "عندي فكرة",
                "<p>هل تريد أن تبدأ شيئًا في الحي، مثل مجموعة طعام أو حديقة خضار أو حفلة للحي؟ "
                '<a href="{idee}">أخبرنا بفكرتك</a>. لا يجب أن تكون الفكرة كاملة. الوسيط الاجتماعي '
                "(sociaal makelaar) في حيّك يتواصل معك خلال 5 أيام عمل ويساعدك على البدء.</p>"
                "<p>تفضّل الحديث؟ اتصل بنا أو راسلنا، أو تعال إلى huis van de wijk.</p>",
            ),
            (
                "أريد أن أساعد",
                "<p>هل تجيد الطبخ أو التصليحات أو الاستماع أو الشرح؟ أو عندك ساعة فراغ من وقت لآخر؟ أنشطة "
                'كثيرة تبحث عن متطوعين. <a href="{talent}">أخبرنا بما تستطيع فعله ومتى يكون عندك وقت</a>. '
                "يبحث الوسيط الاجتماعي معك عن مكان في الحي يناسبك. لا يوجد أي التزام.</p>",
            ),
        ],
    },
    "pl": {
        "title": "Działaj w swojej dzielnicy",
        "slug": "dzialaj",
        "intro": "Masz pomysł dla okolicy albo chcesz pomóc? Zawsze możesz się zgłosić.",
        "sections": [
            (
                "Sam coś organizujesz?",
                "<p>Organizujesz poranną kawę, grupę spacerową albo dyżur? "
                '<a href="{activiteit}">Dodaj swoje zajęcia do kalendarza</a>. Robisz coś z sąsiadami dla '
                "okolicy, na przykład ogród warzywny albo wspólne posiłki? "
                '<a href="{initiatief}">Zgłoś swoją inicjatywę</a>. Nie potrzebujesz konta.</p>'
                "<p>Wysłałeś już coś i chcesz to zmienić? "
                '<a href="{nieuwe_link}">Poproś jeszcze raz o swój osobisty link</a>.</p>',
            ),
            (
                "Mam pomysł",
                "<p>Chcesz zacząć coś w okolicy, na przykład wspólne posiłki, ogród warzywny albo festyn "
                'sąsiedzki? <a href="{idee}">Opowiedz nam o swoim pomyśle</a>. Nie musi być jeszcze gotowy. '
                "Pośrednik dzielnicowy (sociaal makelaar) z twojej dzielnicy skontaktuje się z tobą w ciągu "
                "5 dni roboczych i pomoże ci zacząć.</p>"
                "<p>Wolisz porozmawiać? Zadzwoń, napisz do nas albo przyjdź do huis van de wijk.</p>",
            ),
            (
                "Chcę pomóc",
                "<p>Dobrze gotujesz, majsterkujesz, słuchasz albo tłumaczysz? A może masz czasem wolną "
                "godzinę? "
                'Wiele zajęć szuka wolontariuszy. <a href="{talent}">Napisz, co potrafisz i kiedy masz '
                "czas</a>. Pośrednik dzielnicowy razem z tobą poszuka miejsca w okolicy, które ci pasuje. "
                "Do niczego się nie zobowiązujesz.</p>",
            ),
        ],
    },
}
