import CMKCore
import Foundation
import Synchronization
import Testing
@testable import CMKCommandLine

/// A command opens its state home once, however many transactions it runs: opening checks the layout, the keys and
/// the schema, work that must not repeat per transaction.
@Suite("One open per command")
struct OneOpenPerCommandTests {
    @Test("each command asks for the state home once",
          arguments: [
              ["setup", "--registry", "openoncereg"],
              ["status"],
              ["check-health", "--registry", "openoncereg"],
              ["rotate", "--registry", "openoncereg", "--new-version"],
              ["revoke", "--registry", "openoncereg", "--method", "disable-key"],
              ["recover", "--registry", "openoncereg"],
              ["audit"],
              ["clock", "advance", "P1D"],
              ["az", "acr", "encryption", "show", "-n", "openoncereg"],
              ["az", "acr", "repository", "list", "-n", "openoncereg"],
              ["fsck"],
          ])
    func opensOnce(_ arguments: [String]) throws {
        let store = InMemoryContentHome()
        if arguments.first != "setup" {
            _ = Self.run(["setup", "--registry", "openoncereg"], on: store)
        }
        let (code, opens, errors) = Self.run(arguments, on: store)
        #expect(code == 0 || arguments.first == "check-health", "\(arguments): \(errors)")
        #expect(opens == 1, "\(arguments.joined(separator: " ")) opened the state home \(opens) times")
    }

    static func run(_ arguments: [String], on store: InMemoryContentHome) -> (Int32, Int, String) {
        let opens = Mutex(0), errors = Mutex("")
        let shared = SharedHome(store)
        let services = ToolServices(version: "9.9.9-test", openState: { _ in
            opens.withLock { $0 += 1 }
            return shared.value
        })
        let io = CommandIO(writeOutput: { _ in }, writeError: { text in errors.withLock { $0 += text } },
                           readInput: { [] })
        let code = CommandLineTool(io: io, environment: ["HOME": NSTemporaryDirectory()], services: services)
            .run(arguments)
        return (code, opens.withLock { $0 }, errors.withLock { $0 })
    }
}

/// Hands the same home to every invocation; the test runs them one after another.
final class SharedHome: @unchecked Sendable {
    let value: InMemoryContentHome
    init(_ value: InMemoryContentHome) { self.value = value }
}
