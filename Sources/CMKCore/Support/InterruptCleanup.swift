import Foundation

/// What to undo if the process is interrupted (Ctrl-C, SIGTERM) in the middle of writing output.
///
/// Writers of partial output (a pull's temporary file, an export's staging folder) register how to remove it and
/// unregister once it is committed or discarded; the executable runs whatever is left when a signal arrives, so
/// decrypted content never outlives an interrupted pull.
public final class InterruptCleanup: @unchecked Sendable {
    public static let shared = InterruptCleanup()

    private let lock = NSLock()
    private var actions: [Int: () -> Void] = [:]
    private var nextToken = 0

    /// Registers `action`; returns the token to unregister it with.
    public func register(_ action: @escaping () -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        actions[nextToken] = action
        return nextToken
    }

    public func unregister(_ token: Int) {
        lock.lock()
        actions[token] = nil
        lock.unlock()
    }

    /// Runs every registered action once, the latest registered first (as `defer` would): what was set up to
    /// protect partial output (a lock naming it) outlives the output.
    public func runAll() {
        lock.lock()
        let pending = actions.sorted { $0.key > $1.key }.map(\.value)
        actions = [:]
        lock.unlock()
        for action in pending { action() }
    }
}
