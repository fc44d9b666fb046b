import CMKTestSupport
import Foundation
import Testing

/// Runs the `cmkstore-exerciser` executable, the child process of the multi-process tests.
///
/// It is found next to the test binary (any scratch path), else under `<package>/.build*/…/debug`,
/// else at `$CMKSTORE_EXERCISER`.
struct Exerciser {
    let executable: URL

    init() throws {
        executable = try Exerciser.locate()
    }

    /// Starts the exerciser with `arguments`; stdout is piped back.
    func start(_ arguments: [String]) throws -> RunningExerciser {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return RunningExerciser(process: process, output: output, errors: errors)
    }

    private static func locate() throws -> URL {
        try BuildProducts.executable(named: "cmkstore-exerciser", overrideVariable: "CMKSTORE_EXERCISER")
    }
}

/// A started exerciser process.
final class RunningExerciser {
    let process: Process
    private let output: Pipe
    private let errors: Pipe
    private var buffered = Data()

    init(process: Process, output: Pipe, errors: Pipe) {
        self.process = process
        self.output = output
        self.errors = errors
    }

    /// Blocks until the process prints a whole line, and returns it (nil at end of output).
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered = Data(buffered[(newline + 1)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                return nil
            }
            buffered.append(chunk)
        }
    }

    /// Waits for the process to end; returns its exit status and standard error.
    func wait() -> (status: Int32, reason: Process.TerminationReason, errors: String) {
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, errorText)
    }

    /// Kills the process with SIGKILL, as a crash or `kill -9` would, and reaps it.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        _ = wait()
    }
}
