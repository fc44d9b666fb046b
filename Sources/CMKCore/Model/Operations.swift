import Foundation

/// `az monitor diagnostic-settings create` on a vault: audit events are retained while one is on.
public struct DiagnosticSetting: Sendable, Codable, Equatable {
    public var name: String
    public var resourceID: String
    public var categories: [String]
    public var retentionDays: Int?
    public var workspace: String?
    public var createdAt: Date
    /// Metric categories sent (`AllMetrics`); optional so older state homes decode.
    public var metrics: [String]?
    public var storageAccount: String?
    public var eventHub: String?
    /// When the setting was deleted or replaced; kept so audit events sent while it existed stay retained.
    public var deletedAt: Date?
}

/// An alert on vault audit events of one operation.
public struct AlertRule: Sendable, Codable, Equatable {
    public var name: String
    public var vaultName: String
    public var operation: String
    public var createdAt: Date
}

/// A revocation performed by `acrcmk revoke` or a drill, kept for reports.
public struct RevocationRecord: Sendable, Codable, Equatable {
    public var registry: String
    public var method: String
    public var reason: String?
    public var performedBy: String
    public var performedAt: Date
    public var recoveredAt: Date?
}

/// An ARM template deployment.
public struct Deployment: Sendable, Codable, Equatable {
    public var name: String
    public var resourceGroup: String
    public var provisioningState: String
    public var timestamp: Date
    public var outputResources: [String]
    public var parameters: [String: String]
    public var error: String?
    // Added with template deployment; optional so state homes written before still decode.
    /// `Incremental`, the only mode simulated.
    public var mode: String? = nil
    public var correlationId: String? = nil
    /// The template's hash in decimal, as ARM reports `templateHash`.
    public var templateHash: String? = nil
    /// Parameters in template order with their declared types.
    public var parameterValues: [DeploymentParameter]? = nil
    public var outputs: [DeploymentOutput]? = nil
    /// For each deployed resource id, the resource ids it waited for.
    public var dependencies: [DeploymentDependency]? = nil
}

/// An Azure Policy assignment of the built-in CMK policy.
public struct PolicyAssignment: Sendable, Codable, Equatable {
    public var name: String
    public var effect: String
    public var scope: String
    public var createdAt: Date
}
