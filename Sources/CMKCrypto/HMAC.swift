internal import COpenSSL

/// HMAC-SHA256 (RFC 2104, FIPS 198-1), through OpenSSL's `EVP_MAC` "HMAC".
///
/// Use it for keyed, deterministic identifiers (lookup tokens) and message authentication. Compare codes with
/// `HMACSHA256.isValid(_:for:key:)`, which runs in constant time, never with `==`.
public enum HMACSHA256 {
    /// The length of an authentication code in bytes.
    public static let byteCount = SHA256.byteCount

    /// The authentication code of `message` under `key`.
    ///
    /// - Parameters:
    ///   - message: The data to authenticate; may be empty.
    ///   - key: The secret key; any length (keys longer than 64 bytes are hashed first, as RFC 2104 says), but
    ///     use at least 32 random bytes.
    /// - Returns: The 32-byte code.
    /// - Throws: `CryptoError.invalidKey` for an empty key; `.library` if OpenSSL fails.
    public static func authenticationCode(for message: [UInt8], key: SecureBytes) throws -> [UInt8] {
        guard key.count > 0 else {
            throw CryptoError.invalidKey("HMAC-SHA256 needs a non-empty key")
        }
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
            throw CryptoError.fromLibrary("EVP_MAC_fetch(HMAC)")
        }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else {
            throw CryptoError.fromLibrary("EVP_MAC_CTX_new")
        }
        defer { EVP_MAC_CTX_free(context) }
        return try key.withUnsafeBytes { key in
            try message.withUnsafeBytes { message in
                try compute(context: context, key: key, message: message)
            }
        }
    }

    /// Whether `code` is the authentication code of `message` under `key`, compared in constant time.
    ///
    /// - Parameters:
    ///   - code: The code to check.
    ///   - message: The data it claims to authenticate.
    ///   - key: The secret key.
    /// - Throws: What `authenticationCode(for:key:)` throws.
    public static func isValid(_ code: [UInt8], for message: [UInt8], key: SecureBytes) throws -> Bool {
        let expected = try authenticationCode(for: message, key: key)
        guard code.count == expected.count else { return false }
        return code.withUnsafeBytes { code in
            expected.withUnsafeBytes { expected in
                CRYPTO_memcmp(code.baseAddress, expected.baseAddress, expected.count) == 0
            }
        }
    }

    private static func compute(context: OpaquePointer, key: UnsafeRawBufferPointer,
                                 message: UnsafeRawBufferPointer) throws -> [UInt8] {
        var digestName = Array("SHA256".utf8CString)
        return try digestName.withUnsafeMutableBufferPointer { digestName in
            var params = [
                OSSL_PARAM_construct_utf8_string(OSSLParameterName.digest, digestName.baseAddress, 0),
                OSSL_PARAM_construct_end(),
            ]
            guard EVP_MAC_init(context, key.bindMemory(to: UInt8.self).baseAddress, key.count, &params) == 1 else {
                throw CryptoError.fromLibrary("EVP_MAC_init(HMAC-SHA256)")
            }
            // EVP_MAC_update wants a non-null pointer even for an empty message.
            var placeholder: UInt8 = 0
            let updated = withUnsafePointer(to: &placeholder) { placeholder in
                EVP_MAC_update(context, message.bindMemory(to: UInt8.self).baseAddress ?? placeholder, message.count)
            }
            guard updated == 1 else {
                throw CryptoError.fromLibrary("EVP_MAC_update(HMAC-SHA256)")
            }
            var code = [UInt8](repeating: 0, count: byteCount)
            var written = 0
            let finished = code.withUnsafeMutableBufferPointer { code in
                EVP_MAC_final(context, code.baseAddress, &written, code.count)
            }
            guard finished == 1, written == byteCount else {
                throw CryptoError.fromLibrary("EVP_MAC_final(HMAC-SHA256)")
            }
            return code
        }
    }
}
