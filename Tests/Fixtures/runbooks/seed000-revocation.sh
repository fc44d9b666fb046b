# Seed 000: revocation methods 1-4, the scenarios' commands, and every recovery procedure.
source "$(dirname "$0")/common.sh"
set -e
acrcmk config set keyvault.rbac-by-default false >/dev/null
az group create --name rg --location eastus >/dev/null
az identity create --resource-group rg --name id1 >/dev/null
identityID=$(az identity show --resource-group rg --name id1 --query id -o tsv)
PID=$(az identity show --resource-group rg --name id1 --query principalId -o tsv)
az keyvault create --name kv1 --resource-group rg --enable-purge-protection >/dev/null
az keyvault set-policy --resource-group rg --name kv1 --object-id $PID --key-permissions get unwrapKey wrapKey >/dev/null
az keyvault key create --name k1 --vault-name kv1 >/dev/null
az acr create --resource-group rg --name regone --identity $identityID \
  --key-encryption-key https://kv1.vault.azure.net/keys/k1 --sku Premium >/dev/null
healthy regone

step "method 1: remove the access policy"
az keyvault delete-policy \
  --resource-group rg \
  --name kv1 \
  --object-id $PID >/dev/null
locked regone
az acr show --name regone --query name -o tsv
az acr encryption show --name regone --query status -o tsv
step "recovery: restore the access policy"
az keyvault set-policy \
  --resource-group rg \
  --name kv1 \
  --object-id $PID \
  --key-permissions get unwrapKey wrapKey >/dev/null
az acr encryption show --name regone >/dev/null
healthy regone

step "scenario 1 step 1 captures the identity's client id, which delete-policy does not match"
identityPrincipalID=$(az acr encryption show \
  --name regone \
  --query 'keyVaultProperties.identity' --output tsv)
expect_fail az keyvault delete-policy --resource-group rg --name kv1 --object-id $identityPrincipalID
healthy regone

step "method 3: delete the key"
az keyvault key delete \
  --name k1 \
  --vault-name kv1 --query recoveryId -o tsv
locked regone
az keyvault key list-deleted --vault-name kv1 --query '[].name' -o tsv
step "method 4 under purge protection: refused"
expect_fail az keyvault key purge --name k1 --vault-name kv1
step "recovery: recover the soft-deleted key"
az keyvault key recover \
  --name k1 \
  --vault-name kv1 >/dev/null
healthy regone

step "vault deleted and recovered"
az keyvault delete --name kv1 --resource-group rg
locked regone
az keyvault list-deleted --query '[].name' -o tsv
az keyvault recover --name kv1 >/dev/null
healthy regone

step "method 4 without purge protection: the key is destroyed for good"
az keyvault create --name kv2 --resource-group rg >/dev/null
az keyvault set-policy --resource-group rg --name kv2 --object-id $PID --key-permissions get unwrapKey wrapKey >/dev/null
az keyvault key create --name k2 --vault-name kv2 >/dev/null
az acr create --resource-group rg --name regtwo --identity $identityID \
  --key-encryption-key https://kv2.vault.azure.net/keys/k2 --sku Premium >/dev/null
az keyvault key delete --name k2 --vault-name kv2 >/dev/null
az keyvault key purge \
  --name k2 \
  --vault-name kv2
locked regtwo
expect_fail az keyvault key recover --name k2 --vault-name kv2
if acrcmk recover --registry regtwo; then fail "a purged key cannot be recovered"; fi

step "method 2 on an RBAC vault"
az keyvault create --name kv3 --resource-group rg --enable-purge-protection --enable-rbac-authorization true >/dev/null
KV3=$(az keyvault show --name kv3 --query id -o tsv)
az role assignment create --assignee $PID --role "Key Vault Crypto Service Encryption User" --scope $KV3 >/dev/null
az keyvault key create --name k3 --vault-name kv3 >/dev/null
az acr create --resource-group rg --name regthree --identity $identityID \
  --key-encryption-key https://kv3.vault.azure.net/keys/k3 --sku Premium >/dev/null
az role assignment list \
  --scope $KV3 \
  --assignee $PID --query '[].roleDefinitionName' -o tsv
az role assignment delete \
  --assignee $PID \
  --role "Key Vault Crypto Service Encryption User" \
  --scope $KV3
locked regthree
az role assignment create --assignee $PID --role "Key Vault Crypto Service Encryption User" --scope $KV3 >/dev/null
healthy regthree
step "scenario 3: decommissioning ends with deleting the registry"
az acr delete --name regtwo --resource-group rg --yes
expect_fail az acr show --name regtwo
echo "RUNBOOK OK"
