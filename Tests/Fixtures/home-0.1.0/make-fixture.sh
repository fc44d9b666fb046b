#!/usr/bin/env bash
# How home-0.1.0.tar.gz was made: a state home written by acrcmk 0.1.0 (main at 6a0eba7), and what 0.1.0 printed
# about it (expected/). The migration test opens a copy with the current build and compares. Every time rule is
# kept out (manual rotation, nothing soft-deleted, no task runs), so the fixture means the same whenever it runs.
# Usage: make-fixture.sh <acrcmk-0.1.0-binary> <output-folder>
set -euo pipefail
A=${1:?acrcmk 0.1.0 binary}; OUT=${2:?output folder}
W=$(mktemp -d); H=$W/home; trap 'rm -rf "$W"' EXIT
a() { "$A" --home "$H" "$@"; }
a setup --registry fixcmkreg --rotation manual --access rbac >/dev/null
a setup --registry fixpolreg --rotation manual --access policy >/dev/null
a az acr create -n fixplainreg -g fixcmkreg-rg --sku Standard >/dev/null
a az role assignment create --assignee-object-id 11111111-2222-3333-4444-555555555555 \
  --assignee-principal-type ServicePrincipal --role AcrPull \
  --scope "$(a az acr show -n fixcmkreg --query id -o tsv)" >/dev/null
mkdir -p "$W/files"
printf 'fixture marker alpha 0.1.0\n' > "$W/files/alpha.txt"
head -c 1500000 /dev/zero | tr '\0' 'z' > "$W/files/big.bin"
printf 'plain registry content\n' > "$W/files/plain.txt"
a push fixcmkreg team/app:v1 "$W/files/alpha.txt" >/dev/null
a push fixcmkreg team/app:v2 "$W/files/big.bin" >/dev/null
a push fixcmkreg tools/lint:latest "$W/files/alpha.txt" >/dev/null
a push fixpolreg web:1.0 "$W/files/alpha.txt" >/dev/null
a push fixplainreg plain:one "$W/files/plain.txt" >/dev/null
a rotate --registry fixcmkreg --new-version >/dev/null
a revoke --registry fixpolreg --method disable-key --reason "fixture: revoked in 0.1.0" >/dev/null
mkdir -p "$OUT/expected"
a az group list -o json > "$OUT/expected/groups.json"
a az identity list -o json > "$OUT/expected/identities.json"
a az keyvault list -o json > "$OUT/expected/vaults.json"
for v in kv-fixcmkreg kv-fixpolreg; do
  a az keyvault key list --vault-name $v -o json > "$OUT/expected/keys-$v.json"
done
a az keyvault key list-versions --vault-name kv-fixcmkreg --name fixcmkreg-cmk -o json > "$OUT/expected/versions-fixcmkreg.json"
a az role assignment list --all -o json > "$OUT/expected/roles.json"
a az acr list -o json > "$OUT/expected/registries.json"
a az acr repository list -n fixcmkreg -o json > "$OUT/expected/repos-fixcmkreg.json"
a az acr repository show-tags -n fixcmkreg --repository team/app -o json > "$OUT/expected/tags-fixcmkreg-team-app.json"
a az acr repository list -n fixplainreg -o json > "$OUT/expected/repos-fixplainreg.json"
# audit shows only events a diagnostic setting kept; the test compares the table itself.
sqlite3 -separator '|' "$H/state.db" 'SELECT seq, time, vault, operation, result, caller_object_id, caller,
  key_id, detail, registry FROM audit_events ORDER BY seq' > "$OUT/expected/audit-events.txt"
(cd "$W/files" && sha256sum alpha.txt big.bin plain.txt) > "$OUT/expected/files.sha256"
# Every acrcmk process has exited, so the WAL is checkpointed; fold any rest in and archive one file.
sqlite3 "$H/state.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
rm -f "$H"/state.db-shm
tar -C "$W" -czf "$OUT/home-0.1.0.tar.gz" home
