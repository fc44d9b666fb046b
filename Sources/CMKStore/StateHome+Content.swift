public import CMKCore

/// A state home serves both the world (through its SQLite state store) and registry content (index rows in
/// `registry/content.db`, attached to the same connection; sealed objects under `registry/blobs/`).
extension StateHome: ContentHome {
    public func perform<T>(_ body: (Session) throws -> T) throws -> T {
        try store.perform(body)
    }

    public func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
        try store.auditEvents(filter)
    }

    public var content: any ContentStore {
        SQLiteContentStore(connection: store.connection, blobs: blobs)
    }
}
