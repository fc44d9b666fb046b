/// One-shot AES-256-GCM with a 16-byte tag.
///
/// Use a 12-byte nonce and never repeat a nonce under one key. Other nonce lengths (1 to 128 bytes) are accepted
/// for interoperability and test vectors. For large content use `SealedStreamWriter`, which keeps memory constant.
public enum AESGCM {
    /// The authentication tag length in bytes.
    public static let tagByteCount = AESGCMCipher.tagByteCount

    /// Encrypts and authenticates `plaintext`.
    ///
    /// - Parameters:
    ///   - plaintext: The data to encrypt.
    ///   - key: A 32-byte AES-256 key.
    ///   - nonce: A unique nonce, normally 12 bytes.
    ///   - aad: Data authenticated but not encrypted; may be empty.
    /// - Returns: The ciphertext (same length as `plaintext`) and the 16-byte tag.
    /// - Throws: `CryptoError.invalidKey` for a key that is not 32 bytes, `.invalidInput` for a bad nonce length.
    public static func seal(
        _ plaintext: [UInt8],
        key: SecureBytes,
        nonce: [UInt8],
        authenticating aad: [UInt8]
    ) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        let cipher = try key.withUnsafeBytes { try AESGCMCipher(key: $0, encrypting: true) }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        try plaintext.withUnsafeBytes { input in
            try ciphertext.withUnsafeMutableBytes { output in
                try tag.withUnsafeMutableBytes { tag in
                    try nonce.withUnsafeBytes { nonce in
                        try aad.withUnsafeBytes { aad in
                            try cipher.seal(input, into: output, tag: tag, nonce: nonce, aad: aad)
                        }
                    }
                }
            }
        }
        return (ciphertext, tag)
    }

    /// Verifies and decrypts what `seal` produced.
    ///
    /// - Parameters:
    ///   - ciphertext: The encrypted data.
    ///   - tag: The 16-byte authentication tag.
    ///   - key: The 32-byte key used to seal.
    ///   - nonce: The nonce used to seal.
    ///   - aad: The additional data used to seal.
    /// - Returns: The plaintext.
    /// - Throws: `CryptoError.decryptionFailed` when anything does not authenticate; `.invalidKey` for a key that is
    ///   not 32 bytes; `.invalidInput` for a bad nonce length.
    public static func open(
        _ ciphertext: [UInt8],
        tag: [UInt8],
        key: SecureBytes,
        nonce: [UInt8],
        authenticating aad: [UInt8]
    ) throws -> [UInt8] {
        let cipher = try key.withUnsafeBytes { try AESGCMCipher(key: $0, encrypting: false) }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        try ciphertext.withUnsafeBytes { input in
            try plaintext.withUnsafeMutableBytes { output in
                try tag.withUnsafeBytes { tag in
                    try nonce.withUnsafeBytes { nonce in
                        try aad.withUnsafeBytes { aad in
                            try cipher.open(input, into: output, tag: tag, nonce: nonce, aad: aad)
                        }
                    }
                }
            }
        }
        return plaintext
    }
}
