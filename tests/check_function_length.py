#!/usr/bin/env python3
"""No function in app/ is longer than 150 lines (from its opening brace to its closing one).
Reads the sources as text: comments, strings and characters are blanked, then each brace
block directly inside a namespace, class or the file, whose opening follows a parameter list
")" (with const, override, noexcept or a trailing return type between), is a function body.
Usage: check_function_length.py SOURCE_DIR [LIMIT]"""
import glob
import os
import re
import sys

root = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 150


def blank(text):
    """Comments, string and character literals replaced by spaces; line breaks kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (j + 1 - i)); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)


FUNCTION_TAIL = re.compile(r"\)\s*(const|override|final|noexcept|mutable|->\s*[\w:<>,\s&*]+|\s)*$")
CONTAINER = re.compile(r"\b(namespace|class|struct|union|enum)\b[^;{}()]*$")
long_ones = []
for path in sorted(glob.glob(os.path.join(root, "app/**/*.cpp"), recursive=True) +
                   glob.glob(os.path.join(root, "app/**/*.h"), recursive=True)):
    text = blank(open(path, encoding="utf-8").read())
    stack = []  # per open brace: (kind, line, offset)
    line, last = 1, 0
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            before = text[last:i]
            head = text[max(0, i - 400):i]
            outer = all(kind == "container" for kind, _, _ in stack)
            if CONTAINER.search(head.split(";")[-1].split("}")[-1]):
                kind = "container"
            elif outer and FUNCTION_TAIL.search(head) and not re.search(r"\b(if|for|while|switch|catch)\s*\([^;{}]*\)\s*$", head):
                kind = "function"
            else:
                kind = "block"
            stack.append((kind, line, i))
            last = i + 1
        elif c == "}":
            if stack:
                kind, start, _ = stack.pop()
                if kind == "function" and line - start + 1 > limit:
                    long_ones.append(f"{os.path.relpath(path, root)}:{start}: a function of {line - start + 1} lines")
            last = i + 1
        elif c == ";":
            last = i + 1
if long_ones:
    sys.exit(f"functions over {limit} lines:\n" + "\n".join(long_ones))
print(f"no function in app/ over {limit} lines")
