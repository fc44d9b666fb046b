internal import COpenSSL

/// The public half of an RSA key: import, export (DER, PEM, JWK) and key wrapping.
///
/// Import is permissive about size (test vectors and foreign keys may be small); only generation is restricted,
/// see `RSAPrivateKey.generate(bitCount:)`. Two keys are equal when their SubjectPublicKeyInfo DER is equal.
public struct RSAPublicKey: Sendable, Equatable {
    private let key: EVPKey

    /// The key as SubjectPublicKeyInfo DER (re-encoded by OpenSSL, so canonical).
    public let derRepresentation: [UInt8]

    init(key: EVPKey) throws {
        self.key = key
        self.derRepresentation = try key.publicKeyDER()
    }

    /// Imports a SubjectPublicKeyInfo DER public key.
    ///
    /// - Parameter derRepresentation: The DER bytes (`openssl pkey -pubout -outform DER`).
    /// - Throws: `CryptoError.invalidKey` when the bytes are not an RSA SubjectPublicKeyInfo.
    public init(derRepresentation: [UInt8]) throws {
        let parsed = derRepresentation.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            guard let key = d2i_PUBKEY(nil, &cursor, buffer.count) else {
                return nil
            }
            guard cursor == buffer.baseAddress! + buffer.count else {
                EVP_PKEY_free(key)
                return nil
            }
            return key
        }
        ERR_clear_error()
        guard let parsed else {
            throw CryptoError.invalidKey("not a DER SubjectPublicKeyInfo RSA public key (or trailing bytes after it)")
        }
        let key = EVPKey(taking: parsed)
        guard key.isRSA else {
            throw CryptoError.invalidKey("the public key is not RSA; only RSA keys are supported")
        }
        try self.init(key: key)
    }

    /// Imports a public key from the `n` and `e` members of a JWK.
    ///
    /// - Parameters:
    ///   - n: The modulus, big-endian, base64url without padding.
    ///   - e: The public exponent, big-endian, base64url without padding.
    /// - Throws: `CryptoError.invalidKey` when either value is malformed or not a plausible RSA parameter.
    public init(jwkModulus n: String, exponent e: String) throws {
        guard let modulus = Base64URL.decode(n).map(RSAPublicKey.strippingLeadingZeros), !modulus.isEmpty,
            modulus.last! & 1 == 1
        else {
            throw CryptoError.invalidKey("JWK 'n' must be a non-empty base64url (no padding) odd modulus")
        }
        guard let exponent = Base64URL.decode(e).map(RSAPublicKey.strippingLeadingZeros), !exponent.isEmpty,
            exponent.last! & 1 == 1, exponent != [1]
        else {
            throw CryptoError.invalidKey("JWK 'e' must be a base64url (no padding) odd exponent of at least 3")
        }
        try self.init(key: RSAPublicKey.makeKey(modulus: modulus, exponent: exponent))
    }

    /// The key as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) block, ending with a newline.
    public var pemRepresentation: String {
        let body = Base64URL.standardBase64(derRepresentation)
        var lines = ["-----BEGIN PUBLIC KEY-----"]
        var index = body.startIndex
        while index < body.endIndex {
            let end = body.index(index, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(String(body[index..<end]))
            index = end
        }
        lines.append("-----END PUBLIC KEY-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JWK members `n` and `e`: base64url without padding, big-endian, no leading zero byte.
    public var jwk: (n: String, e: String) {
        do {
            return (
                Base64URL.encode(try key.bigEndianParameter("n")),
                Base64URL.encode(try key.bigEndianParameter("e"))
            )
        } catch {
            fatalError("reading the parameters of a loaded RSA key failed: \(error)")
        }
    }

    /// The modulus size in bits (2048, 3072, 4096, ...).
    public var modulusBitCount: Int {
        key.bitCount
    }

    /// Encrypts (wraps) `plaintext`, usually a data-encryption key, as Key Vault's `wrapKey`/`encrypt` do.
    ///
    /// - Parameters:
    ///   - plaintext: The bytes to wrap; at most the modulus size minus the padding overhead.
    ///   - algorithm: The padding scheme.
    /// - Returns: A ciphertext as long as the modulus.
    /// - Throws: `CryptoError.invalidInput` when `plaintext` is too long for the key and scheme.
    public func wrap(_ plaintext: [UInt8], algorithm: KeyWrapAlgorithm) throws -> [UInt8] {
        try key.encrypt(plaintext, algorithm: algorithm, label: [])
    }

    /// Wraps with an OAEP label; only test vectors and interoperability checks need labels.
    func wrap(_ plaintext: [UInt8], algorithm: KeyWrapAlgorithm, label: [UInt8]) throws -> [UInt8] {
        try key.encrypt(plaintext, algorithm: algorithm, label: label)
    }

    public static func == (lhs: RSAPublicKey, rhs: RSAPublicKey) -> Bool {
        lhs.derRepresentation == rhs.derRepresentation
    }

    private static func strippingLeadingZeros(_ bytes: [UInt8]) -> [UInt8] {
        Array(bytes.drop { $0 == 0 })
    }

    private static func makeKey(modulus: [UInt8], exponent: [UInt8]) throws -> EVPKey {
        guard let n = BN_bin2bn(modulus, Int32(modulus.count), nil) else {
            throw CryptoError.fromLibrary("BN_bin2bn")
        }
        defer { BN_free(n) }
        guard let e = BN_bin2bn(exponent, Int32(exponent.count), nil) else {
            throw CryptoError.fromLibrary("BN_bin2bn")
        }
        defer { BN_free(e) }
        guard let builder = OSSL_PARAM_BLD_new() else {
            throw CryptoError.fromLibrary("OSSL_PARAM_BLD_new")
        }
        defer { OSSL_PARAM_BLD_free(builder) }
        guard OSSL_PARAM_BLD_push_BN(builder, OSSLParameterName.rsaModulus, n) == 1,
            OSSL_PARAM_BLD_push_BN(builder, OSSLParameterName.rsaPublicExponent, e) == 1,
            let params = OSSL_PARAM_BLD_to_param(builder)
        else {
            throw CryptoError.fromLibrary("OSSL_PARAM_BLD_push_BN")
        }
        defer { OSSL_PARAM_free(params) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_new_from_name(RSA)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_fromdata_init(context) == 1,
            EVP_PKEY_fromdata(context, &key, COpenSSL_EVP_PKEY_PUBLIC_KEY(), params) == 1, let key
        else {
            throw CryptoError.fromLibrary("EVP_PKEY_fromdata(RSA public key)")
        }
        return EVPKey(taking: key)
    }
}
