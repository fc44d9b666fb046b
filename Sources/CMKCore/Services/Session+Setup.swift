import Foundation

/// What `acrcmk setup` is asked to build (the Azure CLI method of Microsoft's setup guide).
public struct SetupRequest: Sendable {
    public enum Access: String, Sendable, CaseIterable { case policy, rbac }
    public enum Rotation: String, Sendable, CaseIterable { case auto, manual }

    public var registry: String
    public var resourceGroup: String
    public var location: String
    public var identity: String
    public var vault: String
    public var key: String
    public var keySize = 2048
    public var hsm = false
    public var access = Access.rbac
    public var rotation = Rotation.auto
    public var firewall = false

    /// Defaults derived from the registry name, valid under Azure's naming rules.
    public init(registry: String) {
        self.registry = registry
        resourceGroup = "\(registry)-rg"
        location = "eastus"
        identity = "\(registry)-identity"
        let vaultBase = String("kv-\(registry)".prefix(24))
        vault = vaultBase.hasSuffix("-") ? String(vaultBase.dropLast()) : vaultBase
        key = "\(registry)-cmk"
    }

    /// Checks every name and the location against Azure's rules, so that a dry run refuses what the real run
    /// would refuse, before anything is printed or changed.
    public func validate() throws {
        try Validation.registryName(registry)
        try Validation.resourceGroupName(resourceGroup)
        _ = try Validation.location(location)
        try Validation.identityName(identity)
        try Validation.vaultName(vault)
        try Validation.keyName(key)
    }
}

/// One step of setup and what it did.
public struct SetupStep: Sendable, Equatable {
    public enum Outcome: String, Sendable { case created, changed, unchanged, verified }
    public var step: Int
    public var title: String
    public var outcome: Outcome
    public var detail: String
}

extension Session {
    static let encryptionRole = "Key Vault Crypto Service Encryption User"
    static let encryptionPermissions = ["get", "unwrapKey", "wrapKey"]

    /// Performs the Azure CLI method of Microsoft's setup guide end to end; idempotent: what already exists as asked is left alone and said so.
    public func setup(_ request: SetupRequest) throws -> [SetupStep] {
        var steps: [SetupStep] = []
        func add(_ title: String, _ outcome: SetupStep.Outcome, _ detail: String) {
            steps.append(SetupStep(step: steps.count + 1, title: title, outcome: outcome, detail: detail))
        }
        try request.validate()

        // 1. Resource group.
        if let index = groupIndex(request.resourceGroup) {
            add(
                "Resource group", .unchanged,
                "\(world.resourceGroups[index].name) exists in \(world.resourceGroups[index].location)")
        } else {
            try createGroup(name: request.resourceGroup, location: request.location, tags: nil)
            add("Resource group", .created, "\(request.resourceGroup) in \(request.location)")
        }

        // 2. User-assigned identity.
        let identity: ManagedIdentity
        if let index = identityIndex(name: request.identity, resourceGroup: request.resourceGroup) {
            identity = world.identities[index]
            add("Managed identity", .unchanged, "\(identity.name) (principal \(identity.principalId))")
        } else {
            identity = try createIdentity(
                name: request.identity, resourceGroup: request.resourceGroup, location: nil, tags: nil)
            add("Managed identity", .created, "\(identity.name) (principal \(identity.principalId))")
        }

        // 3. Key Vault with purge protection (and the firewall, if asked).
        let rbac = request.access == .rbac
        var vault: KeyVault
        if let index = vaultIndex(request.vault) {
            vault = world.vaults[index]
            var changes: [String] = []
            var update = VaultUpdateRequest()
            if !vault.purgeProtected { update.enablePurgeProtection = true; changes.append("purge protection on") }
            if vault.enableRbacAuthorization != rbac {
                throw CMKError.conflict(
                    .setupConflict,
                    "Vault '\(vault.name)' exists with "
                        + (vault.enableRbacAuthorization ? "RBAC authorization" : "access policies")
                        + ", but --access \(request.access.rawValue) was asked.",
                    hint: "Pass --access \(vault.enableRbacAuthorization ? "rbac" : "policy") or another --vault name.")
            }
            if request.firewall, vault.networkAcls.defaultAction != "Deny" || !vault.networkAcls.admitsTrustedServices {
                update.defaultAction = "Deny"
                update.bypass = "AzureServices"
                changes.append("firewall Deny with trusted-services bypass")
            }
            if changes.isEmpty {
                add(
                    "Key Vault", .unchanged,
                    "\(vault.name): purge protection on, "
                        + (rbac ? "RBAC authorization" : "access policies"))
            } else {
                vault = try updateVault(name: vault.name, resourceGroup: nil, update)
                add("Key Vault", .changed, "\(vault.name): " + changes.joined(separator: ", "))
            }
        } else {
            var create = VaultCreateRequest(name: request.vault, resourceGroup: request.resourceGroup)
            create.enablePurgeProtection = true
            create.enableRbacAuthorization = rbac
            create.sku = request.hsm ? "premium" : "standard"
            if request.firewall {
                create.defaultAction = "Deny"
                create.bypass = "AzureServices"
            }
            vault = try createVault(create)
            add(
                "Key Vault", .created,
                "\(vault.name): purge protection on, retention \(vault.softDeleteRetentionInDays) days, "
                    + (rbac ? "RBAC authorization" : "access policies")
                    + (request.firewall ? ", firewall Deny + AzureServices bypass" : ""))
        }

        // 4. Access for the identity: get, wrapKey, unwrapKey.
        if rbac {
            let scope = vault.id(subscriptionId: world.account.subscriptionId)
            let existing = world.roleAssignments.contains {
                $0.principalId == identity.principalId && $0.covers(scope)
                    && (RoleDefinition.find($0.roleName)?.grantsDataAction(KeyOperation.unwrapKey.dataAction) ?? false)
            }
            if existing {
                add("Key Vault access", .unchanged, "\(identity.name) already holds a role granting wrap/unwrap")
            } else {
                try createRoleAssignment(
                    role: Self.encryptionRole, scope: scope, assignee: nil,
                    assigneeObjectId: identity.principalId, principalType: "ServicePrincipal",
                    description: "acrcmk setup: CMK access for \(request.registry)", condition: nil)
                add("Key Vault access", .created, "role '\(Self.encryptionRole)' for \(identity.name) on \(vault.name)")
            }
        } else {
            let policy = vault.accessPolicies.first { $0.objectId == identity.principalId }
            if let policy, Self.encryptionPermissions.allSatisfy(policy.grantsKeyPermission) {
                add("Key Vault access", .unchanged, "access policy for \(identity.name) grants get, wrapKey, unwrapKey")
            } else {
                let keys = Array(Set((policy?.keys ?? []) + Self.encryptionPermissions)).sorted()
                try setPolicy(
                    vaultName: vault.name, resourceGroup: nil, objectId: identity.principalId, applicationId: nil,
                    keys: keys, secrets: nil, certificates: nil, storage: nil)
                add(
                    "Key Vault access", policy == nil ? .created : .changed,
                    "access policy for \(identity.name): keys get, unwrapKey, wrapKey")
            }
        }

        // 5. Trusted services (only matters behind a firewall).
        if request.firewall || vault.networkAcls.defaultAction == "Deny" {
            add("Trusted services", .verified, "\(vault.name) lets trusted Azure services through the firewall")
        } else {
            add("Trusted services", .unchanged, "no firewall on \(vault.name); nothing to bypass")
        }

        // 6. The key.
        let keyType: KeyType = request.hsm ? .rsaHSM : .rsa
        var key: VaultKey
        if let index = keyIndex(vaultName: vault.name, name: request.key), !world.keys[index].isDeleted {
            key = world.keys[index]
            guard key.current.keyType.isRSA else {
                throw CMKError.badRequest(
                    .invalidKeyType,
                    "Key '\(key.name)' is \(key.current.keyType.rawValue); a registry "
                        + "needs an RSA or RSA-HSM key.", hint: "Pass --key with another name to create an RSA key.")
            }
            add(
                "Encryption key", .unchanged,
                "\(key.name): \(key.current.keyType.rawValue) \(key.current.keySize ?? 0) bits")
        } else {
            var create = KeyCreateRequest(vaultName: vault.name, name: request.key)
            create.keyType = keyType
            create.size = request.keySize
            key = try createKey(create).0
            add(
                "Encryption key", .created,
                "\(key.name): \(keyType.rawValue) \(request.keySize) bits (real RSA material)")
        }
        if request.rotation == .auto, key.rotationPolicy == nil {
            key = try updateRotationPolicy(
                vaultName: vault.name, name: key.name,
                lifetimeActions: [
                    .init(action: .rotate, timeAfterCreate: try ISODuration("P90D"), timeBeforeExpiry: nil)
                ], expiryTime: try ISODuration("P2Y")
            ).0
            add("Rotation policy", .created, "rotate every 90 days; new versions expire after 2 years")
        }

        // 7. The key id: versionless for automatic rotation, versioned for manual.
        let keyID =
            request.rotation == .auto
            ? key.versionlessIdentifier
            : key.current.identifier(vaultName: vault.name, keyName: key.name)
        add(
            "Key id", .verified,
            keyID
                + (request.rotation == .auto
                    ? " (versionless: automatic rotation)"
                    : " (versioned: manual rotation)"))

        // 8. The registry.
        if let index = registryIndex(request.registry) {
            let registry = world.registries[index]
            guard let encryption = registry.encryption else {
                throw CMKError.conflict(
                    .setupConflict,
                    "Registry '\(registry.name)' exists without CMK; encryption with a "
                        + "customer-managed key can only be enabled when a registry is created.",
                    hint: "Choose another --registry name, or export the content and recreate the registry.")
            }
            let sameKey =
                KeyIdentifier.parse(encryption.keyIdentifier)?.versionless.lowercased()
                == key.versionlessIdentifier.lowercased()
            guard sameKey, registry.identity.userAssigned(clientId: identity.clientId) != nil else {
                throw CMKError.conflict(
                    .setupConflict,
                    "Registry '\(registry.name)' exists with a different key or "
                        + "identity (\(encryption.keyIdentifier)).",
                    hint: "Use 'acrcmk rotate' to change its key or identity.")
            }
            add("Registry", .unchanged, "\(registry.name) (Premium) encrypts with \(encryption.keyIdentifier)")
        } else {
            var create = RegistryCreateRequest(
                name: request.registry, resourceGroup: request.resourceGroup, sku: .premium)
            create.identity = identity.id(subscriptionId: world.account.subscriptionId)
            create.keyEncryptionKey = keyID
            let registry = try createRegistry(create)
            add(
                "Registry", .created,
                "\(registry.name) (Premium) with its data key wrapped by "
                    + registry.encryption!.versionedKeyIdentifier)
        }

        // 9. Verify.
        let registry = try requireRegistry(request.registry)
        add(
            "Verify", .verified,
            "encryption status \(registry.encryption == nil ? "disabled" : "enabled"), key "
                + (registry.encryption?.versionedKeyIdentifier ?? "-"))
        return steps
    }
}
