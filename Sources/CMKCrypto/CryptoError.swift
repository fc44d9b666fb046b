internal import COpenSSL

/// An error raised by CMKCrypto.
///
/// A struct over a private code so the set of cases can grow without breaking callers. Compare with the
/// static members (`error == .decryptionFailed`). Every failure to decrypt or authenticate — wrong key, corrupt
/// ciphertext, bad tag, bad padding, truncation — is the single indistinct `decryptionFailed`, so callers cannot
/// leak which check failed.
public struct CryptoError: Error, CustomStringConvertible, Equatable, Sendable {
    enum Code: Equatable, Sendable {
        case decryptionFailed
        case unsupportedKeySize(Int)
        case invalidKey(String)
        case invalidInput(String)
        case library(operation: String, code: UInt)
    }

    let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// Decryption or authentication failed: wrong key, corrupt or truncated ciphertext, bad tag or bad padding.
    public static let decryptionFailed = CryptoError(.decryptionFailed)

    /// An RSA key size that may not be generated.
    ///
    /// - Parameter bitCount: The refused modulus size in bits.
    public static func unsupportedKeySize(_ bitCount: Int) -> CryptoError {
        CryptoError(.unsupportedKeySize(bitCount))
    }

    /// Key material that cannot be used (wrong length, malformed encoding, not RSA).
    ///
    /// - Parameter reason: What is wrong with the key and how to fix it.
    public static func invalidKey(_ reason: String) -> CryptoError {
        CryptoError(.invalidKey(reason))
    }

    /// A non-key argument that cannot be used (bad length, malformed data, misuse of a stream).
    ///
    /// - Parameter reason: What is wrong with the input and how to fix it.
    public static func invalidInput(_ reason: String) -> CryptoError {
        CryptoError(.invalidInput(reason))
    }

    /// OpenSSL reported an unexpected failure.
    ///
    /// - Parameters:
    ///   - operation: The OpenSSL function or step that failed.
    ///   - code: The packed error code from `ERR_get_error` (0 when the library queued none).
    public static func library(operation: String, code: UInt) -> CryptoError {
        CryptoError(.library(operation: operation, code: code))
    }

    public var description: String {
        switch code {
        case .decryptionFailed:
            return "decryption failed: wrong key, or the data is corrupt, truncated or was not produced by this key"
        case .unsupportedKeySize(let bitCount):
            let allowed = RSAPrivateKey.supportedBitCounts.map(String.init).joined(separator: ", ")
            return "unsupported RSA key size \(bitCount) bits: use one of \(allowed)"
        case .invalidKey(let reason):
            return "invalid key: \(reason)"
        case .invalidInput(let reason):
            return "invalid input: \(reason)"
        case .library(let operation, let code):
            return "OpenSSL \(operation) failed: \(CryptoError.reasonString(for: code)) (error code \(code))"
        }
    }

    private static func reasonString(for code: UInt) -> String {
        guard code != 0 else {
            return "no error queued by the library"
        }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension CryptoError {
    /// Captures the first error OpenSSL queued on this thread for `operation`, then clears the queue.
    static func fromLibrary(_ operation: String) -> CryptoError {
        let code = ERR_get_error()
        ERR_clear_error()
        return .library(operation: operation, code: code)
    }

    /// The indistinct decryption failure, after dropping whatever OpenSSL queued so nothing leaks later.
    static func clearedDecryptionFailure() -> CryptoError {
        ERR_clear_error()
        return .decryptionFailed
    }
}
