import CMKTestSupport
import Foundation
import Testing

/// The built `acrcmk` binary, run as a user runs it: a real process, a real state home on disk.
struct BuiltTool {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    let executable: URL
    let home: URL

    /// A fresh state home in its own temporary folder.
    init() throws {
        executable = try Self.locate()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("acrcmk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// Runs `acrcmk <arguments>` against this home.
    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Result {
        try launch(executable, arguments, stdin: stdin)
    }

    func runArguments(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try launch(executable, arguments, stdin: stdin)
    }

    /// Runs a bash script with `$ACRCMK` set to the binary and `$ACRCMK_HOME` to this home, in the home's folder.
    func runScript(_ path: URL) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/bash"), [path.path], stdin: nil)
    }

    private func launch(_ program: URL, _ arguments: [String], stdin: String?) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["ACRCMK"] = executable.path
        environment["ACRCMK_HOME"] = home.appendingPathComponent("state").path
        environment["NO_COLOR"] = "1"
        let output = try ProcessRunner.run(program, arguments, environment: environment, currentDirectory: home,
                                           stdin: stdin.map { Data($0.utf8) })
        return Result(exitCode: output.exitCode, stdout: output.stdout, stderr: output.stderr)
    }

    static var fixtures: URL { PackageLayout.fixtures }

    static func locate() throws -> URL {
        try BuildProducts.executable(named: "acrcmk", overrideVariable: "ACRCMK_BINARY")
    }
}
