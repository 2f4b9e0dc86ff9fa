"""What the demo's pages have beyond the pages every site starts with (jumelage.site_tree builds
both): bodies made of blocks, and illustrations drawn here so the demo never downloads anything.

Texts come as {"nl": ..., "de": ...} pairs; `pairs` (site_tree.TextPairs) collects them for the
German translations."""

import io
import random
import re
from datetime import time, timedelta
from html import escape

from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from jumelage import site_tree
from jumelage.demo import data


def stream_from_spec(blocks, pairs, images):
    """Turns block tuples of the demo data into StreamField data (Dutch)."""
    stream = []
    for block_type, value in blocks:
        if block_type == "heading":
            stream.append(("heading", {"text": pairs.add(value), "level": "h2"}))
        elif block_type == "paragraphs":
            html = "".join(f"<p>{escape(text, quote=False)}</p>" for text in pairs.add(value))
            stream.append(("paragraph", html))
        elif block_type == "quote":
            stream.append(
                (
                    "quote",
                    {
                        "quote": pairs.add(value["quote"]),
                        "attribution": pairs.add(value["attribution"]),
                    },
                )
            )
        elif block_type == "image":
            stream.append(("image", image_value(value, pairs, images)))
        elif block_type == "gallery":
            stream.append(
                ("gallery", [("image", image_value(item, pairs, images)) for item in value])
            )
        elif block_type == "facts":
            facts = [
                ("fact", {"label": pairs.add(fact["label"]), "value": pairs.add(fact["value"])})
                for fact in value["facts"]
            ]
            stream.append(("facts", {"title": pairs.add(value["title"]), "facts": facts}))
        elif block_type == "call_to_action":
            stream.append(
                (
                    "call_to_action",
                    {
                        "title": pairs.add(value["title"]),
                        "text": pairs.add(value["text"]),
                        "button_label": pairs.add(value["button_label"]),
                        "page": value["page"],
                        "url": "",
                    },
                )
            )
        else:
            raise CommandError(f"Unknown demo block type {block_type!r}")
    return stream


def programme_from_spec(days, first_day, pairs):
    """The programme of an exchange visit (Dutch) from the days of its file: each `day` counted
    from `first_day`, its items with times ("HH:MM") and their texts paired by field."""
    stream = []
    for day in days:
        day = site_tree.page_spec(day)
        items = []
        for item in day["items"]:
            item = site_tree.page_spec(item)
            items.append(
                {
                    "start": clock(item.get("start")),
                    "end": clock(item.get("end")),
                    "title": pairs.add(item["title"]),
                    "place": pairs.add(item["place"]) if "place" in item else "",
                    "online": item.get("online", False),
                    "bring": pairs.add(item["bring"]) if "bring" in item else "",
                    "description": pairs.add(item["description"]) if "description" in item else "",
                }
            )
        value = {
            "date": first_day + timedelta(days=day["day"]),
            "title": pairs.add(day["title"]) if "title" in day else "",
            "items": items,
        }
        stream.append(("day", value))
    return stream


def clock(text):
    return time.fromisoformat(text) if text else None


def image_value(value, pairs, images):
    return {
        "image": images[value["image"]],
        "alt_text": pairs.add(value["alt_text"]),
        "caption": pairs.add(value["caption"]),
    }


# Illustrations drawn here so the demo never downloads anything.
PALETTES = {
    "bridge": ((198, 226, 240), (46, 110, 142), (120, 84, 52)),
    "canal": ((210, 232, 226), (38, 120, 120), (90, 140, 70)),
    "meeting": ((244, 232, 214), (190, 90, 50), (60, 80, 110)),
    "fields": ((226, 238, 205), (110, 150, 60), (200, 170, 60)),
    "bikes": ((230, 228, 244), (70, 80, 150), (220, 120, 60)),
}


def palette(key):
    """A fixed palette per subject; subjects without one get a palette derived from the name."""
    if key in PALETTES:
        return PALETTES[key]
    rng = random.Random(f"palette-{key}")  # noqa: S311 - colours of an illustration
    sky = tuple(rng.randrange(190, 245) for _ in range(3))
    water = tuple(rng.randrange(30, 140) for _ in range(3))
    accent = tuple(rng.randrange(60, 220) for _ in range(3))
    return sky, water, accent


def draw_illustration(key, width=1600, height=1000):
    sky, water, accent = palette(key)
    rng = random.Random(key)  # noqa: S311 - shapes of an illustration, not a secret
    image = PILImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.58)
    for y in range(horizon):
        shade = int(25 * y / horizon)
        draw.line([(0, y), (width, y)], fill=tuple(max(0, c - shade) for c in sky))
    draw.rectangle([0, horizon, width, height], fill=water)
    for _ in range(14):
        x = rng.randrange(0, width)
        w = rng.randrange(60, 220)
        h = rng.randrange(60, 200)
        draw.rectangle([x, horizon - h, x + w, horizon], fill=accent)
        draw.polygon(
            [(x - 10, horizon - h), (x + w // 2, horizon - h - 70), (x + w + 10, horizon - h)],
            fill=tuple(max(0, c - 40) for c in accent),
        )
    for i in range(6):
        y = horizon + 40 + i * 60
        draw.line(
            [(rng.randrange(0, 400), y), (rng.randrange(900, width), y)],
            fill=tuple(min(255, c + 40) for c in water),
            width=4,
        )
    if key == "bridge":
        draw.arc(
            [width // 4, horizon - 180, 3 * width // 4, horizon + 180],
            180,
            360,
            fill=accent,
            width=28,
        )
    draw.ellipse([width - 300, 80, width - 160, 220], fill=(250, 220, 120))
    return image


class ImageLibrary(dict):
    """Demo illustrations by subject, drawn the first time a subject is asked for, titled in
    Dutch and German (content/images.toml) for the editors of both foundations."""

    def __init__(self):
        super().__init__()
        self.titles = {key: title(names) for key, names in data.read("images")["images"].items()}

    def __missing__(self, key):
        self[key] = demo_image(key, self.titles[key])
        return self[key]

    def retitle_earlier(self):
        """An earlier loader titled its illustrations in English ("Jumelage – choir"); those it
        drew that still have that title, which no editor gave them, get their titles now. An
        illustration an editor renamed or gave another file is left as it is."""
        image_model = get_image_model()
        renamed = 0
        for key, new_title in self.titles.items():
            earlier = image_model.objects.filter(
                title=f"Jumelage – {key}",
                file__regex=rf"(^|/)demo-{re.escape(key)}(_[A-Za-z0-9]+)?\.jpg$",
            )
            for image in earlier:
                image.title = new_title
                image.save(update_fields=["title"])
                renamed += 1
        return renamed


def title(names):
    """An illustration's title for editors of both languages: "Koor · Chor", or the one name
    both languages share ("Bus")."""
    if names["nl"] == names["de"]:
        return names["nl"]
    return f"{names['nl']} · {names['de']}"


def demo_image(key, title):
    """The demo illustration `key`, created once and reused on later runs."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    draw_illustration(key).save(buffer, format="JPEG", quality=85)
    image = image_model(title=title)
    image.file = ImageFile(buffer, name=f"demo-{key}.jpg")
    image.save()
    return image


class NoImages(dict):
    """Stands in for the image library when only the texts of a spec are wanted."""

    def __missing__(self, key):
        return None
