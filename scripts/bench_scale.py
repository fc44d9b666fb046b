#!/usr/bin/env python3
"""`make bench`, scale: what one command costs in a large estate against a small one.

Builds two state homes with the acrcmk binary itself: a small one (one CMK registry holding a small blob) and a
large one (the same, plus 1,000 registries, 1,000 identities, and the registry's key rotated to 1,000 versions),
then counts the instructions (valgrind callgrind; stable on a noisy machine) of

    acrcmk az acr encryption show -n scalereg
    acrcmk az keyvault key show --vault-name kv-scalereg -n scalereg-cmk
    acrcmk pull scalereg small:v1 OUT

in each and prints large/small. Goal: at most 1.3. Without valgrind it times the median of BENCH_SCALE_RUNS runs
instead (noisier). Usage: bench_scale.py ACRCMK_BINARY WORK_DIR

Environment: BENCH_SCALE_COUNT (registries, identities and key versions in the large home) [1000],
BENCH_SCALE_RUNS (timed runs when valgrind is missing) [9].
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REGISTRY = "scalereg"
GOAL = 1.3
# acrcmk 0.1.0, callgrind instructions of `az acr encryption show`: the whole estate was one JSON document.
BASELINE_0_1 = "0.1.0 (instructions of encryption show): 46.5 M fresh; 120 M with 300 identities and 300 vaults; " \
               "1,194 M after 100 rotations of one key"


def setting(name, default):
    value = int(os.environ.get(name, str(default)))
    if value < 1:
        sys.exit(f"bench_scale.py: {name} must be at least 1")
    return value


class Home:
    def __init__(self, binary, path):
        self.binary, self.path = binary, path

    def command(self, *arguments):
        return [self.binary, "--home", self.path, *arguments]

    def run(self, *arguments):
        result = subprocess.run(self.command(*arguments), capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bench_scale.py: acrcmk {' '.join(arguments)} failed: {result.stderr.strip()}")
        return result.stdout


def make_home(binary, path, count, work):
    home = Home(binary, path)
    home.run("setup", "--registry", REGISTRY, "--rotation", "manual", "-o", "none")
    blob = os.path.join(work, "small.bin")
    with open(blob, "wb") as file:
        file.write(os.urandom(4096))
    home.run("push", REGISTRY, "small:v1", blob, "-o", "none")
    if count == 0:
        return home
    started = time.perf_counter()
    group = f"{REGISTRY}-rg"
    for number in range(count):
        home.run("az", "identity", "create", "-g", group, "-n", f"scale-identity-{number}", "-o", "none")
        home.run("az", "acr", "create", "-g", group, "-n", f"scalefill{number}", "--sku", "Standard", "-o", "none")
    for _ in range(count - 1):
        home.run("az", "keyvault", "key", "rotate", "--vault-name", f"kv-{REGISTRY}", "-n", f"{REGISTRY}-cmk",
                 "-o", "none")
    versions = home.run("az", "keyvault", "key", "list-versions", "--vault-name", f"kv-{REGISTRY}",
                        "-n", f"{REGISTRY}-cmk", "--query", "length(@)", "-o", "tsv").strip()
    registries = home.run("az", "acr", "list", "--query", "length(@)", "-o", "tsv").strip()
    print(f"  built the large home in {time.perf_counter() - started:.0f} s: {registries} registries, "
          f"{count} more identities, {versions} key versions", flush=True)
    return home


def instructions(command):
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench_scale.py: {' '.join(command)} failed under valgrind: {result.stderr[-2000:]}")
    match = re.search(r"Collected : (\d+)", result.stderr)
    if not match:
        sys.exit("bench_scale.py: callgrind printed no instruction count")
    return int(match.group(1))


def median_seconds(command, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(binary, work):
    count = setting("BENCH_SCALE_COUNT", 1000)
    runs = setting("BENCH_SCALE_RUNS", 9)
    print(f"\n== 5. Scale: one command in a home with 1 registry vs {count} registries, {count} identities and "
          f"one key with {count} versions", flush=True)
    small = make_home(binary, os.path.join(work, "scale-small"), 0, work)
    large = make_home(binary, os.path.join(work, "scale-large"), count, work)
    out = os.path.join(work, "scale-pulled.bin")
    commands = {
        "az acr encryption show": ["az", "acr", "encryption", "show", "-n", REGISTRY, "-o", "none"],
        "az keyvault key show": ["az", "keyvault", "key", "show", "--vault-name", f"kv-{REGISTRY}",
                                 "-n", f"{REGISTRY}-cmk", "-o", "none"],
        "acrcmk pull (4 KiB)": ["pull", REGISTRY, "small:v1", out, "-o", "none"],
    }
    use_valgrind = shutil.which("valgrind") is not None
    unit = "instructions (callgrind)" if use_valgrind else f"median seconds of {runs} runs (no valgrind)"
    print(f"  {'command':<26} {'small home':>14} {'large home':>14} {'ratio':>7}   [{unit}]")
    worst = 0.0
    for label, arguments in commands.items():
        figures = []
        for home in (small, large):
            if os.path.exists(out):
                os.remove(out)
            command = home.command(*arguments)
            figures.append(instructions(command) if use_valgrind else median_seconds(command, runs))
        ratio = figures[1] / figures[0]
        worst = max(worst, ratio)
        shown = [f"{value / 1e6:.1f} M" if use_valgrind else f"{value * 1000:.1f} ms" for value in figures]
        print(f"  {label:<26} {shown[0]:>14} {shown[1]:>14} {ratio:>7.2f}", flush=True)
    verdict = "met" if worst <= GOAL else "NOT met"
    print(f"  goal: ratio at most {GOAL} — {verdict} (worst {worst:.2f})")
    print(f"  for comparison, {BASELINE_0_1}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
