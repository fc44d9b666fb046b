import Foundation

/// Lets a command answer Ctrl-C itself, at its next safe point, instead of the process ending at once.
///
/// Today's signal handlers remove partial output and exit. A command that can stop cleanly (a long `clock advance`
/// commits its segment first) runs its work inside ``deferring(_:)``: a first SIGINT or SIGTERM is then only
/// recorded, and the command polls ``pendingSignal``. A second signal ends the process as before, for a user who
/// will not wait.
public final class InterruptDeferral: @unchecked Sendable {
    public static let shared = InterruptDeferral()

    /// The signals a command may defer; SIGHUP (the terminal is gone) still ends the process at once.
    static let deferrable: Set<Int32> = [SIGINT, SIGTERM]

    private let lock = NSLock()
    private var depth = 0
    private var pending: Int32?

    /// Runs `body` with a first SIGINT or SIGTERM recorded in ``pendingSignal`` instead of ending the process.
    public func deferring<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        depth += 1
        lock.unlock()
        defer {
            lock.lock()
            depth -= 1
            lock.unlock()
        }
        return try body()
    }

    /// The signal that arrived while deferring, if any.
    public var pendingSignal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return pending
    }

    /// Called from the signal handler: records `signal` and returns true when a command is deferring and no signal
    /// is pending yet; otherwise false, and the handler ends the process.
    func takeDeferred(_ signal: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard depth > 0, pending == nil, Self.deferrable.contains(signal) else { return false }
        pending = signal
        return true
    }
}
