@_spi(KeySealing) import CMKCrypto
import Foundation

/// The vault data plane: every use of key material goes through permission evaluation and the audit log.
extension Session {
    /// Checks access for `operation` as `principal` and records the outcome in the vault's audit log.
    func authorize(
        _ operation: KeyOperation, vaultName: String, keyName: String?, version: String? = nil,
        as principal: Principal
    ) -> Result<KeyAccess, AccessDenial> {
        let result = AccessEvaluator.evaluate(
            operation, vaultName: vaultName, keyName: keyName, version: version,
            by: principal, in: world, at: now)
        let keyId: String? = keyName.map { name in
            switch result {
            case .success(let access):
                if let key = access.key, let keyVersion = access.version {
                    return keyVersion.identifier(vaultName: key.vaultName, keyName: key.name)
                }
                return "https://\(access.vault.name).vault.azure.net/keys/\(name)"
            case .failure:
                return KeyIdentifier(vaultName: vaultName, keyName: name, version: version).url
            }
        }
        let denial: AccessDenial? = if case .failure(let denial) = result { denial } else { nil }
        record(
            AuditEvent(
                time: now, vaultName: vaultName.lowercased(), operationName: operation.auditName,
                resultSignature: denial?.code.resultSignature ?? "OK", callerObjectId: principal.objectId,
                caller: principal.displayName, keyId: keyId, detail: denial?.code.rawValue,
                registry: principal.registryName))
        return result
    }

    /// Like `authorize`, but throws the denial as an az-style error.
    func requireAccess(
        _ operation: KeyOperation, vaultName: String, keyName: String?, version: String? = nil,
        as principal: Principal
    ) throws -> KeyAccess {
        switch authorize(operation, vaultName: vaultName, keyName: keyName, version: version, as: principal) {
        case .success(let access): return access
        case .failure(let denial): throw denial.asError
        }
    }

    /// Encrypts with the public half of a key version (Key Vault's wrapKey / encrypt).
    ///
    /// - Returns: the ciphertext and the versioned key id that produced it.
    /// - Throws: `BadParameter` when the plaintext is too long for the key and padding.
    func vaultWrap(
        _ plaintext: [UInt8], key: KeyIdentifier, algorithm: KeyWrapAlgorithm, operation: KeyOperation = .wrapKey,
        as principal: Principal
    ) throws -> Result<(ciphertext: [UInt8], kid: String), AccessDenial> {
        switch authorize(operation, vaultName: key.vaultName, keyName: key.keyName, version: key.version, as: principal)
        {
        case .failure(let denial):
            return .failure(denial)
        case .success(let access):
            let keyVersion = access.version!
            let publicKey: RSAPublicKey
            do {
                publicKey = try RSAPublicKey(derRepresentation: keyVersion.publicKeyDER)
            } catch {
                preconditionFailure("stored RSA public key of \(key.url) is unusable: \(error)")
            }
            let ciphertext: [UInt8]
            do {
                ciphertext = try publicKey.wrap(plaintext, algorithm: algorithm)
            } catch {
                // The key loaded, so the input is at fault (too long for the key and padding): the caller's mistake.
                throw CMKError.badRequest(.badParameter, "The value cannot be encrypted with this key: \(error).")
            }
            return .success(
                (ciphertext, keyVersion.identifier(vaultName: access.vault.name, keyName: access.key!.name)))
        }
    }

    /// Decrypts with the sealed private half of a key version (Key Vault's unwrapKey / decrypt).
    func vaultUnwrap(
        _ ciphertext: [UInt8], key: KeyIdentifier, algorithm: KeyWrapAlgorithm,
        operation: KeyOperation = .unwrapKey, as principal: Principal
    ) throws
        -> Result<(plaintext: SecureBytes, kid: String), AccessDenial>
    {
        switch authorize(operation, vaultName: key.vaultName, keyName: key.keyName, version: key.version, as: principal)
        {
        case .failure(let denial):
            return .failure(denial)
        case .success(let access):
            let keyVersion = access.version!
            let kid = keyVersion.identifier(vaultName: access.vault.name, keyName: access.key!.name)
            let privateKey = try openPrivateKey(keyVersion.sealedPrivateKey, kid: kid)
            do {
                return .success((try privateKey.unwrap(ciphertext, algorithm: algorithm), kid))
            } catch {
                throw CMKError.badRequest(
                    .badParameter,
                    "The ciphertext could not be decrypted with \(kid) using "
                        + "\(algorithm.rawValue): wrong key, wrong algorithm or corrupted ciphertext.")
            }
        }
    }

    // MARK: - Private key material at rest

    /// Seals a private key under the vault master key; the key id is bound as associated data.
    func sealPrivateKey(_ privateKey: RSAPrivateKey, kid: String) throws -> [UInt8] {
        try KeyMaterialSeal.vault.seal(privateKey, kid: kid, key: try requireVaultMasterKey())
    }

    func openPrivateKey(_ sealed: [UInt8], kid: String) throws -> RSAPrivateKey {
        try KeyMaterialSeal.vault.open(sealed, kid: kid, key: try requireVaultMasterKey())
    }

    /// The vault master key, or the reason this home has none: its vault is served by another process.
    private func requireVaultMasterKey() throws -> SecureBytes {
        guard let vaultMasterKey else {
            throw CMKError(
                .forbidden, code: .vaultKeyMaterialAbsent,
                "This state home holds no Key Vault key material: its registries use the vault served at "
                    + "\(world.config[Self.keyVaultURLConfigKey] ?? "keyvault.url"), and no key can be created, "
                    + "imported or opened here.",
                hint: "Run Key Vault commands against the vault's own state home (acrcmk --home <vault home> az "
                    + "keyvault ...), or through its REST API.")
        }
        return vaultMasterKey
    }
}
