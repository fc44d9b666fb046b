import Foundation

/// A content store held in memory, for tests and previews: objects are sealed and opened for real (the same
/// `SealedContentPipeline` and keys as on disk), the index is plain dictionaries per registry scope.
///
/// It keeps the observable rules of the SQLite store: listings sorted the same way, a manifest pushed again keeps
/// what it recorded first, a moved tag keeps its creation time, repository delete removes the blobs nothing else
/// references, and the same errors for a missing (`ContentMissing`) or damaged (`ContentTampered`) object. What
/// it does not do is hide anything: the index holds no lookup tokens or sealed values, since it never leaves memory.
/// Index changes roll back with the command only through `InMemoryContentHome`. Not thread-safe, like the SQLite
/// store.
public final class InMemoryContentStore: ContentStore {
    /// One registry incarnation's index.
    struct ScopeIndex {
        var repositories: [String: ContentRepositoryRecord] = [:]
        /// By repository, then digest; `tags` is filled on reading.
        var manifests: [String: [String: ContentManifestRecord]] = [:]
        /// By repository, then tag name.
        var tags: [String: [String: ContentTagRecord]] = [:]
        /// By digest.
        var blobs: [String: ContentBlobRecord] = [:]

        /// Every manifest's digest and everything the manifests reference.
        var digestsNamedByManifests: Set<String> {
            var needed: Set<String> = []
            for manifest in manifests.values.flatMap(\.values) {
                needed.insert(manifest.digest)
                needed.formUnion(manifest.references)
            }
            return needed
        }
    }

    private struct SealedObject {
        var bytes: [UInt8]
        var modified: Date
    }

    /// The index by scope; `InMemoryContentHome` restores it when a command fails.
    var index: [String: ScopeIndex] = [:]
    private var objects: [String: SealedObject] = [:]
    private let wallClock: @Sendable () -> Date

    /// - Parameter wallClock: Real time, for objects' modification dates.
    public init(wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.wallClock = wallClock
    }

    /// A store holding the same objects and index, which then changes on its own: for runs that must each start
    /// from the same content (the server's fuzz target).
    public func copy() -> InMemoryContentStore {
        let copy = InMemoryContentStore(wallClock: wallClock)
        copy.index = index
        copy.objects = objects
        return copy
    }

    // MARK: Sealed objects

    public func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
                     read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject {
        var sealed: [UInt8] = []
        let object = try SealedContentPipeline.seal(keys: keys, expectedDigest: expectedDigest, progress: progress,
                                                    read: read, write: { sealed.append(contentsOf: $0) })
        objects[object.objectID] = SealedObject(bytes: sealed, modified: wallClock())
        return object
    }

    public func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
                     consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard Self.isValidID(object.objectID) else {
            throw SealedContentPipeline.tampered(object, keys: keys,
                                                 detail: "its object id '\(object.objectID)' is malformed")
        }
        guard let stored = objects[object.objectID]?.bytes else {
            throw CMKError(.notFound, code: .contentMissing, "The sealed object of \(object.digest) in registry "
                               + "'\(keys.registryName)' is missing.",
                           hint: "Run 'acrcmk fsck' to list what is damaged.")
        }
        try SealedContentPipeline.open(
            object, keys: keys, sealedSize: Int64(stored.count), progress: progress,
            read: { buffer, offset in
                let start = Int(min(offset, Int64(stored.count)))
                let count = min(buffer.count, stored.count - start)
                stored.withUnsafeBytes { source in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<start + count]))
                }
                return count
            },
            consume: consume)
    }

    public func objectExists(_ objectID: String) -> Bool {
        objects[objectID] != nil
    }

    public func removeObjects(_ objectIDs: [String]) throws {
        for id in objectIDs {
            objects[id] = nil
        }
    }

    public func namedObjectIDs(among objectIDs: [String]) throws -> Set<String> {
        let named = Set(try objectLocations().map(\.objectID))
        return Set(objectIDs.filter(named.contains))
    }

    public func objectIDsOnDisk() throws -> [String] {
        objects.keys.sorted()
    }

    public func objectModificationDate(_ objectID: String) -> Date? {
        objects[objectID]?.modified
    }

    public func removeStaleTemporaryFiles() throws -> Int {
        0  // Nothing is ever half-written: an object is stored only once sealed.
    }

    /// The sealed bytes of an object, as the disk would hold them; for tests that inspect or damage them.
    public func sealedBytes(of objectID: String) -> [UInt8]? {
        objects[objectID]?.bytes
    }

    /// Replaces the sealed bytes of an object, as damage on disk would; for tests.
    public func replaceSealedBytes(of objectID: String, with bytes: [UInt8]) {
        objects[objectID] = SealedObject(bytes: bytes, modified: wallClock())
    }

    // MARK: Index

    public func repositories(keys: ContentKeys) throws -> [ContentRepositoryRecord] {
        (index[keys.scope]?.repositories.values).map(Array.init)?.sorted { Self.precedes($0.name, $1.name) } ?? []
    }

    public func repository(keys: ContentKeys, name: String) throws -> ContentRepositoryRecord? {
        index[keys.scope]?.repositories[name]
    }

    public func tags(keys: ContentKeys, repository: String) throws -> [ContentTagRecord] {
        (index[keys.scope]?.tags[repository]?.values).map(Array.init)?.sorted { Self.precedes($0.name, $1.name) }
            ?? []
    }

    public func manifests(keys: ContentKeys, repository: String) throws -> [ContentManifestRecord] {
        let tagsByDigest = Dictionary(grouping: try tags(keys: keys, repository: repository), by: \.digest)
        let stored = (index[keys.scope]?.manifests[repository]?.values).map(Array.init) ?? []
        return stored.map { manifest in
            var record = manifest
            record.references = manifest.references.sorted()
            record.tags = (tagsByDigest[manifest.digest] ?? []).map(\.name).sorted()
            return record
        }
        .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : Self.precedes($0.digest, $1.digest) }
    }

    public func blob(keys: ContentKeys, digest: String) throws -> ContentBlobRecord? {
        index[keys.scope]?.blobs[digest]
    }

    public func blobs(keys: ContentKeys) throws -> [ContentBlobRecord] {
        (index[keys.scope]?.blobs.values).map(Array.init)?
            .sorted { Self.precedes($0.object.digest, $1.object.digest) } ?? []
    }

    public func commit(_ push: ContentPush, keys: ContentKeys) throws {
        var scope = index[keys.scope] ?? ScopeIndex()
        for object in push.objects {
            let createdAt = scope.blobs[object.digest]?.createdAt ?? push.time
            scope.blobs[object.digest] = ContentBlobRecord(scope: keys.scope, registry: keys.registryName,
                                                           object: object, createdAt: createdAt)
        }
        // An uploaded blob belongs to the registry; a repository exists once a manifest names it.
        guard !push.manifests.isEmpty || push.tag != nil else {
            index[keys.scope] = scope
            return
        }
        var repository = scope.repositories[push.repository]
            ?? ContentRepositoryRecord(name: push.repository, createdAt: push.time, lastUpdatedAt: push.time)
        repository.lastUpdatedAt = push.time
        scope.repositories[push.repository] = repository
        for manifest in push.manifests {
            // A manifest pushed again keeps what it recorded first (its content is the same); only its time moves.
            var record = scope.manifests[push.repository]?[manifest.digest] ?? {
                var first = manifest
                first.repository = push.repository
                first.createdAt = push.time
                first.tags = []
                return first
            }()
            record.lastUpdatedAt = push.time
            scope.manifests[push.repository, default: [:]][manifest.digest] = record
        }
        if let tag = push.tag, let digest = push.tagDigest {
            var record = scope.tags[push.repository]?[tag]
                ?? ContentTagRecord(repository: push.repository, name: tag, digest: digest, createdAt: push.time,
                                    lastUpdatedAt: push.time)
            record.digest = digest
            record.lastUpdatedAt = push.time
            scope.tags[push.repository, default: [:]][tag] = record
        }
        index[keys.scope] = scope
    }

    public func deleteRepository(keys: ContentKeys, repository: String) throws -> [String] {
        guard var scope = index[keys.scope], scope.repositories.removeValue(forKey: repository) != nil else {
            return []
        }
        scope.manifests[repository] = nil
        scope.tags[repository] = nil
        // The registry's remaining manifests, and what they reference, stay; every other blob goes.
        let needed = scope.digestsNamedByManifests
        let unreferenced = scope.blobs.values.filter { !needed.contains($0.object.digest) }
        for blob in unreferenced {
            scope.blobs[blob.object.digest] = nil
        }
        index[keys.scope] = scope
        return unreferenced.map(\.object.objectID).sorted()
    }

    public func deleteTag(keys: ContentKeys, repository: String, tag: String) throws -> Bool {
        guard index[keys.scope]?.tags[repository]?[tag] != nil else { return false }
        index[keys.scope]?.tags[repository]?[tag] = nil
        return true
    }

    public func deleteManifest(keys: ContentKeys, repository: String, digest: String) throws -> [String]? {
        guard var scope = index[keys.scope], let deleted = scope.manifests[repository]?[digest] else { return nil }
        scope.manifests[repository]?[digest] = nil
        scope.tags[repository] = scope.tags[repository]?.filter { $0.value.digest != digest }
        if scope.manifests[repository]?.isEmpty ?? true {
            scope.manifests[repository] = nil
            scope.tags[repository] = nil
            scope.repositories[repository] = nil
        }
        // Only what the deleted manifest named may go: blobs uploaded for a push still in progress stay.
        let needed = scope.digestsNamedByManifests
        var removed: [String] = []
        for candidate in [digest] + deleted.references where !needed.contains(candidate) {
            if let blob = scope.blobs.removeValue(forKey: candidate) {
                removed.append(blob.object.objectID)
            }
        }
        index[keys.scope] = scope
        return removed
    }

    public func objectLocations() throws -> [ContentObjectLocation] {
        index.values.flatMap(\.blobs.values)
            .map { ContentObjectLocation(scope: $0.scope, registry: $0.registry, objectID: $0.object.objectID) }
            .sorted {
                ($0.registry, $0.scope, $0.objectID) < ($1.registry, $1.scope, $1.objectID)
            }
    }

    public func deleteScope(_ scope: String) throws -> [String] {
        let ids = (index[scope]?.blobs.values.map(\.object.objectID) ?? []).sorted()
        index[scope] = nil
        return ids
    }

    public func counts(scope: String) throws -> ContentCounts {
        guard let found = index[scope] else { return .empty }
        return ContentCounts(repositories: found.repositories.count,
                             manifests: found.manifests.values.reduce(0) { $0 + $1.count },
                             tags: found.tags.values.reduce(0) { $0 + $1.count }, blobs: found.blobs.count)
    }

    /// The SQLite store's text order (BINARY collation): UTF-8 byte order.
    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Object ids are lowercase hex, as `ContentKeys.objectID(for:)` makes them.
    private static func isValidID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        }
    }
}
