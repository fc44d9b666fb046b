import Foundation

/// A Key Vault: soft delete always on, purge protection irreversible, RBAC or access policies, a firewall.
public struct KeyVault: Sendable, Codable, Equatable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    public var sku: String
    public var tenantId: String
    public var softDeleteRetentionInDays: Int
    /// `nil` until turned on; once true it can never be false again.
    public var enablePurgeProtection: Bool?
    public var enableRbacAuthorization: Bool
    public var accessPolicies: [AccessPolicy]
    public var networkAcls: NetworkAcls
    public var publicNetworkAccess: String
    public var createdAt: Date
    public var tags: [String: String]?
    /// Set while the vault is soft-deleted.
    public var deletion: Deletion?

    public init(name: String, resourceGroup: String, location: String, sku: String, tenantId: String,
                softDeleteRetentionInDays: Int, enablePurgeProtection: Bool?, enableRbacAuthorization: Bool,
                accessPolicies: [AccessPolicy], networkAcls: NetworkAcls, publicNetworkAccess: String,
                createdAt: Date, tags: [String: String]?) {
        self.name = name
        self.resourceGroup = resourceGroup
        self.location = location
        self.sku = sku
        self.tenantId = tenantId
        self.softDeleteRetentionInDays = softDeleteRetentionInDays
        self.enablePurgeProtection = enablePurgeProtection
        self.enableRbacAuthorization = enableRbacAuthorization
        self.accessPolicies = accessPolicies
        self.networkAcls = networkAcls
        self.publicNetworkAccess = publicNetworkAccess
        self.createdAt = createdAt
        self.tags = tags
    }

    public static let resourceType = "Microsoft.KeyVault/vaults"

    public var isDeleted: Bool { deletion != nil }
    public var purgeProtected: Bool { enablePurgeProtection == true }
    public var vaultURI: String { "https://\(name).vault.azure.net/" }

    public func id(subscriptionId: String) -> String {
        "/subscriptions/\(subscriptionId)/resourceGroups/\(resourceGroup)/providers/\(Self.resourceType)/\(name)"
    }

    /// Key Vault's `recoveryLevel` for keys in this vault.
    public var recoveryLevel: String {
        let base = softDeleteRetentionInDays < 90 ? "CustomizedRecoverable" : "Recoverable"
        return purgeProtected ? base : base + "+Purgeable"
    }
}

/// When a soft-deleted vault or key was deleted and when the service purges it.
public struct Deletion: Sendable, Codable, Equatable {
    public var deletedAt: Date
    public var scheduledPurgeDate: Date

    public init(deletedAt: Date, scheduledPurgeDate: Date) {
        self.deletedAt = deletedAt
        self.scheduledPurgeDate = scheduledPurgeDate
    }
}

/// One access-policy entry of a vault that does not use RBAC.
public struct AccessPolicy: Sendable, Codable, Equatable {
    public var tenantId: String
    public var objectId: String
    public var applicationId: String?
    public var keys: [String]
    public var secrets: [String]
    public var certificates: [String]
    public var storage: [String]

    public init(tenantId: String, objectId: String, applicationId: String? = nil, keys: [String] = [],
                secrets: [String] = [], certificates: [String] = [], storage: [String] = []) {
        self.tenantId = tenantId
        self.objectId = objectId
        self.applicationId = applicationId
        self.keys = keys
        self.secrets = secrets
        self.certificates = certificates
        self.storage = storage
    }

    /// Whether the key permissions grant `permission` (`all` grants every one), compared case-insensitively.
    public func grantsKeyPermission(_ permission: String) -> Bool {
        keys.contains { $0.lowercased() == "all" || $0.lowercased() == permission.lowercased() }
    }

    /// Every key permission az knows, in az's order.
    public static let allKeyPermissions = [
        "all", "encrypt", "decrypt", "wrapKey", "unwrapKey", "sign", "verify", "get", "list", "create", "update",
        "import", "delete", "backup", "restore", "recover", "purge", "release", "rotate", "getrotationpolicy",
        "setrotationpolicy",
    ]
}

/// A vault firewall.
public struct NetworkAcls: Sendable, Codable, Equatable {
    public var defaultAction: String
    public var bypass: String
    public var ipRules: [String]

    public init(defaultAction: String = "Allow", bypass: String = "AzureServices", ipRules: [String] = []) {
        self.defaultAction = defaultAction
        self.bypass = bypass
        self.ipRules = ipRules
    }

    /// Whether a trusted Azure service (a registry's identity) gets through.
    public var admitsTrustedServices: Bool {
        defaultAction.lowercased() == "allow" || bypass.lowercased().contains("azureservices")
    }
}
