/// Finding resources by name the way ARM does: names are `ResourceName`s, compared case-insensitively. Lookups by name
/// read one row (`ResourceTable[key:]`); the `…Index` functions serve code that changes a row in place and read the
/// whole table.
extension Session {
    // The `…Index` helpers look the row up by key first, so asking about a name that does not exist (every
    // create) reads one row; only a row that exists is then found by position, for code that changes it in place.

    func groupIndex(_ name: String) -> Int? {
        let name = ResourceName(name)
        guard world.resourceGroups[key: name] != nil else { return nil }
        return world.resourceGroups.firstIndex { $0.naturalKey == name }
    }

    /// The resource group, or ARM's ResourceGroupNotFound.
    /// The group named; `creatingIn` says whether the caller makes something in it (which decides the hint).
    public func requireGroup(_ name: String, creatingIn: Bool = true) throws -> ResourceGroup {
        guard let group = world.resourceGroups[key: ResourceName(name)] else {
            throw CMKError.resourceGroupNotFound(name, creatingIn: creatingIn)
        }
        return group
    }

    func identityIndex(name: String, resourceGroup: String) -> Int? {
        let key = ResourceName(path: ResourceName(resourceGroup), ResourceName(name))
        guard world.identities[key: key] != nil else { return nil }
        return world.identities.firstIndex { $0.naturalKey == key }
    }

    /// An identity named by name (in `resourceGroup`) or by resource id, as az's `--identity` takes it.
    public func resolveIdentity(_ reference: String, defaultResourceGroup: String?) throws -> ManagedIdentity {
        if reference.hasPrefix("/") {
            let parts = reference.split(separator: "/").map(String.init)
            let lower = parts.map { $0.lowercased() }
            guard let groupIndex = lower.firstIndex(of: "resourcegroups"), groupIndex + 1 < parts.count,
                lower.contains("microsoft.managedidentity"), let name = parts.last
            else {
                throw CMKError.badRequest(
                    .invalidResourceId, "'\(reference)' is not a user-assigned identity resource id.",
                    hint: "Pass the id printed by 'az identity show --query id -o tsv', or the name.")
            }
            let group = parts[groupIndex + 1]
            guard let identity = world.identities[group: ResourceName(group), name: ResourceName(name)] else {
                throw CMKError.resourceNotFound(type: ManagedIdentity.resourceType, name: name, resourceGroup: group)
            }
            return identity
        }
        let name = ResourceName(reference)
        if let group = defaultResourceGroup, let identity = world.identities[group: ResourceName(group), name: name] {
            return identity
        }
        let matches = world.identities.filter { $0.resourceName == name }
        if defaultResourceGroup == nil, matches.count == 1 { return matches[0] }
        throw CMKError.resourceNotFound(
            type: ManagedIdentity.resourceType, name: reference, resourceGroup: defaultResourceGroup)
    }

    func vaultIndex(_ name: String, includeDeleted: Bool = false) -> Int? {
        let name = ResourceName(name)
        guard let vault = world.vaults[key: name], includeDeleted || !vault.isDeleted else { return nil }
        return world.vaults.firstIndex { $0.naturalKey == name && (includeDeleted || !$0.isDeleted) }
    }

    /// A live vault, or az's not-found error (a soft-deleted vault is named as such).
    public func requireVault(_ name: String, resourceGroup: String? = nil) throws -> KeyVault {
        if let vault = world.vaults[key: ResourceName(name)], !vault.isDeleted {
            if let resourceGroup, ResourceName(vault.resourceGroup) != ResourceName(resourceGroup) {
                var error = CMKError.resourceNotFound(type: KeyVault.resourceType, name: name, resourceGroup: resourceGroup)
                error.hint = notFoundHint(name, kind: .vault, resourceGroup: resourceGroup)
                throw error
            }
            return vault
        }
        if let vault = world.vaults[key: ResourceName(name)], let deletion = vault.deletion {
            throw CMKError(
                .notFound, code: .vaultDeleted,
                "The vault '\(vault.name)' is soft-deleted. It can be recovered until "
                    + Timestamp.azString(deletion.scheduledPurgeDate) + ".",
                hint: "az keyvault recover --name \(vault.name)")
        }
        var error = CMKError.resourceNotFound(type: KeyVault.resourceType, name: name, resourceGroup: resourceGroup)
        error.hint = notFoundHint(name, kind: .vault, resourceGroup: resourceGroup)
        if let remote = remoteVaultURL {
            // A registry home has no vault of its own.
            error.hint = "This state home is a registry home: its registries use the Key Vault served at \(remote). "
                + "Run Key Vault commands against that vault's own state home (acrcmk --home <vault home> az "
                + "keyvault ...)."
        }
        throw error
    }

    func registryIndex(_ name: String) -> Int? {
        let name = ResourceName(name)
        guard world.registries[key: name] != nil else { return nil }
        return world.registries.firstIndex { $0.naturalKey == name }
    }

    /// A registry by name (optionally checked against its group), or az's not-found text (exit 3).
    public func requireRegistry(_ name: String, resourceGroup: String? = nil) throws -> Registry {
        if let registry = world.registries[key: ResourceName(name)] {
            if resourceGroup.map({ ResourceName(registry.resourceGroup) == ResourceName($0) }) ?? true {
                return registry
            }
        }
        throw CMKError(
            .notFound, code: .resourceNotFound,
            "The resource with name '\(name)' and type 'Microsoft.ContainerRegistry/registries' could not be "
                + "found in subscription '\(world.account.subscriptionName) (\(world.account.subscriptionId))'.",
            hint: notFoundHint(name, kind: .registry, resourceGroup: resourceGroup))
    }

    enum LookupKind { case registry, vault }

    /// What a name that is not a registry (or vault) is instead, the one it is probably a typo of, or what exists.
    func notFoundHint(_ name: String, kind: LookupKind, resourceGroup: String?) -> String {
        let lower = name.lowercased()
        let name = ResourceName(name)
        switch kind {
        case .registry:
            if let registry = world.registries[key: name], let resourceGroup {
                return "Registry '\(registry.name)' is in resource group '\(registry.resourceGroup)', not "
                    + "'\(resourceGroup)'."
            }
            if world.vaults[key: name] != nil { return "'\(name)' is a Key Vault, not a registry." }
        case .vault:
            if let vault = world.vaults[key: name], let resourceGroup {
                return "Vault '\(vault.name)' is in resource group '\(vault.resourceGroup)', not '\(resourceGroup)'."
            }
            if world.registries[key: name] != nil {
                let vault = world.registries[key: name]?.encryption.flatMap { KeyIdentifier.parse($0.keyIdentifier) }
                return "'\(name)' is a registry, not a Key Vault"
                    + (vault.map { "; its key is in vault '\($0.vaultName)'." } ?? ".")
            }
        }
        if let identity = world.identities.first(where: { $0.resourceName == name }) {
            return "'\(identity.name)' is a managed identity (resource group \(identity.resourceGroup)), not a "
                + (kind == .registry ? "registry." : "Key Vault.")
        }
        if world.resourceGroups[key: name] != nil {
            return "'\(name)' is a resource group, not a " + (kind == .registry ? "registry." : "Key Vault.")
        }
        let names = kind == .registry ? world.registries.map(\.name) : world.vaults.filter { !$0.isDeleted }.map(\.name)
        if let near = names.min(by: { Validation.editDistance($0, lower) < Validation.editDistance($1, lower) }),
           Validation.editDistance(near.lowercased(), lower) <= 2 {
            return "Did you mean '\(near)'?"
        }
        if names.isEmpty {
            return kind == .registry ? "No registry exists yet: acrcmk setup --registry <name> makes one."
                : "No Key Vault exists yet: az keyvault create --name <name> --resource-group <group> makes one."
        }
        let listed = names.sorted().prefix(5).joined(separator: ", ") + (names.count > 5 ? ", ..." : "")
        return (kind == .registry ? "Registries here: " : "Key Vaults here: ") + listed + "."
    }

    /// The location a new resource takes: the one given, else its resource group's.
    func location(_ given: String?, group: ResourceGroup) throws -> String {
        try Validation.location(given ?? group.location)
    }
}
