internal import COpenSSL

/// Incremental SHA-256 over an `EVP_MD_CTX`, for data that arrives in pieces (streams, files).
///
/// Feed it with `update`, then call `finalize` exactly once. Not thread-safe: one hasher per stream.
public final class SHA256Hasher {
    private let context: OpaquePointer
    private var isFinalized = false

    /// Starts a new SHA-256 computation.
    public init() {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("EVP_MD_CTX_new failed: out of memory")
        }
        guard EVP_DigestInit_ex2(context, SHA256.algorithm, nil) == 1 else {
            fatalError("EVP_DigestInit_ex2 failed: \(CryptoError.fromLibrary("EVP_DigestInit_ex2"))")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds `bytes` to the digest.
    ///
    /// - Parameter bytes: The next piece of data.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(!isFinalized, "SHA256Hasher.update called after finalize")
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return
        }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else {
            fatalError("EVP_DigestUpdate failed: \(CryptoError.fromLibrary("EVP_DigestUpdate"))")
        }
    }

    /// Adds `bytes` to the digest.
    ///
    /// - Parameter bytes: The next piece of data.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Returns the 32-byte digest. The hasher cannot be used afterwards.
    public func finalize() -> [UInt8] {
        precondition(!isFinalized, "SHA256Hasher.finalize called twice")
        isFinalized = true
        var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, Int(length) == SHA256.byteCount else {
            fatalError("EVP_DigestFinal_ex failed: \(CryptoError.fromLibrary("EVP_DigestFinal_ex"))")
        }
        return digest
    }
}
