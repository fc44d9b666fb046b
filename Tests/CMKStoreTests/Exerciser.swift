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

    private static let name = "cmkstore-exerciser"

    private static func locate() throws -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["CMKSTORE_EXERCISER"] {
            return URL(fileURLWithPath: override)
        }
        var folders: [URL] = []
        // Next to the test binary (Linux: <products>/<Package>PackageTests.xctest is the binary itself;
        // macOS: the bundle sits in the products folder, its binary three levels deeper).
        let binaries = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            + Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL }
        for binary in binaries.compactMap({ $0 }) {
            var folder = binary.deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        // From the sources: every .build* scratch folder of the package, newest build first.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while root.path != "/" && !fileManager.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        let scratch = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        for entry in scratch where entry.hasPrefix(".build") {
            let base = root.appendingPathComponent(entry)
            folders.append(base.appendingPathComponent("debug"))
            for triple in (try? fileManager.contentsOfDirectory(atPath: base.path)) ?? [] {
                folders.append(base.appendingPathComponent(triple).appendingPathComponent("debug"))
            }
        }
        let candidates = folders.map { $0.appendingPathComponent(name) }
        if let found = candidates.first(where: { fileManager.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw TestFailure(
            "\(name) was not found next to the test binary or under \(root.path)/.build*/debug; "
                + "build it with `swift build --build-tests` (it is a target of Package.swift) "
                + "or set CMKSTORE_EXERCISER to its path")
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
