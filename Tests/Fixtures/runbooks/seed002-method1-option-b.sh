# Seed 002, Method 1, Option B (Azure RBAC), automatic rotation: placeholders filled in, commands verbatim.
source "$(dirname "$0")/common.sh"
set -e
az group create --name myRG --location eastus >/dev/null
az identity create \
  --resource-group myRG \
  --name myidentity >/dev/null
identityID=$(az identity show --resource-group myRG --name myidentity --query 'id' --output tsv)
identityPrincipalID=$(az identity show --resource-group myRG --name myidentity --query 'principalId' --output tsv)
az keyvault create --name myvault \
  --resource-group myRG \
  --enable-purge-protection >/dev/null
keyvaultID=$(az keyvault show --resource-group myRG --name myvault --query 'id' --output tsv)
az role assignment create --assignee $identityPrincipalID \
  --role "Key Vault Crypto Service Encryption User" \
  --scope $keyvaultID >/dev/null
az keyvault key create \
  --name mykey \
  --vault-name myvault >/dev/null
keyID=$(az keyvault key show \
  --name mykey \
  --vault-name myvault \
  --query 'key.kid' --output tsv)
keyID=$(echo $keyID | sed -e "s/\/[^/]*$//")
az acr create \
  --resource-group myRG \
  --name myregistry \
  --identity $identityID \
  --key-encryption-key $keyID \
  --sku Premium >/dev/null
echo "identityClientId=$(az identity show --resource-group myRG --name myidentity --query clientId -o tsv)"
az acr encryption show --name myregistry
