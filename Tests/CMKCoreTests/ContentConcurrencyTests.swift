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
        try content.push(.imageLayout(first), to: "cmkreg", as: try ImageReference(parsing: "one/app:v1"))

        // The delete commits its rows; the layer's object is no longer named by any row and its file is still there.
        let unreferenced = try content.deleteRepositoryRows("one/app", from: "cmkreg")
        #expect(unreferenced.count == 3)
        // Meanwhile a push of another image with the same layer finds the object on disk, reuses it, and commits.
        let (second, _) = try ContentFixture.imageLayout(tag: "v2", layers: [layer])
        let pushed = try content.push(.imageLayout(second), to: "cmkreg", as: try ImageReference(parsing: "two/app:v2"))
        #expect(pushed.attempts == 1)

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
        try content.push(.imageLayout(image), to: "cmkreg", as: try ImageReference(parsing: "solo/app:v1"))
        let unreferenced = try content.deleteRepositoryRows("solo/app", from: "cmkreg")
        #expect(try content.removeUnnamedObjects(unreferenced) == 3)
        #expect(try home.memory.objectIDsOnDisk() == [])
    }
}
