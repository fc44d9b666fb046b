import CMKCore
import Foundation

/// Opened state homes shared by the server's connection threads: a request borrows one and gives it back, so the
/// home is opened once per concurrent request rather than once per request. Each home is used by one thread at
/// a time; all of them are the same store, as several CLI commands are.
final class HomePool: @unchecked Sendable {
    private let open: @Sendable () throws -> any ContentHome
    private let lock = NSLock()
    private var idle: [any ContentHome] = []

    init(open: @escaping @Sendable () throws -> any ContentHome) {
        self.open = open
    }

    func withHome<T>(_ body: (any ContentHome) throws -> T) throws -> T {
        let home = try borrow()
        defer { giveBack(home) }
        return try body(home)
    }

    func borrow() throws -> any ContentHome {
        lock.lock()
        if let home = idle.popLast() {
            lock.unlock()
            return home
        }
        lock.unlock()
        return try open()
    }

    func giveBack(_ home: any ContentHome) {
        lock.lock()
        idle.append(home)
        lock.unlock()
    }
}
