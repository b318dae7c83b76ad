#!/usr/bin/env python3
"""Draws Apostil's icons: web/icons/icon.svg and the PNGs the web manifest lists.

Standard library only (zlib + struct write the PNGs). The picture: a dark-blue tile with three
lines of "text", the first one partly highlighted in yellow, like an annotated article.

    python3 scripts/make-icons.py        # rewrites web/icons/*
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "web", "icons")

BG = (0x1D, 0x35, 0x57)
WHITE = (0xF1, 0xFA, 0xEE)
YELLOW = (0xF4, 0xD3, 0x5E)

# Shapes on a 512 x 512 canvas: (x0, y0, x1, y1, corner radius, colour).
TILE_RADIUS = 96
SHAPES = [
    (104, 150, 296, 214, 16, YELLOW),
    (312, 166, 408, 198, 16, WHITE),
    (104, 240, 408, 272, 16, WHITE),
    (104, 314, 344, 346, 16, WHITE),
    (104, 388, 264, 420, 16, WHITE),
]


def hexc(c):
    return "#%02x%02x%02x" % c


def svg(maskable=False):
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
        '<rect width="512" height="512" rx="%d" fill="%s"/>'
        % (0 if maskable else TILE_RADIUS, hexc(BG)),
    ]
    for x0, y0, x1, y1, r, c in SHAPES:
        parts.append(
            '<rect x="%d" y="%d" width="%d" height="%d" rx="%d" fill="%s"/>'
            % (x0, y0, x1 - x0, y1 - y0, r, hexc(c))
        )
    parts.append("</svg>\n")
    return "\n".join(parts)


def inside_rrect(x, y, x0, y0, x1, y1, r):
    """True when point (x, y) lies in the rounded rectangle."""
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def render(size, maskable=False, ss=3):
    """RGBA rows. `maskable`: full-bleed tile, picture shrunk into the 80 % safe zone."""
    scale = size / 512.0
    px = [[(0, 0, 0, 0)] * size for _ in range(size)]
    # Each layer: shape in canvas units, painted over what is below with coverage as alpha.
    layers = [(0, 0, 512, 512, 0 if maskable else TILE_RADIUS, BG)]
    shrink = 0.8 if maskable else 1.0
    for x0, y0, x1, y1, r, c in SHAPES:
        f = lambda v: 256 + (v - 256) * shrink  # noqa: E731
        layers.append((f(x0), f(y0), f(x1), f(y1), r * shrink, c))
    offs = [(i + 0.5) / ss for i in range(ss)]
    n = ss * ss
    for x0, y0, x1, y1, r, c in layers:
        bx0, by0 = int(x0 * scale), int(y0 * scale)
        bx1, by1 = min(size, int(x1 * scale) + 1), min(size, int(y1 * scale) + 1)
        for py in range(by0, by1):
            row = px[py]
            for pxl in range(bx0, bx1):
                hits = 0
                for oy in offs:
                    yy = (py + oy) / scale
                    for ox in offs:
                        if inside_rrect((pxl + ox) / scale, yy, x0, y0, x1, y1, r):
                            hits += 1
                if hits == 0:
                    continue
                a = hits / n
                br, bg, bb, ba = row[pxl]
                ba /= 255.0
                oa = a + ba * (1 - a)
                mix = lambda s, d: (s * a + d * ba * (1 - a)) / oa  # noqa: E731
                row[pxl] = (
                    round(mix(c[0], br)),
                    round(mix(c[1], bg)),
                    round(mix(c[2], bb)),
                    round(oa * 255),
                )
    return px


def png(rows):
    h, w = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)

    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "icon.svg"), "w") as f:
        f.write(svg())
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
        ("apple-touch-icon.png", 180, True),
    ]:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(png(render(size, maskable)))
        print("wrote", name)


if __name__ == "__main__":
    main()
