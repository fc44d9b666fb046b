import CMKCore
import Foundation
import Synchronization
@testable import CMKCommandLine

/// Holds one in-memory state home for a whole test, so az commands build on each other as in a runbook.
final class StatefulHarness: @unchecked Sendable {
    let store = InMemoryStateStore()

    /// Runs `acrcmk az <arguments>` against the shared store.
    func az(_ arguments: String...) -> ToolHarness.Result {
        run(["az"] + arguments)
    }

    func run(_ arguments: [String]) -> ToolHarness.Result {
        let out = Mutex(""), err = Mutex("")
        let io = CommandIO(writeOutput: { text in out.withLock { $0 += text } },
                           writeError: { text in err.withLock { $0 += text } },
                           readInput: { [] })
        let services = ToolServices(version: "9.9.9-test", openState: { [self] _ in self.store })
        let tool = CommandLineTool(io: io, environment: ["HOME": NSTemporaryDirectory()], services: services)
        let code = tool.run(["--home", "/nonexistent-in-memory"] + arguments)
        return ToolHarness.Result(exitCode: code, stdout: out.withLock { $0 }, stderr: err.withLock { $0 })
    }

    /// stdout of a command that must succeed, without the trailing newline.
    func value(_ arguments: String...) -> String {
        let result = run(["az"] + arguments)
        precondition(result.exitCode == 0, "az \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension ToolServices {
    /// The stateless harness's services: commands that need a state home fail with a clear message.
    init(version: String) {
        self.init(version: version, openState: { path in
            throw CommandFailure("ToolHarness has no state home (\(path)); use StatefulHarness.")
        })
    }
}
