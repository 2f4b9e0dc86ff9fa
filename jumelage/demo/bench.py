"""Made-up content for `seed_bench`: exchange stories and meetings of the sector communities in
Dutch and German, put together from small vocabularies so that thousands of pages differ enough
for listings, filters and search to do real work.

Nobody real is named or quoted: quotes are attributed to "a participant from <village>". Each
generator returns the facts shared by both languages and the texts per language; block ids are
shared too, as in a translation made with wagtail-localize."""

import uuid
from datetime import timedelta
from html import escape

# Villages of each town, for places and attributions.
PLACES = {
    "steenwijkerland": [
        "Steenwijk",
        "Giethoorn",
        "Vollenhove",
        "Blokzijl",
        "Oldemarkt",
        "Wanneperveen",
        "Kalenberg",
        "Scheerwolde",
    ],
    "herzebrock-clarholz": ["Herzebrock", "Clarholz"],
}

# What stories and meetings are about, per sector slug (Dutch); `None` for the twinning at large.
TOPICS = {
    "duurzaamheid-en-klimaat": [
        ("zonnepanelen op het dorpshuis", "Solarmodule auf dem Dorfgemeinschaftshaus"),
        ("regenwater in de dorpskern", "Regenwasser im Ortskern"),
        ("lokale energiecoöperaties", "lokale Energiegenossenschaften"),
        ("warmtepompen in oude huizen", "Wärmepumpen in alten Häusern"),
        ("groene schoolpleinen", "grüne Schulhöfe"),
    ],
    "recreatie-en-toerisme": [
        ("fietsroutes over de grens", "Radwege über die Grenze"),
        ("kanoën in de Weerribben", "Kanufahren in den Weerribben"),
        ("gastvrijheid voor fietstoeristen", "Gastfreundschaft für Radtouristen"),
        ("wandelroutes voor gezinnen", "Wanderwege für Familien"),
        ("streekmarkten", "Regionalmärkte"),
    ],
    "agrarische-sector": [
        ("weidevogelbescherming", "Wiesenvogelschutz"),
        ("bodem en grondwater", "Boden und Grundwasser"),
        ("jonge boeren", "junge Landwirte"),
        ("streekproducten", "regionale Produkte"),
        ("bedrijfsopvolging", "Hofnachfolge"),
    ],
    "gemeenteraden": [
        ("wonen in kleine kernen", "Wohnen in kleinen Ortsteilen"),
        ("burgerparticipatie", "Bürgerbeteiligung"),
        ("jongeren en de raad", "Jugendliche und der Rat"),
        ("digitale dienstverlening", "digitale Verwaltung"),
        ("voorzieningen in de dorpen", "Versorgung in den Dörfern"),
    ],
    "inclusieve-samenleving": [
        ("een taalcafé", "ein Sprachcafé"),
        ("toegankelijke sportclubs", "barrierefreie Sportvereine"),
        ("vrijwilligers vinden en houden", "Ehrenamtliche gewinnen und halten"),
        ("nieuwkomers in de vereniging", "Neuangekommene im Verein"),
        ("samen koken en eten", "gemeinsam kochen und essen"),
    ],
    None: [
        ("de jaarmarkt", "der Jahresmarkt"),
        ("muziek over de grens", "Musik über die Grenze"),
        ("een fietstocht", "eine Radtour"),
        ("schoolklassen op bezoek", "Schulklassen zu Besuch"),
        ("het jubileum van de stedenband", "das Jubiläum der Partnerschaft"),
    ],
}

STORY_KINDS = [
    ("werkbezoek in {place}", "Arbeitsbesuch in {place}"),
    ("uitwisseling in {place}", "Austausch in {place}"),
    ("excursie naar {place}", "Exkursion nach {place}"),
    ("gasten uit {other}", "Gäste aus {other}"),
    ("een avond in {place}", "ein Abend in {place}"),
    ("online gesprek met {other}", "Online-Gespräch mit {other}"),
]
WHO = [
    ("Leden van de sectorgemeenschap", "Mitglieder der Fachgruppe"),
    ("Vrijwilligers", "Ehrenamtliche"),
    ("Raadsleden", "Ratsmitglieder"),
    ("Boeren en tuinders", "Landwirtinnen und Landwirte"),
    ("Ondernemers", "Unternehmerinnen und Unternehmer"),
    ("Scholieren", "Schülerinnen und Schüler"),
    ("Inwoners", "Menschen"),
]
OUTCOMES = [
    ("Een vervolg staat al in de agenda.", "Eine Fortsetzung steht schon im Kalender."),
    ("Beide kanten namen ideeën mee naar huis.", "Beide Seiten nahmen Ideen mit nach Hause."),
    ("Er volgt een verslag in beide talen.", "Ein Bericht in beiden Sprachen folgt."),
    (
        "De groep wil het volgend jaar herhalen.",
        "Die Gruppe möchte es im nächsten Jahr wiederholen.",
    ),
]
PARAGRAPHS = [
    (
        "De dag begon met koffie in {place}. Daarna liet de gastgroep zien hoe zij het onderwerp aanpakt, en waar zij tegenaan loopt.",
        "Der Tag begann mit Kaffee in {place}. Danach zeigte die gastgebende Gruppe, wie sie das Thema angeht und wo es hakt.",
    ),
    (
        "Opvallend was hoeveel de vragen aan beide kanten van de grens op elkaar lijken. De regels verschillen, maar de mensen die het werk doen, herkennen elkaar meteen.",
        "Auffällig war, wie sehr sich die Fragen auf beiden Seiten der Grenze ähneln. Die Regeln sind verschieden, aber die Menschen, die die Arbeit machen, erkennen sich sofort wieder.",
    ),
    (
        "Er werd in twee talen gesproken, met af en toe een woord Engels. Een paar deelnemers vertaalden voor wie de taal van de buren nog leert.",
        "Gesprochen wurde in zwei Sprachen, ab und zu mit einem Wort Englisch. Einige übersetzten für alle, die die Sprache der Nachbarn noch lernen.",
    ),
    (
        "Aan het eind van de middag maakten de groepen afspraken over een tegenbezoek in {other}.",
        "Am Ende des Nachmittags verabredeten die Gruppen einen Gegenbesuch in {other}.",
    ),
    (
        "Wie mee wil doen, kan zich als lid van het platform aansluiten bij de sectorgemeenschap.",
        "Wer mitmachen möchte, kann sich als Mitglied der Plattform der Fachgruppe anschließen.",
    ),
    (
        "De foto's en de aantekeningen van de dag staan in het verslag dat de coördinatoren rondsturen.",
        "Die Fotos und Notizen des Tages stehen im Bericht, den die Koordinierenden verschicken.",
    ),
    (
        "Het weer werkte mee, en wie uit {other} op de fiets kwam, was ruim op tijd.",
        "Das Wetter spielte mit, und wer aus {other} mit dem Rad kam, war früh genug da.",
    ),
    (
        "Na afloop bleef een groot deel van de groep nog voor een praatje.",
        "Danach blieb ein großer Teil der Gruppe noch für ein Gespräch.",
    ),
]
QUOTES = [
    (
        "Je denkt dat je het wiel zelf moet uitvinden, tot je ziet dat de buren het al hebben gedaan.",
        "Man denkt, man müsse das Rad selbst erfinden, bis man sieht, dass die Nachbarn es schon getan haben.",
    ),
    (
        "Over de grens kijken helpt om je eigen dorp opnieuw te zien.",
        "Über die Grenze zu schauen hilft, das eigene Dorf neu zu sehen.",
    ),
    (
        "Volgend jaar komen we zeker terug, en dan nemen we meer mensen mee.",
        "Nächstes Jahr kommen wir bestimmt wieder, und dann bringen wir mehr Leute mit.",
    ),
]
TAGS = [
    ("fiets", "Fahrrad"),
    ("water", "Wasser"),
    ("energie", "Energiewende"),
    ("jongeren", "Jugend"),
    ("vrijwilligers", "Ehrenamt"),
    ("school", "Schule"),
    ("natuur", "Natur"),
    ("muziek", "Musik"),
    ("sport", "Vereinssport"),
    ("taal", "Sprache"),
    ("landbouw", "Landwirtschaft"),
    ("wonen", "Wohnen"),
    ("toerisme", "Tourismus"),
    ("gemeenteraad", "Gemeinderat"),
    ("stichting", "Stiftung"),
    ("cultuur", "Kultur"),
]

MEETING_KINDS = [
    ("Online avond: {topic}", "Online-Abend: {topic}", "online"),
    ("Werkbezoek in {place}: {topic}", "Arbeitsbesuch in {place}: {topic}", "in_person"),
    ("Thema-avond in {place}: {topic}", "Themenabend in {place}: {topic}", "hybrid"),
    ("Open overleg: {topic}", "Offene Runde: {topic}", "online"),
    ("Ontmoeting in {place}: {topic}", "Treffen in {place}: {topic}", "in_person"),
]
VENUES = [
    ("Dorpshuis {place}", "Dorfgemeinschaftshaus {place}"),
    ("Bibliotheek {place}", "Bibliothek {place}"),
    ("Zaal van de sportclub in {place}", "Vereinsheim in {place}"),
]
ORGANISERS = ["Stichting Jumelage Herzebrock-Clarholz", "Partnerschaftskomitee Herzebrock-Clarholz"]
MEETING_INTROS = (
    "Een bijeenkomst over {topic} voor inwoners van beide gemeenten. Iedereen is welkom; aanmelden helpt bij de voorbereiding.",
    "Ein Treffen zum Thema {topic} für Menschen aus beiden Gemeinden. Alle sind willkommen; eine Anmeldung hilft bei der Vorbereitung.",
)

STORY_INTRO = (
    "{who} uit {place} ontmoetten hun buren uit {other}. Het onderwerp: {topic}. {outcome}",
    "{who} aus {place} trafen ihre Nachbarn aus {other}. Das Thema: {topic}. {outcome}",
)
IMAGE_ALT = ("Illustratie bij {topic}", "Illustration zum Thema {topic}")
QUOTED = ("een deelnemer uit {place}", "ein Teilnehmer aus {place}")

FIRST_NAMES = {
    "nl": "Anke Bram Daan Eva Femke Gerrit Hanneke Jan Joost Lotte Marloes Niels Roos Sanne Thijs Wim".split(),
    "de": "Anna Bernd Claudia Dirk Elke Frank Gabi Heike Jens Jutta Klaus Lena Markus Nina Stefan Ute".split(),
}
BIOS = {
    "nl": [
        "Fietst graag over de grens.",
        "Vrijwilliger bij het dorpshuis.",
        "Zingt in een koor.",
        "",
    ],
    "de": [
        "Fährt gern mit dem Rad über die Grenze.",
        "Ehrenamtlich im Bürgerhaus.",
        "Singt im Chor.",
        "",
    ],
}
LANGUAGES = ("nl", "de")


def capitalise(text):
    return text[:1].upper() + text[1:]


def block(kind, value, block_id):
    return {"type": kind, "value": value, "id": block_id}


def paragraphs(texts):
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in texts)


class Scene:
    """Where something happens: a village of one town, and a village of the other."""

    def __init__(self, rng):
        self.town = rng.choice(list(PLACES))
        other_town = next(town for town in PLACES if town != self.town)
        self.place = rng.choice(PLACES[self.town])
        self.other = rng.choice(PLACES[other_town])
        self.towns = [self.town] if rng.random() < 0.4 else [self.town, other_town]

    def fill(self, text, **extra):
        return text.format(place=self.place, other=self.other, **extra)


def story(rng, sector_slugs, image_ids, first_day, last_day):
    """One story dated between two days: shared facts, and title, intro, body and image text per
    language."""
    sectors = rng.sample(sector_slugs, k=rng.choice([0, 1, 1, 1, 2]))
    topic = rng.choice(TOPICS[sectors[0] if sectors else None])
    kind, who, outcome = rng.choice(STORY_KINDS), rng.choice(WHO), rng.choice(OUTCOMES)
    scene = Scene(rng)
    chosen = rng.sample(PARAGRAPHS, k=rng.randint(3, 5))
    quote = rng.choice(QUOTES) if rng.random() < 0.4 else None
    inline_image = rng.choice(image_ids) if rng.random() < 0.4 else None
    ids = [str(uuid.uuid4()) for _ in range(4)]
    texts = {}
    for index, language in enumerate(LANGUAGES):
        image_alt = IMAGE_ALT[index].format(topic=topic[index])
        body = [block("paragraph", paragraphs(scene.fill(p[index]) for p in chosen[:2]), ids[0])]
        if inline_image:
            image = {"image": inline_image, "alt_text": image_alt, "caption": ""}
            body.append(block("image", image, ids[1]))
        if quote:
            said = {"quote": quote[index], "attribution": scene.fill(QUOTED[index])}
            body.append(block("quote", said, ids[2]))
        body.append(
            block("paragraph", paragraphs(scene.fill(p[index]) for p in chosen[2:]), ids[3])
        )
        texts[language] = {
            "title": f"{capitalise(topic[index])}: {scene.fill(kind[index])}",
            "intro": scene.fill(
                STORY_INTRO[index], who=who[index], topic=topic[index], outcome=outcome[index]
            ),
            "body": body,
            "image_alt": image_alt,
        }
    return {
        "date": first_day + timedelta(days=rng.randrange((last_day - first_day).days + 1)),
        "sectors": sectors,
        "towns": scene.towns,
        "tags": rng.sample(TAGS, k=rng.randint(1, 3)),
        "image": rng.choice(image_ids),
        "texts": texts,
    }


def meeting(rng, sector_slugs, start):
    """One meeting at `start`: shared schedule and format, texts per language."""
    sectors = rng.sample(sector_slugs, k=rng.choice([0, 1, 1, 1, 2]))
    topic = rng.choice(TOPICS[sectors[0] if sectors else None])
    *titles, meeting_format = rng.choice(MEETING_KINDS)
    scene = Scene(rng)
    venue = rng.choice(VENUES) if meeting_format != "online" else ("", "")
    body_id = str(uuid.uuid4())
    paragraph = rng.choice(PARAGRAPHS)
    texts = {
        language: {
            "title": scene.fill(titles[index], topic=topic[index]),
            "intro": MEETING_INTROS[index].format(topic=topic[index]),
            "place_name": scene.fill(venue[index]),
            "body": [block("paragraph", paragraphs([scene.fill(paragraph[index])]), body_id)],
        }
        for index, language in enumerate(LANGUAGES)
    }
    return {
        "sectors": sectors,
        "town": scene.town if meeting_format != "online" else None,
        "format": meeting_format,
        "start": start,
        "end": start + timedelta(minutes=rng.choice([60, 90, 120, 180])),
        "capacity": rng.choice([None, None, None, 12, 20, 30, 40]),
        "registration_days_before": rng.choice([None, None, 1, 3]),
        "cancelled": rng.random() < 0.03,
        "moved_days": rng.choice([7, 14]) if rng.random() < 0.03 else None,
        "spoken_language": rng.choice(["nl-de", "nl-de", "nl", "de", "en"]),
        "organiser": rng.choice(ORGANISERS),
        "texts": texts,
    }


def member(rng, number, language):
    return {
        "email": f"lid-{number:04d}@bench.jumelage.example",
        "display_name": f"{rng.choice(FIRST_NAMES[language])} {chr(ord('A') + rng.randrange(26))}.",
        "language": language,
        "bio": rng.choice(BIOS[language]),
        "visible": rng.random() < 0.5,
    }
