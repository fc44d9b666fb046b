import Testing

@testable import CMKCore

/// `InterruptCleanup`: an interrupt removes what is registered, and the process ends exactly once.
@Suite("Interrupt cleanup")
struct InterruptCleanupTests {
    final class Removals: @unchecked Sendable {
        var names: [String] = []
    }

    @Test("an interrupt runs the registered actions, latest first, and claims the end of the process")
    func interruptRunsActionsAndClaimsTheExit() {
        let cleanup = InterruptCleanup()
        let removals = Removals()
        _ = cleanup.register { removals.names.append("lock") }
        let partial = cleanup.register { removals.names.append("partial file") }
        _ = cleanup.register { removals.names.append("staging folder") }
        cleanup.unregister(partial)

        #expect(cleanup.runAll())
        #expect(removals.names == ["staging folder", "lock"])
        #expect(!cleanup.claimExit(), "the finishing command must leave the exit to the signal handler")
        #expect(!cleanup.runAll(), "a second signal runs nothing twice")
        #expect(removals.names == ["staging folder", "lock"])
    }

    /// Found by ThreadSanitizer's run of InterruptTests: a SIGTERM arriving as a pull finished removed its partial
    /// file under it, and the signal handler and the command both called `exit` (status 66, TSan's, then 1 or 143).
    @Test("once the finished command has claimed the exit, an interrupt removes nothing and leaves the exit to it")
    func finishedCommandKeepsTheExit() {
        let cleanup = InterruptCleanup()
        let removals = Removals()
        _ = cleanup.register { removals.names.append("partial file") }

        #expect(cleanup.claimExit())
        #expect(!cleanup.runAll())
        #expect(removals.names.isEmpty)
        #expect(!cleanup.claimExit())
    }
}
