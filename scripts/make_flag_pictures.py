#!/usr/bin/env python3
"""Draws the flags of the demonstration deck questions/flags-of-europe.toml as PNG files.

Each flag is drawn from its design (stripes, crosses and their proportions) by the code
below, so the pictures are FactDeck's own work and free of rights (CC0). Colours are close
to each flag's official ones. Run it again after changing a design:

    python3 scripts/make_flag_pictures.py questions/flags-of-europe
"""
import struct
import sys
import zlib
from pathlib import Path

WIDTH = 300


def png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # no filter
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))
    Path(path).write_bytes(data)


def rgb(hex_colour):
    return bytes(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def stripes(colours, vertical, ratio):
    height = round(WIDTH * ratio)
    cs = [rgb(c) for c in colours]
    def pixel(x, y):
        return cs[min(len(cs) - 1, (x * len(cs)) // WIDTH if vertical else (y * len(cs)) // height)]
    return height, pixel


def nordic(field, cross, ratio, units_w, units_h, cross_at, cross_w, inner=None, inner_w=0):
    """A Nordic cross: `units_w` x `units_h` units, the vertical bar starting `cross_at`
    units from the hoist, `cross_w` units wide; an optional inner cross of `inner_w`."""
    height = round(WIDTH * ratio)
    f, c = rgb(field), rgb(cross)
    i = rgb(inner) if inner else None
    def pixel(x, y):
        ux, uy = x * units_w / WIDTH, y * units_h / height
        centre_y = units_h / 2
        if i is not None:
            ix0 = cross_at + (cross_w - inner_w) / 2
            if ix0 <= ux < ix0 + inner_w or abs(uy - centre_y) < inner_w / 2:
                return i
        if cross_at <= ux < cross_at + cross_w or abs(uy - centre_y) < cross_w / 2:
            return c
        return f
    return height, pixel


FLAGS = {
    "france": stripes(["#0055A4", "#FFFFFF", "#EF4135"], True, 2 / 3),
    "italy": stripes(["#009246", "#FFFFFF", "#CE2B37"], True, 2 / 3),
    "ireland": stripes(["#169B62", "#FFFFFF", "#FF883E"], True, 1 / 2),
    "belgium": stripes(["#000000", "#FDDA24", "#EF3340"], True, 13 / 15),
    "romania": stripes(["#002B7F", "#FCD116", "#CE1126"], True, 2 / 3),
    "germany": stripes(["#000000", "#DD0000", "#FFCE00"], False, 3 / 5),
    "netherlands": stripes(["#AE1C28", "#FFFFFF", "#21468B"], False, 2 / 3),
    "luxembourg": stripes(["#EF3340", "#FFFFFF", "#00A3E0"], False, 3 / 5),
    "austria": stripes(["#C8102E", "#FFFFFF", "#C8102E"], False, 2 / 3),
    "hungary": stripes(["#CE2939", "#FFFFFF", "#477050"], False, 1 / 2),
    "bulgaria": stripes(["#FFFFFF", "#00966E", "#D62612"], False, 3 / 5),
    "lithuania": stripes(["#FDB913", "#006A44", "#C1272D"], False, 3 / 5),
    "estonia": stripes(["#0072CE", "#000000", "#FFFFFF"], False, 7 / 11),
    "poland": stripes(["#FFFFFF", "#DC143C"], False, 5 / 8),
    "ukraine": stripes(["#0057B7", "#FFD700"], False, 2 / 3),
    "sweden": nordic("#006AA7", "#FECC02", 5 / 8, 16, 10, 5, 2),
    "finland": nordic("#FFFFFF", "#002F6C", 11 / 18, 18, 11, 5, 3),
    "denmark": nordic("#C8102E", "#FFFFFF", 28 / 37, 37, 28, 12, 4),
    "norway": nordic("#BA0C2F", "#FFFFFF", 8 / 11, 22, 16, 6, 4, "#00205B", 2),
    "iceland": nordic("#02529C", "#FFFFFF", 18 / 25, 25, 18, 7, 4, "#DC1E35", 2),
}

if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "questions/flags-of-europe")
    out.mkdir(parents=True, exist_ok=True)
    for name, (height, pixel) in FLAGS.items():
        png(out / f"{name}.png", WIDTH, height, pixel)
    print(f"wrote {len(FLAGS)} flags to {out}")
