/// A state home held in memory: the world (`InMemoryStateStore`) and registry content (`InMemoryContentStore`), with
/// one command's index changes rolled back with its world changes when it fails, as the SQLite home does.
public final class InMemoryContentHome: ContentHome {
    public let state: InMemoryStateStore
    public let memory: InMemoryContentStore

    public init(state: InMemoryStateStore = InMemoryStateStore(),
                memory: InMemoryContentStore = InMemoryContentStore()) {
        self.state = state
        self.memory = memory
    }

    public var content: any ContentStore { memory }

    public func perform<T>(_ body: (Session) throws -> T) throws -> T {
        let snapshot = memory.index
        do {
            return try state.perform(body)
        } catch {
            memory.index = snapshot
            throw error
        }
    }

    public func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
        try state.auditEvents(filter)
    }
}
