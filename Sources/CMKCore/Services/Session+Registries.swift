import CMKCrypto
import Foundation

/// What `az acr create` asks for.
public struct RegistryCreateRequest: Sendable {
    public var name: String
    public var resourceGroup: String
    public var sku: RegistrySKU
    public var location: String?
    /// `--identity`: a user-assigned identity's name or resource id.
    public var identity: String?
    /// `--key-encryption-key`: a versioned or versionless key URL.
    public var keyEncryptionKey: String?
    public var adminEnabled = false
    public var defaultAction: String?
    public var publicNetworkEnabled: Bool?
    public var zoneRedundancy = false
    public var tags: [String: String]?

    public init(name: String, resourceGroup: String, sku: RegistrySKU) {
        self.name = name
        self.resourceGroup = resourceGroup
        self.sku = sku
    }
}

/// `az acr`: registries, their identities and their customer-managed key.
extension Session {
    /// The algorithm that wraps registry DEKs. ACR's own choice is undocumented; OAEP with SHA-256 is the sound one.
    public static let dekWrapAlgorithm = KeyWrapAlgorithm.rsaOAEP256

    @discardableResult
    public func createRegistry(_ request: RegistryCreateRequest) throws -> Registry {
        try Validation.registryName(request.name)
        let group = try requireGroup(request.resourceGroup)
        if let existing = registryIndex(request.name) {
            throw CMKError.conflict(
                .alreadyInUse,
                "The registry DNS name \(world.registries[existing].loginServer) is "
                    + "already in use. You can check if the name is already claimed using following API: "
                    + "https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability")
        }
        if (request.identity == nil) != (request.keyEncryptionKey == nil) {
            throw CMKError.usage("Usage error: --identity and --key-encryption-key must be both supplied")
        }
        try enforcePolicyAssignments(registryName: request.name, cmk: request.keyEncryptionKey != nil)
        var registry = Registry(
            name: request.name, resourceGroup: group.name, location: try location(request.location, group: group),
            sku: request.sku, creationDate: now, contentKeySalt: SecureRandom.bytes(count: 32))
        registry.adminUserEnabled = request.adminEnabled
        if let action = request.defaultAction {
            guard request.sku == .premium else {
                throw CMKError.usage(
                    "Network rule set (--default-action) is only supported for managed registries in "
                        + "Premium SKU.")
            }
            registry.networkDefaultAction = action
        }
        if let enabled = request.publicNetworkEnabled {
            registry.publicNetworkAccess = enabled ? "Enabled" : "Disabled"
        }
        if request.zoneRedundancy { registry.zoneRedundancy = "Enabled" }
        if let tags = request.tags { registry.tags = tags }

        if let identityReference = request.identity, let kek = request.keyEncryptionKey {
            guard request.sku == .premium else {
                throw CMKError.badRequest(
                    .cmkNotSupported,
                    "Encryption with a customer-managed key is only supported "
                        + "for registries in the Premium SKU; '\(request.sku.rawValue)' does not support it.",
                    hint: "Create the registry with --sku Premium. CMK can only be enabled when a registry is created.")
            }
            let identity = try resolveIdentity(identityReference, defaultResourceGroup: group.name)
            guard let keyID = KeyIdentifier.parse(kek) else {
                throw CMKError.badRequest(
                    .invalidKeyIdentifier, "'\(kek)' is not a Key Vault key identifier.",
                    hint:
                        "Use https://<vault>.vault.azure.net/keys/<key> (automatic rotation) or .../keys/<key>/<version>."
                )
            }
            registry.identity.userAssigned = [
                RegistryIdentity.UserAssigned(
                    resourceID: identity.id(subscriptionId: world.account.subscriptionId),
                    clientId: identity.clientId, principalId: identity.principalId)
            ]
            let principal = Principal(
                objectId: identity.principalId, tenantId: identity.tenantId,
                applicationId: identity.clientId, kind: .registry(name: registry.name),
                displayName: "registry \(registry.name) (identity \(identity.name))")
            let dek = SecureBytes.random(count: 32)
            let (wrapped, kid) = try wrapDEK(
                dek, with: keyID, as: principal, registry: registry.name, action: "created")
            registry.encryption = RegistryEncryption(
                keyIdentifier: keyID.url, versionedKeyIdentifier: kid, identity: identity.clientId,
                lastKeyRotationTimestamp: now, wrappedDEK: wrapped, wrapAlgorithm: Self.dekWrapAlgorithm.rawValue)
        }
        world.registries.append(registry)
        return registry
    }

    /// Wraps a DEK through the vault as the registry's identity; a refusal names its cause and nothing changes.
    func wrapDEK(
        _ dek: SecureBytes, with keyID: KeyIdentifier, as principal: Principal, registry: String,
        action: String
    ) throws -> (wrapped: [UInt8], kid: String) {
        if case .failure(let denial) = authorize(
            .get, vaultName: keyID.vaultName, keyName: keyID.keyName,
            version: keyID.version, as: principal)
        {
            throw registryKeyError(
                denial, registry: registry, action: action, key: keyID, principalId: principal.objectId)
        }
        var plaintext = dek.withUnsafeBytes { [UInt8]($0) }
        defer { plaintext.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        let wrapped: (ciphertext: [UInt8], kid: String)
        switch try vaultWrap(plaintext, key: keyID, algorithm: Self.dekWrapAlgorithm, as: principal) {
        case .success(let result): wrapped = result
        case .failure(let denial):
            throw registryKeyError(
                denial, registry: registry, action: action, key: keyID, principalId: principal.objectId)
        }
        // The identity needs unwrapKey too: a DEK it could wrap but not unwrap would lock the registry out at once.
        if case .failure(let denial) = authorize(
            .unwrapKey, vaultName: keyID.vaultName, keyName: keyID.keyName,
            version: keyID.version, as: principal)
        {
            throw registryKeyError(
                denial, registry: registry, action: action, key: keyID, principalId: principal.objectId)
        }
        return (wrapped.ciphertext, wrapped.kid)
    }

    /// A denial met with `key` while acting on a registry, with the fix for that key (not the registry's own).
    func registryKeyError(
        _ denial: AccessDenial, registry: String, action: String, key: KeyIdentifier, principalId: String? = nil
    ) -> CMKError {
        var error = denial.asError
        error.message =
            "The registry '\(registry)' could not be \(action): its identity cannot use the key "
            + "'\(key.url)'. \(denial.message)"
        error.hint = remedy(for: denial.code, registry: registry, key: key, principalId: principalId)
        return error
    }

    public func listRegistries(resourceGroup: String?) throws -> [Registry] {
        if let resourceGroup { _ = try requireGroup(resourceGroup, creatingIn: false) }
        let group = resourceGroup.map(ResourceName.init)
        return world.registries.filter { group == nil || ResourceName($0.resourceGroup) == group }
    }

    /// Deletes a registry. Its content becomes garbage the content store sweeps.
    public func deleteRegistry(name: String, resourceGroup: String?) throws {
        let registry = try requireRegistry(name, resourceGroup: resourceGroup)
        world.registries[key: registry.resourceName] = nil
        world.purgeRecords.append(PurgeRecord(kind: .contentScope,
                                              name: ContentKeys.scope(forSalt: registry.contentKeySalt), purgedAt: now))
    }

    /// `az acr update`: settings other than encryption, which keep working while the key is revoked.
    @discardableResult
    public func updateRegistry(
        name: String, resourceGroup: String?, sku: RegistrySKU?, adminEnabled: Bool?,
        defaultAction: String?, publicNetworkEnabled: Bool?, tags: [String: String]?
    ) throws -> Registry {
        let registry = try requireRegistry(name, resourceGroup: resourceGroup)
        let index = registryIndex(registry.name)!
        if let sku {
            if registry.isCMK, sku != .premium {
                throw CMKError.badRequest(
                    .cmkNotSupported,
                    "The registry '\(registry.name)' is encrypted with a "
                        + "customer-managed key, which requires the Premium SKU; it cannot move to \(sku.rawValue).")
            }
            if !registry.replications.isEmpty, sku != .premium {
                throw CMKError.badRequest(
                    .badRequest,
                    "Geo-replicated registries must stay Premium; delete the "
                        + "replications first.")
            }
            world.registries[index].sku = sku
        }
        if let adminEnabled { world.registries[index].adminUserEnabled = adminEnabled }
        if let defaultAction { world.registries[index].networkDefaultAction = defaultAction }
        if let publicNetworkEnabled {
            world.registries[index].publicNetworkAccess = publicNetworkEnabled ? "Enabled" : "Disabled"
        }
        if let tags { world.registries[index].tags = tags }
        return world.registries[index]
    }

    /// `az acr config content-trust update`: Docker Content Trust cannot be combined with CMK.
    @discardableResult
    public func setContentTrust(registryName: String, resourceGroup: String?, enabled: Bool) throws -> Registry {
        let registry = try requireRegistry(registryName, resourceGroup: resourceGroup)
        if enabled, registry.isCMK {
            throw CMKError.badRequest(
                .blockedForEncryptionEnabledRegistry,
                "this feature 'ContenTrust' is currently not "
                    + "supported when encryption is enable for the resource \(registry.name). For more information on "
                    + "customer-managed keys, please visit 'https://aka.ms/acr/cmk'.")
        }
        if enabled, registry.sku != .premium {
            throw CMKError.badRequest(
                .badRequest, "Content trust is only supported for registries in the Premium SKU.")
        }
        let index = registryIndex(registry.name)!
        world.registries[index].trustPolicyEnabled = enabled
        return world.registries[index]
    }

    // MARK: - Encryption identity and key

    /// The principal a registry's CMK calls are made as, or why there is none.
    public func encryptionPrincipal(for registry: Registry) -> Result<Principal, AccessDenial> {
        guard let encryption = registry.encryption else {
            preconditionFailure("encryptionPrincipal(for:) called on non-CMK registry \(registry.name)")
        }
        if encryption.identity.lowercased() == "system" {
            guard let principalId = registry.identity.systemPrincipalId else {
                return .failure(
                    AccessDenial(
                        .identityNotAssigned,
                        "The registry '\(registry.name)' encrypts with its "
                            + "system-assigned identity, but it has none. The identity associated with the registry is inactive. "
                            + "This could be due to attempted removal of the identity. Reassign the identity manually"))
            }
            return .success(
                Principal(
                    objectId: principalId, tenantId: world.account.tenantId, applicationId: nil,
                    kind: .registry(name: registry.name),
                    displayName: "registry \(registry.name) (system identity)"))
        }
        guard let assigned = registry.identity.userAssigned(clientId: encryption.identity) else {
            return .failure(
                AccessDenial(
                    .identityNotAssigned,
                    "The identity associated with the registry is inactive. "
                        + "This could be due to attempted removal of the identity. Reassign the identity manually. (The registry "
                        + "'\(registry.name)' encrypts with identity client id \(encryption.identity), which is not assigned to it.)"
                ))
        }
        guard let identity = world.identities.rows(where: "client_id", equals: assigned.clientId.lowercased()).first
        else {
            return .failure(
                AccessDenial(
                    .identityNotFound,
                    "The identity used for registry '\(registry.name)' encryption "
                        + "doesn't exist. (\(assigned.resourceID) was deleted.)"))
        }
        return .success(
            Principal(
                objectId: identity.principalId, tenantId: identity.tenantId,
                applicationId: identity.clientId, kind: .registry(name: registry.name),
                displayName: "registry \(registry.name) (identity \(identity.name))"))
    }

    /// Unwraps a registry's DEK through the vault as its identity: the one door to its content.
    ///
    /// Each call is a real RSA decryption after a full permission evaluation, audited; nothing caches the result.
    public func unwrapRegistryDEK(_ registry: Registry) throws -> Result<SecureBytes, AccessDenial> {
        guard let encryption = registry.encryption else {
            preconditionFailure("unwrapRegistryDEK called on non-CMK registry \(registry.name)")
        }
        let principal: Principal
        switch encryptionPrincipal(for: registry) {
        case .success(let found): principal = found
        case .failure(let denial):
            if let keyID = KeyIdentifier.parse(encryption.versionedKeyIdentifier) {
                record(
                    AuditEvent(
                        time: now, vaultName: keyID.vaultName, operationName: KeyOperation.unwrapKey.auditName,
                        resultSignature: "Unauthorized", callerObjectId: "", caller: "registry \(registry.name)",
                        keyId: keyID.url, detail: denial.code.rawValue, registry: registry.name))
            }
            return .failure(denial)
        }
        guard let keyID = KeyIdentifier.parse(encryption.versionedKeyIdentifier),
            let algorithm = KeyWrapAlgorithm(rawValue: encryption.wrapAlgorithm)
        else {
            preconditionFailure("registry \(registry.name) holds an unparseable key id or algorithm")
        }
        return try keyVault.unwrapKey(encryption.wrappedDEK, key: keyID, algorithm: algorithm, as: principal)
            .map(\.value)
    }

    /// `az acr encryption rotate-key`: re-wraps the DEK with a new key (version) and/or identity.
    ///
    /// Content is not re-encrypted: the cost does not depend on how much the registry holds.
    @discardableResult
    public func rotateRegistryKey(name: String, resourceGroup: String?, keyEncryptionKey: String?, identity: String?)
        throws -> Registry
    {
        let registry = try requireRegistry(name, resourceGroup: resourceGroup)
        guard let encryption = registry.encryption else {
            throw CMKError.usage("usage error: key rotation is only applicable to registries with CMK enabled")
        }
        let targetKeyText = keyEncryptionKey ?? encryption.keyIdentifier
        guard let targetKey = KeyIdentifier.parse(targetKeyText) else {
            throw CMKError.badRequest(.invalidKeyIdentifier, "'\(targetKeyText)' is not a Key Vault key identifier.")
        }
        var rotated = registry
        if let identity {
            rotated.encryption!.identity = try encryptionIdentityValue(identity, for: registry)
        }
        let newPrincipal: Principal
        switch encryptionPrincipal(for: rotated) {
        case .success(let principal): newPrincipal = principal
        case .failure(let denial):
            throw registryKeyError(denial, registry: registry.name, action: "rotated", key: targetKey)
        }
        // Any principal allowed to unwrap with the old key can recover the DEK: the new identity if it may, else the old.
        guard let oldKey = KeyIdentifier.parse(encryption.versionedKeyIdentifier),
            let algorithm = KeyWrapAlgorithm(rawValue: encryption.wrapAlgorithm)
        else { preconditionFailure("registry \(registry.name) holds an unparseable key id") }
        var dek: SecureBytes?
        var lastDenial: AccessDenial?
        var callers = [newPrincipal]
        if case .success(let current) = encryptionPrincipal(for: registry), current != newPrincipal {
            callers.append(current)
        }
        for caller in callers where dek == nil {
            switch try keyVault.unwrapKey(encryption.wrappedDEK, key: oldKey, algorithm: algorithm, as: caller) {
            case .success(let result): dek = result.value
            case .failure(let denial): lastDenial = denial
            }
        }
        guard let dek else {
            throw registryKeyError(
                lastDenial ?? encryptionPrincipalDenial(registry), registry: registry.name,
                action: "rotated (the current key must still unwrap the data key)", key: oldKey)
        }
        let (wrapped, kid) = try wrapDEK(
            dek, with: targetKey, as: newPrincipal, registry: registry.name, action: "rotated")
        rotated.encryption!.keyIdentifier = targetKey.url
        rotated.encryption!.versionedKeyIdentifier = kid
        rotated.encryption!.wrappedDEK = wrapped
        rotated.encryption!.wrapAlgorithm = Self.dekWrapAlgorithm.rawValue
        rotated.encryption!.lastKeyRotationTimestamp = now
        world.registries[key: registry.resourceName] = rotated
        return rotated
    }

    private func encryptionPrincipalDenial(_ registry: Registry) -> AccessDenial {
        if case .failure(let denial) = encryptionPrincipal(for: registry) { return denial }
        return AccessDenial(.forbiddenByPolicy, "The registry's identity cannot unwrap its data key.")
    }

    /// az's `--identity` for rotate-key: `[system]` → `system`, a GUID → a client id as-is, a name or id → its client id.
    func encryptionIdentityValue(_ reference: String, for registry: Registry) throws -> String {
        if reference.lowercased() == "[system]" {
            guard registry.identity.systemPrincipalId != nil else {
                throw CMKError.badRequest(
                    .badRequest, "The registry '\(registry.name)' has no system-assigned identity.",
                    hint: "az acr identity assign --identities [system] --name \(registry.name)")
            }
            return "system"
        }
        if UUID(uuidString: reference) != nil { return reference.lowercased() }
        let identity = try resolveIdentity(reference, defaultResourceGroup: registry.resourceGroup)
        guard registry.identity.userAssigned(clientId: identity.clientId) != nil else {
            throw CMKError.badRequest(
                .badRequest,
                "The identity '\(identity.name)' is not assigned to registry "
                    + "'\(registry.name)'.",
                hint: "az acr identity assign --identities \(identity.name) --name \(registry.name)")
        }
        return identity.clientId
    }

    /// `az acr identity assign`.
    @discardableResult
    public func assignRegistryIdentities(name: String, resourceGroup: String?, identities: [String]) throws -> Registry
    {
        let registry = try requireRegistry(name, resourceGroup: resourceGroup)
        let index = registryIndex(registry.name)!
        for reference in identities {
            if reference.lowercased() == "[system]" {
                if world.registries[index].identity.systemPrincipalId == nil {
                    world.registries[index].identity.systemPrincipalId = Identifiers.guid()
                    world.registries[index].identity.systemTenantId = world.account.tenantId
                }
                continue
            }
            let identity = try resolveIdentity(reference, defaultResourceGroup: registry.resourceGroup)
            world.registries[index].identity.userAssigned.removeAll { $0.clientId == identity.clientId }
            world.registries[index].identity.userAssigned.append(
                RegistryIdentity.UserAssigned(
                    resourceID: identity.id(subscriptionId: world.account.subscriptionId),
                    clientId: identity.clientId, principalId: identity.principalId))
        }
        return world.registries[index]
    }

    /// `az acr identity remove`. Removing the encryption identity locks the registry out of its key, as in Azure.
    @discardableResult
    public func removeRegistryIdentities(name: String, resourceGroup: String?, identities: [String]) throws -> Registry
    {
        let registry = try requireRegistry(name, resourceGroup: resourceGroup)
        let index = registryIndex(registry.name)!
        if registry.identity.type == "None" {
            throw CMKError.badRequest(nil, "The registry \(registry.name) has no system or user assigned identities.")
        }
        for reference in identities {
            if reference.lowercased() == "[system]" {
                guard world.registries[index].identity.systemPrincipalId != nil else {
                    throw CMKError.badRequest(nil, "The registry does not have a system identity assigned.")
                }
                world.registries[index].identity.systemPrincipalId = nil
                world.registries[index].identity.systemTenantId = nil
                continue
            }
            let lowered = reference.lowercased()
            let match = world.registries[index].identity.userAssigned.firstIndex { assigned in
                assigned.resourceID.lowercased() == lowered || assigned.clientId.lowercased() == lowered
                    || assigned.resourceID.lowercased().hasSuffix("/userassignedidentities/\(lowered)")
            }
            guard let match else {
                throw CMKError.badRequest(
                    nil,
                    "The registry does not have specified user identity '\(reference)' "
                        + "assigned, so it cannot be removed.")
            }
            world.registries[index].identity.userAssigned.remove(at: match)
        }
        return world.registries[index]
    }
}
