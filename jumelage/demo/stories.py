"""Demo content for the exchange stories, in Dutch and German.

Data only. The stories up to the end of 2021 follow the municipal information note of December 2021
(see `seed/`); the exchanges from 2022 on are fictional but plausible, and so are all residents
quoted here. Real office holders are never quoted. Every Dutch text maps to one German text across
all demo modules, because the demo loader translates by that mapping.

Story bodies use paragraphs, quotes, images, galleries and facts boxes: the story stream field has
no heading block.
"""

STORY_INDEX = {
    "slug": {"nl": "verhalen", "de": "geschichten"},
    "title": {"nl": "Verhalen", "de": "Geschichten"},
    "intro": {
        "nl": (
            "Verslagen van ontmoetingen tussen Steenwijkerland en Herzebrock-Clarholz: van de "
            "eerste gesprekken na de coronacrisis tot fietstochten, boerenbezoeken en online "
            "avonden. Filter op sector, gemeente of jaar."
        ),
        "de": (
            "Berichte von Begegnungen zwischen Steenwijkerland und Herzebrock-Clarholz: von den "
            "ersten Gesprächen nach der Corona-Krise bis zu Radtouren, Hofbesuchen und "
            "Online-Abenden. Filtern Sie nach Fachgruppe, Gemeinde oder Jahr."
        ),
    },
    "search_description": {
        "nl": (
            "Verhalen over uitwisselingen in de jumelage Steenwijkerland – Herzebrock-Clarholz, "
            "per sector, gemeente en jaar."
        ),
        "de": (
            "Geschichten von Austauschen in der Partnerschaft Steenwijkerland – "
            "Herzebrock-Clarholz, nach Fachgruppe, Gemeinde und Jahr."
        ),
    },
}


STORIES = [
    {
        "slug": {
            "nl": "raad-bespreekt-jaarverslag-stichting",
            "de": "rat-beraet-jahresbericht-der-stiftung",
        },
        "title": {
            "nl": "Gemeenteraad praat over de stedenband",
            "de": "Gemeinderat spricht über die Partnerschaft",
        },
        "intro": {
            "nl": (
                "Eind 2019 kwam het jaarverslag van de Stichting Jumelage Herzebrock-Clarholz op de "
                "politieke markt van de gemeenteraad van Steenwijkerland. De uitkomst: de meeste "
                "fracties willen dat de stedenband doorgaat."
            ),
            "de": (
                "Ende 2019 kam der Jahresbericht der Stichting Jumelage Herzebrock-Clarholz in die "
                "„politieke markt“ des Gemeinderats von Steenwijkerland. Das Ergebnis: Die meisten "
                "Fraktionen wollen, dass die Partnerschaft weitergeht."
            ),
        },
        "search_description": {
            "nl": (
                "Eind 2019 besprak de gemeenteraad van Steenwijkerland het jaarverslag van de "
                "jumelagestichting; de meeste fracties steunen de stedenband."
            ),
            "de": (
                "Ende 2019 beriet der Gemeinderat von Steenwijkerland über den Jahresbericht der "
                "Partnerschaftsstiftung; die meisten Fraktionen unterstützen die Partnerschaft."
            ),
        },
        "date": "2019-12-10",
        "towns": ["steenwijkerland"],
        "sectors": ["gemeenteraden"],
        "tags": {"nl": ["gemeenteraad", "stichting"], "de": ["Gemeinderat", "Stiftung"]},
        "image": "council",
        "image_alt": {
            "nl": (
                "Illustratie: een raadszaal met lange tafels en stapels papier, klaar voor een "
                "avond overleg"
            ),
            "de": (
                "Illustration: ein Ratssaal mit langen Tischen und Papierstapeln, bereit für einen "
                "Beratungsabend"
            ),
        },
        "author": "nl",
        "translated": False,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Een jaarverslag van een stichting haalt zelden de raadsagenda. Eind 2019 "
                        "gebeurde dat wel: de VVD-fractie zette het verslag van de Stichting "
                        "Jumelage Herzebrock-Clarholz op de politieke markt, het open overlegformaat "
                        "waarin fracties onderwerpen verkennen voordat er iets besloten hoeft te "
                        "worden.",
                        "De vragen die zo'n gesprek oproept, liggen voor de hand. Wat levert de "
                        "stedenband op, wie draagt hem, en hoe blijft hij levend als de vaste kern "
                        "van vrijwilligers ouder wordt?",
                    ],
                    "de": [
                        "Der Jahresbericht einer Stiftung landet selten auf der Tagesordnung des "
                        "Rates. Ende 2019 war es anders: Die VVD-Fraktion brachte den Bericht der "
                        "Stichting Jumelage Herzebrock-Clarholz in die „politieke markt“ ein, ein "
                        "offenes Format, in dem die Fraktionen Themen erkunden, bevor etwas "
                        "entschieden werden muss.",
                        "Die Fragen, die ein solches Gespräch aufwirft, liegen auf der Hand. Was "
                        "bringt die Partnerschaft, wer trägt sie, und wie bleibt sie lebendig, wenn "
                        "der feste Kreis der Ehrenamtlichen älter wird?",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {
                        "nl": "De politieke markt in het kort",
                        "de": "Die „politieke markt“ in Kürze",
                    },
                    "facts": [
                        {
                            "label": {"nl": "Wanneer", "de": "Wann"},
                            "value": {"nl": "Eind 2019", "de": "Ende 2019"},
                        },
                        {
                            "label": {"nl": "Waar", "de": "Wo"},
                            "value": {
                                "nl": "In het gemeentehuis in Steenwijk",
                                "de": "Im Rathaus in Steenwijk",
                            },
                        },
                        {
                            "label": {"nl": "Op de agenda", "de": "Auf der Tagesordnung"},
                            "value": {
                                "nl": "Het jaarverslag van de Stichting Jumelage Herzebrock-Clarholz",
                                "de": "Der Jahresbericht der Stichting Jumelage Herzebrock-Clarholz",
                            },
                        },
                        {
                            "label": {"nl": "Uitkomst", "de": "Ergebnis"},
                            "value": {
                                "nl": "De meeste fracties steunen voortzetting van de jumelage",
                                "de": (
                                    "Die meisten Fraktionen unterstützen die Fortsetzung der "
                                    "Partnerschaft"
                                ),
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Uit de bespreking bleek brede steun: de meeste fracties vinden de jumelage "
                        "de moeite waard en willen dat die wordt voortgezet.",
                        "Afgesproken werd dat de burgemeester contact zou opnemen met de Duitse "
                        "partnergemeente, om samen afspraken te maken over de toekomst van de "
                        "stedenband.",
                    ],
                    "de": [
                        "Die Beratung zeigte breiten Rückhalt: Die meisten Fraktionen halten die "
                        "Partnerschaft für lohnend und möchten, dass sie fortgesetzt wird.",
                        "Vereinbart wurde, dass der Bürgermeister Kontakt mit der deutschen "
                        "Partnergemeinde aufnimmt, um gemeinsam Absprachen über die Zukunft der "
                        "Partnerschaft zu treffen.",
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "townhall",
                    "alt_text": {
                        "nl": (
                            "Illustratie: het gemeentehuis van een kleine stad op een winterse "
                            "avond, met verlichte ramen"
                        ),
                        "de": (
                            "Illustration: das Rathaus einer kleinen Stadt an einem Winterabend, "
                            "mit erleuchteten Fenstern"
                        ),
                    },
                    "caption": {
                        "nl": "Eind 2019 stond de jumelage op de politieke markt in het gemeentehuis.",
                        "de": "Ende 2019 stand die Partnerschaft in der „politieke markt“ im Rathaus auf dem Programm.",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Wat toen niemand kon weten: een paar maanden later zou de coronacrisis alle "
                        "bezoeken stilleggen. De afspraken uit de raad bleven liggen tot 2021, maar "
                        "ze waren niet vergeten.",
                    ],
                    "de": [
                        "Was damals niemand ahnen konnte: Wenige Monate später sollte die "
                        "Corona-Krise alle Besuche zum Stillstand bringen. Die Absprachen aus dem "
                        "Rat blieben bis 2021 liegen, vergessen waren sie aber nicht.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "contact-houden-in-coronatijd",
            "de": "in-kontakt-bleiben-in-der-corona-zeit",
        },
        "title": {
            "nl": "Op afstand verbonden: de jumelage in coronatijd",
            "de": "Verbunden auf Abstand: die Partnerschaft in der Corona-Zeit",
        },
        "intro": {
            "nl": (
                "In 2020 lag de stedenband grotendeels stil. Geen bezoeken, geen busreizen, geen "
                "feesten. Toch hielden vrijwilligers aan beide kanten contact, met kaarten, "
                "telefoontjes en de eerste aarzelende videogesprekken."
            ),
            "de": (
                "2020 ruhte die Partnerschaft weitgehend. Keine Besuche, keine Busreisen, keine "
                "Feste. Trotzdem hielten Ehrenamtliche auf beiden Seiten Kontakt, mit Karten, "
                "Telefonaten und den ersten zögerlichen Videogesprächen."
            ),
        },
        "search_description": {
            "nl": (
                "Hoe vrijwilligers in Steenwijkerland en Herzebrock-Clarholz tijdens de coronacrisis "
                "contact hielden toen bezoeken niet mogelijk waren."
            ),
            "de": (
                "Wie Ehrenamtliche in Steenwijkerland und Herzebrock-Clarholz während der "
                "Corona-Krise Kontakt hielten, als Besuche nicht möglich waren."
            ),
        },
        "date": "2020-12-18",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": [],
        "tags": {"nl": ["corona", "vrijwilligers"], "de": ["Corona", "Ehrenamt"]},
        "image": "letters",
        "image_alt": {
            "nl": (
                "Illustratie: een stapel kaarten en enveloppen met Nederlandse en Duitse postzegels"
            ),
            "de": (
                "Illustration: ein Stapel Karten und Umschläge mit niederländischen und deutschen "
                "Briefmarken"
            ),
        },
        "author": "de",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Het voorjaar van 2020 had een drukke tijd moeten worden. Er waren plannen "
                        "voor bezoeken over en weer, en in beide gemeenten wachtten verenigingen op "
                        "een datum. Toen de eerste lockdowns kwamen en reizen werd afgeraden, "
                        "verdween dat alles van de kalender.",
                        "Officieel kwam de samenwerking op een laag pitje te staan. Maar wie de "
                        "vrijwilligers van beide stichtingen sprak, hoorde een ander verhaal: de "
                        "vriendschappen van jaren bleven gewoon bestaan.",
                    ],
                    "de": [
                        "Das Frühjahr 2020 hätte eine lebhafte Zeit werden sollen. Es gab Pläne für "
                        "gegenseitige Besuche, und in beiden Gemeinden warteten Vereine auf einen "
                        "Termin. Als die ersten Lockdowns kamen und von Reisen abgeraten wurde, "
                        "verschwand all das aus dem Kalender.",
                        "Offiziell ruhte die Zusammenarbeit. Doch wer mit den Ehrenamtlichen beider "
                        "Stiftungen sprach, hörte etwas anderes: Die Freundschaften vieler Jahre "
                        "bestanden einfach weiter.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Contact zonder bezoek", "de": "Kontakt ohne Besuch"},
                    "facts": [
                        {
                            "label": {"nl": "Periode", "de": "Zeitraum"},
                            "value": {
                                "nl": "Voorjaar 2020 tot zomer 2021",
                                "de": "Frühjahr 2020 bis Sommer 2021",
                            },
                        },
                        {
                            "label": {"nl": "Kaarten en brieven", "de": "Karten und Briefe"},
                            "value": {
                                "nl": "Met Pasen en met Kerst, over en weer tussen gastgezinnen",
                                "de": "Zu Ostern und zu Weihnachten, hin und her zwischen Gastfamilien",
                            },
                        },
                        {
                            "label": {"nl": "Op het scherm", "de": "Auf dem Bildschirm"},
                            "value": {
                                "nl": "Videogesprekken tussen de besturen van beide stichtingen",
                                "de": "Videogespräche zwischen den Vorständen beider Stiftungen",
                            },
                        },
                        {
                            "label": {"nl": "Bezoeken", "de": "Besuche"},
                            "value": {
                                "nl": "Uitgesteld tot de maatregelen het weer toelieten",
                                "de": "Verschoben, bis die Regeln es wieder zuließen",
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Gastgezinnen die elkaar al jaren kenden, stuurden kaarten met Pasen en met "
                        "Kerst. Er werd gebeld op verjaardagen, en wie het aandurfde, probeerde voor "
                        "het eerst een videogesprek met de vrienden aan de andere kant van de grens.",
                        "Ook de besturen van beide stichtingen zochten elkaar op, op het scherm. Die "
                        "gesprekken waren kort en soms onwennig, maar ze hielden de draad vast: "
                        "iedereen wist dat de stedenband na de crisis verder moest.",
                    ],
                    "de": [
                        "Gastfamilien, die sich seit Jahren kannten, schickten sich Karten zu Ostern "
                        "und zu Weihnachten. Zu Geburtstagen wurde telefoniert, und wer sich traute, "
                        "versuchte zum ersten Mal ein Videogespräch mit den Freunden jenseits der "
                        "Grenze.",
                        "Auch die Vorstände beider Stiftungen trafen sich, auf dem Bildschirm. Diese "
                        "Gespräche waren kurz und manchmal ungewohnt, aber sie hielten den Faden: "
                        "Alle wussten, dass die Partnerschaft nach der Krise weitergehen sollte.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Mijn vriendin in Vollenhove en ik hebben dat jaar vaker gebeld dan in "
                            "de tien jaar daarvoor. Je merkt pas wat je mist als het niet meer kan."
                        ),
                        "de": (
                            "Meine Freundin in Vollenhove und ich haben in diesem Jahr öfter "
                            "telefoniert als in den zehn Jahren davor. Man merkt erst, was einem "
                            "fehlt, wenn es nicht mehr geht."
                        ),
                    },
                    "attribution": {
                        "nl": "Monika, gastvrouw uit Clarholz",
                        "de": "Monika, Gastgeberin aus Clarholz",
                    },
                },
            ),
            (
                "image",
                {
                    "image": "video",
                    "alt_text": {
                        "nl": (
                            "Illustratie: een laptop op een keukentafel met vier kleine vensters "
                            "vol gezichten op het scherm"
                        ),
                        "de": (
                            "Illustration: ein Laptop auf einem Küchentisch, auf dem Bildschirm "
                            "vier kleine Fenster mit Gesichtern"
                        ),
                    },
                    "caption": {
                        "nl": "Voor veel vrijwilligers was 2020 het jaar van het eerste videogesprek.",
                        "de": "Für viele Ehrenamtliche war 2020 das Jahr des ersten Videogesprächs.",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Zo kwam de jumelage door het stilste jaar uit haar geschiedenis. Toen begin "
                        "2021 duidelijk werd dat er weer ruimte kwam, lag er geen koude start klaar, "
                        "maar een lijst met namen van mensen die graag weer op pad wilden.",
                    ],
                    "de": [
                        "So überstand die Partnerschaft das stillste Jahr ihrer Geschichte. Als "
                        "Anfang 2021 absehbar wurde, dass wieder mehr möglich sein würde, gab es "
                        "keinen Kaltstart, sondern eine Liste mit Namen von Menschen, die gern "
                        "wieder losfahren wollten.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {"nl": "grondafspraken-opnieuw-besproken", "de": "grundabsprachen-neu-besprochen"},
        "title": {
            "nl": "Stichting en gemeente zetten de afspraken op een rij",
            "de": "Stiftung und Gemeinde ordnen ihre Absprachen",
        },
        "intro": {
            "nl": (
                "Begin 2021 zocht de stichting contact met de gemeente Steenwijkerland. In een "
                "gesprek met de burgemeester werd nog eens vastgelegd wie wat doet: de stichting "
                "organiseert, de gemeente faciliteert en stimuleert."
            ),
            "de": (
                "Anfang 2021 suchte die Stiftung den Kontakt zur Gemeinde Steenwijkerland. In einem "
                "Gespräch mit dem Bürgermeister wurde noch einmal festgehalten, wer was tut: Die "
                "Stiftung organisiert, die Gemeinde ermöglicht und fördert."
            ),
        },
        "search_description": {
            "nl": (
                "Begin 2021 bespraken de Stichting Jumelage en de gemeente Steenwijkerland de "
                "grondafspraken over de stedenband."
            ),
            "de": (
                "Anfang 2021 besprachen die Stichting Jumelage und die Gemeinde Steenwijkerland die "
                "Grundabsprachen zur Partnerschaft."
            ),
        },
        "date": "2021-03-04",
        "towns": ["steenwijkerland"],
        "sectors": [],
        "tags": {"nl": ["stichting", "gemeente"], "de": ["Stiftung", "Gemeinde"]},
        "image": "desk",
        "image_alt": {
            "nl": "Illustratie: twee koffiekopjes en een opengeslagen map op een vergadertafel",
            "de": (
                "Illustration: zwei Kaffeetassen und eine aufgeschlagene Mappe auf einem "
                "Besprechungstisch"
            ),
        },
        "author": "nl",
        "translated": False,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Na een jaar waarin bijna niets kon, wilde de stichting niet langer "
                        "afwachten. Begin 2021 nam het bestuur contact op met de gemeente, met een "
                        "eenvoudige vraag: hoe pakken we de draad weer op?",
                        "In een gesprek met de burgemeester zijn de grondafspraken over de "
                        "stedenband nog eens doorgenomen. Ze waren niet nieuw, maar na de "
                        "coronastilte was het goed om ze opnieuw uit te spreken.",
                    ],
                    "de": [
                        "Nach einem Jahr, in dem fast nichts ging, wollte die Stiftung nicht länger "
                        "abwarten. Anfang 2021 wandte sich der Vorstand an die Gemeinde, mit einer "
                        "einfachen Frage: Wie nehmen wir den Faden wieder auf?",
                        "In einem Gespräch mit dem Bürgermeister wurden die Grundabsprachen zur "
                        "Partnerschaft noch einmal durchgegangen. Neu waren sie nicht, aber nach der "
                        "Corona-Pause tat es gut, sie erneut auszusprechen.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Wie doet wat", "de": "Wer macht was"},
                    "facts": [
                        {
                            "label": {"nl": "De stichting", "de": "Die Stiftung"},
                            "value": {
                                "nl": "Voert de taken van de stedenband uit",
                                "de": "Nimmt die Aufgaben der Partnerschaft wahr",
                            },
                        },
                        {
                            "label": {"nl": "Bijvoorbeeld", "de": "Zum Beispiel"},
                            "value": {
                                "nl": "Uitwisselingen organiseren en inwonersinitiatieven ondersteunen",
                                "de": (
                                    "Austausche organisieren und Initiativen aus der Bürgerschaft "
                                    "unterstützen"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "De gemeente", "de": "Die Gemeinde"},
                            "value": {
                                "nl": "Faciliteert en stimuleert",
                                "de": "Ermöglicht und fördert",
                            },
                        },
                        {
                            "label": {"nl": "Budget", "de": "Budget"},
                            "value": {
                                "nl": "Een structureel bedrag op de gemeentebegroting",
                                "de": "Ein fester jährlicher Betrag im Gemeindehaushalt",
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Die rolverdeling klinkt vanzelfsprekend, maar ze maakt veel duidelijk. De "
                        "stedenband is geen gemeentelijk project: hij leeft bij inwoners, "
                        "verenigingen en vrijwilligers. De gemeente zorgt dat zij daarvoor de ruimte "
                        "en de steun krijgen.",
                        "In het gesprek werd ook vooruitgekeken. Zodra de coronamaatregelen het "
                        "toelieten, zou er een bezoek aan Herzebrock-Clarholz komen, om samen met de "
                        "Duitse partners over de toekomst te praten.",
                    ],
                    "de": [
                        "Diese Rollenverteilung klingt selbstverständlich, macht aber vieles klar. "
                        "Die Partnerschaft ist kein Projekt der Verwaltung: Sie lebt von "
                        "Bürgerinnen und Bürgern, Vereinen und Ehrenamtlichen. Die Gemeinde sorgt "
                        "dafür, dass sie dafür Raum und Unterstützung bekommen.",
                        "Im Gespräch ging der Blick auch nach vorn. Sobald die Corona-Regeln es "
                        "zuließen, sollte es einen Besuch in Herzebrock-Clarholz geben, um mit den "
                        "deutschen Partnern über die Zukunft zu sprechen.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "We hoefden het wiel niet opnieuw uit te vinden. We moesten alleen weer "
                            "gaan fietsen."
                        ),
                        "de": (
                            "Wir mussten das Rad nicht neu erfinden. Wir mussten nur wieder "
                            "losradeln."
                        ),
                    },
                    "attribution": {
                        "nl": "Gerrit, vrijwilliger van de stichting uit Steenwijk",
                        "de": "Gerrit, Ehrenamtlicher der Stiftung aus Steenwijk",
                    },
                },
            ),
            (
                "image",
                {
                    "image": "townhall",
                    "alt_text": {
                        "nl": (
                            "Illustratie: de voorgevel van een gemeentehuis met een vlag, in het "
                            "vroege voorjaar"
                        ),
                        "de": (
                            "Illustration: die Vorderseite eines Rathauses mit einer Fahne, im "
                            "frühen Frühjahr"
                        ),
                    },
                    "caption": {
                        "nl": "Het gesprek over de grondafspraken was het begin van de nieuwe start.",
                        "de": "Das Gespräch über die Grundabsprachen war der Auftakt zum Neubeginn.",
                    },
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "bezoek-aan-herzebrock-clarholz-2021",
            "de": "besuch-in-herzebrock-clarholz-2021",
        },
        "title": {
            "nl": "Meer dan welkom: op bezoek in Herzebrock-Clarholz",
            "de": "Mehr als willkommen: zu Besuch in Herzebrock-Clarholz",
        },
        "intro": {
            "nl": (
                "In september 2021 reisde een delegatie uit Steenwijkerland naar de Duitse "
                "partnergemeente. Het gesprek liet geen twijfel: ook aan Duitse kant is de "
                "stedenband meer dan gewenst, en er is ruimte voor nieuwe sectoren."
            ),
            "de": (
                "Im September 2021 reiste eine Abordnung aus Steenwijkerland in die deutsche "
                "Partnergemeinde. Das Gespräch ließ keinen Zweifel: Auch auf deutscher Seite ist "
                "die Partnerschaft mehr als erwünscht, und es gibt Raum für neue Bereiche."
            ),
        },
        "search_description": {
            "nl": (
                "Het bezoek van burgemeester en stichting uit Steenwijkerland aan "
                "Herzebrock-Clarholz in september 2021 en de wens om meer sectoren te betrekken."
            ),
            "de": (
                "Der Besuch von Bürgermeister und Stiftung aus Steenwijkerland in "
                "Herzebrock-Clarholz im September 2021 und der Wunsch, weitere Bereiche "
                "einzubeziehen."
            ),
        },
        "date": "2021-09-16",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": [],
        "tags": {"nl": ["bezoek", "stichting"], "de": ["Besuch", "Stiftung"]},
        "image": "visit",
        "image_alt": {
            "nl": (
                "Illustratie: een kleine groep mensen voor een gemeentehuis met bloembakken, onder "
                "een nazomerzon"
            ),
            "de": (
                "Illustration: eine kleine Gruppe vor einem Rathaus mit Blumenkästen, unter "
                "spätsommerlicher Sonne"
            ),
        },
        "author": "de",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Voor het eerst sinds het begin van de coronacrisis ging er weer een "
                        "officiële delegatie uit Steenwijkerland naar Herzebrock-Clarholz. Toen de "
                        "coronamaatregelen het in september toelieten, reisde de burgemeester van "
                        "Steenwijkerland met een vertegenwoordiging van de stichting naar de "
                        "partnergemeente.",
                        "Daar wachtten de burgemeester van Herzebrock-Clarholz en de Duitse "
                        "partnerstichting. Er werd gesproken over de geschiedenis van de band, over "
                        "de stilstand door de coronacrisis en vooral over de toekomst.",
                    ],
                    "de": [
                        "Zum ersten Mal seit Beginn der Corona-Krise kam wieder eine offizielle "
                        "Abordnung aus Steenwijkerland nach Herzebrock-Clarholz. Als die "
                        "Corona-Regeln es im September zuließen, reiste der Bürgermeister von "
                        "Steenwijkerland mit Vertreterinnen und Vertretern der Stiftung in die "
                        "Partnergemeinde.",
                        "Dort warteten der Bürgermeister von Herzebrock-Clarholz und die deutsche "
                        "Partnerstiftung. Gesprochen wurde über die Geschichte der Verbindung, über "
                        "den Stillstand durch die Corona-Krise und vor allem über die Zukunft.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Het bezoek in het kort", "de": "Der Besuch in Kürze"},
                    "facts": [
                        {
                            "label": {"nl": "Datum", "de": "Datum"},
                            "value": {"nl": "September 2021", "de": "September 2021"},
                        },
                        {
                            "label": {
                                "nl": "Delegatie uit Steenwijkerland",
                                "de": "Abordnung aus Steenwijkerland",
                            },
                            "value": {
                                "nl": "De burgemeester en een vertegenwoordiging van de stichting",
                                "de": "Der Bürgermeister und Vertreter der Stiftung",
                            },
                        },
                        {
                            "label": {"nl": "Gastheren", "de": "Gastgeber"},
                            "value": {
                                "nl": (
                                    "De burgemeester van Herzebrock-Clarholz en de Duitse "
                                    "partnerstichting"
                                ),
                                "de": (
                                    "Der Bürgermeister von Herzebrock-Clarholz und die deutsche "
                                    "Partnerstiftung"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Belangrijkste uitkomst", "de": "Wichtigstes Ergebnis"},
                            "value": {
                                "nl": "Meer sectoren bij de uitwisseling betrekken",
                                "de": "Weitere Bereiche in den Austausch einbeziehen",
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "De boodschap van de Duitse gastheren was helder: de stedenband is ook aan "
                        "hun kant meer dan gewenst. Zij hechten groot belang aan de jumelage die al "
                        "jarenlang tussen beide gemeenten bestaat, en willen die graag een toekomst "
                        "geven.",
                        "Samen werd verkend hoe dat kan. De wens werd uitgesproken om meer sectoren "
                        "bij de uitwisseling te betrekken, zodat de band niet alleen leeft bij een "
                        "kleine kring, maar bij veel meer inwoners en organisaties.",
                    ],
                    "de": [
                        "Die Botschaft der deutschen Gastgeber war klar: Die Partnerschaft ist auch "
                        "auf ihrer Seite mehr als erwünscht. Sie messen der Verbindung, die seit "
                        "vielen Jahren zwischen beiden Gemeinden besteht, große Bedeutung bei und "
                        "möchten ihr gern eine Zukunft geben.",
                        "Gemeinsam wurde ausgelotet, wie das gelingen kann. Der Wunsch kam auf, "
                        "weitere Bereiche in den Austausch einzubeziehen, damit die Verbindung nicht "
                        "nur von einem kleinen Kreis getragen wird, sondern von viel mehr Menschen "
                        "und Organisationen.",
                    ],
                },
            ),
            (
                "gallery",
                [
                    {
                        "image": "townhall",
                        "alt_text": {
                            "nl": "Illustratie: een gemeentehuis van rode baksteen met een ruim voorplein",
                            "de": "Illustration: ein Rathaus aus rotem Backstein mit einem weiten Vorplatz",
                        },
                        "caption": {
                            "nl": "Het gesprek vond plaats in het gemeentehuis van Herzebrock-Clarholz.",
                            "de": "Das Gespräch fand im Rathaus von Herzebrock-Clarholz statt.",
                        },
                    },
                    {
                        "image": "monastery",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een oude kloosterkerk met een slanke toren tussen "
                                "hoge bomen"
                            ),
                            "de": (
                                "Illustration: eine alte Klosterkirche mit schlankem Turm zwischen "
                                "hohen Bäumen"
                            ),
                        },
                        "caption": {
                            "nl": "Herzebrock en Clarholz hebben allebei een lange kloostergeschiedenis.",
                            "de": "Herzebrock und Clarholz blicken beide auf eine lange Klostergeschichte zurück.",
                        },
                    },
                    {
                        "image": "table",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een vergadertafel met Nederlandse en Duitse vlaggetjes "
                                "en een schaal met koekjes"
                            ),
                            "de": (
                                "Illustration: ein Besprechungstisch mit niederländischen und "
                                "deutschen Fähnchen und einer Schale Kekse"
                            ),
                        },
                        "caption": {
                            "nl": "Aan tafel ging het vooral over de toekomst van de partnerband.",
                            "de": "Am Tisch ging es vor allem um die Zukunft der Partnerschaft.",
                        },
                    },
                ],
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Kansen zagen de partners op veel terreinen: kennisuitwisseling over "
                        "duurzaamheid en klimaatopgaven, recreatie en toerisme, de agrarische "
                        "sector, contacten tussen de gemeenteraden en vragen rond een inclusieve "
                        "samenleving. Ook de vorm mag veranderen: naast bezoeken kunnen online "
                        "bijeenkomsten een plek krijgen.",
                        "Terug in Steenwijkerland werd het bezoek verwerkt in een informatienota, "
                        "die het college in december 2021 vaststelde. De volgende stap lag bij de "
                        "twee stichtingen.",
                    ],
                    "de": [
                        "Chancen sahen die Partner in vielen Bereichen: Wissensaustausch zu "
                        "Nachhaltigkeit und Klimaaufgaben, Freizeit und Tourismus, Landwirtschaft, "
                        "Kontakte zwischen den Gemeinderäten und Fragen einer inklusiven "
                        "Gesellschaft. Auch die Form darf sich ändern: Neben Besuchen können "
                        "Online-Treffen ihren Platz bekommen.",
                        "Zurück in Steenwijkerland floss der Besuch in eine Informationsvorlage ein, "
                        "die das Kollegium aus Bürgermeister und Beigeordneten im Dezember 2021 "
                        "verabschiedete. Der nächste Schritt lag bei den beiden Stiftungen.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "vervolgoverleg-van-de-twee-stichtingen",
            "de": "folgetreffen-der-beiden-stiftungen",
        },
        "title": {"nl": "Twee stichtingen, één werkplan", "de": "Zwei Stiftungen, ein Arbeitsplan"},
        "intro": {
            "nl": (
                "In het voorjaar van 2022 zaten de jumelagestichtingen van beide gemeenten in "
                "Steenwijk om tafel. Ze maakten van de voornemens uit 2021 een werkplan: vijf "
                "sectorgemeenschappen, online avonden en een jaarlijkse fietstocht."
            ),
            "de": (
                "Im Frühjahr 2022 setzten sich die Partnerschaftsstiftungen beider Gemeinden in "
                "Steenwijk an einen Tisch. Aus den Vorhaben von 2021 machten sie einen Arbeitsplan: "
                "fünf Fachgruppen, Online-Abende und eine jährliche Radtour."
            ),
        },
        "search_description": {
            "nl": (
                "Het vervolgoverleg van de jumelagestichtingen uit Steenwijkerland en "
                "Herzebrock-Clarholz in 2022: vijf sectoren en nieuwe uitwisselingen."
            ),
            "de": (
                "Das Folgetreffen der Partnerschaftsstiftungen aus Steenwijkerland und "
                "Herzebrock-Clarholz 2022: fünf Bereiche und neue Austausche."
            ),
        },
        "date": "2022-03-19",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": [],
        "tags": {"nl": ["stichting", "plannen"], "de": ["Stiftung", "Pläne"]},
        "image": "meeting",
        "image_alt": {
            "nl": (
                "Illustratie: een lange tafel vol papieren en koffiekannen, met een grote wandplaat "
                "met vijf gekleurde vakken"
            ),
            "de": (
                "Illustration: ein langer Tisch voller Papiere und Kaffeekannen, dahinter ein großes "
                "Plakat mit fünf farbigen Feldern"
            ),
        },
        "author": "nl",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "In de informatienota van december 2021 stond het al: er zou een "
                        "vervolgoverleg komen tussen de jumelagestichtingen van beide steden, om "
                        "afspraken te maken over nieuwe plannen en nieuwe uitwisselingen. In maart "
                        "2022 was het zover. Een delegatie van de Duitse partnerstichting kwam naar "
                        "Steenwijk.",
                        "Het werd een lange zaterdag. Er lagen grote vellen papier op tafel, en "
                        "tegen de middag hingen er vijf aan de muur: één voor elke sector waarin de "
                        "partners kansen zagen.",
                    ],
                    "de": [
                        "In der Informationsvorlage vom Dezember 2021 stand es bereits: Die "
                        "Partnerschaftsstiftungen beider Städte sollten sich zu einem Folgetreffen "
                        "zusammensetzen, um neue Pläne und neue Austausche zu verabreden. Im März "
                        "2022 war es so weit. Eine Abordnung der deutschen Partnerstiftung kam nach "
                        "Steenwijk.",
                        "Es wurde ein langer Samstag. Auf dem Tisch lagen große Papierbögen, und "
                        "gegen Mittag hingen fünf davon an der Wand: einer für jeden Bereich, in dem "
                        "die Partner Chancen sahen.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Het vervolgoverleg", "de": "Das Folgetreffen"},
                    "facts": [
                        {
                            "label": {"nl": "Datum en plaats", "de": "Datum und Ort"},
                            "value": {
                                "nl": "Zaterdag 19 maart 2022, Steenwijk",
                                "de": "Samstag, 19. März 2022, Steenwijk",
                            },
                        },
                        {
                            "label": {"nl": "Aan tafel", "de": "Am Tisch"},
                            "value": {
                                "nl": "Besturen en vrijwilligers van beide stichtingen",
                                "de": "Vorstände und Ehrenamtliche beider Stiftungen",
                            },
                        },
                        {
                            "label": {"nl": "Afspraken", "de": "Vereinbart"},
                            "value": {
                                "nl": (
                                    "Vijf sectorgemeenschappen, online avonden en een jaarlijkse "
                                    "fietstocht"
                                ),
                                "de": "Fünf Fachgruppen, Online-Abende und eine jährliche Radtour",
                            },
                        },
                        {
                            "label": {"nl": "Volgende stap", "de": "Nächster Schritt"},
                            "value": {
                                "nl": "De eerste uitwisselingen in het najaar van 2022",
                                "de": "Die ersten Austausche im Herbst 2022",
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Per sector werd gezocht naar mensen die de kar willen trekken: aan elke "
                        "kant van de grens een coördinator. Niet iedere plek was meteen gevuld, "
                        "maar de lijst met namen was langer dan vooraf gedacht.",
                        "Ook over de vorm werden afspraken gemaakt. Naast bezoeken komen er online "
                        "avonden, zodat iemand uit Kalenberg en iemand uit Clarholz elkaar ook op "
                        "een doordeweekse avond kunnen spreken. En de stichtingen treden meer naar "
                        "buiten, zodat meer inwoners weten dat de jumelage er is.",
                    ],
                    "de": [
                        "Für jeden Bereich wurden Menschen gesucht, die vorangehen wollen: auf jeder "
                        "Seite der Grenze eine Koordinatorin oder ein Koordinator. Nicht jeder Platz "
                        "war sofort besetzt, aber die Namensliste war länger als erwartet.",
                        "Auch über die Form wurde gesprochen. Neben Besuchen wird es Online-Abende "
                        "geben, damit jemand aus Kalenberg und jemand aus Clarholz sich auch an "
                        "einem gewöhnlichen Wochenabend sprechen können. Und die Stiftungen gehen "
                        "stärker an die Öffentlichkeit, damit mehr Menschen wissen, dass es die "
                        "Partnerschaft gibt.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Ik kwam voor een vergadering en reed naar huis met drie nieuwe "
                            "afspraken in mijn agenda. Zo hoort een stedenband te werken."
                        ),
                        "de": (
                            "Ich kam zu einer Sitzung und fuhr mit drei neuen Verabredungen im "
                            "Kalender nach Hause. So soll eine Partnerschaft funktionieren."
                        ),
                    },
                    "attribution": {
                        "nl": "Ulrich, vrijwilliger van de partnerstichting uit Herzebrock",
                        "de": "Ulrich, Ehrenamtlicher der Partnerstiftung aus Herzebrock",
                    },
                },
            ),
            (
                "image",
                {
                    "image": "poster",
                    "alt_text": {
                        "nl": (
                            "Illustratie: vijf grote vellen papier op een muur, elk met een "
                            "tekening: een zonnepaneel, een fiets, een koe, een raadszaal en een "
                            "open deur"
                        ),
                        "de": (
                            "Illustration: fünf große Papierbögen an einer Wand, jeder mit einer "
                            "Zeichnung: ein Solarmodul, ein Fahrrad, eine Kuh, ein Ratssaal und "
                            "eine offene Tür"
                        ),
                    },
                    "caption": {
                        "nl": "Vijf vellen, vijf sectoren: de basis voor de sectorgemeenschappen.",
                        "de": "Fünf Bögen, fünf Bereiche: die Grundlage für die Fachgruppen.",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Een half jaar later gingen de eerste groepen op pad. De verhalen daarover "
                        "vindt u hier op het platform.",
                    ],
                    "de": [
                        "Ein halbes Jahr später machten sich die ersten Gruppen auf den Weg. Die "
                        "Geschichten darüber finden Sie hier auf der Plattform.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "energie-en-water-in-herzebrock-clarholz",
            "de": "energie-und-wasser-in-herzebrock-clarholz",
        },
        "title": {
            "nl": "Energie uit het dorp, water op de akker",
            "de": "Energie aus dem Dorf, Wasser auf dem Acker",
        },
        "intro": {
            "nl": (
                "Twintig inwoners uit Steenwijkerland bezochten in september 2022 "
                "Herzebrock-Clarholz om te zien hoe de buren werken aan schone energie en "
                "klimaatadaptatie. Ze kwamen terug met ideeën over energiecoöperaties en regenwater."
            ),
            "de": (
                "Zwanzig Menschen aus Steenwijkerland besuchten im September 2022 "
                "Herzebrock-Clarholz, um zu sehen, wie die Nachbarn an sauberer Energie und "
                "Klimaanpassung arbeiten. Sie fuhren mit Ideen zu Energiegenossenschaften und "
                "Regenwasser nach Hause."
            ),
        },
        "search_description": {
            "nl": (
                "Uitwisseling duurzaamheid en klimaat 2022: een groep uit Steenwijkerland over "
                "energiecoöperaties, klimaatadaptatie en water in Herzebrock-Clarholz."
            ),
            "de": (
                "Austausch Nachhaltigkeit und Klima 2022: eine Gruppe aus Steenwijkerland zu "
                "Energiegenossenschaften, Klimaanpassung und Wasser in Herzebrock-Clarholz."
            ),
        },
        "date": "2022-09-24",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["duurzaamheid-en-klimaat"],
        "tags": {"nl": ["bezoek", "energie", "water"], "de": ["Besuch", "Energie", "Wasser"]},
        "image": "solar",
        "image_alt": {
            "nl": "Illustratie: een schuur met een dak vol zonnepanelen naast een maisakker",
            "de": "Illustration: eine Scheune mit einem Dach voller Solarmodule neben einem Maisfeld",
        },
        "author": "de",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Het was de eerste uitwisseling van de nieuwe sectorgemeenschap duurzaamheid "
                        "en klimaat, en de bus zat vol: leden van energiecoöperaties, een paar "
                        "medewerkers van de gemeente, vrijwilligers van een buurtinitiatief in "
                        "Vollenhove en inwoners die gewoon benieuwd waren.",
                        "De Duitse gastheren hadden een dag met drie bezoeken samengesteld. Eerst "
                        "een burgerenergiecoöperatie, die zonnedaken op boerenschuren en "
                        "bedrijfshallen beheert en de opbrengst in de regio houdt. Daarna een nieuwe "
                        "woonwijk waar regenwater niet in het riool verdwijnt, maar in groene "
                        "greppels wegzakt. En tot slot een boer die zijn akkers aanpast aan steeds "
                        "drogere zomers.",
                    ],
                    "de": [
                        "Es war der erste Austausch der neuen Fachgruppe Nachhaltigkeit und Klima, "
                        "und der Bus war voll: Mitglieder von Energiegenossenschaften, einige "
                        "Beschäftigte der Gemeinde, Ehrenamtliche einer Nachbarschaftsinitiative aus "
                        "Vollenhove und Menschen, die einfach neugierig waren.",
                        "Die deutschen Gastgeber hatten einen Tag mit drei Stationen "
                        "zusammengestellt. Zuerst eine Bürgerenergiegenossenschaft, die Solardächer "
                        "auf Scheunen und Gewerbehallen betreibt und die Erträge in der Region hält. "
                        "Danach ein neues Wohngebiet, in dem Regenwasser nicht in der Kanalisation "
                        "verschwindet, sondern in begrünten Mulden versickert. Und zum Schluss ein "
                        "Landwirt, der seine Äcker auf immer trockenere Sommer einstellt.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "De uitwisseling in cijfers", "de": "Der Austausch in Zahlen"},
                    "facts": [
                        {
                            "label": {"nl": "Reisdag", "de": "Reisetag"},
                            "value": {
                                "nl": "Zaterdag 24 september 2022",
                                "de": "Samstag, 24. September 2022",
                            },
                        },
                        {
                            "label": {"nl": "Deelnemers", "de": "Teilnehmende"},
                            "value": {
                                "nl": "Twintig inwoners uit Steenwijkerland",
                                "de": "Zwanzig Menschen aus Steenwijkerland",
                            },
                        },
                        {
                            "label": {"nl": "Bezocht", "de": "Besucht"},
                            "value": {
                                "nl": (
                                    "Een energiecoöperatie, een klimaatbestendige woonwijk en een "
                                    "akkerbouwbedrijf"
                                ),
                                "de": (
                                    "Eine Energiegenossenschaft, ein klimaangepasstes Wohngebiet "
                                    "und ein Ackerbaubetrieb"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Voertaal", "de": "Sprache"},
                            "value": {
                                "nl": "Duits en Nederlands, met hulp van vrijwillige tolken",
                                "de": "Deutsch und Niederländisch, mit Hilfe ehrenamtlicher Dolmetscher",
                            },
                        },
                    ],
                },
            ),
            (
                "gallery",
                [
                    {
                        "image": "rooftops",
                        "alt_text": {
                            "nl": (
                                "Illustratie: daken van boerenschuren vol zonnepanelen, gezien "
                                "vanaf een landweg"
                            ),
                            "de": (
                                "Illustration: Scheunendächer voller Solarmodule, von einem "
                                "Feldweg aus gesehen"
                            ),
                        },
                        "caption": {
                            "nl": "Zonnedaken op schuren: de opbrengst blijft in de streek.",
                            "de": "Solardächer auf Scheunen: Der Ertrag bleibt in der Region.",
                        },
                    },
                    {
                        "image": "raingarden",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een groene greppel tussen rijtjeshuizen, half gevuld "
                                "met regenwater"
                            ),
                            "de": (
                                "Illustration: eine begrünte Mulde zwischen Reihenhäusern, halb "
                                "gefüllt mit Regenwasser"
                            ),
                        },
                        "caption": {
                            "nl": (
                                "In de nieuwe wijk zakt regenwater weg in de bodem in plaats van in "
                                "het riool."
                            ),
                            "de": (
                                "Im neuen Wohngebiet versickert Regenwasser im Boden statt in der "
                                "Kanalisation."
                            ),
                        },
                    },
                    {
                        "image": "fields",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een akker in de nazomer met een rij jonge bomen langs "
                                "de rand"
                            ),
                            "de": (
                                "Illustration: ein Acker im Spätsommer mit einer Reihe junger Bäume "
                                "am Rand"
                            ),
                        },
                        "caption": {
                            "nl": (
                                "Een boer laat zien hoe bomen en een andere vruchtwisseling zijn "
                                "akker beschermen tegen droogte."
                            ),
                            "de": (
                                "Ein Landwirt zeigt, wie Bäume und eine andere Fruchtfolge seinen "
                                "Acker vor Trockenheit schützen."
                            ),
                        },
                    },
                ],
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Bij ons gaat het vaak over te veel water, bij hen over te weinig. Maar "
                            "eigenlijk is de vraag dezelfde: hoe houd je het water vast op de plek "
                            "waar je het nodig hebt?"
                        ),
                        "de": (
                            "Bei uns geht es oft um zu viel Wasser, bei ihnen um zu wenig. Aber "
                            "eigentlich ist die Frage dieselbe: Wie hält man das Wasser dort, wo "
                            "man es braucht?"
                        ),
                    },
                    "attribution": {
                        "nl": "Anouk, vrijwilliger bij een buurtinitiatief in Vollenhove",
                        "de": "Anouk, Ehrenamtliche in einer Nachbarschaftsinitiative in Vollenhove",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Op de terugweg werd in de bus al gerekend en geschetst. De leden van de "
                        "energiecoöperaties willen weten hoe de Duitse coöperatie boeren overhaalt "
                        "om hun daken te verhuren; de vrijwilligers uit Vollenhove nemen het idee "
                        "van de groene greppels mee naar hun eigen wijk.",
                        "De Duitse groep komt in 2023 naar Steenwijkerland, met water als "
                        "hoofdthema. Daar is veel te zien, van de polders tot de natuurgebieden "
                        "waar het waterpeil zorgvuldig wordt beheerd.",
                    ],
                    "de": [
                        "Auf der Rückfahrt wurde im Bus schon gerechnet und skizziert. Die "
                        "Mitglieder der Energiegenossenschaften wollen wissen, wie die deutsche "
                        "Genossenschaft Landwirte davon überzeugt, ihre Dächer zu verpachten; die "
                        "Ehrenamtlichen aus Vollenhove nehmen die Idee der begrünten Mulden mit in "
                        "ihr eigenes Viertel.",
                        "Die deutsche Gruppe kommt 2023 nach Steenwijkerland, mit Wasser als "
                        "Schwerpunkt. Dort gibt es viel zu sehen, von den Poldern bis zu den "
                        "Naturgebieten, in denen der Wasserstand sorgfältig gesteuert wird.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "eerste-online-avond-agrarische-sector",
            "de": "erster-online-abend-landwirtschaft",
        },
        "title": {
            "nl": "Na het melken online: de eerste avond van de agrarische sector",
            "de": "Nach dem Melken online: der erste Abend der Fachgruppe Landwirtschaft",
        },
        "intro": {
            "nl": (
                "Op een dinsdagavond in november 2022 kwam voor het eerst een sectorgemeenschap van "
                "de jumelage online bij elkaar. Zesentwintig boeren uit beide gemeenten praatten "
                "anderhalf uur over weidevogels, mest en opvolging."
            ),
            "de": (
                "An einem Dienstagabend im November 2022 traf sich zum ersten Mal eine Fachgruppe "
                "der Partnerschaft online. Sechsundzwanzig Landwirtinnen und Landwirte aus beiden "
                "Gemeinden sprachen anderthalb Stunden über Wiesenvögel, Gülle und Hofnachfolge."
            ),
        },
        "search_description": {
            "nl": (
                "De eerste online bijeenkomst van een sectorgemeenschap: boeren uit Steenwijkerland "
                "en Herzebrock-Clarholz over weidevogels, mest en bedrijfsopvolging."
            ),
            "de": (
                "Das erste Online-Treffen einer Fachgruppe: Landwirte aus Steenwijkerland und "
                "Herzebrock-Clarholz über Wiesenvögel, Gülle und Hofnachfolge."
            ),
        },
        "date": "2022-11-22",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["agrarische-sector"],
        "tags": {"nl": ["online", "landbouw"], "de": ["Online", "Landwirtschaft"]},
        "image": "cows",
        "image_alt": {
            "nl": "Illustratie: melkkoeien in de wei bij een boerderij in de avondschemering",
            "de": "Illustration: Milchkühe auf der Weide bei einem Hof in der Abenddämmerung",
        },
        "author": "nl",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Om half negen, toen het melken erop zat, gingen de camera's aan. Sommige "
                        "deelnemers zaten in de keuken, een enkeling in de kantine bij de stal. Voor "
                        "velen was het de eerste keer dat ze met een boer uit het buurland over hun "
                        "eigen bedrijf spraken.",
                        "De coördinatoren hadden de avond eenvoudig opgezet: drie korte inleidingen "
                        "van tien minuten, twee uit Steenwijkerland en één uit Herzebrock-Clarholz, "
                        "en daarna vooral praten. Er werd Nederlands en Duits gesproken, en af en "
                        "toe Nedersaksisch of Plattdeutsch, wat verrassend goed werkte.",
                    ],
                    "de": [
                        "Um halb neun, als das Melken erledigt war, gingen die Kameras an. Manche "
                        "saßen in der Küche, einzelne im Aufenthaltsraum am Stall. Für viele war es "
                        "das erste Mal, dass sie mit einem Landwirt aus dem Nachbarland über ihren "
                        "eigenen Betrieb sprachen.",
                        "Die Koordinierenden hatten den Abend schlicht angelegt: drei kurze Impulse "
                        "von zehn Minuten, zwei aus Steenwijkerland und einer aus "
                        "Herzebrock-Clarholz, danach vor allem Gespräch. Gesprochen wurde "
                        "Niederländisch und Deutsch, ab und zu auch Nedersaksisch oder Plattdeutsch, "
                        "was erstaunlich gut funktionierte.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "De avond in het kort", "de": "Der Abend in Kürze"},
                    "facts": [
                        {
                            "label": {"nl": "Tijdstip", "de": "Zeitpunkt"},
                            "value": {
                                "nl": "Dinsdag 22 november 2022, 20.30 tot 22.00 uur",
                                "de": "Dienstag, 22. November 2022, 20.30 bis 22.00 Uhr",
                            },
                        },
                        {
                            "label": {"nl": "Vorm", "de": "Form"},
                            "value": {
                                "nl": "Online, met camera en ondertitels",
                                "de": "Online, mit Kamera und Untertiteln",
                            },
                        },
                        {
                            "label": {"nl": "Aanwezig", "de": "Dabei"},
                            "value": {
                                "nl": "Zesentwintig boeren, van melkveehouders tot akkerbouwers",
                                "de": (
                                    "Sechsundzwanzig Landwirtinnen und Landwirte, von Milchvieh "
                                    "bis Ackerbau"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Onderwerpen", "de": "Themen"},
                            "value": {
                                "nl": "Weidevogels, mest en bedrijfsopvolging",
                                "de": "Wiesenvögel, Gülle und Hofnachfolge",
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het gesprek over weidevogels liep het langst. Een melkveehouder uit "
                        "Oldemarkt vertelde hoe hij later maait om grutto's een kans te geven; een "
                        "akkerbouwer uit Herzebrock liet zien hoe hij kieviten op zijn akkers "
                        "beschermt. De regels verschillen, de aanpak lijkt meer op elkaar dan "
                        "verwacht.",
                        "Bij de opvolging werd het stil. Aan beide kanten van de grens zijn er "
                        "bedrijven zonder opvolger, en jonge boeren die twijfelen. Het idee om jonge "
                        "boeren eens een week bij elkaar te laten meewerken, kwam die avond voor het "
                        "eerst op tafel.",
                    ],
                    "de": [
                        "Am längsten ging es um Wiesenvögel. Ein Milchviehhalter aus Oldemarkt "
                        "erzählte, wie er später mäht, um den Uferschnepfen eine Chance zu geben; "
                        "ein Ackerbauer aus Herzebrock zeigte, wie er Kiebitze auf seinen Äckern "
                        "schützt. Die Regeln unterscheiden sich, die Ansätze ähneln sich mehr als "
                        "gedacht.",
                        "Bei der Hofnachfolge wurde es still. Auf beiden Seiten der Grenze gibt es "
                        "Betriebe ohne Nachfolge und junge Landwirte, die zweifeln. Die Idee, junge "
                        "Landwirte einmal eine Woche beim anderen mitarbeiten zu lassen, kam an "
                        "diesem Abend zum ersten Mal auf den Tisch.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Ik had een technisch gesprek verwacht. Het werd een gesprek over "
                            "waarom we dit werk eigenlijk doen."
                        ),
                        "de": (
                            "Ich hatte ein Fachgespräch erwartet. Es wurde ein Gespräch darüber, "
                            "warum wir diese Arbeit eigentlich machen."
                        ),
                    },
                    "attribution": {
                        "nl": "Hilde, akkerbouwster uit Herzebrock",
                        "de": "Hilde, Ackerbäuerin aus Herzebrock",
                    },
                },
            ),
            (
                "image",
                {
                    "image": "kitchen",
                    "alt_text": {
                        "nl": (
                            "Illustratie: een boerderijkeuken bij avond, met een lamp boven de "
                            "tafel en een scherm vol gezichten"
                        ),
                        "de": (
                            "Illustration: eine Bauernküche am Abend, mit einer Lampe über dem "
                            "Tisch und einem Bildschirm voller Gesichter"
                        ),
                    },
                    "caption": {
                        "nl": (
                            "De eerste online avond: vanuit keukens en stallen aan beide kanten "
                            "van de grens."
                        ),
                        "de": (
                            "Der erste Online-Abend: aus Küchen und Ställen auf beiden Seiten der "
                            "Grenze."
                        ),
                    },
                },
            ),
        ],
    },
    {
        "slug": {"nl": "water-in-de-kop-van-overijssel", "de": "wasser-im-norden-von-overijssel"},
        "title": {
            "nl": "Te veel, te weinig: water in de kop van Overijssel",
            "de": "Zu viel, zu wenig: Wasser im Norden von Overijssel",
        },
        "intro": {
            "nl": (
                "In juni 2023 kwam een groep uit Herzebrock-Clarholz naar Steenwijkerland, met één "
                "onderwerp: water. De gasten zagen een gemaal, een groen schoolplein en, vanaf een "
                "fluisterboot, hoe de Weerribben nat worden gehouden."
            ),
            "de": (
                "Im Juni 2023 kam eine Gruppe aus Herzebrock-Clarholz nach Steenwijkerland, mit "
                "einem Thema: Wasser. Die Gäste sahen ein Schöpfwerk, einen grünen Schulhof und vom "
                "Flüsterboot aus, wie die Weerribben nass gehalten werden."
            ),
        },
        "search_description": {
            "nl": (
                "Tegenbezoek duurzaamheid en klimaat 2023: een groep uit Herzebrock-Clarholz over "
                "waterbeheer, droogte en wateroverlast in Steenwijkerland."
            ),
            "de": (
                "Gegenbesuch Nachhaltigkeit und Klima 2023: eine Gruppe aus Herzebrock-Clarholz zu "
                "Wassermanagement, Trockenheit und Starkregen in Steenwijkerland."
            ),
        },
        "date": "2023-06-17",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["duurzaamheid-en-klimaat", "recreatie-en-toerisme"],
        "tags": {"nl": ["bezoek", "water"], "de": ["Besuch", "Wasser"]},
        "image": "reeds",
        "image_alt": {
            "nl": (
                "Illustratie: een fluisterboot op een smalle vaart door rietland, met een gemaal in "
                "de verte"
            ),
            "de": (
                "Illustration: ein Flüsterboot auf einem schmalen Kanal durch Schilfland, in der "
                "Ferne ein Schöpfwerk"
            ),
        },
        "author": "nl",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Vorig jaar ging een groep uit Steenwijkerland naar Herzebrock-Clarholz; nu "
                        "was het andersom. Achttien deelnemers van de Duitse kant van de "
                        "sectorgemeenschap duurzaamheid en klimaat kwamen een weekend naar de kop "
                        "van Overijssel, met water als rode draad.",
                        "In een laaggelegen gemeente als Steenwijkerland is waterbeheer geen "
                        "bijzaak. Een medewerker van het waterschap legde bij een gemaal uit hoe "
                        "het peil in de polders wordt geregeld, en waarom dat in natte winters en "
                        "droge zomers steeds vaker een puzzel is.",
                    ],
                    "de": [
                        "Im vergangenen Jahr fuhr eine Gruppe aus Steenwijkerland nach "
                        "Herzebrock-Clarholz; diesmal war es umgekehrt. Achtzehn Teilnehmende von "
                        "der deutschen Seite der Fachgruppe Nachhaltigkeit und Klima kamen für ein "
                        "Wochenende in den Norden von Overijssel, mit Wasser als rotem Faden.",
                        "In einer tief gelegenen Gemeinde wie Steenwijkerland ist Wassermanagement "
                        "keine Nebensache. Ein Mitarbeiter des Wasserverbands (waterschap) erklärte "
                        "an einem Schöpfwerk, wie der Wasserstand in den Poldern geregelt wird und "
                        "warum das in nassen Wintern und trockenen Sommern immer öfter zum Puzzle "
                        "wird.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Het tegenbezoek", "de": "Der Gegenbesuch"},
                    "facts": [
                        {
                            "label": {"nl": "Weekend", "de": "Wochenende"},
                            "value": {"nl": "17 en 18 juni 2023", "de": "17. und 18. Juni 2023"},
                        },
                        {
                            "label": {"nl": "Gasten", "de": "Gäste"},
                            "value": {
                                "nl": "Achttien deelnemers uit Herzebrock-Clarholz",
                                "de": "Achtzehn Teilnehmende aus Herzebrock-Clarholz",
                            },
                        },
                        {
                            "label": {"nl": "Programma", "de": "Programm"},
                            "value": {
                                "nl": (
                                    "Een gemaal, een groen schoolplein in Steenwijk en een tocht "
                                    "door de Weerribben"
                                ),
                                "de": (
                                    "Ein Schöpfwerk, ein grüner Schulhof in Steenwijk und eine "
                                    "Fahrt durch die Weerribben"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Overnachting", "de": "Übernachtung"},
                            "value": {
                                "nl": "Bij gastgezinnen in Steenwijk en Vollenhove",
                                "de": "Bei Gastfamilien in Steenwijk und Vollenhove",
                            },
                        },
                    ],
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Op een basisschool in Steenwijk lieten kinderen hun nieuwe schoolplein "
                        "zien: minder tegels, meer groen, en een regenton die ze zelf bijhouden. De "
                        "gasten maakten foto's; ook in Herzebrock-Clarholz wordt over groene "
                        "schoolpleinen nagedacht.",
                        "De zondag was voor de natuur. Met fluisterboten voeren de deelnemers door "
                        "de Weerribben, waar het water zorgvuldig op peil wordt gehouden zodat "
                        "rietland en trilveen niet uitdrogen. Een boswachter vertelde hoe natuur, "
                        "recreatie en waterbeheer elkaar daar soms in de weg zitten, en hoe ze "
                        "elkaar ook kunnen helpen.",
                    ],
                    "de": [
                        "An einer Grundschule in Steenwijk zeigten Kinder ihren neuen Schulhof: "
                        "weniger Pflaster, mehr Grün und eine Regentonne, um die sie sich selbst "
                        "kümmern. Die Gäste machten Fotos; auch in Herzebrock-Clarholz denkt man "
                        "über grüne Schulhöfe nach.",
                        "Der Sonntag gehörte der Natur. Mit Flüsterbooten fuhren die Teilnehmenden "
                        "durch die Weerribben, wo das Wasser sorgfältig auf einem festen Stand "
                        "gehalten wird, damit Schilfland und Schwingrasen nicht austrocknen. Ein "
                        "Ranger erzählte, wie Natur, Freizeit und Wassermanagement sich dort "
                        "manchmal in die Quere kommen und wie sie sich auch gegenseitig helfen "
                        "können.",
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "pumpingstation",
                    "alt_text": {
                        "nl": (
                            "Illustratie: een bakstenen gemaal aan een rechte poldervaart onder "
                            "een wolkenlucht"
                        ),
                        "de": (
                            "Illustration: ein Schöpfwerk aus Backstein an einem geraden "
                            "Polderkanal unter bewölktem Himmel"
                        ),
                    },
                    "caption": {
                        "nl": "Bij het gemaal werd duidelijk hoeveel werk er achter droge voeten zit.",
                        "de": "Am Schöpfwerk wurde deutlich, wie viel Arbeit hinter trockenen Füßen steckt.",
                    },
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Ik had Giethoorn in mijn hoofd, ansichtkaarten en bootjes. Dat er "
                            "achter dit landschap zoveel techniek en overleg zit, had ik niet "
                            "verwacht."
                        ),
                        "de": (
                            "Ich hatte Giethoorn im Kopf, Postkarten und Boote. Dass hinter dieser "
                            "Landschaft so viel Technik und Abstimmung steckt, hätte ich nicht "
                            "erwartet."
                        ),
                    },
                    "attribution": {
                        "nl": "Thomas, deelnemer uit Clarholz",
                        "de": "Thomas, Teilnehmer aus Clarholz",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het volgende onderwerp ligt al klaar: op een online avond in het najaar "
                        "praten beide groepen verder over regenwater in de eigen tuin.",
                    ],
                    "de": [
                        "Das nächste Thema steht schon fest: An einem Online-Abend im Herbst "
                        "sprechen beide Gruppen weiter über Regenwasser im eigenen Garten.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {"nl": "jonge-boeren-over-de-grens", "de": "junge-landwirte-ueber-die-grenze"},
        "title": {
            "nl": "Een week meewerken op het erf van de buren",
            "de": "Eine Woche Mitarbeit auf dem Hof der Nachbarn",
        },
        "intro": {
            "nl": (
                "In de zomer van 2023 wisselden zes jonge boeren uit Steenwijkerland en "
                "Herzebrock-Clarholz van erf. Een week meewerken op een bedrijf aan de andere kant "
                "van de grens leverde meer op dan vakkennis alleen."
            ),
            "de": (
                "Im Sommer 2023 tauschten sechs junge Landwirtinnen und Landwirte aus "
                "Steenwijkerland und Herzebrock-Clarholz die Höfe. Eine Woche Mitarbeit auf einem "
                "Betrieb jenseits der Grenze brachte mehr als nur Fachwissen."
            ),
        },
        "search_description": {
            "nl": (
                "Jonge boeren uit Steenwijkerland en Herzebrock-Clarholz werkten in 2023 een week "
                "mee op elkaars bedrijven: melkvee, akkerbouw en opvolging."
            ),
            "de": (
                "Junge Landwirte aus Steenwijkerland und Herzebrock-Clarholz arbeiteten 2023 eine "
                "Woche auf den Betrieben der anderen mit: Milchvieh, Ackerbau und Hofnachfolge."
            ),
        },
        "date": "2023-08-26",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["agrarische-sector"],
        "tags": {
            "nl": ["jongeren", "landbouw", "bezoek"],
            "de": ["Jugend", "Landwirtschaft", "Besuch"],
        },
        "image": "farm",
        "image_alt": {
            "nl": (
                "Illustratie: een boerenerf met een rode schuur, een trekker en twee jonge mensen "
                "in overall"
            ),
            "de": (
                "Illustration: ein Hofplatz mit roter Scheune, einem Traktor und zwei jungen "
                "Menschen im Overall"
            ),
        },
        "author": "de",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Het idee ontstond op de eerste online avond van de agrarische sector: laat "
                        "jonge boeren eens een week bij elkaar meewerken. Acht maanden later was het "
                        "zover. Drie jongeren uit Steenwijkerland gingen in juli naar "
                        "Herzebrock-Clarholz, drie Duitse jongeren kwamen in augustus naar de kop "
                        "van Overijssel.",
                        "Ze woonden bij hun gastgezin en werkten gewoon mee: voeren, melken, stro "
                        "persen, de graanoogst binnenhalen. 's Avonds was er tijd voor de vragen die "
                        "je op een beurs of in een vakblad niet stelt.",
                    ],
                    "de": [
                        "Die Idee entstand beim ersten Online-Abend der Fachgruppe Landwirtschaft: "
                        "Junge Landwirte sollten einmal eine Woche beim anderen mitarbeiten. Acht "
                        "Monate später war es so weit. Drei junge Leute aus Steenwijkerland fuhren "
                        "im Juli nach Herzebrock-Clarholz, drei junge Deutsche kamen im August in "
                        "den Norden von Overijssel.",
                        "Sie wohnten bei ihrer Gastfamilie und arbeiteten ganz normal mit: füttern, "
                        "melken, Stroh pressen, die Getreideernte einbringen. Abends blieb Zeit für "
                        "die Fragen, die man auf einer Messe oder in einer Fachzeitschrift nicht "
                        "stellt.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {
                        "nl": "De uitwisseling van jonge boeren",
                        "de": "Der Austausch junger Landwirte",
                    },
                    "facts": [
                        {
                            "label": {"nl": "Zomer", "de": "Sommer"},
                            "value": {
                                "nl": "Een week in juli en een week in augustus 2023",
                                "de": "Eine Woche im Juli und eine Woche im August 2023",
                            },
                        },
                        {
                            "label": {"nl": "Wie", "de": "Wer"},
                            "value": {
                                "nl": "Zes jonge boeren tussen 18 en 26 jaar",
                                "de": (
                                    "Sechs junge Landwirtinnen und Landwirte zwischen 18 und 26 "
                                    "Jahren"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Bedrijven", "de": "Betriebe"},
                            "value": {
                                "nl": (
                                    "Melkvee in Steenwijkerland, akkerbouw en varkens in "
                                    "Herzebrock-Clarholz"
                                ),
                                "de": (
                                    "Milchvieh in Steenwijkerland, Ackerbau und Schweine in "
                                    "Herzebrock-Clarholz"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Onderdak", "de": "Unterkunft"},
                            "value": {
                                "nl": "Bij de gastgezinnen op de boerderij",
                                "de": "Bei den Gastfamilien auf dem Hof",
                            },
                        },
                    ],
                },
            ),
            (
                "gallery",
                [
                    {
                        "image": "harvest",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een combine op een goudgele graanakker onder een "
                                "blauwe lucht"
                            ),
                            "de": (
                                "Illustration: ein Mähdrescher auf einem goldgelben Getreidefeld "
                                "unter blauem Himmel"
                            ),
                        },
                        "caption": {
                            "nl": "In Herzebrock-Clarholz viel de week midden in de graanoogst.",
                            "de": "In Herzebrock-Clarholz fiel die Woche mitten in die Getreideernte.",
                        },
                    },
                    {
                        "image": "milking",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een moderne melkstal met een rij koeien en een jonge "
                                "vrouw met een tablet"
                            ),
                            "de": (
                                "Illustration: ein moderner Melkstand mit einer Reihe Kühe und "
                                "einer jungen Frau mit Tablet"
                            ),
                        },
                        "caption": {
                            "nl": "Melken in Steenwijkerland: andere stal, dezelfde vroege wekker.",
                            "de": "Melken in Steenwijkerland: anderer Stall, derselbe frühe Wecker.",
                        },
                    },
                    {
                        "image": "meadow",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een vlak grasland met een sloot en een grutto op een "
                                "paaltje"
                            ),
                            "de": (
                                "Illustration: flaches Grünland mit einem Graben und einer "
                                "Uferschnepfe auf einem Pfahl"
                            ),
                        },
                        "caption": {
                            "nl": (
                                "De Duitse gasten keken hun ogen uit naar de sloten en het natte "
                                "grasland."
                            ),
                            "de": "Die deutschen Gäste staunten über die Gräben und das nasse Grünland.",
                        },
                    },
                ],
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Thuis praten we over opvolging alsof het een rekensom is. Bij mijn "
                            "gastgezin in Clarholz zag ik dat het vooral gaat om de vraag of je het "
                            "zelf wilt."
                        ),
                        "de": (
                            "Zu Hause reden wir über die Hofnachfolge, als wäre sie eine "
                            "Rechenaufgabe. Bei meiner Gastfamilie in Clarholz habe ich gesehen, "
                            "dass es vor allem um die Frage geht, ob man es selbst will."
                        ),
                    },
                    "attribution": {
                        "nl": "Sanne, jonge melkveehouder uit Scheerwolde",
                        "de": "Sanne, junge Milchviehhalterin aus Scheerwolde",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Twee van de zes hebben elkaar na de zomer alweer opgezocht. En de "
                        "agrarische sectorgemeenschap wil de uitwisseling elk jaar herhalen, met "
                        "steeds andere bedrijven.",
                    ],
                    "de": [
                        "Zwei der sechs haben sich nach dem Sommer schon wieder besucht. Und die "
                        "Fachgruppe Landwirtschaft möchte den Austausch jedes Jahr wiederholen, mit "
                        "immer anderen Betrieben.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "raadsleden-op-werkbezoek-in-herzebrock-clarholz",
            "de": "ratsmitglieder-zu-gast-in-herzebrock-clarholz",
        },
        "title": {
            "nl": "Raadsleden op werkbezoek: wonen in kleine kernen",
            "de": "Ratsmitglieder zu Gast: Wohnen in kleinen Ortsteilen",
        },
        "intro": {
            "nl": (
                "Twaalf raadsleden uit Steenwijkerland, van bijna alle fracties, waren in oktober "
                "2023 twee dagen te gast in Herzebrock-Clarholz. Centraal stond een vraag die beide "
                "raden bezighoudt: hoe bouw je in dorpen voor jong en oud?"
            ),
            "de": (
                "Zwölf Ratsmitglieder aus Steenwijkerland, aus fast allen Fraktionen, waren im "
                "Oktober 2023 zwei Tage in Herzebrock-Clarholz zu Gast. Im Mittelpunkt stand eine "
                "Frage, die beide Räte beschäftigt: Wie baut man in Dörfern für Jung und Alt?"
            ),
        },
        "search_description": {
            "nl": (
                "Werkbezoek van raadsleden uit Steenwijkerland aan Herzebrock-Clarholz in 2023 over "
                "wonen, voorzieningen en inwonersparticipatie in kleine kernen."
            ),
            "de": (
                "Arbeitsbesuch von Ratsmitgliedern aus Steenwijkerland in Herzebrock-Clarholz 2023 "
                "zu Wohnen, Versorgung und Bürgerbeteiligung in kleinen Ortsteilen."
            ),
        },
        "date": "2023-10-13",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["gemeenteraden"],
        "tags": {
            "nl": ["gemeenteraad", "bezoek", "wonen"],
            "de": ["Gemeinderat", "Besuch", "Wohnen"],
        },
        "image": "council",
        "image_alt": {
            "nl": "Illustratie: een raadszaal met Nederlandse en Duitse naambordjes op de tafels",
            "de": (
                "Illustration: ein Ratssaal mit niederländischen und deutschen Namensschildern auf "
                "den Tischen"
            ),
        },
        "author": "de",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Een Nederlandse en een Duitse raad werken verschillend, maar de vragen op "
                        "tafel lijken op elkaar. Daarom koos de sectorgemeenschap van de "
                        "gemeenteraden voor één onderwerp: wonen in kleine kernen. Steenwijkerland "
                        "bestaat uit een stad en een groot aantal dorpen, Herzebrock-Clarholz uit "
                        "twee kernen met een wijds buitengebied. In beide willen jongeren blijven "
                        "en ouderen niet weg.",
                        "Het programma begon met een rondleiding door een nieuwbouwproject aan de "
                        "rand van een dorp, waar kleine huurwoningen voor starters naast "
                        "levensloopbestendige woningen voor ouderen staan. De Duitse gastheren "
                        "vertelden eerlijk wat goed ging en wat niet.",
                    ],
                    "de": [
                        "Ein niederländischer und ein deutscher Rat arbeiten unterschiedlich, aber "
                        "die Fragen auf dem Tisch ähneln sich. Deshalb hat sich die Fachgruppe der "
                        "Gemeinderäte auf ein Thema festgelegt: Wohnen in kleinen Ortsteilen. "
                        "Steenwijkerland besteht aus einer Stadt und vielen Dörfern, "
                        "Herzebrock-Clarholz aus zwei Ortsteilen mit weitem Außenbereich. In beiden "
                        "wollen junge Leute bleiben und Ältere nicht wegziehen.",
                        "Das Programm begann mit einem Rundgang durch ein Neubaugebiet am Ortsrand, "
                        "in dem kleine Mietwohnungen für Berufseinsteiger neben barrierefreien "
                        "Wohnungen für Ältere stehen. Die deutschen Gastgeber erzählten offen, was "
                        "gut lief und was nicht.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Het werkbezoek", "de": "Der Arbeitsbesuch"},
                    "facts": [
                        {
                            "label": {"nl": "Dagen", "de": "Tage"},
                            "value": {
                                "nl": "13 en 14 oktober 2023",
                                "de": "13. und 14. Oktober 2023",
                            },
                        },
                        {
                            "label": {"nl": "Delegatie", "de": "Delegation"},
                            "value": {
                                "nl": "Twaalf raadsleden van bijna alle fracties, begeleid door de griffie",
                                "de": (
                                    "Zwölf Ratsmitglieder aus fast allen Fraktionen, begleitet vom "
                                    "Ratsbüro"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Thema", "de": "Thema"},
                            "value": {
                                "nl": "Wonen in kleine kernen",
                                "de": "Wohnen in kleinen Ortsteilen",
                            },
                        },
                        {
                            "label": {"nl": "Besluiten", "de": "Beschlüsse"},
                            "value": {
                                "nl": "Geen: het bezoek was bedoeld om van elkaar te leren",
                                "de": "Keine: Der Besuch diente dem gegenseitigen Lernen",
                            },
                        },
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "newhomes",
                    "alt_text": {
                        "nl": (
                            "Illustratie: een rij nieuwe, lage huizen met zonnepanelen aan de rand "
                            "van een dorp, met akkers erachter"
                        ),
                        "de": (
                            "Illustration: eine Reihe neuer, niedriger Häuser mit Solarmodulen am "
                            "Ortsrand, dahinter Äcker"
                        ),
                    },
                    "caption": {
                        "nl": "Kleine woningen voor starters en ouderen, naast elkaar aan de rand van het dorp.",
                        "de": "Kleine Wohnungen für Berufseinsteiger und Ältere, Seite an Seite am Ortsrand.",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Op de tweede dag zaten raadsleden uit beide gemeenten in gemengde groepjes "
                        "aan tafel. Hoe betrek je inwoners bij een bouwplan voordat de tekeningen "
                        "klaar zijn? Hoe houd je de supermarkt en de huisarts in het dorp? En wat "
                        "doe je als een dorp nieuwbouw wil, maar de buren van het weiland niet?",
                        "Er werd geen besluit genomen; dat is ook niet de bedoeling. Wel namen de "
                        "raadsleden uit Steenwijkerland een paar concrete voorbeelden mee, zoals een "
                        "avond waarop inwoners met kaarten en maquettes al vroeg over een bouwplan "
                        "meepraten.",
                    ],
                    "de": [
                        "Am zweiten Tag saßen Ratsmitglieder aus beiden Gemeinden in gemischten "
                        "Gruppen am Tisch. Wie bezieht man die Bürgerschaft in ein Bauvorhaben ein, "
                        "bevor die Pläne fertig sind? Wie hält man Supermarkt und Hausarztpraxis im "
                        "Ort? Und was tut man, wenn ein Dorf Neubau möchte, die Nachbarn der Wiese "
                        "aber nicht?",
                        "Beschlüsse wurden nicht gefasst; das ist auch nicht der Sinn. Die "
                        "Ratsmitglieder aus Steenwijkerland nahmen aber einige konkrete Beispiele "
                        "mit, etwa einen Abend, an dem die Bürgerschaft mit Karten und Modellen "
                        "schon früh über ein Bauvorhaben mitredet.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Ik woon hier al veertig jaar en heb nog nooit zoveel vragen over mijn "
                            "dorp gehoord. De Nederlanders wilden alles weten, tot de vuilnisbakken "
                            "aan toe."
                        ),
                        "de": (
                            "Ich wohne seit vierzig Jahren hier und habe noch nie so viele Fragen zu "
                            "meinem Dorf gehört. Die Niederländer wollten alles wissen, bis hin zu "
                            "den Mülltonnen."
                        ),
                    },
                    "attribution": {
                        "nl": "Heinz, inwoner van Clarholz die de rondleiding verzorgde",
                        "de": "Heinz, Anwohner aus Clarholz, der durch das Neubaugebiet führte",
                    },
                },
            ),
        ],
    },
    {
        "slug": {"nl": "fietstocht-steenwijk-herzebrock", "de": "radtour-steenwijk-herzebrock"},
        "title": {
            "nl": "Tweehonderd kilometer trappen naar de buren",
            "de": "Zweihundert Kilometer in die Pedale bis zu den Nachbarn",
        },
        "intro": {
            "nl": (
                "Met Hemelvaart 2024 fietsten zevenentwintig inwoners van Steenwijkerland in drie "
                "dagen naar Herzebrock-Clarholz. Onderweg: het Vechtdal, Twente, het Münsterland en "
                "veel tegenwind."
            ),
            "de": (
                "Über Christi Himmelfahrt 2024 radelten siebenundzwanzig Menschen aus "
                "Steenwijkerland in drei Tagen nach Herzebrock-Clarholz. Unterwegs: das Vechtetal, "
                "Twente, das Münsterland und viel Gegenwind."
            ),
        },
        "search_description": {
            "nl": (
                "De jumelagefietstocht van Steenwijk naar Herzebrock-Clarholz in 2024: ongeveer 200 "
                "kilometer in drie dagen, via Vechtdal, Twente en Münsterland."
            ),
            "de": (
                "Die Partnerschafts-Radtour von Steenwijk nach Herzebrock-Clarholz 2024: rund 200 "
                "Kilometer in drei Tagen, durch Vechtetal, Twente und Münsterland."
            ),
        },
        "date": "2024-05-11",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["recreatie-en-toerisme"],
        "tags": {"nl": ["fietsen", "bezoek"], "de": ["Radfahren", "Besuch"]},
        "image": "bikes",
        "image_alt": {
            "nl": (
                "Illustratie: een rij fietsers op een smal fietspad tussen weilanden, met een "
                "windmolen in de verte"
            ),
            "de": (
                "Illustration: eine Reihe Radfahrender auf einem schmalen Radweg zwischen Wiesen, "
                "in der Ferne eine Windmühle"
            ),
        },
        "author": "nl",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Om acht uur 's ochtends stonden ze op de Markt in Steenwijk: "
                        "zevenentwintig fietsers, van een gepensioneerde huisarts tot een scholier "
                        "van zestien, met fietstassen vol regenkleding en een vlag van de jumelage "
                        "op de achterste fiets. Drie dagen later wilden ze in Herzebrock-Clarholz "
                        "zijn.",
                        "De route was uitgezet door vrijwilligers van de sectorgemeenschap recreatie "
                        "en toerisme: aan Nederlandse kant langs de fietsknooppunten, aan Duitse "
                        "kant over de rustige wegen van het Münsterland. Een volgauto met "
                        "reservebinnenbanden en bananen reed mee.",
                    ],
                    "de": [
                        "Um acht Uhr morgens standen sie auf dem Markt in Steenwijk: "
                        "siebenundzwanzig Radfahrende, vom pensionierten Hausarzt bis zur Schülerin "
                        "von sechzehn Jahren, mit Packtaschen voller Regenkleidung und einer Fahne "
                        "der Partnerschaft am letzten Rad. Drei Tage später wollten sie in "
                        "Herzebrock-Clarholz sein.",
                        "Die Route hatten Ehrenamtliche der Fachgruppe Freizeit und Tourismus "
                        "ausgearbeitet: auf niederländischer Seite entlang der Knotenpunkte, auf "
                        "deutscher Seite über die ruhigen Wege des Münsterlands. Ein "
                        "Begleitfahrzeug mit Ersatzschläuchen und Bananen fuhr mit.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "De fietstocht in cijfers", "de": "Die Radtour in Zahlen"},
                    "facts": [
                        {
                            "label": {"nl": "Afstand", "de": "Strecke"},
                            "value": {"nl": "Ongeveer 200 kilometer", "de": "Rund 200 Kilometer"},
                        },
                        {
                            "label": {"nl": "Etappes", "de": "Etappen"},
                            "value": {
                                "nl": "Steenwijk – Twente, Twente – Münster, Münster – Herzebrock-Clarholz",
                                "de": "Steenwijk – Twente, Twente – Münster, Münster – Herzebrock-Clarholz",
                            },
                        },
                        {
                            "label": {"nl": "Fietsers", "de": "Radfahrende"},
                            "value": {
                                "nl": "Zevenentwintig, van wie elf op een e-bike",
                                "de": "Siebenundzwanzig, davon elf mit E-Bike",
                            },
                        },
                        {
                            "label": {"nl": "Aankomst", "de": "Ankunft"},
                            "value": {
                                "nl": "Zaterdag 11 mei 2024, bij het gemeentehuis in Herzebrock",
                                "de": "Samstag, 11. Mai 2024, am Rathaus in Herzebrock",
                            },
                        },
                    ],
                },
            ),
            (
                "gallery",
                [
                    {
                        "image": "river",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een kronkelende rivier met zandige oevers en fietsers "
                                "op de dijk"
                            ),
                            "de": (
                                "Illustration: ein gewundener Fluss mit sandigen Ufern und "
                                "Radfahrenden auf dem Deich"
                            ),
                        },
                        "caption": {
                            "nl": "Dag één: langs de Vecht, met de wind nog in de rug.",
                            "de": "Tag eins: entlang der Vechte, mit dem Wind noch im Rücken.",
                        },
                    },
                    {
                        "image": "farmhouse",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een Münsterlandse boerderij met vakwerk en een grote "
                                "eik op het erf"
                            ),
                            "de": (
                                "Illustration: ein Münsterländer Hof mit Fachwerk und einer großen "
                                "Eiche auf dem Hofplatz"
                            ),
                        },
                        "caption": {
                            "nl": "Dag twee: koffie en taart bij een boerderijcafé in het Münsterland.",
                            "de": "Tag zwei: Kaffee und Kuchen in einem Hofcafé im Münsterland.",
                        },
                    },
                    {
                        "image": "cityofbikes",
                        "alt_text": {
                            "nl": (
                                "Illustratie: torens van een oude stad boven de daken, met honderden "
                                "geparkeerde fietsen op een plein"
                            ),
                            "de": (
                                "Illustration: Türme einer alten Stadt über den Dächern, mit "
                                "Hunderten abgestellter Fahrräder auf einem Platz"
                            ),
                        },
                        "caption": {
                            "nl": "Overnachten in Münster, waar meer fietsen dan auto's lijken te rijden.",
                            "de": "Übernachtung in Münster, wo mehr Fahrräder als Autos unterwegs zu sein scheinen.",
                        },
                    },
                    {
                        "image": "arrival",
                        "alt_text": {
                            "nl": (
                                "Illustratie: vermoeide maar lachende fietsers onder een spandoek "
                                "voor een gemeentehuis"
                            ),
                            "de": (
                                "Illustration: müde, aber lachende Radfahrende unter einem "
                                "Spruchband vor einem Rathaus"
                            ),
                        },
                        "caption": {
                            "nl": "Dag drie: aankomst in Herzebrock, waar de gastgezinnen al stonden te wachten.",
                            "de": "Tag drei: Ankunft in Herzebrock, wo die Gastfamilien schon warteten.",
                        },
                    },
                ],
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Op de tweede ochtend stond er een straffe oostenwind en wilde ik in "
                            "Enschede de trein terug nemen. Op zaterdag reed ik als eerste het "
                            "plein in Herzebrock op."
                        ),
                        "de": (
                            "Am zweiten Morgen wehte ein kräftiger Ostwind, und in Enschede wollte "
                            "ich schon in den Zug nach Hause steigen. Am Samstag fuhr ich als Erste auf den "
                            "Platz in Herzebrock."
                        ),
                    },
                    "attribution": {
                        "nl": "Joke, fietser uit Giethoorn, 71 jaar",
                        "de": "Joke, Radfahrerin aus Giethoorn, 71 Jahre",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Het weekend werd afgesloten met een gezamenlijke barbecue bij de "
                        "partnerstichting. Terug ging de groep met de trein; de fietsen reisden mee "
                        "in de vrachtwagen van een Duitse loonwerker die graag een handje hielp.",
                        "De sectorgemeenschap wil de tocht voortaan elk jaar organiseren, om en om "
                        "in beide richtingen. Voor de rit van Herzebrock-Clarholz naar Steenwijk "
                        "wordt al een route uitgezet.",
                    ],
                    "de": [
                        "Das Wochenende endete mit einem gemeinsamen Grillabend bei der "
                        "Partnerstiftung. Zurück ging es mit dem Zug; die Fahrräder reisten im "
                        "Lastwagen eines deutschen Lohnunternehmers mit, der gern mit anpackte.",
                        "Die Fachgruppe möchte die Tour künftig jedes Jahr anbieten, abwechselnd in "
                        "beide Richtungen. Für die Fahrt von Herzebrock-Clarholz nach Steenwijk wird "
                        "bereits eine Route ausgearbeitet.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "met-de-rolstoel-de-weerribben-in",
            "de": "mit-dem-rollstuhl-in-die-weerribben",
        },
        "title": {
            "nl": "Met de rolstoel de Weerribben in",
            "de": "Mit dem Rollstuhl in die Weerribben",
        },
        "intro": {
            "nl": (
                "Hoe maak je natuur en recreatie toegankelijk voor iedereen? In september 2024 "
                "testten gasten uit Herzebrock-Clarholz, van wie een aantal in een rolstoel, "
                "aangepaste boten, duofietsen en wandelpaden in Steenwijkerland."
            ),
            "de": (
                "Wie macht man Natur und Freizeit für alle zugänglich? Im September 2024 testeten "
                "Gäste aus Herzebrock-Clarholz, einige davon im Rollstuhl, angepasste Boote, "
                "Parallel-Tandems und Wanderwege in Steenwijkerland."
            ),
        },
        "search_description": {
            "nl": (
                "Uitwisseling inclusieve samenleving 2024: toegankelijke recreatie, aangepaste "
                "boten en de rol van vrijwilligers in Steenwijkerland en Herzebrock-Clarholz."
            ),
            "de": (
                "Austausch Inklusive Gesellschaft 2024: barrierefreie Freizeit, angepasste Boote "
                "und die Rolle von Ehrenamtlichen in Steenwijkerland und Herzebrock-Clarholz."
            ),
        },
        "date": "2024-09-14",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["inclusieve-samenleving", "recreatie-en-toerisme"],
        "tags": {
            "nl": ["toegankelijkheid", "vrijwilligers", "bezoek"],
            "de": ["Barrierefreiheit", "Ehrenamt", "Besuch"],
        },
        "image": "boardwalk",
        "image_alt": {
            "nl": (
                "Illustratie: een breed houten vlonderpad door het riet, met een rolstoelgebruiker "
                "en een begeleider"
            ),
            "de": (
                "Illustration: ein breiter Holzsteg durch das Schilf, mit einer Person im Rollstuhl "
                "und einer Begleitperson"
            ),
        },
        "author": "de",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Veertien gasten uit Herzebrock-Clarholz kwamen naar Steenwijkerland: vijf "
                        "van hen in een rolstoel, twee met een visuele beperking, de anderen "
                        "vrijwilligers en begeleiders. Het doel was praktisch. Wat werkt hier al, "
                        "en wat kun je thuis overnemen?",
                        "De dag begon op het water. Een botenverhuurder in het gebied laat al een "
                        "paar jaar een aangepaste fluisterboot varen, met een oprijplaat waarover "
                        "een rolstoel zonder overstappen aan boord kan. Vrijwilligers sturen, de "
                        "gasten bepalen de route.",
                    ],
                    "de": [
                        "Vierzehn Gäste aus Herzebrock-Clarholz kamen nach Steenwijkerland: fünf von "
                        "ihnen im Rollstuhl, zwei mit einer Sehbehinderung, die übrigen "
                        "Ehrenamtliche und Begleitpersonen. Das Ziel war praktisch. Was funktioniert "
                        "hier schon, und was lässt sich zu Hause übernehmen?",
                        "Der Tag begann auf dem Wasser. Ein Bootsverleih in der Gegend setzt seit "
                        "einigen Jahren ein angepasstes Flüsterboot ein, mit einer Rampe, über die "
                        "ein Rollstuhl ohne Umsteigen an Bord fahren kann. Ehrenamtliche steuern, "
                        "die Gäste bestimmen die Route.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Toegankelijk op pad", "de": "Barrierefrei unterwegs"},
                    "facts": [
                        {
                            "label": {"nl": "Gasten uit Duitsland", "de": "Gäste aus Deutschland"},
                            "value": {
                                "nl": "Veertien, onder wie vijf rolstoelgebruikers",
                                "de": "Vierzehn, darunter fünf im Rollstuhl",
                            },
                        },
                        {
                            "label": {"nl": "Op het water", "de": "Auf dem Wasser"},
                            "value": {
                                "nl": "Een fluisterboot met oprijplaat voor rolstoelen",
                                "de": "Ein Flüsterboot mit Rampe für Rollstühle",
                            },
                        },
                        {
                            "label": {"nl": "Op de fiets", "de": "Auf dem Rad"},
                            "value": {
                                "nl": "Duofietsen, waarop een vrijwilliger en een gast naast elkaar trappen",
                                "de": (
                                    "Parallel-Tandems, auf denen Ehrenamtliche und Gäste "
                                    "nebeneinander in die Pedale treten"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Te voet", "de": "Zu Fuß"},
                            "value": {
                                "nl": "Een vlonderpad door het riet, breed genoeg om te keren",
                                "de": "Ein Holzsteg durch das Schilf, breit genug zum Wenden",
                            },
                        },
                    ],
                },
            ),
            (
                "gallery",
                [
                    {
                        "image": "boat",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een elektrische boot met een brede oprijplaat aan een "
                                "steiger, met een rolstoel aan boord"
                            ),
                            "de": (
                                "Illustration: ein Elektroboot mit breiter Rampe an einem Anleger, "
                                "mit einem Rollstuhl an Bord"
                            ),
                        },
                        "caption": {
                            "nl": "Zonder overstappen aan boord: de aangepaste fluisterboot.",
                            "de": "Ohne Umsteigen an Bord: das angepasste Flüsterboot.",
                        },
                    },
                    {
                        "image": "tandem",
                        "alt_text": {
                            "nl": (
                                "Illustratie: twee mensen naast elkaar op een duofiets op een dijk "
                                "langs het water"
                            ),
                            "de": (
                                "Illustration: zwei Menschen nebeneinander auf einem "
                                "Parallel-Tandem auf einem Deich am Wasser"
                            ),
                        },
                        "caption": {
                            "nl": "Samen trappen op de duofiets, langs de rand van de Wieden.",
                            "de": "Gemeinsam in die Pedale auf dem Parallel-Tandem, am Rand der Wieden.",
                        },
                    },
                    {
                        "image": "birdhide",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een vogelkijkhut met een laag raam, zodat je ook "
                                "vanuit een rolstoel over het water kijkt"
                            ),
                            "de": (
                                "Illustration: eine Vogelbeobachtungshütte mit niedrigem Fenster, "
                                "sodass man auch vom Rollstuhl aus über das Wasser blickt"
                            ),
                        },
                        "caption": {
                            "nl": "Een laag kijkraam: klein detail, groot verschil.",
                            "de": "Ein niedriges Beobachtungsfenster: kleines Detail, großer Unterschied.",
                        },
                    },
                ],
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "'s Middags ging het over de mensen achter al die voorzieningen. Zonder "
                        "vrijwilligers vaart de boot niet en rijdt de duofiets niet. In "
                        "Steenwijkerland zoekt een vrijwilligerscentrale bewust naar mensen die een "
                        "paar uur per maand kunnen, in plaats van een vaste dag per week. Dat maakt "
                        "het makkelijker om ja te zeggen.",
                        "De Duitse gasten vertelden op hun beurt hoe in Herzebrock-Clarholz "
                        "sportverenigingen en kerkelijke gemeenten samen een poule van begeleiders "
                        "opbouwen. Dat idee gaat mee terug naar Steenwijkerland.",
                    ],
                    "de": [
                        "Am Nachmittag ging es um die Menschen hinter all diesen Angeboten. Ohne "
                        "Ehrenamtliche fährt das Boot nicht und rollt das Tandem nicht. In "
                        "Steenwijkerland sucht eine Freiwilligenagentur gezielt nach Menschen, die "
                        "ein paar Stunden im Monat Zeit haben, statt eines festen Tages pro Woche. "
                        "Das macht es leichter, Ja zu sagen.",
                        "Die deutschen Gäste erzählten ihrerseits, wie in Herzebrock-Clarholz "
                        "Sportvereine und Kirchengemeinden gemeinsam einen Pool von Begleitpersonen "
                        "aufbauen. Diese Idee geht mit nach Steenwijkerland.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Thuis plan ik elk uitje als een expeditie. Hier reed ik gewoon de boot "
                            "op. Zo hoort het te zijn, ook bij ons."
                        ),
                        "de": (
                            "Zu Hause plane ich jeden Ausflug wie eine Expedition. Hier bin ich "
                            "einfach aufs Boot gefahren. So soll es sein, auch bei uns."
                        ),
                    },
                    "attribution": {
                        "nl": "Dieter, rolstoelgebruiker uit Herzebrock",
                        "de": "Dieter, Rollstuhlfahrer aus Herzebrock",
                    },
                },
            ),
        ],
    },
    {
        "slug": {
            "nl": "g-voetbaltoernooi-in-clarholz",
            "de": "inklusives-fussballturnier-in-clarholz",
        },
        "title": {
            "nl": "Iedereen speelt mee: G-voetbal in Clarholz",
            "de": "Alle spielen mit: inklusiver Fußball in Clarholz",
        },
        "intro": {
            "nl": (
                "Het G-team van een voetbalvereniging uit Steenwijk speelde in juni 2025 een "
                "toernooi in Clarholz. Voor de spelers was het de eerste buitenlandse reis met hun "
                "club; voor de trainers een kans om van elkaar te leren."
            ),
            "de": (
                "Die G-Mannschaft eines Fußballvereins aus Steenwijk, in der Menschen mit "
                "Behinderung spielen, trat im Juni 2025 bei einem Turnier in Clarholz an. Für die Spieler war es die erste Auslandsreise mit "
                "ihrem Verein, für die Trainer eine Chance, voneinander zu lernen."
            ),
        },
        "search_description": {
            "nl": (
                "Sportuitwisseling 2025: het G-team van een Steenwijker voetbalclub op een inclusief "
                "toernooi in Clarholz, en wat trainers van elkaar leerden."
            ),
            "de": (
                "Sportaustausch 2025: die G-Mannschaft eines Fußballvereins aus Steenwijk bei "
                "einem inklusiven Turnier in Clarholz, und was die Trainer voneinander lernten."
            ),
        },
        "date": "2025-06-14",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["inclusieve-samenleving"],
        "tags": {"nl": ["sport", "vrijwilligers"], "de": ["Sport", "Ehrenamt"]},
        "image": "football",
        "image_alt": {
            "nl": (
                "Illustratie: een groen voetbalveld met spelers in oranje en in groen, en "
                "toeschouwers langs de lijn"
            ),
            "de": (
                "Illustration: ein grünes Fußballfeld mit Spielern in Orange und in Grün und "
                "Zuschauern am Spielfeldrand"
            ),
        },
        "author": "nl",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "G-voetbal is voetbal voor spelers met een verstandelijke of lichamelijke "
                        "beperking. In Steenwijkerland bestaat het al jaren; in Clarholz begon een "
                        "sportvereniging kort geleden met een inclusief team, waarin spelers met en "
                        "zonder beperking samen spelen. Via de sectorgemeenschap inclusieve "
                        "samenleving vonden de trainers elkaar.",
                        "Het resultaat was een toernooi op een zaterdag in juni, met vier teams uit "
                        "de regio en één uit Steenwijk. Vijftien spelers, drie trainers en een "
                        "handvol ouders gingen met een gehuurde bus op pad.",
                    ],
                    "de": [
                        "G-voetbal heißt in den Niederlanden der Fußball für Spieler mit geistiger "
                        "oder körperlicher Behinderung. In Steenwijkerland gibt es ihn seit Jahren; "
                        "in Clarholz hat ein Sportverein vor Kurzem eine inklusive Mannschaft "
                        "gegründet, in der Spieler mit und ohne Behinderung zusammen spielen. Über "
                        "die Fachgruppe Inklusive Gesellschaft fanden die Trainer zueinander.",
                        "Das Ergebnis war ein Turnier an einem Samstag im Juni, mit vier "
                        "Mannschaften aus der Region und einer aus Steenwijk. Fünfzehn Spieler, drei "
                        "Trainer und eine Handvoll Eltern machten sich im gemieteten Bus auf den "
                        "Weg.",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Het toernooi", "de": "Das Turnier"},
                    "facts": [
                        {
                            "label": {"nl": "Speeldag", "de": "Spieltag"},
                            "value": {
                                "nl": "Zaterdag 14 juni 2025",
                                "de": "Samstag, 14. Juni 2025",
                            },
                        },
                        {
                            "label": {"nl": "Plaats", "de": "Ort"},
                            "value": {
                                "nl": "Een sportpark in Clarholz",
                                "de": "Ein Sportplatz in Clarholz",
                            },
                        },
                        {
                            "label": {"nl": "Teams", "de": "Mannschaften"},
                            "value": {
                                "nl": "Vijf, waarvan één uit Steenwijk",
                                "de": "Fünf, davon eine aus Steenwijk",
                            },
                        },
                        {
                            "label": {"nl": "Uitslag", "de": "Endstand"},
                            "value": {
                                "nl": "Derde plaats, en de prijs voor de sportiefste ploeg",
                                "de": "Dritter Platz und der Preis für die fairste Mannschaft",
                            },
                        },
                    ],
                },
            ),
            (
                "image",
                {
                    "image": "bus",
                    "alt_text": {
                        "nl": (
                            "Illustratie: een kleine bus met sporttassen op het dak, rijdend over "
                            "een landweg tussen akkers"
                        ),
                        "de": (
                            "Illustration: ein kleiner Bus mit Sporttaschen auf dem Dach auf einer "
                            "Landstraße zwischen Feldern"
                        ),
                    },
                    "caption": {
                        "nl": "Voor de meeste spelers de eerste reis naar het buitenland met hun club.",
                        "de": "Für die meisten Spieler die erste Reise ins Ausland mit ihrem Verein.",
                    },
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Ik heb drie doelpunten gemaakt en een Duitse vriend. Die wil in "
                            "september naar Steenwijk komen."
                        ),
                        "de": (
                            "Ich habe drei Tore geschossen und einen deutschen Freund gefunden. Der "
                            "will im September nach Steenwijk kommen."
                        ),
                    },
                    "attribution": {
                        "nl": "Bas, speler van het G-team, 19 jaar",
                        "de": "Bas, Spieler der G-Mannschaft, 19 Jahre",
                    },
                },
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Langs de lijn praatten de trainers over wat ze thuis tegenkomen. In "
                        "Steenwijk speelt het G-team in een eigen competitie; in Clarholz spelen "
                        "mensen met en zonder beperking in één team. Beide vormen hebben voordelen, "
                        "en beide vragen om trainers met geduld en ouders die willen rijden.",
                        "De afspraak staat: in het najaar komt de ploeg uit Clarholz naar "
                        "Steenwijk. En de trainers houden elkaar via het platform op de hoogte van "
                        "oefeningen die werken.",
                    ],
                    "de": [
                        "Am Spielfeldrand sprachen die Trainer über das, was ihnen zu Hause "
                        "begegnet. In Steenwijk spielt die G-Mannschaft in einer eigenen Liga; in "
                        "Clarholz spielen Menschen mit und ohne Behinderung in einer Mannschaft. "
                        "Beide Formen haben Vorteile, und beide brauchen Trainer mit Geduld und "
                        "Eltern, die bereit sind zu fahren.",
                        "Die Verabredung steht: Im Herbst kommt die Mannschaft aus Clarholz nach "
                        "Steenwijk. Und die Trainer halten sich über die Plattform gegenseitig über "
                        "Übungen auf dem Laufenden, die funktionieren.",
                    ],
                },
            ),
        ],
    },
    {
        "slug": {"nl": "schoolklassen-meten-de-regen", "de": "schulklassen-messen-den-regen"},
        "title": {"nl": "Twee klassen, één regenmeter", "de": "Zwei Klassen, ein Regenmesser"},
        "intro": {
            "nl": (
                "Een half jaar lang maten leerlingen uit Steenwijk en Herzebrock-Clarholz de regen "
                "op hun schoolplein en deelden ze de cijfers online. In april 2026 zagen ze elkaar "
                "voor het eerst in het echt."
            ),
            "de": (
                "Ein halbes Jahr lang maßen Schülerinnen und Schüler aus Steenwijk und "
                "Herzebrock-Clarholz den Regen auf ihrem Schulhof und tauschten die Zahlen online "
                "aus. Im April 2026 sahen sie sich zum ersten Mal persönlich."
            ),
        },
        "search_description": {
            "nl": (
                "Schooluitwisseling 2026: leerlingen uit Steenwijk en Herzebrock-Clarholz "
                "onderzoeken samen regen, droogte en groene schoolpleinen."
            ),
            "de": (
                "Schulaustausch 2026: Schülerinnen und Schüler aus Steenwijk und "
                "Herzebrock-Clarholz erforschen gemeinsam Regen, Trockenheit und grüne Schulhöfe."
            ),
        },
        "date": "2026-04-23",
        "towns": ["steenwijkerland", "herzebrock-clarholz"],
        "sectors": ["duurzaamheid-en-klimaat"],
        "tags": {"nl": ["school", "jongeren", "water"], "de": ["Schule", "Jugend", "Wasser"]},
        "image": "classroom",
        "image_alt": {
            "nl": (
                "Illustratie: een klaslokaal met een grote kaart van twee gemeenten en zelfgemaakte "
                "regenmeters op de vensterbank"
            ),
            "de": (
                "Illustration: ein Klassenzimmer mit einer großen Karte zweier Gemeinden und selbst "
                "gebauten Regenmessern auf der Fensterbank"
            ),
        },
        "author": "nl",
        "translated": True,
        "body": [
            (
                "paragraphs",
                {
                    "nl": [
                        "Het begon met een regenmeter van een plastic fles. In oktober 2025 zette "
                        "groep 8 van een basisschool in Steenwijk er een op het schoolplein, net "
                        "als een zesde klas in Herzebrock-Clarholz. Elke maandag werden de "
                        "millimeters genoteerd en gedeeld, in een gezamenlijk online document, in "
                        "twee talen.",
                        "Al snel bleek dat het in Steenwijk die winter natter was dan in "
                        "Herzebrock-Clarholz, en dat de tegels op beide schoolpleinen het water "
                        "vooral snel naar het riool lieten stromen. Wat zou er gebeuren als er meer "
                        "groen kwam?",
                    ],
                    "de": [
                        "Es begann mit einem Regenmesser aus einer Plastikflasche. Im Oktober 2025 "
                        "stellte die Abschlussklasse einer Grundschule in Steenwijk (groep 8) einen "
                        "auf den Schulhof, ebenso eine sechste Klasse in Herzebrock-Clarholz. Jeden "
                        "Montag wurden die Millimeter notiert und geteilt, in einem gemeinsamen "
                        "Online-Dokument, in zwei Sprachen.",
                        "Bald zeigte sich, dass es in Steenwijk in diesem Winter nasser war als in "
                        "Herzebrock-Clarholz und dass das Pflaster auf beiden Schulhöfen das Wasser "
                        "vor allem schnell in die Kanalisation laufen ließ. Was würde passieren, "
                        "wenn mehr Grün dazukäme?",
                    ],
                },
            ),
            (
                "facts",
                {
                    "title": {"nl": "Het schoolproject", "de": "Das Schulprojekt"},
                    "facts": [
                        {
                            "label": {"nl": "Looptijd", "de": "Laufzeit"},
                            "value": {
                                "nl": "Oktober 2025 tot april 2026",
                                "de": "Oktober 2025 bis April 2026",
                            },
                        },
                        {
                            "label": {"nl": "Klassen", "de": "Klassen"},
                            "value": {
                                "nl": "Groep 8 uit Steenwijk en een zesde klas uit Herzebrock-Clarholz",
                                "de": (
                                    "Groep 8 aus Steenwijk und eine sechste Klasse aus "
                                    "Herzebrock-Clarholz"
                                ),
                            },
                        },
                        {
                            "label": {"nl": "Leerlingen", "de": "Schülerinnen und Schüler"},
                            "value": {
                                "nl": "Tweeënvijftig, tussen 11 en 12 jaar",
                                "de": "Zweiundfünfzig, zwischen 11 und 12 Jahren",
                            },
                        },
                        {
                            "label": {"nl": "Ontmoeting", "de": "Begegnung"},
                            "value": {
                                "nl": "Donderdag 23 april 2026 in Steenwijk",
                                "de": "Donnerstag, 23. April 2026, in Steenwijk",
                            },
                        },
                    ],
                },
            ),
            (
                "gallery",
                [
                    {
                        "image": "raingauge",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een zelfgemaakte regenmeter van een plastic fles, "
                                "vastgebonden aan een hek op een schoolplein"
                            ),
                            "de": (
                                "Illustration: ein selbst gebauter Regenmesser aus einer "
                                "Plastikflasche, an einen Zaun auf einem Schulhof gebunden"
                            ),
                        },
                        "caption": {
                            "nl": "Elke maandag de millimeters noteren: de kern van het project.",
                            "de": "Jeden Montag die Millimeter notieren: der Kern des Projekts.",
                        },
                    },
                    {
                        "image": "schoolyard",
                        "alt_text": {
                            "nl": (
                                "Illustratie: een schoolplein met bomen, een moestuin en een kleine "
                                "vijver waar kinderen omheen spelen"
                            ),
                            "de": (
                                "Illustration: ein Schulhof mit Bäumen, einem Gemüsebeet und einem "
                                "kleinen Teich, um den Kinder spielen"
                            ),
                        },
                        "caption": {
                            "nl": "Het groene schoolplein in Steenwijk, waar de Duitse klas de dag begon.",
                            "de": "Der grüne Schulhof in Steenwijk, auf dem die deutsche Klasse den Tag begann.",
                        },
                    },
                    {
                        "image": "drawings",
                        "alt_text": {
                            "nl": (
                                "Illustratie: kindertekeningen van schoolpleinen met bomen en "
                                "regentonnen, opgehangen aan een waslijn"
                            ),
                            "de": (
                                "Illustration: Kinderzeichnungen von Schulhöfen mit Bäumen und "
                                "Regentonnen, an einer Wäscheleine aufgehängt"
                            ),
                        },
                        "caption": {
                            "nl": "Gemengde groepjes ontwierpen samen het schoolplein van hun dromen.",
                            "de": "Gemischte Gruppen entwarfen gemeinsam den Schulhof ihrer Träume.",
                        },
                    },
                ],
            ),
            (
                "paragraphs",
                {
                    "nl": [
                        "Op 23 april kwam de Duitse klas met de bus naar Steenwijk. In gemengde "
                        "groepjes ontwierpen de kinderen een schoolplein dat regen vasthoudt, met "
                        "handen, voeten en een mengelmoes van Nederlands, Duits en Engels. Twee "
                        "ontwerpen gaan naar de ouderraden van beide scholen.",
                        "Het tegenbezoek aan Herzebrock-Clarholz staat gepland voor na de zomer, als "
                        "de regenmeters een vol jaar hebben gemeten.",
                    ],
                    "de": [
                        "Am 23. April kam die deutsche Klasse mit dem Bus nach Steenwijk. In "
                        "gemischten Gruppen entwarfen die Kinder einen Schulhof, der Regen "
                        "zurückhält, mit Händen, Füßen und einer Mischung aus Niederländisch, "
                        "Deutsch und Englisch. Zwei Entwürfe gehen an die Elternvertretungen beider "
                        "Schulen.",
                        "Der Gegenbesuch in Herzebrock-Clarholz ist für die Zeit nach den "
                        "Sommerferien geplant, wenn die Regenmesser ein volles Jahr lang gemessen "
                        "haben.",
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": {
                        "nl": (
                            "Wij dachten dat Duitsers heel anders waren. Maar hun schoolplein heeft "
                            "net zoveel tegels als het onze."
                        ),
                        "de": (
                            "Wir dachten, die Deutschen wären ganz anders. Aber ihr Schulhof hat "
                            "genauso viele Pflastersteine wie unserer."
                        ),
                    },
                    "attribution": {
                        "nl": "Noor, leerling van groep 8 in Steenwijk",
                        "de": "Noor, Schülerin der Abschlussklasse (groep 8) in Steenwijk",
                    },
                },
            ),
        ],
    },
]
