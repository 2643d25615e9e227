"""Photos with the statistics of a phone camera's, for benchmarks and tests of page weight.

Drawn pictures (the demo's) compress far better than what a business owner sends: a phone
photo has a smooth scene, surface texture and sensor grain, and that grain is what the
encoder pays for. Deterministic for a seed.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from catalog.images.intake import GPS_IFD


def phone_photo(seed: int, size: tuple[int, int] = (4000, 3000), quality: int = 93, grain: int = 3) -> bytes:
    """A JPEG like a phone's (at 12 MP by default: a few MB), with EXIF orientation and GPS.

    `grain`: the size in pixels of the surface texture's detail. 3 (the default) keeps it
    fine at full size, as a phone's sharpening does; a larger grain is detail that stays
    visible when the photo is shrunk for the web, as cloth, wood or rice crackers do."""
    rnd = random.Random(seed)
    width, height = size
    small = Image.linear_gradient("L").rotate(rnd.uniform(0, 360)).resize((width // 8, height // 8))
    scene = Image.merge("RGB", [small.point(lambda v, k=k: int(60 + v * (0.3 + 0.2 * k))) for k in range(3)])
    draw = ImageDraw.Draw(scene)
    for _ in range(12):
        x, y, r = (
            rnd.randrange(width // 8),
            rnd.randrange(height // 8),
            rnd.randrange(20, 150) * width // 4000,
        )
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(40, 230) for _ in range(3)))
    scene = scene.filter(ImageFilter.GaussianBlur(3)).resize(size, Image.Resampling.BICUBIC)
    texture = Image.effect_noise((width // grain, height // grain), 20).resize(size, Image.Resampling.BICUBIC)
    channels = [
        ImageChops.add(ImageChops.add(channel, texture, 1, -128), Image.effect_noise(size, 4), 1, -128)
        for channel in scene.split()
    ]
    exif = Image.Exif()
    exif[0x0112] = rnd.choice((1, 6))
    exif.get_ifd(GPS_IFD)[2] = (6.0, 42.0, float(rnd.randrange(60)))
    out = io.BytesIO()
    Image.merge("RGB", channels).save(out, "JPEG", quality=quality, exif=exif.tobytes())
    return out.getvalue()
