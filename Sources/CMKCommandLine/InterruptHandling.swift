public import CMKCore
import Dispatch
import Foundation

extension InterruptCleanup {
    /// On SIGINT, SIGTERM or SIGHUP: remove whatever partial output is registered, then exit as the signal would
    /// have; unless a command defers the signal to stop at a safe point itself (``InterruptDeferral``).
    /// Returns the signal sources; keep them alive for the life of the process.
    public static func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "acrcmk.signal"))
            source.setEventHandler(handler: { @Sendable in
                if InterruptDeferral.shared.takeDeferred(number) { return }
                // When the command has claimed the exit already, it finished: its own exit ends the process.
                guard InterruptCleanup.shared.runAll() else { return }
                // `_exit`, not `exit`: the command is still running on the main thread, and `exit` would run the
                // atexit handlers under it. OpenSSL's frees its locks, and a push sealing at that moment crashed
                // in EVP_MAC_fetch on a freed lock (ThreadSanitizer's run of PartialFileOwnerTests: SEGV, not 143).
                _exit(128 + number)
            })
            source.resume()
            return source
        }
    }
}
