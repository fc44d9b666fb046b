public import CMKCrypto

/// Key Vault's encryption algorithm names (RSA-OAEP, RSA-OAEP-256, RSA1_5), for layers that do not import CMKCrypto.
public typealias KeyEncryptionAlgorithm = KeyWrapAlgorithm

/// Base64url without padding (JSON Web Key members, Key Vault's operation values), for layers that do not import
/// CMKCrypto.
public typealias Base64URLText = Base64URL

extension KeyVersion {
    /// The public JSON Web Key fields `n` and `e` (base64url) of an RSA version; `nil` for other key types.
    public var publicJWK: (n: String, e: String)? {
        guard keyType.isRSA, let publicKey = try? RSAPublicKey(derRepresentation: publicKeyDER) else { return nil }
        return publicKey.jwk
    }
}

extension Identifiers {
    /// Cryptographically random bytes (probe content, salts).
    public static func randomBytes(count: Int) -> [UInt8] {
        SecureRandom.bytes(count: count)
    }
}
