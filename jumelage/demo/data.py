"""Reads the demo content: the TOML files in `content/`, one file per page (its texts in Dutch
and German side by side, `[nl]` and `[de]`) or per kind (people, members' contributions, the
foundations' contact details, the bench's vocabularies).

The facts the demo tells follow the municipal information note of December 2021 that started
this platform (in `../shared/seed/` beside the repository, not part of it): the sectors, the
wish for online meetings next to physical ones, exchanges and residents' initiatives. Residents,
coordinators and quotes are fictional; real office holders are never quoted. Every Dutch text has
one German translation throughout the demo, because the loader translates by that mapping.

Pages of a kind are built in the order of their file names; a page with `parent` (the parent's
Dutch slug) goes below that page."""

import re
from pathlib import Path

from jumelage import site_tree

CONTENT = Path(__file__).with_name("content")
# Demo sites only (see the README); every demo account has it.
DEMO_PASSWORD = "jumelage-demo-2026"  # noqa: S105 - documented demo accounts, never real ones


def paragraphs(text):
    """Paragraphs are separated by a blank line; lines within one are joined."""
    return [
        " ".join(line.strip() for line in chunk.splitlines())
        for chunk in re.split(r"\n\s*\n", text.strip())
    ]


def block(data):
    """A body block of a file as (type, value), its texts as {"nl": ..., "de": ...} pairs."""
    kind = data["type"]
    if kind == "paragraphs":
        return kind, {language: paragraphs(data[language]) for language in site_tree.LANGUAGES}
    if kind == "heading":
        return kind, {language: data[language] for language in site_tree.LANGUAGES}
    if kind == "gallery":
        return kind, data["images"]
    return kind, {key: value for key, value in data.items() if key != "type"}


def page(data):
    spec = site_tree.page_spec(data)
    if "body" in spec:
        spec["body"] = [block(item) for item in spec["body"]]
    return spec


def pages(kind):
    """The pages of `content/<kind>/`, children nested under their parents."""
    found = []
    by_slug = {}
    for path in sorted((CONTENT / kind).glob("*.toml")):
        spec = page(site_tree.read_toml(path))
        parent = spec.pop("parent", None)
        if parent is None:
            found.append(spec)
        else:
            by_slug[parent].setdefault("children", []).append(spec)
        by_slug[spec["slug"]["nl"]] = spec
    return found


def home():
    """The home page: title and introduction of every new site, the demo's body."""
    return {**site_tree.site_texts()["home"], **page(site_tree.read_toml(CONTENT / "home.toml"))}


def read(name):
    return site_tree.read_toml(CONTENT / f"{name}.toml")


def foundations():
    """Both foundations (`site_tree.toml`) with the demo's contact details."""
    details = {entry["name"]: entry for entry in read("foundations")["foundations"]}
    return [
        {**foundation, **details[foundation["name"]]}
        for foundation in site_tree.site_texts()["foundations"]
    ]
