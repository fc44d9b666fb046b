internal import COpenSSL

/// An RSA key pair whose private half never leaves the process except sealed by the vault.
///
/// Generation is limited to the sizes Azure Key Vault allows for CMK (2048, 3072, 4096 bits). The private
/// material is reachable only through the `KeySealing` SPI, used by the vault to seal keys at rest.
public final class RSAPrivateKey: @unchecked Sendable {
    /// The modulus sizes `generate(bitCount:)` accepts.
    public static let supportedBitCounts = [2048, 3072, 4096]

    let key: EVPKey

    /// The public half.
    public let publicKey: RSAPublicKey

    private init(key: EVPKey) throws {
        guard key.isRSA else {
            throw CryptoError.invalidKey("the private key is not RSA; only RSA keys are supported")
        }
        self.key = key
        self.publicKey = try RSAPublicKey(key: key)
    }

    convenience init(evpKey: EVPKey) throws {
        try self.init(key: evpKey)
    }

    /// Generates a new key pair with public exponent 65537.
    ///
    /// - Parameter bitCount: 2048, 3072 or 4096.
    /// - Throws: `CryptoError.unsupportedKeySize` for any other size; `.library` if OpenSSL fails.
    public static func generate(bitCount: Int) throws -> RSAPrivateKey {
        guard supportedBitCounts.contains(bitCount) else {
            throw CryptoError.unsupportedKeySize(bitCount)
        }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_new_from_name(RSA)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1,
            EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bitCount)) == 1
        else {
            throw CryptoError.fromLibrary("EVP_PKEY_keygen_init(RSA \(bitCount))")
        }
        var generated: OpaquePointer?
        guard EVP_PKEY_generate(context, &generated) == 1, let generated else {
            throw CryptoError.fromLibrary("EVP_PKEY_generate(RSA \(bitCount))")
        }
        return try RSAPrivateKey(key: EVPKey(taking: generated))
    }

    /// Decrypts (unwraps) what `RSAPublicKey.wrap` produced, as Key Vault's `unwrapKey`/`decrypt` do.
    ///
    /// - Parameters:
    ///   - ciphertext: The wrapped bytes, as long as the modulus.
    ///   - algorithm: The padding scheme used to wrap.
    /// - Returns: The unwrapped secret.
    /// - Throws: `CryptoError.decryptionFailed` for any failure (wrong key, wrong algorithm, corrupt ciphertext),
    ///   deliberately indistinct so the result cannot serve as a padding oracle.
    public func unwrap(_ ciphertext: [UInt8], algorithm: KeyWrapAlgorithm) throws -> SecureBytes {
        try key.decrypt(ciphertext, algorithm: algorithm, label: [])
    }

    /// Unwraps with an OAEP label; only test vectors and interoperability checks need labels.
    func unwrap(_ ciphertext: [UInt8], algorithm: KeyWrapAlgorithm, label: [UInt8]) throws -> SecureBytes {
        try key.decrypt(ciphertext, algorithm: algorithm, label: label)
    }

    /// The private key as PKCS #8 PrivateKeyInfo DER, for sealing at rest.
    @_spi(KeySealing)
    public func pkcs8DERRepresentation() -> SecureBytes {
        guard let info = EVP_PKEY2PKCS8(key.pointer) else {
            fatalError("EVP_PKEY2PKCS8 failed for a loaded RSA key: \(CryptoError.fromLibrary("EVP_PKEY2PKCS8"))")
        }
        // PKCS8_PRIV_KEY_INFO_free wipes the embedded key octets.
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        let length = i2d_PKCS8_PRIV_KEY_INFO(info, nil)
        guard length > 0 else {
            fatalError("i2d_PKCS8_PRIV_KEY_INFO failed: \(CryptoError.fromLibrary("i2d_PKCS8_PRIV_KEY_INFO"))")
        }
        return SecureBytes(count: Int(length)) { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            guard i2d_PKCS8_PRIV_KEY_INFO(info, &cursor) == length else {
                fatalError("i2d_PKCS8_PRIV_KEY_INFO wrote an unexpected length")
            }
        }
    }

    /// The private key as a PKCS #8 PEM "PRIVATE KEY" block, for interoperability tests with the openssl CLI.
    @_spi(KeySealing)
    public var pemRepresentation: SecureBytes {
        guard let bio = BIO_new(BIO_s_secmem()) else {
            fatalError("BIO_new failed: out of memory")
        }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, key.pointer, nil, nil, 0, nil, nil) == 1 else {
            fatalError("PEM_write_bio_PrivateKey failed: \(CryptoError.fromLibrary("PEM_write_bio_PrivateKey"))")
        }
        var data: UnsafeMutablePointer<CChar>?
        let length = COpenSSL_BIO_get_mem_data(bio, &data)
        guard length > 0, let data else {
            fatalError("PEM_write_bio_PrivateKey produced no output")
        }
        return SecureBytes(copying: UnsafeRawBufferPointer(start: data, count: length))
    }

    /// Imports a private key from PKCS #8 PrivateKeyInfo DER (or PKCS #1 RSAPrivateKey DER).
    ///
    /// Any size is accepted, so foreign keys and test vectors load; only generation is size-restricted.
    ///
    /// - Parameter pkcs8DER: The DER bytes.
    /// - Throws: `CryptoError.invalidKey` when the bytes are not an RSA private key.
    @_spi(KeySealing)
    public convenience init(pkcs8DER: SecureBytes) throws {
        let parsed = pkcs8DER.withUnsafeBytes { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                return nil
            }
            var cursor: UnsafePointer<UInt8>? = base
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        ERR_clear_error()
        guard let parsed else {
            throw CryptoError.invalidKey("not a DER PKCS #8 or PKCS #1 RSA private key")
        }
        try self.init(key: EVPKey(taking: parsed))
    }
}
