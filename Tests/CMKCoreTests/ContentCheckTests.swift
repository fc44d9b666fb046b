import Foundation
import Testing

@testable import CMKCore

/// `fsck` as a core use case, in memory: verification, locked registries, orphans and their repair.
@Suite("Content check")
struct ContentCheckTests {
    private func push(_ content: RegistryContent, _ text: String, as reference: String,
                      registry: String = "cmkreg") throws {
        _ = try content.push(.file(title: "f.bin", open: { ContentBuffer(Array(text.utf8)) }), to: registry,
                             as: try ImageReference(parsing: reference))
    }

    @Test("every object verifies; a damaged one is reported damaged and a removed one missing, never repaired away")
    func damagedAndMissing() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        try push(content, "first", as: "app:v1")
        try push(content, "second", as: "app:v2")
        let clean = try content.check(repair: false, now: Date())
        #expect(clean.objects == 5 && clean.verified == 5 && clean.isHealthy)

        let ids = try home.memory.objectIDsOnDisk()
        var sealed = try #require(home.memory.sealedBytes(of: ids[0]))
        sealed[sealed.count - 1] ^= 0x01
        home.memory.replaceSealedBytes(of: ids[0], with: sealed)
        try home.memory.removeObjects([ids[1]])
        let report = try content.check(repair: true, now: Date.distantFuture)

        #expect(!report.isHealthy)
        #expect(report.damaged.map(\.objectID) == [ids[0]])
        #expect(report.damaged.first?.error.code == "ContentTampered")
        #expect(report.missing.map(\.objectID) == [ids[1]])
        #expect(report.verified == 3)
        #expect(home.memory.objectExists(ids[0]), "damaged objects are never removed")
    }

    @Test("a locked registry's objects are unverifiable, not damaged")
    func lockedRegistry() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        try push(content, "locked away", as: "app:v1")
        try push(content, "plain", as: "app:v1", registry: "plainreg")
        try home.perform { try Revocation.disableKey.revoke($0) }

        let report = try content.check(repair: false, now: Date())

        #expect(report.isHealthy)
        #expect(report.lockedRegistries.map(\.registry) == ["cmkreg"])
        #expect(report.lockedRegistries.first?.error.code == "KeyDisabled")
        #expect(report.unverifiable == 3 && report.verified == 3)
    }

    @Test("orphans are removed only after the grace period; a deleted registry's leftovers go with repair")
    func orphansAndDeletedRegistries() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        try push(content, "kept", as: "app:v1")
        try push(content, "left behind", as: "app:v1", registry: "plainreg")
        let keys = try home.perform { try $0.contentKeys(forRegistry: "cmkreg") }
        let orphan = try home.memory.sealBytes(Array("sealed, never committed".utf8), keys: keys)
        try home.perform { try $0.deleteRegistry(name: "plainreg", resourceGroup: nil) }

        let found = try content.check(repair: false, now: Date())
        #expect(found.orphanFiles == [orphan.objectID])
        #expect(found.deletedRegistryObjects == 3)

        let young = try content.check(repair: true, now: CoreFixture.start)
        #expect(young.removedOrphanFiles == 0, "an unnamed object may belong to a push still running")
        #expect(young.removedDeletedRegistryObjects == 3)
        #expect(home.memory.objectExists(orphan.objectID))

        let old = try content.check(repair: true, now: CoreFixture.start.addingTimeInterval(2 * 3600))
        #expect(old.removedOrphanFiles == 1)
        #expect(!home.memory.objectExists(orphan.objectID))
        #expect(try content.check(repair: false, now: Date()).objects == 3)
    }
}
