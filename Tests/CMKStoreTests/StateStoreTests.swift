import CMKCrypto
import Foundation
import Testing
@testable import CMKCore
@testable import CMKStore

/// `SQLiteStateStore`: one perform is one transaction over the world's tables and the audit trail.
@Suite("SQLiteStateStore")
struct StateStoreTests {
    let directory: TemporaryDirectory
    let root: String
    let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))

    init() throws {
        directory = try TemporaryDirectory("state-store")
        root = directory.file("home")
    }

    private func openHome() throws -> StateHome {
        let clock = self.clock
        return try StateHome.open(path: root, wallClock: { clock.now })
    }

    @Test func performSavesWorldChangesForLaterPerformsAndProcesses() throws {
        let home = try openHome()
        let returned = try home.store.perform { session -> Int in
            session.world.resourceGroups.append(ResourceGroup(name: "rg-one", location: "westeurope"))
            return 42
        }
        #expect(returned == 42)
        #expect(try home.store.perform { $0.world.resourceGroups.map(\.name) } == ["rg-one"])

        let reopened = try openHome()
        try reopened.store.perform { session in
            session.world.resourceGroups.append(ResourceGroup(name: "rg-two", location: "eastus"))
        }
        #expect(try home.store.perform { $0.world.resourceGroups.map(\.name) } == ["rg-one", "rg-two"])
        #expect(try home.store.connection.scalar("SELECT count(*) FROM world_header") == .integer(1))
        #expect(try home.store.connection.scalar("SELECT count(*) FROM resource_groups") == .integer(2))
    }

    @Test func sessionTimeIsTheWallClockPlusTheWorldsOffset() throws {
        let home = try openHome()
        try home.store.perform { $0.world.account.clockOffset = 3600 }
        clock.advance(10)
        #expect(try home.store.perform { $0.now } == Date(timeIntervalSince1970: 1_800_000_000 + 10 + 3600))
    }

    @Test func aCommandWritesOnlyTheRowsItChanged() throws {
        let home = try openHome()
        try home.store.perform { session in
            for number in 0..<50 {
                session.world.resourceGroups.append(ResourceGroup(name: "rg-\(number)", location: "westeurope"))
            }
        }
        func written() throws -> SQLiteValue? { try home.store.connection.scalar("SELECT total_changes()") }
        let before = try written()
        clock.advance(60)
        _ = try home.store.perform { $0.world.resourceGroups.count }
        #expect(try written() == before, "reading the whole table writes nothing")

        try home.store.perform { session in
            var group = session.world.resourceGroups[key: "RG-7"]!
            group.tags = ["team": "blue"]
            session.world.resourceGroups[key: "rg-7"] = group
        }
        #expect(try written() == before.map { value -> SQLiteValue in
            guard case .integer(let count) = value else { return value }
            return .integer(count + 1)
        }, "one changed row, one write")
        try home.store.perform { $0.world.config["defaults.location"] = "westeurope" }
        #expect(try home.store.perform { $0.world.config["defaults.location"] } == "westeurope")
        #expect(try home.store.perform { $0.world.resourceGroups[key: "rg-7"]?.tags } == ["team": "blue"])
    }

    @Test func throwingBodyRollsBackTheWorldButKeepsItsAuditEvents() throws {
        let home = try openHome()
        try home.store.perform { $0.world.resourceGroups.append(ResourceGroup(name: "kept", location: "westus")) }
        let denied = event(vault: "kv1", operation: "KeyUnwrap", result: "Forbidden", registry: "reg1", offset: 1)

        #expect(throws: ExpectedFailure.self) {
            try home.store.perform { session in
                session.world.resourceGroups.removeAll()
                session.world.resourceGroups.append(ResourceGroup(name: "lost", location: "westus"))
                session.record(denied)
                throw ExpectedFailure()
            }
        }

        #expect(try home.store.perform { $0.world.resourceGroups.map(\.name) } == ["kept"])
        #expect(try home.store.auditEvents(AuditFilter()) == [denied])
    }

    @Test func throwingFirstPerformStillRecordsItsAuditEvents() throws {
        let home = try openHome()
        let denied = event(vault: "kv1", operation: "KeyGet", result: "NotFound", registry: nil, offset: 0)
        #expect(throws: ExpectedFailure.self) {
            try home.store.perform { session in
                session.record(denied)
                throw ExpectedFailure()
            }
        }
        #expect(try home.store.auditEvents(AuditFilter()) == [denied])
        // The account is created before the command's own transaction (with the scheduler's catch-up), so a
        // failing first command still leaves the home's identity in place; it is the same on the next perform.
        #expect(try home.store.connection.scalar("SELECT count(*) FROM world_header") == .integer(1))
        let account = try home.store.perform { $0.world.account }
        #expect(try home.store.perform { $0.world.account } == account)
    }

    @Test func successfulPerformsAppendAuditEventsInOrder() throws {
        let home = try openHome()
        let events = (0..<5).map { event(vault: "kv\($0 % 2)", operation: "KeyWrap", result: "OK", registry: "r",
                                         offset: Double(10 - $0)) }
        try home.store.perform { session in
            events[0..<3].forEach(session.record)
        }
        try home.store.perform { session in
            events[3...].forEach(session.record)
        }
        // Recording order, not time order: the times above decrease on purpose.
        #expect(try home.store.auditEvents(AuditFilter()) == events)
    }

    @Test(arguments: FilterCase.all)
    func auditEventsFilter(_ filterCase: FilterCase) throws {
        let home = try openHome()
        let events = FilterCase.events
        try home.store.perform { session in
            events.forEach(session.record)
        }
        let found = try home.store.auditEvents(filterCase.filter)
        #expect(found == filterCase.expected.map { events[$0] }, "\(filterCase.label)")
    }

    @Test func keyMaterialAndDatesRoundTripThroughTheTables() throws {
        let world = try sampleWorldWithKeyVersions(20)
        let home = try openHome()
        try home.store.perform { session in
            session.world.keys.append(contentsOf: world.keys)
            session.world.registries.append(contentsOf: world.registries)
        }
        let reopened = try openHome()
        let (keys, registries) = try reopened.store.perform { (Array($0.world.keys), Array($0.world.registries)) }
        // The registry follows the key's versionless id but wraps with its first version: it picks up the newest
        // an hour after that version was made, and the key's row says so for the scheduler.
        #expect(keys.first?.scheduledAt == world.keys[0].current.created.addingTimeInterval(3600))
        var unscheduled = keys.map(\.storedForm)
        unscheduled[0].scheduledAt = nil
        #expect(unscheduled == world.keys.map(\.storedForm))
        #expect(Array(keys[0].versions) == Array(world.keys[0].versions))
        #expect(registries == Array(world.registries))
        #expect(keys.first?.versions.last?.sealedPrivateKey == world.keys.first?.versions.last?.sealedPrivateKey)
        #expect(registries.first?.encryption?.wrappedDEK == world.registries.first?.encryption?.wrappedDEK)
        #expect(try home.store.connection.scalar("SELECT count(*) FROM key_versions") == .integer(20))
    }

    @Test func aRowThatCannotBeDecodedFailsTheCommandAndWritesNothing() throws {
        let home = try openHome()
        try home.store.perform { session in
            session.world.resourceGroups.append(ResourceGroup(name: "rg-damaged", location: "westeurope"))
        }
        try home.store.connection.run("UPDATE resource_groups SET body = ? WHERE key = 'rg-damaged'",
                                      [.blob(Array("{\"name\":1}".utf8))])
        let error = try #require(throws: CMKError.self) {
            try home.store.perform { session in
                session.world.resourceGroups.append(ResourceGroup(name: "rg-new", location: "westeurope"))
                _ = session.world.resourceGroups.count
            }
        }
        #expect(error.code == "StateUnreadable")
        #expect(error.message.contains("rg-damaged"))
        #expect(try home.store.connection.scalar("SELECT count(*) FROM resource_groups WHERE key = 'rg-new'")
                    == .integer(0))
    }

    @Test func worldHeaderThatCannotBeDecodedGivesAClearError() throws {
        let home = try openHome()
        try home.store.perform { _ in }
        try home.store.connection.run("UPDATE world_header SET body = ?", [.blob(Array("{\"account\":1}".utf8))])

        let error = try #require(throws: StateHomeError.self) {
            try home.store.perform { _ in }
        }
        #expect(error.code == .worldUnreadable)
        #expect(error.description.contains(root + "/control/state.db"))
        #expect(error.description.contains("--home"))
    }

    @Test func concurrentProcessesLoseNoUpdates() throws {
        let exerciser = try Exerciser()
        let writers = ["alpha", "bravo", "charlie"]
        let perWriter = 25
        // All start on a home that does not exist yet: directory, key, schema and world creation race too.
        let running = try writers.map { try exerciser.start(["append-groups", root, $0, String(perWriter)]) }
        for (writer, process) in zip(writers, running) {
            let result = process.wait()
            #expect(result.status == 0, "writer \(writer) failed: \(result.errors)")
        }

        let home = try openHome()
        let names = try home.store.perform { $0.world.resourceGroups.map(\.name) }
        let expected = writers.flatMap { writer in (0..<perWriter).map { "\(writer)-\($0)" } }
        #expect(names.count == expected.count)
        #expect(Set(names) == Set(expected))
        for writer in writers {
            // Each writer's own appends stay in its order.
            #expect(names.filter { $0.hasPrefix(writer + "-") } == expected.filter { $0.hasPrefix(writer + "-") })
        }
    }

    @Test func processKilledInsidePerformLeavesTheLastCommittedWorld() throws {
        let exerciser = try Exerciser()
        let hanging = try exerciser.start(["hang-in-perform", root])
        let line = hanging.readLine()
        guard line == "ready" else {
            hanging.killHard()
            Issue.record("exerciser did not get ready; it printed \(line ?? "nothing"): \(hanging.wait().errors)")
            return
        }
        // Another command meanwhile queues for the write lock instead of failing or reading a half-done world.
        let waiting = try exerciser.start(["append-groups", root, "waiter", "1"])
        usleep(300_000)
        #expect(waiting.process.isRunning, "a second writer must wait while a perform holds the lock")
        hanging.killHard()
        #expect(hanging.process.terminationReason == .uncaughtSignal)
        let waited = waiting.wait()
        #expect(waited.status == 0, "the waiting writer failed: \(waited.errors)")

        let home = try openHome()
        #expect(try home.store.connection.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try home.store.perform { $0.world.resourceGroups.map(\.name) } == ["committed", "waiter-0"])
        try home.store.perform { $0.world.resourceGroups.append(ResourceGroup(name: "after", location: "westus")) }
        #expect(try openHome().store.perform { $0.world.resourceGroups.map(\.name) }
            == ["committed", "waiter-0", "after"])
    }

    /// A world whose one key has `count` RSA-2048-sized versions, and a CMK registry with a wrapped DEK.
    private func sampleWorldWithKeyVersions(_ count: Int) throws -> World {
        var world = World(account: Account.generate())
        let base = 1_800_000_000.0
        let versions = (0..<count).map { index -> KeyVersion in
            let suffix = Double(index)
            return KeyVersion(
                version: String(format: "%032x", index), keyType: .rsa, keySize: 2048, curve: nil,
                keyOps: ["wrapKey", "unwrapKey"], enabled: true, notBefore: nil,
                expires: Date(timeIntervalSince1970: base + 7_776_000 + suffix),
                created: Date(timeIntervalSince1970: base + suffix + 0.25),
                updated: Date(timeIntervalSince1970: base + suffix + 0.5), tags: nil,
                // Sizes of a real SubjectPublicKeyInfo and a sealed PKCS#8 RSA-2048 private key.
                publicKeyDER: SecureRandom.bytes(count: 294), sealedPrivateKey: SecureRandom.bytes(count: 1_260))
        }
        world.keys = [VaultKey(vaultName: "kv1", name: "cmk", versions: versions)]
        var registry = Registry(name: "reg1", resourceGroup: "rg", location: "westeurope", sku: .premium,
                                creationDate: Date(timeIntervalSince1970: base),
                                contentKeySalt: SecureRandom.bytes(count: 32))
        registry.encryption = RegistryEncryption(
            keyIdentifier: "https://kv1.vault.azure.net/keys/cmk",
            versionedKeyIdentifier: "https://kv1.vault.azure.net/keys/cmk/" + versions[0].version,
            identity: "client", lastKeyRotationTimestamp: Date(timeIntervalSince1970: base + 1),
            wrappedDEK: SecureRandom.bytes(count: 256), wrapAlgorithm: "RSA-OAEP-256")
        world.registries = [registry]
        return world
    }
}

/// One filter and the indexes (into `FilterCase.events`) it must return, in order.
struct FilterCase: Sendable, CustomTestStringConvertible {
    let label: String
    let filter: AuditFilter
    let expected: [Int]

    var testDescription: String { label }

    static let events: [AuditEvent] = [
        event(vault: "kv1", operation: "KeyWrap", result: "OK", registry: "reg1", offset: 0),
        event(vault: "KV2", operation: "KeyUnwrap", result: "Forbidden", registry: "reg1", offset: 10),
        event(vault: "kv1", operation: "KeyUnwrap", result: "OK", registry: "Reg2", offset: 20),
        event(vault: "kv2", operation: "KeyGet", result: "NotFound", registry: nil, offset: 30),
        event(vault: "kv1", operation: "VaultAccessPolicyChange", result: "OK", registry: nil, offset: 40),
    ]

    static let all: [FilterCase] = [
        FilterCase(label: "no filter", filter: AuditFilter(), expected: [0, 1, 2, 3, 4]),
        FilterCase(label: "vault, any case", filter: AuditFilter(vaultName: "Kv2"), expected: [1, 3]),
        FilterCase(label: "registry, any case", filter: AuditFilter(registry: "REG2"), expected: [2]),
        FilterCase(label: "operation, any case", filter: AuditFilter(operationName: "keyunwrap"), expected: [1, 2]),
        FilterCase(label: "since is inclusive", filter: AuditFilter(since: events[2].time), expected: [2, 3, 4]),
        FilterCase(label: "denied only", filter: AuditFilter(deniedOnly: true), expected: [1, 3]),
        FilterCase(label: "combined", filter: AuditFilter(vaultName: "kv1", since: events[1].time), expected: [2, 4]),
        FilterCase(label: "no match", filter: AuditFilter(vaultName: "kv1", deniedOnly: true), expected: []),
    ]
}

/// An audit event at `offset` seconds after a fixed, exactly representable time.
private func event(vault: String, operation: String, result: String, registry: String?,
                   offset: Double) -> AuditEvent {
    AuditEvent(time: Date(timeIntervalSince1970: 1_800_000_000 + offset), vaultName: vault, operationName: operation,
               resultSignature: result, callerObjectId: "00000000-0000-0000-0000-00000000000a",
               caller: registry.map { "registry \($0) (identity id1)" } ?? "operator", keyId: nil,
               detail: result == "OK" ? nil : "ForbiddenByPolicy", registry: registry)
}

private struct ExpectedFailure: Error {}

/// A wall clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date {
        lock.withLock { current }
    }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { current += seconds }
    }
}

/// A command that waits out the busy timeout says who holds the write lock instead of a bare SQLITE_BUSY.
@Suite("Write lock contention")
struct WriteLockContentionTests {
    @Test("waiting out the lock names the holder")
    func busyNamesTheHolder() throws {
        let directory = try TemporaryDirectory("state-busy")
        let root = directory.file("home")
        let holder = try StateHome.open(path: root, wallClock: { Date() })
        try holder.store.perform { _ in
            let waiter = try StateHome.open(path: root, wallClock: { Date() }, busyTimeout: .milliseconds(300))
            let error = try #require(throws: StateHomeBusy.self) { try waiter.store.perform { _ in } }
            #expect(error.description.contains("is busy"), "\(error)")
            #expect(error.description.contains("pid \(getpid())"), "\(error)")
        }
        // Once the holder commits, the same home answers at once.
        let after = try StateHome.open(path: root, wallClock: { Date() }, busyTimeout: .milliseconds(300))
        try after.store.perform { _ in }
    }

    @Test("24 processes writing at once: none fails from contention, none loses a write")
    func twentyFourWriters() throws {
        let directory = try TemporaryDirectory("state-busy")
        let root = directory.file("home")
        _ = try StateHome.open(path: root, wallClock: { Date() })
        let exerciser = try Exerciser()
        let writers = (0..<24).map { "w\($0)" }
        let running = try writers.map { try exerciser.start(["append-groups", root, $0, "5"]) }
        for (writer, process) in zip(writers, running) {
            let result = process.wait()
            #expect(result.status == 0, "writer \(writer) failed: \(result.errors)")
        }
        let home = try StateHome.open(path: root, wallClock: { Date() })
        #expect(try home.store.perform { $0.world.resourceGroups.count } == 24 * 5)
    }
}
