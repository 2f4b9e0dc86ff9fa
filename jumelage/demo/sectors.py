"""Demo content for the sector communities, in Dutch and German.

Data only. The five sectors are the ones named in the municipal information note of December 2021
(see `seed/`); the coordinators and the residents quoted here are fictional. Every Dutch text maps
to one German text across all demo modules, because the demo loader translates by that mapping.
"""

SECTOR_INDEX = {
    "slug": {"nl": "sectoren", "de": "fachgruppen"},
    "title": {"nl": "Sectorgemeenschappen", "de": "Fachgruppen"},
    "intro": {
        "nl": (
            "In de sectorgemeenschappen delen inwoners, ondernemers, verenigingen en bestuurders "
            "uit Steenwijkerland en Herzebrock-Clarholz kennis over één thema. Kies een "
            "gemeenschap, kijk wie haar coördineert en sluit aan."
        ),
        "de": (
            "In den Fachgruppen teilen Menschen aus Bürgerschaft, Wirtschaft, Vereinen und Politik "
            "in Steenwijkerland und Herzebrock-Clarholz ihr Wissen zu einem Thema. Wählen Sie eine "
            "Gruppe, sehen Sie nach, wer sie koordiniert, und machen Sie mit."
        ),
    },
    "search_description": {
        "nl": (
            "De sectorgemeenschappen van de jumelage Steenwijkerland – Herzebrock-Clarholz: "
            "duurzaamheid en klimaat, recreatie en toerisme, de agrarische sector, de gemeenteraden "
            "en een inclusieve samenleving."
        ),
        "de": (
            "Die Fachgruppen der Partnerschaft Steenwijkerland – Herzebrock-Clarholz: "
            "Nachhaltigkeit und Klima, Freizeit und Tourismus, Landwirtschaft, die Gemeinderäte und "
            "eine inklusive Gesellschaft."
        ),
    },
}


SECTORS = [
    {
        "slug": {"nl": "duurzaamheid-en-klimaat", "de": "nachhaltigkeit-und-klima"},
        "title": {"nl": "Duurzaamheid en klimaat", "de": "Nachhaltigkeit und Klima"},
        "purpose": {
            "nl": (
                "Samen leren hoe twee plattelandsgemeenten hun klimaatopgaven aanpakken: energie, "
                "water en een leefomgeving die tegen een stootje kan."
            ),
            "de": (
                "Gemeinsam lernen, wie zwei ländliche Gemeinden ihre Klimaaufgaben angehen: "
                "Energie, Wasser und ein Lebensumfeld, das für die Zukunft gewappnet ist."
            ),
        },
        "intro": {
            "nl": (
                "Steenwijkerland ligt laag, tussen meren, veen en polders. Herzebrock-Clarholz ligt "
                "in het vlakke Westfaalse land tussen akkers, houtwallen en beken. Beide gemeenten "
                "werken aan schone energie en aan dorpen die bestand zijn tegen droogte en "
                "wateroverlast; in deze gemeenschap leert u van de aanpak aan de andere kant van de "
                "grens."
            ),
            "de": (
                "Steenwijkerland liegt tief, zwischen Seen, Moor und Poldern. Herzebrock-Clarholz "
                "liegt im flachen westfälischen Land zwischen Äckern, Wallhecken und Bächen. Beide "
                "Gemeinden arbeiten an sauberer Energie und an Orten, die Trockenheit und "
                "Starkregen standhalten; in dieser Fachgruppe lernen Sie, wie man es jenseits der "
                "Grenze angeht."
            ),
        },
        "search_description": {
            "nl": (
                "Sectorgemeenschap duurzaamheid en klimaat: energiecoöperaties, klimaatadaptatie "
                "en water in Steenwijkerland en Herzebrock-Clarholz."
            ),
            "de": (
                "Fachgruppe Nachhaltigkeit und Klima: Energiegenossenschaften, Klimaanpassung und "
                "Wasser in Steenwijkerland und Herzebrock-Clarholz."
            ),
        },
        "image": "solar",
        "image_alt": {
            "nl": "Illustratie: rijen zonnepanelen in een weiland, met een dorp aan de horizon",
            "de": "Illustration: Reihen von Solarmodulen auf einer Wiese, am Horizont ein Dorf",
        },
        "body": [
            (
                "heading",
                {
                    "nl": "Wat deze gemeenschap doet",
                    "de": "Was diese Fachgruppe macht",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De gemeenschap brengt mensen samen die in hun dorp, bedrijf of vereniging "
                        "met de energietransitie en met klimaatadaptatie bezig zijn: leden van "
                        "energiecoöperaties, vrijwilligers van buurtinitiatieven, ondernemers, "
                        "medewerkers van de gemeente en geïnteresseerde inwoners.",
                        "Het doel is niet om elkaars aanpak over te nemen, maar om te zien wat "
                        "werkt en waarom. Regels en subsidies verschillen tussen Nederland en "
                        "Duitsland; de vragen waarvoor de dorpen staan, lijken verrassend veel op "
                        "elkaar.",
                    ],
                    "de": [
                        "Die Fachgruppe bringt Menschen zusammen, die sich in ihrem Dorf, Betrieb "
                        "oder Verein mit der Energiewende und der Anpassung an den Klimawandel "
                        "beschäftigen: Mitglieder von Energiegenossenschaften, Ehrenamtliche aus "
                        "Nachbarschaftsinitiativen, Unternehmerinnen und Unternehmer, "
                        "Beschäftigte der Gemeindeverwaltung und interessierte Bürgerinnen und "
                        "Bürger.",
                        "Es geht nicht darum, die Lösungen der anderen zu übernehmen, sondern zu "
                        "sehen, was funktioniert und warum. Regeln und Förderprogramme "
                        "unterscheiden sich zwischen den Niederlanden und Deutschland; die Fragen, "
                        "vor denen die Dörfer stehen, ähneln sich dagegen erstaunlich.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Waar we het over hebben",
                    "de": "Worüber wir sprechen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Energie: hoe richt je een energiecoöperatie op, hoe houd je de opbrengst "
                        "van zon en wind in het dorp, en hoe maak je oude huizen zuiniger?",
                        "Water: hoe vang je hevige regenbuien op, hoe kom je droge zomers door, en "
                        "wat betekent het waterpeil voor natuur, landbouw en wonen?",
                        "Leefomgeving: groene schoolpleinen, bomen in de dorpskern en tuinen die "
                        "regenwater vasthouden in plaats van het af te voeren.",
                    ],
                    "de": [
                        "Energie: Wie gründet man eine Energiegenossenschaft, wie bleiben die "
                        "Erträge aus Sonne und Wind im Dorf, und wie werden alte Häuser sparsamer?",
                        "Wasser: Wie fängt man Starkregen auf, wie kommt man durch trockene Sommer, "
                        "und was bedeutet der Wasserstand für Natur, Landwirtschaft und Wohnen?",
                        "Lebensumfeld: grüne Schulhöfe, Bäume im Ortskern und Gärten, die "
                        "Regenwasser zurückhalten, statt es abzuleiten.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Online avonden en excursies",
                    "de": "Online-Abende und Exkursionen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een paar keer per jaar is er een online avond van anderhalf uur, meestal "
                        "rond één vraag, met een korte inleiding uit elk land. Eens per jaar gaat "
                        "een groep op bezoek bij de buren om projecten met eigen ogen te bekijken.",
                        "Wie een project wil laten zien, een vraag heeft of een spreker weet, kan "
                        "dat bij de coördinatoren aangeven. De onderwerpen komen uit de groep "
                        "zelf.",
                    ],
                    "de": [
                        "Einige Male im Jahr gibt es einen Online-Abend von anderthalb Stunden, "
                        "meist zu einer einzigen Frage, mit einem kurzen Impuls aus jedem Land. "
                        "Einmal im Jahr besucht eine Gruppe die Nachbarn, um sich Projekte mit "
                        "eigenen Augen anzusehen.",
                        "Wer ein Projekt zeigen möchte, eine Frage hat oder jemanden für einen "
                        "Vortrag kennt, meldet sich bei den Koordinierenden. Die Themen kommen aus "
                        "der Gruppe selbst.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Aansluiten bij duurzaamheid en klimaat",
                    "de": "Bei Nachhaltigkeit und Klima mitmachen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Maak een account aan op het platform en klik op deze pagina op ‘Lid "
                        "worden van deze gemeenschap’. U kunt zich dan aanmelden voor de "
                        "bijeenkomsten en zelf een onderwerp of een excursie voorstellen. "
                        "Voorkennis is niet nodig; nieuwsgierigheid wel.",
                    ],
                    "de": [
                        "Legen Sie ein Konto auf der Plattform an und klicken Sie auf dieser Seite "
                        "auf „Dieser Fachgruppe beitreten“. Dann können Sie sich zu den Treffen "
                        "anmelden und selbst ein Thema oder eine Exkursion vorschlagen. Vorwissen "
                        "brauchen Sie nicht, Neugier schon.",
                    ],
                },
            ),
        ],
        "coordinators": [
            {
                "name": "Marieke Bosma",
                "town": "steenwijkerland",
                "role": {
                    "nl": "coördinator Steenwijkerland, duurzaamheid en klimaat",
                    "de": "Koordinatorin Steenwijkerland, Nachhaltigkeit und Klima",
                },
            },
            {
                "name": "Jonas Wiemann",
                "town": "herzebrock-clarholz",
                "role": {
                    "nl": "coördinator Herzebrock-Clarholz, duurzaamheid en klimaat",
                    "de": "Koordinator Herzebrock-Clarholz, Nachhaltigkeit und Klima",
                },
            },
        ],
    },
    {
        "slug": {"nl": "recreatie-en-toerisme", "de": "freizeit-und-tourismus"},
        "title": {"nl": "Recreatie en toerisme", "de": "Freizeit und Tourismus"},
        "purpose": {
            "nl": (
                "Twee streken om te ontdekken: ondernemers, gidsen en verenigingen delen ervaring "
                "met gastvrijheid, fietsen en varen."
            ),
            "de": (
                "Zwei Regionen zum Entdecken: Betriebe, Gästeführer und Vereine teilen ihre "
                "Erfahrung mit Gastfreundschaft, Radfahren und Wassersport."
            ),
        },
        "intro": {
            "nl": (
                "Steenwijkerland trekt bezoekers met Giethoorn, het Nationaal Park "
                "Weerribben-Wieden en de vestingstad Steenwijk. Herzebrock-Clarholz ligt op de "
                "overgang van het Münsterland naar Oost-Westfalen, een streek van vlakke "
                "fietsroutes, kloosters en boerderijcafés. Deze gemeenschap maakt van de buren een "
                "bestemming, en van bezoekers gasten."
            ),
            "de": (
                "Steenwijkerland lockt Gäste mit Giethoorn, dem Nationalpark Weerribben-Wieden und "
                "der Festungsstadt Steenwijk. Herzebrock-Clarholz liegt am Übergang vom Münsterland "
                "nach Ostwestfalen, einer Gegend mit flachen Radwegen, Klöstern und Hofcafés. Diese "
                "Fachgruppe macht die Nachbarn zum Reiseziel und Besucher zu Gästen."
            ),
        },
        "search_description": {
            "nl": (
                "Sectorgemeenschap recreatie en toerisme: fietsen, varen en gastvrijheid in "
                "Steenwijkerland en Herzebrock-Clarholz, van Giethoorn tot het Münsterland."
            ),
            "de": (
                "Fachgruppe Freizeit und Tourismus: Radfahren, Wassersport und Gastfreundschaft in "
                "Steenwijkerland und Herzebrock-Clarholz, von Giethoorn bis ins Münsterland."
            ),
        },
        "image": "boats",
        "image_alt": {
            "nl": "Illustratie: sloepen op een smalle vaart tussen rietkragen en rieten daken",
            "de": "Illustration: Boote auf einem schmalen Kanal zwischen Schilf und Reetdächern",
        },
        "body": [
            (
                "heading",
                {
                    "nl": "Gastvrij aan beide kanten van de grens",
                    "de": "Gastfreundlich auf beiden Seiten der Grenze",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "In deze gemeenschap ontmoeten elkaar eigenaren van campings, "
                        "bed-and-breakfasts en botenverhuur, gidsen, medewerkers van "
                        "toeristische informatiepunten en vrijwilligers van fiets- en "
                        "watersportverenigingen.",
                        "Ze wisselen uit wat gasten zoeken en hoe je ze goed ontvangt, ook in de "
                        "taal van de buren. En ze zetten samen activiteiten op waarmee inwoners de "
                        "partnergemeente leren kennen: van fietstochten tot kanotochten.",
                    ],
                    "de": [
                        "In dieser Fachgruppe treffen sich Betreiberinnen und Betreiber von "
                        "Campingplätzen, Ferienwohnungen und Bootsverleihen, Gästeführerinnen und "
                        "Gästeführer, Beschäftigte von Touristinformationen sowie Ehrenamtliche "
                        "aus Rad- und Wassersportvereinen.",
                        "Sie tauschen sich darüber aus, was Gäste suchen und wie man sie gut "
                        "empfängt, auch in der Sprache der Nachbarn. Und sie stellen gemeinsam "
                        "Angebote auf die Beine, mit denen Menschen aus beiden Orten die "
                        "Partnergemeinde kennenlernen: von Radtouren bis zu Kanufahrten.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Onderwerpen voor de komende tijd",
                    "de": "Themen für die nächste Zeit",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Fietsen: het Nederlandse knooppuntennetwerk naast de Duitse "
                        "themaroutes, zoals die door het Münsterland en langs de Ems, en een "
                        "fietsroute die de twee gemeenten verbindt.",
                        "Water: varen, kanoën en sloepverhuur in de Weerribben en de Wieden, en hoe "
                        "je de natuur daar beschermt als het druk is.",
                        "Spreiding: hoe je bezoekers ook buiten het hoogseizoen en buiten Giethoorn "
                        "laat genieten van de streek, zodat drukte niet ten koste gaat van "
                        "bewoners.",
                    ],
                    "de": [
                        "Radfahren: das niederländische Knotenpunktnetz neben den deutschen "
                        "Themenrouten, etwa durch das Münsterland und entlang der Ems, und ein "
                        "Radweg, der die beiden Gemeinden verbindet.",
                        "Wasser: Bootfahren, Kanutouren und Bootsverleih in den Weerribben und der "
                        "Wieden und wie man dort die Natur schützt, wenn viel los ist.",
                        "Besucherlenkung: wie Gäste die Region auch außerhalb der Hauptsaison und "
                        "abseits von Giethoorn genießen können, damit der Andrang nicht zulasten "
                        "der Einheimischen geht.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Onze Duitse gasten vroegen altijd naar Giethoorn. Sinds de "
                            "uitwisseling stuur ik ze ook naar Kalenberg en Blokzijl, en ik weet "
                            "nu zelf waar ik in het Münsterland moet fietsen."
                        ),
                        "de": (
                            "Unsere deutschen Gäste haben immer nach Giethoorn gefragt. Seit dem "
                            "Austausch schicke ich sie auch nach Kalenberg und Blokzijl, und ich "
                            "weiß jetzt selbst, wo ich im Münsterland Rad fahren muss."
                        ),
                    },
                    "attribution": {
                        "nl": "Linda, eigenaar van een bed-and-breakfast in Wanneperveen",
                        "de": "Linda, Gastgeberin einer Pension in Wanneperveen",
                    },
                },
            ),
            (
                "heading",
                {
                    "nl": "Zo werken we samen",
                    "de": "So arbeiten wir zusammen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "In de winter, als het rustig is, komen we online bij elkaar. In het "
                        "voorjaar en de zomer zien we elkaar bij kennismakingstochten, waarbij "
                        "ondernemers een dag bij de buren rondkijken, en bij de jaarlijkse "
                        "fietstocht tussen beide gemeenten.",
                        "Lid worden gaat via het platform: maak een account aan en klik op deze "
                        "pagina op ‘Lid worden van deze gemeenschap’. Ondernemers en verenigingen die gasten uit de partnergemeente "
                        "willen ontvangen, zijn extra welkom.",
                    ],
                    "de": [
                        "Im Winter, wenn es ruhig ist, treffen wir uns online. Im Frühjahr und im "
                        "Sommer sehen wir uns bei Kennenlernfahrten, bei denen Betriebe einen Tag "
                        "lang bei den Nachbarn hineinschauen, und bei der jährlichen Radtour "
                        "zwischen beiden Gemeinden.",
                        "Mitglied werden Sie über die Plattform: Legen Sie ein Konto an und "
                        "klicken Sie auf dieser Seite auf „Dieser Fachgruppe beitreten“. Betriebe und Vereine, die Gäste aus der "
                        "Partnergemeinde empfangen möchten, sind besonders willkommen.",
                    ],
                },
            ),
        ],
        "coordinators": [
            {
                "name": "Jeroen Schuurman",
                "town": "steenwijkerland",
                "role": {
                    "nl": "coördinator Steenwijkerland, recreatie en toerisme",
                    "de": "Koordinator Steenwijkerland, Freizeit und Tourismus",
                },
            },
            {
                "name": "Katrin Brüggemann",
                "town": "herzebrock-clarholz",
                "role": {
                    "nl": "coördinator Herzebrock-Clarholz, recreatie en toerisme",
                    "de": "Koordinatorin Herzebrock-Clarholz, Freizeit und Tourismus",
                },
            },
        ],
    },
    {
        "slug": {"nl": "agrarische-sector", "de": "landwirtschaft"},
        "title": {"nl": "Agrarische sector", "de": "Landwirtschaft"},
        "purpose": {
            "nl": (
                "Boeren uit beide gemeenten leren van elkaar over melkvee, akkerbouw, "
                "natuurinclusief werken en de toekomst van hun bedrijf."
            ),
            "de": (
                "Landwirtinnen und Landwirte aus beiden Gemeinden lernen voneinander über "
                "Milchvieh, Ackerbau, naturverträgliches Wirtschaften und die Zukunft ihres "
                "Betriebs."
            ),
        },
        "intro": {
            "nl": (
                "Rond Steenwijk en Oldemarkt overheersen melkveehouderij en grasland; rond "
                "Herzebrock en Clarholz akkerbouw, varkenshouderij en gemengde bedrijven. De vragen "
                "zijn dezelfde: hoe houd je het bedrijf gezond, hoe werk je samen met de natuur, en "
                "wie neemt het straks over?"
            ),
            "de": (
                "Rund um Steenwijk und Oldemarkt prägen Milchviehhaltung und Grünland das Bild, "
                "rund um Herzebrock und Clarholz Ackerbau, Schweinehaltung und Gemischtbetriebe. "
                "Die Fragen sind dieselben: Wie bleibt der Betrieb gesund, wie wirtschaftet man mit "
                "der Natur, und wer übernimmt später den Hof?"
            ),
        },
        "search_description": {
            "nl": (
                "Sectorgemeenschap agrarische sector: melkveehouders, akkerbouwers en jonge boeren "
                "uit Steenwijkerland en Herzebrock-Clarholz leren van elkaar."
            ),
            "de": (
                "Fachgruppe Landwirtschaft: Milchviehhalter, Ackerbauern und junge Landwirte aus "
                "Steenwijkerland und Herzebrock-Clarholz lernen voneinander."
            ),
        },
        "image": "farm",
        "image_alt": {
            "nl": "Illustratie: een boerderij met een grote schuur tussen weilanden en akkers",
            "de": "Illustration: ein Bauernhof mit großer Scheune zwischen Wiesen und Äckern",
        },
        "body": [
            (
                "heading",
                {
                    "nl": "Van erf tot erf",
                    "de": "Von Hof zu Hof",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Boeren leren het liefst van andere boeren, op het erf en aan de "
                        "keukentafel. Deze gemeenschap maakt dat mogelijk over de grens heen: voor "
                        "melkveehouders, akkerbouwers, varkenshouders, tuinders en iedereen die "
                        "een bedrijf overneemt of daarover nadenkt.",
                        "Regels voor mest, stikstof en dierwelzijn verschillen tussen Nederland en "
                        "Duitsland. Juist daarom is het leerzaam om te zien hoe collega's met hun "
                        "eigen regels omgaan, en wat er wel en niet werkt.",
                    ],
                    "de": [
                        "Landwirte lernen am liebsten von anderen Landwirten, auf dem Hof und am "
                        "Küchentisch. Diese Fachgruppe macht das über die Grenze hinweg möglich: "
                        "für Milchviehhalter, Ackerbauern, Schweinehalter, Gärtnereien und alle, "
                        "die einen Betrieb übernehmen oder darüber nachdenken.",
                        "Die Regeln für Dünger, Stickstoff und Tierwohl unterscheiden sich zwischen "
                        "den Niederlanden und Deutschland. Gerade deshalb lohnt der Blick darauf, "
                        "wie Berufskollegen mit ihren eigenen Regeln umgehen und was funktioniert "
                        "und was nicht.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Waar het over gaat",
                    "de": "Worum es geht",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Natuurinclusief boeren: weidevogels en later maaien in Steenwijkerland, "
                        "bloemrijke akkerranden en kievitsbescherming in Westfalen.",
                        "Bodem en water: gezonde grond, een goed waterpeil en hoe je als boer "
                        "omgaat met natte voorjaren en droge zomers.",
                        "Jonge boeren: bedrijfsopvolging, een eigen koers kiezen en een stage of "
                        "werkweek op een bedrijf bij de buren.",
                    ],
                    "de": [
                        "Naturverträgliche Landwirtschaft: Wiesenvögel und spätes Mähen in "
                        "Steenwijkerland, Blühstreifen und Kiebitzschutz in Westfalen.",
                        "Boden und Wasser: gesunder Boden, ein guter Wasserstand und wie man als "
                        "Landwirt mit nassen Frühjahren und trockenen Sommern umgeht.",
                        "Junge Landwirte: Hofnachfolge, einen eigenen Weg finden und ein Praktikum "
                        "oder eine Arbeitswoche auf einem Betrieb bei den Nachbarn.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Winteravonden en zomerbezoeken",
                    "de": "Winterabende und Sommerbesuche",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het werk op het land bepaalt de agenda. In de winter zijn er online "
                        "avonden, na het melken; in de zomer, tussen de oogsten door, bezoeken we "
                        "elkaars bedrijven. Er wordt Nederlands en Duits gesproken, soms ook "
                        "Nedersaksisch of Plattdeutsch: die streektalen verstaan veel boeren aan "
                        "beide kanten nog verrassend goed.",
                        "Aansluiten kan als lid van het platform: klik op deze pagina op ‘Lid "
                        "worden van deze gemeenschap’. Ook wie niet zelf boert maar wel met de sector werkt, zoals een "
                        "loonwerker, dierenarts of adviseur, is welkom.",
                    ],
                    "de": [
                        "Die Arbeit auf dem Feld bestimmt den Kalender. Im Winter gibt es "
                        "Online-Abende nach dem Melken; im Sommer, zwischen den Ernten, besuchen "
                        "wir uns auf den Betrieben. Gesprochen wird Niederländisch und Deutsch, "
                        "manchmal auch Nedersaksisch oder Plattdeutsch: Diese Regionalsprachen "
                        "verstehen viele Landwirte auf beiden Seiten noch erstaunlich gut.",
                        "Mitmachen können Sie als Mitglied der Plattform: Klicken Sie auf dieser "
                        "Seite auf „Dieser Fachgruppe beitreten“. Auch wer selbst keinen Hof hat, aber mit der "
                        "Landwirtschaft arbeitet, etwa im Lohnunternehmen, als Tierärztin oder in "
                        "der Beratung, ist willkommen.",
                    ],
                },
            ),
        ],
        "coordinators": [
            {
                "name": "Harm Kuipers",
                "town": "steenwijkerland",
                "role": {
                    "nl": "coördinator Steenwijkerland, agrarische sector",
                    "de": "Koordinator Steenwijkerland, Landwirtschaft",
                },
            },
            {
                "name": "Bernhard Vennemann",
                "town": "herzebrock-clarholz",
                "role": {
                    "nl": "coördinator Herzebrock-Clarholz, agrarische sector",
                    "de": "Koordinator Herzebrock-Clarholz, Landwirtschaft",
                },
            },
        ],
    },
    {
        "slug": {"nl": "gemeenteraden", "de": "gemeinderaete"},
        "title": {"nl": "De gemeenteraden", "de": "Die Gemeinderäte"},
        "purpose": {
            "nl": (
                "Raadsleden van Steenwijkerland en Herzebrock-Clarholz wisselen ervaringen uit over "
                "vragen waarvoor beide gemeenten staan."
            ),
            "de": (
                "Ratsmitglieder aus Steenwijkerland und Herzebrock-Clarholz tauschen Erfahrungen zu "
                "Fragen aus, vor denen beide Gemeinden stehen."
            ),
        },
        "intro": {
            "nl": (
                "Beide gemeenten hebben een gekozen raad die besluit over wonen, voorzieningen, "
                "geld en ruimte. In deze gemeenschap ontmoeten raadsleden van alle fracties elkaar "
                "over de grens heen. Inwoners kunnen de verslagen volgen en onderwerpen aandragen."
            ),
            "de": (
                "Beide Gemeinden haben einen gewählten Rat, der über Wohnen, Einrichtungen, Finanzen "
                "und Flächen entscheidet. In dieser Fachgruppe begegnen sich Ratsmitglieder aller "
                "Fraktionen über die Grenze hinweg. Bürgerinnen und Bürger können die Berichte "
                "verfolgen und Themen vorschlagen."
            ),
        },
        "search_description": {
            "nl": (
                "Sectorgemeenschap van de gemeenteraden: raadsleden uit Steenwijkerland en "
                "Herzebrock-Clarholz wisselen ervaringen met lokaal bestuur uit."
            ),
            "de": (
                "Fachgruppe der Gemeinderäte: Ratsmitglieder aus Steenwijkerland und "
                "Herzebrock-Clarholz tauschen Erfahrungen aus der Kommunalpolitik aus."
            ),
        },
        "image": "council",
        "image_alt": {
            "nl": "Illustratie: een raadszaal met tafels in een halve cirkel en een rij microfoons",
            "de": (
                "Illustration: ein Ratssaal mit Tischen im Halbkreis und einer Reihe von Mikrofonen"
            ),
        },
        "body": [
            (
                "heading",
                {
                    "nl": "Twee raden, twee systemen",
                    "de": "Zwei Räte, zwei Systeme",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een Nederlandse en een Duitse gemeenteraad lijken op elkaar, maar werken "
                        "verschillend. In Nederland wordt de burgemeester benoemd en vormt hij of "
                        "zij met de wethouders het college; in Noordrijn-Westfalen kiezen de "
                        "inwoners hun burgemeester rechtstreeks, en die leidt zelf het "
                        "gemeentelijk apparaat en zit de raad voor.",
                        "Wie die verschillen kent, begrijpt beter waarom de buren dingen anders "
                        "aanpakken. Vaak blijken de onderliggende vragen dezelfde.",
                    ],
                    "de": [
                        "Ein niederländischer und ein deutscher Gemeinderat ähneln sich, arbeiten "
                        "aber unterschiedlich. In den Niederlanden wird der Bürgermeister ernannt "
                        "und bildet mit den Beigeordneten (wethouders) das Kollegium, das die "
                        "Gemeinde führt; in Nordrhein-Westfalen wählen die Bürgerinnen und Bürger "
                        "ihren Bürgermeister direkt, und er leitet selbst die Verwaltung und führt "
                        "den Vorsitz im Rat.",
                        "Wer diese Unterschiede kennt, versteht besser, warum die Nachbarn manches "
                        "anders angehen. Oft zeigt sich, dass die Fragen dahinter dieselben sind.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Gedeelde vragen",
                    "de": "Gemeinsame Fragen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Wonen in kleine kernen: hoe bouw je voor jongeren en ouderen zonder het "
                        "karakter van een dorp te verliezen?",
                        "Voorzieningen: de school, de huisarts en de supermarkt in het dorp "
                        "houden, ook als het aantal inwoners krimpt of vergrijst.",
                        "Meedoen: hoe betrek je inwoners bij besluiten, en hoe blijft de raad "
                        "bereikbaar voor mensen die zelden naar het gemeentehuis komen?",
                    ],
                    "de": [
                        "Wohnen in kleinen Ortsteilen: Wie baut man für Junge und Ältere, ohne dass "
                        "ein Dorf seinen Charakter verliert?",
                        "Versorgung: die Schule, die Hausarztpraxis und den Supermarkt im Ort "
                        "halten, auch wenn die Bevölkerung schrumpft oder altert.",
                        "Beteiligung: Wie bezieht man die Bürgerschaft in Entscheidungen ein, und "
                        "wie bleibt der Rat für Menschen erreichbar, die selten ins Rathaus kommen?",
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "townhall",
                    "alt_text": {
                        "nl": (
                            "Illustratie: een gemeentehuis met een klokje op het dak aan een "
                            "plein met bomen"
                        ),
                        "de": (
                            "Illustration: ein Rathaus mit kleinem Glockenturm an einem Platz "
                            "mit Bäumen"
                        ),
                    },
                    "caption": {
                        "nl": (
                            "Om het jaar is de ene raad te gast bij de andere; tussendoor "
                            "spreken raadsleden elkaar online."
                        ),
                        "de": (
                            "Jedes zweite Jahr ist der eine Rat beim anderen zu Gast; "
                            "dazwischen sprechen sich die Ratsmitglieder online."
                        ),
                    },
                },
            ),
            (
                "heading",
                {
                    "nl": "Werkbezoeken en online gesprekken",
                    "de": "Arbeitsbesuche und Online-Gespräche",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Raadsleden die willen meedoen, melden zich bij hun griffie of bij de "
                        "coördinatoren van deze gemeenschap. De uitwisseling is bedoeld om van "
                        "elkaar te leren; er worden geen besluiten genomen.",
                        "Na elk bezoek en elk online gesprek verschijnt een kort verslag in beide "
                        "talen. Inwoners die een onderwerp willen voorstellen, kunnen dat als lid "
                        "van het platform doen.",
                    ],
                    "de": [
                        "Ratsmitglieder, die mitmachen möchten, melden sich bei ihrem Ratsbüro "
                        "oder bei den Koordinierenden dieser Fachgruppe. Der Austausch dient dem "
                        "gegenseitigen Lernen; Beschlüsse werden dabei nicht gefasst.",
                        "Nach jedem Besuch und jedem Online-Gespräch erscheint ein kurzer Bericht "
                        "in beiden Sprachen. Wer ein Thema vorschlagen möchte, kann das als "
                        "Mitglied der Plattform tun.",
                    ],
                },
            ),
        ],
        "coordinators": [
            {
                "name": "Ineke van der Veen",
                "town": "steenwijkerland",
                "role": {
                    "nl": "coördinator Steenwijkerland, gemeenteraden",
                    "de": "Koordinatorin Steenwijkerland, Gemeinderäte",
                },
            },
            {
                "name": "Michael Westhoff",
                "town": "herzebrock-clarholz",
                "role": {
                    "nl": "coördinator Herzebrock-Clarholz, gemeenteraden",
                    "de": "Koordinator Herzebrock-Clarholz, Gemeinderäte",
                },
            },
        ],
    },
    {
        "slug": {"nl": "inclusieve-samenleving", "de": "inklusive-gesellschaft"},
        "title": {"nl": "Inclusieve samenleving", "de": "Inklusive Gesellschaft"},
        "purpose": {
            "nl": (
                "Samen werken aan gemeenten waar iedereen kan meedoen: toegankelijk, gastvrij voor "
                "nieuwkomers en gedragen door vrijwilligers."
            ),
            "de": (
                "Gemeinsam an Gemeinden arbeiten, in denen alle teilhaben können: barrierefrei, "
                "offen für Neuangekommene und getragen von Ehrenamtlichen."
            ),
        },
        "intro": {
            "nl": (
                "Hoe maak je een dorpshuis, een sportclub of een fietsroute bruikbaar voor "
                "iedereen? Hoe vinden nieuwkomers hun weg, en hoe houd je vrijwilligers betrokken? "
                "In deze gemeenschap wisselen verenigingen, zorgorganisaties, vrijwilligers en "
                "ervaringsdeskundigen hun aanpak uit."
            ),
            "de": (
                "Wie wird ein Dorfgemeinschaftshaus, ein Sportverein oder ein Radweg für alle "
                "nutzbar? Wie finden sich Neuangekommene zurecht, und wie bleiben Ehrenamtliche "
                "dabei? In dieser Fachgruppe tauschen Vereine, soziale Träger, Ehrenamtliche und "
                "Menschen mit eigener Erfahrung ihre Ansätze aus."
            ),
        },
        "search_description": {
            "nl": (
                "Sectorgemeenschap inclusieve samenleving: toegankelijkheid, meedoen, nieuwkomers "
                "en vrijwilligerswerk in Steenwijkerland en Herzebrock-Clarholz."
            ),
            "de": (
                "Fachgruppe Inklusive Gesellschaft: Barrierefreiheit, Teilhabe, Neuangekommene und "
                "Ehrenamt in Steenwijkerland und Herzebrock-Clarholz."
            ),
        },
        "image": "community",
        "image_alt": {
            "nl": (
                "Illustratie: mensen rond een lange tafel in een dorpshuis, een van hen in een "
                "rolstoel"
            ),
            "de": (
                "Illustration: Menschen an einem langen Tisch in einem Dorfgemeinschaftshaus, "
                "eine Person im Rollstuhl"
            ),
        },
        "body": [
            (
                "heading",
                {
                    "nl": "Iedereen doet mee",
                    "de": "Alle machen mit",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een inclusieve samenleving begint dichtbij: bij een drempel die verdwijnt, "
                        "een vereniging die nieuwe leden actief uitnodigt, een buurman die even "
                        "meeloopt naar het gemeentehuis. In beide gemeenten gebeurt daar veel, "
                        "vaak door vrijwilligers.",
                        "Deze gemeenschap brengt die mensen samen, zodat goede ideeën de grens "
                        "over gaan. Ervaringsdeskundigen, mensen die zelf met een beperking leven "
                        "of zelf als nieuwkomer zijn begonnen, praten nadrukkelijk mee.",
                    ],
                    "de": [
                        "Eine inklusive Gesellschaft beginnt im Kleinen: bei einer Schwelle, die "
                        "verschwindet, einem Verein, der neue Mitglieder aktiv einlädt, einem "
                        "Nachbarn, der einmal mit zum Rathaus geht. In beiden Gemeinden geschieht "
                        "dafür viel, oft ehrenamtlich.",
                        "Diese Fachgruppe bringt diese Menschen zusammen, damit gute Ideen die "
                        "Grenze überqueren. Wer selbst mit einer Behinderung lebt oder selbst einmal "
                        "neu im Land angefangen hat, redet ausdrücklich mit.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Thema's",
                    "de": "Themen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Toegankelijkheid: gebouwen, routes, evenementen en recreatie die ook te "
                        "gebruiken zijn met een rolstoel, een rollator of een visuele beperking.",
                        "Nieuwkomers: taalcafés, taalmaatjes en de eerste stappen in een "
                        "vereniging of op de arbeidsmarkt.",
                        "Vrijwilligers: hoe je ze vindt, hoe je ze ondersteunt en hoe je "
                        "voorkomt dat het werk op steeds dezelfde schouders terechtkomt.",
                    ],
                    "de": [
                        "Barrierefreiheit: Gebäude, Wege, Veranstaltungen und Freizeitangebote, die "
                        "sich auch mit Rollstuhl, Rollator oder einer Sehbehinderung nutzen lassen.",
                        "Neuangekommene: Sprachcafés, Sprachpatenschaften und die ersten Schritte "
                        "in einem Verein oder auf dem Arbeitsmarkt.",
                        "Ehrenamt: wie man Ehrenamtliche findet, wie man sie unterstützt und wie "
                        "man verhindert, dass die Arbeit immer an denselben Leuten hängen bleibt.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "In Clarholz zag ik hoe een sportclub een vaste vrijwilliger heeft "
                            "die nieuwe leden wegwijs maakt. Dat hebben we bij ons thuis meteen "
                            "overgenomen."
                        ),
                        "de": (
                            "In Clarholz habe ich gesehen, wie ein Sportverein eine feste "
                            "Ehrenamtliche hat, die neue Mitglieder an die Hand nimmt. Das haben "
                            "wir bei uns zu Hause sofort übernommen."
                        ),
                    },
                    "attribution": {
                        "nl": "Petra, vrijwilliger bij een sportvereniging in Steenwijk",
                        "de": "Petra, Ehrenamtliche in einem Sportverein in Steenwijk",
                    },
                },
            ),
            (
                "heading",
                {
                    "nl": "Toegankelijk bijeenkomen",
                    "de": "Barrierefrei zusammenkommen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "We komen online en op locatie bij elkaar, altijd in gebouwen die met een "
                        "rolstoel bereikbaar zijn. Bij online bijeenkomsten staan ondertitels aan, "
                        "en we spreken langzaam en in eenvoudige taal, zodat ook wie de taal van de "
                        "buren net leert kan volgen.",
                        "Aansluiten kan als lid van het platform: klik op deze pagina op ‘Lid "
                        "worden van deze gemeenschap’. Heeft u hulp nodig om mee te doen, bijvoorbeeld vervoer of een "
                        "tolk, laat het de coördinatoren dan weten.",
                    ],
                    "de": [
                        "Wir treffen uns online und vor Ort, immer in Gebäuden, die mit dem "
                        "Rollstuhl erreichbar sind. Bei Online-Treffen sind Untertitel "
                        "eingeschaltet, und wir sprechen langsam und in einfacher Sprache, damit "
                        "auch folgen kann, wer die Sprache der Nachbarn gerade erst lernt.",
                        "Mitmachen können Sie als Mitglied der Plattform: Klicken Sie auf dieser "
                        "Seite auf „Dieser Fachgruppe beitreten“. Wenn Sie Unterstützung brauchen, etwa eine "
                        "Fahrt oder eine Dolmetscherin, sagen Sie es den Koordinierenden.",
                    ],
                },
            ),
        ],
        "coordinators": [
            {
                "name": "Esther Mulder",
                "town": "steenwijkerland",
                "role": {
                    "nl": "coördinator Steenwijkerland, inclusieve samenleving",
                    "de": "Koordinatorin Steenwijkerland, Inklusive Gesellschaft",
                },
            },
            {
                "name": "Sabine Hölscher",
                "town": "herzebrock-clarholz",
                "role": {
                    "nl": "coördinator Herzebrock-Clarholz, inclusieve samenleving",
                    "de": "Koordinatorin Herzebrock-Clarholz, Inklusive Gesellschaft",
                },
            },
        ],
    },
]
