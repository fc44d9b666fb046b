import CMKCrypto
import Foundation

/// The keys that open one registry's content during one command: the platform layer and, for CMK registries,
/// the data-encryption key unwrapped through the vault.
///
/// Lives only in memory for the command that unwrapped it; nothing serializes it (not `Codable`, and its
/// description hides the keys), so revocation takes effect at the next command.
public final class ContentKeys: @unchecked Sendable, CustomStringConvertible {
    /// The registry's name.
    public let registryName: String
    /// Which incarnation of the registry the content belongs to: hex SHA-256 of its content-key salt, so a
    /// registry deleted and created again under the same name never sees (or mixes keys with) the old content.
    public let scope: String
    /// Whether a customer-managed key layer is present.
    public var isCMK: Bool { layerKeys.count == 2 }
    /// Platform layer key first, then the DEK.
    let layerKeys: [SecureBytes]
    /// The keys of the registry's content index, derived from the same layers.
    public let index: ContentIndexKeys

    /// Keys over a registry's layer keys.
    ///
    /// - Parameters:
    ///   - registryName: The registry.
    ///   - salt: The registry's content-key salt.
    ///   - layerKeys: The platform layer key, then (for a CMK registry) the DEK.
    /// - Throws: `CryptoError` if deriving the index keys fails.
    package init(registryName: String, salt: [UInt8], layerKeys: [SecureBytes]) throws {
        self.registryName = registryName
        self.scope = ContentKeys.scope(forSalt: salt)
        self.layerKeys = layerKeys
        self.index = try ContentIndexKeys(layerKeys: layerKeys, salt: salt, scope: scope, registryName: registryName)
    }

    /// The scope string of a registry's content-key salt.
    public static func scope(forSalt salt: [UInt8]) -> String {
        SHA256.hex(SHA256.hash(Array("acrcmk/content/scope|".utf8) + salt))
    }

    /// The file id of the sealed object holding `digest` in this registry: per registry, so two registries (or
    /// two incarnations of one) never share a file sealed with another's keys, and keyed, so nobody without the
    /// registry's keys can tell from the file names whether it holds a given (say, public) digest.
    ///
    /// - Throws: `CryptoError` if OpenSSL fails.
    public func objectID(for digest: String) throws -> String {
        SHA256.hex(try index.token(.object, digest))
    }

    /// Bytes bound into every sealed stream of this registry.
    var streamContext: [UInt8] {
        Array("acrcmk/content/v1|\(scope)".utf8)
    }

    public var description: String {
        "ContentKeys(registry: \(registryName), layers: \(layerKeys.count))"
    }
}
