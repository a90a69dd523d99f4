#!/usr/bin/env python3
"""Every source file in app/ over 1,000 lines opens with an exact section index: one
"// [SECTION] Name: what it holds" line per section, in the order the file's section markers
("// [SECTION] Name ----") come, and no other. A reader finds any part by searching its name.
Usage: check_section_index.py SOURCE_DIR"""
import glob
import os
import re
import sys

root = sys.argv[1]
problems = []
files = sorted(glob.glob(os.path.join(root, "app/**/*.cpp"), recursive=True) +
               glob.glob(os.path.join(root, "app/**/*.h"), recursive=True))
for path in files:
    lines = open(path, encoding="utf-8").read().splitlines()
    if len(lines) <= 1000:
        continue
    name = os.path.relpath(path, root)
    index, markers = [], []
    for number, line in enumerate(lines, 1):
        m = re.match(r"\s*// \[SECTION\] (.+?)\s*-{4,}\s*$", line)
        if m:
            markers.append(m.group(1))
            continue
        m = re.match(r"\s*// \[SECTION\] ([^:]+):", line)
        if m and not markers and number <= 40:
            index.append(m.group(1).strip())
    if not markers:
        problems.append(f"{name}: {len(lines)} lines and no section markers")
    elif index != markers:
        problems.append(f"{name}: the index at the top lists {index}, the sections are {markers}")
if problems:
    sys.exit("\n".join(problems))
print("every file in app/ over 1,000 lines has an exact section index")
