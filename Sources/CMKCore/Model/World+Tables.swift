/// How each resource is stored as a row: its table, its key, and the columns the store indexes for lookups.
///
/// Natural keys are the names ARM keeps unique (`ResourceName`s, so compared case-insensitively); history-like records
/// (revocations, deployments, task runs...) get keys from their table.
extension ResourceGroup: TableRow {
    public static let tableName = "resource_groups"
    public var naturalKey: ResourceName? { resourceName }
}

extension ManagedIdentity: TableRow {
    public static let tableName = "identities"
    public var naturalKey: ResourceName? { ResourceName(resourceGroup + "/" + name) }
    public static let lookupColumns = ["principal_id", "client_id"]
    public func lookupValue(_ column: String) -> String? {
        switch column {
        case "principal_id": principalId.lowercased()
        case "client_id": clientId.lowercased()
        default: nil
        }
    }
}

extension KeyVault: TableRow {
    public static let tableName = "vaults"
    public var naturalKey: ResourceName? { resourceName }
    /// When a soft-deleted vault is purged, for the scheduler.
    public static let lookupColumns = ["purge_due"]
    public func lookupValue(_ column: String) -> String? {
        column == "purge_due" ? deletion.map { Timestamp.sortable($0.scheduledPurgeDate) } : nil
    }
}

extension VaultKey: TableRow {
    public static let tableName = "vault_keys"
    public var naturalKey: ResourceName? { ResourceName(vaultName + "/" + name) }
    /// The vault (to list its keys) and `scheduledAt` (for the scheduler).
    public static let lookupColumns = ["vault", "due"]
    public func lookupValue(_ column: String) -> String? {
        switch column {
        case "vault": ResourceName(vaultName).folded
        case "due": scheduledAt.map(Timestamp.sortable)
        default: nil
        }
    }
    /// Versions have rows of their own (`key_versions`), so reading a key never reads all its versions.
    public var storedForm: VaultKey {
        var stored = self
        stored.versions = []
        return stored
    }
    public mutating func attach(to source: any TableRowSource, key: String) {
        versions = ResourceTable(source: source, parent: key)
    }
}

extension KeyVersion: TableRow {
    public static let tableName = "key_versions"
    public var naturalKey: ResourceName? { ResourceName(version) }
}

extension RoleAssignment: TableRow {
    public static let tableName = "role_assignments"
    public var naturalKey: ResourceName? { resourceName }
    public static let lookupColumns = ["principal_id"]
    public func lookupValue(_ column: String) -> String? {
        column == "principal_id" ? principalId.lowercased() : nil
    }
}

extension Registry: TableRow {
    public static let tableName = "registries"
    public var naturalKey: ResourceName? { resourceName }
    /// `vault/key` of a registry that follows its key's newest version, for the scheduler's pick-up.
    public static let lookupColumns = ["rotation_key"]
    public func lookupValue(_ column: String) -> String? {
        guard column == "rotation_key", let encryption, encryption.keyRotationEnabled,
              let key = KeyIdentifier.parse(encryption.keyIdentifier)
        else { return nil }
        return ResourceName(key.vaultName + "/" + key.keyName).folded
    }
}

extension DiagnosticSetting: TableRow {
    public static let tableName = "diagnostic_settings"
}

extension AlertRule: TableRow {
    public static let tableName = "alert_rules"
}

extension RevocationRecord: TableRow {
    public static let tableName = "revocations"
}

extension Deployment: TableRow {
    public static let tableName = "deployments"
}

extension PolicyAssignment: TableRow {
    public static let tableName = "policy_assignments"
}

extension PurgeRecord: TableRow {
    public static let tableName = "purge_records"
}

extension TaskRun: TableRow {
    public static let tableName = "task_runs"
}

extension ResourceTable where Row == ManagedIdentity {
    /// The identity `name` in resource group `group` (both compared case-insensitively).
    public subscript(group group: ResourceName, name name: ResourceName) -> ManagedIdentity? {
        get { self[key: ResourceName(path: group, name)] }
        set { self[key: ResourceName(path: group, name)] = newValue }
    }
}

extension ResourceTable where Row == VaultKey {
    /// The key `name` in vault `vault` (both compared case-insensitively).
    public subscript(vault vault: ResourceName, name name: ResourceName) -> VaultKey? {
        get { self[key: ResourceName(path: vault, name)] }
        set { self[key: ResourceName(path: vault, name)] = newValue }
    }
}
