import Foundation

/// A container registry with its identities, encryption and policies.
public struct Registry: Sendable, Codable, Equatable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    public var sku: RegistrySKU
    public var adminUserEnabled: Bool
    public var identity: RegistryIdentity
    public var encryption: RegistryEncryption?
    /// The platform-layer key id for content: every registry's content is sealed with the platform key first.
    public var contentKeySalt: [UInt8]
    public var trustPolicyEnabled: Bool
    public var quarantinePolicyEnabled: Bool
    public var retentionDays: Int
    public var retentionPolicyEnabled: Bool
    public var networkDefaultAction: String
    public var publicNetworkAccess: String
    public var zoneRedundancy: String
    public var replications: [Replication]
    public var creationDate: Date
    public var tags: [String: String]?
    /// How many objects the registry's content index holds, as the control side last recorded it: a copy of
    /// `registry/` with rows deleted or added no longer matches (`fsck`). Nil until first recorded.
    public var contentObjects: Int?
    /// `anonymousPullEnabled`: unauthenticated pulls (Standard and Premium). Nil in homes written before 0.2.
    public var anonymousPullEnabled: Bool?
    /// How many times each of the admin user's two passwords was renewed (they are derived, never stored).
    public var adminPasswordGenerations: [Int]?

    public static let resourceType = "Microsoft.ContainerRegistry/registries"

    public init(name: String, resourceGroup: String, location: String, sku: RegistrySKU, creationDate: Date,
                contentKeySalt: [UInt8]) {
        self.name = name
        self.resourceGroup = resourceGroup
        self.location = location
        self.sku = sku
        self.adminUserEnabled = false
        self.identity = RegistryIdentity()
        self.encryption = nil
        self.contentKeySalt = contentKeySalt
        self.trustPolicyEnabled = false
        self.quarantinePolicyEnabled = false
        self.retentionDays = 7
        self.retentionPolicyEnabled = false
        self.networkDefaultAction = "Allow"
        self.publicNetworkAccess = "Enabled"
        self.zoneRedundancy = "Disabled"
        self.replications = []
        self.creationDate = creationDate
        self.tags = [:]
    }

    public func id(subscriptionId: String) -> String {
        "/subscriptions/\(subscriptionId)/resourceGroups/\(resourceGroup)/providers/\(Self.resourceType)/\(name)"
    }

    public var loginServer: String { "\(name).azurecr.io" }
    public var isCMK: Bool { encryption != nil }
}

public enum RegistrySKU: String, Sendable, Codable, CaseIterable {
    case basic = "Basic", standard = "Standard", premium = "Premium"
}

/// The identities a registry holds: optionally a system-assigned one, and user-assigned ones by resource id.
public struct RegistryIdentity: Sendable, Codable, Equatable {
    public struct UserAssigned: Sendable, Codable, Equatable {
        /// The identity's resource id as assigned.
        public var resourceID: String
        public var clientId: String
        public var principalId: String
    }

    public var systemPrincipalId: String?
    public var systemTenantId: String?
    public var userAssigned: [UserAssigned] = []

    public init() {}

    /// az's identity `type`.
    public var type: String {
        switch (systemPrincipalId != nil, !userAssigned.isEmpty) {
        case (true, true): return "SystemAssigned, UserAssigned"
        case (true, false): return "SystemAssigned"
        case (false, true): return "UserAssigned"
        case (false, false): return "None"
        }
    }

    public func userAssigned(clientId: String) -> UserAssigned? {
        userAssigned.first { $0.clientId.lowercased() == clientId.lowercased() }
    }
}

/// CMK settings and the wrapped data-encryption key of a registry.
public struct RegistryEncryption: Sendable, Codable, Equatable {
    /// As configured: versionless (automatic rotation) or versioned (manual).
    public var keyIdentifier: String
    /// The version actually wrapping the DEK.
    public var versionedKeyIdentifier: String
    /// The encryption identity: a user-assigned identity's client id, or `system`.
    public var identity: String
    public var lastKeyRotationTimestamp: Date
    /// The registry's AES-256 DEK, wrapped with RSA-OAEP-256 by `versionedKeyIdentifier`; never stored in the clear.
    public var wrappedDEK: [UInt8]
    public var wrapAlgorithm: String
    /// The newest key version an automatic pick-up already tried and failed on, so it is not retried forever.
    public var failedPickupVersion: String?

    public var keyRotationEnabled: Bool { KeyIdentifier.parse(keyIdentifier)?.version == nil }
}

/// A geo-replica of a Premium registry.
public struct Replication: Sendable, Codable, Equatable {
    public var name: String
    public var location: String
    public var regionEndpointEnabled: Bool
    public var zoneRedundancy: String
    public var createdAt: Date
    public var tags: [String: String]?
}
