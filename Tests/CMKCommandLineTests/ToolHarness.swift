import Foundation
import Synchronization
import CMKCore
@testable import CMKCommandLine

/// Runs the command line in-process with captured streams.
struct ToolHarness {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    var environment: [String: String] = ["HOME": NSTemporaryDirectory()]
    var stdin: [UInt8] = []
    /// One simulated Azure shared by every run of this harness, as one state home would be.
    let store = SharedStore(InMemoryStateStore())

    func run(_ arguments: String...) -> Result { run(arguments) }

    func run(_ arguments: [String]) -> Result {
        let out = Mutex(""), err = Mutex("")
        let input = stdin
        let io = CommandIO(
            writeOutput: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } },
            readInput: { input }
        )
        let tool = CommandLineTool(io: io, environment: environment, services: ToolServices(version: "9.9.9-test", openState: { [store] _ in store.value }))
        let code = tool.run(arguments)
        return Result(exitCode: code, stdout: out.withLock { $0 }, stderr: err.withLock { $0 })
    }
}

/// Hands the same store to every invocation; tests run invocations one after another.
final class SharedStore: @unchecked Sendable {
    let value: InMemoryStateStore
    init(_ value: InMemoryStateStore) { self.value = value }
}
