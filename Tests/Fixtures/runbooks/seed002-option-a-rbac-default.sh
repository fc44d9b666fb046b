# Seed 002 Option A after a plain `keyvault create`: current az makes an RBAC vault, so set-policy is refused.
source "$(dirname "$0")/common.sh"
az group create --name myRG --location eastus >/dev/null || fail "group"
az identity create --resource-group myRG --name myidentity >/dev/null || fail "identity"
identityPrincipalID=$(az identity show --resource-group myRG --name myidentity --query 'principalId' --output tsv)
az keyvault create --name myvault --resource-group myRG --enable-purge-protection >/dev/null || fail "vault"
before=$(az keyvault show --name myvault --query properties.accessPolicies -o json)
az keyvault set-policy \
  --resource-group myRG \
  --name myvault \
  --object-id $identityPrincipalID \
  --key-permissions get unwrapKey wrapKey
echo "exit=$?"
after=$(az keyvault show --name myvault --query properties.accessPolicies -o json)
[ "$before" = "$after" ] && echo "policies unchanged"
