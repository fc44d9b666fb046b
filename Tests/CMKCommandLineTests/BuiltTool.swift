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

    /// Runs a bash script with `$ACRCMK` set to the binary and `$ACRCMK_HOME` to this home, in the home's folder.
    func runScript(_ path: URL) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/bash"), [path.path], stdin: nil)
    }

    private func launch(_ program: URL, _ arguments: [String], stdin: String?) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = home
        var environment = ProcessInfo.processInfo.environment
        environment["ACRCMK"] = executable.path
        environment["ACRCMK_HOME"] = home.appendingPathComponent("state").path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        // Files, not pipes: a chatty child can never block on a full pipe.
        let outURL = home.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = home.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static let fixtures: URL = {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        return root.appendingPathComponent("Tests/Fixtures")
    }()

    /// The binary next to the test bundle, else in the package's build folders, else `$ACRCMK_BINARY`.
    static func locate() throws -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["ACRCMK_BINARY"] { return URL(fileURLWithPath: override) }
        var folders: [URL] = []
        let binaries = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            + Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL }
        for binary in binaries.compactMap({ $0 }) {
            var folder = binary.deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        if let found = folders.map({ $0.appendingPathComponent("acrcmk") })
            .first(where: { fileManager.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }) {
            return found
        }
        throw BuiltToolMissing()
    }
}

struct BuiltToolMissing: Error, CustomStringConvertible {
    var description: String {
        "the acrcmk binary was not found next to the test bundle; run `swift build --build-tests` first or set ACRCMK_BINARY"
    }
}

