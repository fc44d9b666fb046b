import Foundation

/// Where a state home keeps the world and its audit trail; CMKStore implements it over SQLite.
public protocol StateStore: AnyObject {
    /// Runs one command's work in a single write transaction.
    ///
    /// The store loads the world, hands `body` a session, and saves the world if `body` returns. If `body`
    /// throws, every change is rolled back, except the audit events the session recorded: denied vault calls
    /// stay on the record, as in Key Vault.
    func perform<T>(_ body: (Session) throws -> T) throws -> T

    /// Audit events in time order, filtered.
    func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent]
}

/// Which audit events to return.
public struct AuditFilter: Sendable {
    public var vaultName: String?
    public var registry: String?
    public var operationName: String?
    public var since: Date?
    public var deniedOnly: Bool

    public init(vaultName: String? = nil, registry: String? = nil, operationName: String? = nil, since: Date? = nil,
                deniedOnly: Bool = false) {
        self.vaultName = vaultName
        self.registry = registry
        self.operationName = operationName
        self.since = since
        self.deniedOnly = deniedOnly
    }
}
