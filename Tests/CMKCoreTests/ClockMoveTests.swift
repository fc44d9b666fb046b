import Foundation
import Testing

@testable import CMKCore

/// Long clock moves: refused beyond 100 years, run in committed segments that change nothing but where an
/// interrupt can stop them.
@Suite("Clock moves in segments")
struct ClockMoveTests {
    /// Real time for a store: each reading is an hour after the last. Real time passes between segments as it
    /// does for the command, here more than enough for a registry's pick-up an hour after a rotation to fall due in
    /// between, were a segment to end between the two; the store's catch-up would then run it, unseen by the move.
    final class SteppingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var readings = 0

        func read() -> Date {
            lock.lock()
            defer { lock.unlock() }
            readings += 1
            return lastReading
        }

        /// What the last reading returned.
        var lastReading: Date {
            CoreFixture.start.addingTimeInterval(Double(readings) * 3600)
        }
    }

    /// The fixture world plus: rotation every 90 days on `kvpolicy/k1`, the registry `cmkreg` following it through
    /// its versionless key id, and the EC key `kec` soft-deleted (purged when its 90-day retention ends).
    static let rotatingWorld: World = {
        let session = CoreFixture.session()
        do {
            try session.grantIdentityPolicy()
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
            try session.updateRotationPolicy(
                vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                lifetimeActions: [.init(action: .rotate, timeAfterCreate: ISODuration("P90D"), timeBeforeExpiry: nil)],
                expiryTime: ISODuration("P2Y"))
            try session.deleteKey(vaultName: CoreFixture.policyVault, name: CoreFixture.ecKeyName)
        } catch {
            fatalError("ClockMoveTests could not build its world: \(error)")
        }
        return session.world
    }()

    private static func store(_ world: World = rotatingWorld, clock: SteppingClock = SteppingClock())
        -> InMemoryStateStore
    {
        InMemoryStateStore(world: world, wallClock: { clock.read() },
            platformKey: CoreFixture.platformKey, vaultMasterKey: CoreFixture.vaultMasterKey)
    }

    /// What a move did, without the random parts (version ids): each event's time, kind and resource.
    private static func summary(_ events: [ScheduledEvent]) -> [String] {
        events.map { "\(Timestamp.zulu($0.time)) \($0.kind) \($0.resource)" }
    }

    /// The state a move leaves, without version ids: every key's versions by creation and expiry, and the registry.
    private static func keyAndRegistryState(_ world: World) -> [String] {
        let keys = world.keys.map { key in
            "\(key.vaultName)/\(key.name): "
                + key.versions.map { "\(Timestamp.zulu($0.created))→\($0.expires.map(Timestamp.zulu) ?? "-")" }
                .joined(separator: ", ")
        }
        let registries = world.registries.map { registry in
            let encryption = registry.encryption
            let key = world.keys.first { $0.name == CoreFixture.keyName && $0.vaultName == CoreFixture.policyVault }
            let follows = key.map { encryption?.versionedKeyIdentifier.hasSuffix("/" + $0.current.version) == true }
            return "\(registry.name): last rotation "
                + "\(encryption.map { Timestamp.zulu($0.lastKeyRotationTimestamp) } ?? "-"), on the newest version: "
                + "\(follows ?? false)"
        }
        return keys + registries + world.purgeRecords.map { "purged \($0.name) at \(Timestamp.zulu($0.purgedAt))" }
    }

    @Test("P3Y in many segments runs the same events at the same times and leaves the same keys as one run")
    func segmentedMoveEqualsOneRun() throws {
        let whole = Self.store()
        let segmented = Self.store()

        let one = try ClockMove.run(to: .after(ISODuration("P3Y")), on: whole) { _ in .proceed }
        let many = try ClockMove.run(to: .after(ISODuration("P3Y")), on: segmented) { _ in .commitSegment }

        #expect(one.segments == 1)
        #expect(many.segments > 10, "a segment ends at every quiet instant after an event")
        #expect(one.reachedTarget && many.reachedTarget)
        #expect(many.start == one.start)
        #expect(many.target == one.target)
        #expect(Timestamp.zulu(one.target) == "2029-11-23T12:00:00Z")
        #expect(Self.summary(many.events) == Self.summary(one.events))
        #expect(one.events.filter { $0.kind == "KeyRotated" }.count == 12)
        #expect(one.events.filter { $0.kind == "RegistryKeyPickedUp" }.count == 12)
        #expect(one.events.filter { $0.kind == "KeyPurged" }.count == 1)
        #expect(!one.events.contains { $0.kind.hasSuffix("Failed") || $0.kind == "SchedulerStalled" })
        #expect(Self.keyAndRegistryState(segmented.world) == Self.keyAndRegistryState(whole.world))
        #expect(segmented.audit.map(\.operationName) == whole.audit.map(\.operationName))
        #expect(segmented.audit.map(\.time) == whole.audit.map(\.time))
    }

    @Test("the segments end where one run in a single session, as 0.1 ran it, ends")
    func segmentedMoveEqualsSessionAdvance() throws {
        let segmented = Self.store()
        let session = Session(
            world: Self.rotatingWorld, wallClock: CoreFixture.start.addingTimeInterval(7200),
            platformKey: CoreFixture.platformKey, vaultMasterKey: CoreFixture.vaultMasterKey)

        let direct = try session.advanceClock(by: ISODuration("P3Y"))
        let many = try ClockMove.run(to: .after(ISODuration("P3Y")), on: segmented) { _ in .commitSegment }

        #expect(Self.summary(many.events) == Self.summary(direct))
        #expect(Self.keyAndRegistryState(segmented.world) == Self.keyAndRegistryState(session.world))
    }

    @Test("stopped after the first segment: the clock stands where it ended and its events are committed")
    func stopAfterFirstSegment() throws {
        let clock = SteppingClock()
        let store = Self.store(clock: clock)
        var asked: [ClockMove.Progress] = []

        let outcome = try ClockMove.run(to: .after(ISODuration("P3Y")), on: store) { progress in
            asked.append(progress)
            return progress.committedSegments == 0 ? .commitSegment : .stop
        }

        #expect(!outcome.reachedTarget)
        #expect(outcome.segments == 2, "the second segment stops at once, before running anything")
        let rotating = try #require(store.world.keys.first { $0.name == CoreFixture.keyName })
        #expect(Self.summary(outcome.events) == [
            "2027-02-21T10:00:00Z KeyRotated \(rotating.versionlessIdentifier)",
            "2027-02-21T10:00:00Z KeyPurged https://kvpolicy.vault.azure.net/keys/kec",
            "2027-02-21T11:00:00Z RegistryKeyPickedUp cmkreg",
        ])
        // The second segment began two readings of the real clock (two hours) later, and stopped at once.
        #expect(outcome.now == Timestamp.parse("2027-02-21T13:00:00Z"), "the clock stands after the pick-up")
        #expect(outcome.now > outcome.start && outcome.now < outcome.target)
        let stored = Session(world: store.world, wallClock: clock.lastReading,
            platformKey: CoreFixture.platformKey, vaultMasterKey: CoreFixture.vaultMasterKey)
        #expect(stored.now == outcome.now, "the stored offset puts the clock at the segment's end")
        #expect(store.world.account.schedulerCheckpoint == outcome.now)
        let key = try #require(store.world.keys.first { $0.name == CoreFixture.keyName })
        #expect(key.versions.count == 3, "the fixture's two versions and the rotation of the first segment")
        #expect(store.audit.contains { $0.operationName == "KeyRotate" && $0.detail == "rotation policy" })
        #expect(asked.first?.eventCount == 0)
        #expect(asked.last?.committedSegments == 1)
        #expect(asked.last?.eventCount == 3)
    }

    @Test("stopped in the middle of a segment: what that segment ran is committed too")
    func stopMidSegment() throws {
        let store = Self.store()

        let outcome = try ClockMove.run(to: .after(ISODuration("P3Y")), on: store) { progress in
            progress.eventCount >= 6 ? .stop : .proceed
        }

        #expect(outcome.segments == 1)
        #expect(!outcome.reachedTarget)
        #expect(outcome.events.count == 7, "it stops at the first quiet instant after the sixth event")
        let key = try #require(store.world.keys.first { $0.name == CoreFixture.keyName })
        #expect(key.versions.count == 2 + outcome.events.filter { $0.kind == "KeyRotated" }.count)
        #expect(store.world.account.schedulerCheckpoint == outcome.now)
    }

    @Test("an advance beyond 100 years is refused before the store is touched", arguments: [
        "P100Y1D", "P1000Y", "P1201M", "P36525D", "P5218W",
    ])
    func advanceBeyondLimit(duration: String) throws {
        let store = CountingStore(Self.store())

        let error = try #require(throws: CMKError.self) {
            try ClockMove.run(to: .after(ISODuration(duration)), on: store) { _ in .proceed }
        }

        #expect(error.category == .usage)
        #expect(error.message == "'\(duration)' is longer than one clock move may go: at most P100Y (100 years).")
        #expect(error.hint?.contains("acrcmk clock advance P100Y") == true)
        #expect(store.performed == 0)
    }

    @Test("an advance of exactly 100 years, however spelt, is allowed", arguments: ["P100Y", "P1200M", "P99Y12M",
                                                                                    "P36524D"])
    func advanceAtLimit(duration: String) throws {
        try ClockMove.checkSpan(of: ISODuration(duration))
    }

    @Test("a clock set beyond 100 years is refused before the scheduler runs; the clock is unchanged")
    func setBeyondLimit() throws {
        let store = Self.store()
        let before = store.world
        let target = try ISODuration("P101Y").added(to: CoreFixture.start)

        let error = try #require(throws: CMKError.self) {
            try ClockMove.run(to: .at(target), on: store) { _ in .proceed }
        }

        #expect(error.category == .usage)
        #expect(error.message.hasPrefix("\(Timestamp.azString(target)) is 100 years ahead of the simulated clock"))
        #expect(error.message.hasSuffix("one clock move may go at most P100Y (100 years)."))
        #expect(error.hint?.contains("acrcmk clock set 2126-11-23T12:00:00") == true)
        #expect(store.world == before, "nothing fell due yet, and the refusal rolled the move back")
    }

    @Test("clock set backwards is refused unless allowed, and then is one segment that runs nothing")
    func setBackwards() throws {
        let store = Self.store()
        let target = try #require(Timestamp.parse("2026-01-01T00:00:00Z"))

        let before = store.world
        let refused = #expect(throws: CMKError.self) {
            try ClockMove.run(to: .at(target), on: store) { _ in .stop }
        }
        #expect(refused?.category == .usage)
        #expect(refused?.message.contains("is before the simulated time now") == true)
        #expect(refused?.hint?.contains("--backwards") == true)
        #expect(store.world == before, "a refused move back leaves the clock where it was")

        let outcome = try ClockMove.run(to: .allowingBackwards(target), on: store) { _ in .stop }

        #expect(outcome.segments == 1)
        #expect(outcome.reachedTarget)
        #expect(outcome.events.isEmpty)
        #expect(outcome.now == target)
        #expect(store.world.account.schedulerCheckpoint == target)
    }
}

/// A store that counts its transactions.
private final class CountingStore: StateStore {
    private let inner: InMemoryStateStore
    private(set) var performed = 0

    init(_ inner: InMemoryStateStore) {
        self.inner = inner
    }

    func perform<T>(_ body: (Session) throws -> T) throws -> T {
        performed += 1
        return try inner.perform(body)
    }

    func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
        try inner.auditEvents(filter)
    }
}
