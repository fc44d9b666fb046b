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
        Self.invoke(arguments, store: store.value, environment: environment, stdin: stdin)
    }

    /// One in-process invocation against `store`, with stdout and stderr captured.
    static func invoke(_ arguments: [String], store: InMemoryStateStore, environment: [String: String],
                       stdin: [UInt8] = []) -> Result {
        let out = Mutex(""), err = Mutex("")
        let io = CommandIO(
            writeOutput: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } },
            readInput: { stdin }
        )
        let shared = SharedStore(store)
        let services = ToolServices(version: "9.9.9-test", openState: { _ in shared.value })
        let code = CommandLineTool(io: io, environment: environment, services: services).run(arguments)
        return Result(exitCode: code, stdout: out.withLock { $0 }, stderr: err.withLock { $0 })
    }
}

/// Hands the same store to every invocation; tests run invocations one after another.
final class SharedStore: @unchecked Sendable {
    let value: InMemoryStateStore
    init(_ value: InMemoryStateStore) { self.value = value }
}
