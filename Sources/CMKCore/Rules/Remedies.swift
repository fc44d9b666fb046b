/// The fix for each cause of a registry being locked out of its key, as the command to run.
public enum Remedies {
    public static func fix(
        for code: AccessDenial.Code, registry: String, key: KeyIdentifier?,
        principalId: String? = nil, vaultResourceID: String? = nil
    ) -> String {
        let vault = key?.vaultName ?? "<vault>"
        let keyName = key?.keyName ?? "<key>"
        let principal = principalId ?? "<identity-principal-id>"
        let scope = vaultResourceID ?? "<vault-resource-id>"
        switch code {
        case .identityNotFound:
            return
                "The identity is gone: rotate to another identity with access to the key: az acr encryption rotate-key "
                + "--name \(registry) --identity <identity-with-access>   (or [system] after az acr identity assign "
                + "--identities [system] --name \(registry))"
        case .identityNotAssigned:
            return "az acr identity assign --identities <identity-name-or-id> --name \(registry)"
        case .vaultNotFound:
            return "The vault no longer exists; if it was purged the data cannot be recovered: create a new registry."
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
        case .keyNotFound:
            return
                "Check the key URL, or create the key: az keyvault key create --name \(keyName) --vault-name \(vault)"
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
