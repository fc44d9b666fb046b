import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// What commands running at the same time may and may not do to each other's committed content.
@Suite("Content under concurrent commands")
struct ContentConcurrencyTests {
    @Test("a push sharing a layer commits between a repository delete's commit and its unlink: the layer stays")
    func deleteNeverUnlinksWhatAPushJustNamed() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let layer = Identifiers.randomBytes(count: 300_000)
        let (first, _) = try ContentFixture.imageLayout(tag: "v1", layers: [layer])
        _ = try content.push(.imageLayout(first), to: "cmkreg", as: try ImageReference(parsing: "one/app:v1"))

        // The delete commits its rows; the layer's object is no longer named by any row and its file is still there.
        let unreferenced = try content.deleteRepositoryRows("one/app", from: "cmkreg")
        #expect(unreferenced.count == 3)
        // Meanwhile a push of another image with the same layer finds the object on disk; no row names it any more,
        // so the push does not trust the file and seals the layer again, then commits rows naming it.
        let (second, _) = try ContentFixture.imageLayout(tag: "v2", layers: [layer])
        let pushed = try content.push(.imageLayout(second), to: "cmkreg", as: try ImageReference(parsing: "two/app:v2"))
        #expect(pushed.attempts == 2)

        // Now the delete unlinks what it found unreferenced: only what no committed row names.
        let removed = try content.removeUnnamedObjects(unreferenced)
        #expect(removed == 0, "the layer and the config are named by the second push's rows again")

        let plan = try content.plan(registry: "cmkreg", repository: "two/app", reference: nil, action: "exported")
        let copy = InMemoryImageLayout()
        try content.writeLayout(plan, to: copy)
        #expect(copy.blobs == second.blobs)
        let check = try content.check(repair: false, now: Date())
        #expect(check.missing.isEmpty && check.damaged.isEmpty)
    }

    @Test("what the delete unlinks is exactly what no row names")
    func deleteUnlinksTheUnnamed() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (image, _) = try ContentFixture.imageLayout(layers: [Identifiers.randomBytes(count: 1000)])
        _ = try content.push(.imageLayout(image), to: "cmkreg", as: try ImageReference(parsing: "solo/app:v1"))
        let unreferenced = try content.deleteRepositoryRows("solo/app", from: "cmkreg")
        #expect(try content.removeUnnamedObjects(unreferenced) == 3)
        #expect(try home.memory.objectIDsOnDisk() == [])
    }

    @Test("a push that failed on a wrong size leaves a file behind; the retry does not trust it, and a good image later works")
    func rejectedLayoutDoesNotPoisonTheRegistry() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let layer = Identifiers.randomBytes(count: 5000)
        let (bad, _) = try ContentFixture.imageLayout(tag: "v1", layers: [layer], declaredLayerSize: 4999)
        for _ in 0..<2 {
            let error = try #require(throws: CMKError.self) {
                try content.push(.imageLayout(bad), to: "cmkreg", as: try ImageReference(parsing: "bad/app:v1"))
            }
            #expect(error.code == .sizeMismatch, "\(error)")
        }
        #expect(try content.repositories(in: "cmkreg") == [])

        let (good, _) = try ContentFixture.imageLayout(tag: "v1", layers: [layer])
        _ = try content.push(.imageLayout(good), to: "cmkreg", as: try ImageReference(parsing: "good/app:v1"))
        let plan = try content.plan(registry: "cmkreg", repository: "good/app", reference: nil, action: "exported")
        let copy = InMemoryImageLayout()
        try content.writeLayout(plan, to: copy)
        #expect(copy.blobs == good.blobs)
        let blobs = try home.perform { session in
            try home.memory.blobs(keys: try session.contentKeys(forRegistry: "cmkreg"))
        }
        let layerDigest = "sha256:" + SHA256.hex(SHA256.hash(layer))
        #expect(blobs.first { $0.object.digest == layerDigest }?.object.size == 5000)
    }

    @Test("a descriptor with a negative size is refused before anything is sealed")
    func negativeSizeIsRefused() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (image, _) = try ContentFixture.imageLayout(tag: "v1", layers: [Array("layer".utf8)], declaredLayerSize: -5)
        let error = try #require(throws: CMKError.self) {
            try content.push(.imageLayout(image), to: "cmkreg", as: try ImageReference(parsing: "neg/app:v1"))
        }
        #expect(error.code == .manifestInvalid, "\(error)")
        #expect(error.message.contains("-5"))
        #expect(try home.memory.objectIDsOnDisk() == [])
    }
}
