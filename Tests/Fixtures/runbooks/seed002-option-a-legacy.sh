# Seed 002 Method 1, Option A (access policy) verbatim under the seeds' older default; manual rotation (versioned key).
source "$(dirname "$0")/common.sh"
set -e
acrcmk config set keyvault.rbac-by-default false >/dev/null
az group create --name myRG --location eastus >/dev/null
az identity create --resource-group myRG --name myidentity >/dev/null
identityID=$(az identity show --resource-group myRG --name myidentity --query 'id' --output tsv)
identityPrincipalID=$(az identity show --resource-group myRG --name myidentity --query 'principalId' --output tsv)
az keyvault create --name myvault \
  --resource-group myRG \
  --enable-purge-protection >/dev/null
az keyvault set-policy \
  --resource-group myRG \
  --name myvault \
  --object-id $identityPrincipalID \
  --key-permissions get unwrapKey wrapKey >/dev/null
az keyvault update --name myvault \
  --resource-group myRG \
  --bypass AzureServices >/dev/null
az keyvault key create \
  --name mykey \
  --vault-name myvault >/dev/null
keyID=$(az keyvault key show \
  --name mykey \
  --vault-name myvault \
  --query 'key.kid' --output tsv)
az acr create \
  --resource-group myRG \
  --name myregistry \
  --identity $identityID \
  --key-encryption-key $keyID \
  --sku Premium >/dev/null
az acr encryption show --name myregistry
healthy myregistry
