"""Demo content for the meeting calendar, in Dutch and German.

Data only. The mix of online and in-person meetings follows the municipal information note of
December 2021 (see `seed/`): besides physical meetings there are online possibilities, and visits
respect the measures of the day. All meetings, venues and residents quoted here are fictional;
venues are named generically, without street addresses. Dates are relative (`days_from_now`), so
the texts name no weekdays or seasons. Every Dutch text maps to one German text across all demo
modules, because the demo loader translates by that mapping.
"""

CALENDAR = {
    "slug": {"nl": "agenda", "de": "kalender"},
    "title": {"nl": "Agenda", "de": "Kalender"},
    "intro": {
        "nl": (
            "Alle bijeenkomsten van de jumelage op een rij: online kennissessies, bezoeken, "
            "uitwisselingen en vergaderingen. Per bijeenkomst ziet u de vorm, de voertaal en tot "
            "wanneer u zich kunt aanmelden."
        ),
        "de": (
            "Alle Treffen der Partnerschaft auf einen Blick: Online-Wissensabende, Besuche, "
            "Austausche und Versammlungen. Bei jedem Treffen sehen Sie die Form, die Sprache und "
            "bis wann Sie sich anmelden können."
        ),
    },
    "search_description": {
        "nl": (
            "Agenda van de jumelage Steenwijkerland – Herzebrock-Clarholz: online en fysieke "
            "bijeenkomsten van de sectorgemeenschappen en de stichtingen."
        ),
        "de": (
            "Kalender der Partnerschaft Steenwijkerland – Herzebrock-Clarholz: Online- und "
            "Präsenztreffen der Fachgruppen und der Stiftungen."
        ),
    },
}


# Organisers that recur; an organiser pair is the same in every meeting that uses it.
CLIMATE = {
    "nl": "Sectorgemeenschap duurzaamheid en klimaat",
    "de": "Fachgruppe Nachhaltigkeit und Klima",
}
TOURISM = {
    "nl": "Sectorgemeenschap recreatie en toerisme",
    "de": "Fachgruppe Freizeit und Tourismus",
}
FARMING = {"nl": "Sectorgemeenschap agrarische sector", "de": "Fachgruppe Landwirtschaft"}
COUNCILS = {"nl": "Sectorgemeenschap gemeenteraden", "de": "Fachgruppe Gemeinderäte"}
INCLUSION = {
    "nl": "Sectorgemeenschap inclusieve samenleving",
    "de": "Fachgruppe Inklusive Gesellschaft",
}
FOUNDATIONS = {"nl": "Beide jumelagestichtingen", "de": "Beide Partnerschaftsstiftungen"}

ALL_SECTORS = [
    "duurzaamheid-en-klimaat",
    "recreatie-en-toerisme",
    "agrarische-sector",
    "gemeenteraden",
    "inclusieve-samenleving",
]


MEETINGS = [
    # Upcoming meetings
    {
        "slug": {
            "nl": "klimaatadaptatie-regenwater-in-de-dorpskern",
            "de": "klimaanpassung-regenwasser-im-ortskern",
        },
        "title": {
            "nl": "Online kennissessie klimaatadaptatie: regenwater in de dorpskern",
            "de": "Online-Wissensabend Klimaanpassung: Regenwasser im Ortskern",
        },
        "intro": {
            "nl": (
                "Hoe vangen dorpen hevige buien op zonder dat straten en kelders onderlopen? Een "
                "korte inleiding uit elk land, daarna vragen en ervaringen uit de groep."
            ),
            "de": (
                "Wie fangen Dörfer Starkregen auf, ohne dass Straßen und Keller volllaufen? Ein "
                "kurzer Impuls aus jedem Land, danach Fragen und Erfahrungen aus der Gruppe."
            ),
        },
        "search_description": {
            "nl": (
                "Online kennissessie van de sectorgemeenschap duurzaamheid en klimaat over het "
                "opvangen van regenwater in de dorpskernen van Steenwijkerland en "
                "Herzebrock-Clarholz."
            ),
            "de": (
                "Online-Wissensabend der Fachgruppe Nachhaltigkeit und Klima zum Umgang mit "
                "Regenwasser in den Ortskernen von Steenwijkerland und Herzebrock-Clarholz."
            ),
        },
        "days_from_now": 6,
        "start": "19:30",
        "duration_minutes": 90,
        "format": "online",
        "online_url": "https://video.jumelage.example/klimaatadaptatie-regenwater",
        "spoken_language": "nl-de",
        "organiser": CLIMATE,
        "capacity": None,
        "registration_days_before": None,
        "sectors": ["duurzaamheid-en-klimaat"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Van tegels naar groen",
                    "de": "Von Pflaster zu Grün",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Vanuit de gemeente Steenwijkerland horen we hoe dorpen in de kop van "
                        "Overijssel pleinen en straten anders inrichten, zodat regenwater de grond "
                        "in kan zakken. Uit Herzebrock-Clarholz komt een voorbeeld van een "
                        "regenwaterbuffer bij een nieuwe woonwijk.",
                        "Daarna is er tijd voor uw eigen vragen: wat kunt u als inwoner of "
                        "vereniging zelf doen, van een regenton tot een groen schoolplein?",
                    ],
                    "de": [
                        "Aus der Gemeinde Steenwijkerland hören wir, wie Dörfer im Nordwesten "
                        "Overijssels Plätze und Straßen umgestalten, damit Regenwasser versickern "
                        "kann. Aus Herzebrock-Clarholz kommt das Beispiel eines "
                        "Regenrückhaltebeckens an einem neuen Wohngebiet.",
                        "Danach ist Zeit für Ihre eigenen Fragen: Was können Sie als Bürgerin, "
                        "Bürger oder Verein selbst tun, von der Regentonne bis zum grünen Schulhof?",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "energiecooperaties-opbrengst-in-het-dorp",
            "de": "energiegenossenschaften-ertraege-im-dorf",
        },
        "title": {
            "nl": "Online kennissessie energiecoöperaties: de opbrengst in het dorp houden",
            "de": "Online-Wissensabend Energiegenossenschaften: die Erträge im Dorf halten",
        },
        "intro": {
            "nl": (
                "Twee energiecoöperaties, één uit elke gemeente, laten zien hoe zij zonnedaken en "
                "een zonneveld financieren en hoe de opbrengst terugvloeit naar het dorp."
            ),
            "de": (
                "Zwei Energiegenossenschaften, eine aus jeder Gemeinde, zeigen, wie sie Solardächer "
                "und einen Solarpark finanzieren und wie die Erträge ins Dorf zurückfließen."
            ),
        },
        "search_description": {
            "nl": (
                "Online kennissessie over energiecoöperaties in Steenwijkerland en "
                "Herzebrock-Clarholz: financiering, leden werven en de opbrengst voor het dorp."
            ),
            "de": (
                "Online-Wissensabend über Energiegenossenschaften in Steenwijkerland und "
                "Herzebrock-Clarholz: Finanzierung, Mitgliederwerbung und Erträge für das Dorf."
            ),
        },
        "days_from_now": 13,
        "start": "20:00",
        "duration_minutes": 90,
        "format": "online",
        "online_url": "https://video.jumelage.example/energiecooperaties",
        "spoken_language": "nl-de",
        "organiser": CLIMATE,
        "capacity": 40,
        "registration_days_before": 1,
        "sectors": ["duurzaamheid-en-klimaat"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Twee coöperaties vertellen",
                    "de": "Zwei Genossenschaften berichten",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een coöperatie uit Steenwijkerland vertelt hoe leden samen zonnepanelen "
                        "op het dak van een sporthal en een boerenschuur hebben gelegd. De Duitse "
                        "gasten laten zien hoe een burgerenergiecoöperatie in het Münsterland een "
                        "zonneveld samen met de gemeente heeft opgezet.",
                        "Na de inleidingen praten we in kleine groepen verder. Daarom is het aantal "
                        "plaatsen beperkt tot veertig.",
                    ],
                    "de": [
                        "Eine Genossenschaft aus Steenwijkerland erzählt, wie ihre Mitglieder "
                        "gemeinsam Solarmodule auf das Dach einer Sporthalle und einer Hofscheune "
                        "gebracht haben. Die deutschen Gäste zeigen, wie eine "
                        "Bürgerenergiegenossenschaft im Münsterland einen Solarpark gemeinsam mit "
                        "der Gemeinde aufgebaut hat.",
                        "Nach den Impulsen sprechen wir in kleinen Gruppen weiter. Deshalb ist die "
                        "Zahl der Plätze auf vierzig begrenzt.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Wij dachten dat je voor een coöperatie een jurist en een bankier "
                            "nodig had. Het bleek vooral te gaan om twintig buren die elkaar "
                            "vertrouwen."
                        ),
                        "de": (
                            "Wir dachten, für eine Genossenschaft brauche man einen Juristen und "
                            "einen Banker. Am Ende ging es vor allem um zwanzig Nachbarn, die "
                            "einander vertrauen."
                        ),
                    },
                    "attribution": {
                        "nl": "Gerrit, bestuurslid van een energiecoöperatie in Vollenhove",
                        "de": "Gerrit, Vorstandsmitglied einer Energiegenossenschaft in Vollenhove",
                    },
                },
            ),
        ],
    },
    {
        "slug": {"nl": "gezamenlijke-raadsavond", "de": "gemeinsamer-ratsabend"},
        "title": {
            "nl": "Gezamenlijke raadsavond van Steenwijkerland en Herzebrock-Clarholz",
            "de": "Gemeinsamer Ratsabend von Steenwijkerland und Herzebrock-Clarholz",
        },
        "intro": {
            "nl": (
                "Raadsleden uit beide gemeenten praten in de raadzaal van Steenwijk over "
                "voorzieningen in kleine kernen. Inwoners zijn welkom op de publieke tribune of "
                "kunnen online meekijken."
            ),
            "de": (
                "Ratsmitglieder aus beiden Gemeinden sprechen im Ratssaal in Steenwijk über die "
                "Versorgung in kleinen Ortsteilen. Bürgerinnen und Bürger sind auf der "
                "Zuschauertribüne willkommen oder können online zuschauen."
            ),
        },
        "search_description": {
            "nl": (
                "Gezamenlijke raadsavond in Steenwijk: raadsleden uit Steenwijkerland en "
                "Herzebrock-Clarholz over voorzieningen in kleine kernen, ook online te volgen."
            ),
            "de": (
                "Gemeinsamer Ratsabend in Steenwijk: Ratsmitglieder aus Steenwijkerland und "
                "Herzebrock-Clarholz über die Versorgung in kleinen Ortsteilen, auch online zu "
                "verfolgen."
            ),
        },
        "days_from_now": 20,
        "start": "19:00",
        "duration_minutes": 150,
        "format": "hybrid",
        "place_name": {
            "nl": "Raadzaal gemeentehuis Steenwijk",
            "de": "Ratssaal im Rathaus Steenwijk",
        },
        "town": "steenwijkerland",
        "online_url": "https://video.jumelage.example/gezamenlijke-raadsavond",
        "spoken_language": "nl-de",
        "organiser": COUNCILS,
        "capacity": None,
        "registration_days_before": 2,
        "sectors": ["gemeenteraden"],
        "notice": {
            "nl": (
                "De raadzaal is met een lift bereikbaar en heeft een ringleiding voor "
                "slechthorenden. Een tolk vertaalt de gesprekken in de zaal en in de online "
                "uitzending."
            ),
            "de": (
                "Der Ratssaal ist mit einem Aufzug erreichbar und hat eine induktive Höranlage. "
                "Eine Dolmetscherin übersetzt die Gespräche im Saal und in der Online-Übertragung."
            ),
        },
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "De school, de huisarts en de supermarkt",
                    "de": "Schule, Hausarztpraxis und Supermarkt",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Hoe houd je voorzieningen in een dorp als het aantal inwoners krimpt of "
                        "vergrijst? Raadsleden uit beide gemeenten brengen elk een voorbeeld mee "
                        "uit hun eigen kern en leggen uit welke keuzes hun raad heeft gemaakt.",
                        "De avond is een uitwisseling om van elkaar te leren; over besluiten wordt "
                        "niet vergaderd. Aan het eind kunnen inwoners in de zaal en online vragen "
                        "stellen.",
                    ],
                    "de": [
                        "Wie hält man Einrichtungen im Dorf, wenn die Bevölkerung schrumpft oder "
                        "altert? Ratsmitglieder aus beiden Gemeinden bringen jeweils ein Beispiel "
                        "aus ihrem eigenen Ortsteil mit und erläutern, welche Entscheidungen ihr "
                        "Rat getroffen hat.",
                        "Der Abend dient dem gegenseitigen Lernen; über Beschlüsse wird nicht "
                        "beraten. Zum Schluss können Bürgerinnen und Bürger im Saal und online "
                        "Fragen stellen.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Op de tribune of thuis",
                    "de": "Auf der Tribüne oder zu Hause",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Wilt u in de zaal zitten of online meekijken? Meld u in beide gevallen "
                        "aan via deze pagina; na uw aanmelding ziet u hier de link naar de "
                        "uitzending.",
                    ],
                    "de": [
                        "Möchten Sie im Saal sitzen oder online zuschauen? Melden Sie sich in "
                        "beiden Fällen über diese Seite an; nach Ihrer Anmeldung sehen Sie hier den "
                        "Link zur Übertragung.",
                    ],
                },
            ),
        ],
    },
    {
        # Only for the Dutch participants of the young farmers' visit: stays Dutch-only.
        "slug": {
            "nl": "voorbereiding-bezoek-jonge-boeren",
            "de": "vorbereitung-besuch-junge-landwirte",
        },
        "title": {
            "nl": "Voorbereidingsavond voor het bezoek van jonge boeren",
            "de": "Vorbereitungsabend für den Besuch junger Landwirte",
        },
        "intro": {
            "nl": (
                "Voor de Nederlandse deelnemers aan het bezoek aan Herzebrock-Clarholz: programma, "
                "reis, kosten en een korte les Duits voor op het erf."
            ),
            "de": (
                "Für die niederländischen Teilnehmenden am Besuch in Herzebrock-Clarholz: Programm, "
                "Anreise, Kosten und eine kurze Lektion Deutsch für den Hofalltag."
            ),
        },
        "search_description": {
            "nl": (
                "Online voorbereidingsavond in het Nederlands voor jonge boeren uit "
                "Steenwijkerland die Herzebrock-Clarholz bezoeken."
            ),
            "de": (
                "Online-Vorbereitungsabend auf Niederländisch für junge Landwirtinnen und Landwirte "
                "aus Steenwijkerland, die Herzebrock-Clarholz besuchen."
            ),
        },
        "days_from_now": 27,
        "start": "20:30",
        "duration_minutes": 60,
        "format": "online",
        "online_url": "https://video.jumelage.example/voorbereiding-jonge-boeren",
        "spoken_language": "nl",
        "organiser": FARMING,
        "capacity": None,
        "registration_days_before": None,
        "sectors": ["agrarische-sector"],
        "translated": False,
        "body": [
            (
                "heading",
                {
                    "nl": "Wat we doornemen",
                    "de": "Was wir besprechen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "We lopen het programma van de twee dagen door, spreken af wie met wie "
                        "meerijdt en bespreken wat u voor de bedrijfsbezoeken moet meenemen.",
                        "Een van de deelnemers van de vorige keer vertelt hoe het was, en we "
                        "oefenen een paar Duitse woorden die op het erf van pas komen, van "
                        "Melkroboter tot Hofnachfolge.",
                    ],
                    "de": [
                        "Wir gehen das Programm der beiden Tage durch, verabreden, wer bei wem "
                        "mitfährt, und besprechen, was Sie für die Betriebsbesuche mitbringen "
                        "müssen.",
                        "Ein Teilnehmer vom letzten Mal erzählt, wie es war, und wir üben ein paar "
                        "deutsche Wörter, die auf dem Hof nützlich sind, vom Melkroboter bis zur "
                        "Hofnachfolge.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "natuurinclusief-boeren-akkerranden-en-kieviten",
            "de": "naturvertraeglich-wirtschaften-bluehstreifen-und-kiebitze",
        },
        "title": {
            "nl": "Online kennissessie natuurinclusief boeren: akkerranden en kievitsbescherming",
            "de": "Online-Wissensabend naturverträgliche Landwirtschaft: Blühstreifen und Kiebitzschutz",
        },
        "intro": {
            "nl": (
                "Akkerbouwers uit Herzebrock-Clarholz vertellen hoe zij bloemrijke akkerranden "
                "aanleggen en kievitsnesten beschermen. De avond is in het Duits; vragen in het "
                "Nederlands zijn welkom."
            ),
            "de": (
                "Ackerbauern aus Herzebrock-Clarholz erzählen, wie sie Blühstreifen anlegen und "
                "Kiebitznester schützen. Der Abend findet auf Deutsch statt; Fragen auf "
                "Niederländisch sind willkommen."
            ),
        },
        "search_description": {
            "nl": (
                "Online kennissessie in het Duits over natuurinclusief boeren: bloemrijke "
                "akkerranden en kievitsbescherming in Herzebrock-Clarholz."
            ),
            "de": (
                "Online-Wissensabend auf Deutsch über naturverträgliche Landwirtschaft: "
                "Blühstreifen und Kiebitzschutz in Herzebrock-Clarholz."
            ),
        },
        "days_from_now": 34,
        "start": "20:15",
        "duration_minutes": 90,
        "format": "online",
        "online_url": "https://video.jumelage.example/natuurinclusief-boeren",
        "spoken_language": "de",
        "organiser": FARMING,
        "capacity": None,
        "registration_days_before": 1,
        "sectors": ["agrarische-sector", "duurzaamheid-en-klimaat"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Van de akker naar het scherm",
                    "de": "Vom Acker auf den Bildschirm",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Twee bedrijven laten met foto's en kaarten zien waar hun akkerranden "
                        "liggen, welk zaadmengsel ze gebruiken en wat het ze oplevert en kost. Een "
                        "adviseur uit de streek legt uit hoe boeren en vrijwilligers samen "
                        "kievitsnesten markeren, zodat de machines eromheen rijden.",
                        "Omdat de inleiders Duits spreken, is de voertaal Duits. Veel Nederlandse "
                        "melkveehouders zullen herkennen waar het over gaat: weidevogels en later "
                        "maaien staan in Steenwijkerland ook op de agenda.",
                    ],
                    "de": [
                        "Zwei Betriebe zeigen mit Fotos und Karten, wo ihre Blühstreifen liegen, "
                        "welche Saatmischung sie verwenden und was es ihnen bringt und kostet. Ein "
                        "Berater aus der Region erklärt, wie Landwirte und Ehrenamtliche gemeinsam "
                        "Kiebitznester markieren, damit die Maschinen um sie herumfahren.",
                        "Weil die Vortragenden Deutsch sprechen, ist die Sprache des Abends "
                        "Deutsch. Viele niederländische Milchviehhalter werden wiedererkennen, "
                        "worum es geht: Wiesenvögel und spätes Mähen sind auch in Steenwijkerland "
                        "ein Thema.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Een akkerrand is geen verloren grond. Bij ons zitten er nu meer "
                            "insecten op het land, en wandelaars blijven staan om te kijken."
                        ),
                        "de": (
                            "Ein Blühstreifen ist kein verlorener Boden. Bei uns gibt es jetzt "
                            "mehr Insekten auf dem Feld, und Spaziergänger bleiben stehen, um zu "
                            "schauen."
                        ),
                    },
                    "attribution": {
                        "nl": "Ludger, akkerbouwer uit Clarholz",
                        "de": "Ludger, Ackerbauer aus Clarholz",
                    },
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "toegankelijke-recreatie-natuur-voor-iedereen",
            "de": "barrierefreie-freizeit-natur-fuer-alle",
        },
        "title": {
            "nl": "Online kennissessie toegankelijke recreatie: natuur voor iedereen",
            "de": "Online-Wissensabend barrierefreie Freizeit: Natur für alle",
        },
        "intro": {
            "nl": (
                "Een fluisterboot met rolstoellift, een vlonderpad door het moeras en een "
                "fietsroute met rustplekken: wat maakt een uitje toegankelijk, en wat vergeten we "
                "vaak?"
            ),
            "de": (
                "Ein Flüsterboot mit Rollstuhllift, ein Bohlenweg durchs Moor und eine Radroute mit "
                "Rastplätzen: Was macht einen Ausflug barrierefrei, und was vergessen wir oft?"
            ),
        },
        "search_description": {
            "nl": (
                "Online kennissessie over toegankelijke recreatie in Steenwijkerland en "
                "Herzebrock-Clarholz, voor ondernemers, verenigingen en ervaringsdeskundigen."
            ),
            "de": (
                "Online-Wissensabend über barrierefreie Freizeitangebote in Steenwijkerland und "
                "Herzebrock-Clarholz, für Betriebe, Vereine und Menschen mit eigener Erfahrung."
            ),
        },
        "days_from_now": 41,
        "start": "19:30",
        "duration_minutes": 90,
        "format": "online",
        "online_url": "https://video.jumelage.example/toegankelijke-recreatie",
        "spoken_language": "nl-de",
        "organiser": {
            "nl": "Sectorgemeenschappen recreatie en toerisme en inclusieve samenleving",
            "de": "Fachgruppen Freizeit und Tourismus sowie Inklusive Gesellschaft",
        },
        "capacity": None,
        "registration_days_before": 1,
        "sectors": ["recreatie-en-toerisme", "inclusieve-samenleving"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Ervaringsdeskundigen aan het woord",
                    "de": "Menschen mit eigener Erfahrung kommen zu Wort",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Niet de ondernemer, maar de gast vertelt eerst: twee "
                        "ervaringsdeskundigen uit beide gemeenten beschrijven een dagje uit in de "
                        "partnergemeente, de een met een rolstoel, de ander met een visuele "
                        "beperking.",
                        "Daarna laten een botenverhuurder uit Giethoorn en de eigenaar van een "
                        "boerderijcafé bij Herzebrock zien wat zij hebben aangepast en wat dat "
                        "kostte. De ondertitels staan aan en we spreken langzaam.",
                    ],
                    "de": [
                        "Zuerst erzählt nicht der Betrieb, sondern der Gast: Zwei Menschen mit "
                        "eigener Erfahrung aus beiden Gemeinden beschreiben einen Ausflugstag in der "
                        "Partnergemeinde, der eine mit Rollstuhl, die andere mit einer "
                        "Sehbehinderung.",
                        "Danach zeigen ein Bootsverleiher aus Giethoorn und die Inhaberin eines "
                        "Hofcafés bei Herzebrock, was sie angepasst haben und was es gekostet hat. "
                        "Die Untertitel sind eingeschaltet, und wir sprechen langsam.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "online-taalcafe-nederlands-duits",
            "de": "online-sprachcafe-niederlaendisch-deutsch",
        },
        "title": {
            "nl": "Online taalcafé Nederlands-Duits",
            "de": "Online-Sprachcafé Niederländisch-Deutsch",
        },
        "intro": {
            "nl": (
                "Aan één virtuele tafel oefenen vier inwoners van Steenwijkerland en vier van "
                "Herzebrock-Clarholz elkaars taal, zonder cijfers en zonder haast. Beginners zijn "
                "van harte welkom."
            ),
            "de": (
                "An einem virtuellen Tisch üben vier Menschen aus Steenwijkerland und vier aus "
                "Herzebrock-Clarholz die Sprache der anderen, ohne Noten und ohne Eile. "
                "Anfängerinnen und Anfänger sind herzlich willkommen."
            ),
        },
        "search_description": {
            "nl": (
                "Online taalcafé voor inwoners van Steenwijkerland en Herzebrock-Clarholz die Duits "
                "of Nederlands willen oefenen, in een kleine groep van acht."
            ),
            "de": (
                "Online-Sprachcafé für Menschen aus Steenwijkerland und Herzebrock-Clarholz, die "
                "Niederländisch oder Deutsch üben möchten, in einer kleinen Gruppe von acht "
                "Personen."
            ),
        },
        "days_from_now": 45,
        "start": "20:00",
        "duration_minutes": 60,
        "format": "online",
        "online_url": "https://video.jumelage.example/taalcafe",
        "spoken_language": "nl-de",
        "organiser": INCLUSION,
        "capacity": 8,
        "registration_days_before": 2,
        "sectors": ["inclusieve-samenleving"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Half om half",
                    "de": "Halb und halb",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het eerste halfuur spreken we Duits, het tweede halfuur Nederlands. Twee "
                        "vrijwilligers leiden het gesprek en zorgen dat iedereen aan het woord "
                        "komt.",
                        "De onderwerpen zijn alledaags: het weer, de buurt, het werk, het eten. "
                        "Zodat de groep klein blijft, zijn er acht plaatsen; wie op de wachtlijst "
                        "staat, krijgt voorrang bij het volgende taalcafé.",
                    ],
                    "de": [
                        "In der ersten halben Stunde sprechen wir Deutsch, in der zweiten "
                        "Niederländisch. Zwei Ehrenamtliche leiten das Gespräch und achten darauf, "
                        "dass alle zu Wort kommen.",
                        "Die Themen sind alltäglich: das Wetter, die Nachbarschaft, die Arbeit, das "
                        "Essen. Damit die Gruppe klein bleibt, gibt es acht Plätze; wer auf der "
                        "Warteliste steht, wird beim nächsten Sprachcafé bevorzugt.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Ik versta het Duits prima, maar spreken durfde ik niet. Na drie "
                            "avonden bestelde ik in Herzebrock gewoon zelf mijn koffie."
                        ),
                        "de": (
                            "Deutsch verstehe ich gut, aber zu sprechen habe ich mich nicht "
                            "getraut. Nach drei Abenden habe ich in Herzebrock meinen Kaffee "
                            "einfach selbst bestellt."
                        ),
                    },
                    "attribution": {
                        "nl": "Anneke, deelnemer uit Steenwijkerwold",
                        "de": "Anneke, Teilnehmerin aus Steenwijkerwold",
                    },
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "jonge-boeren-op-bezoek-in-herzebrock-clarholz",
            "de": "junge-landwirte-zu-besuch-in-herzebrock-clarholz",
        },
        "title": {
            "nl": "Jonge boeren op bezoek in Herzebrock-Clarholz",
            "de": "Junge Landwirte zu Besuch in Herzebrock-Clarholz",
        },
        "intro": {
            "nl": (
                "Twee dagen lang bezoeken jonge boeren en boerinnen uit Steenwijkerland bedrijven "
                "rond Herzebrock en Clarholz, praten ze over bedrijfsopvolging en overnachten ze "
                "bij gastgezinnen."
            ),
            "de": (
                "Zwei Tage lang besuchen junge Landwirtinnen und Landwirte aus Steenwijkerland "
                "Betriebe rund um Herzebrock und Clarholz, sprechen über die Hofnachfolge und "
                "übernachten in Gastfamilien."
            ),
        },
        "search_description": {
            "nl": (
                "Tweedaags bezoek van jonge boeren uit Steenwijkerland aan akkerbouw- en "
                "varkensbedrijven in Herzebrock-Clarholz."
            ),
            "de": (
                "Zweitägiger Besuch junger Landwirtinnen und Landwirte aus Steenwijkerland auf "
                "Ackerbau- und Schweinebetrieben in Herzebrock-Clarholz."
            ),
        },
        "days_from_now": 55,
        "start": "08:00",
        "duration_minutes": 2040,
        "format": "in_person",
        "place_name": {"nl": "Boerenbedrijven rond Clarholz", "de": "Höfe rund um Clarholz"},
        "town": "herzebrock-clarholz",
        "spoken_language": "nl-de",
        "organiser": FARMING,
        "capacity": 16,
        "registration_days_before": 14,
        "sectors": ["agrarische-sector"],
        "notice": {
            "nl": (
                "Het bezoek is een week opgeschoven, omdat de gastbedrijven op de eerste datum "
                "midden in het werk op het land zaten. Vanwege de diergezondheid vragen de "
                "bedrijven u schone kleding en laarzen mee te nemen en in de twee dagen ervoor "
                "geen ander veebedrijf te bezoeken. We rijden samen vanaf Steenwijk."
            ),
            "de": (
                "Der Besuch wurde um eine Woche verschoben, weil die Gastbetriebe am ursprünglichen "
                "Termin mitten in der Feldarbeit steckten. Wegen der Tiergesundheit bitten die "
                "Betriebe darum, saubere Kleidung und Stiefel mitzubringen und in den zwei Tagen "
                "davor keinen anderen Tierhaltungsbetrieb zu besuchen. Wir fahren in "
                "Fahrgemeinschaften ab Steenwijk."
            ),
        },
        "moved_days": 7,
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Twee dagen op het erf",
                    "de": "Zwei Tage auf dem Hof",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De eerste dag staat in het teken van de bedrijven: een akkerbouwbedrijf "
                        "met een eigen boerderijwinkel, een varkenshouderij die een nieuwe stal met "
                        "uitloop heeft gebouwd en een gemengd bedrijf dat net door de volgende "
                        "generatie is overgenomen. 's Avonds eten we samen met de gastgezinnen.",
                        "De tweede dag praten we met jonge Duitse boeren en boerinnen over "
                        "bedrijfsopvolging: hoe regel je de overname binnen de familie, en hoe kies "
                        "je je eigen koers?",
                    ],
                    "de": [
                        "Der erste Tag gehört den Betrieben: einem Ackerbaubetrieb mit eigenem "
                        "Hofladen, einem Schweinebetrieb, der einen neuen Stall mit Auslauf gebaut "
                        "hat, und einem Gemischtbetrieb, den gerade die nächste Generation "
                        "übernommen hat. Am Abend essen wir gemeinsam mit den Gastfamilien.",
                        "Am zweiten Tag sprechen wir mit jungen deutschen Landwirtinnen und "
                        "Landwirten über die Hofnachfolge: Wie regelt man die Übergabe in der "
                        "Familie, und wie findet man seinen eigenen Weg?",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "vrijwilligersuitwisseling-vinden-en-vasthouden",
            "de": "ehrenamtsaustausch-gewinnen-und-halten",
        },
        "title": {
            "nl": "Vrijwilligersuitwisseling: vrijwilligers vinden en vasthouden",
            "de": "Ehrenamtsaustausch: Ehrenamtliche gewinnen und halten",
        },
        "intro": {
            "nl": (
                "Verenigingen, dorpshuizen en zorgorganisaties uit beide gemeenten delen hoe zij "
                "nieuwe vrijwilligers vinden en hoe ze het werk eerlijk verdelen."
            ),
            "de": (
                "Vereine, Dorfgemeinschaftshäuser und soziale Träger aus beiden Gemeinden teilen, "
                "wie sie neue Ehrenamtliche gewinnen und die Arbeit gerecht verteilen."
            ),
        },
        "search_description": {
            "nl": (
                "Uitwisseling voor vrijwilligers en verenigingen uit Steenwijkerland en "
                "Herzebrock-Clarholz in het Bürgerzentrum Herzebrock en online."
            ),
            "de": (
                "Austausch für Ehrenamtliche und Vereine aus Steenwijkerland und "
                "Herzebrock-Clarholz im Bürgerzentrum Herzebrock und online."
            ),
        },
        "days_from_now": 66,
        "start": "10:00",
        "duration_minutes": 330,
        "format": "hybrid",
        "place_name": {"nl": "Bürgerzentrum Herzebrock", "de": "Bürgerzentrum Herzebrock"},
        "town": "herzebrock-clarholz",
        "online_url": "https://video.jumelage.example/vrijwilligersuitwisseling",
        "spoken_language": "nl-de",
        "organiser": INCLUSION,
        "capacity": 30,
        "registration_days_before": 7,
        "sectors": ["inclusieve-samenleving"],
        "notice": {
            "nl": (
                "Bij deze bijeenkomst houden we ons aan de gezondheidsmaatregelen die op dat "
                "moment in Duitsland gelden. Vanuit Steenwijk rijdt een busje van de stichting; "
                "meld u daarvoor bij de Stichting Jumelage Herzebrock-Clarholz. Het Bürgerzentrum "
                "is drempelvrij en heeft een aangepast toilet."
            ),
            "de": (
                "Bei diesem Treffen halten wir uns an die Gesundheitsregeln, die zu diesem "
                "Zeitpunkt in Deutschland gelten. Ab Steenwijk fährt ein Kleinbus der Stiftung; "
                "melden Sie sich dafür bei der Stichting Jumelage Herzebrock-Clarholz. Das "
                "Bürgerzentrum ist barrierefrei und hat ein rollstuhlgerechtes WC."
            ),
        },
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Een dag vol voorbeelden",
                    "de": "Ein Tag voller Beispiele",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "'s Ochtends vertellen drie verenigingen uit elke gemeente in korte rondes "
                        "hoe zij vrijwilligers werven: van een vast aanspreekpunt dat nieuwe leden "
                        "wegwijs maakt tot taken die in een uur te doen zijn.",
                        "Na de lunch werken we in kleine groepen aan de vragen die u zelf "
                        "meebrengt. Wie online meedoet, vormt een eigen groep; een vrijwilliger "
                        "brengt wat daar gezegd wordt in de zaal in.",
                    ],
                    "de": [
                        "Am Vormittag berichten je drei Vereine aus jeder Gemeinde in kurzen "
                        "Runden, wie sie Ehrenamtliche gewinnen: von einer festen Ansprechperson, "
                        "die neue Mitglieder an die Hand nimmt, bis zu Aufgaben, die in einer "
                        "Stunde erledigt sind.",
                        "Nach dem Mittagessen arbeiten wir in kleinen Gruppen an den Fragen, die "
                        "Sie selbst mitbringen. Wer online teilnimmt, bildet eine eigene Gruppe; eine "
                        "Ehrenamtliche trägt das Gesagte in den Saal weiter.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "excursie-regenwaterbuffers-herzebrock",
            "de": "exkursion-regenrueckhaltung-herzebrock",
        },
        "title": {
            "nl": "Excursie: regenwaterbuffers en beekherstel in Herzebrock",
            "de": "Exkursion: Regenrückhaltung und Bachrenaturierung in Herzebrock",
        },
        "intro": {
            "nl": (
                "Een middag langs regenwaterbuffers en een heringerichte beek in Herzebrock, met "
                "uitleg van de mensen die ze hebben ontworpen en die ze onderhouden."
            ),
            "de": (
                "Ein Nachmittag an Regenrückhaltebecken und einem renaturierten Bach in Herzebrock, "
                "mit Erläuterungen der Menschen, die sie geplant haben und pflegen."
            ),
        },
        "search_description": {
            "nl": (
                "Excursie van de sectorgemeenschap duurzaamheid en klimaat naar regenwaterbuffers "
                "en beekherstel in Herzebrock. Deze excursie gaat niet door."
            ),
            "de": (
                "Exkursion der Fachgruppe Nachhaltigkeit und Klima zu Regenrückhaltung und "
                "Bachrenaturierung in Herzebrock. Diese Exkursion fällt aus."
            ),
        },
        "days_from_now": 74,
        "start": "13:30",
        "duration_minutes": 180,
        "format": "in_person",
        "place_name": {
            "nl": "Verzamelpunt bij het sportpark in Herzebrock",
            "de": "Treffpunkt am Sportpark in Herzebrock",
        },
        "town": "herzebrock-clarholz",
        "spoken_language": "de",
        "organiser": CLIMATE,
        "capacity": 20,
        "registration_days_before": 5,
        "sectors": ["duurzaamheid-en-klimaat"],
        "notice": {
            "nl": (
                "Deze excursie gaat niet door: de gastheren kunnen op deze datum niet, en op korte "
                "termijn is geen andere datum gevonden. Wie zich had aangemeld, krijgt bericht "
                "zodra er een nieuwe datum is."
            ),
            "de": (
                "Diese Exkursion fällt aus: Die Gastgeber können an diesem Termin nicht, und "
                "kurzfristig hat sich kein anderer Termin gefunden. Wer angemeldet war, erhält "
                "Nachricht, sobald es einen neuen Termin gibt."
            ),
        },
        "cancelled": True,
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Wat op het programma stond",
                    "de": "Was geplant war",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De wandeling van ongeveer vier kilometer zou langs twee "
                        "regenwaterbuffers voeren en langs een stuk beek dat weer mag meanderen. "
                        "Medewerkers van de gemeente en van een Duits waterschap zouden uitleggen "
                        "hoe zij wateroverlast en droogte tegelijk aanpakken.",
                        "Het onderwerp kunt u intussen al verkennen tijdens de online kennissessie "
                        "over regenwater in de dorpskern.",
                    ],
                    "de": [
                        "Der Spaziergang von etwa vier Kilometern sollte an zwei "
                        "Regenrückhaltebecken und an einem Bachabschnitt vorbeiführen, der wieder "
                        "mäandern darf. Beschäftigte der Gemeinde und eines Wasserverbands wollten "
                        "erklären, wie sie Starkregen und Trockenheit zugleich begegnen.",
                        "Das Thema können Sie in der Zwischenzeit schon beim Online-Wissensabend "
                        "zum Regenwasser im Ortskern erkunden.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "fietstweedaagse-steenwijk-clarholz",
            "de": "zweitaegige-radtour-steenwijk-clarholz",
        },
        "title": {
            "nl": "Fietstweedaagse van Steenwijk naar Clarholz",
            "de": "Zweitägige Radtour von Steenwijk nach Clarholz",
        },
        "intro": {
            "nl": (
                "In twee dagen fietsen we van de kop van Overijssel naar de partnergemeente, over "
                "knooppunten en Duitse themaroutes, met een overnachting onderweg."
            ),
            "de": (
                "In zwei Tagen radeln wir vom Nordwesten Overijssels in die Partnergemeinde, über "
                "Knotenpunkte und deutsche Themenrouten, mit einer Übernachtung unterwegs."
            ),
        },
        "search_description": {
            "nl": (
                "Tweedaagse fietstocht van Steenwijk naar Clarholz voor geoefende fietsers, met "
                "bagagevervoer en terugreis per bus."
            ),
            "de": (
                "Zweitägige Radtour von Steenwijk nach Clarholz für geübte Radfahrerinnen und "
                "Radfahrer, mit Gepäcktransport und Rückfahrt im Bus."
            ),
        },
        "days_from_now": 86,
        "start": "08:30",
        "duration_minutes": 1980,
        "format": "in_person",
        "place_name": {"nl": "Station Steenwijk (vertrek)", "de": "Bahnhof Steenwijk (Start)"},
        "town": "steenwijkerland",
        "spoken_language": "nl-de",
        "organiser": TOURISM,
        "capacity": 25,
        "registration_days_before": 10,
        "sectors": ["recreatie-en-toerisme"],
        "notice": {
            "nl": (
                "Een busje neemt de bagage mee, en er rijdt een volgauto achter de groep. "
                "Oplaadpunten voor e-bikes zijn er bij de lunch en bij de overnachting. Terug naar "
                "Steenwijk gaat u met de bus van de stichting."
            ),
            "de": (
                "Ein Kleinbus nimmt das Gepäck mit, und ein Begleitfahrzeug fährt hinter der "
                "Gruppe. Ladestationen für E-Bikes gibt es beim Mittagessen und an der Unterkunft. "
                "Zurück nach Steenwijk geht es mit dem Bus der Stiftung."
            ),
        },
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Route en etappes",
                    "de": "Strecke und Etappen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De eerste etappe voert over het knooppuntennetwerk door Overijssel naar "
                        "een overnachtingsadres net over de grens. De tweede dag volgen we Duitse "
                        "themaroutes door het Münsterland, tot aan de finish in Clarholz.",
                        "Elke etappe is ongeveer honderd kilometer lang, in een rustig tempo en "
                        "met genoeg pauzes. Een e-bike is dus geen overbodige luxe. Fietsers uit "
                        "Herzebrock-Clarholz rijden vanaf de grens mee.",
                    ],
                    "de": [
                        "Die erste Etappe führt über das Knotenpunktnetz durch Overijssel zu einer "
                        "Unterkunft kurz hinter der Grenze. Am zweiten Tag folgen wir deutschen "
                        "Themenrouten durch das Münsterland bis zum Ziel in Clarholz.",
                        "Jede Etappe ist etwa hundert Kilometer lang, in ruhigem Tempo und mit "
                        "genügend Pausen. Ein E-Bike ist also kein überflüssiger Luxus. "
                        "Radfahrerinnen und Radfahrer aus Herzebrock-Clarholz fahren ab der Grenze "
                        "mit.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "De vorige keer fietste ik mee op een gewone fiets. Dit keer neem ik "
                            "de e-bike, en ik weet inmiddels hoe je in het Duits om een pleister "
                            "en een bandenplakset vraagt."
                        ),
                        "de": (
                            "Beim letzten Mal bin ich mit einem normalen Rad mitgefahren. Diesmal "
                            "nehme ich das E-Bike, und ich weiß inzwischen, wie man auf Deutsch "
                            "nach einem Pflaster und einem Flickzeug fragt."
                        ),
                    },
                    "attribution": {
                        "nl": "Johan, fietser uit Giethoorn",
                        "de": "Johan, Radfahrer aus Giethoorn",
                    },
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "internationale-gastendag-giethoorn",
            "de": "internationaler-gaestetag-giethoorn",
        },
        "title": {
            "nl": "Internationale gastendag in Giethoorn (in het Engels)",
            "de": "Internationaler Gästetag in Giethoorn (auf Englisch)",
        },
        "intro": {
            "nl": (
                "Gasten uit andere Europese gemeenten met een stedenband maken kennis met de "
                "jumelage tussen Steenwijkerland en Herzebrock-Clarholz. Omdat niet iedereen "
                "Nederlands of Duits spreekt, is de voertaal Engels."
            ),
            "de": (
                "Gäste aus anderen europäischen Gemeinden mit einer Städtepartnerschaft lernen die "
                "Partnerschaft zwischen Steenwijkerland und Herzebrock-Clarholz kennen. Weil nicht "
                "alle Niederländisch oder Deutsch sprechen, ist die Sprache des Tages Englisch."
            ),
        },
        "search_description": {
            "nl": (
                "Internationale gastendag in Giethoorn voor gasten uit Europese partnergemeenten: "
                "presentaties over de jumelage, een rondvaart en online deelname, in het Engels."
            ),
            "de": (
                "Internationaler Gästetag in Giethoorn für Gäste aus europäischen Partnergemeinden: "
                "Vorträge über die Partnerschaft, eine Bootsfahrt und Online-Teilnahme, auf "
                "Englisch."
            ),
        },
        "days_from_now": 98,
        "start": "10:00",
        "duration_minutes": 390,
        "format": "hybrid",
        "place_name": {"nl": "Dorpshuis Giethoorn", "de": "Dorfgemeinschaftshaus Giethoorn"},
        "town": "steenwijkerland",
        "online_url": "https://video.jumelage.example/international-guest-day",
        "spoken_language": "en",
        "organiser": FOUNDATIONS,
        "capacity": 35,
        "registration_days_before": 10,
        "sectors": ["recreatie-en-toerisme"],
        "notice": {
            "nl": (
                "De rondvaart gaat met een fluisterboot die plaats biedt aan een rolstoel; laat het "
                "de organisatie weten als u die plek nodig heeft."
            ),
            "de": (
                "Die Bootsfahrt findet in einem Flüsterboot statt, das Platz für einen Rollstuhl "
                "bietet; sagen Sie den Veranstaltern Bescheid, wenn Sie diesen Platz brauchen."
            ),
        },
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Programma voor internationale gasten",
                    "de": "Programm für internationale Gäste",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "'s Ochtends vertellen vrijwilligers van beide stichtingen hoe de jumelage "
                        "na de coronajaren een nieuwe vorm kreeg, met sectorgemeenschappen en "
                        "online bijeenkomsten. Deze presentaties zijn ook online te volgen.",
                        "'s Middags maken de gasten in Giethoorn een rondvaart en praten ze met "
                        "ondernemers over gastvrijheid in een druk bezocht dorp. Tot slot wisselen "
                        "we ervaringen uit met de stedenbanden waar de gasten vandaan komen.",
                    ],
                    "de": [
                        "Am Vormittag erzählen Ehrenamtliche beider Stiftungen, wie die "
                        "Partnerschaft nach den Corona-Jahren eine neue Form bekam, mit Fachgruppen "
                        "und Online-Treffen. Diese Vorträge lassen sich auch online verfolgen.",
                        "Am Nachmittag machen die Gäste in Giethoorn eine Bootsfahrt und sprechen "
                        "mit Betrieben über Gastfreundschaft in einem viel besuchten Dorf. Zum "
                        "Schluss tauschen wir Erfahrungen mit den Städtepartnerschaften aus, aus "
                        "denen die Gäste kommen.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "online-raadsgesprek-wonen-in-kleine-kernen",
            "de": "online-ratsgespraech-wohnen-in-kleinen-ortsteilen",
        },
        "title": {
            "nl": "Online raadsgesprek: wonen in kleine kernen",
            "de": "Online-Ratsgespräch: Wohnen in kleinen Ortsteilen",
        },
        "intro": {
            "nl": (
                "Hoe bouw je in een dorp voor starters en ouderen zonder dat het zijn karakter "
                "verliest? Raadsleden uit beide gemeenten vergelijken hun aanpak."
            ),
            "de": (
                "Wie baut man in einem Dorf für junge Leute und Ältere, ohne dass es seinen "
                "Charakter verliert? Ratsmitglieder aus beiden Gemeinden vergleichen ihre Ansätze."
            ),
        },
        "search_description": {
            "nl": (
                "Online gesprek tussen raadsleden uit Steenwijkerland en Herzebrock-Clarholz over "
                "woningbouw in kleine kernen; inwoners kunnen meekijken."
            ),
            "de": (
                "Online-Gespräch zwischen Ratsmitgliedern aus Steenwijkerland und "
                "Herzebrock-Clarholz über Wohnungsbau in kleinen Ortsteilen; Bürgerinnen und "
                "Bürger können zuschauen."
            ),
        },
        "days_from_now": 112,
        "start": "19:30",
        "duration_minutes": 90,
        "format": "online",
        "online_url": "https://video.jumelage.example/raadsgesprek-wonen",
        "spoken_language": "nl-de",
        "organiser": COUNCILS,
        "capacity": 30,
        "registration_days_before": 2,
        "sectors": ["gemeenteraden"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Twee voorbeelden, één vraag",
                    "de": "Zwei Beispiele, eine Frage",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Uit Steenwijkerland komt het voorbeeld van een kleine woonwijk aan de "
                        "rand van een dorp, waar starters en ouderen naast elkaar wonen. Uit "
                        "Herzebrock-Clarholz komt het voorbeeld van een oude boerderij die tot "
                        "appartementen is verbouwd.",
                        "Daarna bespreken de raadsleden wat zij van elkaar kunnen leren. Inwoners "
                        "kijken mee en kunnen in de chat vragen stellen; er zijn dertig plaatsen.",
                    ],
                    "de": [
                        "Aus Steenwijkerland kommt das Beispiel einer kleinen Siedlung am "
                        "Dorfrand, in der junge Leute und Ältere Tür an Tür wohnen. Aus "
                        "Herzebrock-Clarholz kommt das Beispiel eines alten Bauernhofs, der zu "
                        "Wohnungen umgebaut wurde.",
                        "Danach besprechen die Ratsmitglieder, was sie voneinander lernen können. "
                        "Bürgerinnen und Bürger schauen zu und können im Chat Fragen stellen; es "
                        "gibt dreißig Plätze.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "jaarvergadering-blokzijl",
            "de": "jahresversammlung-blokzijl",
        },
        "title": {
            "nl": "Jaarvergadering van de jumelagestichtingen in Blokzijl",
            "de": "Jahresversammlung der Partnerschaftsstiftungen in Blokzijl",
        },
        "intro": {
            "nl": (
                "Beide stichtingen blikken samen terug op het afgelopen jaar, presenteren het "
                "jaarverslag en de plannen, en horen graag wat leden en inwoners ervan vinden."
            ),
            "de": (
                "Beide Stiftungen blicken gemeinsam auf das vergangene Jahr zurück, stellen den "
                "Jahresbericht und die Pläne vor und hören gern, was Mitglieder und Bürgerschaft "
                "davon halten."
            ),
        },
        "search_description": {
            "nl": (
                "Gezamenlijke jaarvergadering van de jumelagestichtingen van Steenwijkerland en "
                "Herzebrock-Clarholz, in Blokzijl en online."
            ),
            "de": (
                "Gemeinsame Jahresversammlung der Partnerschaftsstiftungen von Steenwijkerland und "
                "Herzebrock-Clarholz, in Blokzijl und online."
            ),
        },
        "days_from_now": 127,
        "start": "19:30",
        "duration_minutes": 120,
        "format": "hybrid",
        "place_name": {
            "nl": "Ontmoetingscentrum in Blokzijl",
            "de": "Begegnungszentrum in Blokzijl",
        },
        "town": "steenwijkerland",
        "online_url": "https://video.jumelage.example/jaarvergadering-blokzijl",
        "spoken_language": "nl-de",
        "organiser": FOUNDATIONS,
        "capacity": None,
        "registration_days_before": 3,
        "sectors": ALL_SECTORS,
        "notice": {
            "nl": (
                "Uit Herzebrock-Clarholz rijdt een bus naar Blokzijl; plaatsen reserveert u bij de "
                "partnerstichting. Het ontmoetingscentrum is gelijkvloers en met een rolstoel "
                "bereikbaar."
            ),
            "de": (
                "Aus Herzebrock-Clarholz fährt ein Bus nach Blokzijl; Plätze reservieren Sie bei "
                "der Partnerstiftung. Das Begegnungszentrum ist ebenerdig und mit dem Rollstuhl "
                "erreichbar."
            ),
        },
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Agenda van de jaarvergadering",
                    "de": "Tagesordnung der Jahresversammlung",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het jaarverslag van beide stichtingen, met de bijeenkomsten, bezoeken en "
                        "verhalen van het afgelopen jaar.",
                        "De coördinatoren van de sectorgemeenschappen vertellen wat er in hun "
                        "gemeenschap is gebeurd en wat zij het komende jaar willen doen.",
                        "De plannen en de begroting voor het nieuwe jaar, en ruimte voor ideeën "
                        "van leden en inwoners, in de zaal en online.",
                    ],
                    "de": [
                        "Der Jahresbericht beider Stiftungen mit den Treffen, Besuchen und "
                        "Berichten des vergangenen Jahres.",
                        "Die Koordinierenden der Fachgruppen erzählen, was in ihrer Gruppe "
                        "geschehen ist und was sie im kommenden Jahr vorhaben.",
                        "Die Pläne und der Haushalt für das neue Jahr sowie Raum für Ideen von "
                        "Mitgliedern und Bürgerschaft, im Saal und online.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {"nl": "jumelagemarkt-herzebrock", "de": "partnerschaftsmarkt-herzebrock"},
        "title": {
            "nl": "Jumelagemarkt in Herzebrock",
            "de": "Partnerschaftsmarkt in Herzebrock",
        },
        "intro": {
            "nl": (
                "Kramen uit Steenwijkerland en Herzebrock-Clarholz op één plein: streekproducten, "
                "verenigingen, de sectorgemeenschappen en muziek van beide kanten van de grens."
            ),
            "de": (
                "Stände aus Steenwijkerland und Herzebrock-Clarholz auf einem Platz: regionale "
                "Produkte, Vereine, die Fachgruppen und Musik von beiden Seiten der Grenze."
            ),
        },
        "search_description": {
            "nl": (
                "Jumelagemarkt op het marktplein van Herzebrock met streekproducten, verenigingen "
                "en muziek uit Steenwijkerland en Herzebrock-Clarholz."
            ),
            "de": (
                "Partnerschaftsmarkt auf dem Marktplatz in Herzebrock mit regionalen Produkten, "
                "Vereinen und Musik aus Steenwijkerland und Herzebrock-Clarholz."
            ),
        },
        "days_from_now": 141,
        "start": "10:00",
        "duration_minutes": 420,
        "format": "in_person",
        "place_name": {"nl": "Marktplein in Herzebrock", "de": "Marktplatz in Herzebrock"},
        "town": "herzebrock-clarholz",
        "spoken_language": "nl-de",
        "organiser": {
            "nl": "Partnerstichting in Herzebrock-Clarholz",
            "de": "Partnerstiftung in Herzebrock-Clarholz",
        },
        "capacity": None,
        "registration_days_before": None,
        "sectors": ["recreatie-en-toerisme", "agrarische-sector", "inclusieve-samenleving"],
        "notice": {
            "nl": (
                "Voor inwoners van Steenwijkerland rijdt een bus vanaf Steenwijk; meld u daarvoor "
                "aan bij de Stichting Jumelage Herzebrock-Clarholz. Voor de markt zelf hoeft u "
                "zich niet aan te melden."
            ),
            "de": (
                "Für Menschen aus Steenwijkerland fährt ein Bus ab Steenwijk; dafür melden Sie "
                "sich bei der Stichting Jumelage Herzebrock-Clarholz an. Für den Markt selbst ist "
                "keine Anmeldung nötig."
            ),
        },
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Kramen, proeverijen en muziek",
                    "de": "Stände, Kostproben und Musik",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Boeren uit Steenwijkerland verkopen kaas en andere zuivel, Westfaalse "
                        "bedrijven hun worst, brood en honing. Verenigingen uit beide gemeenten "
                        "laten zien wat ze doen, en de sectorgemeenschappen hebben een "
                        "gezamenlijke kraam waar u zich kunt aansluiten.",
                        "Op het podium spelen muzikanten uit beide gemeenten. Voor kinderen is er "
                        "een hoek waar ze spelenderwijs een paar woorden van de buurtaal leren.",
                    ],
                    "de": [
                        "Höfe aus Steenwijkerland verkaufen Käse und andere Milchprodukte, "
                        "westfälische Betriebe ihre Wurst, ihr Brot und ihren Honig. Vereine aus "
                        "beiden Gemeinden zeigen, was sie tun, und die Fachgruppen haben einen "
                        "gemeinsamen Stand, an dem Sie sich anschließen können.",
                        "Auf der Bühne spielen Musikerinnen und Musiker aus beiden Gemeinden. Für "
                        "Kinder gibt es eine Ecke, in der sie spielerisch ein paar Wörter der "
                        "Nachbarsprache lernen.",
                    ],
                },
            ),
        ],
    },
    # Past meetings
    {
        "slug": {
            "nl": "zonnepanelen-op-stallen-en-schuren",
            "de": "solarmodule-auf-staellen-und-scheunen",
        },
        "title": {
            "nl": "Online kennissessie: zonnepanelen op stallen en schuren",
            "de": "Online-Wissensabend: Solarmodule auf Ställen und Scheunen",
        },
        "intro": {
            "nl": (
                "Boeren uit beide gemeenten vertelden hoe zij hun staldaken gebruiken voor "
                "zonnestroom, en waar ze tegenaan liepen: asbest, een vol stroomnet en de "
                "verzekering."
            ),
            "de": (
                "Landwirte aus beiden Gemeinden berichteten, wie sie ihre Stalldächer für "
                "Solarstrom nutzen und worauf sie dabei gestoßen sind: Asbest, ein ausgelastetes "
                "Stromnetz und die Versicherung."
            ),
        },
        "search_description": {
            "nl": (
                "Terugblik op de online kennissessie over zonnepanelen op stallen en schuren in "
                "Steenwijkerland en Herzebrock-Clarholz."
            ),
            "de": (
                "Rückblick auf den Online-Wissensabend über Solarmodule auf Ställen und Scheunen in "
                "Steenwijkerland und Herzebrock-Clarholz."
            ),
        },
        "days_from_now": -23,
        "start": "20:00",
        "duration_minutes": 90,
        "format": "online",
        "online_url": "https://video.jumelage.example/zonnepanelen-op-stallen",
        "spoken_language": "nl-de",
        "organiser": CLIMATE,
        "capacity": None,
        "registration_days_before": 1,
        "sectors": ["duurzaamheid-en-klimaat", "agrarische-sector"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Wat we bespraken",
                    "de": "Was wir besprochen haben",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een melkveehouder uit Steenwijkerland liet zien hoe hij bij het vervangen "
                        "van een asbestdak meteen zonnepanelen legde, maar daarna maandenlang moest "
                        "wachten op een aansluiting op het volle stroomnet. Een varkenshouder uit "
                        "Herzebrock vertelde hoe hij de stroom deels zelf gebruikt en deels levert "
                        "aan de energiecoöperatie in het dorp.",
                        "Ruim dertig deelnemers stelden vragen over vergunningen, brandveiligheid "
                        "en verzekering. Vragen die bleven liggen, komen terug op een van de "
                        "volgende avonden.",
                    ],
                    "de": [
                        "Ein Milchviehhalter aus Steenwijkerland zeigte, wie er beim Austausch "
                        "eines Asbestdachs gleich Solarmodule verlegt hat, danach aber monatelang "
                        "auf einen Anschluss an das ausgelastete Stromnetz warten musste. Ein "
                        "Schweinehalter aus Herzebrock erzählte, wie er den Strom teils selbst "
                        "nutzt und teils an die Energiegenossenschaft im Dorf liefert.",
                        "Mehr als dreißig Teilnehmende stellten Fragen zu Genehmigungen, "
                        "Brandschutz und Versicherung. Offene Fragen greifen wir an einem der "
                        "nächsten Abende wieder auf.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "kennismakingstocht-recreatieondernemers-weerribben",
            "de": "kennenlernfahrt-tourismusbetriebe-weerribben",
        },
        "title": {
            "nl": "Kennismakingstocht voor recreatieondernemers in de Weerribben",
            "de": "Kennenlernfahrt für Tourismusbetriebe in die Weerribben",
        },
        "intro": {
            "nl": (
                "Ondernemers uit Herzebrock-Clarholz keken een dag rond bij campings, "
                "botenverhuurders en bed-and-breakfasts in de Weerribben en rond Kalenberg."
            ),
            "de": (
                "Betriebe aus Herzebrock-Clarholz schauten sich einen Tag lang bei Campingplätzen, "
                "Bootsverleihen und Pensionen in den Weerribben und rund um Kalenberg um."
            ),
        },
        "search_description": {
            "nl": (
                "Terugblik op de kennismakingstocht van recreatieondernemers uit "
                "Herzebrock-Clarholz in de Weerribben."
            ),
            "de": (
                "Rückblick auf die Kennenlernfahrt von Tourismusbetrieben aus Herzebrock-Clarholz "
                "in die Weerribben."
            ),
        },
        "days_from_now": -61,
        "start": "09:30",
        "duration_minutes": 480,
        "format": "in_person",
        "place_name": {
            "nl": "Bezoekerscentrum in de Weerribben",
            "de": "Besucherzentrum in den Weerribben",
        },
        "town": "steenwijkerland",
        "spoken_language": "nl-de",
        "organiser": TOURISM,
        "capacity": 20,
        "registration_days_before": 7,
        "sectors": ["recreatie-en-toerisme"],
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Een dag bij de buren",
                    "de": "Ein Tag bei den Nachbarn",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De groep begon in het bezoekerscentrum met uitleg over het nationaal park "
                        "en over het evenwicht tussen natuur en bezoekers. Daarna voer ze met "
                        "sloepen naar Kalenberg, waar een camping en een botenverhuurder vertelden "
                        "hoe zij hun gasten over het seizoen spreiden.",
                        "Aan het eind van de dag nodigden de Duitse ondernemers hun Nederlandse "
                        "collega's uit voor een tegenbezoek in Herzebrock-Clarholz.",
                    ],
                    "de": [
                        "Die Gruppe begann im Besucherzentrum mit einer Einführung in den "
                        "Nationalpark und in das Gleichgewicht zwischen Natur und Besuchern. "
                        "Danach fuhr sie mit Booten nach Kalenberg, wo ein Campingplatz und ein "
                        "Bootsverleih erzählten, wie sie ihre Gäste über die Saison verteilen.",
                        "Am Ende des Tages luden die deutschen Betriebe ihre niederländischen "
                        "Kolleginnen und Kollegen zu einem Gegenbesuch nach Herzebrock-Clarholz ein.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "klassenbezoek-regenmeters-steenwijk",
            "de": "klassenbesuch-regenmesser-steenwijk",
        },
        "title": {
            "nl": "Klassenbezoek in Steenwijk: schoolpleinen die regen vasthouden",
            "de": "Klassenbesuch in Steenwijk: Schulhöfe, die Regen zurückhalten",
        },
        "intro": {
            "nl": (
                "Na een half jaar regen meten op het eigen schoolplein kwam een zesde klas uit "
                "Herzebrock-Clarholz naar Steenwijk. Samen met groep 8 ontwierpen de leerlingen een "
                "schoolplein dat regenwater vasthoudt."
            ),
            "de": (
                "Nach einem halben Jahr Regenmessen auf dem eigenen Schulhof kam eine sechste Klasse "
                "aus Herzebrock-Clarholz nach Steenwijk. Gemeinsam mit der Abschlussklasse (groep 8) "
                "entwarfen die Kinder einen Schulhof, der Regenwasser zurückhält."
            ),
        },
        "search_description": {
            "nl": (
                "Terugblik op het bezoek van een schoolklas uit Herzebrock-Clarholz aan een "
                "basisschool in Steenwijk, over regen en groene schoolpleinen."
            ),
            "de": (
                "Rückblick auf den Besuch einer Schulklasse aus Herzebrock-Clarholz an einer "
                "Grundschule in Steenwijk, zu Regen und grünen Schulhöfen."
            ),
        },
        "days_from_now": -219,
        "start": "09:00",
        "duration_minutes": 360,
        "format": "in_person",
        "place_name": {"nl": "Basisschool in Steenwijk", "de": "Grundschule in Steenwijk"},
        "town": "steenwijkerland",
        "spoken_language": "nl-de",
        "organiser": {
            "nl": "Twee basisscholen en de sectorgemeenschap duurzaamheid en klimaat",
            "de": "Zwei Grundschulen und die Fachgruppe Nachhaltigkeit und Klima",
        },
        "capacity": 10,
        "registration_days_before": 7,
        "sectors": ["duurzaamheid-en-klimaat"],
        "notice": {
            "nl": (
                "Begeleiders uit Nederland hadden een verklaring omtrent het gedrag (VOG) nodig, "
                "begeleiders uit Duitsland een uitgebreid Führungszeugnis."
            ),
            "de": (
                "Begleitpersonen aus den Niederlanden brauchten eine Verhaltensbescheinigung (VOG), "
                "Begleitpersonen aus Deutschland ein erweitertes Führungszeugnis."
            ),
        },
        "report_story": "schoolklassen-meten-de-regen",
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Hulp van ouders en vrijwilligers",
                    "de": "Hilfe von Eltern und Ehrenamtlichen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Voor deze dag zochten de scholen tien begeleiders: ouders en vrijwilligers "
                        "die de gemengde groepjes hielpen en waar nodig tussen Nederlands en Duits "
                        "vertaalden.",
                        "De dag begon op het groene schoolplein en eindigde met een presentatie van "
                        "de ontwerpen. Hoe het ging, leest u in het verhaal over de twee klassen.",
                    ],
                    "de": [
                        "Für diesen Tag suchten die Schulen zehn Begleitpersonen: Eltern und "
                        "Ehrenamtliche, die den gemischten Gruppen halfen und bei Bedarf zwischen "
                        "Niederländisch und Deutsch übersetzten.",
                        "Der Tag begann auf dem grünen Schulhof und endete mit einer Vorstellung der "
                        "Entwürfe. Wie es lief, lesen Sie im Bericht über die beiden Klassen.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {"nl": "jaarvergadering-clarholz", "de": "jahresversammlung-clarholz"},
        "title": {
            "nl": "Jaarvergadering van de jumelagestichtingen in Clarholz",
            "de": "Jahresversammlung der Partnerschaftsstiftungen in Clarholz",
        },
        "intro": {
            "nl": (
                "In Clarholz blikten de stichtingen terug op het jaar en presenteerden ze hun "
                "plannen, met leden in de zaal en online. Aan de orde kwamen onder meer een nieuwe "
                "fietstocht en het taalcafé."
            ),
            "de": (
                "In Clarholz blickten die Stiftungen auf das Jahr zurück und stellten ihre Pläne "
                "vor, mit Mitgliedern im Saal und online. Auf der Tagesordnung standen unter "
                "anderem eine neue Radtour und das Sprachcafé."
            ),
        },
        "search_description": {
            "nl": (
                "Terugblik op de jaarvergadering van de jumelagestichtingen in Clarholz, in de zaal "
                "en online."
            ),
            "de": (
                "Rückblick auf die Jahresversammlung der Partnerschaftsstiftungen in Clarholz, im "
                "Saal und online."
            ),
        },
        "days_from_now": -238,
        "start": "19:30",
        "duration_minutes": 120,
        "format": "hybrid",
        "place_name": {"nl": "Bürgerhaus Clarholz", "de": "Bürgerhaus Clarholz"},
        "town": "herzebrock-clarholz",
        "online_url": "https://video.jumelage.example/jaarvergadering-clarholz",
        "spoken_language": "nl-de",
        "organiser": FOUNDATIONS,
        "capacity": None,
        "registration_days_before": 3,
        "sectors": ALL_SECTORS,
        "translated": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Besproken en afgesproken",
                    "de": "Besprochen und vereinbart",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De stichtingen presenteerden hun jaarverslagen en lieten zien hoeveel "
                        "bijeenkomsten er online en op locatie waren geweest. Leden vroegen om meer "
                        "kleine bijeenkomsten, zoals een taalcafé met een handvol deelnemers.",
                        "Afgesproken werd de jaarlijkse fietstocht in te korten tot twee dagen, "
                        "zodat meer mensen kunnen meedoen, en de volgende jaarvergadering in "
                        "Blokzijl te houden.",
                    ],
                    "de": [
                        "Die Stiftungen stellten ihre Jahresberichte vor und zeigten, wie viele "
                        "Treffen online und vor Ort stattgefunden hatten. Mitglieder wünschten sich "
                        "mehr kleine Formate, etwa ein Sprachcafé mit einer Handvoll Teilnehmender.",
                        "Vereinbart wurde, die jährliche Radtour auf zwei Tage zu verkürzen, damit "
                        "mehr Menschen mitfahren können, und die nächste Jahresversammlung in "
                        "Blokzijl abzuhalten.",
                    ],
                },
            ),
        ],
    },
]
