#!/usr/bin/env python3
"""Every intent of app/core/app/intents.h is applied in a core test without a window
(tests/core/app/): its name followed by a brace, as a test builds one to post it.
Usage: check_intents_tested.py SOURCE_DIR"""
import glob
import os
import re
import sys

root = sys.argv[1]
header = open(os.path.join(root, "app/core/app/intents.h"), encoding="utf-8").read()
variant = header[header.index("using Intent = std::variant<"):]
variant = re.sub(r"//.*", "", variant[len("using Intent = std::variant<"):variant.index(">;")])
intents = re.findall(r"\b([A-Z]\w*)\b", variant)
tests = "".join(open(f, encoding="utf-8").read() for f in glob.glob(os.path.join(root, "tests/core/app/*.[ch]*")))
missing = [name for name in intents if not re.search(r"\b" + name + r"\s*\{", tests)]
if len(intents) < 40:
    sys.exit(f"check_intents_tested: read only {len(intents)} intents from intents.h; has its form changed?")
if missing:
    sys.exit("intents with no core test in tests/core/app/: " + ", ".join(missing))
print(f"{len(intents)} of {len(intents)} intents applied in core tests")
