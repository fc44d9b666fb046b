import CMKTestSupport
import Foundation
import Testing

/// `acrcmk serve` running on a free port over a fresh state home, with helpers to drive it as users do.
final class ServedRegistry: @unchecked Sendable {
    let executable: URL
    let folder: URL
    let home: URL
    private(set) var process = Process()
    private(set) var port = 0
    /// Arguments given to `acrcmk serve` after the port, access log and TLS options.
    let serveArguments: [String]
    /// The console's sign-in address `acrcmk serve` printed.
    private(set) var consoleURL: String?
    private var launched = false
    let accessLog: URL

    /// Creates a home with `setup --registry <registry>` (a CMK registry), then starts the server.
    /// Whether it serves HTTPS with `--tls-self-signed` (the CA certificate is then `caCertificate`).
    let tls: Bool

    init(registry: String = "servedreg", extraSetup: [[String]] = [], tls: Bool = false,
         serveArguments: [String] = []) throws {
        self.tls = tls
        self.serveArguments = serveArguments
        executable = try BuildProducts.executable(named: "acrcmk", overrideVariable: "ACRCMK_BINARY")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("acrcmk-serve-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        home = folder.appendingPathComponent("home")
        accessLog = folder.appendingPathComponent("access.log")
        try require(acrcmk("setup", "--registry", registry))
        for arguments in extraSetup {
            try require(acrcmk(arguments))
        }
        try start()
    }

    /// Serves a home made elsewhere (it is not set up, and not removed with this server's folder).
    init(existingHome: URL, tls: Bool = false, serveArguments: [String] = []) throws {
        self.tls = tls
        self.serveArguments = serveArguments
        executable = try BuildProducts.executable(named: "acrcmk", overrideVariable: "ACRCMK_BINARY")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("acrcmk-serve-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        home = existingHome
        accessLog = folder.appendingPathComponent("access.log")
        try start()
    }

    /// Stops the server and starts it again on the same port (a new certificate and CA with `tls`).
    func restart() throws {
        stop()
        process = Process()
        try start(port: port)
    }

    private func start(port requested: Int = 0) throws {
        let output = folder.appendingPathComponent("serve.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("serve.err").path, contents: nil)
        process.executableURL = executable
        process.arguments = ["serve", "--port", String(requested), "--access-log", accessLog.path]
            + (tls ? ["--tls-self-signed"] : []) + serveArguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("serve.err"))
        try process.run()
        launched = true
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            let prefix = "Listening on \(tls ? "https" : "http")://127.0.0.1:"
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
               let value = Int(line.dropFirst(prefix.count).prefix { $0.isNumber }) {
                port = value
                consoleURL = text.split(separator: "\n").first { $0.hasPrefix("Console: ") }
                    .map { String($0.dropFirst("Console: ".count)) }
                return
            }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        throw TestSupportFailure("acrcmk serve did not start: \(serverErrors)")
    }

    var serverErrors: String {
        (try? String(contentsOf: folder.appendingPathComponent("serve.err"), encoding: .utf8)) ?? ""
    }

    /// Stops the server (SIGTERM) and waits for it; returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        guard launched else { return -1 }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    var host: String { "127.0.0.1:\(port)" }

    /// The CA certificate `--tls-self-signed` wrote.
    var caCertificate: URL { home.appendingPathComponent("serve-ca.pem") }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ACRCMK_HOME"] = home.path
        environment["NO_COLOR"] = "1"
        return environment
    }

    @discardableResult
    func acrcmk(_ arguments: String...) throws -> ProcessOutput {
        try acrcmk(arguments)
    }

    func acrcmk(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(executable, arguments, environment: environment, currentDirectory: folder)
    }

    /// Runs another program (a real client) in the test's folder.
    func run(_ program: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> ProcessOutput {
        var environment = self.environment
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments,
                                     environment: environment, currentDirectory: folder)
    }

    /// A refresh token for the signed-in operator (`az acr login --expose-token`).
    func refreshToken(_ registry: String = "servedreg") throws -> String {
        let output = try acrcmk("az", "acr", "login", "-n", registry, "--expose-token", "--query", "accessToken",
                                "-o", "tsv")
        try require(output)
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A one-layer OCI image layout made with umoci, holding a file with `content`; returns the layout path.
    func makeImage(_ name: String, content: String, tag: String = "v1") throws -> String {
        let layout = folder.appendingPathComponent(name).path
        let file = folder.appendingPathComponent("\(name)-content.txt")
        try Data(content.utf8).write(to: file)
        try require(run("umoci", ["init", "--layout", layout]))
        try require(run("umoci", ["new", "--image", "\(layout):\(tag)"]))
        try require(run("umoci", ["insert", "--image", "\(layout):\(tag)", file.path, "/content.txt"]))
        return layout
    }

    func require(_ output: ProcessOutput, _ comment: Comment? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard output.exitCode == 0 else {
            let label = comment.map { "\($0): " } ?? ""
            let details = "exit \(output.exitCode)\nstdout: \(output.stdout)\nstderr: \(output.stderr)\nserver: "
                + serverErrors
            Issue.record("\(label)\(details)", sourceLocation: sourceLocation)
            throw TestSupportFailure("command failed")
        }
    }
}

/// The user name that goes with an ACR refresh token.
let refreshTokenUser = "00000000-0000-0000-0000-000000000000"
