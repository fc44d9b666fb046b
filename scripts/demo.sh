#!/usr/bin/env bash
# The main job on a fresh machine: set up a CMK registry, push, rotate, revoke, watch pull fail, recover, check health,
# and write a drill report. Usage: scripts/demo.sh <acrcmk-binary> <state-home>
set -euo pipefail
ACRCMK=${1:?usage: demo.sh <acrcmk-binary> <state-home>}
HOME_DIR=${2:?usage: demo.sh <acrcmk-binary> <state-home>}
rm -rf "$HOME_DIR"
mkdir -p "$HOME_DIR"
export ACRCMK_HOME="$HOME_DIR/state" NO_COLOR=1
say() { printf '\n== %s\n' "$*"; }
run() { printf '$ acrcmk %s\n' "$*"; "$ACRCMK" "$@"; }
has() { "$ACRCMK" help "$1" >/dev/null 2>&1; }

say "1. Set up a Premium registry encrypted with a customer-managed key (the Azure CLI method)"
run setup --registry demoregistry --access rbac --rotation auto

if has push; then
    say "2. Push content: sealed with the platform key, then with the registry's data key"
    head -c 3000000 /dev/urandom > "$HOME_DIR/payload.bin"
    run push demoregistry app:v1 "$HOME_DIR/payload.bin"
    run az acr repository list --name demoregistry -o tsv
fi

say "3. Rotate: a new key version; the data key is re-wrapped, content is not re-encrypted"
run rotate --registry demoregistry --new-version

say "4. Revoke access: remove the identity's role assignment"
run revoke --registry demoregistry --method role-assignment --reason "demo: suspected breach"

say "5. The registry is locked: its data key no longer unwraps"
if has pull; then
    if run pull demoregistry app:v1 "$HOME_DIR/pulled.bin"; then echo "unexpected: pull worked"; exit 1; fi
fi
if run check-health --registry demoregistry; then echo "unexpected: healthy"; exit 1; fi
run az acr encryption show --name demoregistry --query status -o tsv

say "6. Recover: restore what the revocation removed"
run recover --registry demoregistry
if has pull; then
    run pull demoregistry app:v1 "$HOME_DIR/pulled.bin"
    cmp "$HOME_DIR/payload.bin" "$HOME_DIR/pulled.bin" && echo "pulled content is byte-identical"
fi

say "7. Health and status"
run check-health --registry demoregistry
run status

if has drill; then
    say "8. A revocation drill on a scratch copy of the state, with a report"
    run drill --registry demoregistry --method disable-key --report "$HOME_DIR/drill-report.md"
    echo "report: $HOME_DIR/drill-report.md"
fi
say "Done. State home: $ACRCMK_HOME"
