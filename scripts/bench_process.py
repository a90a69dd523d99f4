#!/usr/bin/env python3
"""Whole-process benchmarks of the FactDeck window (run by scripts/bench under Xvfb).

For factdeck and for the bare GLFW + ImGui window it measures:
  first frame  wall time from exec to the first frame drawn (the program prints the
               wall-clock time after glFinish; we note the time just before exec), median
               of --runs runs;
  idle CPU     user+system CPU over --idle-seconds with the window open and no input,
               after a 2 s settle, as a percentage of one core;
  peak RSS     VmHWM of the idle run, and /usr/bin/time -v's maximum RSS of a
               first-frame run.
"""
import argparse
import os
import re
import signal
import statistics
import subprocess
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def first_frame_run(cmd):
    """Returns (seconds to first frame, max RSS in MB from /usr/bin/time -v)."""
    with tempfile.NamedTemporaryFile(mode="r") as report:
        start = time.time()
        out = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + cmd +
                             ["--report-first-frame", "--quit-after-frames", "1"],
                             capture_output=True, text=True, check=True).stdout
        shown = float(re.search(r"first-frame ([0-9.]+)", out).group(1))
        rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read()).group(1))
    return shown - start, rss_kb / 1024.0


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def idle_run(cmd, seconds):
    """Returns (idle CPU % of one core, VmHWM in MB)."""
    proc = subprocess.Popen(cmd + ["--report-first-frame"], stdout=subprocess.PIPE, text=True)
    while True:  # until the first frame is up (a live room prints its join line first)
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{cmd[0]} ended before its first frame")
        if line.startswith("first-frame"):
            break
    time.sleep(2.0)
    before = cpu_seconds(proc.pid)
    time.sleep(seconds)
    after = cpu_seconds(proc.pid)
    hwm_kb = int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{proc.pid}/status").read()).group(1))
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)
    return 100.0 * (after - before) / seconds, hwm_kb / 1024.0


def verdict(ok):
    return "met" if ok else "TARGET MISSED"


def measure(cmd, runs, idle_seconds):
    """First frame (median and min of `runs`, ms), /usr/bin/time -v's max RSS, idle CPU and VmHWM."""
    first_frame_run(cmd)  # warm the page cache and font caches
    frames = [first_frame_run(cmd) for _ in range(runs)]
    idle_cpu, hwm = idle_run(cmd, idle_seconds)
    return {
        "first": statistics.median(r[0] for r in frames) * 1000,
        "first_min": min(r[0] for r in frames) * 1000,
        "rss_time": statistics.median(r[1] for r in frames),
        "idle": idle_cpu,
        "hwm": hwm,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()

    # Peak memory at the window's default size and at a full-HD one: the framebuffers (and
    # what the driver keeps per pixel) grow with the window for both programs alike.
    for size in ("1280x800", "1920x1080"):
        data_dir = tempfile.mkdtemp(prefix="factdeck-bench-")  # the home screen lists both bundled decks
        programs = {
            "bare window": [os.path.join(args.build, "bench_bare_window"), "--size", size],
            "factdeck": [os.path.join(args.build, "factdeck"), "--data-dir", data_dir, "--size", size],
        }
        results = {name: measure(cmd, args.runs, args.idle_seconds) for name, cmd in programs.items()}

        print(f"\nwindow {size}")
        print(f"{'program':<14}{'first frame (median, min)':>28}{'idle CPU':>10}{'peak RSS idle':>15}{'max RSS (time -v)':>19}")
        for name, r in results.items():
            print(f"{name:<14}{r['first']:>17.1f} ms {r['first_min']:>6.1f} ms{r['idle']:>9.2f}%{r['hwm']:>12.1f} MB{r['rss_time']:>16.1f} MB")
        bare, app = results["bare window"], results["factdeck"]
        ratio, extra = app['first'] / bare['first'], app['hwm'] - bare['hwm']
        print(f"first frame at {size}: {ratio:.2f}x the bare window (target <= 1.5x): {verdict(ratio <= 1.5)}")
        print(f"idle CPU at {size}: {app['idle']:.2f}% of one core (target <= 1%): {verdict(app['idle'] <= 1.0)}")
        print(f"peak RSS at {size}: bare + {extra:.1f} MB (target <= +15 MB): {verdict(extra <= 15.0)}")

    # The live game's host screen, idle with a room open (sample phones on loopback): the
    # lobby, and a question counting down while it waits for answers.
    for screen in ("live-lobby", "live-question"):
        idle_cpu, _ = idle_run([os.path.join(args.build, "factdeck"), "--data-dir", tempfile.mkdtemp(prefix="factdeck-bench-"),
                                "--screen", screen], args.idle_seconds)
        print(f"idle CPU, {screen}: {idle_cpu:.2f}% of one core (target <= 0.5%): {verdict(idle_cpu <= 0.5)}")


if __name__ == "__main__":
    main()
