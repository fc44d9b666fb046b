import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// The content use cases end to end in memory: real sealing with the registry's keys, the index rules, and what a
/// front end gets back (typed results, coded errors), with no file and no database.
@Suite("Registry content use cases")
struct RegistryContentTests {
    /// Pulls `reference` the way `acrcmk pull` does for a single-file artifact, into memory.
    private func pullFile(_ content: RegistryContent, _ reference: String, registry: String = "cmkreg") throws
        -> (bytes: ContentBuffer, fileName: String)
    {
        let plan = try content.plan(registry: registry, repository: try ImageReference(parsing: reference).repository,
                                    reference: try ImageReference(parsing: reference), action: "pulled")
        let artifact = try #require(try content.fileArtifact(in: plan))
        let output = ContentBuffer()
        try content.writeFile(artifact.layer, keys: plan.keys, to: output)
        return (output, artifact.fileName)
    }

    private func pushFile(_ content: RegistryContent, _ bytes: [UInt8], as reference: String,
                          registry: String = "cmkreg", title: String = "data.bin") throws -> PushResult {
        try content.push(.file(title: title, open: { ContentBuffer(bytes) }), to: registry,
                         as: try ImageReference(parsing: reference))
    }

    @Test("a file pushed as an artifact pulls back byte-identical; no plaintext reaches a sealed object",
          arguments: ["cmkreg", "plainreg"])
    func fileRoundTrip(registry: String) throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        // Several full 1 MiB chunks and a short last one.
        let (bytes, marker) = ContentFixture.markedBytes(3 << 20 + 123)

        let pushed = try pushFile(content, bytes, as: "samples/data:v1", registry: registry)

        #expect(pushed.registry == registry)
        #expect(pushed.repository == "samples/data" && pushed.tag == "v1")
        #expect(pushed.mediaType == OCIMediaType.imageManifest)
        #expect(pushed.objects == 3, "the layer, an empty config and the manifest")
        #expect(pushed.sealedBytes == Int64(bytes.count) + 2 + pushed.size)
        #expect(pushed.attempts == 1)
        let pulled = try pullFile(content, "samples/data:v1", registry: registry)
        #expect(pulled.bytes.bytes == bytes)
        #expect(pulled.fileName == "data.bin")
        let sealed = try home.memory.objectIDsOnDisk().compactMap { home.memory.sealedBytes(of: $0) }
        #expect(sealed.count == 3)
        #expect(!sealed.contains { $0.contains(bytes: marker) })
        #expect(bytes.contains(bytes: marker), "the marker search itself must work")
        #expect(try content.repositories(in: registry).map(\.name) == ["samples/data"])
        let manifest = try #require(try content.manifests(in: registry, repository: "samples/data").first)
        #expect(manifest.digest == pushed.digest && manifest.tags == ["v1"])
        #expect(manifest.artifactType == OCIMediaType.fileArtifact)
    }

    @Test("each push and each pull unwraps the data key once, audited")
    func oneUnwrapPerOperation() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let unwraps = { try home.auditEvents(AuditFilter(registry: "cmkreg", operationName: "KeyUnwrap")).count }
        let before = try unwraps()
        _ = try pushFile(content, Array("hello".utf8), as: "samples/hello:v1")
        #expect(try unwraps() == before + 1)
        _ = try pullFile(content, "samples/hello:v1")
        #expect(try unwraps() == before + 2)
    }

    @Test("an image pushes from one layout and exports to another with identical blobs; delete removes it all")
    func imageRoundTrip() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (source, manifest) = try ContentFixture.imageLayout(
            layers: [Identifiers.randomBytes(count: 2 << 20 + 5), Array("second layer".utf8)])

        let pushed = try content.push(.imageLayout(source), to: "cmkreg", as: try ImageReference(parsing: "img/app:v1"))

        #expect(pushed.digest == manifest.digest && pushed.size == manifest.size)
        #expect(pushed.objects == 4)
        let stored = try #require(try content.manifests(in: "cmkreg", repository: "img/app").first)
        #expect(stored.architecture == "arm64" && stored.os == "linux")
        #expect(stored.imageSize == source.blobs.values.reduce(0) { $0 + Int64($1.count) })
        let plan = try content.plan(registry: "cmkreg", repository: "img/app", reference: nil, action: "exported")
        let copy = InMemoryImageLayout()
        try content.writeLayout(plan, to: copy)
        #expect(copy.blobs == source.blobs)
        let index = try #require(try copy.index())
        #expect(index.manifests.map(\.digest) == [manifest.digest])
        #expect(index.manifests.first?.annotations?[OCIMediaType.refNameAnnotation] == "v1")
        #expect(try content.fileArtifact(in: plan) == nil, "an image is not a single-file artifact")
        #expect(try content.counts(of: "cmkreg") == ContentCounts(repositories: 1, manifests: 1, tags: 1, blobs: 4))

        #expect(try content.deleteRepository("img/app", from: "cmkreg") == 4)
        #expect(try home.memory.objectIDsOnDisk() == [])
        #expect(try content.repositories(in: "cmkreg") == [])
        #expect(try content.counts(of: "cmkreg") == .empty)
    }

    @Test("import records every tag of a layout in one commit; a layout without tags is refused before any unwrap")
    func importEveryTag() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let first = try ContentFixture.imageLayout(tag: "v1", layers: [Array("one".utf8)])
        let second = try ContentFixture.imageLayout(tag: "v2", layers: [Array("two".utf8)])
        let layout = InMemoryImageLayout()
        for blob in first.layout.blobs.merging(second.layout.blobs, uniquingKeysWith: { a, _ in a }) {
            layout.addBlob(blob.value, mediaType: OCIMediaType.octetStream)
        }
        var tagged = [first.manifest, second.manifest]
        tagged[0].annotations = [OCIMediaType.refNameAnnotation: "v1"]
        tagged[1].annotations = [OCIMediaType.refNameAnnotation: "v2"]
        try layout.setIndex(OCIImageIndex(manifests: tagged))

        let imported = try content.importLayout(layout, into: "cmkreg", repository: "app")

        #expect(imported.tags == [ImportedTag(tag: "v1", digest: first.manifest.digest),
                                  ImportedTag(tag: "v2", digest: second.manifest.digest)])
        #expect(try content.tags(in: "cmkreg", repository: "app").map(\.name) == ["v1", "v2"])

        let untagged = InMemoryImageLayout()
        try untagged.setIndex(OCIImageIndex(manifests: [first.manifest]))
        let unwraps = try home.auditEvents(AuditFilter(operationName: "KeyUnwrap")).count
        let error = try #require(throws: CMKError.self) {
            try content.importLayout(untagged, into: "cmkreg", repository: "other")
        }
        #expect(error.code == "NoTags")
        #expect(try home.auditEvents(AuditFilter(operationName: "KeyUnwrap")).count == unwraps)
        let notLayout = try #require(throws: CMKError.self) {
            try content.importLayout(InMemoryImageLayout(), into: "cmkreg", repository: "other")
        }
        #expect(notLayout.code == "NotAnOCILayout")
    }

    @Test("pushing the same image again reuses every blob the registry holds; only the manifest is sealed again")
    func existingObjectsAreReused() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (source, manifest) = try ContentFixture.imageLayout(layers: [Identifiers.randomBytes(count: 70_000)])
        _ = try content.push(.imageLayout(source), to: "cmkreg", as: try ImageReference(parsing: "img/app:v1"))

        let again = try content.push(.imageLayout(source), to: "cmkreg", as: try ImageReference(parsing: "img/app:v2"))

        #expect(again.sealedBytes == manifest.size)
        #expect(again.objects == 3)
        let stored = try content.manifests(in: "cmkreg", repository: "img/app")
        #expect(stored.count == 1 && stored[0].tags == ["v1", "v2"])
    }

    @Test("a tag pushed again moves to the new manifest; the old manifest stays")
    func tagMoves() throws {
        let content = RegistryContent(home: try ContentFixture.home())
        let first = try pushFile(content, Array("first".utf8), as: "app:latest")
        let second = try pushFile(content, Array("second".utf8), as: "app:latest")

        let tags = try content.tags(in: "cmkreg", repository: "app")
        #expect(tags.map(\.digest) == [second.digest])
        #expect(try content.manifests(in: "cmkreg", repository: "app").map(\.digest) == [first.digest, second.digest])
        #expect(try pullFile(content, "app:latest").bytes.bytes == Array("second".utf8))
    }

    @Test("a layout whose blob does not match its digest, or lacks one, is refused and nothing is recorded")
    func corruptLayoutIsRefused() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let (source, _) = try ContentFixture.imageLayout(layers: [Identifiers.randomBytes(count: 70_000)])
        let layer = try #require(source.blobs.first { $0.value.count == 70_000 })
        var damaged = layer.value
        damaged[1234] ^= 0xff
        source.putBlob(damaged, as: layer.key)

        let mismatch = try #require(throws: CMKError.self) {
            try content.push(.imageLayout(source), to: "cmkreg", as: try ImageReference(parsing: "img/app:v1"))
        }
        #expect(mismatch.code == "DigestMismatch")
        #expect(try content.repositories(in: "cmkreg") == [])
        #expect(try home.memory.objectIDsOnDisk().count == 1, "only the config was sealed, and no row names it")
        #expect(try home.memory.objectLocations() == [])

        let incomplete = InMemoryImageLayout()
        for (digest, bytes) in source.blobs where digest != layer.key {
            incomplete.putBlob(bytes, as: digest)
        }
        try incomplete.setIndex(try #require(try source.index()))
        let missing = try #require(throws: CMKError.self) {
            try content.push(.imageLayout(incomplete), to: "cmkreg", as: try ImageReference(parsing: "img/app:v1"))
        }
        #expect(missing.code == "BlobMissing")
        #expect(try home.memory.objectLocations() == [])
    }

    @Test("a damaged sealed object fails the pull with ContentTampered, a missing one with ContentMissing")
    func damagedContentFailsThePull() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        let bytes = Identifiers.randomBytes(count: 1 << 20 + 17)
        _ = try pushFile(content, bytes, as: "app:v1")
        let layer = try #require(home.memory.objectIDsOnDisk().max {
            (home.memory.sealedBytes(of: $0)?.count ?? 0) < (home.memory.sealedBytes(of: $1)?.count ?? 0)
        })
        var sealed = try #require(home.memory.sealedBytes(of: layer))
        sealed[sealed.count - 100] ^= 0x01
        home.memory.replaceSealedBytes(of: layer, with: sealed)

        let plan = try content.plan(registry: "cmkreg", repository: "app",
                                    reference: try ImageReference(parsing: "app:v1"), action: "pulled")
        let artifact = try #require(try content.fileArtifact(in: plan))
        let output = ContentBuffer()
        let tampered = try #require(throws: CMKError.self) {
            try content.writeFile(artifact.layer, keys: plan.keys, to: output)
        }
        #expect(tampered.code == "ContentTampered")
        #expect(!output.isCommitted && output.bytes.isEmpty, "nothing is written")
        let layout = InMemoryImageLayout()
        #expect(throws: CMKError.self) { try content.writeLayout(plan, to: layout) }
        #expect(!layout.isCommitted && layout.blobs.isEmpty)

        try home.memory.removeObjects([layer])
        let missing = try #require(throws: CMKError.self) {
            try content.writeFile(artifact.layer, keys: plan.keys, to: output)
        }
        #expect(missing.code == "ContentMissing")
        #expect(!output.isCommitted)
    }

    @Test("an object deleted before the commit is sealed again once; deleted twice, the push fails and records nothing")
    func concurrentDeleteIsRetriedOnce() throws {
        let home = try ContentFixture.home()
        let store = VanishingObjects(home.memory)
        let content = RegistryContent(store: home, content: store)
        let observer = RetryCounter()

        store.vanishing = 1
        let pushed = try content.push(.file(title: "a.bin", open: { ContentBuffer(Array("payload".utf8)) }),
                                      to: "cmkreg", as: try ImageReference(parsing: "app:v1"), observer: observer)
        #expect(pushed.attempts == 2)
        #expect(observer.retries == [1])
        #expect(try pullFile(content, "app:v1").bytes.bytes == Array("payload".utf8))

        store.vanishing = 2
        let conflict = try #require(throws: CMKError.self) {
            try content.push(.file(title: "b.bin", open: { ContentBuffer(Array("other".utf8)) }), to: "cmkreg",
                             as: try ImageReference(parsing: "app:v2"))
        }
        #expect(conflict.code == "ContentConflict")
        #expect(try content.tags(in: "cmkreg", repository: "app").map(\.name) == ["v1"])
    }

    @Test("index changes roll back with a command that fails")
    func indexRollsBack() throws {
        let home = try ContentFixture.home()
        let content = RegistryContent(home: home)
        _ = try pushFile(content, Array("kept".utf8), as: "app:v1")
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try home.perform { session in
                let keys = try session.contentKeys(forRegistry: "cmkreg")
                _ = try home.content.deleteRepository(keys: keys, repository: "app")
                throw Abort()
            }
        }
        #expect(try content.repositories(in: "cmkreg").map(\.name) == ["app"])
    }

    @Test("a copy of an in-memory store starts with the same content and then changes on its own")
    func inMemoryCopyIsIndependent() throws {
        let home = try ContentFixture.home()
        _ = try pushFile(RegistryContent(home: home), Array("kept".utf8), as: "app:v1")
        let objects = try home.memory.objectIDsOnDisk()
        let copy = InMemoryContentHome(state: home.state, memory: home.memory.copy())
        #expect(try copy.memory.objectIDsOnDisk() == objects)

        #expect(try RegistryContent(home: copy).deleteRepository("app", from: "cmkreg") == 3)
        _ = try pushFile(RegistryContent(home: copy), Array("new".utf8), as: "other:v1")

        #expect(try RegistryContent(home: home).repositories(in: "cmkreg").map(\.name) == ["app"])
        #expect(try home.memory.objectIDsOnDisk() == objects)
        #expect(try pullFile(RegistryContent(home: home), "app:v1").bytes.bytes == Array("kept".utf8))
        #expect(try RegistryContent(home: copy).repositories(in: "cmkreg").map(\.name) == ["other"])
    }

    @Test("a push needs a tag, and a repository name the distribution spec allows")
    func pushNeedsATag() throws {
        let content = RegistryContent(home: try ContentFixture.home())
        let digest = "sha256:" + String(repeating: "0a", count: 32)
        let error = try #require(throws: CMKError.self) {
            try content.push(.file(title: "x", open: { ContentBuffer() }), to: "cmkreg",
                             as: try ImageReference(parsing: "app@" + digest))
        }
        #expect(error.category == .usage)
        let name = try #require(throws: CMKError.self) {
            try content.importLayout(InMemoryImageLayout(), into: "cmkreg", repository: "Bad/Name")
        }
        #expect(name.category == .usage)
    }
}

/// Counts the retries a push reports.
private final class RetryCounter: TransferObserver {
    var retries: [Int] = []

    func transferRetrying(after attempt: Int) {
        retries.append(attempt)
    }
}

/// An in-memory store where a concurrent `repository delete` removes sealed objects just before a push commits:
/// the first `vanishing` existence checks delete the object they ask about.
private final class VanishingObjects: ContentStore {
    private let base: InMemoryContentStore
    var vanishing = 0

    init(_ base: InMemoryContentStore) {
        self.base = base
    }

    func objectExists(_ objectID: String) -> Bool {
        if vanishing > 0 {
            vanishing -= 1
            try? base.removeObjects([objectID])
        }
        return base.objectExists(objectID)
    }

    func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
              read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject {
        try base.seal(keys: keys, expectedDigest: expectedDigest, progress: progress, read: read)
    }

    func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
              consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        try base.open(object, keys: keys, progress: progress, consume: consume)
    }

    func removeObjects(_ objectIDs: [String]) throws { try base.removeObjects(objectIDs) }
    func namedObjectIDs(among objectIDs: [String]) throws -> Set<String> {
        try base.namedObjectIDs(among: objectIDs)
    }
    func objectIDsOnDisk() throws -> [String] { try base.objectIDsOnDisk() }
    func objectModificationDate(_ objectID: String) -> Date? { base.objectModificationDate(objectID) }
    func removeStaleTemporaryFiles() throws -> Int { try base.removeStaleTemporaryFiles() }
    func repositories(keys: ContentKeys) throws -> [ContentRepositoryRecord] { try base.repositories(keys: keys) }
    func repository(keys: ContentKeys, name: String) throws -> ContentRepositoryRecord? {
        try base.repository(keys: keys, name: name)
    }
    func tags(keys: ContentKeys, repository: String) throws -> [ContentTagRecord] {
        try base.tags(keys: keys, repository: repository)
    }
    func manifests(keys: ContentKeys, repository: String) throws -> [ContentManifestRecord] {
        try base.manifests(keys: keys, repository: repository)
    }
    func blob(keys: ContentKeys, digest: String) throws -> ContentBlobRecord? {
        try base.blob(keys: keys, digest: digest)
    }
    func blobs(keys: ContentKeys) throws -> [ContentBlobRecord] { try base.blobs(keys: keys) }
    func commit(_ push: ContentPush, keys: ContentKeys) throws { try base.commit(push, keys: keys) }
    func deleteRepository(keys: ContentKeys, repository: String) throws -> [String] {
        try base.deleteRepository(keys: keys, repository: repository)
    }
    func deleteTag(keys: ContentKeys, repository: String, tag: String) throws -> Bool {
        try base.deleteTag(keys: keys, repository: repository, tag: tag)
    }
    func deleteManifest(keys: ContentKeys, repository: String, digest: String) throws -> [String]? {
        try base.deleteManifest(keys: keys, repository: repository, digest: digest)
    }
    func objectLocations() throws -> [ContentObjectLocation] { try base.objectLocations() }
    func deleteScope(_ scope: String) throws -> [String] { try base.deleteScope(scope) }
    func counts(scope: String) throws -> ContentCounts { try base.counts(scope: scope) }
}
