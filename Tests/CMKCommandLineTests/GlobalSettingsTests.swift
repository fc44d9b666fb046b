import CMKCore
import Foundation
import Synchronization
import Testing
@testable import CMKCommandLine

/// The global options as every command resolves them; here, the state home's path.
@Suite("Global settings")
struct GlobalSettingsTests {
    /// Runs the tool in-process, recording every state home it tries to open.
    private static func run(_ arguments: [String], environment: [String: String])
        -> (result: ToolHarness.Result, opened: [String])
    {
        let out = Mutex(""), err = Mutex(""), opened = Mutex<[String]>([])
        let io = CommandIO(writeOutput: { text in out.withLock { $0 += text } },
                           writeError: { text in err.withLock { $0 += text } }, readInput: { [] })
        let store = SharedStore(InMemoryStateStore())
        let services = ToolServices(version: "9.9.9-test", openState: { path in
            opened.withLock { $0.append(path) }
            return store.value
        })
        let code = CommandLineTool(io: io, environment: environment, services: services).run(arguments)
        return (ToolHarness.Result(exitCode: code, stdout: out.withLock { $0 }, stderr: err.withLock { $0 }),
                opened.withLock { $0 })
    }

    @Test(arguments: [["clock", "show", "--home", ""], ["clock", "show", "--home="], ["--home=", "clock", "show"]])
    func anEmptyHomeOptionIsAUsageError(_ arguments: [String]) {
        let (result, opened) = Self.run(arguments, environment: ["HOME": "/nonexistent"])
        #expect(result.exitCode == ExitCode.usage)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ERROR: The value '' is invalid for '--home <dir>'. A state home needs a "
                                        + "directory path: pass --home DIR"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: acrcmk "))
        #expect(opened.isEmpty, "no state home may be opened: \(opened)")
    }

    @Test func anEmptyHomeOptionIsAnAzUsageErrorInAzCommands() {
        let (result, opened) = Self.run(["az", "group", "list", "--home", ""], environment: [:])
        #expect(result.exitCode == ExitCode.azUsage)
        #expect(result.stderr.hasPrefix("ERROR: argument --home: A state home needs a directory path"),
                "\(result.stderr)")
        #expect(opened.isEmpty)
    }

    @Test func anEmptyAcrcmkHomeIsAUsageErrorNotTheDefaultHome() {
        let (result, opened) = Self.run(["clock", "show"], environment: ["HOME": "/users/me", "ACRCMK_HOME": ""])
        #expect(result.exitCode == ExitCode.usage)
        #expect(result.stderr.hasPrefix("ERROR: The environment variable ACRCMK_HOME is set but empty"),
                "\(result.stderr)")
        #expect(result.stderr.contains("unset it to use ~/.acrcmk, or pass --home DIR"))
        #expect(opened.isEmpty, "~/.acrcmk must not be used silently: \(opened)")
    }

    @Test func anExplicitHomeWinsOverAnEmptyAcrcmkHome() {
        let (result, opened) = Self.run(["clock", "show", "--home", "/tmp/h"], environment: ["ACRCMK_HOME": ""])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(opened == ["/tmp/h"])
    }

    @Test func homeResolutionOrder() {
        #expect(Self.run(["clock", "show"], environment: ["HOME": "/users/me", "ACRCMK_HOME": "/srv/h"]).opened
                    == ["/srv/h"])
        #expect(Self.run(["clock", "show"], environment: ["HOME": "/users/me"]).opened == ["/users/me/.acrcmk"])
    }

    /// The built binary says so too, rather than dying on a precondition with a backtrace.
    @Test func theBuiltToolRefusesAnEmptyHomeWithoutCrashing() throws {
        let tool = try BuiltTool()
        defer { try? FileManager.default.removeItem(at: tool.home) }
        for arguments in [["status", "--home", ""], ["status", "--home="]] {
            let result = try tool.runArguments(arguments)
            #expect(result.exitCode == ExitCode.usage, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("ERROR: The value '' is invalid for '--home <dir>'. A state home"))
            #expect(!result.stderr.contains("Precondition") && !result.stderr.contains(".swift"))
        }
    }
}
