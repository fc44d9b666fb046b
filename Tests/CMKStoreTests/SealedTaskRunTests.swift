import CMKStore
import Foundation
import Testing

/// ACR task commands and logs of a registry are sealed like its content: nothing in the state home holds them in
/// the clear, the logs read back while the key unwraps, and a revoked key seals them off.
@Suite("Sealed task runs", .serialized)
struct SealedTaskRunTests {
    static let secret = "pangolin-secret-image:7f3e"

    static func homeHolds(_ text: String, under root: String) -> [String] {
        let needle = Data(text.utf8)
        return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { relative in
            FileManager.default.contents(atPath: root + "/" + relative)?.range(of: needle) != nil
        }
    }

    @Test("a task command naming a secret image is found by no grep of the home; logs read back; revoked, sealed off")
    func taskTextIsSealed() throws {
        let directory = try TemporaryDirectory("acrcmk-tasks")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("taskreg", vault: "kvtask1", rbac: false)
        try tool.succeed(["task", "run", "--registry", "taskreg", "--name", "build-task", "--cmd",
                          "docker build -t \(Self.secret) ."])
        for database in [StateHome.Layout(root: tool.home).controlDatabase] {
            _ = try SQLiteConnection(path: database).scalar("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        #expect(Self.homeHolds(Self.secret, under: tool.home) == [])
        let logs = try tool.succeed(["task", "logs", "--registry", "taskreg"])
        #expect(logs.contains(Self.secret), "\(logs)")

        try tool.az("keyvault", "key", "set-attributes", "-n", "key1", "--vault-name", "kvtask1", "--enabled",
                    "false", "-o", "none")
        let locked = try tool.run(["task", "logs", "--registry", "taskreg", "--run-id", "ca1"])
        #expect(locked.status != 0)
        #expect(locked.errors.contains("(KeyDisabled)"), "\(locked.errors)")
        #expect(!locked.output.contains(Self.secret))
    }
}
