#!/usr/bin/env bash
# `make bench`: push/pull throughput of 1 GiB against a Python `cryptography` baseline doing the same work, rotate-key
# time at 100 and 10,000 blobs, the `openssl speed` ceiling, the peak RSS of a 2 GiB push and pull, and the cost of one
# command in a large estate against a small one (scripts/bench_scale.py), and acrcmk serve against the reference
# registry (scripts/bench_server.py).
# Takes a few minutes on 2 cores and about 5 GiB of free disk under bench-out/ (removed at the end).
# Usage: scripts/bench.sh <acrcmk-binary>   (sizes and run counts: see the environment variables in bench.py)
set -euo pipefail
ACRCMK=${1:?usage: bench.sh <acrcmk-binary>}
SCRIPTS=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$SCRIPTS")

fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[[ -x "$ACRCMK" ]] || fail "'$ACRCMK' is not an executable acrcmk binary; build it with: make release"
command -v python3 >/dev/null || fail "python3 is missing; install it with: apt-get install python3"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))' || fail "python3 3.9 or newer is needed"
python3 -c 'import cryptography.hazmat.primitives.ciphers.aead' 2>/dev/null \
    || fail "the Python 'cryptography' package is missing; install it with: apt-get install python3-cryptography" \
            "(or python3 -m pip install cryptography)"
command -v openssl >/dev/null || fail "the openssl command is missing (apt-get install openssl)"

mkdir -p "$ROOT/bench-out"
WORK=$(mktemp -d "$ROOT/bench-out/run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
export NO_COLOR=1
unset ACRCMK_HOME
python3 "$SCRIPTS/bench.py" "$ACRCMK" "$WORK"
command -v valgrind >/dev/null || echo "bench: valgrind is missing (apt-get install valgrind): the scale figure falls back to timing"
python3 "$SCRIPTS/bench_scale.py" "$ACRCMK" "$WORK"
if command -v skopeo >/dev/null && command -v docker-registry >/dev/null; then
    python3 "$SCRIPTS/bench_server.py" "$ACRCMK" "$WORK"
else
    echo "bench: skopeo and docker-registry are needed for the registry-server figures (apt-get install skopeo docker-registry)"
fi
