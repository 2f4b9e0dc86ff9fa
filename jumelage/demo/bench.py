"""Made-up content for `seed_bench`: exchange stories and meetings of the sector communities in
Dutch and German, put together from small vocabularies (`content/bench.toml`) so that thousands
of pages differ enough for listings, filters and search to do real work.

Nobody real is named or quoted: quotes are attributed to "a participant from <village>". Each
generator returns the facts shared by both languages and the texts per language; block ids are
shared too, as in a translation made with wagtail-localize."""

import uuid
from datetime import timedelta
from html import escape

from jumelage.demo import data

VOCABULARY = data.read("bench")
PLACES = VOCABULARY["places"]
# What stories and meetings are about, per sector slug (Dutch); `None` for the twinning at large.
TOPICS = {**VOCABULARY["topics"], None: VOCABULARY["texts"]["general_topics"]}
TEXTS = VOCABULARY["texts"]
STORY_KINDS = TEXTS["story_kinds"]
WHO = TEXTS["who"]
OUTCOMES = TEXTS["outcomes"]
PARAGRAPHS = TEXTS["paragraphs"]
QUOTES = TEXTS["quotes"]
TAGS = TEXTS["tags"]
MEETING_KINDS = TEXTS["meeting_kinds"]
VENUES = TEXTS["venues"]
ORGANISERS = TEXTS["organisers"]
MEETING_INTROS = TEXTS["meeting_intros"]
STORY_INTRO = TEXTS["story_intro"]
IMAGE_ALT = TEXTS["image_alt"]
QUOTED = TEXTS["quoted"]
FIRST_NAMES = VOCABULARY["first_names"]
BIOS = VOCABULARY["bios"]
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
