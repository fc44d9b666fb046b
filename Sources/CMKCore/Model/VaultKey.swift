import Foundation

/// A named key in a vault with all its versions; the newest version is the current one.
public struct VaultKey: Sendable, Codable, Equatable {
    public var vaultName: String
    public var name: String
    /// Oldest first. Read from the store on demand: the current version alone, one by id, or all.
    public var versions: ResourceTable<KeyVersion>
    public var rotationPolicy: RotationPolicy?
    public var tags: [String: String]?
    /// Set while the key is soft-deleted.
    public var deletion: Deletion?
    /// The version whose automatic rotation failed, so the scheduler does not retry it at the same instant forever.
    public var failedRotationVersion: String?
    /// When the scheduler next has something to do for this key (rotation, Notify, a follower's pick-up, purge);
    /// kept up to date at every commit so the store can index it.
    public var scheduledAt: Date?

    public init(vaultName: String, name: String, versions: [KeyVersion], rotationPolicy: RotationPolicy? = nil,
                tags: [String: String]? = nil) {
        self.vaultName = vaultName
        self.name = name
        self.versions = ResourceTable(versions)
        self.rotationPolicy = rotationPolicy
        self.tags = tags
    }

    public var current: KeyVersion { versions.lastRow! }
    public var isDeleted: Bool { deletion != nil }

    public func version(_ id: String?) -> KeyVersion? {
        guard let id else { return current }
        return versions[key: ResourceName(id)]
    }

    /// `https://<vault>.vault.azure.net/keys/<name>`.
    public var versionlessIdentifier: String { "https://\(vaultName).vault.azure.net/keys/\(name)" }

    public var recoveryId: String { "https://\(vaultName).vault.azure.net/deletedkeys/\(name)" }
}

/// One version of a key: real RSA material whose private half is sealed with the vault master key.
public struct KeyVersion: Sendable, Codable, Equatable {
    public var version: String
    public var keyType: KeyType
    public var keySize: Int?
    public var curve: String?
    public var keyOps: [String]
    public var enabled: Bool
    public var notBefore: Date?
    public var expires: Date?
    public var created: Date
    public var updated: Date
    public var tags: [String: String]?
    /// SubjectPublicKeyInfo DER (RSA) or the public point description (EC, not usable for CMK).
    public var publicKeyDER: [UInt8]
    /// The private key, sealed with the vault master key; opened only inside the vault data plane.
    public var sealedPrivateKey: [UInt8]
    /// When the rotation policy's Notify action fired for this version.
    public var notifiedAt: Date?

    public func identifier(vaultName: String, keyName: String) -> String {
        "https://\(vaultName).vault.azure.net/keys/\(keyName)/\(version)"
    }

    public func allows(_ operation: String) -> Bool {
        keyOps.contains { $0.lowercased() == operation.lowercased() }
    }
}

/// Key Vault key types. Only the RSA ones can serve as a registry's key-encryption key.
public enum KeyType: String, Sendable, Codable, CaseIterable {
    case rsa = "RSA"
    case rsaHSM = "RSA-HSM"
    case ec = "EC"
    case ecHSM = "EC-HSM"
    case oct = "oct"
    case octHSM = "oct-HSM"

    public var isRSA: Bool { self == .rsa || self == .rsaHSM }
    public var isHSM: Bool { rawValue.hasSuffix("-HSM") }

    /// Parses az's spelling, case-insensitively.
    public init?(azName: String) {
        guard let match = KeyType.allCases.first(where: { $0.rawValue.lowercased() == azName.lowercased() }) else {
            return nil
        }
        self = match
    }
}

/// A key's rotation policy: lifetime actions and the expiry applied to new versions.
public struct RotationPolicy: Sendable, Codable, Equatable {
    public struct LifetimeAction: Sendable, Codable, Equatable {
        public enum Action: String, Sendable, Codable { case rotate = "Rotate", notify = "Notify" }
        public var action: Action
        public var timeAfterCreate: ISODuration?
        public var timeBeforeExpiry: ISODuration?

        public init(action: Action, timeAfterCreate: ISODuration?, timeBeforeExpiry: ISODuration?) {
            self.action = action
            self.timeAfterCreate = timeAfterCreate
            self.timeBeforeExpiry = timeBeforeExpiry
        }
    }

    public var lifetimeActions: [LifetimeAction]
    /// `expiryTime`: the lifetime given to each new version.
    public var expiryTime: ISODuration?
    public var createdOn: Date
    public var updatedOn: Date

    public init(lifetimeActions: [LifetimeAction], expiryTime: ISODuration?, createdOn: Date, updatedOn: Date) {
        self.lifetimeActions = lifetimeActions
        self.expiryTime = expiryTime
        self.createdOn = createdOn
        self.updatedOn = updatedOn
    }
}
