"""Generated emblems of the sector communities: an SVG drawn on the server from a sector's key.

The five sectors of the twinning have a motif and colours of their own (a leaf for climate, a boat
on waves for tourism, furrows for agriculture, columns for the councils, linked rings for the
inclusive society), recognised by a word in the slug of any of the sector's language versions, so
a sector looks the same in Dutch and German. A sector editors add later gets a pattern and colour
derived from its translation key: deterministic, the same in every language and on every page.

The SVG is decorative (the sector's title is always next to it): aria-hidden, no ids (several
emblems on one page), presentation attributes only (the CSP allows no inline styles)."""

import hashlib
import math

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from community.localization import sector_pages, sector_versions

# Each motif is drawn in a 100 x 100 box in currentColor.
MOTIFS = {
    "leaf": (
        '<path fill="currentColor" d="M50 6C78 18 94 50 52 94 8 58 18 22 50 6Z"/>'
        '<path fill="none" stroke="{bg}" stroke-width="4" stroke-linecap="round" '
        'd="M51 90C49 60 50 38 50 14M50 46 34 34M50 62 68 48M50 76 36 66"/>'
    ),
    "boat": (
        '<path fill="currentColor" d="M50 8 50 56 80 56ZM46 20 46 56 22 56Z"/>'
        '<path fill="currentColor" d="M14 62H86L74 78H26Z"/>'
        '<path fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" '
        'd="M4 88Q16 80 28 88T52 88 76 88 100 88"/>'
    ),
    "furrows": (
        '<circle fill="currentColor" cx="74" cy="24" r="14"/>'
        '<path fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round" '
        'd="M6 58Q50 44 94 58M6 72Q50 58 94 72M6 86Q50 72 94 86"/>'
    ),
    "columns": (
        '<path fill="currentColor" d="M50 6 94 28H6ZM8 32h84v6H8ZM14 42h10v38H14ZM34 42h10v38H34Z'
        'M56 42h10v38H56ZM76 42h10v38H76ZM6 84h88v8H6Z"/>'
    ),
    "rings": (
        '<g fill="none" stroke="currentColor" stroke-width="7">'
        '<circle cx="34" cy="38" r="22"/><circle cx="66" cy="38" r="22"/>'
        '<circle cx="50" cy="66" r="22"/></g>'
    ),
    # For sectors without a motif of their own, one of these, chosen by the key.
    "dots": '<circle fill="currentColor" cx="50" cy="50" r="34"/>',
    "diamond": '<path fill="currentColor" d="M50 8 92 50 50 92 8 50Z"/>',
    "triangle": '<path fill="currentColor" d="M50 10 92 86H8Z"/>',
    "square": '<rect fill="currentColor" x="16" y="16" width="68" height="68" rx="10"/>',
}
GENERIC = ("dots", "diamond", "triangle", "square")

# Motif and colours (background, pattern, emblem) by a word in the sector's slugs (nl, de, en).
KNOWN = [
    (("klima", "climate", "duurzaam", "nachhaltig"), "leaf", ("#1f6b47", "#2f8a5e", "#d9f0e1")),
    (("toeris", "touris", "recreat", "freizeit"), "boat", ("#155e85", "#2476a3", "#d6ecf8")),
    (("agrar", "landbouw", "landwirt", "agricult"), "furrows", ("#7a4f12", "#97661f", "#f7e3b8")),
    (("raad", "raden", "raete", "council"), "columns", ("#4f3a73", "#654b90", "#e6dcf3")),
    (("inclus", "inklus", "inclusion", "teilhabe"), "rings", ("#a63a10", "#c24d1c", "#ffe1cf")),
]


def _hsl(hue, saturation, lightness):
    """An HSL colour as #rrggbb (SVG presentation attributes take any CSS colour, but a hex
    value reads the same everywhere)."""
    s, lum = saturation / 100, lightness / 100
    chroma = (1 - abs(2 * lum - 1)) * s
    x = chroma * (1 - abs((hue / 60) % 2 - 1))
    m = lum - chroma / 2
    sector = int(hue // 60) % 6
    r, g, b = [
        (chroma, x, 0),
        (x, chroma, 0),
        (0, chroma, x),
        (0, x, chroma),
        (x, 0, chroma),
        (chroma, 0, x),
    ][sector]
    return "#{:02x}{:02x}{:02x}".format(*(round((v + m) * 255) for v in (r, g, b)))


def design(slugs, key):
    """(motif, (background, pattern, emblem colour)) for a sector with these slugs and key."""
    text = " ".join(slugs).lower()
    for words, motif, colours in KNOWN:
        if any(word in text for word in words):
            return motif, colours
    digest = hashlib.sha256(str(key).encode()).digest()
    hue = digest[0] * 360 / 256
    motif = GENERIC[digest[1] % len(GENERIC)]
    return motif, (_hsl(hue, 45, 30), _hsl(hue, 45, 38), _hsl(hue, 60, 90))


def _tile(motif, bg, x, y, size, rotate=0):
    scale = size / 100
    body = MOTIFS[motif].format(bg=bg)
    turn = f" rotate({rotate} {size / 2:g} {size / 2:g})" if rotate else ""
    return f'<g transform="translate({x:g} {y:g}){turn} scale({scale:g})">{body}</g>'


def render(motif, colours, width=300, height=200, pattern_field=True):
    """The emblem as inline SVG: a field of small motifs (unless `pattern_field` is false, for
    small emblems) and one large one in a circle."""
    bg, pattern, light = colours
    tiles = []
    step = 50
    for row in range(math.ceil(height / step) + 1 if pattern_field else 0):
        for col in range(math.ceil(width / step) + 1):
            x = col * step - (step / 2 if row % 2 else 0)
            tiles.append(_tile(motif, bg, x, row * step - 6, 22, rotate=(row + col) % 2 * 12))
    size = min(width, height) * 0.5
    cx, cy = width * 0.5, height * 0.5
    radius = size * 0.82
    return format_html(
        '<svg class="emblem" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">'
        '<rect width="{w}" height="{h}" fill="{bg}"/>'
        '<g color="{pattern}">{tiles}</g>'
        '<circle cx="{cx}" cy="{cy}" r="{r}" fill="{bg}"/>'
        '<circle cx="{cx}" cy="{cy}" r="{r2}" fill="none" stroke="{light}" stroke-width="2"/>'
        '<g color="{light}">{emblem}</g></svg>',
        w=width,
        h=height,
        bg=bg,
        pattern=pattern,
        light=light,
        tiles=mark_safe("".join(tiles)),  # noqa: S308 (built above from constants and numbers)
        cx=cx,
        cy=cy,
        r=f"{radius:.1f}",
        r2=f"{radius - 6:.1f}",
        emblem=mark_safe(_tile(motif, bg, cx - size / 2, cy - size / 2, size)),  # noqa: S308
    )


def sector_emblem(sector, width=300, height=200, pattern_field=True):
    """The emblem of a sector page, the same for each of its language versions."""
    by_id = sector_pages()["by_id"]
    slugs = [by_id[pk].slug for pk in sector_versions(sector)] or [sector.slug]
    motif, colours = design(sorted(slugs), sector.translation_key)
    return render(motif, colours, width, height, pattern_field)


def twinning_emblem(width=300, height=200):
    """For stories of no sector: the two towns' rings in the platform's colours."""
    return render("rings", ("#0b5567", "#146a7f", "#ffe1cf"), width, height)
