/// The fix for each cause of a registry being locked out of its key, as the command to run.
public enum Remedies {
    public static func fix(
        for code: AccessDenial.Code, registry: String, key: KeyIdentifier?,
        principalId: String? = nil, vaultResourceID: String? = nil, vaultWasPurged: Bool = false,
        keyExists: Bool = false
    ) -> String {
        let vault = key?.vaultName ?? "<vault>"
        let keyName = key?.keyName ?? "<key>"
        let principal = principalId ?? "<identity-principal-id>"
        let scope = vaultResourceID ?? "<vault-resource-id>"
        switch code {
        case .identityNotFound:
            return
                "The identity is gone and cannot be restored: acrcmk recover --registry \(registry) --new-identity "
                + "<name>   (or by hand: az acr encryption rotate-key --name \(registry) --identity "
                + "<identity-with-access>)"
        case .identityNotAssigned:
            return "az acr identity assign --identities <identity-name-or-id> --name \(registry)"
        case .vaultNotFound:
            if vaultWasPurged {
                return "The vault was purged: the keys it held are destroyed and the data cannot be recovered; "
                    + "create a new registry (decision matrix: key compromise)."
            }
            return "No vault named '\(vault)' exists: check the vault name in the key URL "
                + "(az keyvault list --query [].name -o tsv lists the vaults)."
        case .vaultDeleted:
            return "az keyvault recover --name \(vault)"
        case .forbiddenByFirewall:
            return "az keyvault update --name \(vault) --bypass AzureServices"
        case .forbiddenByPolicy:
            return "az keyvault set-policy --name \(vault) --object-id \(principal) "
                + "--key-permissions get unwrapKey wrapKey"
        case .forbiddenByRbac:
            return "az role assignment create --assignee \(principal) --role \"Key Vault Crypto Service "
                + "Encryption User\" --scope \(scope)"
        case .keyNotFound where keyExists && key?.version != nil:
            return "Key '\(keyName)' has no version '\(key!.version!)': az keyvault key list-versions --name "
                + "\(keyName) --vault-name \(vault) --query [].kid -o tsv lists its versions; the versionless URL "
                + "https://\(vault).vault.azure.net/keys/\(keyName) follows the latest one."
        case .keyNotFound:
            return "No key named '\(keyName)' in vault '\(vault)': check the key URL (az keyvault key list "
                + "--vault-name \(vault) --query [].name -o tsv lists its keys), or create it: "
                + "az keyvault key create --name \(keyName) --vault-name \(vault)"
        case .keyDeleted:
            return "az keyvault key recover --name \(keyName) --vault-name \(vault)"
        case .keyPurged:
            return "Not recoverable: the key is destroyed. Create a new registry (decision matrix: key compromise)."
        case .keyDisabled:
            return "az keyvault key set-attributes --name \(keyName) --vault-name \(vault) --enabled true"
        case .keyExpired:
            return
                "az keyvault key rotate --name \(keyName) --vault-name \(vault)   (then rotate-key if the registry uses "
                + "a versioned key id)"
        case .keyNotYetValid:
            return "Wait for the key's not-before time, or: az keyvault key set-attributes --name \(keyName) "
                + "--vault-name \(vault) --not-before <earlier-time>"
        case .keyTypeNotSupported:
            return "Create an RSA or RSA-HSM key (2048, 3072 or 4096 bits) and use it."
        case .operationNotAllowed:
            return "az keyvault key set-attributes --name \(keyName) --vault-name \(vault) --ops wrapKey unwrapKey"
        case .vaultUnreachable:
            return "Start the vault's server again (acrcmk serve --tls-self-signed on the vault's home, at the address "
                + "keyvault.url names), or point this home at where it runs: acrcmk config set keyvault.url "
                + "https://<host>:<port>"
        }
    }
}
