"""Demo content for the Jumelage platform: the home page and the standard pages, in Dutch and German.

Data only. The facts follow the municipal information note of December 2021 (see `seed/`); the
residents quoted here are fictional. Every text is unique within its language, because the demo
loader maps each Dutch text to its German translation.
"""

HOME = {
    "title": {
        "nl": "Samen over de grens",
        "de": "Gemeinsam über die Grenze",
    },
    "intro": {
        "nl": (
            "Dit is het platform van de jumelage tussen Steenwijkerland en Herzebrock-Clarholz. "
            "Hier vindt u verhalen over uitwisselingen, de agenda van bijeenkomsten en de "
            "sectorgemeenschappen waarin inwoners van beide gemeenten kennis delen."
        ),
        "de": (
            "Dies ist die Plattform der Partnerschaft zwischen Steenwijkerland und "
            "Herzebrock-Clarholz. Hier finden Sie Berichte über Begegnungen, den Kalender der "
            "Treffen und die Fachgruppen, in denen Menschen aus beiden Gemeinden ihr Wissen teilen."
        ),
    },
    "search_description": {
        "nl": (
            "Jumelage Steenwijkerland – Herzebrock-Clarholz: verhalen, bijeenkomsten en "
            "sectorgemeenschappen van de stedenband tussen beide gemeenten."
        ),
        "de": (
            "Partnerschaft Steenwijkerland – Herzebrock-Clarholz: Berichte, Treffen und "
            "Fachgruppen der Städtepartnerschaft beider Gemeinden."
        ),
    },
    "body": [
        (
            "heading",
            {
                "nl": "Twee gemeenten, één stedenband",
                "de": "Zwei Gemeinden, eine Partnerschaft",
            },
        ),
        (
            "paragraphs",
            {
                "nl": [
                    "Steenwijkerland, in de kop van Overijssel, en Herzebrock-Clarholz, in "
                    "Noordrijn-Westfalen, zijn al jarenlang partnergemeenten. Inwoners, "
                    "verenigingen en bestuurders bezoeken elkaar, leren van elkaar en houden "
                    "contact over de grens heen.",
                    "De jumelage wordt gedragen door twee stichtingen, één in elke gemeente. Zij "
                    "organiseren uitwisselingen en ondersteunen initiatieven van inwoners. De "
                    "gemeenten faciliteren en stimuleren dat werk.",
                ],
                "de": [
                    "Steenwijkerland im Nordwesten der Provinz Overijssel und Herzebrock-Clarholz "
                    "in Nordrhein-Westfalen sind seit vielen Jahren Partnergemeinden. Menschen aus "
                    "beiden Orten, Vereine sowie Politik und Verwaltung besuchen sich, lernen "
                    "voneinander und bleiben über die Grenze hinweg in Kontakt.",
                    "Getragen wird die Partnerschaft von zwei Stiftungen, je einer in jeder "
                    "Gemeinde. Sie organisieren Austausche und unterstützen Initiativen aus der "
                    "Bürgerschaft. Die Gemeinden ermöglichen und fördern diese Arbeit.",
                ],
            },
        ),
        (
            "image",
            {
                "image": "bridge",
                "alt_text": {
                    "nl": (
                        "Illustratie: een boogbrug over het water, met huizen aan de oever en de "
                        "zon aan de hemel"
                    ),
                    "de": (
                        "Illustration: eine Bogenbrücke über dem Wasser, mit Häusern am Ufer und "
                        "der Sonne am Himmel"
                    ),
                },
                "caption": {
                    "nl": "Bruggen bouwen, letterlijk en figuurlijk: daar draait de jumelage om.",
                    "de": (
                        "Brücken bauen, im wörtlichen und im übertragenen Sinn: Darum geht es in "
                        "der Partnerschaft."
                    ),
                },
            },
        ),
        (
            "heading",
            {
                "nl": "Een eigentijdse invulling",
                "de": "Eine zeitgemäße Form",
            },
        ),
        (
            "paragraphs",
            {
                "nl": [
                    "Sinds eind 2021 werken de stichtingen aan een nieuwe vorm voor de stedenband. "
                    "Naast de vertrouwde uitwisselingen ontstaan sectorgemeenschappen: groepen "
                    "inwoners, ondernemers en bestuurders die rond één thema kennis en ervaring "
                    "delen.",
                    "De thema's sluiten aan bij vragen die in beide gemeenten spelen: duurzaamheid "
                    "en klimaat, recreatie en toerisme, de agrarische sector, de samenwerking "
                    "tussen de twee gemeenteraden en een inclusieve samenleving.",
                    "Elkaar ontmoeten kan op twee manieren. Sommige bijeenkomsten zijn online, "
                    "zodat u zonder reistijd kunt aanschuiven; andere vinden plaats in "
                    "Steenwijkerland of in Herzebrock-Clarholz. In de agenda ziet u per "
                    "bijeenkomst welke vorm en welke voertaal is gekozen.",
                ],
                "de": [
                    "Seit Ende 2021 arbeiten die Stiftungen an einer neuen Form der Partnerschaft. "
                    "Neben den bewährten Austauschen entstehen Fachgruppen: Menschen aus "
                    "Bürgerschaft, Wirtschaft und Politik, die sich zu einem Thema austauschen "
                    "und voneinander lernen.",
                    "Die Themen greifen Fragen auf, die beide Gemeinden beschäftigen: "
                    "Nachhaltigkeit und Klima, Freizeit und Tourismus, die Landwirtschaft, die "
                    "Zusammenarbeit der beiden Gemeinderäte und eine inklusive Gesellschaft.",
                    "Begegnen kann man sich auf zwei Wegen. Manche Treffen finden online statt, "
                    "sodass Sie ohne Anreise dabei sein können; andere in Steenwijkerland oder in "
                    "Herzebrock-Clarholz. Im Kalender sehen Sie bei jedem Treffen, in welcher Form "
                    "und in welcher Sprache es stattfindet.",
                ],
            },
        ),
        (
            "quote",
            {
                "quote": {
                    "nl": (
                        "Ik dacht dat de jumelage vooral iets was voor de fanfare en het "
                        "gemeentehuis. Nu praat ik online met boeren uit Clarholz over weidevogels "
                        "en het waterpeil, en in het voorjaar gaan we bij elkaar kijken."
                    ),
                    "de": (
                        "Ich dachte, die Partnerschaft sei vor allem etwas für den Musikverein und "
                        "das Rathaus. Jetzt spreche ich online mit Landwirten aus Clarholz über "
                        "Wiesenvögel und Wasserstände, und im Frühjahr besuchen wir uns "
                        "gegenseitig auf den Höfen."
                    ),
                },
                "attribution": {
                    "nl": "Hendrik, melkveehouder uit Oldemarkt",
                    "de": "Hendrik, Milchviehhalter aus Oldemarkt",
                },
            },
        ),
        (
            "call_to_action",
            {
                "title": {
                    "nl": "Meer weten over de jumelage?",
                    "de": "Mehr über die Partnerschaft erfahren?",
                },
                "text": {
                    "nl": (
                        "Lees hoe de stedenband werkt, welke sectoren meedoen en hoe u zelf kunt "
                        "aansluiten."
                    ),
                    "de": (
                        "Lesen Sie, wie die Partnerschaft funktioniert, welche Bereiche beteiligt "
                        "sind und wie Sie selbst mitmachen können."
                    ),
                },
                "button_label": {"nl": "Lees verder", "de": "Weiterlesen"},
                "page": "over-de-jumelage",
            },
        ),
    ],
}


HISTORY = {
    "slug": {"nl": "geschiedenis", "de": "geschichte"},
    "title": {"nl": "Geschiedenis", "de": "Geschichte"},
    "intro": {
        "nl": (
            "De stedenband tussen Steenwijkerland en Herzebrock-Clarholz bestaat al vele jaren. Na "
            "een stille periode tijdens de coronacrisis kreeg hij in 2021 een nieuwe start."
        ),
        "de": (
            "Die Partnerschaft zwischen Steenwijkerland und Herzebrock-Clarholz besteht seit vielen "
            "Jahren. Nach einer ruhigen Zeit während der Corona-Krise begann sie 2021 neu."
        ),
    },
    "search_description": {
        "nl": (
            "De geschiedenis van de jumelage tussen Steenwijkerland en Herzebrock-Clarholz, van de "
            "bespreking in de gemeenteraad eind 2019 tot de nieuwe start in 2021."
        ),
        "de": (
            "Die Geschichte der Partnerschaft zwischen Steenwijkerland und Herzebrock-Clarholz, von "
            "der Beratung im Gemeinderat Ende 2019 bis zum Neubeginn 2021."
        ),
    },
    "show_in_menus": True,
    "body": [
        (
            "heading",
            {
                "nl": "Een band van vele jaren",
                "de": "Eine Verbindung über viele Jahre",
            },
        ),
        (
            "paragraphs",
            {
                "nl": [
                    "De jumelage tussen Steenwijkerland en Herzebrock-Clarholz bestaat al "
                    "jarenlang. In die tijd hebben inwoners elkaar bezocht, hebben verenigingen "
                    "samen activiteiten opgezet en zijn er vriendschappen over de grens ontstaan.",
                    "Aan Nederlandse kant wordt de stedenband gedragen door de Stichting Jumelage "
                    "Herzebrock-Clarholz, aan Duitse kant door de partnerstichting in "
                    "Herzebrock-Clarholz. De stichtingen doen het werk; de gemeenten staan erachter.",
                ],
                "de": [
                    "Die Partnerschaft zwischen Steenwijkerland und Herzebrock-Clarholz besteht "
                    "schon lange. In dieser Zeit haben sich Menschen gegenseitig besucht, Vereine "
                    "gemeinsame Aktivitäten auf die Beine gestellt, und über die Grenze hinweg "
                    "sind Freundschaften entstanden.",
                    "Auf niederländischer Seite trägt die Stichting Jumelage Herzebrock-Clarholz "
                    "die Partnerschaft, auf deutscher Seite die Partnerstiftung in "
                    "Herzebrock-Clarholz. Die Stiftungen leisten die Arbeit; die Gemeinden stehen "
                    "dahinter.",
                ],
            },
        ),
        (
            "heading",
            {
                "nl": "Van eind 2019 tot begin 2021",
                "de": "Von Ende 2019 bis Anfang 2021",
            },
        ),
        (
            "paragraphs",
            {
                "nl": [
                    "Eind 2019 zette de VVD-fractie het jaarverslag van de Stichting Jumelage "
                    "Herzebrock-Clarholz op de agenda van de politieke markt van de gemeenteraad "
                    "van Steenwijkerland, om met de andere fracties over de stedenband van "
                    "gedachten te wisselen.",
                    "Uit die bespreking bleek dat de meeste fracties de jumelage en de voortzetting "
                    "daarvan steunen. Afgesproken werd dat de burgemeester contact zou opnemen met "
                    "de Duitse partnergemeente om afspraken te maken over toekomstplannen.",
                    "Kort daarna brak de coronacrisis uit. Bezoeken en uitwisselingen waren niet "
                    "mogelijk, en de samenwerking kwam tijdelijk op een laag pitje te staan.",
                    "Begin 2021 zocht de stichting opnieuw contact met de gemeente. In een gesprek "
                    "met de burgemeester werden de grondafspraken over de stedenband nog eens "
                    "doorgenomen: de stichting voert de taken van de stedenband uit, zoals de "
                    "organisatie van uitwisselingen en inwonersinitiatieven, en de gemeente "
                    "faciliteert en stimuleert.",
                ],
                "de": [
                    "Ende 2019 setzte die VVD-Fraktion den Jahresbericht der Stichting Jumelage "
                    "Herzebrock-Clarholz auf die Tagesordnung der „politieke markt“, eines offenen "
                    "Beratungsformats des Gemeinderats von Steenwijkerland, um sich mit den anderen "
                    "Fraktionen über die Partnerschaft auszutauschen.",
                    "Dabei zeigte sich, dass die meisten Fraktionen die Partnerschaft und ihre "
                    "Fortsetzung unterstützen. Vereinbart wurde, dass der Bürgermeister Kontakt "
                    "mit der deutschen Partnergemeinde aufnimmt, um Absprachen über die Zukunft "
                    "zu treffen.",
                    "Kurz darauf kam die Corona-Krise. Besuche und Austausche waren nicht möglich, "
                    "und die Zusammenarbeit ruhte vorübergehend.",
                    "Anfang 2021 suchte die Stiftung erneut den Kontakt zur Gemeinde. In einem "
                    "Gespräch mit dem Bürgermeister wurden die Grundabsprachen zur Partnerschaft "
                    "noch einmal besprochen: Die Stiftung nimmt die Aufgaben der Partnerschaft "
                    "wahr, etwa die Organisation von Austauschen und Initiativen aus der "
                    "Bürgerschaft, und die Gemeinde ermöglicht und fördert dies.",
                ],
            },
        ),
        (
            "image",
            {
                "image": "canal",
                "alt_text": {
                    "nl": "Illustratie: een rij huizen met puntdaken aan een gracht onder een lichte hemel",
                    "de": (
                        "Illustration: eine Reihe von Häusern mit Spitzdächern an einer Gracht "
                        "unter hellem Himmel"
                    ),
                },
                "caption": {
                    "nl": "Na de stille coronaperiode kwam de uitwisseling in 2021 weer op gang.",
                    "de": "Nach der stillen Corona-Zeit kam der Austausch 2021 wieder in Gang.",
                },
            },
        ),
        (
            "heading",
            {
                "nl": "September 2021: op bezoek in Herzebrock-Clarholz",
                "de": "September 2021: zu Besuch in Herzebrock-Clarholz",
            },
        ),
        (
            "paragraphs",
            {
                "nl": [
                    "Toen de coronamaatregelen het in september 2021 toelieten, bracht de "
                    "burgemeester van Steenwijkerland samen met een vertegenwoordiging van de "
                    "stichting een bezoek aan Herzebrock-Clarholz. Daar spraken zij met de "
                    "burgemeester van Herzebrock-Clarholz en de Duitse partnerstichting.",
                    "In dat gesprek werd duidelijk dat de stedenband ook aan Duitse kant meer dan "
                    "gewenst is. Ook daar hecht men groot belang aan de jumelage die al zo lang "
                    "tussen beide gemeenten bestaat. Samen is verkend hoe de stedenband een "
                    "toekomstbestendige invulling kan krijgen.",
                    "De wens werd uitgesproken om ook andere sectoren bij de uitwisseling te "
                    "betrekken en zo het draagvlak te verbreden. Kansen zagen de partners bij "
                    "kennisuitwisseling over duurzaamheid en klimaatopgaven, bij recreatie en "
                    "toerisme, in de agrarische sector, tussen de gemeenteraden onderling en bij "
                    "vraagstukken rond een inclusieve samenleving. Ook in de vorm lagen kansen: "
                    "naast fysieke ontmoetingen kunnen online bijeenkomsten worden uitgewerkt.",
                ],
                "de": [
                    "Als die Corona-Regeln es im September 2021 zuließen, besuchte der "
                    "Bürgermeister von Steenwijkerland zusammen mit einer Abordnung der Stiftung "
                    "Herzebrock-Clarholz. Dort fand ein Gespräch mit dem Bürgermeister von "
                    "Herzebrock-Clarholz und der deutschen Partnerstiftung statt.",
                    "In diesem Gespräch wurde deutlich, dass die Partnerschaft auch auf deutscher "
                    "Seite mehr als erwünscht ist. Auch dort misst man der Verbindung, die schon so "
                    "lange zwischen beiden Gemeinden besteht, große Bedeutung bei. Gemeinsam wurde "
                    "ausgelotet, wie die Partnerschaft zukunftsfähig gestaltet werden kann.",
                    "Dabei kam der Wunsch auf, weitere Bereiche in den Austausch einzubeziehen und "
                    "so den Rückhalt zu verbreitern. Chancen sahen die Partner im "
                    "Wissensaustausch zu Nachhaltigkeit und Klimaaufgaben, zu Freizeit und "
                    "Tourismus, in der Landwirtschaft, zwischen den Gemeinderäten und bei Fragen "
                    "einer inklusiven Gesellschaft. Auch bei der Form gab es Chancen: Neben "
                    "persönlichen Begegnungen lassen sich Online-Treffen entwickeln.",
                ],
            },
        ),
        (
            "heading",
            {
                "nl": "Een nieuwe start",
                "de": "Ein Neubeginn",
            },
        ),
        (
            "paragraphs",
            {
                "nl": [
                    "In december 2021 stelde het college van burgemeester en wethouders van "
                    "Steenwijkerland een informatienota over de voortgang vast. De kernboodschap: "
                    "de stedenband krijgt via de stichting een nieuwe, eigentijdse invulling, "
                    "uitgebreid naar verschillende sectoren en met een thematische inhoud.",
                    "Voor de stedenband staat een structureel bedrag op de gemeentebegroting; dat "
                    "bleef ongewijzigd. Afgesproken werd dat de jumelagestichtingen van beide "
                    "gemeenten in een vervolgoverleg afspraken maken over nieuwe plannen en nieuwe "
                    "uitwisselingen, en dat de stichting meer naar buiten treedt om het belang van "
                    "de jumelage te onderstrepen.",
                    "Bij bezoeken en uitwisselingen werd rekening gehouden met de coronamaatregelen "
                    "die op dat moment golden. Dit platform is een van de uitkomsten van de nieuwe "
                    "start: een plek waar inwoners van beide gemeenten elkaar online vinden en "
                    "afspreken om elkaar ook in het echt te ontmoeten.",
                ],
                "de": [
                    "Im Dezember 2021 verabschiedete das Kollegium aus Bürgermeister und "
                    "Beigeordneten von Steenwijkerland (college van burgemeester en wethouders) "
                    "eine Informationsvorlage zum Stand der Partnerschaft. Die Kernbotschaft: Die "
                    "Partnerschaft erhält über die Stiftung eine neue, zeitgemäße Ausrichtung, "
                    "erweitert auf verschiedene Bereiche und mit thematischen Inhalten.",
                    "Für die Partnerschaft ist im Gemeindehaushalt ein fester jährlicher Betrag "
                    "vorgesehen; daran änderte sich nichts. Vereinbart wurde, dass die "
                    "Partnerschaftsstiftungen beider Gemeinden in einem Folgetreffen neue Pläne und "
                    "neue Austausche verabreden und dass die Stiftung stärker an die Öffentlichkeit "
                    "tritt, um die Bedeutung der Partnerschaft zu unterstreichen.",
                    "Bei Besuchen und Austauschen wurden die jeweils geltenden Corona-Regeln "
                    "beachtet. Diese Plattform ist eines der Ergebnisse des Neubeginns: ein Ort, an "
                    "dem sich Menschen aus beiden Gemeinden online finden und verabreden, um sich "
                    "auch persönlich zu treffen.",
                ],
            },
        ),
    ],
}


PAGES = [
    {
        "slug": {"nl": "over-de-jumelage", "de": "ueber-die-partnerschaft"},
        "title": {"nl": "Over de jumelage", "de": "Über die Partnerschaft"},
        "intro": {
            "nl": (
                "De jumelage verbindt de inwoners van Steenwijkerland en Herzebrock-Clarholz. Op "
                "deze pagina leest u wat de stedenband inhoudt, hoe hij vandaag werkt en hoe u kunt "
                "meedoen."
            ),
            "de": (
                "Die Partnerschaft verbindet die Menschen in Steenwijkerland und "
                "Herzebrock-Clarholz. Hier lesen Sie, was die Städtepartnerschaft ausmacht, wie sie "
                "heute funktioniert und wie Sie mitmachen können."
            ),
        },
        "search_description": {
            "nl": (
                "Wat de jumelage tussen Steenwijkerland en Herzebrock-Clarholz is, welke sectoren "
                "meedoen en hoe u kunt deelnemen."
            ),
            "de": (
                "Was die Partnerschaft zwischen Steenwijkerland und Herzebrock-Clarholz ist, welche "
                "Bereiche beteiligt sind und wie Sie teilnehmen können."
            ),
        },
        "show_in_menus": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Wat is een jumelage?",
                    "de": "Was ist eine Städtepartnerschaft?",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een jumelage, of stedenband, is een duurzame vriendschap tussen twee "
                        "gemeenten in verschillende landen. Het gaat niet om handel of verdragen, "
                        "maar om mensen: inwoners die elkaar leren kennen, verenigingen die samen "
                        "iets organiseren en bestuurders die ervaringen uitwisselen.",
                        "Steenwijkerland en Herzebrock-Clarholz onderhouden zo'n band al vele "
                        "jaren. Beide gemeenten hechten er veel waarde aan, en dat is na een stille "
                        "periode tijdens de coronacrisis opnieuw uitgesproken.",
                        "Waarom een stedenband? Omdat buren over de grens vaak voor dezelfde vragen "
                        "staan. Hoe houden we dorpen en platteland leefbaar, hoe gaan we om met "
                        "klimaatverandering, hoe zorgen we dat iedereen kan meedoen? Wie ziet hoe "
                        "een ander het aanpakt, komt zelf vaak verder.",
                    ],
                    "de": [
                        "Eine Städtepartnerschaft ist eine dauerhafte Freundschaft zwischen zwei "
                        "Gemeinden in verschiedenen Ländern. Es geht dabei nicht um Handel oder "
                        "Verträge, sondern um Menschen: Bürgerinnen und Bürger, die sich "
                        "kennenlernen, Vereine, die gemeinsam etwas auf die Beine stellen, und "
                        "Verantwortliche aus Politik und Verwaltung, die Erfahrungen austauschen.",
                        "Steenwijkerland und Herzebrock-Clarholz pflegen eine solche Verbindung "
                        "seit vielen Jahren. Beide Gemeinden legen großen Wert darauf, und das "
                        "wurde nach einer ruhigen Phase während der Corona-Krise ausdrücklich "
                        "bekräftigt.",
                        "Warum eine Städtepartnerschaft? Weil Nachbarn jenseits der Grenze oft vor "
                        "denselben Fragen stehen. Wie bleiben Dörfer und ländlicher Raum lebenswert, "
                        "wie gehen wir mit dem Klimawandel um, wie sorgen wir dafür, dass alle "
                        "teilhaben können? Wer sieht, wie andere es angehen, kommt oft selbst weiter.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Een nieuwe vorm: sectorgemeenschappen",
                    "de": "Eine neue Form: Fachgruppen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De stichtingen willen de stedenband verbreden, zodat hij niet alleen leeft "
                        "bij een vaste kern van vrijwilligers, maar bij veel meer inwoners en "
                        "organisaties. Daarom is de uitwisseling uitgebreid naar sectoren, elk met "
                        "een eigen gemeenschap op dit platform.",
                        "Duurzaamheid en klimaat: kennis delen over klimaatopgaven, energie, water "
                        "en een duurzame leefomgeving.",
                        "Recreatie en toerisme: ervaringen uitwisselen over gastvrijheid, routes "
                        "te land en te water en het bezoek aan beide streken.",
                        "Agrarische sector: boeren en tuinders die van elkaar leren over hun "
                        "bedrijf, over natuur en over het landschap.",
                        "De twee gemeenteraden: raadsleden uit beide gemeenten die elkaar "
                        "ontmoeten en ervaringen met lokaal bestuur uitwisselen.",
                        "Inclusieve samenleving: de vraag hoe iedereen kan meedoen, ongeacht "
                        "leeftijd, achtergrond of beperking.",
                        "Die lijst is niet af. De redactie voegt nieuwe sectoren toe wanneer daar "
                        "in beide gemeenten belangstelling voor is.",
                    ],
                    "de": [
                        "Die Stiftungen möchten die Partnerschaft auf eine breitere Basis stellen, "
                        "damit sie nicht nur von einem festen Kreis Ehrenamtlicher getragen wird, "
                        "sondern von viel mehr Menschen und Organisationen. Deshalb wurde der "
                        "Austausch auf einzelne Bereiche ausgeweitet, jeder mit einer eigenen "
                        "Fachgruppe auf dieser Plattform.",
                        "Nachhaltigkeit und Klima: Wissen teilen über Klimaaufgaben, Energie, "
                        "Wasser und ein nachhaltiges Lebensumfeld.",
                        "Freizeit und Tourismus: Erfahrungen austauschen über Gastfreundschaft, "
                        "Wege zu Land und zu Wasser und Besuche in beiden Regionen.",
                        "Landwirtschaft: Landwirtinnen, Landwirte und Gärtnereien, die voneinander "
                        "lernen, über ihren Betrieb, über Natur und über die Landschaft.",
                        "Die beiden Gemeinderäte: Ratsmitglieder aus beiden Gemeinden, die sich "
                        "treffen und Erfahrungen aus der Kommunalpolitik austauschen.",
                        "Inklusive Gesellschaft: die Frage, wie alle teilhaben können, unabhängig "
                        "von Alter, Herkunft oder Behinderung.",
                        "Diese Liste ist nicht abgeschlossen. Die Redaktion nimmt neue Bereiche auf, "
                        "sobald es in beiden Gemeinden Interesse dafür gibt.",
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "meeting",
                    "alt_text": {
                        "nl": (
                            "Illustratie in warme kleuren: een rij huizen aan het water, als beeld "
                            "voor een ontmoeting tussen twee dorpen"
                        ),
                        "de": (
                            "Illustration in warmen Farben: eine Häuserreihe am Wasser, als Bild "
                            "für eine Begegnung zweier Dörfer"
                        ),
                    },
                    "caption": {
                        "nl": (
                            "Sommige bijeenkomsten vinden online plaats, andere in Steenwijkerland "
                            "of in Herzebrock-Clarholz."
                        ),
                        "de": (
                            "Manche Treffen finden online statt, andere in Steenwijkerland oder in "
                            "Herzebrock-Clarholz."
                        ),
                    },
                },
            ),
            (
                "heading",
                {
                    "nl": "Online en in het echt",
                    "de": "Online und vor Ort",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Naast fysieke ontmoetingen, zoals bezoeken en uitwisselingen, zijn er "
                        "online bijeenkomsten. Die maken het makkelijker om even aan te schuiven: "
                        "de afstand tussen Giethoorn en Clarholz speelt dan geen rol, en een avond "
                        "van anderhalf uur past in een gewone werkweek.",
                        "Bij elke bijeenkomst staat vermeld of die online, op locatie of allebei "
                        "tegelijk plaatsvindt, in welke taal of talen er gesproken wordt en tot "
                        "wanneer u zich kunt aanmelden. Veel deelnemers verstaan de taal van de "
                        "buren; wie dat niet doet, krijgt hulp van anderen.",
                    ],
                    "de": [
                        "Neben persönlichen Begegnungen wie Besuchen und Austauschen gibt es "
                        "Online-Treffen. Sie machen es leichter, einfach einmal dazuzukommen: Die "
                        "Entfernung zwischen Giethoorn und Clarholz spielt dann keine Rolle, und "
                        "ein Abend von anderthalb Stunden passt in eine normale Arbeitswoche.",
                        "Bei jedem Treffen steht, ob es online, vor Ort oder in beiden Formen "
                        "zugleich stattfindet, in welcher Sprache oder welchen Sprachen gesprochen "
                        "wird und bis wann Sie sich anmelden können. Viele Teilnehmende verstehen "
                        "die Sprache der Nachbarn; wer das nicht tut, bekommt Hilfe von anderen.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Zo doet u mee",
                    "de": "So machen Sie mit",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Iedereen die in Steenwijkerland of Herzebrock-Clarholz woont, en iedereen "
                        "die de jumelage een warm hart toedraagt, kan lid worden van het platform. "
                        "U maakt een account aan met uw e-mailadres en kiest uw taal; op de pagina "
                        "van een sectorgemeenschap wordt u met één klik lid ervan.",
                        "Als lid kunt u zich aanmelden voor bijeenkomsten, verhalen over een "
                        "uitwisseling met foto's delen en zelf een bijeenkomst voorstellen. Een "
                        "redacteur van een van de stichtingen bekijkt uw bijdrage voordat die "
                        "verschijnt.",
                        "Liever zonder account meedoen? Neem dan contact op met een van de "
                        "stichtingen. Zij zijn altijd op zoek naar mensen die willen helpen.",
                    ],
                    "de": [
                        "Wer in Steenwijkerland oder Herzebrock-Clarholz wohnt oder der "
                        "Partnerschaft verbunden ist, kann Mitglied der Plattform werden. Sie "
                        "legen ein Konto mit Ihrer E-Mail-Adresse an und wählen Ihre Sprache; auf "
                        "der Seite einer Fachgruppe treten Sie ihr mit einem Klick bei.",
                        "Als Mitglied können Sie sich zu Treffen anmelden, Berichte über einen "
                        "Austausch mit Fotos teilen und selbst ein Treffen vorschlagen. Eine "
                        "Redakteurin oder ein Redakteur einer der Stiftungen sieht sich Ihren "
                        "Beitrag an, bevor er erscheint.",
                        "Sie möchten lieber ohne Konto mitmachen? Dann wenden Sie sich an eine der "
                        "Stiftungen. Sie suchen immer Menschen, die mithelfen möchten.",
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "title": {
                        "nl": "Maak kennis met de stichtingen",
                        "de": "Lernen Sie die Stiftungen kennen",
                    },
                    "text": {
                        "nl": (
                            "Twee stichtingen dragen de jumelage. Lees wat zij doen en hoe u "
                            "vrijwilliger wordt."
                        ),
                        "de": (
                            "Zwei Stiftungen tragen die Partnerschaft. Lesen Sie, was sie tun und "
                            "wie Sie sich ehrenamtlich engagieren können."
                        ),
                    },
                    "button_label": {"nl": "Naar de stichtingen", "de": "Zu den Stiftungen"},
                    "page": "de-stichtingen",
                },
            ),
        ],
        "children": [HISTORY],
    },
    {
        "slug": {"nl": "de-stichtingen", "de": "die-stiftungen"},
        "title": {"nl": "De stichtingen", "de": "Die Stiftungen"},
        "intro": {
            "nl": (
                "De jumelage wordt gedragen door twee stichtingen: de Stichting Jumelage "
                "Herzebrock-Clarholz in Steenwijkerland en haar Duitse partnerstichting in "
                "Herzebrock-Clarholz. Beide draaien op vrijwilligers."
            ),
            "de": (
                "Getragen wird die Partnerschaft von zwei Stiftungen: der Stichting Jumelage "
                "Herzebrock-Clarholz in Steenwijkerland und ihrer deutschen Partnerstiftung in "
                "Herzebrock-Clarholz. Beide leben vom ehrenamtlichen Engagement."
            ),
        },
        "search_description": {
            "nl": (
                "Over de Stichting Jumelage Herzebrock-Clarholz in Steenwijkerland, de "
                "partnerstichting in Herzebrock-Clarholz en hoe u vrijwilliger wordt."
            ),
            "de": (
                "Über die Stichting Jumelage Herzebrock-Clarholz in Steenwijkerland, die "
                "Partnerstiftung in Herzebrock-Clarholz und wie Sie sich ehrenamtlich engagieren."
            ),
        },
        "show_in_menus": True,
        "body": [
            (
                "heading",
                {
                    "nl": "De stichting in Steenwijkerland",
                    "de": "Die Stiftung in Steenwijkerland",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De Stichting Jumelage Herzebrock-Clarholz is de Nederlandse drager van de "
                        "stedenband. Zij voert de taken van de jumelage uit: zij organiseert "
                        "uitwisselingen, ondersteunt initiatieven van inwoners en onderhoudt het "
                        "contact met de partnerstichting in Duitsland.",
                        "De gemeente Steenwijkerland faciliteert en stimuleert dat werk en heeft "
                        "voor de stedenband een structureel bedrag op de begroting staan. Over haar "
                        "werk brengt de stichting een jaarverslag uit, dat ook in de gemeenteraad "
                        "is besproken.",
                        "Sinds de nieuwe start in 2021 treedt de stichting nadrukkelijker naar "
                        "buiten. Samen met de Duitse partner werkt zij aan de sectorgemeenschappen "
                        "en aan dit platform.",
                    ],
                    "de": [
                        "Die Stichting Jumelage Herzebrock-Clarholz trägt die Partnerschaft auf "
                        "niederländischer Seite. Sie nimmt die Aufgaben der Partnerschaft wahr: Sie "
                        "organisiert Austausche, unterstützt Initiativen aus der Bürgerschaft und "
                        "hält den Kontakt zur Partnerstiftung in Deutschland.",
                        "Die Gemeinde Steenwijkerland ermöglicht und fördert diese Arbeit und sieht "
                        "für die Partnerschaft einen festen Betrag in ihrem Haushalt vor. Über ihre "
                        "Arbeit legt die Stiftung einen Jahresbericht vor, der auch im Gemeinderat "
                        "besprochen wurde.",
                        "Seit dem Neubeginn 2021 tritt die Stiftung stärker an die Öffentlichkeit. "
                        "Gemeinsam mit dem deutschen Partner arbeitet sie an den Fachgruppen und "
                        "an dieser Plattform.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "De partnerstichting in Herzebrock-Clarholz",
                    "de": "Die Partnerstiftung in Herzebrock-Clarholz",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Aan Duitse kant wordt de stedenband gedragen door de jumelagestichting in "
                        "Herzebrock-Clarholz. Zij is het vaste aanspreekpunt in de partnergemeente "
                        "en organiseert de uitwisselingen aan Duitse kant, in Herzebrock en in "
                        "Clarholz.",
                        "Ook de gemeente Herzebrock-Clarholz staat achter de jumelage. Bij het "
                        "bezoek in september 2021 werd duidelijk dat men ook daar groot belang "
                        "hecht aan de band tussen beide gemeenten.",
                        "De twee stichtingen maken in hun gezamenlijk overleg afspraken over nieuwe "
                        "plannen en uitwisselingen. Elke stichting heeft een eigen redactieteam op "
                        "dit platform: de teams beoordelen bijdragen van leden, beheren de agenda "
                        "en vertalen pagina's van het Nederlands naar het Duits en andersom.",
                    ],
                    "de": [
                        "Auf deutscher Seite trägt die Partnerschaftsstiftung in Herzebrock-Clarholz "
                        "die Verbindung. Sie ist die feste Ansprechpartnerin in der Partnergemeinde "
                        "und organisiert die Austausche auf deutscher Seite, in Herzebrock und in "
                        "Clarholz.",
                        "Auch die Gemeinde Herzebrock-Clarholz steht hinter der Partnerschaft. Beim "
                        "Besuch im September 2021 wurde deutlich, dass man auch dort der Verbindung "
                        "zwischen beiden Gemeinden große Bedeutung beimisst.",
                        "Die beiden Stiftungen verabreden in gemeinsamen Gesprächen neue Pläne und "
                        "Austausche. Jede Stiftung hat ein eigenes Redaktionsteam auf dieser "
                        "Plattform: Die Teams prüfen Beiträge von Mitgliedern, pflegen den Kalender "
                        "und übersetzen Seiten vom Niederländischen ins Deutsche und umgekehrt.",
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "bikes",
                    "alt_text": {
                        "nl": "Illustratie: fietsen langs het water bij een rij huizen, met de zon erboven",
                        "de": (
                            "Illustration: Fahrräder am Wasser vor einer Häuserreihe, darüber die "
                            "Sonne"
                        ),
                    },
                    "caption": {
                        "nl": (
                            "Vrijwilligers maken de jumelage: zonder hen geen bezoek, geen "
                            "uitwisseling en geen bijeenkomst."
                        ),
                        "de": (
                            "Ehrenamtliche machen die Partnerschaft aus: Ohne sie gäbe es keinen "
                            "Besuch, keinen Austausch und kein Treffen."
                        ),
                    },
                },
            ),
            (
                "heading",
                {
                    "nl": "Vrijwilliger worden",
                    "de": "Ehrenamtlich mitmachen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Beide stichtingen zijn blij met nieuwe vrijwilligers. U hoeft daarvoor "
                        "geen Duits of Nederlands te spreken, al helpt het wel. Belangrijker is dat "
                        "u het leuk vindt om mensen met elkaar in contact te brengen.",
                        "Er is werk in allerlei vormen: een bezoek of uitwisseling mee organiseren, "
                        "een bijeenkomst van een sectorgemeenschap voorbereiden, gasten rondleiden "
                        "in uw eigen dorp, bijvoorbeeld in Blokzijl of Vollenhove, teksten vertalen "
                        "of als redacteur bijdragen van leden beoordelen.",
                        "Ook wie maar af en toe tijd heeft, is welkom. Vertel ons wat u graag doet "
                        "en hoeveel tijd u hebt; samen zoeken we een taak die bij u past.",
                    ],
                    "de": [
                        "Beide Stiftungen freuen sich über neue Ehrenamtliche. Sie müssen dafür "
                        "weder Niederländisch noch Deutsch sprechen, auch wenn es hilft. Wichtiger "
                        "ist, dass es Ihnen Freude macht, Menschen miteinander in Kontakt zu "
                        "bringen.",
                        "Es gibt Aufgaben in vielen Formen: einen Besuch oder Austausch mit "
                        "organisieren, ein Treffen einer Fachgruppe vorbereiten, Gäste durch Ihren "
                        "Ort führen, etwa durch Herzebrock oder Clarholz, Texte übersetzen oder in "
                        "der Redaktion Beiträge von Mitgliedern prüfen.",
                        "Auch wer nur ab und zu Zeit hat, ist willkommen. Erzählen Sie uns, was Sie "
                        "gern tun und wie viel Zeit Sie haben; gemeinsam finden wir eine Aufgabe, "
                        "die zu Ihnen passt.",
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "title": {"nl": "Zin om mee te helpen?", "de": "Lust mitzuhelfen?"},
                    "text": {
                        "nl": (
                            "Stuur een van de stichtingen een bericht. We nemen contact met u op "
                            "om kennis te maken."
                        ),
                        "de": (
                            "Schreiben Sie einer der beiden Stiftungen. Wir melden uns bei Ihnen, "
                            "um Sie kennenzulernen."
                        ),
                    },
                    "button_label": {"nl": "Neem contact op", "de": "Kontakt aufnehmen"},
                    "page": "contact",
                },
            ),
        ],
    },
    {
        "slug": {"nl": "contact", "de": "kontakt"},
        "title": {"nl": "Contact", "de": "Kontakt"},
        "intro": {
            "nl": (
                "Vragen, ideeën of zin om mee te doen? Hier leest u hoe u de twee stichtingen "
                "bereikt en wat u van ons mag verwachten."
            ),
            "de": (
                "Fragen, Ideen oder Lust mitzumachen? Hier lesen Sie, wie Sie die beiden "
                "Stiftungen erreichen und was Sie von uns erwarten können."
            ),
        },
        "search_description": {
            "nl": (
                "Contact met de jumelagestichtingen van Steenwijkerland en Herzebrock-Clarholz: "
                "vragen, ideeën en voorstellen voor bijeenkomsten."
            ),
            "de": (
                "Kontakt zu den Partnerschaftsstiftungen in Steenwijkerland und "
                "Herzebrock-Clarholz: Fragen, Ideen und Vorschläge für Treffen."
            ),
        },
        "show_in_menus": True,
        "body": [
            (
                "heading",
                {
                    "nl": "Zo bereikt u ons",
                    "de": "So erreichen Sie uns",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De adressen en e-mailadressen van beide stichtingen staan onderaan elke "
                        "pagina van dit platform. Woont u in Steenwijkerland, neem dan bij voorkeur "
                        "contact op met de Stichting Jumelage Herzebrock-Clarholz; woont u in "
                        "Herzebrock-Clarholz, dan met de partnerstichting daar.",
                        "U kunt ons schrijven in het Nederlands of in het Duits. Gaat uw vraag over "
                        "beide gemeenten, dan stemmen de stichtingen het antwoord onderling af; u "
                        "hoeft dus maar één van beide te schrijven.",
                        "Gaat uw vraag over uw account op dit platform, vermeld dan het "
                        "e-mailadres waarmee u bent ingeschreven. Stuur nooit uw wachtwoord mee: "
                        "daar vragen wij nooit om.",
                    ],
                    "de": [
                        "Die Anschriften und E-Mail-Adressen beider Stiftungen finden Sie am Ende "
                        "jeder Seite dieser Plattform. Wenn Sie in Herzebrock-Clarholz wohnen, "
                        "wenden Sie sich am besten an die dortige Partnerstiftung; wenn Sie in "
                        "Steenwijkerland wohnen, an die Stichting Jumelage Herzebrock-Clarholz.",
                        "Sie können uns auf Deutsch oder auf Niederländisch schreiben. Betrifft Ihre "
                        "Frage beide Gemeinden, stimmen sich die Stiftungen über die Antwort ab; "
                        "Sie müssen also nur einer von beiden schreiben.",
                        "Geht es um Ihr Konto auf dieser Plattform, nennen Sie bitte die "
                        "E-Mail-Adresse, mit der Sie sich registriert haben. Schicken Sie niemals "
                        "Ihr Passwort mit: Danach fragen wir nie.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Een idee of bijeenkomst voorstellen",
                    "de": "Eine Idee oder ein Treffen vorschlagen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Heeft u een idee voor een uitwisseling, een bezoek of een onderwerp voor "
                        "een van de sectorgemeenschappen? Als lid van het platform kunt u in uw "
                        "ledenomgeving zelf een bijeenkomst voorstellen. Beschrijf wat u wilt doen, "
                        "voor wie, wanneer, waar of online, en in welke taal.",
                        "Uw voorstel gaat naar de redactie van de stichtingen. Die bekijkt of het "
                        "past, neemt zo nodig contact met u op en zet de bijeenkomst in de agenda. "
                        "Wordt een voorstel niet overgenomen, dan krijgt u per e-mail een "
                        "toelichting. In uw ledenomgeving ziet u steeds hoe het met uw voorstel "
                        "staat.",
                        "Zonder account kan het ook: beschrijf uw idee in een e-mail aan een van de "
                        "stichtingen. Hoe concreter uw voorstel, hoe sneller we verder kunnen.",
                    ],
                    "de": [
                        "Haben Sie eine Idee für einen Austausch, einen Besuch oder ein Thema für "
                        "eine der Fachgruppen? Als Mitglied der Plattform können Sie in Ihrem "
                        "Mitgliederbereich selbst ein Treffen vorschlagen. Beschreiben Sie, was Sie "
                        "vorhaben, für wen, wann, wo oder online, und in welcher Sprache.",
                        "Ihr Vorschlag geht an die Redaktion der Stiftungen. Sie prüft, ob er passt, "
                        "meldet sich bei Bedarf bei Ihnen und trägt das Treffen in den Kalender ein. "
                        "Wird ein Vorschlag nicht übernommen, erhalten Sie eine Begründung per "
                        "E-Mail. In Ihrem Mitgliederbereich sehen Sie jederzeit, wie es um Ihren "
                        "Vorschlag steht.",
                        "Es geht auch ohne Konto: Beschreiben Sie Ihre Idee in einer E-Mail an eine "
                        "der Stiftungen. Je konkreter Ihr Vorschlag ist, desto schneller kommen wir "
                        "weiter.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Wanneer krijgt u antwoord?",
                    "de": "Wann bekommen Sie eine Antwort?",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De stichtingen draaien op vrijwilligers. Wij streven ernaar binnen een "
                        "week te reageren. Rond vakanties en in drukke periodes, zoals de weken "
                        "voor een groot bezoek, kan het wat langer duren.",
                        "Voorstellen voor bijeenkomsten vragen meestal meer tijd, omdat we ze met "
                        "de partnerstichting afstemmen. Dien een voorstel daarom bij voorkeur ten "
                        "minste zes weken voor de gewenste datum in.",
                        "Wilt u een probleem met de toegankelijkheid van dit platform melden of "
                        "een verzoek doen over uw persoonsgegevens? Lees dan de "
                        "toegankelijkheidsverklaring of de privacyverklaring; ook die verzoeken "
                        "kunt u naar de adressen onderaan de pagina sturen.",
                    ],
                    "de": [
                        "Die Stiftungen arbeiten ehrenamtlich. Wir bemühen uns, innerhalb einer "
                        "Woche zu antworten. In den Ferien und in arbeitsreichen Zeiten, etwa in den "
                        "Wochen vor einem größeren Besuch, kann es etwas länger dauern.",
                        "Vorschläge für Treffen brauchen meist mehr Zeit, weil wir sie mit der "
                        "Partnerstiftung abstimmen. Reichen Sie einen Vorschlag deshalb möglichst "
                        "mindestens sechs Wochen vor dem gewünschten Termin ein.",
                        "Möchten Sie ein Problem mit der Barrierefreiheit dieser Plattform melden "
                        "oder ein Anliegen zu Ihren personenbezogenen Daten vorbringen? Lesen Sie "
                        "dazu die Erklärung zur Barrierefreiheit oder die Datenschutzerklärung; auch "
                        "solche Anliegen können Sie an die Adressen am Ende der Seite schicken.",
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "title": {
                        "nl": "Wie zitten er achter de jumelage?",
                        "de": "Wer steht hinter der Partnerschaft?",
                    },
                    "text": {
                        "nl": "Lees meer over de twee stichtingen en hun vrijwilligers.",
                        "de": "Erfahren Sie mehr über die beiden Stiftungen und ihre Ehrenamtlichen.",
                    },
                    "button_label": {"nl": "Over de stichtingen", "de": "Über die Stiftungen"},
                    "page": "de-stichtingen",
                },
            ),
        ],
    },
    {
        "slug": {"nl": "privacyverklaring", "de": "datenschutzerklaerung"},
        "title": {"nl": "Privacyverklaring", "de": "Datenschutzerklärung"},
        "intro": {
            "nl": (
                "In deze verklaring leest u welke persoonsgegevens het jumelageplatform verwerkt, "
                "waarom en hoe lang, en welke rechten u heeft."
            ),
            "de": (
                "In dieser Erklärung lesen Sie, welche personenbezogenen Daten die "
                "Partnerschaftsplattform verarbeitet, wozu und wie lange, und welche Rechte Sie "
                "haben."
            ),
        },
        "search_description": {
            "nl": (
                "Privacyverklaring van het jumelageplatform Steenwijkerland – Herzebrock-Clarholz "
                "volgens de AVG."
            ),
            "de": (
                "Datenschutzerklärung der Partnerschaftsplattform Steenwijkerland – "
                "Herzebrock-Clarholz nach der DSGVO."
            ),
        },
        "show_in_menus": False,
        "body": [
            (
                "heading",
                {
                    "nl": "Wie is verantwoordelijk?",
                    "de": "Wer ist verantwortlich?",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Dit platform wordt beheerd door de Stichting Jumelage Herzebrock-Clarholz "
                        "in Steenwijkerland en de partnerstichting in Herzebrock-Clarholz. Zij zijn "
                        "gezamenlijk verwerkingsverantwoordelijke in de zin van artikel 26 van de "
                        "Algemene verordening gegevensbescherming (AVG; in Duitsland DSGVO).",
                        "De stichtingen hebben onderling vastgelegd wie welke taak heeft. U kunt "
                        "uw vragen en verzoeken aan elk van beide stichtingen richten; zij zorgen "
                        "er samen voor dat uw verzoek wordt afgehandeld. De contactgegevens staan "
                        "onderaan elke pagina.",
                    ],
                    "de": [
                        "Diese Plattform wird von der Stichting Jumelage Herzebrock-Clarholz in "
                        "Steenwijkerland und der Partnerstiftung in Herzebrock-Clarholz betrieben. "
                        "Beide sind gemeinsam Verantwortliche im Sinne von Art. 26 der "
                        "Datenschutz-Grundverordnung (DSGVO; in den Niederlanden AVG).",
                        "Die Stiftungen haben untereinander festgelegt, wer welche Aufgabe "
                        "übernimmt. Sie können Ihre Fragen und Anliegen an jede der beiden "
                        "Stiftungen richten; gemeinsam sorgen sie dafür, dass Ihr Anliegen "
                        "bearbeitet wird. Die Kontaktdaten finden Sie am Ende jeder Seite.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Welke gegevens verwerken wij?",
                    "de": "Welche Daten verarbeiten wir?",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Account: als u lid wordt, slaan wij uw e-mailadres, uw weergavenaam, uw "
                        "woonplaats, uw taalvoorkeur en de sectoren die u volgt op. Een korte "
                        "beschrijving van uzelf en een profielfoto zijn optioneel. Uw wachtwoord "
                        "slaan wij niet leesbaar op, maar alleen als cryptografische hash.",
                        "Bijdragen: verhalen, foto's en voorstellen voor bijeenkomsten die u "
                        "instuurt, met de datum, uw weergavenaam als auteur en de opmerkingen van "
                        "de redactie bij de beoordeling. Meldt u een bijdrage van iemand anders, "
                        "dan bewaren wij ook die melding.",
                        "Aanmeldingen: als u zich aanmeldt voor een bijeenkomst, leggen wij vast "
                        "voor welke bijeenkomst en wanneer u zich heeft aangemeld.",
                        "Serverlogs: bij elk bezoek legt de webserver technische gegevens vast, "
                        "zoals uw IP-adres, het tijdstip, de opgevraagde pagina en het type "
                        "browser. Dat gebeurt ook als u geen account heeft.",
                        "Cookies: wij gebruiken alleen cookies die nodig zijn om het platform te "
                        "laten werken, zoals een sessiecookie die u ingelogd houdt en een "
                        "beveiligingscookie tegen vervalste formulieren. Daarvoor is geen "
                        "toestemming nodig.",
                    ],
                    "de": [
                        "Konto: Wenn Sie Mitglied werden, speichern wir Ihre E-Mail-Adresse, Ihren "
                        "Anzeigenamen, Ihren Wohnort, Ihre bevorzugte Sprache und die Bereiche, "
                        "denen Sie folgen. Eine kurze Beschreibung Ihrer Person und ein Profilbild "
                        "sind freiwillig. Ihr Passwort speichern wir nicht im Klartext, sondern nur "
                        "als kryptografischen Hash.",
                        "Beiträge: Berichte, Fotos und Vorschläge für Treffen, die Sie einreichen, "
                        "mit Datum, Ihrem Anzeigenamen als Autorin oder Autor und den Anmerkungen "
                        "der Redaktion bei der Prüfung. Wenn Sie den Beitrag einer anderen Person "
                        "melden, speichern wir auch diese Meldung.",
                        "Anmeldungen: Wenn Sie sich zu einem Treffen anmelden, halten wir fest, zu "
                        "welchem Treffen und wann Sie sich angemeldet haben.",
                        "Server-Logdateien: Bei jedem Besuch erfasst der Webserver technische "
                        "Daten wie Ihre IP-Adresse, den Zeitpunkt, die aufgerufene Seite und den "
                        "Browsertyp. Das geschieht auch, wenn Sie kein Konto haben.",
                        "Cookies: Wir verwenden nur Cookies, die für den Betrieb der Plattform "
                        "nötig sind, etwa ein Sitzungscookie, das Sie angemeldet hält, und ein "
                        "Sicherheitscookie gegen gefälschte Formulare. Dafür ist keine Einwilligung "
                        "erforderlich.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Doelen, grondslagen en bewaartermijnen",
                    "de": "Zwecke, Rechtsgrundlagen und Speicherdauer",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Uw accountgegevens, bijdragen en aanmeldingen gebruiken wij om u de "
                        "diensten van het platform te leveren: inloggen, sectoren volgen, "
                        "bijeenkomsten organiseren, verhalen publiceren en u per e-mail op de "
                        "hoogte houden van de beoordeling van uw bijdragen en van bijeenkomsten "
                        "waarvoor u zich heeft aangemeld. De grondslag is de uitvoering van de "
                        "overeenkomst die u met ons aangaat door een account aan te maken "
                        "(artikel 6, lid 1, onder b AVG).",
                        "Uw beschrijving en profielfoto zijn optioneel en verwerken wij op basis "
                        "van uw toestemming (artikel 6, lid 1, onder a AVG). Uw profiel is alleen "
                        "zichtbaar voor anderen als u daar zelf voor kiest. U kunt uw toestemming "
                        "op elk moment intrekken door deze gegevens te verwijderen.",
                        "Serverlogs en meldingen over bijdragen gebruiken wij om het platform "
                        "veilig en bereikbaar te houden en misbruik tegen te gaan. De grondslag is "
                        "ons gerechtvaardigd belang bij een veilig platform (artikel 6, lid 1, "
                        "onder f AVG).",
                        "Wij gebruiken uw gegevens niet voor reclame, verkopen ze niet en maken "
                        "geen profielen van u. Wij sturen alleen e-mails die met uw gebruik van het "
                        "platform te maken hebben.",
                        "Accountgegevens bewaren wij zolang u een account heeft. Verwijdert u uw "
                        "account, dan verwijderen wij uw profiel, uw aanmeldingen en uw bijdragen "
                        "met de bijbehorende foto's. Aanmeldingen voor een bijeenkomst verwijderen "
                        "wij uiterlijk een jaar na de bijeenkomst.",
                        "Serverlogs bewaren wij hooguit veertien dagen, meldingen over bijdragen "
                        "tot een jaar nadat ze zijn afgehandeld. In back-ups kunnen verwijderde "
                        "gegevens nog hooguit dertig dagen voorkomen; daarna worden ook die "
                        "overschreven.",
                    ],
                    "de": [
                        "Ihre Kontodaten, Beiträge und Anmeldungen verwenden wir, um Ihnen die "
                        "Dienste der Plattform bereitzustellen: Anmeldung, Folgen von Bereichen, "
                        "Organisation von Treffen, Veröffentlichung von Berichten und "
                        "Benachrichtigungen per E-Mail über die Prüfung Ihrer Beiträge und über "
                        "Treffen, zu denen Sie sich angemeldet haben. Rechtsgrundlage ist die "
                        "Erfüllung des Vertrags, den Sie mit uns durch das Anlegen eines Kontos "
                        "eingehen (Art. 6 Abs. 1 lit. b DSGVO).",
                        "Ihre Beschreibung und Ihr Profilbild sind freiwillig; wir verarbeiten sie "
                        "auf Grundlage Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). Ihr Profil "
                        "ist für andere nur sichtbar, wenn Sie das selbst wählen. Sie können Ihre "
                        "Einwilligung jederzeit widerrufen, indem Sie diese Angaben löschen.",
                        "Server-Logdateien und Meldungen zu Beiträgen nutzen wir, um die Plattform "
                        "sicher und erreichbar zu halten und Missbrauch zu verhindern. "
                        "Rechtsgrundlage ist unser berechtigtes Interesse an einer sicheren "
                        "Plattform (Art. 6 Abs. 1 lit. f DSGVO).",
                        "Wir verwenden Ihre Daten nicht für Werbung, verkaufen sie nicht und "
                        "erstellen keine Profile über Sie. Wir senden Ihnen nur E-Mails, die mit "
                        "Ihrer Nutzung der Plattform zu tun haben.",
                        "Kontodaten speichern wir, solange Sie ein Konto haben. Wenn Sie Ihr Konto "
                        "löschen, löschen wir Ihr Profil, Ihre Anmeldungen und Ihre Beiträge "
                        "mitsamt den Fotos. Anmeldungen zu einem Treffen löschen wir spätestens ein "
                        "Jahr nach dem Treffen.",
                        "Server-Logdateien speichern wir höchstens vierzehn Tage, Meldungen zu "
                        "Beiträgen bis ein Jahr nach ihrer Bearbeitung. In Sicherungskopien können "
                        "gelöschte Daten noch höchstens dreißig Tage enthalten sein; danach werden "
                        "auch sie überschrieben.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Geen trackers, geen externe diensten",
                    "de": "Keine Tracker, keine externen Dienste",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het platform bevat geen trackers van derden, geen advertenties en geen "
                        "knoppen van sociale media. Wij gebruiken geen analysediensten die uw "
                        "surfgedrag volgen.",
                        "Alle lettertypen, scripts en stijlbestanden komen van onze eigen server. "
                        "Wij gebruiken geen externe lettertypediensten en geen content delivery "
                        "networks van derden, zodat uw browser bij een bezoek geen gegevens naar "
                        "andere partijen stuurt.",
                        "Van foto's die u uploadt, verwijderen wij de locatiegegevens in de "
                        "metadata, zoals GPS-coördinaten in EXIF-gegevens. Zo valt uit een foto "
                        "niet af te leiden waar die is gemaakt.",
                        "Partijen die in onze opdracht gegevens verwerken, zoals de hostingpartij "
                        "en de dienst die onze e-mails verstuurt, doen dat op basis van een "
                        "verwerkersovereenkomst en binnen de Europese Unie. Wij geven uw gegevens "
                        "niet door aan landen buiten de Europese Economische Ruimte.",
                    ],
                    "de": [
                        "Die Plattform enthält keine Tracker von Dritten, keine Werbung und keine "
                        "Schaltflächen sozialer Netzwerke. Wir nutzen keine Analysedienste, die Ihr "
                        "Surfverhalten verfolgen.",
                        "Alle Schriften, Skripte und Stylesheets kommen von unserem eigenen Server. "
                        "Wir verwenden keine externen Schriftdienste und keine Content Delivery "
                        "Networks von Dritten, sodass Ihr Browser bei einem Besuch keine Daten an "
                        "andere weitergibt.",
                        "Bei Fotos, die Sie hochladen, entfernen wir die Standortangaben aus den "
                        "Metadaten, etwa GPS-Koordinaten in den EXIF-Daten. So lässt sich aus einem "
                        "Foto nicht ablesen, wo es aufgenommen wurde.",
                        "Dienstleister, die in unserem Auftrag Daten verarbeiten, etwa der "
                        "Hosting-Anbieter und der Dienst, der unsere E-Mails versendet, tun dies "
                        "auf Grundlage eines Auftragsverarbeitungsvertrags und innerhalb der "
                        "Europäischen Union. Wir übermitteln Ihre Daten nicht in Länder außerhalb "
                        "des Europäischen Wirtschaftsraums.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Uw rechten",
                    "de": "Ihre Rechte",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "U heeft recht op inzage in uw gegevens en op overdraagbaarheid ervan. In "
                        "uw ledenomgeving kunt u al uw gegevens als bestand downloaden.",
                        "Onjuiste gegevens kunt u zelf aanpassen in uw ledenomgeving (recht op "
                        "rectificatie). Daar kunt u ook uw account verwijderen (recht op "
                        "gegevenswissing).",
                        "U kunt bezwaar maken tegen verwerking op grond van ons gerechtvaardigd "
                        "belang. Voor dit en andere verzoeken kunt u ons schrijven via de adressen "
                        "onderaan de pagina. Wij reageren binnen een maand.",
                        "Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een "
                        "klacht indienen bij de Autoriteit Persoonsgegevens in Nederland of bij de "
                        "Landesbeauftragte für Datenschutz und Informationsfreiheit "
                        "Nordrhein-Westfalen in Duitsland. Wij stellen het op prijs als u eerst "
                        "contact met ons opneemt, zodat we het samen kunnen oplossen.",
                        "Wij passen deze verklaring aan als het platform verandert. De geldende "
                        "versie staat altijd op deze pagina.",
                        "Versie 1.0, november 2026",
                    ],
                    "de": [
                        "Sie haben das Recht auf Auskunft über Ihre Daten und auf "
                        "Datenübertragbarkeit. In Ihrem Mitgliederbereich können Sie alle Ihre "
                        "Daten als Datei herunterladen.",
                        "Unrichtige Angaben können Sie in Ihrem Mitgliederbereich selbst "
                        "berichtigen (Recht auf Berichtigung). Dort können Sie auch Ihr Konto "
                        "löschen (Recht auf Löschung).",
                        "Sie können der Verarbeitung auf Grundlage unseres berechtigten Interesses "
                        "widersprechen. Für dieses und andere Anliegen schreiben Sie uns an die "
                        "Adressen am Ende der Seite. Wir antworten innerhalb eines Monats.",
                        "Wenn Sie mit unserem Umgang mit Ihren Daten nicht einverstanden sind, "
                        "können Sie sich bei der Landesbeauftragten für Datenschutz und "
                        "Informationsfreiheit Nordrhein-Westfalen in Deutschland oder bei der "
                        "Autoriteit Persoonsgegevens in den Niederlanden beschweren. Wir freuen uns, "
                        "wenn Sie sich zuerst an uns wenden, damit wir das gemeinsam klären können.",
                        "Wir passen diese Erklärung an, wenn sich die Plattform ändert. Die jeweils "
                        "gültige Fassung finden Sie immer auf dieser Seite.",
                        "Version 1.0, November 2026",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {"nl": "toegankelijkheidsverklaring", "de": "erklaerung-zur-barrierefreiheit"},
        "title": {"nl": "Toegankelijkheidsverklaring", "de": "Erklärung zur Barrierefreiheit"},
        "intro": {
            "nl": (
                "Iedereen moet dit platform kunnen gebruiken, ook mensen met een beperking. In "
                "deze verklaring leest u welke norm wij volgen, wat wij hebben getest en hoe, wat "
                "nog niet is getest en hoe u een probleem meldt."
            ),
            "de": (
                "Alle sollen diese Plattform nutzen können, auch Menschen mit Behinderungen. In "
                "dieser Erklärung lesen Sie, welchem Standard wir folgen, was wir wie geprüft "
                "haben, was noch nicht geprüft ist und wie Sie uns ein Problem melden."
            ),
        },
        "search_description": {
            "nl": (
                "Toegankelijkheidsverklaring van het jumelageplatform: WCAG 2.2 niveau AA, wat wij "
                "testen en wat niet, en hoe u een probleem meldt."
            ),
            "de": (
                "Erklärung zur Barrierefreiheit der Partnerschaftsplattform: WCAG 2.2 Stufe AA, "
                "was wir prüfen und was nicht, und wie Sie ein Problem melden."
            ),
        },
        "show_in_menus": False,
        "body": [
            (
                "heading",
                {
                    "nl": "Welke norm wij volgen",
                    "de": "Welchem Standard wir folgen",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Wij willen dat dit platform voldoet aan de Web Content Accessibility "
                        "Guidelines (WCAG) 2.2 op niveau AA.",
                        "Daarmee volgen wij de eisen die het Besluit digitale toegankelijkheid "
                        "overheid in Nederland aan websites van overheidsinstanties stelt, en die "
                        "van de Duitse federale Barrierefreie-Informationstechnik-Verordnung (BITV "
                        "2.0). Beide verwijzen naar de Europese norm EN 301 549, die op de WCAG is "
                        "gebaseerd.",
                        "Deze verklaring gaat over de openbare pagina's en de ledenomgeving, in "
                        "het Nederlands en in het Duits.",
                    ],
                    "de": [
                        "Unser Ziel ist, dass diese Plattform die Web Content Accessibility "
                        "Guidelines (WCAG) 2.2 auf Stufe AA erfüllt.",
                        "Wir richten uns damit nach den Anforderungen der "
                        "Barrierefreie-Informationstechnik-Verordnung des Bundes (BITV 2.0) und "
                        "des niederländischen Besluit digitale toegankelijkheid overheid, das für "
                        "Websites von Behörden gilt. Beide verweisen auf die europäische Norm EN "
                        "301 549, die auf den WCAG aufbaut.",
                        "Die Erklärung gilt für die öffentlichen Seiten und den Mitgliederbereich, "
                        "auf Deutsch wie auf Niederländisch.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Hoe ver wij zijn",
                    "de": "Stand der Vereinbarkeit",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Of het platform volledig aan deze eisen voldoet, kunnen wij nog niet "
                        "zeggen. Dat moet een onderzoek door een deskundige uitwijzen, en dat "
                        "heeft nog niet plaatsgevonden.",
                        "Wel testen wij het platform zelf, automatisch, bij elke wijziging aan de "
                        "software. Hieronder leest u wat die tests controleren en wat niet.",
                    ],
                    "de": [
                        "Ob die Plattform diese Anforderungen vollständig erfüllt, können wir noch "
                        "nicht sagen. Das müsste eine Prüfung durch Fachleute zeigen, und die "
                        "steht noch aus.",
                        "Wir testen die Plattform aber selbst, automatisch, bei jeder Änderung an "
                        "der Software. Was diese Tests abdecken und was nicht, lesen Sie hier.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Wat wij hebben getest",
                    "de": "Was wir geprüft haben",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Eén test opent de pagina's in een browser (Chromium, zonder scherm) en "
                        "laat ze nakijken door axe-core, met alle regels die dat programma heeft "
                        "voor WCAG 2.0, 2.1 en 2.2 op niveau A en AA. Een wijziging gaat alleen "
                        "door als axe-core niets meer vindt uit de twee zwaarste categorieën "
                        "(‘serious’ en ‘critical’). Lichtere bevindingen houden een wijziging niet "
                        "tegen.",
                        "Zo worden de startpagina en de pagina van een sectorgemeenschap in beide "
                        "talen nagekeken. De andere pagina's in één van de twee talen, want beide "
                        "talen gebruiken dezelfde opmaak: het verhalenoverzicht met een filter, "
                        "een verhaal, de agenda als lijst en als maandoverzicht, een bijeenkomst, "
                        "de zoekresultaten, het registratie- en het inlogformulier, en in de "
                        "ledenomgeving het overzicht, het profiel en de formulieren voor een nieuw "
                        "verhaal en een nieuwe bijeenkomst.",
                        "Een tweede test haalt dezelfde pagina's, aangevuld met de foutpagina voor "
                        "een onbekend adres en een zoekopdracht zonder resultaat, door de Nu Html "
                        "Checker van het W3C. Die vindt er geen fouten in de HTML.",
                        "Een derde test bedient de site alleen met het toetsenbord, zoals iemand "
                        "zonder muis: met de Tab-toets naar de link ‘Naar de inhoud’, de "
                        "taalkeuze, het hoofdmenu en de filters van het verhalenoverzicht, die hij "
                        "met Enter verstuurt; en op de pagina van een bijeenkomst via het "
                        "inlogformulier naar de knop om zich aan te melden, die hij met de "
                        "spatiebalk indrukt. Bij elke stap controleert de test of de focus te zien "
                        "is, als rand of schaduw om het gekozen element. Deze test gebruikt de "
                        "Nederlandse pagina's.",
                        "Het platform laadt niets van andere servers: geen lettertypen, scripts of "
                        "stijlen van derden, en geen cookiemelding, kaart, video of captcha van "
                        "een andere dienst. De Content Security Policy van de site houdt dat zo. "
                        "Er staat dus niets op de pagina's waarvan wij de toegankelijkheid niet "
                        "zelf in de hand hebben.",
                        "Afbeeldingen kunnen alleen met een alternatieve tekst worden geplaatst, "
                        "door redacteuren en door leden. Redacteuren zien bovendien bij het "
                        "bekijken van een pagina de toegankelijkheidscontrole van Wagtail, die "
                        "onder meer ontbrekende alternatieve teksten meldt.",
                    ],
                    "de": [
                        "Ein Test öffnet die Seiten in einem Browser (Chromium, ohne Bildschirm) "
                        "und lässt sie von axe-core prüfen, mit allen Regeln, die das Programm für "
                        "WCAG 2.0, 2.1 und 2.2 auf den Stufen A und AA kennt. Eine Änderung wird "
                        "nur übernommen, wenn axe-core in den beiden schwersten Kategorien "
                        "(„serious“ und „critical“) nichts mehr findet. Leichtere Befunde halten "
                        "eine Änderung nicht auf.",
                        "Die Startseite und die Seite einer Fachgruppe werden so in beiden "
                        "Sprachen geprüft. Die übrigen Seiten in einer der beiden Sprachen, da "
                        "beide Sprachen dieselben Vorlagen nutzen: die Übersicht der Geschichten "
                        "mit einem Filter, eine Geschichte, der Kalender als Liste und als "
                        "Monatsansicht, ein Treffen, die Suchergebnisse, die Formulare zur "
                        "Registrierung und zum Login sowie im Mitgliederbereich die Übersicht, das "
                        "Profil und die Formulare für eine neue Geschichte und ein neues Treffen.",
                        "In einem zweiten Test prüft der Nu Html Checker des W3C dieselben Seiten, "
                        "ergänzt um die Fehlerseite für eine unbekannte Adresse und eine Suche "
                        "ohne Treffer. Er findet darin keine Fehler im HTML.",
                        "Ein dritter Test bedient die Website nur mit der Tastatur, wie jemand "
                        "ohne Maus: mit der Tabulatortaste zum Link „Zum Inhalt springen“, zur "
                        "Sprachwahl, zur Hauptnavigation und zu den Filtern der Geschichten, die "
                        "er mit der Eingabetaste abschickt; und auf der Seite eines Treffens über "
                        "das Login-Formular zur Schaltfläche für die Anmeldung, die er mit der "
                        "Leertaste auslöst. Bei jedem Schritt prüft der Test, ob der Fokus "
                        "sichtbar ist, als Rahmen oder Schatten um das gewählte Element. Dieser "
                        "Test läuft auf den niederländischen Seiten.",
                        "Die Plattform lädt nichts von fremden Servern: keine Schriften, Skripte "
                        "oder Stylesheets von Dritten, kein Cookie-Banner, keine Karte, kein Video "
                        "und kein Captcha eines anderen Dienstes. Dafür sorgt die Content Security "
                        "Policy der Website. Auf den Seiten gibt es also nichts, dessen "
                        "Barrierefreiheit wir nicht selbst in der Hand haben.",
                        "Bilder lassen sich nur mit einem Alternativtext einfügen, von der "
                        "Redaktion wie von Mitgliedern. Die Redaktion sieht außerdem beim Ansehen "
                        "einer Seite die Barrierefreiheitsprüfung von Wagtail, die unter anderem "
                        "fehlende Alternativtexte meldet.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Wat wij niet hebben getest",
                    "de": "Was wir nicht geprüft haben",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een deskundige heeft de pagina's nog niet met de hand op alle "
                        "succescriteria van de WCAG onderzocht. Automatische tests vinden maar een "
                        "deel van de mogelijke problemen: of een alternatieve tekst klopt of een "
                        "tekst begrijpelijk is, kunnen ze bijvoorbeeld niet beoordelen.",
                        "Wij hebben het platform nog niet getest met schermlezers of andere "
                        "hulpmiddelen, en nog niet samen met mensen met een beperking. Ook sterk "
                        "inzoomen hebben wij niet stelselmatig getest.",
                        "De tests werken met voorbeeldinhoud. Wat redacteuren en leden later op "
                        "het platform zetten, valt er niet onder.",
                        "Beheeromgeving: redacteuren werken in de beheeromgeving van Wagtail, het "
                        "systeem waarop dit platform draait. Onze tests gaan niet over die "
                        "omgeving, en deze verklaring ook niet.",
                        "Documenten: redacteuren kunnen bestanden uploaden, zoals verslagen of "
                        "uitnodigingen als PDF. Voor de toegankelijkheid daarvan zijn zij zelf "
                        "verantwoordelijk; onze tests controleren die bestanden niet. Heeft u een "
                        "document in een andere vorm nodig, vraag het ons dan.",
                        "Bijdragen van leden: leden schrijven hun verhalen, aankondigingen en de "
                        "alternatieve teksten bij hun foto's zelf. De redactie let bij de "
                        "beoordeling ook op toegankelijkheid, maar kan niet garanderen dat elke "
                        "bijdrage helder en volledig is.",
                    ],
                    "de": [
                        "Fachleute haben die Seiten noch nicht von Hand auf alle Erfolgskriterien "
                        "der WCAG geprüft. Automatische Tests finden nur einen Teil der möglichen "
                        "Probleme: Ob ein Alternativtext zutrifft oder ein Text verständlich ist, "
                        "können sie zum Beispiel nicht beurteilen.",
                        "Mit Screenreadern oder anderen Hilfsmitteln haben wir die Plattform noch "
                        "nicht getestet, und auch noch nicht gemeinsam mit Menschen mit "
                        "Behinderungen. Eine starke Vergrößerung der Seiten haben wir ebenfalls "
                        "nicht systematisch geprüft.",
                        "Die Tests arbeiten mit Beispielinhalten. Was Redaktion und Mitglieder "
                        "später veröffentlichen, erfassen sie nicht.",
                        "Redaktionsbereich: Die Redaktion arbeitet im Verwaltungsbereich von "
                        "Wagtail, dem System, auf dem die Plattform läuft. Unsere Tests erfassen "
                        "diesen Bereich nicht, und diese Erklärung gilt nicht für ihn.",
                        "Dokumente: Die Redaktion kann Dateien hochladen, etwa Berichte oder "
                        "Einladungen als PDF. Für deren Barrierefreiheit ist sie selbst "
                        "verantwortlich; unsere Tests prüfen diese Dateien nicht. Wenn Sie ein "
                        "Dokument in einer anderen Form brauchen, fragen Sie uns.",
                        "Beiträge von Mitgliedern: Mitglieder schreiben ihre Geschichten, "
                        "Ankündigungen und die Alternativtexte zu ihren Fotos selbst. Die "
                        "Redaktion achtet bei der Prüfung auch auf Barrierefreiheit, kann aber "
                        "nicht garantieren, dass jeder Beitrag klar und vollständig ist.",
                    ],
                },
            ),
            (
                "heading",
                {
                    "nl": "Een probleem melden",
                    "de": "Ein Problem melden",
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Loopt u ergens tegenaan, of is iets voor u niet toegankelijk? Laat het "
                        "ons weten via een van de e-mailadressen onderaan de pagina. Beschrijf op "
                        "welke pagina het probleem zit, wat u probeerde te doen en, als u dat "
                        "wilt, welk hulpmiddel u gebruikt.",
                        "Wij reageren binnen een week. Kunnen wij het probleem niet snel oplossen, "
                        "dan laten wij weten wanneer dat wel lukt, en zorgen wij dat u de "
                        "informatie in de tussentijd op een andere manier krijgt.",
                        "Deze verklaring is opgesteld in november 2026 en beschrijft wat de tests "
                        "toen controleerden.",
                    ],
                    "de": [
                        "Stoßen Sie auf ein Hindernis, oder ist etwas für Sie nicht zugänglich? "
                        "Teilen Sie es uns über eine der E-Mail-Adressen am Ende der Seite mit. "
                        "Beschreiben Sie, auf welcher Seite das Problem auftritt, was Sie tun "
                        "wollten und, wenn Sie möchten, welches Hilfsmittel Sie verwenden.",
                        "Wir antworten innerhalb einer Woche. Können wir das Problem nicht schnell "
                        "beheben, sagen wir Ihnen, bis wann es gelöst ist, und sorgen dafür, dass "
                        "Sie die Informationen in der Zwischenzeit auf anderem Weg erhalten.",
                        "Diese Erklärung wurde im November 2026 erstellt und beschreibt, was die "
                        "Tests zu diesem Zeitpunkt prüften.",
                    ],
                },
            ),
        ],
    },
]
