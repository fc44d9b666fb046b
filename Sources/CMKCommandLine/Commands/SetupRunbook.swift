import CMKCore

/// The az runbook equivalent to `acrcmk setup`, to paste into a real shell against real Azure.
enum SetupRunbook {
    static func script(for request: SetupRequest) -> String {
        let rg = request.resourceGroup, kv = request.vault
        var lines = [
            "# acrcmk setup --dry-run: the Azure CLI method of Microsoft's \"Encrypt a registry using a customer-managed key\", for registry \(request.registry)",
            "az group create --name \(rg) --location \(request.location)",
            "az identity create --resource-group \(rg) --name \(request.identity)",
            "identityID=$(az identity show --resource-group \(rg) --name \(request.identity) --query 'id' --output tsv)",
            "identityPrincipalID=$(az identity show --resource-group \(rg) --name \(request.identity) --query 'principalId' --output tsv)",
            "az keyvault create --name \(kv) --resource-group \(rg) --enable-purge-protection true"
                + " --enable-rbac-authorization \(request.access == .rbac)"
                + (request.hsm ? " --sku premium" : "")
                + (request.firewall ? " --default-action Deny --bypass AzureServices" : ""),
            "keyvaultID=$(az keyvault show --resource-group \(rg) --name \(kv) --query 'id' --output tsv)",
        ]
        switch request.access {
        case .rbac:
            lines.append(
                "az role assignment create --assignee-object-id $identityPrincipalID --assignee-principal-type "
                    + "ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope $keyvaultID")
        case .policy:
            lines.append(
                "az keyvault set-policy --resource-group \(rg) --name \(kv) --object-id $identityPrincipalID "
                    + "--key-permissions get unwrapKey wrapKey")
        }
        if request.firewall {
            lines.append("az keyvault update --name \(kv) --resource-group \(rg) --bypass AzureServices")
        }
        lines.append(
            "az keyvault key create --name \(request.key) --vault-name \(kv) --kty \(request.hsm ? "RSA-HSM" : "RSA") "
                + "--size \(request.keySize)")
        if request.rotation == .auto {
            lines.append(
                "az keyvault key rotation-policy update --vault-name \(kv) --name \(request.key) --value "
                    + "'{\"lifetimeActions\": [{\"trigger\": {\"timeAfterCreate\": \"P90D\"}, \"action\": {\"type\": \"Rotate\"}}], "
                    + "\"attributes\": {\"expiryTime\": \"P2Y\"}}'")
        }
        lines.append(
            "keyID=$(az keyvault key show --name \(request.key) --vault-name \(kv) --query 'key.kid' --output tsv)")
        if request.rotation == .auto {
            lines.append("keyID=$(echo $keyID | sed -e \"s/\\/[^/]*$//\")")
        }
        lines.append(
            "az acr create --resource-group \(rg) --name \(request.registry) --identity $identityID "
                + "--key-encryption-key $keyID --sku Premium")
        lines.append("az acr encryption show --name \(request.registry)")
        return lines.joined(separator: "\n")
    }
}
