# Sourced by every runbook: az is acrcmk's az surface, as an operator would alias it.
set -uo pipefail
az() { "$ACRCMK" az "$@"; }
acrcmk() { "$ACRCMK" "$@"; }
step() { echo "== $*"; }
fail() { echo "RUNBOOK FAILED: $*"; exit 1; }
expect_fail() { if "$@" 2>/tmp/expect_fail.$$; then fail "expected failure: $*"; fi; cat /tmp/expect_fail.$$; rm -f /tmp/expect_fail.$$; }
healthy() { acrcmk check-health --registry "$1" >/dev/null || fail "$1 should be healthy"; }
locked() { if acrcmk check-health --registry "$1" >/dev/null; then fail "$1 should be locked"; fi; }
