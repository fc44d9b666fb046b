import CMKStore
import CMKTestSupport
import Foundation
import Testing

/// A state home written by acrcmk 0.1.0 (`Tests/Fixtures/home-0.1.0`, made by its `make-fixture.sh`) opens with
/// this build and migrates losslessly: every resource, key version, role assignment, audit event, tag and blob;
/// a revoked registry stays revoked and recovers; pulls are byte-identical.
@Suite("Homes written by 0.1.0", .serialized)
struct LegacyHomeMigrationTests {
    static let fixture = PackageLayout.fixtures.appendingPathComponent("home-0.1.0")
    static var expected: URL { fixture.appendingPathComponent("expected") }

    /// The fixture's home, unpacked into `directory` (as `home`).
    static func unpack(into directory: TemporaryDirectory) throws -> String {
        let archive = fixture.appendingPathComponent("home-0.1.0.tar.gz").path
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["tar", "-xzf", archive, "-C", directory.path])
        guard result.exitCode == 0 else { throw TestFailure("tar failed: \(result.stderr)") }
        return directory.file("home")
    }

    static func expectedText(_ name: String) throws -> String {
        try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
    }

    /// The audit trail as the fixture recorded it with the sqlite3 shell, so both sides format values alike.
    static func auditRows(_ database: String) throws -> String {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "sqlite3", "-separator", "|", database,
            "SELECT seq, time, vault, operation, result, caller_object_id, caller, key_id, detail, registry "
                + "FROM audit_events ORDER BY seq",
        ])
        guard result.exitCode == 0 else { throw TestFailure("sqlite3 failed: \(result.stderr)") }
        return result.stdout
    }

    /// The SHA-256 of each original file, by name.
    static func originalDigests() throws -> [String: String] {
        var digests: [String: String] = [:]
        for line in try expectedText("files.sha256").split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            digests[String(fields[1])] = String(fields[0])
        }
        return digests
    }

    static func sha256(_ path: String) throws -> String {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", path])
        return String(result.stdout.prefix(64))
    }

    @Test("every resource, key version, role, audit event, tag and blob survives; revoked stays revoked")
    func migratesLosslessly() throws {
        let directory = try TemporaryDirectory("acrcmk-legacy")
        let home = try Self.unpack(into: directory)
        let tool = try AcrcmkTool(home: home)
        try tool.succeed(["clock", "show"])

        let layout = StateHome.Layout(root: home)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).sorted() == ["control", "registry"])
        #expect(FileManager.default.fileExists(atPath: layout.vaultMasterKey))
        #expect(try Self.auditRows(layout.controlDatabase) == Self.expectedText("audit-events.txt"))

        let listings: [(String, [String])] = [
            ("groups.json", ["az", "group", "list"]),
            ("identities.json", ["az", "identity", "list"]),
            ("vaults.json", ["az", "keyvault", "list"]),
            ("keys-kv-fixcmkreg.json", ["az", "keyvault", "key", "list", "--vault-name", "kv-fixcmkreg"]),
            ("keys-kv-fixpolreg.json", ["az", "keyvault", "key", "list", "--vault-name", "kv-fixpolreg"]),
            ("versions-fixcmkreg.json",
             ["az", "keyvault", "key", "list-versions", "--vault-name", "kv-fixcmkreg", "--name", "fixcmkreg-cmk"]),
            ("roles.json", ["az", "role", "assignment", "list", "--all"]),
            ("registries.json", ["az", "acr", "list"]),
            ("repos-fixcmkreg.json", ["az", "acr", "repository", "list", "-n", "fixcmkreg"]),
            ("tags-fixcmkreg-team-app.json",
             ["az", "acr", "repository", "show-tags", "-n", "fixcmkreg", "--repository", "team/app"]),
            ("repos-fixplainreg.json", ["az", "acr", "repository", "list", "-n", "fixplainreg"]),
        ]
        for (file, arguments) in listings {
            let output = try tool.run(arguments + ["-o", "json"])
            #expect(output.status == 0, "\(arguments): \(output.errors)")
            #expect(output.output == (try Self.expectedText(file)), "\(file)")
        }

        let digests = try Self.originalDigests()
        let pulls: [(registry: String, reference: String, original: String)] = [
            ("fixcmkreg", "team/app:v1", "alpha.txt"), ("fixcmkreg", "team/app:v2", "big.bin"),
            ("fixcmkreg", "tools/lint:latest", "alpha.txt"), ("fixplainreg", "plain:one", "plain.txt"),
        ]
        for (index, pull) in pulls.enumerated() {
            let output = directory.file("pulled-\(index)")
            try tool.succeed(["pull", pull.registry, pull.reference, output])
            #expect(try Self.sha256(output) == digests[pull.original], "\(pull.registry) \(pull.reference)")
        }

        // Revoked in 0.1.0 (key disabled), revoked still; recovery works as before.
        let locked = try tool.run(["pull", "fixpolreg", "web:1.0", directory.file("web")])
        #expect(locked.status == 1)
        #expect(locked.errors.contains("(KeyDisabled)"), "\(locked.errors)")
        try tool.succeed(["recover", "--registry", "fixpolreg"])
        try tool.succeed(["pull", "fixpolreg", "web:1.0", directory.file("web")])
        #expect(try Self.sha256(directory.file("web")) == digests["alpha.txt"])

        let fsck = try tool.run(["fsck", "-o", "json", "--query", "[objects, verified, length(damaged)]"])
        #expect(fsck.status == 0, "\(fsck.errors)")
        #expect(fsck.output.filter { !$0.isWhitespace } == "[11,11,0]")
        // The private keys are sealed under the vault master key now: the independent decryptor, which follows
        // the 0.2 formats, opens every registry.
        let opened = try TrustDomainTests.decryptHome(["full", home])
        let registries = try #require(opened["registries"] as? [String: [String: [String]]])
        #expect(registries["fixcmkreg"]?["repositories"]?.sorted() == ["team/app", "tools/lint"])
        #expect(registries["fixpolreg"]?["tags"] == ["1.0"])
    }

    @Test("a move interrupted part way is finished by the next command")
    func interruptedMoveResumes() throws {
        let directory = try TemporaryDirectory("acrcmk-legacy")
        let home = try Self.unpack(into: directory)
        let layout = StateHome.Layout(root: home)
        // As if killed after the first rename: the database moved, the key and the blobs not yet.
        try FileManager.default.createDirectory(atPath: layout.control, withIntermediateDirectories: false)
        try FileManager.default.moveItem(atPath: home + "/state.db", toPath: layout.controlDatabase)
        let tool = try AcrcmkTool(home: home)
        try tool.succeed(["pull", "fixcmkreg", "team/app:v2", directory.file("big")])
        #expect(try Self.sha256(directory.file("big")) == Self.originalDigests()["big.bin"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).sorted() == ["control", "registry"])
    }

    @Test("a home holding both layouts is refused, naming both, and nothing moves")
    func bothLayoutsAreRefused() throws {
        let directory = try TemporaryDirectory("acrcmk-legacy")
        let home = try Self.unpack(into: directory)
        let layout = StateHome.Layout(root: home)
        try FileManager.default.createDirectory(atPath: layout.control, withIntermediateDirectories: false)
        try Data("newer".utf8).write(to: URL(fileURLWithPath: layout.controlDatabase))
        let result = try AcrcmkTool(home: home).run(["status"])
        #expect(result.status != 0)
        #expect(result.errors.contains("both an acrcmk 0.1 layout"), "\(result.errors)")
        #expect(result.errors.contains(home + "/state.db"))
        #expect(FileManager.default.fileExists(atPath: home + "/state.db"))
        #expect(FileManager.default.fileExists(atPath: home + "/platform.key"))
        #expect(try String(contentsOfFile: layout.controlDatabase, encoding: .utf8) == "newer")
    }

    @Test("a home written by a newer acrcmk is refused with a clear message and left as it is")
    func newerHomeIsRefused() throws {
        let directory = try TemporaryDirectory("acrcmk-legacy")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.succeed(["clock", "show"])
        let layout = StateHome.Layout(root: tool.home)
        try SQLiteConnection(path: layout.controlDatabase).execute("PRAGMA user_version = 99")
        let result = try tool.run(["status"])
        #expect(result.status != 0)
        #expect(result.errors.contains("schema version 99"), "\(result.errors)")
        #expect(result.errors.contains("a newer acrcmk wrote this state home"))
        #expect(try SQLiteConnection(path: layout.controlDatabase).userVersion == 99)
    }

    @Test("opening an up-to-date home takes no write lock: it opens while another process holds one")
    func migrationCheckTakesNoWriteLock() throws {
        let directory = try TemporaryDirectory("acrcmk-legacy")
        let home = directory.file("home")
        _ = try StateHome.open(path: home, wallClock: { Date() })
        let layout = StateHome.Layout(root: home)
        let control = try SQLiteConnection(path: layout.controlDatabase, busyTimeout: .zero)
        let content = try SQLiteConnection(path: layout.contentIndexDatabase, busyTimeout: .zero)
        try control.execute("BEGIN IMMEDIATE")
        try content.execute("BEGIN IMMEDIATE")
        defer {
            try? control.execute("ROLLBACK")
            try? content.execute("ROLLBACK")
        }
        // Were a migration check to begin a write transaction, this would wait out the busy timeout and fail.
        let reopened = try StateHome.open(path: home, wallClock: { Date() })
        #expect(reopened.layout.root == home)
    }
}
