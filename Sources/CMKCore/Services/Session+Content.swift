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
        guard let encryption = registry.encryption else {
            return try contentKeys(of: registry, dek: nil)
        }
        switch try unwrapRegistryDEK(registry) {
        case .success(let dek):
            return try contentKeys(of: registry, dek: dek)
        case .failure(let denial):
            let key = KeyIdentifier.parse(encryption.versionedKeyIdentifier)
            var error = denial.asError
            error.message = "The content of registry '\(registry.name)' cannot be \(action): its data-encryption key "
                + "could not be unwrapped with '\(encryption.versionedKeyIdentifier)'. \(denial.message)"
            error.hint = Remedies.fix(for: denial.code, registry: registry.name, key: key)
            throw error
        }
    }

    /// The keys of a registry's content from its layers: the platform layer, then the DEK when given.
    func contentKeys(of registry: Registry, dek: SecureBytes?) throws -> ContentKeys {
        let platformLayer = try HKDF.deriveKey(inputKeyMaterial: platformKey, salt: registry.contentKeySalt,
                                               info: Self.platformContentInfo, outputByteCount: 32)
        return try ContentKeys(registryName: registry.name, salt: registry.contentKeySalt,
                               layerKeys: [platformLayer] + (dek.map { [$0] } ?? []))
    }

    /// Checks that the registry the keys were obtained for still exists as the same incarnation; a push commits
    /// its rows only then.
    ///
    /// - Throws: `ResourceNotFound` when the registry was deleted (or deleted and created again) meanwhile.
    public func requireContentRegistry(_ keys: ContentKeys) throws {
        guard let registry = world.registries[key: ResourceName(keys.registryName)],
              ContentKeys.scope(forSalt: registry.contentKeySalt) == keys.scope
        else {
            throw CMKError(.notFound, code: .resourceNotFound,
                           "The registry '\(keys.registryName)' was deleted while content was being pushed to it; "
                               + "nothing was recorded.")
        }
    }

    /// Records how many objects a registry's index holds after a commit, so a later change made outside acrcmk
    /// (rows deleted or added in `registry/`) shows as a mismatch.
    public func recordContentObjects(_ keys: ContentKeys, count: Int) {
        guard var registry = world.registries[key: ResourceName(keys.registryName)],
              ContentKeys.scope(forSalt: registry.contentKeySalt) == keys.scope, registry.contentObjects != count
        else { return }
        registry.contentObjects = count
        world.registries[key: ResourceName(keys.registryName)] = registry
    }

    /// The content objects each registry's control record says its index holds, by scope; nil where never recorded.
    public func recordedContentObjects() -> [String: Int?] {
        var recorded: [String: Int?] = [:]
        for registry in world.registries {
            recorded[ContentKeys.scope(forSalt: registry.contentKeySalt)] = .some(registry.contentObjects)
        }
        return recorded
    }

    /// The content scopes of registries deleted for good: what they left may be removed.
    public func deletedContentScopes() -> Set<String> {
        Set(world.purgeRecords.filter { $0.kind == .contentScope }.map(\.name))
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
