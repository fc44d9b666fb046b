import Foundation

/// The revocation methods of Microsoft's revocation guide.
public enum RevocationMethod: String, Sendable, CaseIterable {
    case accessPolicy = "access-policy"
    case roleAssignment = "role-assignment"
    case disableKey = "disable-key"
    case deleteKey = "delete-key"
    case purgeKey = "purge-key"
    case deleteVault = "delete-vault"
    case removeIdentity = "remove-identity"
    case firewall

    /// Irreversible methods need an explicit confirmation.
    public var isIrreversible: Bool { self == .purgeKey }

    /// What the method does, in words for a confirmation prompt and a report.
    public var summary: String {
        switch self {
        case .accessPolicy: return "remove the identity's access policy from the vault "
        case .roleAssignment: return "remove the identity's Key Vault role assignments"
        case .disableKey: return "disable the key in the vault"
        case .deleteKey: return "soft-delete the key"
        case .purgeKey:
            return "soft-delete and then purge the key for good: the registry's data becomes "
                + "permanently unreadable"
        case .deleteVault: return "soft-delete the whole vault"
        case .removeIdentity: return "remove the encryption identity from the registry"
        case .firewall: return "turn on the vault firewall (Deny) without the trusted-services bypass"
        }
    }
}

/// What a revocation did and what the vault now says.
public struct RevocationOutcome: Sendable {
    public var record: RevocationRecord
    public var actions: [String]
    /// The denial an unwrap now meets: the proof the registry is locked.
    public var denial: AccessDenial?

    /// Whether `recover` can undo this revocation: not once the key is purged (its material is destroyed).
    public var isRecoverable: Bool { denial?.code != .keyPurged }
}

/// What recovery did.
public struct RecoveryOutcome: Sendable {
    public var registry: String
    public var actions: [String]
    public var recovered: Bool
    /// Why recovery is impossible, when it is.
    public var impossible: String?
    public var recommendation: String?
}

extension Session {
    /// The fix for a denial, with this registry's real principal id and vault id filled in.
    public func remedy(for code: AccessDenial.Code, registry: Registry) -> String {
        let target = try? encryptionTarget(registry.name)
        return remedy(for: code, registry: registry.name, key: target?.key, principalId: target?.principalId)
    }

    /// The fix for a denial met with `key` (the registry's own key, or the one it was asked to move to), with the
    /// key's vault resolved: its resource id, and whether a missing vault was purged or never existed.
    func remedy(for code: AccessDenial.Code, registry: String, key: KeyIdentifier?, principalId: String?) -> String {
        let vault = key.flatMap { world.vaults[key: ResourceName($0.vaultName)] }
        let purged = key.map { key in
            world.purgeRecords.contains { $0.records(.vault, ResourceName(key.vaultName)) }
        } ?? false
        return Remedies.fix(
            for: code, registry: registry, key: key, principalId: principalId,
            vaultResourceID: vault?.id(subscriptionId: world.account.subscriptionId), vaultWasPurged: purged,
            keyExists: key.map { world.keys[vault: ResourceName($0.vaultName), name: ResourceName($0.keyName)] != nil }
                ?? false)
    }

    /// The pieces a registry's CMK hangs on.
    struct EncryptionTarget {
        var registry: Registry
        var key: KeyIdentifier
        var vault: KeyVault?
        var principalId: String?
    }

    func encryptionTarget(_ name: String) throws -> EncryptionTarget {
        let registry = try requireRegistry(name)
        guard let encryption = registry.encryption, let key = KeyIdentifier.parse(encryption.versionedKeyIdentifier)
        else {
            throw CMKError.badRequest(
                .cmkNotEnabled,
                "Registry '\(registry.name)' is not encrypted with a customer-managed key; there is no key "
                    + "to revoke or recover.",
                hint: "CMK registries are created with 'acrcmk setup' or 'az acr create --identity "
                    + "... --key-encryption-key ...'.")
        }
        let vault = world.vaults[key: ResourceName(key.vaultName)]
        var principalId: String?
        if encryption.identity == "system" {
            principalId = registry.identity.systemPrincipalId
        } else {
            principalId =
                registry.identity.userAssigned(clientId: encryption.identity)?.principalId
                ?? world.identities.first { $0.clientId == encryption.identity }?.principalId
        }
        return EncryptionTarget(registry: registry, key: key, vault: vault, principalId: principalId)
    }

    /// Revokes a registry's access to its key by one of Microsoft's revocation guide's methods, records who/when/why, and proves the
    /// lockout with a real unwrap attempt.
    public func revoke(registry name: String, method: RevocationMethod, reason: String?) throws -> RevocationOutcome {
        let target = try encryptionTarget(name)
        var actions: [String] = []
        func requireVault() throws -> KeyVault {
            guard let vault = target.vault, !vault.isDeleted else {
                throw CMKError.conflict(.alreadyRevoked, "The vault '\(target.key.vaultName)' is already unavailable.")
            }
            return vault
        }
        switch method {
        case .accessPolicy:
            let vault = try requireVault()
            guard !vault.enableRbacAuthorization else {
                throw CMKError.badRequest(
                    .methodNotApplicable,
                    "Vault '\(vault.name)' uses Azure RBAC, not access "
                        + "policies.", hint: "Use --method role-assignment.")
            }
            guard let principalId = target.principalId else {
                throw CMKError.conflict(.alreadyRevoked, "The registry's identity is already gone.")
            }
            try deletePolicy(vaultName: vault.name, resourceGroup: nil, objectId: principalId, applicationId: nil)
            actions.append("az keyvault delete-policy --name \(vault.name) --object-id \(principalId)")
        case .roleAssignment:
            let vault = try requireVault()
            guard vault.enableRbacAuthorization else {
                throw CMKError.badRequest(
                    .methodNotApplicable, "Vault '\(vault.name)' uses access policies, not RBAC.",
                    hint: "Use --method access-policy.")
            }
            guard let principalId = target.principalId else {
                throw CMKError.conflict(.alreadyRevoked, "The registry's identity is already gone.")
            }
            let scope = vault.id(subscriptionId: world.account.subscriptionId)
            let granting = world.roleAssignments.filter {
                $0.principalId == principalId && $0.covers("\(scope)/keys/\(target.key.keyName)")
                    && (RoleDefinition.find($0.roleName)?.grantsDataAction(KeyOperation.unwrapKey.dataAction) ?? false)
            }
            guard !granting.isEmpty else {
                throw CMKError.conflict(.alreadyRevoked, "No role assignment grants the identity access to the key.")
            }
            try deleteRoleAssignments(ids: granting.map(\.id), assignee: nil, role: nil, scope: nil, resourceGroup: nil)
            actions += granting.map {
                "az role assignment delete --assignee \(principalId) --role \"\($0.roleName)\" --scope \($0.scope)"
            }
        case .disableKey:
            let vault = try requireVault()
            guard
                let key = world.keys[vault: vault.resourceName, name: ResourceName(target.key.keyName)],
                !key.isDeleted
            else { throw CMKError.conflict(.alreadyRevoked, "The key is not available to disable.") }
            var disable = KeyAttributesUpdate()
            disable.enabled = false
            for version in key.versions where version.enabled {
                try setKeyAttributes(vaultName: vault.name, name: key.name, version: version.version, disable)
            }
            actions.append(
                "az keyvault key set-attributes --name \(key.name) --vault-name \(vault.name) --enabled false"
                    + " (every version)")
        case .deleteKey:
            let vault = try requireVault()
            try deleteKey(vaultName: vault.name, name: target.key.keyName)
            actions.append("az keyvault key delete --name \(target.key.keyName) --vault-name \(vault.name)")
        case .purgeKey:
            let vault = try requireVault()
            if let key = world.keys[vault: vault.resourceName, name: ResourceName(target.key.keyName)],
               !key.isDeleted {
                if vault.purgeProtected {
                    // Refuse before deleting anything: with purge protection the purge would fail after the delete.
                    throw CMKError(
                        .forbidden, code: .forbidden,
                        "Operation \"purge\" is not allowed because purge "
                            + "protection is enabled for this vault. Key Vault service will automatically purge it after the "
                            + "retention period has passed. Vault: \(vault.name);location=\(vault.location)",
                        hint: "Nothing was changed. Use --method delete-key to revoke recoverably.")
                }
                try deleteKey(vaultName: vault.name, name: key.name)
                actions.append("az keyvault key delete --name \(key.name) --vault-name \(vault.name)")
            }
            try purgeKey(vaultName: vault.name, name: target.key.keyName)
            actions.append("az keyvault key purge --name \(target.key.keyName) --vault-name \(vault.name)")
        case .deleteVault:
            let vault = try requireVault()
            try deleteVault(name: vault.name, resourceGroup: nil)
            actions.append("az keyvault delete --name \(vault.name)")
        case .removeIdentity:
            let encryption = target.registry.encryption!
            let reference: String
            if encryption.identity == "system" {
                reference = "[system]"
            } else if let assigned = target.registry.identity.userAssigned(clientId: encryption.identity) {
                reference = assigned.resourceID
            } else {
                throw CMKError.conflict(.alreadyRevoked, "The encryption identity is not assigned to the registry.")
            }
            try removeRegistryIdentities(name: target.registry.name, resourceGroup: nil, identities: [reference])
            actions.append("az acr identity remove --name \(target.registry.name) --identities \(reference)")
        case .firewall:
            let vault = try requireVault()
            var update = VaultUpdateRequest()
            update.defaultAction = "Deny"
            update.bypass = "None"
            try updateVault(name: vault.name, resourceGroup: nil, update)
            actions.append("az keyvault update --name \(vault.name) --default-action Deny --bypass None")
        }
        let record = RevocationRecord(
            registry: target.registry.name, method: method.rawValue, reason: reason,
            performedBy: world.account.operatorName, performedAt: now, recoveredAt: nil)
        world.revocations.append(record)
        let registry = try requireRegistry(name)
        var denial: AccessDenial?
        if case .failure(let found) = try unwrapRegistryDEK(registry) { denial = found }
        return RevocationOutcome(record: record, actions: actions, denial: denial)
    }

    static let deletedIdentity =
        "The managed identity the registry encrypts with was deleted. Recovery by restoring is impossible: a "
        + "recreated identity of the same name gets a new principal and client id."

    /// The documented way out after the identity was deleted: encrypt with another identity that has the key.
    static func newIdentityWayOut(_ registry: String) -> String {
        "acrcmk recover --registry \(registry) --new-identity <name>   (creates or uses that identity, grants it the "
            + "key, assigns it and rotates the registry to it; by hand: az identity create, then a role assignment or "
            + "az keyvault set-policy, az acr identity assign, az acr encryption rotate-key --identity)"
    }

    /// Finds what blocks a registry's key and applies Microsoft's revocation guide's matching recovery procedure, step by step, until
    /// the data key unwraps again or recovery is shown to be impossible.
    ///
    /// - Parameter newIdentity: A user-assigned identity (in the registry's resource group) to encrypt with from now
    ///   on: the documented way out after the registry's identity was deleted. It is created if missing, assigned
    ///   to the registry and granted the key (access policy or role, as the vault uses), and once the data key
    ///   unwraps through it the registry is rotated to it (`az acr encryption rotate-key --identity`).
    public func recover(registry name: String, newIdentity: String? = nil) throws -> RecoveryOutcome {
        var target = try encryptionTarget(name)
        var outcome = RecoveryOutcome(registry: target.registry.name, actions: [], recovered: false)
        var switchedTo: ManagedIdentity?
        if let newIdentity {
            let registry = target.registry
            let identity: ManagedIdentity
            if let index = identityIndex(name: newIdentity, resourceGroup: registry.resourceGroup) {
                identity = world.identities[index]
            } else {
                identity = try createIdentity(
                    name: newIdentity, resourceGroup: registry.resourceGroup, location: registry.location, tags: nil)
                outcome.actions.append("az identity create --resource-group \(registry.resourceGroup) --name \(newIdentity)")
            }
            let identityID = identity.id(subscriptionId: world.account.subscriptionId)
            if !registry.identity.userAssigned.contains(where: { $0.clientId == identity.clientId }) {
                try assignRegistryIdentities(name: registry.name, resourceGroup: nil, identities: [identityID])
                outcome.actions.append("az acr identity assign --name \(registry.name) --identities \(identityID)")
            }
            // The data key is wrapped by the vault key, not by the identity: the new identity unwraps it as soon as it
            // has access, which the steps below grant as for any other identity. The rotation comes at the end.
            world.registries[key: registry.resourceName]!.encryption!.identity = identity.clientId
            switchedTo = identity
        }
        for _ in 0..<8 {
            target = try encryptionTarget(name)
            let registry = target.registry
            let blocking: AccessDenial
            switch encryptionPrincipal(for: registry) {
            case .failure(let denial): blocking = denial
            case .success:
                switch try unwrapRegistryDEK(registry) {
                case .success:
                    outcome.recovered = true
                    if let identity = switchedTo {
                        try rotateRegistryKey(name: registry.name, resourceGroup: nil, keyEncryptionKey: nil,
                                              identity: identity.clientId)
                        outcome.actions.append("az acr encryption rotate-key --name \(registry.name) --identity "
                                               + identity.id(subscriptionId: world.account.subscriptionId))
                    }
                    if let index = world.revocations.lastIndex(where: {
                        $0.registry == registry.name && $0.recoveredAt == nil
                    }) {
                        world.revocations[index].recoveredAt = now
                    }
                    return outcome
                case .failure(let denial): blocking = denial
                }
            }
            let vaultName = target.key.vaultName
            switch blocking.code {
            case .identityNotAssigned:
                let encryption = registry.encryption!
                if encryption.identity == "system" {
                    outcome.impossible =
                        "The registry encrypted with its system-assigned identity, which was removed; a new "
                        + "system identity has a new principal without access to the key."
                    outcome.recommendation =
                        "Assign a user-assigned identity that has access and rotate to it: az acr "
                        + "identity assign --identities <id> --name \(registry.name) && az acr encryption rotate-key --name "
                        + "\(registry.name) --identity <id>"
                    return outcome
                }
                guard let identity = world.identities.first(where: { $0.clientId == encryption.identity }) else {
                    outcome.impossible = Self.deletedIdentity
                    outcome.recommendation = Self.newIdentityWayOut(registry.name)
                    return outcome
                }
                try assignRegistryIdentities(
                    name: registry.name, resourceGroup: nil,
                    identities: [identity.id(subscriptionId: world.account.subscriptionId)])
                outcome.actions.append("az acr identity assign --name \(registry.name) --identities \(identity.name)")
            case .identityNotFound:
                outcome.impossible = Self.deletedIdentity
                outcome.recommendation = Self.newIdentityWayOut(registry.name)
                return outcome
            case .vaultDeleted:
                try recoverVault(name: vaultName)
                outcome.actions.append("az keyvault recover --name \(vaultName)")
            case .vaultNotFound:
                outcome.impossible = blocking.message
                outcome.recommendation =
                    "Create a new registry with a new key (decision matrix: key compromise → create "
                    + "new registry); restore images from an export taken before the key was destroyed."
                return outcome
            case .forbiddenByFirewall:
                var update = VaultUpdateRequest()
                update.bypass = "AzureServices"
                try updateVault(name: vaultName, resourceGroup: nil, update)
                outcome.actions.append("az keyvault update --name \(vaultName) --bypass AzureServices")
            case .forbiddenByPolicy:
                guard let principalId = target.principalId else { return outcome }
                try setPolicy(
                    vaultName: vaultName, resourceGroup: nil, objectId: principalId, applicationId: nil,
                    keys: Self.encryptionPermissions, secrets: nil, certificates: nil, storage: nil)
                outcome.actions.append(
                    "az keyvault set-policy --name \(vaultName) --object-id \(principalId) "
                        + "--key-permissions get unwrapKey wrapKey")
            case .forbiddenByRbac:
                guard let principalId = target.principalId, let vault = target.vault else { return outcome }
                let scope = vault.id(subscriptionId: world.account.subscriptionId)
                try createRoleAssignment(
                    role: Self.encryptionRole, scope: scope, assignee: nil,
                    assigneeObjectId: principalId, principalType: "ServicePrincipal",
                    description: "acrcmk recover", condition: nil)
                outcome.actions.append(
                    "az role assignment create --assignee-object-id \(principalId) --role \""
                        + "\(Self.encryptionRole)\" --scope \(scope)")
            case .keyDeleted:
                try recoverKey(vaultName: vaultName, name: target.key.keyName)
                outcome.actions.append("az keyvault key recover --name \(target.key.keyName) --vault-name \(vaultName)")
            case .keyDisabled:
                guard
                    let key = world.keys[vault: ResourceName(vaultName), name: ResourceName(target.key.keyName)]
                else { return outcome }
                var enable = KeyAttributesUpdate()
                enable.enabled = true
                for version in key.versions where !version.enabled {
                    try setKeyAttributes(vaultName: key.vaultName, name: key.name, version: version.version, enable)
                }
                outcome.actions.append(
                    "az keyvault key set-attributes --name \(key.name) --vault-name \(key.vaultName) "
                        + "--enabled true")
            case .keyPurged:
                outcome.impossible = blocking.message
                outcome.recommendation =
                    "Not possible: data is permanently encrypted. Create a new registry (the decision matrix for a "
                    + "compromised key: delete and purge the key, then create a new registry)."
                return outcome
            case .keyNotFound, .keyExpired, .keyNotYetValid, .keyTypeNotSupported, .operationNotAllowed,
                 .vaultUnreachable:
                outcome.impossible = blocking.message
                outcome.recommendation = remedy(for: blocking.code, registry: registry)
                return outcome
            }
        }
        return outcome
    }
}
