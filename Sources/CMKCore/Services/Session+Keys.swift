@_spi(KeySealing) import CMKCrypto
import Foundation

/// What `az keyvault key create` asks for.
public struct KeyCreateRequest: Sendable {
    public var vaultName: String
    public var name: String
    public var keyType: KeyType = .rsa
    public var size: Int?
    public var curve: String?
    public var operations: [String]?
    public var disabled = false
    public var expires: Date?
    public var notBefore: Date?
    public var tags: [String: String]?

    public init(vaultName: String, name: String) {
        self.vaultName = vaultName
        self.name = name
    }
}

/// What `az keyvault key set-attributes` may change.
public struct KeyAttributesUpdate: Sendable {
    public var enabled: Bool?
    public var expires: Date?
    public var notBefore: Date?
    public var operations: [String]?
    public var tags: [String: String]?

    public init() {}
}

/// `az keyvault key`: keys with versions, soft delete, purge, rotation policy, encrypt and decrypt.
extension Session {
    public static let rsaKeySizes = RSAPrivateKey.supportedBitCounts
    public static let ellipticCurves = ["P-256", "P-256K", "P-384", "P-521"]
    public static let keyOperations = [
        "encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey", "import", "export",
    ]

    func keyIndex(vaultName: String, name: String) -> Int? {
        let key = ResourceName(path: ResourceName(vaultName), ResourceName(name))
        guard world.keys[key: key] != nil else { return nil }
        return world.keys.firstIndex { $0.naturalKey == key }
    }

    /// Creates a key, or a new version of an existing one, with real key material.
    @discardableResult
    public func createKey(_ request: KeyCreateRequest, as principal: Principal? = nil) throws -> (VaultKey, KeyVersion)
    {
        let caller = principal ?? signedInOperator
        let vault = try requireVault(request.vaultName)
        try Validation.keyName(request.name)
        _ = try requireAccess(.create, vaultName: vault.name, keyName: nil, as: caller)
        if let index = keyIndex(vaultName: vault.name, name: request.name), world.keys[index].isDeleted {
            throw CMKError.conflict(
                .conflict,
                "Key \(request.name) is currently in a deleted but recoverable state, and "
                    + "its name cannot be reused; in this state, the key can only be recovered or purged.",
                hint: "az keyvault key recover --name \(request.name) --vault-name \(vault.name)")
        }
        if request.keyType.isHSM, vault.sku != "premium" {
            throw CMKError.badRequest(
                .badParameter,
                "HSM-protected keys (\(request.keyType.rawValue)) need a premium "
                    + "vault; '\(vault.name)' is standard.",
                hint: "Use --kty RSA, or a vault created with --sku premium.")
        }
        if request.keyType == .oct || request.keyType == .octHSM {
            throw CMKError.badRequest(
                .badParameter,
                "Key type \(request.keyType.rawValue) is only supported by Managed "
                    + "HSM, not by a key vault.")
        }
        let version = try makeKeyVersion(
            vaultName: vault.name, keyName: request.name, type: request.keyType,
            size: request.size, curve: request.curve, operations: request.operations,
            enabled: !request.disabled, expires: request.expires,
            notBefore: request.notBefore, tags: request.tags)
        if let index = keyIndex(vaultName: vault.name, name: request.name) {
            world.keys[index].versions.append(version)
            if let tags = request.tags { world.keys[index].tags = tags }
            return (world.keys[index], version)
        }
        world.purgeRecords.removeAll { $0.records(.key, "\(vault.name)/\(request.name)") }
        let key = VaultKey(vaultName: vault.name, name: request.name, versions: [version], tags: request.tags)
        world.keys.append(key)
        return (key, version)
    }

    func makeKeyVersion(
        vaultName: String, keyName: String, type: KeyType, size: Int?, curve: String?,
        operations: [String]?, enabled: Bool, expires: Date?, notBefore: Date?,
        tags: [String: String]?
    ) throws -> KeyVersion {
        let versionID = Identifiers.keyVersion()
        let kid = "https://\(vaultName).vault.azure.net/keys/\(keyName)/\(versionID)"
        var publicDER: [UInt8] = []
        var sealed: [UInt8] = []
        var keySize: Int?
        var keyCurve: String?
        if type.isRSA {
            if curve != nil {
                throw CMKError.badRequest(.badParameter, "--curve applies to EC keys only; RSA keys take --size.")
            }
            let bits = size ?? 2048
            guard Self.rsaKeySizes.contains(bits) else {
                throw CMKError.badRequest(
                    .badParameter,
                    "RSA key size \(bits) is not supported. Key Vault RSA keys are "
                        + "2048, 3072 or 4096 bits.", hint: "Pass --size 2048, 3072 or 4096.")
            }
            let privateKey = try RSAPrivateKey.generate(bitCount: bits)
            publicDER = privateKey.publicKey.derRepresentation
            sealed = try sealPrivateKey(privateKey, kid: kid)
            keySize = bits
        } else {
            if size != nil {
                throw CMKError.badRequest(.badParameter, "--size applies to RSA keys only; EC keys take --curve.")
            }
            let chosen = curve ?? "P-256"
            guard let match = Self.ellipticCurves.first(where: { $0.lowercased() == chosen.lowercased() }) else {
                throw CMKError.badRequest(
                    .badParameter,
                    "Curve \(chosen) is not supported. Use one of "
                        + Self.ellipticCurves.joined(separator: ", ") + ".")
            }
            keyCurve = match
        }
        let defaultOps =
            type.isRSA ? ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"] : ["sign", "verify"]
        let ops = try (operations ?? defaultOps).map { op in
            guard let known = Self.keyOperations.first(where: { $0.lowercased() == op.lowercased() }) else {
                throw CMKError.usage(
                    "'\(op)' is not a valid value for '--ops'. Allowed values: "
                        + Self.keyOperations.joined(separator: ", ") + ".")
            }
            return known
        }
        return KeyVersion(
            version: versionID, keyType: type, keySize: keySize, curve: keyCurve, keyOps: ops,
            enabled: enabled, notBefore: notBefore, expires: expires, created: now, updated: now,
            tags: tags, publicKeyDER: publicDER, sealedPrivateKey: sealed)
    }

    /// A key version as `az keyvault key show` returns it (`version` nil = current).
    public func showKey(vaultName: String, name: String, version: String?, as principal: Principal? = nil) throws -> (VaultKey, KeyVersion) {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(
            .get, vaultName: vault.name, keyName: name, version: version, as: principal ?? signedInOperator)
        return (access.key!, access.version!)
    }

    public func listKeys(vaultName: String, as principal: Principal? = nil) throws -> [VaultKey] {
        let vault = try requireVault(vaultName)
        _ = try requireAccess(.list, vaultName: vault.name, keyName: nil, as: principal ?? signedInOperator)
        return world.keys.filter { $0.vaultName == vault.name && !$0.isDeleted }
    }

    public func listDeletedKeys(vaultName: String, as principal: Principal? = nil) throws -> [VaultKey] {
        let vault = try requireVault(vaultName)
        _ = try requireAccess(.list, vaultName: vault.name, keyName: nil, as: principal ?? signedInOperator)
        return world.keys.filter { $0.vaultName == vault.name && $0.isDeleted }
    }

    @discardableResult
    public func setKeyAttributes(vaultName: String, name: String, version: String?, _ update: KeyAttributesUpdate,
                                 as principal: Principal? = nil)
        throws
        -> (VaultKey, KeyVersion)
    {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(
            .update, vaultName: vault.name, keyName: name, version: version, as: principal ?? signedInOperator)
        let keyIndex = keyIndex(vaultName: vault.name, name: access.key!.name)!
        let versionIndex = world.keys[keyIndex].versions.firstIndex { $0.version == access.version!.version }!
        var keyVersion = world.keys[keyIndex].versions[versionIndex]
        if let enabled = update.enabled { keyVersion.enabled = enabled }
        if let expires = update.expires { keyVersion.expires = expires }
        if let notBefore = update.notBefore { keyVersion.notBefore = notBefore }
        if let ops = update.operations {
            keyVersion.keyOps = try ops.map { op in
                guard let known = Self.keyOperations.first(where: { $0.lowercased() == op.lowercased() }) else {
                    throw CMKError.usage("'\(op)' is not a valid value for '--ops'.")
                }
                return known
            }
        }
        if let tags = update.tags { keyVersion.tags = tags }
        keyVersion.updated = now
        world.keys[keyIndex].versions[versionIndex] = keyVersion
        if update.enabled == false {
            recordManagement(
                "KeyDisable", vault: vault.name,
                detail: keyVersion.identifier(
                    vaultName: vault.name, keyName: access.key!.name))
        }
        return (world.keys[keyIndex], keyVersion)
    }

    /// A new version like the current one; the rotation policy's `expiryTime` sets its expiry.
    @discardableResult
    public func rotateKey(vaultName: String, name: String, as principal: Principal? = nil) throws -> (
        VaultKey, KeyVersion
    ) {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(.rotate, vaultName: vault.name, keyName: name, as: principal ?? signedInOperator)
        let (rotated, version) = try appendRotatedVersion(of: access.key!)
        amendLastAudit(
            operation: KeyOperation.rotate.auditName,
            keyId: version.identifier(vaultName: vault.name, keyName: rotated.name))
        return (rotated, version)
    }

    /// A new version like the current one, with the expiry the rotation policy gives new versions; manual
    /// rotation and the rotation policy both make versions this way.
    func appendRotatedVersion(of key: VaultKey) throws -> (VaultKey, KeyVersion) {
        let current = key.current
        let expires = key.rotationPolicy?.expiryTime.map { $0.added(to: now) }
        let version = try makeKeyVersion(
            vaultName: key.vaultName, keyName: key.name, type: current.keyType,
            size: current.keySize, curve: current.curve, operations: current.keyOps,
            enabled: true, expires: expires, notBefore: nil, tags: current.tags)
        let index = keyIndex(vaultName: key.vaultName, name: key.name)!
        world.keys[index].versions.append(version)
        return (world.keys[index], version)
    }

    /// Soft-deletes a key: every version becomes unusable until recovered.
    @discardableResult
    public func deleteKey(vaultName: String, name: String, as principal: Principal? = nil) throws -> VaultKey {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(.delete, vaultName: vault.name, keyName: name, as: principal ?? signedInOperator)
        let index = keyIndex(vaultName: vault.name, name: access.key!.name)!
        world.keys[index].deletion = Deletion(
            deletedAt: now, scheduledPurgeDate: now.addingTimeInterval(Double(vault.softDeleteRetentionInDays) * 86_400)
        )
        return world.keys[index]
    }

    func deletedKeyIndex(vaultName: String, name: String) throws -> Int {
        guard let index = keyIndex(vaultName: vaultName, name: name), world.keys[index].isDeleted else {
            throw CMKError(
                .notFound, code: .keyNotFound, "Deleted Key not found: \(name)",
                hint: "az keyvault key list-deleted --vault-name \(vaultName)")
        }
        return index
    }

    @discardableResult
    public func recoverKey(vaultName: String, name: String, as principal: Principal? = nil) throws -> VaultKey {
        let vault = try requireVault(vaultName)
        _ = try requireAccess(.recover, vaultName: vault.name, keyName: nil, as: principal ?? signedInOperator)
        let index = try deletedKeyIndex(vaultName: vault.name, name: name)
        world.keys[index].deletion = nil
        return world.keys[index]
    }

    /// Destroys a soft-deleted key for good; refused under purge protection, in Key Vault's words.
    public func purgeKey(vaultName: String, name: String, as principal: Principal? = nil) throws {
        let vault = try requireVault(vaultName)
        let index = try deletedKeyIndex(vaultName: vault.name, name: name)
        if vault.purgeProtected {
            recordManagement("KeyPurge", vault: vault.name, result: "Forbidden", detail: "purge protection")
            throw CMKError(
                .forbidden, code: .forbidden,
                "Operation \"purge\" is not allowed because purge protection is "
                    + "enabled for this vault. Key Vault service will automatically purge it after the retention period has "
                    + "passed. Vault: \(vault.name);location=\(vault.location)")
        }
        _ = try requireAccess(.purge, vaultName: vault.name, keyName: nil, as: principal ?? signedInOperator)
        destroyKey(at: index)
    }

    func destroyKey(at index: Int) {
        let key = world.keys.remove(at: index)
        world.purgeRecords.append(PurgeRecord(kind: .key, name: "\(key.vaultName)/\(key.name)", purgedAt: now))
    }

    /// Key Vault's encrypt: RSA encryption with the key's public half.
    public func encrypt(
        vaultName: String, name: String, version: String?, algorithm: KeyWrapAlgorithm,
        plaintext: [UInt8], as principal: Principal? = nil
    ) throws -> (ciphertext: [UInt8], kid: String) {
        let vault = try requireVault(vaultName)
        let id = KeyIdentifier(vaultName: vault.name, keyName: name, version: version)
        switch try vaultWrap(plaintext, key: id, algorithm: algorithm, operation: .encrypt,
                         as: principal ?? signedInOperator) {
        case .success(let result): return result
        case .failure(let denial): throw denial.asError
        }
    }

    /// Key Vault's decrypt: RSA decryption with the sealed private half.
    public func decrypt(
        vaultName: String, name: String, version: String?, algorithm: KeyWrapAlgorithm,
        ciphertext: [UInt8], as principal: Principal? = nil
    ) throws -> (plaintext: SecureBytes, kid: String) {
        let vault = try requireVault(vaultName)
        let id = KeyIdentifier(vaultName: vault.name, keyName: name, version: version)
        switch try vaultUnwrap(ciphertext, key: id, algorithm: algorithm, operation: .decrypt,
                               as: principal ?? signedInOperator) {
        case .success(let result): return result
        case .failure(let denial): throw denial.asError
        }
    }
}

extension Session {
    /// `az keyvault key import`: brings an existing RSA private key (PKCS#8 or PKCS#1 DER) into the vault as a new
    /// version; it is sealed with the vault master key at once and never printed again.
    @discardableResult
    public func importKey(
        vaultName: String, name: String, privateKeyDER: [UInt8], hsm: Bool,
        operations: [String]?, disabled: Bool, tags: [String: String]?, as principal: Principal? = nil
    ) throws -> (VaultKey, KeyVersion) {
        try importKey(vaultName: vaultName, name: name, hsm: hsm, operations: operations, disabled: disabled,
                      notBefore: nil, expires: nil, tags: tags, as: principal) {
            do {
                return try RSAPrivateKey(pkcs8DER: SecureBytes(privateKeyDER))
            } catch {
                throw CMKError.badRequest(.badParameter, "The key material is not an RSA private key (PKCS#8 or PKCS#1).")
            }
        }
    }

    /// Imports the private key `load` makes, once the caller is allowed to: checks, seals, appends a version.
    func importKey(
        vaultName: String, name: String, hsm: Bool, operations: [String]?, disabled: Bool, notBefore: Date?,
        expires: Date?, tags: [String: String]?, as principal: Principal?, load: () throws -> RSAPrivateKey
    ) throws -> (VaultKey, KeyVersion) {
        let vault = try requireVault(vaultName)
        try Validation.keyName(name)
        _ = try requireAccess(.create, vaultName: vault.name, keyName: nil, as: principal ?? signedInOperator)
        if let index = keyIndex(vaultName: vault.name, name: name), world.keys[index].isDeleted {
            throw CMKError.conflict(
                .conflict,
                "Key \(name) is currently in a deleted but recoverable state, and its name "
                    + "cannot be reused; in this state, the key can only be recovered or purged.")
        }
        let privateKey = try load()
        let bits = privateKey.publicKey.modulusBitCount
        guard Self.rsaKeySizes.contains(bits) else {
            throw CMKError.badRequest(
                .badParameter,
                "RSA key size \(bits) is not supported. Key Vault RSA keys are 2048, "
                    + "3072 or 4096 bits.")
        }
        let versionID = Identifiers.keyVersion()
        let kid = "https://\(vault.name).vault.azure.net/keys/\(name)/\(versionID)"
        let ops = try (operations ?? ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"]).map { op in
            guard let known = Self.keyOperations.first(where: { $0.lowercased() == op.lowercased() }) else {
                throw CMKError.badRequest(.badParameter, "'\(op)' is not a key operation. Allowed values: "
                                              + Self.keyOperations.joined(separator: ", ") + ".")
            }
            return known
        }
        let version = KeyVersion(
            version: versionID, keyType: hsm ? .rsaHSM : .rsa, keySize: bits, curve: nil, keyOps: ops,
            enabled: !disabled, notBefore: notBefore, expires: expires, created: now, updated: now, tags: tags,
            publicKeyDER: privateKey.publicKey.derRepresentation,
            sealedPrivateKey: try sealPrivateKey(privateKey, kid: kid))
        if let index = keyIndex(vaultName: vault.name, name: name) {
            world.keys[index].versions.append(version)
            if let tags { world.keys[index].tags = tags }
            return (world.keys[index], version)
        }
        world.purgeRecords.removeAll { $0.records(.key, "\(vault.name)/\(name)") }
        let key = VaultKey(vaultName: vault.name, name: name, versions: [version], tags: tags)
        world.keys.append(key)
        return (key, version)
    }
}
