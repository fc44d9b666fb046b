import CMKCrypto
import Foundation

/// A state store held in memory, with the same commit and rollback rules as the SQLite one; for tests and previews.
public final class InMemoryStateStore: StateStore {
    public private(set) var world: World
    public private(set) var audit: [AuditEvent] = []
    private let wallClock: @Sendable () -> Date
    private let platformKey: SecureBytes
    private let vaultMasterKey: SecureBytes

    public init(world: World = World(account: .generate()), wallClock: @escaping @Sendable () -> Date = { Date() },
                platformKey: SecureBytes = .random(count: 32), vaultMasterKey: SecureBytes = .random(count: 32)) {
        self.world = world
        self.wallClock = wallClock
        self.platformKey = platformKey
        self.vaultMasterKey = vaultMasterKey
    }

    private func session() -> Session {
        Session(world: world, wallClock: wallClock(), platformKey: platformKey, vaultMasterKey: vaultMasterKey)
    }

    public func perform<T>(_ body: (Session) throws -> T) throws -> T {
        let due = session()
        if due.catchUpScheduler() {
            due.refreshSchedules()
            world = due.world
            audit += due.auditEvents
        }
        let current = session()
        do {
            let result = try body(current)
            current.refreshSchedules()
            world = current.world
            audit += current.auditEvents
            return result
        } catch {
            audit += current.auditEvents
            throw error
        }
    }

    public func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
        audit.filter { filter.matches($0) }
    }
}

extension AuditFilter {
    /// The filter as a predicate, the meaning every store must give it.
    public func matches(_ event: AuditEvent) -> Bool {
        if let vaultName, ResourceName(event.vaultName) != ResourceName(vaultName) { return false }
        if let registry, event.registry.map(ResourceName.init) != ResourceName(registry) { return false }
        if let operationName, event.operationName.lowercased() != operationName.lowercased() { return false }
        if let since, event.time < since { return false }
        if deniedOnly, event.succeeded { return false }
        return true
    }
}
