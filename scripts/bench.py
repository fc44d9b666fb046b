#!/usr/bin/env python3
"""`make bench`: acrcmk's push/pull throughput against a careful-script baseline, rotate-key cost at 100 and
10,000 blobs, the `openssl speed` ceiling, and the peak memory of a 2 GiB push and pull.

Run through scripts/bench.sh, which checks the prerequisites and owns the work directory.

Usage: bench.py ACRCMK_BINARY WORK_DIR

Environment (defaults in brackets):
    BENCH_RUNS         timed runs per throughput figure, median quoted [3]
    BENCH_LAYERS       random layers of the throughput image [8]
    BENCH_LAYER_MIB    MiB per layer [128]
    BENCH_ROTATE_RUNS  timed rotate-key runs per registry [5]
    BENCH_MANY_BLOBS   blobs in the large rotate-key registry [10000]
    BENCH_BIG_MIB      size of the peak-memory blob, MiB [2048]
"""

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REGISTRY = "benchreg"
MIB = 1 << 20
MEMORY_TARGET_MIB = 64


def setting(name, default):
    value = os.environ.get(name, str(default))
    try:
        number = int(value)
    except ValueError:
        sys.exit(f"bench.py: {name}={value!r} is not a whole number")
    if number < 1:
        sys.exit(f"bench.py: {name} must be at least 1")
    return number


class Runner:
    """Runs commands as whole processes and times them; `measure` also reports the peak RSS.

    Peak RSS comes from /usr/bin/time (GNU time's %M) when it is installed, else from sampling VmHWM in
    /proc/PID/status. Not from os.wait4: on Linux a child's ru_maxrss starts at its parent's high-water mark (the
    mm it was forked or vforked from is accounted at exec), and this driver holds 128 MiB layers in memory.
    """

    GNU_TIME = "/usr/bin/time"

    def __init__(self, work):
        self.log = os.path.join(work, "commands.log")
        self.rss_file = os.path.join(work, "peak-rss.txt")

    def run(self, command):
        """Runs `command` after flushing dirty pages (so one run's writeback does not land in the next run's
        time) and returns its wall seconds; exits on failure."""
        os.sync()
        return self.execute(command, sample=False)[0]

    def measure(self, command):
        """Like `run`, and also returns the command's peak RSS in bytes."""
        os.sync()
        if os.access(self.GNU_TIME, os.X_OK):
            wall, _ = self.execute([self.GNU_TIME, "-f", "%M", "-o", self.rss_file, *command], sample=False)
            with open(self.rss_file) as file:
                return wall, int(file.read().split()[-1]) * 1024  # %M is in KiB.
        return self.execute(command, sample=True)

    def execute(self, command, sample):
        with open(self.log, "ab") as log:
            log.write(("$ " + " ".join(command) + "\n").encode())
            log.flush()
            start = time.perf_counter()
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            peak = 0
            while sample and process.poll() is None:
                peak = max(peak, self.high_water_mark(process.pid))
                time.sleep(0.01)
            process.wait()
            wall = time.perf_counter() - start
        if process.returncode != 0:
            sys.exit(f"bench.py: this command failed with exit code {process.returncode}:\n  {' '.join(command)}\n"
                     f"its output is at the end of {self.log}:\n{self.tail()}")
        return wall, peak

    @staticmethod
    def high_water_mark(pid):
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError):
            pass
        return 0

    def tail(self):
        with open(self.log, "rb") as log:
            return log.read()[-2000:].decode(errors="replace")


class Layout:
    """Writes an OCI image layout: one manifest tagged `v1`, a config and the given layers."""

    def __init__(self, root):
        self.root = root
        self.blobs = os.path.join(root, "blobs", "sha256")
        os.makedirs(self.blobs)

    def put(self, data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(self.blobs, digest), "wb") as file:
            file.write(data)
        return {"digest": "sha256:" + digest, "size": len(data)}

    def finish(self, layers):
        config = self.put(b'{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}')
        manifest = json.dumps({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": dict(mediaType="application/vnd.oci.image.config.v1+json", **config),
            "layers": [dict(mediaType="application/vnd.oci.image.layer.v1.tar", **layer) for layer in layers],
        }, separators=(",", ":")).encode()
        descriptor = dict(mediaType="application/vnd.oci.image.manifest.v1+json", **self.put(manifest))
        descriptor["annotations"] = {"org.opencontainers.image.ref.name": "v1"}
        with open(os.path.join(self.root, "index.json"), "w") as file:
            json.dump({"schemaVersion": 2, "manifests": [descriptor]}, file)
        with open(os.path.join(self.root, "oci-layout"), "w") as file:
            file.write('{"imageLayoutVersion":"1.0.0"}')


class Bench:
    def __init__(self, acrcmk, work):
        self.acrcmk = acrcmk
        self.work = work
        self.runner = Runner(work)
        self.baseline = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench_baseline.py")
        self.runs = setting("BENCH_RUNS", 3)
        self.layers = setting("BENCH_LAYERS", 8)
        self.layer_mib = setting("BENCH_LAYER_MIB", 128)
        self.rotate_runs = setting("BENCH_ROTATE_RUNS", 5)
        self.many_blobs = setting("BENCH_MANY_BLOBS", 10000)
        self.big_mib = setting("BENCH_BIG_MIB", 2048)
        self.summary = []

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def tool(self, home, *arguments):
        return [self.acrcmk, "--home", home, *arguments]

    def fresh_home(self, home):
        shutil.rmtree(home, ignore_errors=True)
        self.runner.run(self.tool(home, "setup", "--registry", REGISTRY, "-o", "none"))
        return home

    @staticmethod
    def remove(*paths):
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    def note(self, line):
        print("  " + line, flush=True)
        self.summary.append(line)

    # 1. Throughput

    def throughput(self):
        total = self.layers * self.layer_mib * MIB
        print(f"\n== 1. push/pull of {total / MIB:.0f} MiB: an OCI layout of {self.layers} random layers x "
              f"{self.layer_mib} MiB; median of {self.runs} runs after a warm-up, acrcmk and baseline alternating",
              flush=True)
        layout = Layout(self.path("image"))
        layers = [layout.put(os.urandom(self.layer_mib * MIB)) for _ in range(self.layers)]
        layout.finish(layers)
        home, sealed = self.path("home"), self.path("baseline-sealed")
        pulled, opened = self.path("pulled"), self.path("baseline-opened")
        times = {name: [] for name in ("acrcmk push", "baseline push", "acrcmk pull", "baseline pull")}
        def record(name, command, run):
            seconds = self.runner.run(command)
            if run > 0:  # Run 0 is an uncounted warm-up.
                times[name].append(seconds)

        for run in range(self.runs + 1):
            self.fresh_home(home)
            record("acrcmk push", self.tool(home, "push", REGISTRY, "bench/data:v1", layout.root, "-o", "none"), run)
            self.remove(sealed)
            record("baseline push", ["python3", self.baseline, "push", layout.root, sealed], run)
        for run in range(self.runs + 1):
            self.remove(pulled)
            record("acrcmk pull", self.tool(home, "pull", REGISTRY, "bench/data:v1", pulled, "-o", "none"), run)
            self.remove(opened)
            record("baseline pull", ["python3", self.baseline, "pull", sealed, opened], run)
        self.check_same_blobs(layout.blobs, os.path.join(pulled, "blobs", "sha256"))
        self.check_same_blobs(layout.blobs, opened)
        for name, samples in times.items():
            rate = total / MIB / statistics.median(samples)
            spread = ", ".join(f"{sample:.2f}" for sample in samples)
            print(f"  {name:<14} {rate:8.1f} MiB/s   (median {statistics.median(samples):.2f} s of {spread})")
        for direction in ("push", "pull"):
            ours, theirs = times[f"acrcmk {direction}"], times[f"baseline {direction}"]
            ratio = statistics.median(theirs) / statistics.median(ours)
            pairs = sorted(b / a for a, b in zip(ours, theirs))
            verdict = "meets" if ratio >= 1.0 else "BELOW"
            self.note(f"{direction} ratio acrcmk/baseline: {ratio:.2f}  (pairwise {pairs[0]:.2f}..{pairs[-1]:.2f}; "
                      f"{verdict} target >= 1.0; acrcmk {total / MIB / statistics.median(ours):.0f} MiB/s, "
                      f"baseline {total / MIB / statistics.median(theirs):.0f} MiB/s)")
        self.remove(home, sealed, pulled, opened)
        return layout

    @staticmethod
    def check_same_blobs(expected, actual):
        """Every pulled blob is named by its digest and has the source's size (acrcmk and the baseline both
        verified the SHA-256 of what they wrote)."""
        for name in os.listdir(expected):
            source, copy = os.path.join(expected, name), os.path.join(actual, name)
            if not os.path.isfile(copy) or os.path.getsize(copy) != os.path.getsize(source):
                sys.exit(f"bench.py: the pull wrote no correct copy of {name} in {actual}")

    # 2. Rotation

    def rotation(self):
        print(f"\n== 2. az acr encryption rotate-key (after az keyvault key rotate) with 100 and {self.many_blobs} "
              f"blobs; median of {self.rotate_runs} runs", flush=True)
        homes = {count: self.registry_with_blobs(count) for count in (100, self.many_blobs)}
        times = {count: [] for count in homes}
        for _ in range(self.rotate_runs):
            for count, home in homes.items():
                self.runner.run(self.tool(home, "az", "keyvault", "key", "rotate", "--vault-name", f"kv-{REGISTRY}",
                                          "--name", f"{REGISTRY}-cmk", "-o", "none"))
                times[count].append(self.runner.run(self.tool(home, "az", "acr", "encryption", "rotate-key",
                                                              "--name", REGISTRY, "-o", "none")))
        for count, home in homes.items():
            self.check_rotated(home)
            self.check_openable(home)
        medians = {count: statistics.median(samples) for count, samples in times.items()}
        for count, samples in times.items():
            spread = ", ".join(f"{sample * 1000:.0f}" for sample in samples)
            print(f"  {count:>6} blobs: {medians[count] * 1000:6.1f} ms   (of {spread} ms)")
        ratio = medians[self.many_blobs] / medians[100]
        verdict = "flat" if ratio < 1.5 else "GROWS with the blob count"
        self.note(f"rotate-key: {medians[100] * 1000:.0f} ms at 100 blobs, {medians[self.many_blobs] * 1000:.0f} ms "
                  f"at {self.many_blobs} blobs, ratio {ratio:.2f} ({verdict})")
        self.remove(*homes.values())

    def registry_with_blobs(self, count):
        """A CMK registry holding `count` sealed blobs: one image, a config and `count - 1` small random layers,
        pushed as one OCI layout. The push runs on tmpfs when there is one (its thousands of fsyncs are what
        makes it slow on disk, and they are not what is measured) and the state home is then copied to disk."""
        source = self.path(f"image-{count}")
        layout = Layout(source)
        layout.finish([layout.put(os.urandom(256)) for _ in range(count - 1)])
        home = self.path(f"home-{count}")
        scratch = tempfile.mkdtemp(prefix="acrcmk-bench-", dir="/dev/shm") if os.access("/dev/shm", os.W_OK) else None
        try:
            build = os.path.join(scratch, "home") if scratch else home
            self.fresh_home(build)
            started = time.perf_counter()
            self.runner.run(self.tool(build, "push", REGISTRY, "bench/many:v1", source, "-o", "none"))
            built = time.perf_counter() - started
            if scratch:
                shutil.copytree(build, home, symlinks=True)
        finally:
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)
        self.remove(source)
        objects = sum(len(files) for _, _, files in os.walk(os.path.join(home, "registry", "blobs")))
        # The objects are the blobs plus the manifest.
        if objects != count + 1:
            sys.exit(f"bench.py: the registry built for {count} blobs holds {objects} sealed objects, not {count + 1}")
        where = "tmpfs, then copied to disk" if scratch else "disk"
        print(f"  built a registry of {count} blobs + 1 manifest ({objects} sealed objects) in {built:.1f} s "
              f"({where})", flush=True)
        return home

    def check_rotated(self, home):
        """The registry now wraps its data key with the key's newest version."""
        def query(*arguments):
            return subprocess.run(self.tool(home, *arguments, "-o", "tsv"), capture_output=True, text=True,
                                  check=True).stdout.strip()
        newest = query("az", "keyvault", "key", "show", "--vault-name", f"kv-{REGISTRY}", "--name",
                       f"{REGISTRY}-cmk", "--query", "key.kid")
        wrapped_with = query("az", "acr", "encryption", "show", "--name", REGISTRY, "--query",
                             "keyVaultProperties.versionedKeyIdentifier")
        if not newest or wrapped_with != newest:
            sys.exit(f"bench.py: after rotate-key {home} wraps its data key with {wrapped_with!r}, not the newest "
                     f"key version {newest!r}")

    def check_openable(self, home):
        """The re-wrapped data key still opens every sealed object: fsck decrypts and re-hashes them all."""
        self.runner.run(self.tool(home, "fsck", "-o", "none"))

    # 3. Ceiling

    def ceiling(self):
        print("\n== 3. openssl speed (one core, largest block size) as the ceiling", flush=True)
        figures = {}
        for algorithm in ("aes-256-gcm", "sha256"):
            output = subprocess.run(["openssl", "speed", "-evp", algorithm, "-seconds", "1", "-mr"],
                                    capture_output=True, text=True, check=True).stdout
            sizes = next(line for line in output.splitlines() if line.startswith("+H:")).split(":")[1:]
            rates = next(line for line in output.splitlines() if line.startswith("+F:")).split(":")[3:]
            figures[algorithm] = (int(sizes[-1]), float(rates[-1]) / MIB)  # -mr reports bytes per second.
        (aes_block, aes), (sha_block, sha) = figures["aes-256-gcm"], figures["sha256"]
        blocks = f"{aes_block}-byte blocks" if aes_block == sha_block else f"{aes_block}/{sha_block}-byte blocks"
        self.note(f"openssl speed: AES-256-GCM {aes:.0f} MiB/s, SHA-256 {sha:.0f} MiB/s ({blocks})")
        print(f"  two GCM layers on one core: {aes / 2:.0f} MiB/s; with SHA-256 on the other core the CPU ceiling "
              f"is {min(aes / 2, sha):.0f} MiB/s (before any disk I/O)")

    # 4. Peak memory

    def memory(self, layout):
        size = self.big_mib * MIB
        print(f"\n== 4. peak RSS of a {self.big_mib} MiB push and pull (one file, one blob)", flush=True)
        big = self.path("big.bin")
        layers = [os.path.join(layout.blobs, name) for name in sorted(os.listdir(layout.blobs))
                  if os.path.getsize(os.path.join(layout.blobs, name)) >= MIB]
        with open(big, "wb") as output:
            written = 0
            while written < size:  # Reuses the random layers already written (and cached) for section 1.
                for name in layers:
                    with open(name, "rb") as piece:
                        while written < size and (chunk := piece.read(min(16 * MIB, size - written))):
                            output.write(chunk)
                            written += len(chunk)
                if not layers:
                    chunk = os.urandom(min(16 * MIB, size - written))
                    output.write(chunk)
                    written += len(chunk)
        self.remove(layout.root)
        home, pulled = self.fresh_home(self.path("home-big")), self.path("big-pulled.bin")
        results = {}
        results["push"] = self.runner.measure(self.tool(home, "push", REGISTRY, "bench/big:v1", big, "-o", "none"))
        os.unlink(big)
        results["pull"] = self.runner.measure(self.tool(home, "pull", REGISTRY, "bench/big:v1", pulled, "-o", "none"))
        if os.path.getsize(pulled) != size:
            sys.exit(f"bench.py: the {self.big_mib} MiB pull wrote {os.path.getsize(pulled)} bytes")
        os.unlink(pulled)
        self.remove(home)
        how = "GNU time %M" if os.access(Runner.GNU_TIME, os.X_OK) else "VmHWM sampled every 10 ms"
        print(f"  peak RSS measured with {how}")
        for direction, (wall, peak) in results.items():
            verdict = "meets" if peak < MEMORY_TARGET_MIB * MIB else "ABOVE"
            self.note(f"{self.big_mib} MiB {direction}: peak RSS {peak / MIB:.1f} MiB ({verdict} target "
                      f"< {MEMORY_TARGET_MIB} MiB), {size / MIB / wall:.0f} MiB/s")

    def main(self):
        try:
            import cryptography
            cryptography_version = cryptography.__version__
        except ImportError:
            cryptography_version = "missing"
        openssl = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
        print(f"acrcmk bench: {self.acrcmk}\n  {os.cpu_count()} CPUs; {openssl}; Python {sys.version.split()[0]} "
              f"with cryptography {cryptography_version}; work dir {self.work}", flush=True)
        started = time.perf_counter()
        layout = self.throughput()
        self.rotation()
        self.ceiling()
        self.memory(layout)
        print(f"\n== Summary ({time.perf_counter() - started:.0f} s)")
        for line in self.summary:
            print("  " + line)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    Bench(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])).main()
