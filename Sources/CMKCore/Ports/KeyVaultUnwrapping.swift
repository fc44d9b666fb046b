public import CMKCrypto

/// Key Vault's `unwrapKey` (`POST {vaultBaseUrl}/keys/{name}/{version}/unwrapkey`), as the registry side calls it.
///
/// It is the only way content operations obtain a registry's data-encryption key: the registry side holds the
/// wrapped DEK and asks, as the registry's identity; the vault side decides (identity, firewall, access policy or
/// RBAC, key state) and records the call in its audit log. The vault of the session's own home answers in process
/// (`InProcessKeyVault`); a registry home whose vault is served by another acrcmk process (`keyvault.url`) gets
/// CMKVaultClient's `RemoteKeyVault`, which asks over Key Vault's REST API and answers `VaultUnreachable` when it
/// cannot.
public protocol KeyVaultUnwrapping: AnyObject {
    /// Unwraps `wrapped` with the key version `key` names, as `caller`.
    ///
    /// - Returns: The plaintext key and the versioned key id that opened it, or the vault's refusal.
    /// - Throws: `CMKError` when the ciphertext does not open (wrong key, wrong algorithm, corrupted).
    func unwrapKey(_ wrapped: [UInt8], key: KeyIdentifier, algorithm: KeyWrapAlgorithm, as caller: Principal) throws
        -> Result<UnwrappedKey, AccessDenial>
}

/// What `unwrapKey` returns: the key (zeroized when released) and the versioned key id that opened it.
public struct UnwrappedKey: Sendable {
    public let value: SecureBytes
    public let kid: String

    public init(value: SecureBytes, kid: String) {
        self.value = value
        self.kid = kid
    }
}

/// The simulated Key Vault of the session's own state home: permission evaluation, the RSA private key sealed
/// under the vault master key, and the audit event, all within the command's transaction.
final class InProcessKeyVault: KeyVaultUnwrapping {
    // The session owns its vault; the vault never outlives the command.
    private unowned let session: Session

    init(session: Session) {
        self.session = session
    }

    func unwrapKey(_ wrapped: [UInt8], key: KeyIdentifier, algorithm: KeyWrapAlgorithm, as caller: Principal) throws
        -> Result<UnwrappedKey, AccessDenial>
    {
        try session.vaultUnwrap(wrapped, key: key, algorithm: algorithm, as: caller).map {
            UnwrappedKey(value: $0.plaintext, kid: $0.kid)
        }
    }
}
