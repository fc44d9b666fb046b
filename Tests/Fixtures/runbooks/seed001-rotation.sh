# Seed 001: quick setup with both roles, manual rotation, automatic rotation policy, temporary lockdown and recovery.
source "$(dirname "$0")/common.sh"
set -e
az group create --name myRG --location eastus >/dev/null
az keyvault create \
  --name myvault \
  --resource-group myRG \
  --enable-purge-protection >/dev/null
az keyvault key create \
  --vault-name myvault \
  --name mykey \
  --kty RSA \
  --size 2048 >/dev/null
az identity create \
  --name myidentity \
  --resource-group myRG >/dev/null
PRINCIPAL_ID=$(az identity show --name myidentity --resource-group myRG --query principalId -o tsv)
az role assignment create \
  --assignee $PRINCIPAL_ID \
  --scope $(az keyvault show --name myvault --query id -o tsv) \
  --role "Key Vault Crypto User" >/dev/null
az role assignment create \
  --assignee $PRINCIPAL_ID \
  --scope $(az keyvault show --name myvault --query id -o tsv) \
  --role "Key Vault Crypto Service Encryption User" >/dev/null
az acr create \
  --name myregistry \
  --resource-group myRG \
  --sku Premium \
  --identity $(az identity show --name myidentity --resource-group myRG --query id -o tsv) \
  --key-encryption-key https://myvault.vault.azure.net/keys/mykey >/dev/null
first=$(az acr encryption show --name myregistry --query keyVaultProperties.versionedKeyIdentifier -o tsv)
echo "first=$first"

step "manual rotation"
az keyvault key create \
  --vault-name myvault \
  --name mykey \
  --kty RSA >/dev/null
az acr encryption rotate-key \
  --name myregistry \
  --key-encryption-key https://myvault.vault.azure.net/keys/mykey >/dev/null
second=$(az acr encryption show --name myregistry --query keyVaultProperties.versionedKeyIdentifier -o tsv)
echo "second=$second"
[ "$first" != "$second" ] || fail "rotate-key did not move to the new version"
[ "$second" = "$(az keyvault key show --vault-name myvault --name mykey --query key.kid -o tsv)" ] || fail "not the newest"
healthy myregistry

step "automatic rotation"
cat > rotation-policy.json <<'JSON'
{"lifetimeActions": [{"trigger": {"timeAfterCreate": "P30D"}, "action": {"type": "Rotate"}}],
 "attributes": {"expiryTime": "P1Y"}}
JSON
az keyvault key rotation-policy update \
  --vault-name myvault \
  --name mykey \
  --value @rotation-policy.json >/dev/null
acrcmk clock advance P31D >/dev/null
third=$(az acr encryption show --name myregistry --query keyVaultProperties.versionedKeyIdentifier -o tsv)
echo "third=$third"
[ "$third" != "$second" ] || fail "the versionless registry did not pick up the rotated version"
echo "versions=$(az keyvault key list-versions --vault-name myvault --name mykey --query 'length(@)' -o tsv)"

step "temporary lockdown removes one of two roles: the other still grants access"
az role assignment delete \
  --assignee $PRINCIPAL_ID \
  --scope $(az keyvault show --name myvault --query id -o tsv) \
  --role "Key Vault Crypto User"
healthy myregistry
az role assignment delete --assignee $PRINCIPAL_ID --scope $(az keyvault show --name myvault --query id -o tsv) \
  --role "Key Vault Crypto Service Encryption User"
locked myregistry
az role assignment create \
  --assignee $PRINCIPAL_ID \
  --scope $(az keyvault show --name myvault --query id -o tsv) \
  --role "Key Vault Crypto User" >/dev/null
healthy myregistry
echo "RUNBOOK OK"
