#!/usr/bin/env python3
"""Reads the Google Benchmark JSON files scripts/bench wrote and says, for every target
recorded in docs/performance.md, whether this run met it. Exits 0 either way: a missed
target is reported plainly ("TARGET MISSED"), not hidden.

Usage: bench_targets.py BUILD_DIR
"""
import json
import os
import re
import sys

# (file, benchmark name, what, measure(benchmark) -> value, unit, limit, at most?)
TARGETS = [
    ("bench_deck_load.json", "BM_LoadGeneratedDeck/10000", "load a 10,000-fact deck",
     lambda b: ms(b), "ms", 50.0, True),
    ("bench_deck_load.json", "BM_LoadGeneratedDeck/100000", "load a 100,000-fact deck",
     lambda b: ms(b), "ms", 500.0, True),
    ("bench_deck_load.json", "BM_LoadChronology/100000", "load a 100,000-event chronology, dates in every form",
     lambda b: ms(b), "ms", 500.0, True),
    ("bench_deck_load.json", "BM_ImportChronologyCsv/100000", "import a 100,000-row chronology CSV",
     lambda b: ms(b), "ms", 500.0, True),
    ("bench_deck_load.json", "BM_ImportTableCsv/100000", "import a 100,000-row table (500,000 facts)",
     lambda b: ms(b), "ms", 2500.0, True),
    ("bench_deck_load.json", "BM_ImportXlsx/5000", "import a 5,000-question .xlsx quiz",
     lambda b: ms(b), "ms", 1000.0, True),
    ("bench_deck_load.json", "BM_ImportAnkiPackage/30000", "open a 30,000-note Anki package",
     lambda b: ms(b), "ms", 2000.0, True),
    ("bench_deck_load.json", "BM_ImportAnkiHistory/30000", "bring in a 30,000-note package's 300,000 reviews",
     lambda b: ms(b), "ms", 2000.0, True),
    ("bench_questions.json", "BM_QuestionsSeedDeck", "questions a second, seed deck",
     lambda b: b["items_per_second"], "/s", 100000.0, False),
    ("bench_questions.json", "BM_Questions100kFacts", "time a question, 100,000-fact deck",
     lambda b: ms(b), "ms", 1.0, True),
    ("bench_questions.json", "BM_Questions100kCards", "time a question, 100,000-card deck",
     lambda b: ms(b), "ms", 1.0, True),
    ("bench_questions.json", "BM_Questions100kEnglishCards/iterations:1000",
     "time a question, 100,000 English cards, word classes looked up", lambda b: ms(b), "ms", 1.0, True),
    ("bench_srs.json", "BM_BuildQueue100k", "today's queue over 100,000 cards",
     lambda b: ms(b), "ms", 10.0, True),
    ("bench_srs.json", "BM_ExamPlan5x20k/0", "plan 5 exams over 20,000 cards (today and the forecast)",
     lambda b: ms(b), "ms", 100.0, True),
    ("bench_store.json", "BM_CommitAnswer/iterations:2000", "commit an answer, p99",
     lambda b: b["p99_ms"], "ms", 5.0, True),
    ("bench_live.json", "BM_LiveHall/500/1000/iterations:10/real_time", "a hall of 500 phones answering within a second: answers, p99",
     lambda b: b["answer_p99_ms"], "ms", 50.0, True),
    ("bench_live.json", "BM_LiveHall/500/1000/iterations:10/real_time", "a hall of 500 phones answering within a second: polls, p99",
     lambda b: b["poll_p99_ms"], "ms", 50.0, True),
    ("bench_live.json", "BM_LiveHall/500/1000/iterations:10/real_time", "a hall of 500 phones: requests failed",
     lambda b: b["failures"], "", 0.0, True),
    ("bench_live.json", "BM_LiveHall/500/100/iterations:10/real_time", "500 phones answering within 100 ms: answers, p99",
     lambda b: b["answer_p99_ms"], "ms", 50.0, True),
    ("bench_editor.json", "BM_EditorSaveOneField/100000", "save one changed field of a 100,000-fact deck in the editor",
     lambda b: ms(b), "ms", 200.0, True),
    ("bench_store.json", "BM_OpenLargeStoreForHome", "open a 1,000,000-review store for the home screen",
     lambda b: ms(b), "ms", 100.0, True),
]
UI_FRAME_LIMIT_MS = 1.0


def ms(b, field="real_time"):
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
    return b[field] * scale


def load(build, name):
    """The file's benchmarks by name. A benchmark run several times (Repetitions) is found
    under its plain name by its median, the figure its target is judged by."""
    path = os.path.join(build, name)
    if not os.path.exists(path):
        return None
    runs = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                runs[re.sub(r"/repeats:\d+$", "", b["run_name"])] = b
        else:
            runs[b["name"]] = b
    return runs


def main():
    build = sys.argv[1]
    missed = 0
    print("\ntargets (docs/performance.md):")
    for file, name, what, measure, unit, limit, at_most in TARGETS:
        runs = load(build, file)
        if runs is None or name not in runs:
            print(f"  {what}: not measured in this run (no {name} in {file})")
            continue
        value = measure(runs[name])
        ok = value <= limit if at_most else value >= limit
        missed += not ok
        sign = "<=" if at_most else ">="
        shown = f"{value:,.0f}" if unit == "/s" else f"{value:.3g}"
        print(f"  {what}: {shown} {unit} (target {sign} {limit:,g} {unit}): {'met' if ok else 'TARGET MISSED'}")
    # Only the frame benchmarks (BM_BuildFrame/SCREEN, BM_BuildFrameEditor/CASE) have the frame's target; the suite's
    # picture benchmarks (BM_Browse1000Pictures/iterations:1 ...) are figures, not frames.
    frames = load(build, "ui_frame_bench.json") or {}
    for name, b in sorted(frames.items()):
        parts = name.split("/")
        if parts[0] not in ("BM_BuildFrame", "BM_BuildFrameEditor") or len(parts) < 2:
            continue
        value = ms(b, "cpu_time")  # CPU time a frame, as docs/performance.md records it
        ok = value <= UI_FRAME_LIMIT_MS
        missed += not ok
        print(f"  build a frame, {parts[1]}: {value * 1000:.0f} us (target <= 1 ms): {'met' if ok else 'TARGET MISSED'}")
    print(f"{missed} target(s) of this list missed" if missed else "every target of this list met (the window's are above)")


if __name__ == "__main__":
    main()
