import Foundation

/// What `acrcmk rotate` is asked to do.
public struct RotationRequest: Sendable {
    /// How the registry should pick up versions afterwards.
    public enum Mode: Sendable, Equatable {
        /// As it does today.
        case unchanged
        /// The versionless key id: the registry follows each new version.
        case automatic
        /// The versioned key id: the registry stays on one version.
        case manual
    }

    public var registry: String
    /// Create a new version of the current key and move to it.
    public var newVersion: Bool
    /// Move to this key (a versionless id means automatic rotation).
    public var keyIdentifier: String?
    /// Switch the encryption identity.
    public var identity: String?
    public var mode: Mode

    public init(registry: String, newVersion: Bool = false, keyIdentifier: String? = nil, identity: String? = nil,
                mode: Mode = .unchanged) {
        self.registry = registry
        self.newVersion = newVersion
        self.keyIdentifier = keyIdentifier
        self.identity = identity
        self.mode = mode
    }
}

/// What a rotation did.
public struct RotationOutcome: Sendable {
    public var before: RegistryEncryption
    public var after: Registry
    /// The az commands it amounts to, in order.
    public var actions: [String]
    /// Whether the data key unwraps with the new key (it must: content is not re-encrypted).
    public var dataKeyUnwraps: Bool

    public var encryption: RegistryEncryption { after.encryption! }
}

extension Session {
    /// `acrcmk rotate`: a new key version, another key, another identity, or a change between automatic and manual
    /// rotation; the data key is re-wrapped (content is not re-encrypted) and then unwrapped again as proof.
    ///
    /// - Throws: `CMKError`: usage errors for contradictory or empty requests and for a registry without CMK;
    ///   whatever `rotateKey` or `rotateRegistryKey` refuse (the vault's denial, an unknown key).
    public func rotate(_ request: RotationRequest) throws -> RotationOutcome {
        if request.newVersion, request.keyIdentifier != nil {
            throw CMKError.usage("--new-version and --key-id contradict each other; pass one.")
        }
        let before = try requireRegistry(request.registry)
        guard let encryption = before.encryption else {
            // A fact about the registry, not a mistake in the command line: exit 1, not a usage error.
            throw CMKError.badRequest(
                .cmkNotEnabled,
                "Registry '\(before.name)' is not encrypted with a customer-managed key: key rotation is only "
                    + "applicable to registries with CMK enabled.",
                hint: "It uses service-managed keys; CMK can only be enabled when a registry is created "
                    + "(acrcmk setup --registry <new-name>).")
        }
        guard let current = KeyIdentifier.parse(encryption.keyIdentifier) else {
            throw CMKError.badRequest(.invalidKeyIdentifier, "The registry's key id is unreadable.")
        }
        var target = request.keyIdentifier
        var actions: [String] = []
        let wantsAutomatic = request.mode == .automatic
            || (request.mode == .unchanged && encryption.keyRotationEnabled)
        if request.newVersion {
            let (key, version) = try rotateKey(vaultName: current.vaultName, name: current.keyName)
            actions.append("az keyvault key rotate --name \(key.name) --vault-name \(key.vaultName)")
            target = wantsAutomatic
                ? key.versionlessIdentifier : version.identifier(vaultName: key.vaultName, keyName: key.name)
        } else if target == nil, request.mode == .automatic {
            target = current.versionless
        } else if target == nil, request.mode == .manual {
            target = encryption.versionedKeyIdentifier
        }
        guard target != nil || request.identity != nil else {
            throw CMKError.usage("Nothing to rotate: pass --new-version, --key-id URL, --identity X, --auto or --manual.")
        }
        let after = try rotateRegistryKey(name: request.registry, resourceGroup: nil, keyEncryptionKey: target,
                                          identity: request.identity)
        actions.append("az acr encryption rotate-key --name \(request.registry)"
                           + (target.map { " --key-encryption-key \($0)" } ?? "")
                           + (request.identity.map { " --identity \($0)" } ?? ""))
        let unwraps: Bool = if case .success = try unwrapRegistryDEK(after) { true } else { false }
        return RotationOutcome(before: encryption, after: after, actions: actions, dataKeyUnwraps: unwraps)
    }
}
