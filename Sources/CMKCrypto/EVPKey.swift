internal import COpenSSL

/// Owns one `EVP_PKEY` handle and performs the RSA operations on it.
///
/// OpenSSL allows concurrent use of a key from several threads as long as each operation gets its own
/// `EVP_PKEY_CTX`, which is what every method here does; hence `@unchecked Sendable`.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    var isRSA: Bool {
        EVP_PKEY_is_a(pointer, "RSA") == 1
    }

    var bitCount: Int {
        Int(EVP_PKEY_get_bits(pointer))
    }

    var modulusByteCount: Int {
        (bitCount + 7) / 8
    }

    /// The public half as SubjectPublicKeyInfo DER.
    func publicKeyDER() throws -> [UInt8] {
        let length = i2d_PUBKEY(pointer, nil)
        guard length > 0 else {
            throw CryptoError.fromLibrary("i2d_PUBKEY")
        }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(pointer, &cursor)
        }
        guard written == length else {
            throw CryptoError.fromLibrary("i2d_PUBKEY")
        }
        return der
    }

    /// A big-endian parameter such as "n" or "e", without leading zero bytes.
    func bigEndianParameter(_ name: String) throws -> [UInt8] {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(pointer, name, &number) == 1, let number else {
            throw CryptoError.fromLibrary("EVP_PKEY_get_bn_param(\(name))")
        }
        defer { BN_free(number) }
        let length = (Int(BN_num_bits(number)) + 7) / 8
        var bytes = [UInt8](repeating: 0, count: length)
        _ = BN_bn2bin(number, &bytes)
        return bytes
    }

    /// RSA-encrypts `plaintext` with the public half.
    func encrypt(_ plaintext: [UInt8], algorithm: KeyWrapAlgorithm, label: [UInt8]) throws -> [UInt8] {
        let limit = modulusByteCount - algorithm.paddingOverhead
        guard plaintext.count <= limit else {
            throw CryptoError.invalidInput(
                "\(algorithm.rawValue) with a \(bitCount)-bit key can wrap at most \(max(limit, 0)) bytes, "
                    + "got \(plaintext.count)"
            )
        }
        let context = try makeContext()
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_encrypt_init(context) == 1 else {
            throw CryptoError.fromLibrary("EVP_PKEY_encrypt_init")
        }
        try configure(context, algorithm: algorithm, label: label)
        var length = modulusByteCount
        var ciphertext = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_encrypt(context, &ciphertext, &length, plaintext, plaintext.count) == 1 else {
            throw CryptoError.fromLibrary("EVP_PKEY_encrypt(\(algorithm.rawValue))")
        }
        return Array(ciphertext.prefix(length))
    }

    /// RSA-decrypts `ciphertext` with the private half; every failure is the indistinct `decryptionFailed`.
    func decrypt(_ ciphertext: [UInt8], algorithm: KeyWrapAlgorithm, label: [UInt8]) throws -> SecureBytes {
        guard ciphertext.count == modulusByteCount, let context = EVP_PKEY_CTX_new_from_pkey(nil, pointer, nil) else {
            throw CryptoError.clearedDecryptionFailure()
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_decrypt_init(context) == 1,
            (try? configure(context, algorithm: algorithm, label: label)) != nil
        else {
            throw CryptoError.clearedDecryptionFailure()
        }
        var length = 0
        let scratch = try SecureBytes(count: modulusByteCount) { buffer in
            length = buffer.count
            let status = EVP_PKEY_decrypt(
                context,
                buffer.baseAddress!.assumingMemoryBound(to: UInt8.self),
                &length,
                ciphertext,
                ciphertext.count
            )
            guard status == 1 else {
                throw CryptoError.clearedDecryptionFailure()
            }
        }
        return scratch.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
    }

    private func makeContext() throws -> OpaquePointer {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pointer, nil) else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_new_from_pkey")
        }
        return context
    }

    private func configure(_ context: OpaquePointer, algorithm: KeyWrapAlgorithm, label: [UInt8]) throws {
        guard COpenSSL_EVP_PKEY_CTX_set_rsa_padding(context, algorithm.padding) == 1 else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_set_rsa_padding")
        }
        guard let digestName = algorithm.oaepDigestName else {
            precondition(label.isEmpty, "PKCS #1 v1.5 has no label")
            return
        }
        guard EVP_PKEY_CTX_set_rsa_oaep_md_name(context, digestName, nil) == 1,
            EVP_PKEY_CTX_set_rsa_mgf1_md_name(context, digestName, nil) == 1
        else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_set_rsa_oaep_md_name(\(digestName))")
        }
        if !label.isEmpty {
            // The context takes ownership of the label, so it must come from OpenSSL's allocator.
            guard let copy = label.withUnsafeBytes({ COpenSSL_memdup($0.baseAddress, $0.count) }) else {
                throw CryptoError.fromLibrary("OPENSSL_memdup")
            }
            guard EVP_PKEY_CTX_set0_rsa_oaep_label(context, copy, Int32(label.count)) == 1 else {
                COpenSSL_free(copy)
                throw CryptoError.fromLibrary("EVP_PKEY_CTX_set0_rsa_oaep_label")
            }
        }
    }
}
