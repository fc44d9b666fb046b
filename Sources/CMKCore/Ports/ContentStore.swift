import Foundation

/// Where a state home keeps registry content: the sealed object files and the content index.
///
/// Two kinds of calls, with different transaction rules:
/// - Sealed objects (`seal…`, `open…`, `removeObjects`) stream and fsync; call them outside
///   `StateStore.perform`, so a long push never holds the write lock.
/// - Index calls read and write rows of the same database as the world; call them inside
///   `StateStore.perform`, so they commit (or roll back) with the command.
///
/// A sealed object is durable (fsynced and renamed into place) before any index row names it; objects that no
/// row names are orphans, which `fsck` reports and removes.
public protocol ContentStore: AnyObject {
    // MARK: Sealed objects

    /// Seals a local file into a new object, hashing it on the way.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - keys: The registry's keys.
    ///   - expectedDigest: When given, the digest the file must have; a mismatch leaves nothing behind.
    ///   - progress: Called with the bytes read so far.
    /// - Returns: The object's digest, size and id.
    /// - Throws: `CMKError` for an unreadable file or a digest mismatch; store errors.
    func sealFile(at path: String, keys: ContentKeys, expectedDigest: String?,
                  progress: ((Int64) -> Void)?) throws -> ContentObject

    /// Seals bytes held in memory (manifests, configs) into a new object.
    func sealBytes(_ bytes: [UInt8], keys: ContentKeys) throws -> ContentObject

    /// Opens an object and writes its content to `path` (created; replaced only when complete and verified).
    ///
    /// - Throws: `CMKError` (`ContentTampered`, `ContentMissing`) when the object fails authentication, is
    ///   truncated or its digest or size differ; no output file remains on any failure.
    func openObject(_ object: ContentObject, keys: ContentKeys, toFile path: String,
                    progress: ((Int64) -> Void)?) throws

    /// Opens a small object into memory (manifests), verifying it like `openObject`.
    func readObject(_ object: ContentObject, keys: ContentKeys, limit: Int) throws -> [UInt8]

    /// Decrypts and re-hashes an object without writing it anywhere.
    func verifyObject(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?) throws

    /// True when the sealed file of `objectID` exists.
    func objectExists(_ objectID: String) -> Bool

    /// Deletes sealed files; missing ones are ignored.
    func removeObjects(_ objectIDs: [String]) throws

    /// Every sealed file on disk.
    func objectIDsOnDisk() throws -> [String]

    /// When a sealed file was last written (real time), or nil when it is missing.
    func objectModificationDate(_ objectID: String) -> Date?

    /// Removes temporary files of writers that died; returns how many.
    func removeStaleTemporaryFiles() throws -> Int

    // MARK: Index (inside StateStore.perform)

    /// Repositories of a registry, sorted by name.
    func repositories(scope: String) throws -> [ContentRepositoryRecord]

    /// Tags of a repository, sorted by name.
    func tags(scope: String, repository: String) throws -> [ContentTagRecord]

    /// Manifests of a repository with their tags, oldest first.
    func manifests(scope: String, repository: String) throws -> [ContentManifestRecord]

    /// The blob row of a digest, if the registry holds it.
    func blob(scope: String, digest: String) throws -> ContentBlobRecord?

    /// Adds what a push sealed: objects, manifests, the repository and the tag (moved if it existed).
    func commit(_ push: ContentPush) throws

    /// Deletes a repository's tags and manifests, then the blob rows no remaining manifest of the registry
    /// references. Returns the object ids to delete from disk once the transaction commits.
    func deleteRepository(scope: String, repository: String) throws -> [String]

    /// Every blob row of every registry (for fsck).
    func allBlobs() throws -> [ContentBlobRecord]

    /// Deletes every row of a scope (a deleted registry's leftovers); returns its object ids.
    func deleteScope(_ scope: String) throws -> [String]
}

/// A state store that also holds registry content.
public protocol ContentHome: StateStore {
    /// The content store over the same state home.
    var content: any ContentStore { get }
}
