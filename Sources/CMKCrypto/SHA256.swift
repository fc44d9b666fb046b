import Foundation
internal import COpenSSL

/// SHA-256 through OpenSSL's EVP digest API.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// The SHA-256 digest of `bytes`.
    ///
    /// - Parameter bytes: The data to hash.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The SHA-256 digest of `bytes`.
    ///
    /// - Parameter bytes: The data to hash.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The SHA-256 digest of any contiguous bytes (`Data`, slices).
    ///
    /// - Parameter bytes: The data to hash.
    public static func hash(_ bytes: some ContiguousBytes) -> [UInt8] {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// Lowercase hexadecimal spelling of `digest`, as in `sha256:<hex>` content digests.
    ///
    /// - Parameter digest: Any bytes, usually a digest.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var characters = [UInt8]()
        characters.reserveCapacity(digest.count * 2)
        for byte in digest {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// The fetched SHA-256 implementation, shared so each hasher skips the provider lookup.
    nonisolated(unsafe) static let algorithm: OpaquePointer = {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil) else {
            fatalError("OpenSSL has no SHA256 digest: \(CryptoError.fromLibrary("EVP_MD_fetch"))")
        }
        return md
    }()
}
