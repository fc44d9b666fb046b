import CMKCrypto
import Foundation

/// The keys of one registry's content index: deterministic lookup tokens and sealed columns.
///
/// The index (repository and tag names, digests, media types, platforms, sizes, times) is as secret as the content
/// it describes, so it is keyed by the same layers: both keys come from HKDF-SHA256 over the platform layer key
/// and, for a CMK registry, the DEK (salt: the registry's content-key salt). With the DEK out of reach nobody,
/// including the tool, can compute a token or open a sealed column.
///
/// - Tokens are HMAC-SHA256 over a kind and length-prefixed parts: equal inputs give equal tokens (so SQLite can
///   look rows up and join them) and nothing else can be learnt from them.
/// - Sealed values are AES-256-GCM with a random 96-bit nonce and the row's identity (scope, table, tokens) as
///   additional data, so a sealed value copied into another row, registry or column does not open. The plaintext
///   is padded (0x80, then zeros) to a multiple of `paddingBlock` bytes, so the length of a sealed value does not
///   give away the length of a name.
public final class ContentIndexKeys: @unchecked Sendable, CustomStringConvertible {
    /// What a token names; each kind is a separate domain, so a tag never collides with a repository of the same
    /// spelling.
    public enum TokenKind: String, Sendable {
        case repository
        case tag
        case digest
        /// The file name of a sealed object.
        case object
    }

    /// The version byte that starts every sealed value.
    static let sealedFormatVersion: UInt8 = 1
    /// Sealed plaintexts are padded to a multiple of this many bytes.
    static let paddingBlock = 64
    private static let nonceByteCount = 12
    private static let tokenInfo = Array("acrcmk/content/index/token/v1".utf8)
    private static let sealingInfo = Array("acrcmk/content/index/seal/v1".utf8)

    /// The registry whose index these keys open (for error messages).
    public let registryName: String
    /// The registry's content scope (see `ContentKeys.scope`), bound into every sealed value.
    public let scope: String
    private let tokenKey: SecureBytes
    private let sealingKey: SecureBytes

    /// Derives the index keys from a registry's content layer keys.
    ///
    /// - Parameters:
    ///   - layerKeys: The platform layer key, then (for a CMK registry) the DEK.
    ///   - salt: The registry's content-key salt.
    ///   - scope: The registry's content scope.
    ///   - registryName: The registry's name.
    /// - Throws: `CryptoError` if OpenSSL fails.
    init(layerKeys: [SecureBytes], salt: [UInt8], scope: String, registryName: String) throws {
        let material = SecureBytes(concatenating: layerKeys)
        self.tokenKey = try HKDF.deriveKey(inputKeyMaterial: material, salt: salt, info: Self.tokenInfo,
                                           outputByteCount: 32)
        self.sealingKey = try HKDF.deriveKey(inputKeyMaterial: material, salt: salt, info: Self.sealingInfo,
                                             outputByteCount: 32)
        self.scope = scope
        self.registryName = registryName
    }

    /// The lookup token of a value of the index.
    ///
    /// - Parameters:
    ///   - kind: What the value names.
    ///   - parts: The value and what qualifies it (a tag's repository first, then the tag).
    /// - Returns: 32 bytes, the same for the same kind and parts under the same registry's keys.
    /// - Throws: `CryptoError` if OpenSSL fails.
    public func token(_ kind: TokenKind, _ parts: String...) throws -> [UInt8] {
        var message = Self.lengthPrefixed(Array(kind.rawValue.utf8))
        for part in parts {
            message += Self.lengthPrefixed(Array(part.utf8))
        }
        return try HMACSHA256.authenticationCode(for: message, key: tokenKey)
    }

    /// Seals a value of the index for one row.
    ///
    /// - Parameters:
    ///   - plaintext: The value.
    ///   - row: What identifies the row: its table and tokens. Opening must name the same.
    /// - Returns: Version byte, nonce, ciphertext (of the padded value) and tag.
    /// - Throws: `CryptoError` if OpenSSL fails.
    public func seal(_ plaintext: [UInt8], row: [[UInt8]]) throws -> [UInt8] {
        var padded = plaintext + [0x80]
        let fill = (Self.paddingBlock - padded.count % Self.paddingBlock) % Self.paddingBlock
        padded += [UInt8](repeating: 0, count: fill)
        let nonce = SecureRandom.bytes(count: Self.nonceByteCount)
        let sealed = try AESGCM.seal(padded, key: sealingKey, nonce: nonce, authenticating: associatedData(row))
        return [Self.sealedFormatVersion] + nonce + sealed.ciphertext + sealed.tag
    }

    /// Opens a value sealed by `seal(_:row:)`.
    ///
    /// - Parameters:
    ///   - sealed: What `seal` returned.
    ///   - row: The same row identity as when sealing.
    /// - Returns: The value.
    /// - Throws: `CMKError` (`ContentIndexTampered`) when the value does not authenticate: it was altered, moved
    ///   to another row, or sealed with another registry's (or incarnation's) keys.
    public func open(_ sealed: [UInt8], row: [[UInt8]]) throws -> [UInt8] {
        let overhead = 1 + Self.nonceByteCount + AESGCM.tagByteCount
        guard sealed.count >= overhead, sealed[0] == Self.sealedFormatVersion else {
            throw tampered("it is not a sealed value of this format")
        }
        let nonce = Array(sealed[1..<1 + Self.nonceByteCount])
        let ciphertext = Array(sealed[1 + Self.nonceByteCount..<sealed.count - AESGCM.tagByteCount])
        let tag = Array(sealed[(sealed.count - AESGCM.tagByteCount)...])
        let padded: [UInt8]
        do {
            padded = try AESGCM.open(ciphertext, tag: tag, key: sealingKey, nonce: nonce,
                                     authenticating: associatedData(row))
        } catch {
            throw tampered("it does not authenticate under the registry's keys")
        }
        // Authentic, so the padding is ours; a bad one would mean a bug in `seal`, still reported, never trusted.
        guard let end = padded.lastIndex(where: { $0 != 0 }), padded[end] == 0x80 else {
            throw tampered("its padding is malformed")
        }
        return Array(padded[..<end])
    }

    public var description: String {
        "ContentIndexKeys(registry: \(registryName))"
    }

    private func associatedData(_ row: [[UInt8]]) -> [UInt8] {
        var data = Self.lengthPrefixed(Array("acrcmk/content/index/v1".utf8)) + Self.lengthPrefixed(Array(scope.utf8))
        for part in row {
            data += Self.lengthPrefixed(part)
        }
        return data
    }

    private func tampered(_ reason: String) -> CMKError {
        CMKError(.badRequest, code: .contentIndexTampered,
                 "A row of the content index of registry '\(registryName)' cannot be opened: \(reason). It was "
                     + "modified or copied from elsewhere in the state home.",
                 hint: "Run 'acrcmk fsck' to check the registry's content; restore the state home from a backup or "
                     + "push the content again.")
    }

    /// `bytes` preceded by its length (4 bytes, big-endian), so joined parts can never be re-split differently.
    private static func lengthPrefixed(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)] + bytes
    }
}
