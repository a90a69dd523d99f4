#!/usr/bin/env python3
"""Feeds scripts/bench_targets.py a build folder of made-up benchmark results and checks that
each benchmark is matched to its own target by name: a picture benchmark run once
("BM_Browse1000Pictures/iterations:1", 1.4 s) is no frame, a frame over 1 ms is a missed
target, and the live hall's p99 is read from its counter.
Usage: check_bench_targets.py SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

root = sys.argv[1]
with tempfile.TemporaryDirectory() as build:
    def write(name, benchmarks):
        with open(os.path.join(build, name), "w") as f:
            json.dump({"benchmarks": benchmarks}, f)
    write("ui_frame_bench.json", [
        {"name": "BM_Browse1000Pictures/iterations:1", "real_time": 1382510, "cpu_time": 1382510, "time_unit": "us"},
        {"name": "BM_BuildFrame/home", "real_time": 420, "cpu_time": 400, "time_unit": "us"},
        {"name": "BM_BuildFrame/stats", "real_time": 1500, "cpu_time": 1400, "time_unit": "us"},
    ])
    write("bench_live.json", [
        {"name": "BM_LiveHall/500/1000/iterations:10/real_time", "real_time": 999, "cpu_time": 40, "time_unit": "ms",
         "answer_p99_ms": 0.4, "poll_p99_ms": 75.0, "failures": 0},
    ])
    out = subprocess.run([sys.executable, os.path.join(root, "scripts/bench_targets.py"), build],
                         capture_output=True, text=True, check=True).stdout
problems = []
if "Browse1000" in out or "iterations:1:" in out or "1382510" in out:
    problems.append("a picture benchmark was read as a frame")
if "build a frame, home: 400 us (target <= 1 ms): met" not in out:
    problems.append("the home frame was not matched to its target")
if "build a frame, stats: 1400 us (target <= 1 ms): TARGET MISSED" not in out:
    problems.append("a slow frame was not reported missed")
if "answers, p99: 0.4 ms (target <= 50 ms): met" not in out:
    problems.append("the hall's answer p99 was not read from its counter")
if "polls, p99: 75 ms (target <= 50 ms): TARGET MISSED" not in out:
    problems.append("the hall's slow polls were not reported missed")
if problems:
    sys.exit("bench_targets.py: " + "; ".join(problems) + "\n--- its output:\n" + out)
print("bench_targets.py matches each benchmark to its target by name")
