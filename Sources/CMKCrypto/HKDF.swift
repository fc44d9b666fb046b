internal import COpenSSL

/// HKDF (RFC 5869) with SHA-256, through OpenSSL's `EVP_KDF` "HKDF".
public enum HKDF {
    /// The largest output HKDF-SHA256 can produce (255 hash blocks).
    public static let maximumOutputByteCount = 255 * SHA256.byteCount

    /// Derives a key: extract with `salt`, then expand with `info`.
    ///
    /// An empty salt behaves as a salt of 32 zero bytes, as RFC 5869 specifies.
    ///
    /// - Parameters:
    ///   - inputKeyMaterial: The secret to derive from.
    ///   - salt: Non-secret randomness; may be empty.
    ///   - info: Context binding the output to its purpose; may be empty.
    ///   - outputByteCount: 1 through `maximumOutputByteCount`.
    /// - Throws: `CryptoError.invalidInput` for an output length out of range; `.library` if OpenSSL fails.
    public static func deriveKey(
        inputKeyMaterial: SecureBytes,
        salt: [UInt8],
        info: [UInt8],
        outputByteCount: Int
    ) throws -> SecureBytes {
        guard (1...maximumOutputByteCount).contains(outputByteCount) else {
            throw CryptoError.invalidInput(
                "HKDF-SHA256 output length \(outputByteCount) is out of range: use 1 to \(maximumOutputByteCount) bytes"
            )
        }
        guard let kdf = EVP_KDF_fetch(nil, "HKDF", nil) else {
            throw CryptoError.fromLibrary("EVP_KDF_fetch(HKDF)")
        }
        defer { EVP_KDF_free(kdf) }
        guard let context = EVP_KDF_CTX_new(kdf) else {
            throw CryptoError.fromLibrary("EVP_KDF_CTX_new")
        }
        defer { EVP_KDF_CTX_free(context) }

        return try inputKeyMaterial.withUnsafeBytes { ikm in
            try salt.withUnsafeBytes { salt in
                try info.withUnsafeBytes { info in
                    try SecureBytes(count: outputByteCount) { output in
                        try derive(context: context, ikm: ikm, salt: salt, info: info, into: output)
                    }
                }
            }
        }
    }

    private static func derive(
        context: OpaquePointer,
        ikm: UnsafeRawBufferPointer,
        salt: UnsafeRawBufferPointer,
        info: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws {
        // OpenSSL wants a non-null pointer even for zero-length octet strings.
        var placeholder: UInt8 = 0
        try withUnsafeMutablePointer(to: &placeholder) { placeholderPointer in
            func octets(_ key: UnsafePointer<CChar>, _ bytes: UnsafeRawBufferPointer) -> OSSL_PARAM {
                let base = bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                    ?? UnsafeMutableRawPointer(placeholderPointer)
                return OSSL_PARAM_construct_octet_string(key, base, bytes.count)
            }
            var digestName = Array("SHA256".utf8CString)
            try digestName.withUnsafeMutableBufferPointer { digestName in
                var params: [OSSL_PARAM] = [
                    OSSL_PARAM_construct_utf8_string(OSSLParameterName.digest, digestName.baseAddress, 0),
                    octets(OSSLParameterName.key, ikm),
                ]
                // Leaving salt and info out is how OpenSSL spells "empty"; results equal RFC 5869's.
                if !salt.isEmpty {
                    params.append(octets(OSSLParameterName.salt, salt))
                }
                if !info.isEmpty {
                    params.append(octets(OSSLParameterName.info, info))
                }
                params.append(OSSL_PARAM_construct_end())
                guard EVP_KDF_derive(context, output.baseAddress, output.count, params) == 1 else {
                    throw CryptoError.fromLibrary("EVP_KDF_derive(HKDF-SHA256)")
                }
            }
        }
    }
}
