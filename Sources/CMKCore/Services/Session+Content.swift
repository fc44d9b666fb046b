import CMKCrypto
import Foundation

/// The registry data plane's door: the keys that open a registry's content, obtained once per command.
extension Session {
    /// The HKDF info of the platform content layer.
    static let platformContentInfo = Array("acrcmk/content/platform".utf8)

    /// The keys of a registry's content: the platform layer, and for a CMK registry the DEK, unwrapped through
    /// the vault as the registry's identity (one audited KeyUnwrap).
    ///
    /// Call it once per command and pass the result along; never store it.
    ///
    /// - Parameters:
    ///   - name: The registry.
    ///   - action: What the command does with the content, for the error message (e.g. "pushed to").
    /// - Throws: `ResourceNotFound` for an unknown registry; when the vault refuses the unwrap, a `CMKError`
    ///   carrying the denial's code (e.g. `KeyDisabled`), its message and the fix as the hint.
    public func contentKeys(forRegistry name: String, action: String = "read") throws -> ContentKeys {
        let registry = try requireRegistry(name)
        let platformLayer = try HKDF.deriveKey(inputKeyMaterial: platformKey, salt: registry.contentKeySalt,
                                               info: Self.platformContentInfo, outputByteCount: 32)
        guard let encryption = registry.encryption else {
            return try ContentKeys(registryName: registry.name, salt: registry.contentKeySalt,
                                   layerKeys: [platformLayer])
        }
        switch try unwrapRegistryDEK(registry) {
        case .success(let dek):
            return try ContentKeys(registryName: registry.name, salt: registry.contentKeySalt,
                               layerKeys: [platformLayer, dek])
        case .failure(let denial):
            let key = KeyIdentifier.parse(encryption.versionedKeyIdentifier)
            var error = denial.asError
            error.message = "The content of registry '\(registry.name)' cannot be \(action): its data-encryption key "
                + "could not be unwrapped with '\(encryption.versionedKeyIdentifier)'. \(denial.message)"
            error.hint = Remedies.fix(for: denial.code, registry: registry.name, key: key)
            throw error
        }
    }

    /// Checks that the registry the keys were obtained for still exists as the same incarnation; a push commits
    /// its rows only then.
    ///
    /// - Throws: `ResourceNotFound` when the registry was deleted (or deleted and created again) meanwhile.
    public func requireContentRegistry(_ keys: ContentKeys) throws {
        guard let registry = world.registries[key: keys.registryName],
              ContentKeys.scope(forSalt: registry.contentKeySalt) == keys.scope
        else {
            throw CMKError(.notFound, code: .resourceNotFound,
                           "The registry '\(keys.registryName)' was deleted while content was being pushed to it; "
                               + "nothing was recorded.")
        }
    }

    /// The content scopes of every registry that exists now, by scope (for fsck).
    public func contentScopes() -> [String: String] {
        var scopes: [String: String] = [:]
        for registry in world.registries {
            scopes[ContentKeys.scope(forSalt: registry.contentKeySalt)] = registry.name
        }
        return scopes
    }
}
