#!/usr/bin/env python3
"""Renders a skillmatch gap report (report.html) in headless Chromium and checks the screenshot.

usage: check_report_render.py SKILLMATCH DATA_DIR WORK_DIR

Runs `skillmatch report` on the sample data, takes a screenshot with Debian's `chromium` and checks
that it is not blank (enough non-white pixels) and that the charts were drawn (the report's demand
orange and supply blue bars are present as solid colours). Exits 77 (CTest's skip code) when no
chromium is installed. Standard library only: the PNG is decoded here.
"""
import os
import shutil
import struct
import subprocess
import sys
import zlib

SKIP = 77


def decode_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise SystemExit(f"{path}: unexpected PNG format (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main():
    skillmatch, data, work = sys.argv[1:4]
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("chromium is not installed (Debian package `chromium`): skipped")
        return SKIP
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, "report")
    subprocess.run([skillmatch, "report", "--jobs", os.path.join(data, "jobs.jsonl"), "--candidates",
                    os.path.join(data, "candidates.jsonl"), "--out", out, "--group", "degree", "--top", "5"], check=True)
    html = os.path.join(out, "report.html")
    shot = os.path.join(work, "report.png")
    if os.path.exists(shot):
        os.remove(shot)
    # Half scale keeps the PNG small enough to decode here in about a second.
    # --virtual-time-budget and --run-all-compositor-stages-before-draw: the shot waits for the page to
    # load and paint (no URL fragment: a scrolled headless shot can come out blank).
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=0.5",
           "--virtual-time-budget=3000", "--run-all-compositor-stages-before-draw",
           "--window-size=1280,3600", f"--user-data-dir={os.path.join(work, 'chromium-profile')}",
           f"--screenshot={shot}", "file://" + os.path.abspath(html)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    width, height, channels, rows = decode_png(shot)
    total = width * height
    non_white = 0
    found = {"demand orange": False, "supply blue": False}
    targets = {"demand orange": (0xe6, 0x55, 0x0d), "supply blue": (0x31, 0x82, 0xbd)}
    for line in rows:
        for x in range(0, width * channels, channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 245 or g < 245 or b < 245:
                non_white += 1
            for name, (tr, tg, tb) in targets.items():
                if abs(r - tr) <= 6 and abs(g - tg) <= 6 and abs(b - tb) <= 6:
                    found[name] = True
    share = non_white / total
    print(f"screenshot {width}x{height}: {100 * share:.1f}% non-white pixels; colours found: {found}")
    if share < 0.02:
        print("FAIL: the screenshot is (nearly) blank")
        return 1
    if not all(found.values()):
        print("FAIL: the charts' bar colours are missing from the screenshot")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
