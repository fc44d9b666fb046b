internal import COpenSSL

/// One AES-256-GCM key bound to one `EVP_CIPHER_CTX`, reused across messages.
///
/// The key schedule is computed once in `init`; each message only re-initialises the IV, which is what makes
/// streaming many records cheap. In-place operation (`input` and `output` the same memory) is allowed.
/// Not thread-safe: one instance per stream.
final class AESGCMCipher {
    static let keyByteCount = 32
    static let tagByteCount = 16
    static let standardNonceByteCount = 12
    /// OpenSSL 3.0's GCM provider keeps the IV in a 128-byte field and refuses longer ones.
    static let maximumNonceByteCount = 128

    private let context: OpaquePointer
    private let isEncrypting: Bool
    private var currentNonceByteCount = standardNonceByteCount

    /// Binds `key` to a fresh cipher context for sealing (`encrypting: true`) or opening.
    init(key: UnsafeRawBufferPointer, encrypting: Bool) throws {
        guard key.count == AESGCMCipher.keyByteCount else {
            throw CryptoError.invalidKey(
                "AES-256-GCM needs a 32-byte key, got \(key.count) bytes"
            )
        }
        guard let context = EVP_CIPHER_CTX_new() else {
            throw CryptoError.fromLibrary("EVP_CIPHER_CTX_new")
        }
        self.context = context
        self.isEncrypting = encrypting
        guard EVP_CipherInit_ex2(context, AESGCMCipher.algorithm, key.baseAddress, nil, encrypting ? 1 : 0, nil)
            == 1
        else {
            throw CryptoError.fromLibrary("EVP_CipherInit_ex2(AES-256-GCM)")
        }
    }

    deinit {
        // EVP_CIPHER_CTX_free cleanses the key schedule.
        EVP_CIPHER_CTX_free(context)
    }

    /// Encrypts `input` into `output` (same length) and writes the 16-byte tag.
    func seal(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawBufferPointer,
        nonce: UnsafeRawBufferPointer,
        aad: UnsafeRawBufferPointer
    ) throws {
        precondition(isEncrypting, "AESGCMCipher created for opening was asked to seal")
        precondition(output.count == input.count && tag.count == AESGCMCipher.tagByteCount)
        try start(nonce: nonce, aad: aad)
        try process(input, into: output, operation: "EVP_EncryptUpdate")
        var finalLength: Int32 = 0
        guard EVP_EncryptFinal_ex(context, output.baseAddress.map { $0 + output.count }, &finalLength) == 1 else {
            throw CryptoError.fromLibrary("EVP_EncryptFinal_ex")
        }
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tag.count), tag.baseAddress) == 1 else {
            throw CryptoError.fromLibrary("EVP_CIPHER_CTX_ctrl(GET_TAG)")
        }
    }

    /// Decrypts `input` into `output` (same length) and verifies `tag`.
    ///
    /// On any failure `output` is zeroed, so unauthenticated plaintext never escapes.
    ///
    /// - Throws: `CryptoError.decryptionFailed` for a bad tag or a tag of the wrong length.
    func open(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        tag: UnsafeRawBufferPointer,
        nonce: UnsafeRawBufferPointer,
        aad: UnsafeRawBufferPointer
    ) throws {
        precondition(!isEncrypting, "AESGCMCipher created for sealing was asked to open")
        precondition(output.count == input.count)
        guard tag.count == AESGCMCipher.tagByteCount else {
            throw CryptoError.decryptionFailed
        }
        do {
            try start(nonce: nonce, aad: aad)
            try process(input, into: output, operation: "EVP_DecryptUpdate")
            let tagPointer = UnsafeMutableRawPointer(mutating: tag.baseAddress)
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), tagPointer) == 1 else {
                throw CryptoError.fromLibrary("EVP_CIPHER_CTX_ctrl(SET_TAG)")
            }
            var finalLength: Int32 = 0
            guard EVP_DecryptFinal_ex(context, output.baseAddress.map { $0 + output.count }, &finalLength) == 1 else {
                throw CryptoError.clearedDecryptionFailure()
            }
        } catch {
            if let base = output.baseAddress {
                OPENSSL_cleanse(base, output.count)
            }
            throw error
        }
    }

    /// Sets the nonce (keeping the key) and feeds the additional authenticated data.
    private func start(nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer) throws {
        guard (1...AESGCMCipher.maximumNonceByteCount).contains(nonce.count) else {
            throw CryptoError.invalidInput(
                "AES-GCM nonce must be 1 to \(AESGCMCipher.maximumNonceByteCount) bytes "
                    + "(12 recommended), got \(nonce.count)"
            )
        }
        if nonce.count != currentNonceByteCount {
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil) == 1 else {
                throw CryptoError.fromLibrary("EVP_CIPHER_CTX_ctrl(SET_IVLEN)")
            }
            currentNonceByteCount = nonce.count
        }
        guard EVP_CipherInit_ex2(context, nil, nil, nonce.baseAddress, isEncrypting ? 1 : 0, nil) == 1 else {
            throw CryptoError.fromLibrary("EVP_CipherInit_ex2(nonce)")
        }
        if !aad.isEmpty {
            try process(aad, into: nil, operation: isEncrypting ? "EVP_EncryptUpdate(AAD)" : "EVP_DecryptUpdate(AAD)")
        }
    }

    /// Runs `EVP_CipherUpdate` over `input` in pieces that fit the C API's `int` lengths.
    private func process(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer?,
        operation: String
    ) throws {
        guard let inputBase = input.baseAddress else {
            return
        }
        let pieceLimit = 1 << 30
        var offset = 0
        while offset < input.count {
            let length = min(pieceLimit, input.count - offset)
            var written: Int32 = 0
            let out = output.map { $0.baseAddress! + offset }
            let status = EVP_CipherUpdate(
                context,
                out?.assumingMemoryBound(to: UInt8.self),
                &written,
                (inputBase + offset).assumingMemoryBound(to: UInt8.self),
                Int32(length)
            )
            guard status == 1, output == nil || Int(written) == length else {
                throw CryptoError.fromLibrary(operation)
            }
            offset += length
        }
    }

    /// The fetched AES-256-GCM implementation, shared by every context.
    nonisolated(unsafe) private static let algorithm: OpaquePointer = {
        guard let cipher = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil) else {
            fatalError("OpenSSL has no AES-256-GCM cipher: \(CryptoError.fromLibrary("EVP_CIPHER_fetch"))")
        }
        return cipher
    }()
}
