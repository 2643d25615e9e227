"""Paint the pictures that the demo catalog in content/ refers to.

The demo content names logos, covers and product photos, but the repository ships only
art it made itself. This script reads the content, finds every image an entry refers to
(site.yaml `brand.logo`, a business's `logo` and `cover`, a product's `images` and
Markdown images in bodies and descriptions) and draws a flat illustration for each with
Pillow: a bowl of empal gentong, a bottle of sirup, a Cirebon topeng, batik Mega Mendung,
a shop front under Mega Mendung clouds, and so on, picked by keywords in the file name
and the entry's name and category. Seeds come from the file paths, so two runs write
byte-identical files. Files at those paths are overwritten.

Usage: .venv/bin/python tools/make_demo_images.py [content_dir]
"""

from __future__ import annotations

import colorsys
import hashlib
import itertools
import math
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

RGB = tuple[int, int, int]
Colour = tuple[int, ...]
Point = tuple[float, float]

SUPERSAMPLE = 2
PHOTO_SIZE = (1200, 1200)
WIDE_SIZE = (1600, 1200)
COVER_SIZE = (1600, 900)
LOGO_SIZE = (512, 512)
BRAND_SIZE = (640, 200)
JPEG_QUALITY = 85
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
INK: RGB = (28, 24, 22)
GOLD: RGB = (214, 168, 62)

# The first kind whose keywords meet the words of an entry wins, so the order matters:
# "Kaos Anak Topeng" is a shirt, "Bros Topeng Mini" is jewellery, "Rengginang Terasi" a snack.
KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("garment", frozenset({"kaos", "kemeja", "baju", "blus", "gamis", "dress", "outer", "kimono", "tas"})),
    ("garment", frozenset({"totebag", "pakaian", "fashion"})),
    ("jewellery", frozenset({"gelang", "kalung", "anting", "aksesoris", "bros", "gantungan", "manik"})),
    ("painting", frozenset({"lukisan", "kaca"})),
    ("topeng", frozenset({"topeng"})),
    ("cloth", frozenset({"batik", "kain", "selendang", "taplak", "wadasan", "canting", "sarung"})),
    ("crackers", frozenset({"kerupuk", "gapit", "semprong", "rengginang", "opak", "melarat", "camilan"})),
    ("bottle", frozenset({"sirup", "terasi", "petis", "sambal", "bumbu", "minuman", "kecap"})),
    ("bowl", frozenset({"empal", "soto", "docang", "gentong", "sop"})),
    ("plate", frozenset({"nasi", "jamblang", "perkedel", "blakutak", "tahu", "sate", "makanan"})),
)
SCENE_WORDS = frozenset(
    {"cover", "sampul", "toko", "dapur", "warung", "pabrik", "galeri", "butik", "sanggar", "sangrai", "kios"}
)
SMALL_WORDS = frozenset({"dan", "bu", "mang", "teh", "cap", "tjap", "pak", "the"})
MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))")
WORD = re.compile(r"[a-z0-9]+")


# ---------------------------------------------------------------- colours and geometry


def hls(h: float, lightness: float, s: float) -> RGB:
    r, g, b = colorsys.hls_to_rgb(h % 1.0, min(max(lightness, 0.0), 1.0), min(max(s, 0.0), 1.0))
    return (round(r * 255), round(g * 255), round(b * 255))


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def lighter(c: Sequence[int], t: float) -> RGB:
    return mix(c, WHITE, t)


def darker(c: Sequence[int], t: float) -> RGB:
    return mix(c, BLACK, t)


def hex_rgb(value: object, default: str) -> RGB:
    text = value.strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        text = default
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def cloud_palette(
    hue: float, bands: int = 6, sat: float = 0.6, low: float = 0.2, high: float = 0.93
) -> list[RGB]:
    """Mega Mendung colours, outermost (dark) band first, graded to a pale centre."""
    return [hls(hue, low + (high - low) * i / (bands - 1), sat) for i in range(bands)]


def path(spec: str) -> list[Point]:
    """Points written compactly, SVG style: "x,y x,y ..."."""
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in spec.split())]


def smooth(points: Sequence[Point], rounds: int = 2, closed: bool = True) -> list[Point]:
    """Chaikin corner cutting: a coarse polygon becomes a soft, hand-drawn outline."""
    pts = list(points)
    for _ in range(rounds):
        out: list[Point] = []
        n = len(pts)
        for i in range(n if closed else n - 1):
            (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % n]
            out += [
                (0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1),
                (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1),
            ]
        pts = out if closed else [pts[0], *out, pts[-1]]
    return pts


def blob(
    rng: random.Random, x: float, y: float, r: float, jitter: float = 0.18, n: int = 9, squash: float = 1.0
) -> list[Point]:
    """A soft irregular round shape: meat, crackers, rice, bushes."""
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        rr = r * (1 + rng.uniform(-jitter, jitter))
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a) * squash))
    return smooth(pts)


def rotate(points: Sequence[Point], angle: float, about: Point = (0.0, 0.0)) -> list[Point]:
    ca, sa = math.cos(angle), math.sin(angle)
    ox, oy = about
    return [(ox + (x - ox) * ca - (y - oy) * sa, oy + (x - ox) * sa + (y - oy) * ca) for x, y in points]


def rect_pts(x: float, y: float, hw: float, hh: float, angle: float = 0.0) -> list[Point]:
    pts = [(x - hw, y - hh), (x + hw, y - hh), (x + hw, y + hh), (x - hw, y + hh)]
    return rotate(pts, angle, (x, y))


def symmetric(half: Sequence[Point]) -> list[Point]:
    """A left half and its mirror image, as one outline."""
    return [*half, *((-x, y) for x, y in reversed(half))]


def spiral(
    x: float, y: float, r: float, turns: float = 1.5, start: float = 0.0, sign: int = 1
) -> list[Point]:
    steps = max(12, int(turns * 24))
    pts = []
    for i in range(steps + 1):
        t = i / steps
        a = start + sign * t * turns * 2 * math.pi
        rr = r * (1 - 0.85 * t)
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    return pts


def leaf(x: float, y: float, length: float, width: float, angle: float) -> list[Point]:
    """A pointed leaf: two parabolic arcs meeting at tips `length` either side of (x, y)."""
    steps = [i / 12 - 1 for i in range(25)]
    pts = [(x + length * c, y + width * (1 - c * c)) for c in steps]
    pts += [(x + length * c, y - width * (1 - c * c)) for c in reversed(steps[1:-1])]
    return rotate(pts, angle, (x, y))


def ribbon(path: Sequence[Point], width: float) -> list[Point]:
    """A band of constant width along a path, as one polygon."""
    left, right = [], []
    for i, (x, y) in enumerate(path):
        (ax, ay), (bx, by) = path[max(i - 1, 0)], path[min(i + 1, len(path) - 1)]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm * width / 2, dx / norm * width / 2
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    return left + right[::-1]


# ---------------------------------------------------------------- the pen


class Pen:
    """Draws in object units: (0, 0) is the object's centre and one unit is `u` pixels."""

    def __init__(self, img: Image.Image, cx: float, cy: float, u: float) -> None:
        self.img = img
        self.draw = ImageDraw.Draw(img)
        self.cx, self.cy, self.u = cx, cy, u

    def sub(self, x: float, y: float, scale: float) -> Pen:
        px, py = self.pt(x, y)
        return Pen(self.img, px, py, self.u * scale)

    def pt(self, x: float, y: float) -> Point:
        return (self.cx + x * self.u, self.cy + y * self.u)

    def pts(self, points: Sequence[Point]) -> list[Point]:
        return [self.pt(x, y) for x, y in points]

    def w(self, width: float) -> int:
        return max(1, round(width * self.u))

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        (a, b), (c, d) = self.pt(x0, y0), self.pt(x1, y1)
        return (min(a, c), min(b, d), max(a, c), max(b, d))

    def ellipse(
        self,
        x: float,
        y: float,
        rx: float,
        ry: float,
        fill: Any = None,
        outline: Any = None,
        width: float = 0.01,
    ) -> None:
        self.draw.ellipse(
            self.box(x - rx, y - ry, x + rx, y + ry), fill=fill, outline=outline, width=self.w(width)
        )

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: Any = None,
        radius: float = 0.0,
        outline: Any = None,
        width: float = 0.01,
    ) -> None:
        box = self.box(x0, y0, x1, y1)
        self.draw.rounded_rectangle(
            box, radius=radius * self.u, fill=fill, outline=outline, width=self.w(width)
        )

    def poly(
        self, points: Sequence[Point], fill: Any = None, outline: Any = None, width: float = 0.01
    ) -> None:
        self.draw.polygon(self.pts(points), fill=fill, outline=outline, width=self.w(width) if outline else 0)

    def line(self, points: Sequence[Point], fill: Any, width: float) -> None:
        self.draw.line(self.pts(points), fill=fill, width=self.w(width), joint="curve")

    def arc(
        self, x: float, y: float, rx: float, ry: float, start: float, end: float, fill: Any, width: float
    ) -> None:
        self.draw.arc(self.box(x - rx, y - ry, x + rx, y + ry), start, end, fill=fill, width=self.w(width))

    def chord(self, x: float, y: float, rx: float, ry: float, start: float, end: float, fill: Any) -> None:
        self.draw.chord(self.box(x - rx, y - ry, x + rx, y + ry), start, end, fill=fill)

    def brush(self, path: Sequence[Point], w0: float, w1: float, fill: Any) -> None:
        """A tapering stroke, like a brush or a canting line."""
        pts = smooth(path, 3, closed=False)
        for i in range(len(pts) - 1):
            r = w0 + (w1 - w0) * i / max(len(pts) - 1, 1)
            self.line([pts[i], pts[i + 1]], fill, 2 * r)
            self.ellipse(*pts[i], r, r, fill=fill)

    def text(
        self, x: float, y: float, text: str, size: float, fill: Any, anchor: str = "mm", bold: float = 0.0
    ) -> None:
        font = ImageFont.load_default(size=max(8, round(size * self.u)))
        stroke = round(bold * self.u)
        self.draw.text(
            self.pt(x, y), text, font=font, fill=fill, anchor=anchor, stroke_width=stroke, stroke_fill=fill
        )

    def shadow(
        self, x: float, y: float, rx: float, ry: float, strength: float = 0.32, blur: float = 0.07
    ) -> None:
        """A soft contact shadow, blurred at low resolution for speed."""
        small = 8
        w, h = self.img.size
        mask = Image.new("L", (w // small, h // small), 0)
        x0, y0, x1, y1 = self.box(x - rx, y - ry, x + rx, y + ry)
        ImageDraw.Draw(mask).ellipse(
            (x0 / small, y0 / small, x1 / small, y1 / small), fill=round(255 * strength)
        )
        mask = mask.filter(ImageFilter.GaussianBlur(max(1.0, blur * self.u / small)))
        self.img.paste((34, 26, 20), (0, 0), mask.resize((w, h), Image.Resampling.BILINEAR))

    @contextmanager
    def layer(self, clip: Sequence[Point] | None = None) -> Iterator[Pen]:
        """Draw translucent things: what is drawn on the yielded pen is blended on exit,
        inside the polygon `clip` if one is given."""
        over = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        yield Pen(over, self.cx, self.cy, self.u)
        if clip is not None:
            mask = Image.new("L", self.img.size, 0)
            ImageDraw.Draw(mask).polygon(self.pts(clip), fill=255)
            over.putalpha(ImageChops.multiply(over.getchannel("A"), mask))
        if self.img.mode == "RGBA":
            self.img.alpha_composite(over)
        else:
            self.img.paste(over, (0, 0), over)

    @contextmanager
    def masked(self, source: Image.Image) -> Iterator[Pen]:
        """Shapes drawn (with fill=255) on the yielded pen show `source` through them."""
        mask = Image.new("L", self.img.size, 0)
        yield Pen(mask, self.cx, self.cy, self.u)
        self.img.paste(source, (0, 0), mask)


# ---------------------------------------------------------------- Cirebon motifs

CLOUD_LOBES: tuple[tuple[float, float, float], ...] = (
    (0.00, -0.20, 0.30),
    (-0.40, -0.02, 0.24),
    (0.42, 0.00, 0.25),
    (-0.76, 0.16, 0.15),
    (0.78, 0.17, 0.14),
    (-0.20, 0.16, 0.22),
    (0.22, 0.18, 0.21),
)
WADAS_OUTLINE = smooth(
    path(
        "-1,0.4 -0.95,0.12 -0.7,0.05 -0.62,-0.2 -0.3,-0.26 -0.2,-0.5"
        " 0.22,-0.56 0.34,-0.3 0.66,-0.24 0.76,0.04 0.98,0.1 1,0.4"
    ),
    1,
)


def mega_mendung(
    pen: Pen, x: float, y: float, size: float, colours: Sequence[Colour], flip: bool = False
) -> None:
    """One Mega Mendung cloud: the same lobes again and again, each band smaller and paler."""
    n = len(colours)
    step = 0.06
    for k, colour in enumerate(colours):
        grow = (n - 1 - k) * step
        for dx, dy, r in CLOUD_LOBES:
            rr = (r + grow) * size
            pen.ellipse(x + (-dx if flip else dx) * size, y + dy * size, rr, rr * 0.92, fill=colour)
    sign = -1 if flip else 1
    for side in (-1, 1):
        curl = spiral(
            x + side * sign * 0.8 * size, y + 0.18 * size, 0.1 * size, 1.2, math.pi / 2, -side * sign
        )
        pen.line(curl, colours[0], 0.018 * size)


def wadasan(pen: Pen, x: float, y: float, size: float, colours: Sequence[Colour], flip: bool = False) -> None:
    """Wadasan: the layered rock motif of Cirebon batik and glass painting."""
    n = len(colours)
    for k, colour in enumerate(colours):
        f = 1 - 0.6 * k / max(n - 1, 1)
        rock = [
            (x + (-px if flip else px) * f * size, y + (0.3 + (py - 0.3) * f) * size)
            for px, py in WADAS_OUTLINE
        ]
        pen.poly(rock, fill=colour)


def batik_cloth(
    size: tuple[int, int], rng: random.Random, palette: Sequence[RGB], ground: RGB, motif: str, scale: float
) -> Image.Image:
    """A field of batik: Mega Mendung clouds or wadasan rocks in brick rows, with isen-isen dots."""
    img = Image.new("RGB", size, ground)
    pen = Pen(img, 0, 0, scale)
    dx, dy = 2.2, 1.3
    cols = int(size[0] / scale / dx) + 3
    rows = int(size[1] / scale / dy) + 3
    dot = darker(ground, 0.25) if sum(ground) > 380 else lighter(ground, 0.3)
    for _ in range(int(cols * rows * 6)):
        pen.ellipse(rng.uniform(-1, cols * dx), rng.uniform(-1, rows * dy), 0.025, 0.025, fill=dot)
    for row in range(-1, rows):
        for col in range(-1, cols):
            x = col * dx + (row % 2) * dx / 2 + rng.uniform(-0.12, 0.12)
            y = row * dy + rng.uniform(-0.08, 0.08)
            rock = motif == "wadasan" or (motif == "kombinasi" and (row + col) % 2 == 0)
            draw = wadasan if rock else mega_mendung
            draw(pen, x, y, rng.uniform(0.85, 1.05), palette, flip=rng.random() < 0.5)
    return img


def batik_colours(words: frozenset[str], rng: random.Random) -> tuple[list[RGB], RGB, str]:
    """Palette, ground colour and motif for a piece of batik, from the entry's words."""
    motif = "kombinasi" if "kombinasi" in words else "wadasan" if "wadasan" in words else "mega"
    if "merah" in words:
        hue = 0.0
    elif "biru" in words:
        hue = 0.61
    elif motif == "wadasan":
        hue = 0.07
    else:
        hue = rng.choice((0.61, 0.0, 0.58, 0.95, 0.5, 0.08, 0.75, 0.62))
    palette = cloud_palette(hue, 6, rng.uniform(0.5, 0.7))
    ground = rng.choice((hls(hue, 0.94, 0.35), (246, 238, 220), hls(hue + 0.5, 0.9, 0.25)))
    return palette, ground, motif


def pattern_for(pen: Pen, s: Subject, scale: float = 0.2, words: frozenset[str] | None = None) -> Image.Image:
    palette, ground, motif = batik_colours(words if words is not None else s.words, s.rng)
    return batik_cloth(pen.img.size, s.rng, palette, ground, motif, scale * pen.u)


# ---------------------------------------------------------------- backgrounds and finishing


def vertical_gradient(size: tuple[int, int], stops: Sequence[tuple[float, RGB]]) -> Image.Image:
    w, h = size
    column = Image.new("RGB", (1, h))
    values = []
    for row in range(h):
        t = row / max(h - 1, 1)
        for (t0, c0), (t1, c1) in itertools.pairwise(stops):
            if t0 <= t <= t1:
                values.append(mix(c0, c1, (t - t0) / max(t1 - t0, 1e-6)))
                break
        else:
            values.append(stops[-1][1])
    column.putdata(values)
    return column.resize((w, h), Image.Resampling.NEAREST)


def studio_background(size: tuple[int, int], rng: random.Random, horizon: float = 0.63) -> Image.Image:
    """A soft wall meeting a table top, in a colour picked for this picture."""
    hue = rng.random()
    table_hue, table_sat = rng.choice(((hue, 0.25), (0.08, 0.3), (0.1, 0.22), (hue, 0.06)))
    wall_top, wall_low = hls(hue, 0.9, 0.32), hls(hue, 0.82, 0.3)
    table_far, table_near = hls(table_hue, 0.78, table_sat), hls(table_hue, 0.66, table_sat)
    return vertical_gradient(
        size,
        [(0.0, wall_top), (horizon - 0.01, wall_low), (horizon + 0.01, table_far), (1.0, table_near)],
    )


def add_grain(img: Image.Image, rng: random.Random, amount: int = 2) -> Image.Image:
    """Fine luminance noise from the seeded generator, so a flat drawing reads like a photo."""
    w, h = img.size
    small = (w // 2, h // 2)
    noise = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    noise = noise.resize((w, h), Image.Resampling.BILINEAR).point(lambda v: v * amount // 128)
    return ImageChops.add(img, Image.merge("RGB", (noise, noise, noise)), scale=1.0, offset=-amount)


def vignette(img: Image.Image, strength: float = 0.22) -> Image.Image:
    grad = Image.radial_gradient("L").resize(img.size, Image.Resampling.BILINEAR)
    mask = grad.point(lambda v: round(max(0, v - 120) / 135 * 255 * strength))
    img.paste(BLACK, (0, 0), mask)
    return img


# ---------------------------------------------------------------- what to draw


@dataclass(frozen=True)
class Subject:
    words: frozenset[str]
    rng: random.Random
    wide: bool

    def has(self, *keys: str) -> bool:
        return any(key in self.words for key in keys)


@dataclass(frozen=True)
class Job:
    target: Path
    role: str  # brand, logo, cover or photo
    words: tuple[str, ...]  # entry name, category and file name, lower-case
    title: str  # the business (or site) name
    size: tuple[int, int]
    brand: tuple[RGB, RGB] = ((31, 58, 95), (179, 54, 43))


def words_of(*texts: object) -> tuple[str, ...]:
    return tuple(w for text in texts for w in WORD.findall(str(text).lower()))


def choose_kind(job: Job) -> str:
    if job.role != "photo":
        return job.role
    if set(words_of(job.target.stem.replace("-", " "))) & SCENE_WORDS:
        return "scene"
    for source in (set(job.words), set(words_of(job.title))):
        for kind, keys in KINDS:
            if keys & source:
                return kind
    return "still"


def initials(name: str) -> str:
    tokens = [t for t in re.findall(r"[A-Za-z0-9]+", name) if t.lower() not in SMALL_WORDS]
    return "".join(t[0].upper() for t in tokens[:2]) or "IKM"


def seed_of(job: Job, root: Path) -> random.Random:
    rel = job.target.relative_to(root).as_posix()
    return random.Random(int.from_bytes(hashlib.sha256(rel.encode()).digest()[:8], "big"))


# ---------------------------------------------------------------- food


def paint_bowl(pen: Pen, s: Subject) -> None:
    rng = s.rng
    clay = s.has("empal", "gentong")
    body = hls(0.055, rng.uniform(0.38, 0.46), 0.5) if clay else hls(rng.random(), 0.94, 0.2)
    pen.shadow(0.05, 0.66, 1.1, 0.2)
    side_dish(pen, -0.95, 0.05, s, "sambal")
    pen.ellipse(0, 0.6, 1.05, 0.22, fill=(238, 236, 230))
    pen.ellipse(0, 0.58, 0.86, 0.16, fill=(226, 223, 216))
    pen.ellipse(0, 0.6, 0.36, 0.08, fill=darker(body, 0.3))
    pen.chord(0, -0.1, 0.86, 0.72, 0, 180, fill=body)
    with pen.layer() as glaze:
        glaze.chord(0, -0.1, 0.86, 0.72, 0, 70, fill=(0, 0, 0, 40))
        glaze.ellipse(-0.55, 0.15, 0.1, 0.22, fill=(255, 255, 255, 60))
    band = darker(body, 0.35) if clay else hls(0.61, 0.35, 0.6)
    pen.arc(0, -0.06, 0.83, 0.5, 20, 160, band, 0.035)
    if not clay:
        for i in range(5):
            mega_mendung(
                pen, -0.5 + i * 0.25, 0.28 + 0.12 * math.sin(i / 4 * math.pi), 0.07, cloud_palette(0.61, 4)
            )
    pen.ellipse(0, -0.1, 0.86, 0.24, fill=lighter(body, 0.2))
    broth = soup_colour(s)
    pen.ellipse(0, -0.09, 0.78, 0.19, fill=broth)
    soup_toppings(pen, s, broth)
    pen.line([(0.35, -0.12), (0.72, -0.48), (0.95, -0.7)], (190, 192, 198), 0.045)
    pen.line([(0.72, -0.48), (0.95, -0.7)], (225, 226, 230), 0.02)


def soup_colour(s: Subject) -> RGB:
    if s.has("asem"):
        return (214, 150, 82)
    if s.has("docang"):
        return (196, 170, 96)
    return (232, 176, 58)


def soup_toppings(pen: Pen, s: Subject, broth: RGB) -> None:
    rng = s.rng
    for _ in range(10):
        x, y = rng.uniform(-0.6, 0.6), rng.uniform(-0.2, 0.0)
        pen.ellipse(x, y, rng.uniform(0.03, 0.07), 0.015, fill=lighter(broth, 0.25))
    if s.has("docang"):
        for _ in range(7):
            pts = rect_pts(rng.uniform(-0.5, 0.5), rng.uniform(-0.17, -0.02), 0.07, 0.05, rng.uniform(0, 3))
            pen.poly(pts, fill=(246, 244, 234), outline=(210, 205, 190), width=0.006)
        for _ in range(8):
            pen.poly(
                leaf(rng.uniform(-0.55, 0.55), rng.uniform(-0.18, 0.0), 0.09, 0.03, rng.uniform(0, 3)),
                fill=(70, 130, 50),
            )
    else:
        for _ in range(7):
            x, y = rng.uniform(-0.5, 0.5), rng.uniform(-0.18, -0.02)
            meat = blob(rng, x, y, rng.uniform(0.07, 0.11), 0.25, 8, 0.6)
            pen.poly(meat, fill=(126, 72, 40))
            pen.ellipse(x - 0.02, y - 0.015, 0.035, 0.015, fill=(160, 100, 60))
    if s.has("asem"):
        for _ in range(4):
            x, y = rng.uniform(-0.5, 0.5), rng.uniform(-0.16, -0.04)
            pen.ellipse(x, y, 0.07, 0.035, fill=(150, 190, 80), outline=(110, 150, 60), width=0.008)
            pen.ellipse(x, y, 0.035, 0.016, fill=(200, 220, 140))
    for _ in range(26):
        x, y, a = rng.uniform(-0.6, 0.6), rng.uniform(-0.2, 0.0), rng.uniform(0, math.pi)
        pen.poly(rect_pts(x, y, 0.03, 0.008, a), fill=(70, 150, 60))
    for _ in range(30):
        pen.ellipse(rng.uniform(-0.6, 0.6), rng.uniform(-0.22, 0.0), 0.01, 0.007, fill=(196, 38, 28))


def side_dish(pen: Pen, x: float, y: float, s: Subject, what: str) -> None:
    rng = s.rng
    pen.shadow(x, y + 0.12, 0.3, 0.07)
    pen.ellipse(x, y + 0.04, 0.28, 0.1, fill=(236, 234, 228))
    pen.ellipse(x, y, 0.28, 0.1, fill=(246, 245, 241))
    pen.ellipse(x, y, 0.2, 0.065, fill=(186, 40, 26) if what == "sambal" else (230, 226, 214))
    for _ in range(14):
        pen.ellipse(
            x + rng.uniform(-0.15, 0.15), y + rng.uniform(-0.04, 0.04), 0.012, 0.008, fill=(236, 200, 120)
        )


def paint_plate(pen: Pen, s: Subject) -> None:
    rng = s.rng
    pen.shadow(0, 0.58, 1.15, 0.24)
    if s.has("nasi", "jamblang", "hajatan"):
        woven_tray(pen, 0, 0.22, 1.05, 0.5, (196, 156, 96))
        rice_with_sides(pen, s)
        return
    pen.ellipse(0, 0.26, 1.08, 0.5, fill=(232, 230, 224))
    pen.ellipse(0, 0.22, 1.08, 0.5, fill=(250, 249, 246))
    pen.ellipse(0, 0.22, 0.86, 0.38, fill=(242, 241, 236))
    if s.has("sate"):
        satay(pen, rng)
    elif s.has("perkedel"):
        for i, (x, y) in enumerate(((-0.4, 0.05), (0.05, -0.02), (0.45, 0.08), (-0.2, 0.3), (0.28, 0.33))):
            patty(pen, x, y, 0.22 + 0.01 * i, rng)
        for _ in range(6):
            pen.poly(
                leaf(rng.uniform(-0.6, 0.6), rng.uniform(0.0, 0.4), 0.05, 0.025, rng.uniform(0, 3)),
                fill=(70, 140, 60),
            )
    elif s.has("blakutak"):
        squid(pen, rng)
    elif s.has("tahu"):
        tahu_gejrot(pen, rng)
    else:
        rice_with_sides(pen, s)


def woven_tray(pen: Pen, x: float, y: float, rx: float, ry: float, colour: RGB) -> None:
    """A round bamboo tray (tampah / piring anyaman)."""
    pen.ellipse(x, y + 0.04, rx, ry, fill=darker(colour, 0.3))
    pen.ellipse(x, y, rx, ry, fill=darker(colour, 0.12))
    weave = Image.new("RGB", pen.img.size, colour)
    wpen = Pen(weave, pen.cx, pen.cy, pen.u)
    step = 0.06
    for i in range(-40, 40):
        for j in range(-40, 40):
            cx, cy = x + i * step, y + j * step * 0.5
            if (i + j) % 2:
                wpen.rect(
                    cx - step * 0.45,
                    cy - step * 0.12,
                    cx + step * 0.45,
                    cy + step * 0.12,
                    fill=lighter(colour, 0.12),
                )
            else:
                wpen.rect(
                    cx - step * 0.12,
                    cy - step * 0.22,
                    cx + step * 0.12,
                    cy + step * 0.22,
                    fill=darker(colour, 0.08),
                )
    with pen.masked(weave) as m:
        m.ellipse(x, y, rx * 0.92, ry * 0.88, fill=255)
    pen.ellipse(x, y, rx * 0.92, ry * 0.88, outline=darker(colour, 0.35), width=0.02)


def rice_with_sides(pen: Pen, s: Subject) -> None:
    """Nasi jamblang: rice on a teak leaf with a few side dishes."""
    rng = s.rng
    for angle in (-0.5, 0.3, 2.6):
        pen.poly(leaf(rng.uniform(-0.2, 0.2), 0.2, 0.75, 0.35, angle), fill=(128, 120, 56))
    pen.poly(leaf(0, 0.18, 0.7, 0.33, 0.1), fill=(146, 136, 64))
    pen.line([(-0.65, 0.12), (0.65, 0.26)], (170, 160, 90), 0.012)
    for x, y in ((-0.32, 0.02), (0.02, -0.06)) if s.has("paket", "hajatan") else ((-0.15, 0.0),):
        rice = blob(rng, x, y, 0.3, 0.1, 10, 0.7)
        pen.poly(rice, fill=(248, 247, 240))
        for _ in range(60):
            gx, gy = x + rng.uniform(-0.25, 0.25), y + rng.uniform(-0.17, 0.17)
            pen.poly(rect_pts(gx, gy, 0.02, 0.008, rng.uniform(0, 3)), fill=(232, 230, 220))
    sides = [
        (0.45, 0.05, (176, 36, 24)),
        (0.3, 0.35, (90, 60, 40)),
        (-0.35, 0.38, (214, 160, 70)),
        (0.62, 0.3, (40, 34, 36)),
        (-0.62, 0.22, (196, 130, 60)),
    ]
    for x, y, colour in sides:
        dish = blob(rng, x, y, 0.17, 0.2, 8, 0.7)
        pen.poly(dish, fill=colour)
        for _ in range(8):
            pen.ellipse(
                x + rng.uniform(-0.1, 0.1),
                y + rng.uniform(-0.06, 0.06),
                0.015,
                0.01,
                fill=lighter(colour, 0.35),
            )


def satay(pen: Pen, rng: random.Random) -> None:
    """Sate kambing fanned out on a plate, with sweet soy sauce, shallots and tomato."""
    pen.ellipse(0.45, 0.42, 0.3, 0.1, fill=(60, 34, 22))
    for i in range(5):
        angle = -0.8 + i * 0.17
        dx, dy = math.cos(angle), math.sin(angle)
        bx, by = -0.85, 0.5
        pen.line([(bx, by), (bx + 1.1 * dx, by + 1.1 * dy)], (214, 186, 130), 0.018)
        for k in range(4):
            x, y = bx + (0.45 + k * 0.16) * dx, by + (0.45 + k * 0.16) * dy
            pen.poly(blob(rng, x, y, 0.075, 0.2, 7, 0.85), fill=(112, 56, 30))
            pen.ellipse(x - 0.02, y - 0.02, 0.03, 0.015, fill=(160, 90, 50))
            pen.ellipse(x + 0.03, y + 0.02, 0.015, 0.01, fill=(50, 24, 14))
    for _ in range(5):
        x, y = rng.uniform(0.3, 0.65), rng.uniform(0.37, 0.47)
        pen.ellipse(x, y, 0.05, 0.025, outline=(170, 90, 140), width=0.012)
    for x in (0.45, 0.63):
        pen.ellipse(x, 0.2, 0.08, 0.04, fill=(206, 50, 40), outline=(230, 120, 100), width=0.01)


def patty(pen: Pen, x: float, y: float, r: float, rng: random.Random) -> None:
    pen.ellipse(x, y + 0.04, r, r * 0.6, fill=(150, 90, 36))
    pen.poly(blob(rng, x, y, r, 0.06, 10, 0.6), fill=(200, 140, 60))
    pen.ellipse(x - r * 0.2, y - r * 0.15, r * 0.5, r * 0.25, fill=(218, 166, 86))
    for _ in range(12):
        pen.ellipse(
            x + rng.uniform(-r * 0.7, r * 0.7),
            y + rng.uniform(-r * 0.4, r * 0.4),
            0.01,
            0.008,
            fill=(120, 70, 30),
        )


def squid(pen: Pen, rng: random.Random) -> None:
    pen.poly(blob(rng, 0, 0.2, 0.7, 0.12, 10, 0.45), fill=(34, 28, 30))
    for x, y, a in ((-0.35, 0.1, 0.3), (0.1, 0.05, -0.2), (0.35, 0.3, 0.5)):
        body = rotate(
            [
                (x - 0.25, y),
                (x - 0.1, y - 0.09),
                (x + 0.12, y - 0.08),
                (x + 0.18, y),
                (x + 0.12, y + 0.08),
                (x - 0.1, y + 0.09),
            ],
            a,
            (x, y),
        )
        pen.poly(smooth(body), fill=(58, 50, 54))
        pen.ellipse(x - 0.12, y - 0.02, 0.05, 0.02, fill=(96, 88, 92))
        for k in range(4):
            tip = rotate([(x + 0.18, y), (x + 0.36, y - 0.07 + k * 0.05)], a, (x, y))
            pen.line(tip, (58, 50, 54), 0.015)
    for _ in range(6):
        x, y = rng.uniform(-0.5, 0.5), rng.uniform(0.05, 0.4)
        pen.ellipse(x, y, 0.04, 0.025, fill=(80, 160, 60), outline=(40, 110, 40), width=0.01)


def tahu_gejrot(pen: Pen, rng: random.Random) -> None:
    """A small clay cobek of fried tofu in thin palm-sugar sauce."""
    pen.ellipse(0, 0.26, 0.72, 0.32, fill=(120, 70, 44))
    pen.ellipse(0, 0.2, 0.72, 0.3, fill=(150, 92, 58))
    pen.ellipse(0, 0.2, 0.6, 0.23, fill=(112, 64, 36))
    for _ in range(9):
        x, y = rng.uniform(-0.4, 0.4), rng.uniform(0.08, 0.3)
        cube = rect_pts(x, y, 0.09, 0.07, rng.uniform(-0.5, 0.5))
        pen.poly(cube, fill=(204, 140, 60), outline=(160, 100, 40), width=0.008)
        pen.ellipse(x, y, 0.04, 0.03, fill=(240, 220, 170))
    for _ in range(12):
        x, y = rng.uniform(-0.45, 0.45), rng.uniform(0.05, 0.32)
        pen.ellipse(x, y, 0.02, 0.014, fill=rng.choice(((170, 80, 130), (80, 160, 60), (210, 40, 30))))
    pen.poly(rotate([(0.55, -0.2), (0.95, -0.55), (1.0, -0.5), (0.62, -0.14)], 0), fill=(96, 60, 40))


# ---------------------------------------------------------------- snacks


def paint_crackers(pen: Pen, s: Subject) -> None:
    if s.has("kaleng"):
        tin_of_crackers(pen, s)
    elif s.has("paket"):
        gift_box_of_snacks(pen, s)
    elif s.has("semprong"):
        woven_tray(pen, 0, 0.28, 1.05, 0.48, (196, 156, 96))
        for i in range(7):
            roll(pen, -0.45 + (i % 4) * 0.3, 0.1 + (i // 4) * 0.22 - 0.05 * (i % 2), 0.4, 0.07, -0.5, s.rng)
    elif s.has("gapit"):
        woven_tray(pen, 0, 0.28, 1.05, 0.48, (196, 156, 96))
        for i in range(6):
            wafer(
                pen,
                -0.4 + (i % 3) * 0.4,
                0.05 + (i // 3) * 0.25 + s.rng.uniform(-0.05, 0.05),
                s.rng.uniform(-0.4, 0.4),
                s,
            )
    elif s.has("mentah"):
        raw_chips_bag(pen, s)
    else:
        pen.shadow(0, 0.62, 1.15, 0.22)
        woven_tray(pen, 0, 0.3, 1.08, 0.5, (196, 156, 96))
        cracker_pile(pen, s, 0, 0.22, 0.72, 0.26, 18)


def cracker_colours(s: Subject) -> list[RGB]:
    if s.has("warna"):
        return [(242, 150, 172), (150, 210, 140), (246, 220, 110), (245, 170, 100), (246, 242, 232)]
    if s.has("pedas"):
        return [(214, 96, 56), (224, 122, 72)]
    if s.has("ketan", "hitam"):
        return [(88, 52, 70), (104, 64, 84)]
    if s.has("terasi"):
        return [(226, 160, 116), (232, 176, 132)]
    if s.has("udang", "rebon"):
        return [(242, 192, 152), (236, 178, 140)]
    if s.has("kulit"):
        return [(206, 150, 92), (190, 136, 80)]
    if s.has("melarat", "putih", "opak"):
        return [(246, 242, 232), (240, 234, 220)]
    return [(238, 216, 176), (230, 206, 162)]


def cracker_pile(pen: Pen, s: Subject, x: float, y: float, rx: float, ry: float, n: int) -> None:
    rng = s.rng
    colours = cracker_colours(s)
    spots = [(x + rng.uniform(-rx, rx) * math.sqrt(rng.random()), y + rng.uniform(-ry, ry)) for _ in range(n)]
    for px, py in sorted(spots, key=lambda p: p[1]):
        lift = (py - y + ry) / (2 * ry)
        if s.has("rengginang"):
            rengginang(pen, px, py - 0.05, rng.uniform(0.17, 0.22), rng.choice(colours), rng)
        else:
            cracker(
                pen,
                px,
                py - 0.12 * (1 - lift),
                rng.uniform(0.2, 0.3),
                rng.choice(colours),
                s,
                rng.uniform(0.45, 0.8),
            )


def cracker(pen: Pen, x: float, y: float, r: float, colour: RGB, s: Subject, squash: float) -> None:
    rng = s.rng
    edge = blob(rng, x, y, r, 0.13, 18, squash)
    pen.poly([(px, py + 0.012) for px, py in edge], fill=darker(colour, 0.18))
    pen.poly(edge, fill=colour, outline=darker(colour, 0.12), width=0.005)
    if s.has("udang", "rebon", "tenggiri"):
        for k in (0.35, 0.6, 0.82):
            pen.poly(blob(rng, x, y, r * k, 0.08, 12, squash), outline=darker(colour, 0.08), width=0.006)
    for _ in range(5):
        bx, by = x + rng.uniform(-0.6, 0.6) * r, y + rng.uniform(-0.5, 0.5) * r * squash
        pen.ellipse(bx, by, r * 0.08, r * 0.06 * squash, fill=lighter(colour, 0.35))
    if s.has("pedas"):
        for _ in range(4):
            bx, by = x + rng.uniform(-0.5, 0.5) * r, y + rng.uniform(-0.4, 0.4) * r * squash
            pen.poly(leaf(bx, by, r * 0.12, r * 0.05, rng.uniform(0, 3)), fill=(70, 120, 40))
    if s.has("opak"):
        for _ in range(4):
            pen.ellipse(
                x + rng.uniform(-0.5, 0.5) * r,
                y + rng.uniform(-0.4, 0.4) * r * squash,
                r * 0.07,
                r * 0.05,
                fill=(150, 110, 60),
            )


def rengginang(pen: Pen, x: float, y: float, r: float, colour: RGB, rng: random.Random) -> None:
    pen.ellipse(x, y + 0.03, r, r * 0.55, fill=darker(colour, 0.3))
    pen.ellipse(x, y, r, r * 0.55, fill=darker(colour, 0.08))
    for _ in range(70):
        a, d = rng.uniform(0, 2 * math.pi), r * 0.92 * math.sqrt(rng.random())
        gx, gy = x + d * math.cos(a), y + d * math.sin(a) * 0.55
        grain = rect_pts(gx, gy, 0.022, 0.011, rng.uniform(0, 3))
        pen.poly(grain, fill=lighter(colour, rng.uniform(0.0, 0.3)))
    for _ in range(5):
        pen.ellipse(
            x + rng.uniform(-0.6, 0.6) * r, y + rng.uniform(-0.3, 0.3) * r, 0.014, 0.01, fill=(214, 96, 70)
        )


def wafer(pen: Pen, x: float, y: float, angle: float, s: Subject) -> None:
    """Kue gapit: a thin crisp sheet pressed in a patterned iron."""
    rng = s.rng
    colour = (222, 172, 92)
    pen.poly(rect_pts(x + 0.01, y + 0.02, 0.2, 0.13, angle), fill=(160, 110, 50))
    pen.poly(rect_pts(x, y, 0.2, 0.13, angle), fill=colour, outline=(176, 124, 60), width=0.006)
    for i in range(-2, 3):
        for j in range(-1, 2):
            (px, py), *_ = rotate([(x + i * 0.075, y + j * 0.08)], angle, (x, y))
            pen.ellipse(px, py, 0.026, 0.026, outline=(190, 136, 66), width=0.006)
            pen.ellipse(px, py, 0.007, 0.007, fill=(190, 136, 66))
    if s.has("wijen"):
        for _ in range(30):
            (px, py), *_ = rotate(
                [(x + rng.uniform(-0.18, 0.18), y + rng.uniform(-0.11, 0.11))], angle, (x, y)
            )
            pen.poly(rect_pts(px, py, 0.01, 0.005, rng.uniform(0, 3)), fill=(250, 240, 210))


def roll(pen: Pen, x: float, y: float, length: float, r: float, angle: float, rng: random.Random) -> None:
    """Semprong gulung: a rolled wafer tube."""
    colour = (214, 160, 80)
    pen.poly(rect_pts(x, y + 0.02, length / 2, r, angle), fill=(150, 100, 46))
    pen.poly(rect_pts(x, y, length / 2, r, angle), fill=colour)
    for k in range(6):
        t = -length / 2 + (k + 0.5) * length / 6
        stripe = rotate([(x + t - 0.02, y - r), (x + t + 0.03, y + r)], angle, (x, y))
        pen.line(stripe, (186, 128, 60), 0.01)
    (ex, ey), *_ = rotate([(x + length / 2, y)], angle, (x, y))
    pen.ellipse(ex, ey, r * 0.7, r, fill=lighter(colour, 0.1))
    pen.line(spiral(ex, ey, r * 0.8, 2.0, rng.uniform(0, 6)), (150, 96, 40), 0.008)


def tin_of_crackers(pen: Pen, s: Subject) -> None:
    rng = s.rng
    colour = hls(rng.choice((0.0, 0.6, 0.35, 0.12)), 0.42, 0.6)
    pen.shadow(0, 0.78, 0.95, 0.15)
    pen.ellipse(-0.42, 0.1, 0.56, 0.56, fill=darker(colour, 0.25))
    pen.ellipse(-0.42, 0.1, 0.5, 0.5, fill=colour)
    mega_mendung(pen, -0.62, -0.05, 0.2, cloud_palette(0.12, 4, 0.7))
    pen.rect(-0.5, -0.15, 0.5, 0.75, fill=colour)
    pen.ellipse(0, 0.75, 0.5, 0.1, fill=colour)
    with pen.masked(pattern_for(pen, s, 0.12)) as m:
        m.rect(-0.5, 0.1, 0.5, 0.5, fill=255)
    pen.rect(-0.26, 0.18, 0.26, 0.42, fill=(250, 244, 226), radius=0.05, outline=GOLD, width=0.012)
    pen.rect(-0.18, 0.26, 0.18, 0.29, fill=(90, 70, 60), radius=0.015)
    pen.rect(-0.12, 0.33, 0.12, 0.35, fill=(150, 130, 120), radius=0.01)
    with pen.layer() as glaze:
        glaze.rect(-0.42, -0.1, -0.34, 0.7, fill=(255, 255, 255, 60), radius=0.04)
        glaze.rect(0.3, -0.15, 0.5, 0.78, fill=(0, 0, 0, 45))
    pen.ellipse(0, -0.15, 0.5, 0.1, fill=darker(colour, 0.3))
    cracker_pile(pen, s, 0, -0.3, 0.4, 0.12, 9)


def gift_box_of_snacks(pen: Pen, s: Subject) -> None:
    rng = s.rng
    kraft = (196, 150, 100)
    pen.shadow(0, 0.8, 1.0, 0.16)
    pen.poly([(-0.8, -0.1), (0.8, -0.1), (0.9, 0.1), (-0.9, 0.1)], fill=darker(kraft, 0.3))
    for i in range(5):
        roll(pen, -0.6 + i * 0.3, -0.05, 0.55, 0.07, -1.3 + i * 0.15, rng)
    for i in range(4):
        wafer(pen, -0.5 + i * 0.33, 0.05, rng.uniform(-0.3, 0.3), s)
    pen.poly([(-0.9, 0.1), (0.9, 0.1), (0.85, 0.8), (-0.85, 0.8)], fill=kraft)
    with pen.masked(pattern_for(pen, s, 0.1)) as m:
        m.poly([(-0.89, 0.3), (0.89, 0.3), (0.88, 0.45), (-0.88, 0.45)], fill=255)
    pen.rect(-0.22, 0.48, 0.22, 0.7, fill=(250, 244, 226), radius=0.03, outline=GOLD, width=0.01)
    pen.rect(-0.14, 0.56, 0.14, 0.58, fill=(90, 70, 60))
    pen.rect(-0.1, 0.62, 0.1, 0.635, fill=(150, 130, 120))


def raw_chips_bag(pen: Pen, s: Subject) -> None:
    """Uncooked kerupuk: hard little chips in a clear plastic bag."""
    rng = s.rng
    pen.shadow(0, 0.86, 0.8, 0.14)
    bag = smooth([(-0.62, -0.55), (0.62, -0.55), (0.7, 0.85), (-0.7, 0.85)], 1)
    colours = cracker_colours(s)
    with pen.layer() as inside:
        inside.poly(bag, fill=(255, 255, 255, 70))
    for _ in range(140):
        x, y = rng.uniform(-0.6, 0.6), rng.uniform(-0.3, 0.8)
        c = rng.choice(colours)
        pen.poly(
            blob(rng, x, y, rng.uniform(0.05, 0.08), 0.3, 6, 0.7),
            fill=darker(c, 0.1),
            outline=darker(c, 0.3),
            width=0.004,
        )
    with pen.layer() as film:
        film.poly(bag, outline=(255, 255, 255, 160), width=0.012)
        film.rect(-0.5, -0.45, -0.4, 0.75, fill=(255, 255, 255, 70), radius=0.05)
        film.rect(0.42, -0.4, 0.48, 0.7, fill=(255, 255, 255, 50), radius=0.03)
    pen.rect(-0.66, -0.7, 0.66, -0.52, fill=(236, 236, 240), radius=0.02)
    for k in range(33):
        x = -0.64 + k * 0.04
        pen.line([(x, -0.68), (x, -0.54)], (210, 210, 216), 0.008)
    pen.ellipse(0, -0.64, 0.04, 0.03, fill=(180, 176, 170))
    pen.rect(-0.3, 0.05, 0.3, 0.35, fill=(250, 244, 226), radius=0.04, outline=(200, 40, 40), width=0.012)
    mega_mendung(pen, 0, 0.2, 0.14, cloud_palette(0.0, 4))


# ---------------------------------------------------------------- bottles and jars

SYRUP_COLOURS: dict[str, RGB] = {
    "rosen": (214, 40, 84),
    "mangga": (246, 150, 28),
    "pisang": (242, 222, 160),
    "jeruk": (170, 204, 60),
    "kopi": (92, 54, 34),
    "asam": (150, 86, 40),
}
JAR_COLOURS: dict[str, RGB] = {
    "petis": (40, 28, 28),
    "sambal": (186, 40, 24),
    "terasi": (104, 64, 62),
    "bumbu": (150, 74, 40),
}


def paint_bottle(pen: Pen, s: Subject) -> None:
    rng = s.rng
    if s.has("sirup", "minuman"):
        if s.has("paket", "lebaran"):
            colours = list(SYRUP_COLOURS.values())
            rng.shuffle(colours)
            for i, x in enumerate((-0.78, 0.78, 0.0)):
                bottle(pen.sub(x, 0.0 if i < 2 else 0.12, 0.92), colours[i], s)
            ribbon_bow(pen, 0, 0.86)
            return
        liquid = next((c for k, c in SYRUP_COLOURS.items() if s.has(k)), hls(rng.random(), 0.45, 0.6))
        if s.wide:
            fruit(pen.sub(0.95, 0.55, 1.5), 0, 0, s)
        bottle(pen, liquid, s)
        return
    if s.has("blok"):
        terasi_blocks(pen, s)
        return
    content = next((c for k, c in JAR_COLOURS.items() if s.has(k)), (150, 74, 40))
    if s.wide:
        side_dish(pen, 1.05, 0.62, s, "sambal" if content[0] > 150 else "rice")
    jar(pen, content, s)


def bottle(pen: Pen, liquid: RGB, s: Subject) -> None:
    rng = s.rng
    pen.shadow(0, 0.9, 0.5, 0.08)
    shape = smooth(
        symmetric(path("-0.1,-0.8 -0.1,-0.56 -0.2,-0.47 -0.33,-0.36 -0.36,-0.2 -0.36,0.9")),
        3,
    )
    pen.poly(shape, fill=liquid)
    pen.rect(-0.095, -0.8, 0.095, -0.5, fill=lighter(liquid, 0.7))
    with pen.layer(clip=shape) as glass:
        glass.poly(shape, outline=(255, 255, 255, 120), width=0.02)
        glass.rect(0.2, -0.25, 0.34, 0.86, fill=(0, 0, 0, 50), radius=0.06)
        glass.rect(-0.3, -0.2, -0.22, 0.82, fill=(255, 255, 255, 90), radius=0.04)
        glass.rect(-0.07, -0.78, -0.04, -0.55, fill=(255, 255, 255, 110))
    cap = rng.choice(((200, 40, 40), GOLD, (40, 90, 60), (30, 50, 90)))
    pen.rect(-0.125, -0.98, 0.125, -0.78, fill=cap, radius=0.02)
    for k in range(7):
        x = -0.1 + k * 0.033
        pen.line([(x, -0.96), (x, -0.8)], darker(cap, 0.25), 0.006)
    label(pen, -0.33, 0.02, 0.33, 0.62, liquid, s)


def label(pen: Pen, x0: float, y0: float, x1: float, y1: float, accent: RGB, s: Subject) -> None:
    """A shop label: paper, a band in the product's colour, a cloud emblem and lines of 'text'."""
    ink = darker(accent, 0.35) if sum(accent) < 600 else (120, 90, 40)
    pen.rect(x0, y0, x1, y1, fill=(250, 244, 226), radius=0.03)
    pen.rect(x0 + 0.02, y0 + 0.02, x1 - 0.02, y1 - 0.02, outline=ink, width=0.008, radius=0.02)
    h = y1 - y0
    pen.rect(x0 + 0.02, y0 + 0.02, x1 - 0.02, y0 + 0.2 * h, fill=ink, radius=0.02)
    cx, cy = (x0 + x1) / 2, y0 + 0.45 * h
    pen.ellipse(cx, cy, 0.18 * h, 0.18 * h, fill=(255, 250, 236), outline=ink, width=0.008)
    mega_mendung(pen, cx, cy + 0.02 * h, 0.16 * h, cloud_palette(0.61 if s.rng.random() < 0.5 else 0.0, 4))
    width = x1 - x0
    pen.rect(
        cx - 0.32 * width, y0 + 0.72 * h, cx + 0.32 * width, y0 + 0.77 * h, fill=(80, 70, 64), radius=0.01
    )
    pen.rect(
        cx - 0.22 * width, y0 + 0.84 * h, cx + 0.22 * width, y0 + 0.87 * h, fill=(150, 140, 130), radius=0.01
    )


def jar(pen: Pen, content: RGB, s: Subject) -> None:
    rng = s.rng
    pen.shadow(0, 0.82, 0.75, 0.12)
    pen.rect(-0.58, -0.38, 0.58, 0.82, fill=lighter(content, 0.6), radius=0.14)
    pen.rect(-0.56, -0.24, 0.56, 0.8, fill=content, radius=0.13)
    for _ in range(120):
        x, y = rng.uniform(-0.5, 0.5), rng.uniform(-0.2, 0.75)
        speck = rng.choice((lighter(content, 0.3), darker(content, 0.3), (236, 200, 120)))
        pen.ellipse(x, y, 0.012, 0.009, fill=speck)
    label(pen, -0.45, 0.08, 0.45, 0.58, content if sum(content) > 150 else (140, 60, 40), s)
    with pen.layer() as glass:
        glass.rect(-0.5, -0.3, -0.4, 0.74, fill=(255, 255, 255, 80), radius=0.05)
        glass.rect(0.38, -0.32, 0.56, 0.78, fill=(0, 0, 0, 40), radius=0.08)
    lid = rng.choice(((200, 40, 40), GOLD, (40, 110, 70)))
    pen.rect(-0.52, -0.62, 0.52, -0.36, fill=lid, radius=0.05)
    for k in range(4):
        pen.line([(-0.5, -0.56 + k * 0.055), (0.5, -0.56 + k * 0.055)], darker(lid, 0.2), 0.008)
    if rng.random() < 0.6:
        cloth = smooth(
            path("-0.6,-0.66 0.6,-0.66 0.66,-0.34 0.3,-0.26 0,-0.32 -0.3,-0.26 -0.66,-0.34"),
            1,
        )
        with pen.masked(pattern_for(pen, s, 0.1, frozenset())) as m:
            m.poly(cloth, fill=255)
        pen.line([(-0.56, -0.4), (0.56, -0.4)], (200, 170, 90), 0.02)


def terasi_blocks(pen: Pen, s: Subject) -> None:
    rng = s.rng
    pen.shadow(0, 0.55, 1.2, 0.22)
    pen.poly(leaf(0, 0.35, 1.2, 0.42, 0.05), fill=(64, 130, 56))
    pen.line([(-1.1, 0.32), (1.1, 0.42)], (110, 170, 90), 0.012)
    for i in range(-5, 6):
        pen.line([(i * 0.18, 0.37), (i * 0.18 + 0.12, 0.15 if i % 2 else 0.6)], (90, 150, 76), 0.006)
    colour = (104, 62, 64)
    for x, y in ((-0.45, 0.2), (0.35, 0.28), (-0.05, 0.05)):
        block3d(pen, x, y, 0.34, 0.18, 0.14, colour, rng)
    pen.rect(0.45, -0.35, 0.95, 0.1, fill=(246, 240, 226), radius=0.02)
    pen.rect(0.45, -0.22, 0.95, -0.12, fill=(200, 40, 40))
    mega_mendung(pen, 0.7, -0.02, 0.1, cloud_palette(0.0, 4))


def block3d(
    pen: Pen, x: float, y: float, w: float, h: float, d: float, colour: RGB, rng: random.Random
) -> None:
    top = [
        (x - w / 2, y - h / 2),
        (x + w / 2, y - h / 2),
        (x + w / 2 + d, y - h / 2 - d * 0.6),
        (x - w / 2 + d, y - h / 2 - d * 0.6),
    ]
    side = [
        (x + w / 2, y - h / 2),
        (x + w / 2 + d, y - h / 2 - d * 0.6),
        (x + w / 2 + d, y + h / 2 - d * 0.6),
        (x + w / 2, y + h / 2),
    ]
    pen.poly(top, fill=lighter(colour, 0.15))
    pen.poly(side, fill=darker(colour, 0.25))
    pen.rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2, fill=colour)
    for _ in range(25):
        pen.ellipse(
            x + rng.uniform(-w / 2, w / 2) * 0.9,
            y + rng.uniform(-h / 2, h / 2) * 0.9,
            0.008,
            0.006,
            fill=rng.choice((darker(colour, 0.3), lighter(colour, 0.2))),
        )


def fruit(pen: Pen, x: float, y: float, s: Subject) -> None:
    pen.shadow(x, y + 0.2, 0.35, 0.07)
    if s.has("mangga"):
        pen.poly(rotate(blob(s.rng, x, y, 0.28, 0.04, 12, 0.72), 0.4, (x, y)), fill=(236, 120, 40))
        pen.ellipse(x - 0.08, y - 0.06, 0.12, 0.07, fill=(250, 190, 70))
        pen.ellipse(x + 0.12, y - 0.02, 0.09, 0.07, fill=(200, 40, 50))
        pen.poly(leaf(x + 0.2, y - 0.24, 0.14, 0.05, -0.5), fill=(60, 120, 50))
    elif s.has("jeruk"):
        pen.ellipse(x - 0.1, y, 0.18, 0.17, fill=(120, 170, 50))
        pen.ellipse(x + 0.2, y + 0.06, 0.16, 0.15, fill=(214, 230, 140), outline=(110, 160, 50), width=0.02)
        for k in range(8):
            a = k * math.pi / 4
            pen.line(
                [(x + 0.2, y + 0.06), (x + 0.2 + 0.13 * math.cos(a), y + 0.06 + 0.13 * math.sin(a))],
                (170, 200, 90),
                0.01,
            )
    elif s.has("pisang"):
        pen.arc(x, y - 0.3, 0.35, 0.35, 30, 150, (240, 200, 60), 0.12)
        pen.arc(x + 0.05, y - 0.25, 0.35, 0.35, 30, 150, (250, 214, 80), 0.1)
    else:
        for _ in range(12):
            bx, by = x + s.rng.uniform(-0.3, 0.3), y + s.rng.uniform(-0.1, 0.12)
            pen.ellipse(bx, by, 0.05, 0.035, fill=(96, 56, 30))
            pen.line([(bx - 0.03, by), (bx + 0.03, by)], (60, 32, 18), 0.008)


def ribbon_bow(pen: Pen, x: float, y: float) -> None:
    red = (196, 36, 40)
    pen.line([(-1.2, y + 0.06), (1.2, y + 0.06)], red, 0.05)
    pen.poly([(x, y), (x - 0.25, y - 0.15), (x - 0.25, y + 0.15)], fill=red)
    pen.poly([(x, y), (x + 0.25, y - 0.15), (x + 0.25, y + 0.15)], fill=red)
    pen.ellipse(x, y, 0.05, 0.05, fill=darker(red, 0.2))


# ---------------------------------------------------------------- topeng

MASKS: dict[str, tuple[RGB, int]] = {  # face colour, mustache size (0 none .. 3 Klana)
    "panji": ((247, 244, 236), 0),
    "samba": ((240, 226, 196), 0),
    "rumyang": ((238, 168, 158), 1),
    "tumenggung": ((206, 96, 88), 2),
    "klana": ((194, 34, 30), 3),
}


def paint_topeng(pen: Pen, s: Subject) -> None:
    rng = s.rng
    if s.has("panca", "set"):
        names = list(MASKS)
        spots = (
            [(-1.4 + i * 0.7, 0.0) for i in range(5)]
            if s.wide
            else [(-0.66, -0.48), (0.0, -0.48), (0.66, -0.48), (-0.34, 0.5), (0.34, 0.5)]
        )
        scale = 0.5 if s.wide else 0.42
        for name, (x, y) in zip(names, spots, strict=True):
            pen.shadow(x + 0.03, y + 0.95 * scale, 0.7 * scale, 0.15 * scale)
            topeng(pen.sub(x, y, scale), name, rng)
        return
    name = next((n for n in MASKS if s.has(n)), rng.choice(list(MASKS)))
    if s.has("miniatur", "mini", "gantung"):
        pen.line([(0, -1.2), (0, -0.6)], (120, 80, 40), 0.012)
        pen.ellipse(0, -0.62, 0.04, 0.04, fill=(200, 60, 50))
        pen.shadow(0.35, 0.7, 0.4, 0.08)
        topeng(pen.sub(0, 0.0, 0.62), name, rng)
        tassel = [(0, 0.55), (0, 0.85)]
        pen.line(tassel, (200, 60, 50), 0.015)
        pen.poly([(0, 0.8), (-0.06, 1.05), (0.06, 1.05)], fill=(200, 60, 50))
        return
    pen.shadow(0.08, 0.98, 0.62, 0.1)
    topeng(pen.sub(0, 0.02, 1.0 if not s.wide else 0.95), name, rng)
    if s.wide:
        for x in (-1.35, 1.35):
            mega_mendung(pen, x, -0.45, 0.3, cloud_palette(0.61 if name != "klana" else 0.0, 5), flip=x > 0)


def face_shape(scale: float = 1.0, dx: float = 0.0, dy: float = 0.0) -> list[Point]:
    pts = []
    for i in range(72):
        a = 2 * math.pi * i / 72
        x, y = 0.62 * math.cos(a), 0.86 * math.sin(a)
        if y > 0:
            x *= 1 - 0.3 * math.sin(a) ** 2
        else:
            y *= 0.92
        pts.append((x * scale + dx, y * scale + dy))
    return pts


def topeng(pen: Pen, name: str, rng: random.Random) -> None:
    """A Cirebon topeng mask, front view: hairline, brows, eyes, nose, mouth, ornaments."""
    face, mustache = MASKS[name]
    fierce = name in ("tumenggung", "klana")
    pen.poly(face_shape(1.0, 0.03, 0.04), fill=darker(face, 0.5))
    pen.poly(face_shape(), fill=face)
    with pen.layer(clip=face_shape()) as shade:
        for k in range(10):
            shade.ellipse(0.95, 0.05, 0.75 - k * 0.05, 1.1 - k * 0.04, fill=(0, 0, 0, 7))
        shade.ellipse(-0.25, -0.4, 0.16, 0.1, fill=(255, 255, 255, 50))
        shade.ellipse(-0.3, 0.1, 0.1, 0.12, fill=(255, 255, 255, 30))
    hair = face_shape()[38:71]
    pen.line(hair, INK, 0.07)
    for i in range(7):
        x = -0.42 + i * 0.14
        y = -0.73 + 0.1 * (x / 0.42) ** 2
        pen.line(spiral(x, y + 0.06, 0.045, 1.1, -math.pi / 2, 1 if x < 0 else -1), INK, 0.016)
    forehead_ornament(pen, fierce)
    brows(pen, fierce)
    eyes(pen, fierce, face)
    nose(pen, fierce, face)
    if fierce:
        for side in (-1, 1):
            pen.ellipse(side * 0.36, 0.16, 0.11, 0.08, fill=darker(face, 0.12))
    elif name == "rumyang":
        for side in (-1, 1):
            pen.ellipse(side * 0.33, 0.14, 0.1, 0.06, fill=mix(face, (220, 90, 100), 0.4))
    mouth(pen, name == "klana", face)
    if mustache:
        draw_mustache(pen, mustache)
    if name == "klana":
        pen.poly([(-0.1, 0.62), (0.1, 0.62), (0.0, 0.74)], fill=INK)


def forehead_ornament(pen: Pen, fierce: bool) -> None:
    pen.poly(
        smooth([(0, -0.66), (0.07, -0.52), (0, -0.4), (-0.07, -0.52)], 1),
        fill=GOLD,
        outline=darker(GOLD, 0.4),
        width=0.008,
    )
    pen.ellipse(0, -0.52, 0.025, 0.025, fill=(200, 40, 40))
    if fierce:
        for side in (-1, 1):
            pen.line(spiral(side * 0.16, -0.5, 0.06, 1.3, math.pi, side), GOLD, 0.02)
            for k in range(3):
                pen.ellipse(side * (0.28 + k * 0.07), -0.5 + k * 0.02, 0.016, 0.016, fill=GOLD)


def brows(pen: Pen, fierce: bool) -> None:
    for side in (-1, 1):
        if fierce:
            shape = path("0.06,-0.24 0.2,-0.36 0.38,-0.38 0.5,-0.3 0.44,-0.28 0.3,-0.3 0.16,-0.26")
            pen.poly(smooth([(side * x, y) for x, y in shape], 1), fill=INK)
            pen.line(spiral(side * 0.5, -0.36, 0.06, 1.1, math.pi / 2, -side), INK, 0.02)
        else:
            pen.line(
                smooth([(side * 0.08, -0.28), (side * 0.24, -0.35), (side * 0.42, -0.3)], 2, closed=False),
                INK,
                0.022,
            )


def eyes(pen: Pen, fierce: bool, face: RGB) -> None:
    for side in (-1, 1):
        x = side * 0.24
        if fierce:
            pen.ellipse(x, -0.16, 0.11, 0.085, fill=(250, 246, 236), outline=darker(face, 0.4), width=0.015)
            pen.ellipse(x + side * 0.01, -0.16, 0.055, 0.055, fill=INK)
            pen.ellipse(x - 0.015, -0.175, 0.015, 0.015, fill=WHITE)
        else:
            eye = smooth([(x - 0.14, -0.17), (x - 0.02, -0.215), (x + 0.13, -0.19), (x + 0.02, -0.155)], 2)
            pen.poly(eye, fill=INK)
            pen.arc(x, -0.14, 0.15, 0.07, 200, 340, darker(face, 0.25), 0.008)


def nose(pen: Pen, fierce: bool, face: RGB) -> None:
    shade = darker(face, 0.18)
    if fierce:
        pen.poly(
            smooth([(-0.05, -0.18), (0.05, -0.18), (0.13, 0.08), (0.0, 0.12), (-0.13, 0.08)], 1), fill=shade
        )
        for side in (-1, 1):
            pen.ellipse(side * 0.07, 0.07, 0.035, 0.022, fill=INK)
    else:
        pen.line([(0.0, -0.18), (0.025, 0.02), (0.06, 0.06)], shade, 0.016)
        pen.arc(0, 0.05, 0.07, 0.035, 20, 160, shade, 0.012)


def mouth(pen: Pen, open_mouth: bool, face: RGB) -> None:
    if open_mouth:
        pen.ellipse(0, 0.4, 0.2, 0.1, fill=(120, 10, 10), outline=(90, 10, 10), width=0.015)
        pen.rect(-0.14, 0.33, 0.14, 0.39, fill=(250, 246, 230), radius=0.02)
        for k in range(1, 4):
            pen.line([(-0.14 + k * 0.07, 0.33), (-0.14 + k * 0.07, 0.39)], (200, 190, 170), 0.006)
    else:
        lips = smooth(
            path("-0.14,0.35 -0.05,0.32 0.0,0.335 0.05,0.32 0.14,0.35 0.05,0.39 -0.05,0.39"),
            1,
        )
        pen.poly(lips, fill=(196, 42, 44))
        pen.line(smooth([(-0.13, 0.35), (0, 0.36), (0.13, 0.35)], 1, closed=False), darker(face, 0.5), 0.008)


def draw_mustache(pen: Pen, size: int) -> None:
    thick = 0.012 + 0.012 * size
    for side in (-1, 1):
        path = [(side * 0.02, 0.25), (side * 0.14, 0.22), (side * (0.24 + 0.04 * size), 0.24)]
        pen.line(smooth(path, 2, closed=False), INK, thick)
        if size >= 2:
            end = path[-1]
            pen.line(
                spiral(end[0], end[1] - 0.05 * size / 3, 0.05 * size / 2, 1.2, math.pi / 2, -side),
                INK,
                thick * 0.6,
            )


# ---------------------------------------------------------------- glass painting


def paint_painting(pen: Pen, s: Subject) -> None:
    small = s.has("mini")
    if small and s.wide:
        for x in (-0.75, 0.75):
            framed_glass(pen.sub(x, 0.05, 0.62), s, landscape=False)
        return
    landscape = s.wide or s.has("kaligrafi")
    if small:
        pen.line([(-0.3, 0.2), (-0.55, 0.95)], (120, 80, 50), 0.04)
        pen.line([(0.3, 0.2), (0.55, 0.95)], (120, 80, 50), 0.04)
        framed_glass(pen.sub(0, -0.1, 0.7), s, landscape=False)
    else:
        framed_glass(pen, s, landscape)


def framed_glass(pen: Pen, s: Subject, landscape: bool) -> None:
    hw, hh = ((1.3, 0.82) if s.wide else (1.12, 0.74)) if landscape else (0.72, 0.95)
    wood = s.rng.choice(((120, 70, 36), (90, 50, 30), (160, 110, 50)))
    pen.shadow(0.08, hh + 0.06, hw * 0.95, 0.08, 0.4)
    pen.rect(-hw + 0.03, -hh + 0.05, hw + 0.05, hh + 0.06, fill=(0, 0, 0))
    pen.rect(-hw, -hh, hw, hh, fill=wood)
    pen.rect(-hw + 0.04, -hh + 0.04, hw - 0.04, hh - 0.04, outline=GOLD, width=0.018)
    pen.rect(-hw + 0.09, -hh + 0.09, hw - 0.09, hh - 0.09, fill=darker(wood, 0.4))
    gx0, gy0 = pen.pt(-hw + 0.11, -hh + 0.11)
    gx1, gy1 = pen.pt(hw - 0.11, hh - 0.11)
    glass = Image.new("RGB", (round(gx1 - gx0), round(gy1 - gy0)))
    gpen = Pen(glass, glass.width / 2, glass.height / 2, glass.height / 2)
    glass_picture(gpen, s, glass.width / glass.height)
    pen.img.paste(glass, (round(gx0), round(gy0)))
    with pen.layer() as shine:
        shine.poly(
            [
                (-hw + 0.11, -hh * 0.2),
                (-hw * 0.2, -hh + 0.11),
                (-hw * 0.05, -hh + 0.11),
                (-hw + 0.11, hh * 0.05),
            ],
            fill=(255, 255, 255, 45),
        )


def glass_picture(pen: Pen, s: Subject, aspect: float) -> None:
    """What is painted on the back of the glass: a wayang figure, clouds or calligraphy strokes."""
    rng = s.rng
    ground = rng.choice(((24, 30, 60), (246, 236, 206), (150, 200, 220), (30, 30, 30), (186, 40, 40)))
    pen.rect(-aspect, -1, aspect, 1, fill=ground)
    blue, red = cloud_palette(0.6, 6), cloud_palette(0.0, 6)
    for x, y, flip in ((-aspect * 0.62, -0.72, False), (aspect * 0.62, -0.72, True)):
        mega_mendung(pen, x, y, 0.3, blue if ground[0] > 100 else red, flip)
    for x in (-aspect * 0.6, aspect * 0.6):
        wadasan(pen, x, 0.82, 0.42, cloud_palette(0.08, 5, 0.5), flip=x > 0)
    if s.has("kaligrafi", "macan"):
        calligraphy(pen, s, tiger=s.has("macan"), ground=ground)
    elif s.has("mega", "mendung") and not s.has("wayang"):
        for x, y, size in ((0.0, -0.1, 0.55), (-aspect * 0.45, 0.25, 0.35), (aspect * 0.45, 0.3, 0.35)):
            mega_mendung(pen, x, y, size, red if ground == (24, 30, 60) else blue, flip=x > 0)
    else:
        wayang(pen.sub(0, 0.0, 1.08), rng)
    pen.rect(-aspect + 0.03, -0.97, aspect - 0.03, 0.97, outline=GOLD, width=0.012)


def calligraphy(pen: Pen, s: Subject, tiger: bool, ground: RGB) -> None:
    rng = s.rng
    ink = GOLD if sum(ground) < 400 else (30, 60, 40)
    if tiger:
        strokes = [
            [(-0.7, 0.25), (-0.3, -0.05), (0.2, -0.05), (0.5, -0.2)],
            [(0.5, -0.2), (0.62, -0.35), (0.75, -0.22), (0.6, -0.1)],
            [(-0.7, 0.25), (-0.85, 0.0), (-0.8, -0.3), (-0.65, -0.4)],
            [(-0.45, 0.1), (-0.5, 0.5)],
            [(-0.25, 0.0), (-0.2, 0.5)],
            [(0.2, -0.02), (0.25, 0.5)],
            [(0.4, -0.1), (0.48, 0.45)],
        ]
    else:
        strokes = [[(-0.8, 0.35), (-0.2, 0.45), (0.4, 0.3), (0.8, 0.4)]]
        for k in range(6):
            x = -0.7 + k * 0.28
            strokes.append([(x, 0.38), (x + 0.02, rng.uniform(-0.5, -0.1))])
        strokes.append([(-0.5, 0.1), (-0.2, -0.05), (0.1, 0.15), (0.4, 0.0)])
    for path in strokes:
        pen.brush(path, 0.05, 0.015, ink)
    for _ in range(10):
        x, y = rng.uniform(-0.8, 0.8), rng.uniform(-0.5, 0.5)
        pen.poly(rect_pts(x, y, 0.025, 0.025, math.pi / 4), fill=ink)
    if tiger:
        pen.ellipse(0.64, -0.28, 0.03, 0.03, fill=(200, 40, 40))


def wayang(pen: Pen, rng: random.Random) -> None:
    """A wayang figure in profile, facing right, as Cirebon glass painters draw them."""
    skin = rng.choice(((224, 176, 70), (40, 40, 46), (60, 110, 170), (210, 70, 60)))
    cloth_colours = cloud_palette(rng.choice((0.0, 0.6, 0.35)), 4)
    pen.poly(
        smooth([(-0.08, -0.4), (-0.48, -0.58), (-0.56, -0.3), (-0.4, -0.05), (-0.12, -0.12)], 1),
        fill=GOLD,
        outline=(150, 100, 30),
        width=0.008,
    )
    for start, end in (((-0.05, 0.3), (-0.3, 0.86)), ((0.08, 0.3), (0.34, 0.86))):
        pen.line([start, end], skin, 0.05)
        pen.poly([(end[0] - 0.04, end[1]), (end[0] + 0.12, end[1]), (end[0], end[1] - 0.05)], fill=skin)
    pen.poly([(-0.2, 0.0), (0.2, 0.0), (0.42, 0.56), (-0.38, 0.6)], fill=cloth_colours[1])
    for k in range(4):
        mega_mendung(pen, -0.18 + k * 0.15, 0.2 + (k % 2) * 0.18, 0.07, cloth_colours)
    pen.poly([(-0.04, 0.0), (0.05, 0.0), (0.07, 0.75), (-0.05, 0.75)], fill=(200, 40, 40))
    pen.poly(
        [(-0.16, -0.42), (0.12, -0.42), (0.18, -0.2), (0.15, 0.02), (-0.18, 0.02), (-0.2, -0.25)], fill=skin
    )
    pen.arc(0.0, -0.42, 0.16, 0.12, 10, 170, GOLD, 0.03)
    pen.rect(-0.2, -0.02, 0.18, 0.04, fill=GOLD)
    arms = (((-0.12, -0.38), (-0.32, -0.05), (-0.5, 0.25)), ((0.1, -0.38), (0.22, -0.06), (0.52, -0.02)))
    for arm in arms:
        pen.line(list(arm), skin, 0.045)
        for joint in arm[1:]:
            pen.ellipse(*joint, 0.03, 0.03, fill=GOLD)
        pen.line([arm[-1], (arm[-1][0] + 0.05, 0.95)], (60, 40, 30), 0.012)
    pen.rect(-0.05, -0.5, 0.05, -0.4, fill=skin)
    head = path("-0.12,-0.62 -0.02,-0.7 0.1,-0.67 0.25,-0.57 0.14,-0.55 0.14,-0.52 0.1,-0.48 -0.08,-0.47")
    pen.poly(head, fill=skin)
    pen.poly(smooth([(0.03, -0.62), (0.08, -0.635), (0.12, -0.615), (0.08, -0.605)], 1), fill=WHITE)
    pen.ellipse(0.085, -0.62, 0.012, 0.012, fill=INK)
    crown = path("-0.16,-0.63 0.08,-0.68 0.04,-0.78 0.0,-0.95 -0.1,-0.86 -0.26,-0.82 -0.2,-0.7")
    pen.poly(smooth(crown, 1), fill=GOLD, outline=(150, 100, 30), width=0.008)
    pen.ellipse(-0.05, -0.76, 0.03, 0.03, fill=(200, 40, 40))
    pen.line(spiral(-0.24, -0.78, 0.07, 1.3, 0, -1), (150, 100, 30), 0.012)


# ---------------------------------------------------------------- cloth and clothes


def paint_cloth(pen: Pen, s: Subject) -> None:
    if s.has("selendang"):
        scarf(pen, s)
    elif s.has("taplak"):
        tablecloth(pen, s)
    elif s.has("canting"):
        canting_at_work(pen, s)
    elif s.wide:
        folded_stack(pen.sub(0, -0.05, 1.25), s)
    else:
        flat_cloth(pen, s)


def flat_cloth(pen: Pen, s: Subject) -> None:
    angle = s.rng.uniform(-0.12, 0.12)
    sheet = rect_pts(0, 0, 1.05, 0.88, angle)
    pen.shadow(0.05, 0.1, 1.2, 1.0, 0.3, 0.05)
    pattern = pattern_for(pen, s)
    with pen.masked(pattern) as m:
        m.poly(sheet, fill=255)
    palette, _, _ = batik_colours(s.words, random.Random(len(s.words)))
    for edge in (rect_pts(-0.97, 0, 0.08, 0.88, 0), rect_pts(0.97, 0, 0.08, 0.88, 0)):
        pen.poly(rotate(edge, angle), fill=palette[0])
    corner = rotate([(1.05, 0.4), (1.05, 0.88), (0.55, 0.88)], angle)
    fold = rotate([(1.05, 0.4), (0.55, 0.88), (0.5, 0.35)], angle)
    pen.poly(corner, fill=lighter(palette[2], 0.2))
    pen.poly(fold, fill=lighter(palette[3], 0.3), outline=palette[1], width=0.006)
    with pen.layer() as folds:
        for k in range(3):
            y = -0.5 + k * 0.45
            folds.poly(rotate(rect_pts(0, y, 1.05, 0.05, 0.02), angle), fill=(0, 0, 0, 14))
            folds.poly(rotate(rect_pts(0, y - 0.07, 1.05, 0.03, 0.02), angle), fill=(255, 255, 255, 18))


def folded_stack(pen: Pen, s: Subject) -> None:
    rng = s.rng
    pen.shadow(0, 0.78, 1.2, 0.15)
    for i in range(3):
        y = 0.5 - i * 0.4
        words = s.words if i == 2 else frozenset({rng.choice(("merah", "biru", "wadasan", "hijau"))})
        pattern = pattern_for(pen, s, 0.18, words)
        palette, _, _ = batik_colours(words, random.Random(i))
        pen.rect(-0.95, y - 0.05, 0.95, y + 0.22, fill=darker(palette[1], 0.2), radius=0.08)
        with pen.masked(pattern) as m:
            m.poly([(-0.95, y - 0.38), (0.9, y - 0.38), (1.0, y), (-0.85, y)], fill=255)
        pen.rect(-0.95, y, 0.95, y + 0.14, fill=palette[0], radius=0.06)
        pen.line([(-0.9, y + 0.07), (0.9, y + 0.07)], lighter(palette[0], 0.3), 0.008)


def scarf(pen: Pen, s: Subject) -> None:
    path = smooth([(-1.0, -0.7), (-0.2, -0.55), (0.3, -0.1), (-0.3, 0.35), (0.4, 0.7), (1.0, 0.65)], 3, False)
    pen.shadow(0, 0.75, 1.1, 0.15)
    band = ribbon(path, 0.5)
    with pen.masked(pattern_for(pen, s, 0.16)) as m:
        m.poly(band, fill=255)
    with pen.layer() as sheen:
        sheen.poly(ribbon(path, 0.12), fill=(255, 255, 255, 40))
    palette, _, _ = batik_colours(s.words, random.Random(1))
    for end, sign in ((path[0], -1), (path[-1], 1)):
        for k in range(-5, 6):
            x, y = end[0] + sign * 0.01, end[1] + k * 0.045
            pen.line([(x, y), (x + sign * 0.12, y + 0.01)], palette[1], 0.01)


def tablecloth(pen: Pen, s: Subject) -> None:
    wood = (120, 76, 44)
    pen.shadow(0, 0.95, 1.2, 0.12)
    for x in (-0.9, 0.9):
        pen.rect(x - 0.05, 0.3, x + 0.05, 0.95, fill=darker(wood, 0.2))
    top = [(-0.75, -0.45), (0.75, -0.45), (1.15, 0.05), (-1.15, 0.05)]
    pattern = pattern_for(pen, s, 0.15)
    with pen.masked(pattern) as m:
        m.poly(top, fill=255)
        m.poly([(-1.15, 0.05), (1.15, 0.05), (1.15, 0.55), (-1.15, 0.55)], fill=255)
    palette, _, _ = batik_colours(s.words, random.Random(2))
    pen.rect(-1.15, 0.5, 1.15, 0.58, fill=palette[0])
    for k in range(24):
        x = -1.12 + k * 0.097
        pen.line([(x, 0.58), (x, 0.66)], palette[1], 0.012)
    with pen.layer() as shade:
        shade.poly([(-1.15, 0.05), (1.15, 0.05), (1.15, 0.58), (-1.15, 0.58)], fill=(0, 0, 0, 40))
    pen.ellipse(0.3, -0.2, 0.16, 0.06, fill=(250, 250, 246))
    pen.rect(0.2, -0.42, 0.4, -0.2, fill=(250, 250, 246), radius=0.03)
    pen.ellipse(0.3, -0.42, 0.1, 0.03, fill=(150, 90, 40))


def canting_at_work(pen: Pen, s: Subject) -> None:
    """A batik maker's bench: cloth half drawn in wax, a canting and a pan of wax on a clay stove."""
    pen.shadow(-0.3, 0.74, 1.4, 0.1)
    cloth = (246, 238, 220)
    pen.poly([(-1.45, -0.25), (0.75, -0.25), (0.95, 0.72), (-1.6, 0.72)], fill=cloth)
    with pen.masked(pattern_for(pen, s, 0.16)) as m:
        m.poly([(-1.45, -0.25), (-0.35, -0.25), (-0.3, 0.72), (-1.6, 0.72)], fill=255)
    wax = (214, 196, 150)
    for k in range(4):
        mega_mendung(pen, -0.05 + k * 0.24, 0.05 + (k % 2) * 0.3, 0.16, [wax, cloth, wax, cloth])
    x, y = 1.35, 0.3
    pen.shadow(x, y + 0.44, 0.36, 0.07)
    pen.poly([(x - 0.26, y), (x + 0.26, y), (x + 0.19, y + 0.44), (x - 0.19, y + 0.44)], fill=(176, 96, 60))
    pen.ellipse(x, y + 0.24, 0.09, 0.07, fill=(250, 150, 40))
    pen.ellipse(x, y + 0.26, 0.05, 0.04, fill=(255, 220, 120))
    pen.chord(x, y - 0.06, 0.32, 0.18, 0, 180, fill=(58, 58, 64))
    pen.ellipse(x, y - 0.06, 0.32, 0.07, fill=(70, 70, 76))
    pen.ellipse(x, y - 0.06, 0.27, 0.05, fill=(156, 104, 40))
    for k in range(3):
        pen.line(spiral(x - 0.12 + k * 0.12, y - 0.28 - k * 0.04, 0.05, 0.8, 0, 1), (236, 236, 236), 0.008)
    pen.line([(0.95, -0.75), (0.36, 0.0)], (190, 150, 90), 0.035)
    pen.ellipse(0.33, 0.04, 0.07, 0.05, fill=(184, 110, 50))
    pen.line([(0.28, 0.07), (0.2, 0.16)], (160, 90, 40), 0.015)


GARMENT_SHAPES: dict[str, list[Point]] = {  # left halves, from the neck round to the hem
    "shirt": symmetric(path("-0.22,-0.8 -0.56,-0.72 -0.98,-0.42 -0.8,-0.1 -0.58,-0.24 -0.6,0.88")),
    "blouse": symmetric(path("-0.24,-0.8 -0.55,-0.72 -1.0,-0.02 -0.78,0.1 -0.5,-0.3 -0.7,0.82")),
    "dress": symmetric(
        path("-0.18,-0.84 -0.42,-0.78 -0.76,0.12 -0.6,0.16 -0.36,-0.38 -0.3,-0.12 -0.78,0.96")
    ),
    "kimono": symmetric(path("-0.22,-0.82 -1.02,-0.72 -1.02,-0.06 -0.56,-0.06 -0.56,0.9")),
}


def paint_garment(pen: Pen, s: Subject) -> None:
    if s.has("totebag", "tas"):
        tote_bag(pen, s)
        return
    style = (
        "kimono"
        if s.has("outer", "kimono")
        else "dress"
        if s.has("gamis", "dress")
        else "blouse"
        if s.has("blus")
        else "shirt"
    )
    tee = s.has("kaos")
    if style != "shirt" or not tee:
        hanger(pen)
    outline = neckline(GARMENT_SHAPES[style], 0.16 if style != "kimono" else 0.3)
    pen.shadow(0.04, 0.92, 0.95, 0.1, 0.25)
    with pen.layer() as drop:
        drop.poly([(x + 0.03, y + 0.04) for x, y in outline], fill=(0, 0, 0, 60))
    if tee:
        colour = s.rng.choice(((38, 38, 44), (242, 240, 234), (34, 52, 92), (118, 30, 40), (206, 160, 52)))
        pen.poly(outline, fill=colour)
        shirt_print(pen, s, colour)
    else:
        with pen.masked(pattern_for(pen, s, 0.17)) as m:
            m.poly(outline, fill=255)
        colour = batik_colours(s.words, random.Random(3))[0][0]
    trim = darker(colour, 0.3) if sum(colour) > 200 else lighter(colour, 0.25)
    pen.poly(outline, outline=trim, width=0.012)
    garment_details(pen, style, tee, trim)
    with pen.layer(clip=outline) as folds:
        for k in range(6):
            folds.ellipse(1.1, 0.3, 0.75 - k * 0.06, 1.4, fill=(0, 0, 0, 6))
        folds.poly([(-0.35, -0.55), (-0.3, -0.55), (-0.2, 0.85), (-0.3, 0.85)], fill=(255, 255, 255, 18))


def neckline(shape: list[Point], depth: float) -> list[Point]:
    """Close the garment outline with a curved neck between its first and last points."""
    (x0, y0), (x1, _) = shape[0], shape[-1]
    arc = [(x1 * math.cos(t), y0 + depth * math.sin(t)) for t in (i / 16 * math.pi for i in range(1, 16))]
    return [*shape, *arc] if x0 < x1 else [*shape, *arc[::-1]]


def hanger(pen: Pen) -> None:
    pen.arc(0, -1.0, 0.07, 0.08, 180, 450, (150, 150, 156), 0.02)
    pen.line([(0, -0.92), (0, -0.82)], (150, 150, 156), 0.02)
    pen.line([(-0.6, -0.68), (0, -0.84), (0.6, -0.68)], (150, 104, 60), 0.045)


def garment_details(pen: Pen, style: str, tee: bool, trim: RGB) -> None:
    if tee:
        pen.arc(0, -0.8, 0.22, 0.16, 0, 180, trim, 0.035)
        return
    if style == "shirt":
        for side in (-1, 1):
            pen.poly(
                [(side * 0.23, -0.82), (side * 0.02, -0.62), (side * 0.08, -0.5), (side * 0.3, -0.68)],
                fill=trim,
            )
        pen.rect(-0.035, -0.62, 0.035, 0.88, fill=trim)
        for k in range(5):
            pen.ellipse(0, -0.45 + k * 0.3, 0.022, 0.022, fill=(240, 236, 226))
        pen.rect(-0.45, -0.42, -0.2, -0.2, outline=trim, width=0.01)
    elif style == "kimono":
        pen.poly(
            path("-0.22,-0.82 -0.06,0.9 0.06,0.9 0.22,-0.82 0.12,-0.82 0.0,0.6 -0.12,-0.82"),
            fill=trim,
        )
    else:
        pen.arc(0, -0.8, 0.24, 0.16, 0, 180, trim, 0.03)
        pen.line([(-0.3, -0.12), (0.3, -0.12)], trim, 0.03)


def shirt_print(pen: Pen, s: Subject, colour: RGB) -> None:
    ink = (246, 242, 232) if sum(colour) < 380 else (34, 52, 92)
    if s.has("topeng"):
        topeng(pen.sub(0, -0.14, 0.36), "klana" if s.rng.random() < 0.5 else "panji", s.rng)
    elif s.has("udang"):
        shrimp(pen, 0.05, -0.2, 0.46, (236, 110, 70))
    elif s.has("muharram"):
        pen.ellipse(0, -0.15, 0.24, 0.24, fill=(226, 190, 80))
        pen.ellipse(0.09, -0.2, 0.21, 0.21, fill=colour)
        star = [
            (
                0.12 * math.cos(a) * (1 if k % 2 == 0 else 0.45),
                0.12 * math.sin(a) * (1 if k % 2 == 0 else 0.45),
            )
            for k, a in enumerate(i * math.pi / 5 - math.pi / 2 for i in range(10))
        ]
        pen.poly([(x + 0.12, y - 0.05) for x, y in star], fill=(226, 190, 80))
    elif s.has("macan"):
        tiger_face(pen, 0, -0.15, 0.3)
    else:
        mega_mendung(pen, 0, -0.12, 0.4, cloud_palette(0.61 if sum(colour) > 300 else 0.0, 5))
    pen.rect(-0.26, 0.28, 0.26, 0.32, fill=ink, radius=0.01)
    pen.rect(-0.16, 0.37, 0.16, 0.39, fill=ink, radius=0.01)


def shrimp(pen: Pen, x: float, y: float, r: float, colour: RGB) -> None:
    for k in range(7):
        a = math.pi * (0.15 + k * 0.13)
        size = r * (0.28 - k * 0.025)
        pen.ellipse(
            x + r * 0.6 * math.cos(a),
            y - r * 0.6 * math.sin(a) + r * 0.2,
            size,
            size * 0.9,
            fill=colour if k % 2 else darker(colour, 0.12),
        )
    pen.poly(
        [(x - r * 0.75, y + r * 0.1), (x - r * 1.05, y - r * 0.05), (x - r * 1.0, y + r * 0.3)], fill=colour
    )
    pen.ellipse(x + r * 0.5, y - r * 0.22, r * 0.04, r * 0.04, fill=INK)
    for k in range(2):
        pen.line([(x + r * 0.6, y - r * 0.2), (x + r * 1.1, y - r * (0.7 + 0.2 * k))], colour, r * 0.025)


def tiger_face(pen: Pen, x: float, y: float, r: float) -> None:
    orange = (226, 130, 40)
    for side in (-1, 1):
        pen.ellipse(x + side * r * 0.7, y - r * 0.75, r * 0.25, r * 0.25, fill=orange)
    pen.ellipse(x, y, r, r * 0.9, fill=orange)
    pen.ellipse(x, y + r * 0.35, r * 0.45, r * 0.35, fill=(250, 240, 220))
    for side in (-1, 1):
        pen.ellipse(x + side * r * 0.35, y - r * 0.15, r * 0.09, r * 0.09, fill=INK)
        for k in range(3):
            pen.line(
                [
                    (x + side * r * 0.95, y - r * 0.3 + k * r * 0.25),
                    (x + side * r * 0.6, y - r * 0.2 + k * r * 0.22),
                ],
                INK,
                r * 0.06,
            )
    pen.poly([(x - r * 0.12, y + r * 0.15), (x + r * 0.12, y + r * 0.15), (x, y + r * 0.3)], fill=INK)


def tote_bag(pen: Pen, s: Subject) -> None:
    canvas = (232, 220, 194)
    pen.shadow(0, 0.94, 0.8, 0.1)
    for side in (-1, 1):
        pen.arc(side * 0.3, -0.35, 0.2, 0.55, 180, 360, darker(canvas, 0.25), 0.06)
    pen.rect(-0.68, -0.35, 0.68, 0.92, fill=canvas, radius=0.02)
    for _ in range(300):
        x, y = s.rng.uniform(-0.66, 0.66), s.rng.uniform(-0.33, 0.9)
        pen.line([(x, y), (x + 0.03, y)], darker(canvas, 0.05), 0.004)
    with pen.masked(pattern_for(pen, s, 0.15)) as m:
        m.rect(-0.68, 0.35, 0.68, 0.92, fill=255)
    mega_mendung(pen, 0, -0.02, 0.4, cloud_palette(0.61, 6))
    pen.line([(-0.68, -0.3), (0.68, -0.3)], darker(canvas, 0.18), 0.008)
    with pen.layer() as shade:
        shade.rect(0.4, -0.35, 0.68, 0.92, fill=(0, 0, 0, 25))


# ---------------------------------------------------------------- jewellery


def paint_jewellery(pen: Pen, s: Subject) -> None:
    if s.has("kalung"):
        necklace(pen, s)
    elif s.has("anting"):
        for x in (-0.42, 0.42):
            earring(pen, x, s)
    elif s.has("gantungan", "kunci"):
        keychain(pen, s)
    elif s.has("bros"):
        brooch(pen, s)
    else:
        bracelet(pen, 0, 0.1, cloud_palette(0.61, 6))
        if s.wide:
            bracelet(pen, 0.9, 0.35, cloud_palette(0.0, 6))


def bead(pen: Pen, x: float, y: float, r: float, colour: RGB) -> None:
    pen.ellipse(x, y, r, r, fill=darker(colour, 0.2))
    pen.ellipse(x - r * 0.08, y - r * 0.08, r * 0.86, r * 0.86, fill=colour)
    pen.ellipse(x - r * 0.35, y - r * 0.35, r * 0.25, r * 0.2, fill=lighter(colour, 0.6))


def bracelet(pen: Pen, cx: float, cy: float, palette: list[RGB]) -> None:
    pen.shadow(cx, cy + 0.42, 0.75, 0.14)
    n = 24
    beads = []
    for i in range(n):
        a = 2 * math.pi * i / n
        depth = (math.sin(a) + 1) / 2
        colour = GOLD if i % 4 == 0 else palette[1 + (i % 4)]
        beads.append((depth, cx + 0.62 * math.cos(a), cy + 0.34 * math.sin(a), 0.075 + 0.025 * depth, colour))
    for depth, x, y, r, colour in sorted(beads):
        bead(pen, x, y, r, colour if depth > 0.3 else darker(colour, 0.15))


def necklace(pen: Pen, s: Subject) -> None:
    rng = s.rng
    woods = [(150, 96, 54), (120, 74, 40), (180, 124, 70)]
    palette = cloud_palette(rng.choice((0.61, 0.0)), 6)
    pen.shadow(0, 0.95, 0.5, 0.08)
    span = 1.25
    for i in range(33):
        t = -span + 2 * span * i / 32
        x = 0.75 * math.sin(t) / math.sin(span)
        y = 0.5 - 1.25 * (1 - math.cos(t)) / (1 - math.cos(span))
        bead(pen, x, y, 0.05, palette[2] if i % 5 == 0 else rng.choice(woods))
    pen.line([(0, 0.52), (0, 0.62)], GOLD, 0.015)
    pen.ellipse(0, 0.84, 0.2, 0.25, fill=GOLD)
    with pen.masked(pattern_for(pen, s, 0.07, frozenset({"biru"}))) as m:
        m.ellipse(0, 0.84, 0.17, 0.22, fill=255)
    with pen.layer() as shine:
        shine.ellipse(-0.06, 0.76, 0.06, 0.09, fill=(255, 255, 255, 80))


def earring(pen: Pen, x: float, s: Subject) -> None:
    pen.shadow(x, 0.72, 0.22, 0.05)
    pen.arc(x + 0.05, -0.62, 0.08, 0.12, 180, 400, (200, 200, 206), 0.014)
    pen.ellipse(x, -0.5, 0.04, 0.04, outline=GOLD, width=0.014)
    pen.line([(x, -0.46), (x, -0.3)], GOLD, 0.012)
    drop = smooth(
        [(x, -0.32), (x + 0.22, 0.12), (x + 0.2, 0.38), (x, 0.5), (x - 0.2, 0.38), (x - 0.22, 0.12)], 2
    )
    pen.poly(drop, fill=GOLD)
    inner = smooth(
        [(x, -0.26), (x + 0.18, 0.12), (x + 0.16, 0.35), (x, 0.45), (x - 0.16, 0.35), (x - 0.18, 0.12)], 2
    )
    with pen.masked(pattern_for(pen, s, 0.07)) as m:
        m.poly(inner, fill=255)
    with pen.layer() as resin:
        resin.poly(inner, fill=(255, 255, 255, 30))
        resin.ellipse(x - 0.07, 0.02, 0.04, 0.12, fill=(255, 255, 255, 110))


def keychain(pen: Pen, s: Subject) -> None:
    steel = (176, 178, 186)
    pen.shadow(0.1, 0.85, 0.7, 0.1)
    pen.ellipse(-0.35, -0.6, 0.22, 0.22, outline=steel, width=0.035)
    for k in range(4):
        x, y = -0.25 + k * 0.08, -0.35 + k * 0.1
        pen.ellipse(x, y, 0.035, 0.055, outline=steel, width=0.014)
    tag = smooth(rect_pts(0.2, 0.35, 0.32, 0.42, -0.25), 1)
    pen.poly([(px + 0.02, py + 0.03) for px, py in tag], fill=(60, 40, 30))
    pen.poly(tag, fill=GOLD)
    with pen.masked(pattern_for(pen, s, 0.08)) as m:
        m.poly(smooth(rect_pts(0.2, 0.35, 0.28, 0.38, -0.25), 1), fill=255)
    pen.ellipse(0.07, -0.02, 0.04, 0.04, fill=steel, outline=darker(steel, 0.3), width=0.01)
    key = [(-0.7, -0.55), (-1.0, -0.2)]
    pen.line(key, (206, 170, 80), 0.05)
    pen.ellipse(-0.62, -0.64, 0.1, 0.1, fill=(206, 170, 80))
    pen.ellipse(-0.62, -0.64, 0.035, 0.035, fill=(230, 222, 210))
    for k in range(3):
        pen.line(
            [(-0.92 + k * 0.06, -0.3 + k * -0.07), (-0.86 + k * 0.06, -0.24 + k * -0.07)],
            (206, 170, 80),
            0.04,
        )


def brooch(pen: Pen, s: Subject) -> None:
    pen.shadow(0.05, 0.85, 0.6, 0.1)
    pen.ellipse(0, 0, 0.62, 0.8, fill=darker(GOLD, 0.2))
    pen.ellipse(0, 0, 0.56, 0.74, fill=(40, 30, 30))
    for k in range(28):
        a = 2 * math.pi * k / 28
        pen.ellipse(0.59 * math.cos(a), 0.77 * math.sin(a), 0.03, 0.03, fill=(246, 240, 226))
    topeng(pen.sub(0, 0.02, 0.72), next((n for n in MASKS if s.has(n)), s.rng.choice(list(MASKS))), s.rng)


# ---------------------------------------------------------------- still life


def paint_still(pen: Pen, s: Subject) -> None:
    """Fallback: a kraft gift box with a batik band and a ribbon."""
    kraft = (200, 156, 104)
    pen.shadow(0, 0.78, 0.95, 0.15)
    pen.poly([(-0.7, -0.2), (0.3, -0.45), (0.85, -0.2), (-0.15, 0.05)], fill=lighter(kraft, 0.15))
    pen.poly([(-0.7, -0.2), (-0.15, 0.05), (-0.15, 0.8), (-0.7, 0.5)], fill=kraft)
    pen.poly([(-0.15, 0.05), (0.85, -0.2), (0.85, 0.5), (-0.15, 0.8)], fill=darker(kraft, 0.15))
    with pen.masked(pattern_for(pen, s, 0.1)) as m:
        m.poly([(-0.15, 0.25), (0.85, 0.0), (0.85, 0.18), (-0.15, 0.43)], fill=255)
        m.poly([(-0.7, 0.0), (-0.15, 0.25), (-0.15, 0.43), (-0.7, 0.18)], fill=255)
    ribbon_colour = (190, 36, 40)
    pen.line([(-0.42, -0.07), (0.58, -0.33)], ribbon_colour, 0.05)
    pen.ellipse(0.08, -0.2, 0.06, 0.04, fill=ribbon_colour)
    for angle in (-0.6, 0.6):
        pen.poly(leaf(0.08 + 0.15 * math.sin(angle), -0.28, 0.16, 0.07, angle), fill=ribbon_colour)


# ---------------------------------------------------------------- scenes, logos, brand


def render_scene(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A shop front under Mega Mendung clouds, beside a Cirebon split gate (candi bentar)."""
    w, h = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    sky_hue = rng.uniform(0.52, 0.62)
    img = vertical_gradient(
        (w, h),
        [
            (0.0, hls(sky_hue, 0.7, 0.55)),
            (0.6, hls(rng.uniform(0.05, 0.12), 0.88, 0.6)),
            (0.61, (196, 188, 172)),
            (1.0, (150, 142, 128)),
        ],
    )
    pen = Pen(img, w / 2, h / 2, h / 2)
    aspect = w / h
    pen.ellipse(rng.uniform(-1.2, 1.2), -0.7, 0.13, 0.13, fill=(255, 236, 170))
    for i in range(rng.randint(4, 6)):
        x = -aspect + (i + 0.5) * 2 * aspect / 5 + rng.uniform(-0.2, 0.2)
        mega_mendung(
            pen,
            x,
            rng.uniform(-0.72, -0.5),
            rng.uniform(0.2, 0.32),
            cloud_palette(sky_hue + 0.03, 6, 0.55, 0.35, 0.97),
            flip=i % 2 == 1,
        )
    for _ in range(10):
        x = rng.uniform(-aspect, aspect)
        pen.poly(
            blob(rng, x, 0.15, rng.uniform(0.15, 0.28), 0.2, 9, 1.0),
            fill=hls(0.3, rng.uniform(0.25, 0.35), 0.4),
        )
    pen.rect(-aspect, 0.18, aspect, 0.24, fill=(120, 150, 90))
    for k in range(-12, 13):
        pen.line([(k * 0.16, 0.24), (k * 0.5, 1.0)], (176, 168, 152), 0.008)
    bx = rng.choice((-1, 1)) * rng.uniform(0.25, 0.6)
    split_gate(pen, bx - math.copysign(1.3, bx))
    shop_front(pen, bx, rng)
    for x in (bx - 0.95, bx + 0.95):
        potted_plant(pen, x, 0.62, rng)
    return img


def shop_front(pen: Pen, x: float, rng: random.Random) -> None:
    wall = hls(rng.random(), rng.uniform(0.8, 0.9), 0.35)
    roof = hls(rng.uniform(0.02, 0.07), rng.uniform(0.38, 0.46), 0.55)
    pen.rect(x - 0.88, -0.3, x + 0.88, 0.62, fill=wall)
    if rng.random() < 0.5:
        pen.poly([(x - 1.05, -0.28), (x + 1.05, -0.28), (x + 0.75, -0.62), (x - 0.75, -0.62)], fill=roof)
        pen.poly(
            [(x - 0.5, -0.62), (x + 0.5, -0.62), (x + 0.3, -0.8), (x - 0.3, -0.8)], fill=darker(roof, 0.12)
        )
    else:
        pen.poly([(x - 1.05, -0.28), (x + 1.05, -0.28), (x + 0.45, -0.78), (x - 0.45, -0.78)], fill=roof)
    for k in range(8):
        y = -0.3 - k * 0.045
        pen.line([(x - 1.0 + k * 0.06, y), (x + 1.0 - k * 0.06, y)], darker(roof, 0.2), 0.006)
    board = hls(rng.choice((0.6, 0.0, 0.35, 0.75)), 0.22, 0.5)
    pen.rect(x - 0.6, -0.26, x + 0.6, -0.1, fill=board, outline=GOLD, width=0.01, radius=0.02)
    mega_mendung(pen, x - 0.47, -0.17, 0.08, cloud_palette(0.6, 4, 0.5, 0.4, 0.95))
    pen.rect(x - 0.34, -0.2, x + 0.4, -0.165, fill=(246, 226, 160), radius=0.015)
    pen.rect(x - 0.34, -0.14, x + 0.1, -0.125, fill=(200, 186, 140), radius=0.008)
    stripes = (hls(rng.random(), 0.5, 0.6), (250, 246, 236))
    for k in range(12):
        x0 = x - 0.84 + k * 0.14
        pen.rect(x0, -0.06, x0 + 0.14, 0.06, fill=stripes[k % 2])
        pen.chord(x0 + 0.07, 0.06, 0.07, 0.04, 0, 180, fill=stripes[k % 2])
    door = rng.choice(((116, 70, 40), (70, 90, 60), (90, 50, 40)))
    pen.rect(x - 0.15, 0.16, x + 0.15, 0.62, fill=door)
    pen.line([(x, 0.16), (x, 0.62)], darker(door, 0.3), 0.01)
    for side in (-1, 1):
        window(pen, x + side * 0.52, rng)


def window(pen: Pen, x: float, rng: random.Random) -> None:
    pen.rect(x - 0.28, 0.14, x + 0.28, 0.5, fill=(62, 74, 84), outline=(116, 70, 40), width=0.02)
    for shelf in (0.3, 0.46):
        pen.line([(x - 0.26, shelf), (x + 0.26, shelf)], (150, 110, 70), 0.01)
        for k in range(5):
            colour = hls(rng.random(), 0.55, 0.6)
            px = x - 0.21 + k * 0.105
            if rng.random() < 0.5:
                pen.rect(px - 0.03, shelf - 0.1, px + 0.03, shelf, fill=colour, radius=0.01)
            else:
                pen.rect(px - 0.04, shelf - 0.07, px + 0.04, shelf, fill=colour, radius=0.015)
    with pen.layer() as glass:
        glass.poly(
            [(x - 0.26, 0.3), (x - 0.1, 0.16), (x - 0.02, 0.16), (x - 0.26, 0.4)], fill=(255, 255, 255, 50)
        )


def split_gate(pen: Pen, x: float) -> None:
    """Candi bentar: two stepped brick towers whose inner faces are cut straight."""
    brick = (170, 66, 44)
    for side in (-1, 1):
        inner = x + side * 0.09
        for k in range(7):
            width = 0.34 - k * 0.045
            y0 = 0.62 - k * 0.15
            x0, x1 = sorted((inner, inner + side * width))
            pen.rect(x0, y0 - 0.15, x1, y0, fill=brick if k % 2 == 0 else darker(brick, 0.1))
            pen.line([(x0, y0 - 0.075), (x1, y0 - 0.075)], lighter(brick, 0.35), 0.005)
            pen.rect(x0, y0 - 0.02, x1, y0, fill=(226, 214, 196))
        pen.poly([(inner, -0.43), (inner + side * 0.07, -0.43), (inner + side * 0.02, -0.56)], fill=brick)
    pen.rect(x - 0.6, 0.6, x + 0.6, 0.66, fill=(150, 140, 126))


def potted_plant(pen: Pen, x: float, y: float, rng: random.Random) -> None:
    for _ in range(7):
        angle = rng.uniform(-2.4, -0.7)
        pen.poly(
            leaf(x + 0.12 * math.cos(angle), y - 0.15 + 0.12 * math.sin(angle), 0.1, 0.035, angle),
            fill=hls(0.3, rng.uniform(0.28, 0.38), 0.5),
        )
    pen.poly([(x - 0.08, y - 0.12), (x + 0.08, y - 0.12), (x + 0.06, y), (x - 0.06, y)], fill=(170, 90, 60))


def render_logo(job: Job, rng: random.Random) -> Image.Image:
    """A round badge: a ring, Mega Mendung inside and the business's initials in the middle."""
    size = LOGO_SIZE[0] * SUPERSAMPLE
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = Pen(img, size / 2, size / 2, size / 2)
    hue = rng.random()
    dark = hls(hue, 0.24, 0.55)
    pen.ellipse(0, 0, 0.98, 0.98, fill=dark)
    palette = cloud_palette(hue + rng.uniform(-0.05, 0.05), 6, 0.55)
    field = batik_cloth(img.size, rng, palette, hls(hue, 0.94, 0.4), "mega", 0.3 * pen.u)
    with pen.masked(field) as m:
        m.ellipse(0, 0, 0.84, 0.84, fill=255)
    pen.ellipse(0, 0, 0.85, 0.85, outline=GOLD, width=0.02)
    for k in range(36):
        a = 2 * math.pi * k / 36
        pen.ellipse(0.915 * math.cos(a), 0.915 * math.sin(a), 0.018, 0.018, fill=GOLD)
    pen.ellipse(0, 0, 0.5, 0.5, fill=dark, outline=GOLD, width=0.025)
    pen.text(0, 0.0, initials(job.title), 0.42, (250, 242, 222), bold=0.012)
    return img.resize(LOGO_SIZE, Image.Resampling.LANCZOS)


def render_brand(job: Job) -> Image.Image:
    """The site's wordmark: a Mega Mendung emblem and "Galeri IKM" in the brand colour."""
    w, h = BRAND_SIZE[0] * SUPERSAMPLE, BRAND_SIZE[1] * SUPERSAMPLE
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    pen = Pen(img, h / 2, h / 2, h / 2)
    primary, accent = job.brand
    hue = colorsys.rgb_to_hls(*(c / 255 for c in primary))[0]
    pen.ellipse(0, 0, 0.92, 0.92, fill=primary)
    pen.ellipse(0, 0, 0.8, 0.8, fill=(248, 244, 234))
    mega_mendung(pen, 0, 0.08, 0.62, cloud_palette(hue, 6, 0.55, 0.22, 0.95))
    pen.arc(0, 0, 0.86, 0.86, 200, 340, accent, 0.05)
    pen.text(1.12, -0.12, "Galeri IKM", 0.78, primary, anchor="lm", bold=0.02)
    pen.text(1.16, 0.58, "KOTA CIREBON", 0.3, accent, anchor="lm", bold=0.008)
    box = img.getbbox() or (0, 0, w, h)
    img = img.crop((0, 0, min(w, box[2] + 16), h))
    return img.resize((round(img.width / SUPERSAMPLE), BRAND_SIZE[1]), Image.Resampling.LANCZOS)


PAINTERS: dict[str, Callable[[Pen, Subject], None]] = {
    "bowl": paint_bowl,
    "plate": paint_plate,
    "crackers": paint_crackers,
    "bottle": paint_bottle,
    "topeng": paint_topeng,
    "painting": paint_painting,
    "cloth": paint_cloth,
    "garment": paint_garment,
    "jewellery": paint_jewellery,
    "still": paint_still,
}


def napkin(pen: Pen, s: Subject, x: float) -> None:
    """A folded batik napkin beside the product in landscape shots."""
    shape = rotate([(x - 0.45, 0.55), (x + 0.35, 0.45), (x + 0.5, 0.95), (x - 0.35, 1.05)], 0.05, (x, 0.7))
    with pen.masked(pattern_for(pen, s, 0.1)) as m:
        m.poly(shape, fill=255)


def render_photo(job: Job, kind: str, rng: random.Random) -> Image.Image:
    w, h = job.size
    big = (w * SUPERSAMPLE, h * SUPERSAMPLE)
    img = studio_background(big, rng)
    wide = w > h
    pen = Pen(img, big[0] / 2, big[1] * 0.5, min(big) * 0.37)
    subject = Subject(frozenset(job.words), rng, wide)
    if wide and kind not in ("topeng", "painting", "cloth", "jewellery"):
        side = rng.choice((-1, 1))
        napkin(pen, subject, side * 1.45)
        pen = Pen(img, big[0] / 2 - side * big[0] * 0.06, big[1] * 0.5, min(big) * 0.37)
    PAINTERS[kind](pen, subject)
    img = img.resize((w, h), Image.Resampling.LANCZOS)
    return vignette(add_grain(img, rng))


def render(job: Job, root: Path) -> Image.Image:
    rng = seed_of(job, root)
    kind = choose_kind(job)
    if kind == "brand":
        return render_brand(job)
    if kind == "logo":
        return render_logo(job, rng)
    if kind in ("cover", "scene"):
        img = render_scene(job.size, rng).resize(job.size, Image.Resampling.LANCZOS)
        return vignette(add_grain(img, rng, 3), 0.15)
    return render_photo(job, kind, rng)


# ---------------------------------------------------------------- reading the content


def read_entry(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (or the whole YAML file) and the Markdown body (or `description`)."""
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    if path.suffix == ".md":
        lines = text.split("\n")
        if lines and lines[0].strip() == "---":
            for i in range(1, len(lines)):
                if lines[i].strip() == "---":
                    data = yaml.safe_load("\n".join(lines[1:i])) or {}
                    return (data if isinstance(data, dict) else {}), "\n".join(lines[i + 1 :])
        return {}, text
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        return {}, ""
    body = data.get("description")
    return data, body if isinstance(body, str) else ""


def markdown_images(body: str) -> list[str]:
    """Targets of `![alt](file.jpg)` and `![alt](<file with spaces.jpg>)`."""
    return [bracketed or bare for bracketed, bare in MD_IMAGE.findall(body)]


def is_local(ref: object) -> bool:
    return isinstance(ref, str) and bool(ref.strip()) and not re.match(r"^([a-z]+:|/|\\)", ref.strip(), re.I)


class Collector:
    """Gathers every image the content refers to, once, in a stable order."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.jobs: dict[Path, Job] = {}
        self.skipped: list[str] = []

    def add(
        self,
        ref: object,
        base: Path,
        fence: Path,
        role: str,
        words: tuple[str, ...],
        title: str,
        size: tuple[int, int],
        brand: tuple[RGB, RGB] | None = None,
    ) -> None:
        if not is_local(ref):
            return
        target = (base / str(ref).strip()).resolve()
        if not target.is_relative_to(fence) or target.suffix.lower() not in FORMATS:
            self.skipped.append(f"{base / str(ref)}")
            return
        stem_words = words_of(target.stem.replace("-", " "))
        job = Job(target, role, (*words, *stem_words), title, size, *(() if brand is None else (brand,)))
        self.jobs.setdefault(target, job)

    def site(self) -> None:
        path = self.root / "site.yaml"
        if not path.is_file():
            return
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
        brand = data.get("brand") if isinstance(data, dict) else None
        if isinstance(brand, dict):
            colours = (hex_rgb(brand.get("primary"), "#1f3a5f"), hex_rgb(brand.get("accent"), "#b3362b"))
            self.add(
                brand.get("logo"),
                self.root,
                self.root,
                "brand",
                (),
                str(data.get("title", "")),
                BRAND_SIZE,
                colours,
            )

    def business(self, folder: Path) -> None:
        fence = folder.resolve()
        meta, body = read_entry(folder / "index.md")
        name = str(meta.get("name") or folder.name)
        self.add(meta.get("logo"), folder, fence, "logo", words_of(name), name, LOGO_SIZE)
        self.add(meta.get("cover"), folder, fence, "cover", words_of(name), name, COVER_SIZE)
        for ref in markdown_images(body):
            self.add(ref, folder, fence, "photo", words_of(name), name, WIDE_SIZE)
        products = folder / "products"
        entries = (
            sorted(p for p in products.glob("*") if p.suffix in (".md", ".yaml", ".yml"))
            if products.is_dir()
            else []
        )
        for entry in entries:
            self.product(entry, fence, name)

    def product(self, path: Path, fence: Path, business: str) -> None:
        meta, body = read_entry(path)
        words = words_of(meta.get("name", path.stem), meta.get("category", ""))
        images = meta.get("images")
        for ref in images if isinstance(images, list) else []:
            stem = Path(str(ref)).stem
            size = WIDE_SIZE if re.search(r"-[23]$", stem) else PHOTO_SIZE
            self.add(ref, path.parent, fence, "photo", words, business, size)
        for ref in markdown_images(body):
            self.add(ref, path.parent, fence, "photo", words, business, WIDE_SIZE)


def collect(root: Path) -> Collector:
    collector = Collector(root)
    try:
        collector.site()
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        collector.skipped.append(f"site.yaml: {exc}")
    ikm = root / "ikm"
    for folder in sorted(ikm.iterdir()) if ikm.is_dir() else []:
        if (folder / "index.md").is_file():
            try:
                collector.business(folder)
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                collector.skipped.append(f"{folder}: {exc}")
    return collector


def save(img: Image.Image, path: Path) -> None:
    fmt = FORMATS[path.suffix.lower()]
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "JPEG":
        if img.mode != "RGB":
            flat = Image.new("RGB", img.size, WHITE)
            flat.paste(img, (0, 0), img if img.mode == "RGBA" else None)
            img = flat
        img.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)
    elif fmt == "PNG":
        if img.mode == "RGBA":  # fewer colours keep the badge small; it stays an RGBA image
            img = img.quantize(256, method=Image.Quantize.FASTOCTREE).convert("RGBA")
        img.save(path, "PNG", optimize=True)
    else:
        img.save(path, "WEBP", quality=JPEG_QUALITY, method=4)


def make(job: Job, root: Path) -> int:
    """Draw and write one picture; returns its size in bytes."""
    save(render(job, root), job.target)
    return job.target.stat().st_size


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else "content")
    if not root.is_dir():
        print(f"no content folder at {root}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    collector = collect(root)
    jobs = list(collector.jobs.values())
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        total = sum(pool.map(make, jobs, [collector.root] * len(jobs), chunksize=2))
    for item in collector.skipped:
        print(f"skipped: {item}", file=sys.stderr)
    took = time.perf_counter() - started
    print(f"{len(jobs)} images, {total / 1e6:.1f} MB, {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
