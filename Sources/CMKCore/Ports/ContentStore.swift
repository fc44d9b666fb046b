import Foundation

/// Where a state home keeps registry content: the sealed object files and the content index.
///
/// Two kinds of calls, with different transaction rules:
/// - Sealed objects (`seal…`, `open…`) stream and fsync; call them outside `StateStore.perform`, so a long push
///   never holds the write lock.
/// - Index calls read and write rows of the same database as the world; call them inside
///   `StateStore.perform`, so they commit (or roll back) with the command.
/// - `removeObjects` is the exception: call it only inside `StateStore.perform`, after `namedObjectIDs` said no
///   committed row names the objects (`RegistryContent.removeUnnamedObjects` does both). Under the write lock no
///   push can commit a row naming an object between that check and the unlink.
///
/// A sealed object is durable (fsynced and renamed into place) before any index row names it; objects that no
/// row names are orphans, which `fsck` reports and removes.
public protocol ContentStore: AnyObject {
    // MARK: Sealed objects

    /// Seals what `read` delivers into a new object, hashing it on the way (`SealedContentPipeline.seal`), and
    /// stores it under the returned object id only once it is complete (and has the expected digest).
    ///
    /// - Parameters:
    ///   - keys: The registry's keys.
    ///   - expectedDigest: When given, the digest the content must have; a mismatch leaves nothing behind.
    ///   - progress: Called with the bytes read so far.
    ///   - read: Fills the buffer and returns how many bytes it put there; fewer only at the end.
    /// - Returns: The object's digest, size and id.
    /// - Throws: `CMKError` (`DigestMismatch`) or whatever `read` throws; store errors.
    func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
              read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject

    /// Opens an object, handing its plaintext to `consume` in order, and verifies it
    /// (`SealedContentPipeline.open`).
    ///
    /// Plaintext is consumed before the whole object has been verified: the caller discards what it received when
    /// this throws.
    ///
    /// - Throws: `CMKError` (`ContentTampered`, `ContentMissing`) when the object fails authentication, is
    ///   truncated, missing, or its digest or size differ; whatever `consume` throws.
    func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
              consume: (UnsafeRawBufferPointer) throws -> Void) throws

    /// True when the sealed file of `objectID` exists.
    func objectExists(_ objectID: String) -> Bool

    /// Deletes sealed files; missing ones are ignored. Inside `StateStore.perform` only, after `namedObjectIDs`.
    func removeObjects(_ objectIDs: [String]) throws

    /// Which of `objectIDs` a committed row of any registry names; needs no keys.
    func namedObjectIDs(among objectIDs: [String]) throws -> Set<String>

    /// Every sealed file on disk.
    func objectIDsOnDisk() throws -> [String]

    /// When a sealed file was last written (real time), or nil when it is missing.
    func objectModificationDate(_ objectID: String) -> Date?

    /// Removes temporary files of writers that died; returns how many.
    func removeStaleTemporaryFiles() throws -> Int

    /// The partial files of interrupted commands this command has removed so far (when it opened the state home,
    /// and since), and those it could not remove; for `fsck`'s report.
    func partialFileSweep() -> PartialFileSweep

    // MARK: Index (inside StateStore.perform)

    // The index is sealed with the registry's keys: names, digests, media types, platforms, sizes and times are
    // stored only as keyed lookup tokens and sealed values. Every call that reads or writes them takes the
    // registry's `ContentKeys`; without them (revocation) the index cannot be read. Only object locations and
    // `deleteScope` work without keys.

    /// Repositories of a registry, sorted by name (byte order).
    ///
    /// - Throws: `CMKError` (`ContentIndexTampered`) when a row does not open with `keys`; store errors.
    func repositories(keys: ContentKeys) throws -> [ContentRepositoryRecord]

    /// One repository of a registry, or nil when the registry has no repository of that name.
    func repository(keys: ContentKeys, name: String) throws -> ContentRepositoryRecord?

    /// Tags of a repository, sorted by name (byte order).
    func tags(keys: ContentKeys, repository: String) throws -> [ContentTagRecord]

    /// Manifests of a repository with their tags, oldest first (then by digest).
    func manifests(keys: ContentKeys, repository: String) throws -> [ContentManifestRecord]

    /// The blob row of a digest, if the registry holds it.
    func blob(keys: ContentKeys, digest: String) throws -> ContentBlobRecord?

    /// Every blob row of a registry, sorted by digest (for fsck).
    func blobs(keys: ContentKeys) throws -> [ContentBlobRecord]

    /// Adds what a push sealed: objects, manifests, the repository and the tag (moved if it existed).
    func commit(_ push: ContentPush, keys: ContentKeys) throws

    /// Deletes a repository's tags and manifests, then the blob rows no remaining manifest of the registry
    /// references. Returns the object ids to delete from disk once the transaction commits.
    func deleteRepository(keys: ContentKeys, repository: String) throws -> [String]

    /// Deletes one tag of a repository; false when the repository has no such tag.
    func deleteTag(keys: ContentKeys, repository: String, tag: String) throws -> Bool

    /// Deletes a manifest of a repository and the tags pointing at it (the repository too when it was its last
    /// manifest), then the blob rows of what it referenced that no remaining manifest of the registry references.
    /// Returns the object ids to delete from disk once the transaction commits; nil when there is no such
    /// manifest.
    func deleteManifest(keys: ContentKeys, repository: String, digest: String) throws -> [String]?

    /// Where every indexed object of every registry lives, sorted by registry, scope and object id; needs no keys
    /// (for fsck: orphans, locked registries, deleted registries' leftovers).
    func objectLocations() throws -> [ContentObjectLocation]

    /// Deletes every row of a scope (a deleted registry's leftovers) without its keys; returns its object ids.
    func deleteScope(_ scope: String) throws -> [String]

    /// How many rows a registry's index holds: readable without its keys, like Azure's registry metrics.
    func counts(scope: String) throws -> ContentCounts
}

extension ContentStore {
    /// Nothing: a store that never leaves partial files behind sweeps none.
    public func partialFileSweep() -> PartialFileSweep {
        PartialFileSweep()
    }

    /// Seals everything `reader` delivers into a new object.
    public func seal(_ reader: any ContentReader, keys: ContentKeys, expectedDigest: String?,
                     progress: ((Int64) -> Void)?) throws -> ContentObject {
        try seal(keys: keys, expectedDigest: expectedDigest, progress: progress, read: reader.read(into:))
    }

    /// Seals bytes held in memory (manifests, configs) into a new object.
    public func sealBytes(_ bytes: [UInt8], keys: ContentKeys) throws -> ContentObject {
        var offset = 0
        return try seal(keys: keys, expectedDigest: nil, progress: nil) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
            }
            offset += count
            return count
        }
    }

    /// Opens an object into `writer`, committing it only when the whole object verified and discarding it on any
    /// failure.
    ///
    /// - Throws: As `open`; `writer`'s own errors.
    public func openObject(_ object: ContentObject, keys: ContentKeys, into writer: any ContentWriter,
                           progress: ((Int64) -> Void)?) throws {
        do {
            try open(object, keys: keys, progress: progress) { try writer.write($0) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Opens a small object (a manifest) into memory, verifying it like `open`.
    ///
    /// - Throws: `CMKError` (`ContentTooLarge`) when the object is larger than `limit`; as `open`.
    public func readObject(_ object: ContentObject, keys: ContentKeys, limit: Int) throws -> [UInt8] {
        guard object.size <= Int64(limit) else {
            throw CMKError.badRequest(.contentTooLarge, "\(object.digest) is \(object.size) bytes; documents of at "
                + "most \(limit) bytes are read into memory.")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(object.size))
        try open(object, keys: keys, progress: nil) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Decrypts and re-hashes an object without writing it anywhere.
    public func verifyObject(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?) throws {
        try open(object, keys: keys, progress: progress) { _ in }
    }
}

/// A state store that also holds registry content.
public protocol ContentHome: StateStore {
    /// The content store over the same state home.
    var content: any ContentStore { get }
}

/// The size of a registry's content index.
public struct ContentCounts: Sendable, Equatable {
    public var repositories: Int
    public var manifests: Int
    public var tags: Int
    public var blobs: Int

    public init(repositories: Int, manifests: Int, tags: Int, blobs: Int) {
        self.repositories = repositories
        self.manifests = manifests
        self.tags = tags
        self.blobs = blobs
    }

    public static let empty = ContentCounts(repositories: 0, manifests: 0, tags: 0, blobs: 0)
}
