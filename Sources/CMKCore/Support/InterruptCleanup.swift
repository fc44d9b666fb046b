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
    /// Whether a finished command or an interrupt has claimed the end of the process (see `claimExit()`).
    private var exitClaimed = false

    /// Registers `action`; returns the token to unregister it with.
    public func register(_ action: @escaping () -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        actions[nextToken] = action
        return nextToken
    }

    /// Registers `action` and runs `create` (which makes what `action` removes) as one step that `runAll` cannot
    /// come between: an interrupt arriving while the file is being created waits, then removes it. Registering only
    /// after creating leaves a window in which a signal finds nothing registered and the file stays.
    ///
    /// - Returns: The token to unregister with, and what `create` returned.
    /// - Throws: What `create` throws; nothing is then registered.
    public func register<T>(_ action: @escaping () -> Void, creating create: () throws -> T) rethrows -> (Int, T) {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        let token = nextToken
        let made = try create()
        actions[token] = action
        return (token, made)
    }

    public func unregister(_ token: Int) {
        lock.lock()
        actions[token] = nil
        lock.unlock()
    }

    /// Runs every registered action once, the latest registered first (as `defer` would): what was set up to
    /// protect partial output (a lock naming it) outlives the output. Does nothing when the command has already
    /// claimed the end of the process (`claimExit()`): it finished, and its output is committed or discarded.
    ///
    /// - Returns: Whether the actions ran, and so whether the caller (a signal handler) now ends the process.
    @discardableResult
    public func runAll() -> Bool {
        lock.lock()
        guard !exitClaimed else {
            lock.unlock()
            return false
        }
        exitClaimed = true
        let pending = actions.sorted { $0.key > $1.key }.map(\.value)
        actions = [:]
        lock.unlock()
        for action in pending { action() }
        return true
    }

    /// Claims the end of the process for a command that finished; false when an interrupt claimed it first.
    ///
    /// Exactly one thread may end the process: two calling `exit` at once is undefined behaviour, and a signal
    /// arriving as a pull finished used to remove the partial file under it, after which both the signal handler
    /// (status 143) and the failed rename (status 1) called `exit` (ThreadSanitizer's run of the interrupt tests
    /// saw status 66, its own, from the race).
    public func claimExit() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !exitClaimed else { return false }
        exitClaimed = true
        return true
    }

    /// Ends the process with `status`, unless an interrupt is already ending it: then waits for that exit, so the
    /// process ends once, with the signal's status, after its cleanup.
    public func exit(_ status: Int32) -> Never {
        guard claimExit() else {
            while true { sleep(60) }
        }
        Foundation.exit(status)
    }
}
