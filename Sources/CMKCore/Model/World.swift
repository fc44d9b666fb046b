import Foundation

/// Everything the simulated Azure knows except registry content and the audit trail: the state one command
/// loads, changes with pure rules, and the store saves back in the same transaction.
public struct World: Sendable, Codable, Equatable {
    public var account: Account
    public var config: [String: String] = [:]
    public var resourceGroups: [ResourceGroup] = []
    public var identities: [ManagedIdentity] = []
    public var vaults: [KeyVault] = []
    public var keys: [VaultKey] = []
    public var roleAssignments: [RoleAssignment] = []
    public var registries: [Registry] = []
    public var diagnosticSettings: [DiagnosticSetting] = []
    public var alertRules: [AlertRule] = []
    public var revocations: [RevocationRecord] = []
    public var deployments: [Deployment] = []
    public var policyAssignments: [PolicyAssignment] = []
    /// Vault and key names destroyed for good, remembered so errors can say "purged" rather than "not found".
    public var purgeRecords: [PurgeRecord] = []
    /// ACR task runs per registry; optional so state homes written before task runs existed still decode.
    public var taskRuns: [TaskRun]?

    /// A new world in which the signed-in operator holds Owner and Key Vault Administrator at subscription scope,
    /// so runbooks can create keys in RBAC vaults.
    public init(account: Account, createdAt: Date = Date(timeIntervalSince1970: 0)) {
        // Whole seconds survive the store's round trip exactly.
        let createdAt = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        self.account = account
        self.account.schedulerCheckpoint = account.schedulerCheckpoint ?? createdAt
        for role in ["Owner", "Key Vault Administrator"] {
            roleAssignments.append(
                RoleAssignment(
                    name: Identifiers.guid(), scope: account.subscriptionPath, principalId: account.operatorObjectId,
                    principalType: "User", roleName: role, description: "The signed-in operator of this state home.",
                    condition: nil, createdOn: createdAt, createdBy: account.operatorObjectId))
        }
    }
}

/// The subscription, tenant and signed-in operator of one state home; generated once, stable afterwards.
public struct Account: Sendable, Codable, Equatable {
    public var subscriptionId: String
    public var subscriptionName: String
    public var tenantId: String
    public var operatorObjectId: String
    public var operatorName: String
    /// Seconds the simulated clock runs ahead of real time.
    public var clockOffset: TimeInterval
    /// The simulated time up to which the scheduler has run what fell due.
    public var schedulerCheckpoint: Date?

    public init(
        subscriptionId: String, subscriptionName: String, tenantId: String, operatorObjectId: String,
        operatorName: String, clockOffset: TimeInterval = 0
    ) {
        self.subscriptionId = subscriptionId
        self.subscriptionName = subscriptionName
        self.tenantId = tenantId
        self.operatorObjectId = operatorObjectId
        self.operatorName = operatorName
        self.clockOffset = clockOffset
    }

    /// A fresh account with random identifiers.
    public static func generate() -> Account {
        Account(
            subscriptionId: Identifiers.guid(), subscriptionName: "acrcmk-simulated-subscription",
            tenantId: Identifiers.guid(), operatorObjectId: Identifiers.guid(), operatorName: "operator@acrcmk.local")
    }

    public var subscriptionPath: String { "/subscriptions/\(subscriptionId)" }
}

/// A name destroyed for good.
public struct PurgeRecord: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case vault, key }
    public var kind: Kind
    /// The vault name, or `vault/key`.
    public var name: String
    public var purgedAt: Date
}
