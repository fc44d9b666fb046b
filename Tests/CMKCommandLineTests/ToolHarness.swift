import Foundation
import Synchronization
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

    func run(_ arguments: String...) -> Result { run(arguments) }

    func run(_ arguments: [String]) -> Result {
        let out = Mutex(""), err = Mutex("")
        let input = stdin
        let io = CommandIO(
            writeOutput: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } },
            readInput: { input }
        )
        let tool = CommandLineTool(io: io, environment: environment, services: ToolServices(
            version: "9.9.9-test", openState: { _ in throw CommandFailure("ToolHarness has no state home.") }))
        let code = tool.run(arguments)
        return Result(exitCode: code, stdout: out.withLock { $0 }, stderr: err.withLock { $0 })
    }
}
