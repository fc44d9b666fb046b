import Foundation

/// Everything the simulated Azure knows except registry content and the audit trail.
///
/// Each collection is a `ResourceTable`: in a state home its rows stay in the store's tables until a command asks
/// for them (by key, by an indexed column, or all), and `changes()` tells the store what to write back in the
/// command's transaction. Made in memory (tests, a decoded 0.1 document), every row is there from the start.
public struct World: Sendable, Codable, Equatable {
    public var account: Account
    public var config: [String: String] = [:]
    public var resourceGroups: ResourceTable<ResourceGroup> = []
    public var identities: ResourceTable<ManagedIdentity> = []
    public var vaults: ResourceTable<KeyVault> = []
    public var keys: ResourceTable<VaultKey> = []
    public var roleAssignments: ResourceTable<RoleAssignment> = []
    public var registries: ResourceTable<Registry> = []
    public var diagnosticSettings: ResourceTable<DiagnosticSetting> = []
    public var alertRules: ResourceTable<AlertRule> = []
    public var revocations: ResourceTable<RevocationRecord> = []
    public var deployments: ResourceTable<Deployment> = []
    public var policyAssignments: ResourceTable<PolicyAssignment> = []
    /// Vault and key names destroyed for good, remembered so errors can say "purged" rather than "not found".
    public var purgeRecords: ResourceTable<PurgeRecord> = []
    /// ACR task runs per registry (absent from state homes written before task runs existed).
    public var taskRuns: ResourceTable<TaskRun> = []

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

extension World {
    /// A world whose tables read their rows from `source` on demand.
    public init(account: Account, config: [String: String], source: any TableRowSource) {
        self.account = account
        self.config = config
        resourceGroups = ResourceTable(source: source)
        identities = ResourceTable(source: source)
        vaults = ResourceTable(source: source)
        keys = ResourceTable(source: source)
        roleAssignments = ResourceTable(source: source)
        registries = ResourceTable(source: source)
        diagnosticSettings = ResourceTable(source: source)
        alertRules = ResourceTable(source: source)
        revocations = ResourceTable(source: source)
        deployments = ResourceTable(source: source)
        policyAssignments = ResourceTable(source: source)
        purgeRecords = ResourceTable(source: source)
        taskRuns = ResourceTable(source: source)
    }

    /// What this command changed, table by table, parents before the tables nested under them.
    ///
    /// - Throws: The first error met while reading rows, so a command never commits on a partial view.
    public func changes() throws -> [TableChanges] {
        var changes = [
            try resourceGroups.changes(), try identities.changes(), try vaults.changes(), try keys.changes(),
        ]
        // A key's versions are nested under it; a deleted key's versions go with it (the store cascades).
        for key in keys.touchedRows {
            guard let stored = key.naturalKey?.folded else { continue }
            var versions = try key.versions.changes()
            versions.parent = stored
            changes.append(versions)
        }
        changes += [
            try roleAssignments.changes(), try registries.changes(), try diagnosticSettings.changes(),
            try alertRules.changes(), try revocations.changes(), try deployments.changes(),
            try policyAssignments.changes(), try purgeRecords.changes(), try taskRuns.changes(),
        ]
        return changes.filter { !$0.isEmpty }
    }

    private enum CodingKeys: String, CodingKey {
        case account, config, resourceGroups, identities, vaults, keys, roleAssignments, registries,
             diagnosticSettings, alertRules, revocations, deployments, policyAssignments, purgeRecords, taskRuns
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        account = try container.decode(Account.self, forKey: .account)
        config = try container.decode([String: String].self, forKey: .config)
        resourceGroups = try container.decode(ResourceTable.self, forKey: .resourceGroups)
        identities = try container.decode(ResourceTable.self, forKey: .identities)
        vaults = try container.decode(ResourceTable.self, forKey: .vaults)
        keys = try container.decode(ResourceTable.self, forKey: .keys)
        roleAssignments = try container.decode(ResourceTable.self, forKey: .roleAssignments)
        registries = try container.decode(ResourceTable.self, forKey: .registries)
        diagnosticSettings = try container.decode(ResourceTable.self, forKey: .diagnosticSettings)
        alertRules = try container.decode(ResourceTable.self, forKey: .alertRules)
        revocations = try container.decode(ResourceTable.self, forKey: .revocations)
        deployments = try container.decode(ResourceTable.self, forKey: .deployments)
        policyAssignments = try container.decode(ResourceTable.self, forKey: .policyAssignments)
        purgeRecords = try container.decode(ResourceTable.self, forKey: .purgeRecords)
        taskRuns = try container.decodeIfPresent(ResourceTable.self, forKey: .taskRuns) ?? []
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
    /// `contentScope`: a deleted registry's content scope, so `fsck --repair` removes what it left and nothing else.
    public enum Kind: String, Sendable, Codable { case vault, key, contentScope }
    public var kind: Kind
    /// The vault name, `vault/key`, or the content scope.
    public var name: String
    public var purgedAt: Date

    public init(kind: Kind, name: String, purgedAt: Date) {
        self.kind = kind
        self.name = name
        self.purgedAt = purgedAt
    }

    /// Whether this records the purge of the `kind` resource `name` (`vault/key` for a key).
    public func records(_ kind: Kind, _ name: ResourceName) -> Bool {
        self.kind == kind && ResourceName(self.name) == name
    }
}
